"""Repair, not re-ask: an item the chunk does not support goes back alone, with the few sentences of
the chunk nearest to it, instead of the whole chunk again.

Nearness is the Dice coefficient of character bigrams, which suits Chinese (no word boundaries) and a
quote a model paraphrased or stitched: the sentences sharing most of its bigrams are where it came from.

The repair is a structured call like any other, in the run's mode, with a response model of its own
(``repair_model``): the lean reply read the same way, whose schema lists only the lists of the items
being repaired and, for a target, only the keys a model decides. It goes out with every repair, so it is kept
to what the repair needs.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

from summarizer.backends.llm.prompt import Prompt
from summarizer.backends.llm.schema import Failing, LeanReply, kind_of, reply_schema

NEAREST = 1
# A long sentence is cut to the stretch around the quote's words: what the model needs to copy from.
CONTEXT_MARGIN = 40
_SENTENCE_RE = re.compile(r"[^。！？；\n]+[。！？；]?")


def bigrams(text: str) -> set[str]:
    squeezed = re.sub(r"\s+", "", text)
    return {squeezed[i : i + 2] for i in range(len(squeezed) - 1)}


def nearest_sentences(chunk_text: str, quote: str, count: int = NEAREST) -> list[str]:
    """The ``count`` sentences of the chunk most like the quote, in the chunk's order."""
    wanted = bigrams(quote)
    if not wanted:
        return []
    scored = []
    for position, match in enumerate(_SENTENCE_RE.finditer(chunk_text)):
        sentence = match.group().strip()
        grams = bigrams(sentence)
        if not grams:
            continue
        score = 2 * len(wanted & grams) / (len(wanted) + len(grams))
        scored.append((score, position, sentence))
    best = sorted(scored, reverse=True)[:count]
    return [
        _around(sentence, quote) for score, _, sentence in sorted(best, key=lambda item: item[1]) if score > 0
    ]


def _around(sentence: str, quote: str) -> str:
    """The part of a sentence where the quote's bigrams fall, with a margin on each side."""
    limit = len(quote) + 2 * CONTEXT_MARGIN
    if len(sentence) <= limit:
        return sentence
    places = sorted(i for gram in bigrams(quote) if (i := sentence.find(gram)) >= 0)
    if not places:
        return sentence[:limit]
    middle = places[len(places) // 2]
    start = max(0, min(middle - len(quote) // 2 - CONTEXT_MARGIN, len(sentence) - limit))
    return sentence[start : start + limit]


def repair_messages(prompt: Prompt, failing: list[Failing], chunk_text: str) -> list[dict[str, str]]:
    """A system message (the repair prompt) and a user message: each failing item, under the list it
    came in, and its sentences."""
    blocks = []
    for number, failed in enumerate(failing, start=1):
        shown = {key: value for key, value in failed.item.items() if key not in _NOT_SHOWN}
        item: dict[str, Any] = {"list": list_of(failed), **shown}
        context = "\n".join(nearest_sentences(chunk_text, str(failed.item.get("q", ""))))
        blocks.append(
            f"{number}. {json.dumps(item, ensure_ascii=False)}（{failed.reason}）\n原文句子：\n{context}"
        )
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": "\n\n".join(blocks)}]


def list_of(failed: Failing) -> str:
    """The reply list a failing item belongs in: a target's says its kind."""
    if failed.kind == "goal":
        return "goals"
    if failed.kind == "task":
        return "tasks"
    return "results" if kind_of(failed.item) == "result" else "targets"


# The kind is the list's; ``figure`` is the number of a ``分别`` clause the package picked from the quote.
_NOT_SHOWN = ("k", "figure")
# A repaired target gives what a model decides; unit, change and qualifier are read from its quote.
_REPAIR_TARGET_KEYS = ("q", "i", "v", "y")


def repair_schema(lists: frozenset[str]) -> dict[str, Any]:
    """The lean schema cut to ``lists`` and, for targets, to the keys a model decides (inlined)."""
    schema = reply_schema()
    shared = schema.pop("$defs", {})
    schema["properties"] = {name: value for name, value in schema["properties"].items() if name in lists}
    for value in schema["properties"].values():
        reference = value["items"].get("$ref")
        if reference is not None:
            item = copy.deepcopy(shared[reference.rsplit("/", 1)[1]])
            item["properties"] = {key: item["properties"][key] for key in _REPAIR_TARGET_KEYS}
            value["items"] = item
    return schema


@cache
def repair_model(lists: frozenset[str]) -> type[LeanReply]:
    """The repair call's response model for items of ``lists`` (one class per set of lists)."""
    schema = repair_schema(lists)

    class Repaired(LeanReply):
        """改正后的条目"""

        @classmethod
        def schema_for_the_model(cls) -> dict[str, Any]:
            return copy.deepcopy(schema)

    return Repaired
