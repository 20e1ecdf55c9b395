"""A "perfect model" for the fake server: it answers each chunk with exactly the hand-labelled items
that lie in it, optionally with the slips real models make. Replayed through the whole model path,
it must score F1 1.0: any loss is a bug in chunking, alignment, deriving or merging.

It answers in the lean format the prompt asks for: a target's quote, under ``targets`` or ``results``
by its kind, and only the fields the package cannot read from the quote itself (it asks the package's
own ``derive_target`` what it would read, as a model that knew the rules would); the figures of one
quote (a ``分别`` clause) as one item listing their indicators in order (and their numbers, where they
are not the quote's last ones); a task's area in one character. The ``full-keys`` variant answers in
the first, full format with every field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fake_model import FakeRequest

from summarizer.backends.llm.derive import derive_target
from summarizer.backends.llm.schema import AREA_CODES, GIVEN_FIELDS
from summarizer.describe import describe
from summarizer.models import Chunk, DocumentSpan
from summarizer.numbers import find_quantities
from summarizer.split import split_documents

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
VARIANTS = [*SLIPS, "repeated-and-reordered", "full-keys", "inventing"]
# How the lean format says "none" where the package would read something: no year, no qualifier …
_NONE = {"year": 0, "qualifier": "", "unit": "", "value_high": ""}
_LEAN_FIELDS = {name: key for key, name in GIVEN_FIELDS.items()}
_AREA_CODE = {area: code for code, area in AREA_CODES.items()}
Reply = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class GoldFile:
    text: str
    documents: list[dict[str, Any]]
    spans: list[DocumentSpan]


def load_gold() -> list[GoldFile]:
    files = []
    for path in sorted(FIXTURES.glob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS / fixture["source"]).read_text(encoding="utf-8-sig")
        spans = [describe(text, span) for span in split_documents(text)]
        files.append(GoldFile(text, fixture["documents"], spans))
    return files


class GoldModel:
    """A reply function for ``FakeModelServer.reply_with``."""

    def __init__(self, variant: str = "perfect", files: list[GoldFile] | None = None) -> None:
        self.variant = variant
        self.slip = SLIPS.get(variant, SLIPS["perfect"])
        self.files = files if files is not None else load_gold()
        self._answers: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def __call__(self, request: FakeRequest) -> dict[str, list[dict[str, Any]]]:
        chunk = request.chunk_text
        if not chunk:
            return {"goals": [], "targets": [], "tasks": []}
        # The same chunk gets the same answer: worked out once, so that a benchmark's fake answers
        # as fast as a model's latency allows.
        if chunk not in self._answers:
            self._answers[chunk] = self._answer(chunk)
        return self._answers[chunk]

    def _answer(self, chunk: str) -> Reply:
        items = self.items_in(chunk)
        if self.variant == "repeated-and-reordered":
            items = {kind: [*reversed(found), *found] for kind, found in items.items()}
        if self.variant == "inventing":
            # One made-up target a reply, as real models do: the first real one, with a number the text
            # does not have.
            found = [
                (chunk.find(item["q"]), name, item) for name in ("targets", "results") for item in items[name]
            ]
            if found:
                _, name, first = min(found, key=lambda entry: entry[0])
                items[name] = [*items[name], {**first, "q": first["q"] + "以上再增长9.99%"}]
        return items

    def items_in(self, chunk: str) -> Reply:
        for gold in self.files:
            start = gold.text.find(chunk)
            if start != -1:
                return self._items_between(gold, start, start + len(chunk))
        raise AssertionError("the fake model was sent a chunk that is in no seed")

    def _items_between(self, gold: GoldFile, start: int, end: int) -> Reply:
        reply: Reply = {"goals": [], "targets": [], "results": [], "tasks": []}
        for document in gold.documents:
            if document["end"] <= start or document["start"] >= end:
                continue
            span = next(s for s in gold.spans if s.start <= max(start, document["start"]) < s.end)
            chunk = Chunk(0, start, end, gold.text[start:end], span)
            inside = {
                kind: [item for item in document[kind] if start <= item["start"] and item["end"] <= end]
                for kind in ("goals", "targets", "tasks")
            }
            if self.variant == "full-keys":
                for kind, items in inside.items():
                    reply[kind].extend(self._full(item) for item in items)
                continue
            reply["goals"].extend(self._lean_goal(item) for item in inside["goals"])
            reply["tasks"].extend(self._lean_task(item) for item in inside["tasks"])
            for item, lean in self._lean_targets(inside["targets"], chunk):
                reply["results" if item["kind"] == "result" else "targets"].append(lean)
        return reply

    def _full(self, item: dict[str, Any]) -> dict[str, Any]:
        """The first reply format: every field, under its long key."""
        written = {key: value for key, value in item.items() if key not in ("start", "end")}
        written["quote"] = self.slip(item["quote"])
        return written

    def _lean_goal(self, item: dict[str, Any]) -> dict[str, Any]:
        lean = {"q": self.slip(item["quote"])}
        if item["text"] != item["quote"]:
            lean["t"] = item["text"]
        return lean

    def _lean_task(self, item: dict[str, Any]) -> dict[str, Any]:
        lean: dict[str, Any] = {"q": self.slip(item["quote"])}
        if item["title"] != item["quote"]:
            lean["t"] = item["title"]
        if item["area"] != "other":
            lean["a"] = _AREA_CODE[item["area"]]
        if item["subtasks"]:
            lean["s"] = item["subtasks"]
        return lean

    def _lean_targets(
        self, items: list[dict[str, Any]], chunk: Chunk
    ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Each target as the prompt asks: the figures of one quote (a ``分别`` clause) of one kind as one
        item, where nothing but their indicators and numbers needs saying; the rest one by one."""
        written: list[tuple[dict[str, Any], dict[str, Any]]] = []
        done: set[int] = set()
        for number, item in enumerate(items):
            if number in done:
                continue
            same = [
                other
                for position, other in enumerate(items)
                if position not in done
                and (other["start"], other["end"], other["kind"])
                == (item["start"], item["end"], item["kind"])
            ]
            grouped = self._grouped(same, chunk) if len(same) > 1 else None
            if grouped is None:
                written.append((item, self._lean_target(item, chunk)))
                done.add(number)
                continue
            written.append((item, grouped))
            done.update(position for position, other in enumerate(items) if any(other is s for s in same))
        return written

    def _grouped(self, items: list[dict[str, Any]], chunk: Chunk) -> dict[str, Any] | None:
        """One item for the figures of one quote, or None where one of them needs more than its indicator
        and number (a year, a unit … the package would read otherwise)."""
        start, end = items[0]["start"] - chunk.start, items[0]["end"] - chunk.start
        for item in items:
            if item["value"] is None:
                return None
            derived = derive_target(chunk, start, end, item["kind"], item["value"])
            if derived is None or any(
                getattr(derived, name) != item[name]
                for name in _LEAN_FIELDS
                if name not in ("indicator", "value")
            ):
                return None
        ordered = sorted(items, key=lambda item: _position(chunk.text[start:end], item["value"]))
        lean: dict[str, Any] = {
            "q": self.slip(items[0]["quote"]),
            "i": [item["indicator"] for item in ordered],
        }
        values = [item["value"] for item in ordered]
        last = [m.value for m in find_quantities(chunk.text[start:end]) if m.value is not None][
            -len(values) :
        ]
        if values != last:
            lean["v"] = values
        return lean

    def _lean_target(self, item: dict[str, Any], chunk: Chunk) -> dict[str, Any]:
        """The quote, and each field the package would read otherwise than the label says."""
        lean: dict[str, Any] = {"q": self.slip(item["quote"])}
        start, end = item["start"] - chunk.start, item["end"] - chunk.start
        derived = derive_target(chunk, start, end, item["kind"])
        if derived is None or derived.value != item["value"]:
            lean["v"] = item["value"]
            derived = derive_target(chunk, start, end, item["kind"], item["value"])
        for name, key in _LEAN_FIELDS.items():
            read = getattr(derived, name) if derived is not None else None
            if name == "value" or read == item[name]:
                continue
            lean[key] = _NONE.get(name) if item[name] is None else item[name]
            if self.variant == "full-width" and lean[key] == "%":
                lean[key] = "％"
        if "v" in lean and lean["v"] is None:
            lean.pop("v")  # a placeholder: the quote's XX is read as no value
        return lean


def _position(quote: str, value: float | None) -> int:
    """Where a figure stands in its quote (its order in a ``分别`` clause)."""
    for mention in find_quantities(quote):
        if mention.value == value:
            return mention.start
    return len(quote)
