"""A "perfect model" for the fake server: it answers each chunk with exactly the hand-labelled items
that lie in it, optionally with the slips real models make. Replayed through the whole model path,
it must score F1 1.0: any loss is a bug in chunking, alignment or merging.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fake_model import FakeRequest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "evals" / "fixtures" / "seeds"
SEEDS = ROOT / "seeds"

_FULL_WIDTH = str.maketrans("0123456789%.", "０１２３４５６７８９％．")


def _spaced(quote: str) -> str:
    """White space dropped where the text has it, and put in where it has none."""
    squeezed = re.sub(r"\s+", "", quote)
    return squeezed[:2] + " " + squeezed[2:] if len(squeezed) > 3 else squeezed


SLIPS: dict[str, Callable[[str], str]] = {
    "perfect": lambda quote: quote,
    "full-width": lambda quote: quote.translate(_FULL_WIDTH),
    "hyphen-for-dash": lambda quote: quote.replace("——", "-").replace("—", "-"),
    "white-space": _spaced,
}
VARIANTS = [*SLIPS, "repeated-and-reordered"]


@dataclass(frozen=True)
class GoldFile:
    text: str
    documents: list[dict[str, Any]]


def load_gold() -> list[GoldFile]:
    files = []
    for path in sorted(FIXTURES.glob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS / fixture["source"]).read_text(encoding="utf-8-sig")
        files.append(GoldFile(text, fixture["documents"]))
    return files


class GoldModel:
    """A reply function for ``FakeModelServer.reply_with``."""

    def __init__(self, variant: str = "perfect", files: list[GoldFile] | None = None) -> None:
        self.variant = variant
        self.slip = SLIPS.get(variant, SLIPS["perfect"])
        self.files = files if files is not None else load_gold()

    def __call__(self, request: FakeRequest) -> dict[str, list[dict[str, Any]]]:
        chunk = request.chunk_text
        if not chunk:
            return {"goals": [], "targets": [], "tasks": []}
        items = self.items_in(chunk)
        if self.variant == "repeated-and-reordered":
            items = {kind: [*reversed(found), *found] for kind, found in items.items()}
        return items

    def items_in(self, chunk: str) -> dict[str, list[dict[str, Any]]]:
        for gold in self.files:
            start = gold.text.find(chunk)
            if start != -1:
                return self._items_between(gold, start, start + len(chunk))
        raise AssertionError("the fake model was sent a chunk that is in no seed")

    def _items_between(self, gold: GoldFile, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
        reply: dict[str, list[dict[str, Any]]] = {"goals": [], "targets": [], "tasks": []}
        for document in gold.documents:
            if document["end"] <= start or document["start"] >= end:
                continue
            for kind in reply:
                for item in document[kind]:
                    if start <= item["start"] and item["end"] <= end:
                        reply[kind].append(self._as_model_writes_it(item))
        return reply

    def _as_model_writes_it(self, item: dict[str, Any]) -> dict[str, Any]:
        written = {key: value for key, value in item.items() if key not in ("start", "end")}
        written["quote"] = self.slip(item["quote"])
        if self.variant == "full-width" and written.get("unit") == "%":
            written["unit"] = "％"
        return written
