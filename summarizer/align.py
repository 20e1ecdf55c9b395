"""Align: place every item's quote at exact offsets in the file, or drop it with a reason.

An exact match comes first. Failing that, a loose match ignores white space and full/half-width
differences (``％``/``%``, ``８``/``8``, ``—``/``-``) on a normalized copy of the chunk, and maps the
match back to the raw text, whose characters then become the quote. A quote is placed whole or
not at all: never a partial span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from summarizer.models import (
    Chunk,
    Dropped,
    Extraction,
    Goal,
    GoalDraft,
    ItemKind,
    Target,
    TargetDraft,
    Task,
    TaskDraft,
)

_DASHES = set("—–―‐‑‒－-~～")
_QUOTE_MARKS = {"“": '"', "”": '"', "„": '"', "＂": '"', "‘": "'", "’": "'", "＇": "'"}
NOT_IN_TEXT = "quote not in text"


@dataclass
class Aligned:
    """One chunk's items placed in file coordinates, and what could not be placed."""

    goals: list[Goal] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def loose_char(ch: str) -> str:
    """The form a character takes in a loose match: '' for white space, ASCII for full width."""
    if ch.isspace():
        return ""
    if ch in _DASHES:
        return "-"
    if ch in _QUOTE_MARKS:
        return _QUOTE_MARKS[ch]
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return ch


def loose_form(text: str) -> tuple[str, list[int]]:
    """A normalized copy of ``text`` and, for each of its characters, the raw index it came from.

    Runs of dashes fold to one, so that ``——`` and ``-`` match.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        loose = loose_char(ch)
        if not loose or (loose == "-" and chars and chars[-1] == "-" and origin[-1] == index - 1):
            if loose == "-":
                origin[-1] = index
            continue
        chars.append(loose)
        origin.append(index)
    return "".join(chars), origin


def locate(text: str, quote: str, hint: int | None = None) -> tuple[int, int] | None:
    """The span of ``quote`` in ``text``: exact first, then loose; nearest to ``hint`` if it recurs."""
    if not quote or not quote.strip():
        return None
    if hint is not None and hint >= 0 and text[hint : hint + len(quote)] == quote:
        return hint, hint + len(quote)
    exact = _occurrences(text, quote)
    if exact:
        start = _nearest(exact, hint)
        return start, start + len(quote)
    return _locate_loosely(text, quote, hint)


def _locate_loosely(text: str, quote: str, hint: int | None) -> tuple[int, int] | None:
    loose_quote, _ = loose_form(quote)
    if not loose_quote:
        return None
    loose_text, origin = loose_form(text)
    found = _occurrences(loose_text, loose_quote)
    if not found:
        return None
    first = _nearest(found, None if hint is None else _loose_index(origin, hint))
    last = first + len(loose_quote) - 1
    start, end = origin[first], origin[last] + 1
    if loose_quote[0] == "-":
        start = _dash_run_start(text, start)
    return start, end


def _dash_run_start(text: str, index: int) -> int:
    while index > 0 and loose_char(text[index - 1]) == "-":
        index -= 1
    return index


def _loose_index(origin: list[int], raw: int) -> int:
    return next((i for i, position in enumerate(origin) if position >= raw), len(origin))


def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    position = text.find(needle)
    while position != -1:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _nearest(positions: list[int], hint: int | None) -> int:
    return positions[0] if hint is None else min(positions, key=lambda position: abs(position - hint))


def align_extraction(chunk: Chunk, extraction: Extraction) -> Aligned:
    """Place a chunk's draft items in the file; an item that cannot be placed is dropped, with its reason."""
    aligned = Aligned(dropped=list(extraction.dropped))
    for goal in extraction.goals:
        if (span := _place(chunk, goal, "goal", aligned.dropped)) is not None:
            aligned.goals.append(Goal(text=goal.text, **span))
    for target in extraction.targets:
        if (span := _place(chunk, target, "target", aligned.dropped)) is not None:
            aligned.targets.append(Target.model_validate(_placed_fields(target, _TARGET_FIELDS, span)))
    for task in extraction.tasks:
        if (span := _place(chunk, task, "task", aligned.dropped)) is not None:
            aligned.tasks.append(Task.model_validate(_placed_fields(task, _TASK_FIELDS, span)))
    return aligned


# A draft's fields that its placed item takes as they are (the item's model validates them again).
_TARGET_FIELDS = tuple(name for name in TargetDraft.model_fields if name not in ("quote", "offset"))
_TASK_FIELDS = tuple(name for name in TaskDraft.model_fields if name not in ("quote", "offset"))


def _placed_fields(draft: TargetDraft | TaskDraft, names: tuple[str, ...], span: _Span) -> dict[str, Any]:
    """The draft's fields with its place: read one by one, a third of the time of ``model_dump``, which
    also copies and serializes them."""
    fields: dict[str, Any] = {name: getattr(draft, name) for name in names}
    fields.update(span)
    return fields


class _Span(TypedDict):
    quote: str
    start: int
    end: int


def _place(
    chunk: Chunk, item: GoalDraft | TargetDraft | TaskDraft, kind: ItemKind, dropped: list[Dropped]
) -> _Span | None:
    span = locate(chunk.text, item.quote, item.offset)
    if span is None:
        dropped.append(Dropped(kind=kind, quote=item.quote, reason=NOT_IN_TEXT))
        return None
    start, end = span
    return _Span(quote=chunk.text[start:end], start=chunk.start + start, end=chunk.start + end)
