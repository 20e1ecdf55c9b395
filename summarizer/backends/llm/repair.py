"""Repair, not re-ask: an item the chunk does not support goes back alone, with the few sentences of
the chunk nearest to it, instead of the whole chunk again.

Nearness is the Dice coefficient of character bigrams, which suits Chinese (no word boundaries) and a
quote a model paraphrased or stitched: the sentences sharing most of its bigrams are where it came from.

The repair is a structured call like any other, in the run's mode, with a response model of its own
(``repair_model``): the lean reply read the same way, whose schema lists only the kinds of item being
repaired and, for a target, only the keys a model decides. It goes out with every repair, so it is kept
to what the repair needs.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

from summarizer.backends.llm.prompt import Prompt
from summarizer.backends.llm.schema import Failing, LeanReply, reply_schema

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
    """A system message (the repair prompt) and a user message: each failing item and its sentences."""
    blocks = []
    for number, failed in enumerate(failing, start=1):
        item: dict[str, Any] = {"list": _LIST_OF[failed.kind], **failed.item}
        context = "\n".join(nearest_sentences(chunk_text, str(failed.item.get("q", ""))))
        blocks.append(
            f"{number}. {json.dumps(item, ensure_ascii=False)}（{failed.reason}）\n原文句子：\n{context}"
        )
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": "\n\n".join(blocks)}]


_LIST_OF = {"goal": "goals", "target": "targets", "task": "tasks"}
# A repaired target gives what a model decides; unit, change and qualifier are read from its quote.
_REPAIR_TARGET_KEYS = ("q", "k", "i", "v", "y")


def repair_schema(kinds: frozenset[str]) -> dict[str, Any]:
    """The lean schema cut to the lists of ``kinds`` and, for targets, to the keys a model decides."""
    schema = copy.deepcopy(reply_schema())
    lists = {_LIST_OF[kind] for kind in kinds}
    schema["properties"] = {name: value for name, value in schema["properties"].items() if name in lists}
    if "targets" in schema["properties"]:
        item = schema["properties"]["targets"]["items"]
        item["properties"] = {key: item["properties"][key] for key in _REPAIR_TARGET_KEYS}
    return schema


@cache
def repair_model(kinds: frozenset[str]) -> type[LeanReply]:
    """The repair call's response model for items of ``kinds`` (one class per set of kinds)."""
    schema = repair_schema(kinds)

    class Repaired(LeanReply):
        """改正后的条目"""

        @classmethod
        def schema_for_the_model(cls) -> dict[str, Any]:
            return copy.deepcopy(schema)

    return Repaired
