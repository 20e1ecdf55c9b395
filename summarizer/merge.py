"""Merge: the aligned items of a document's chunks, without the copies that overlapping chunks found twice.

Two items are the same when they are of one kind and sit at the same offsets; targets must also
share indicator and value, since one clause (``分别增长4.5%、7.5%``) can carry several targets.
The first copy, in chunk order, is kept; items come out in text order.

Whatever the backend, the parts of a document that are not its own work yield only what the labelling spec says
(``models.Part``): a glossary or annotations nothing, an annex no goals or tasks (its figures are
targets), a part that explains another document no tasks. An item a backend placed there is dropped and
listed in ``dropped`` with the part named, so that a model's items are held to the same rule as the rules'.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from summarizer.align import Aligned
from summarizer.models import DocumentSpan, Dropped, Goal, ItemKind, Part, Target, Task

Item = TypeVar("Item", Goal, Target, Task)

# The kinds of item each part that is not the report's own work does not yield.
NOT_YIELDED: dict[Part, frozenset[ItemKind]] = {
    "notes": frozenset({"goal", "target", "task"}),
    "annex": frozenset({"goal", "task"}),
    "explanation": frozenset({"task"}),
}


def merge_aligned(parts: Iterable[Aligned], document: DocumentSpan | None = None) -> Aligned:
    """One document's items from all its chunks, deduplicated and in text order; with ``document``,
    without the items that lie in a part yielding none of their kind."""
    parts = list(parts)
    dropped = [dropped for part in parts for dropped in part.dropped]
    merged = Aligned(
        goals=_in_yielding_parts(
            _unique((goal for part in parts for goal in part.goals), _span_key), "goal", document, dropped
        ),
        targets=_in_yielding_parts(
            _unique((target for part in parts for target in part.targets), _target_key),
            "target",
            document,
            dropped,
        ),
        tasks=_in_yielding_parts(
            _unique((task for part in parts for task in part.tasks), _span_key), "task", document, dropped
        ),
    )
    merged.dropped = _unique_dropped(dropped)
    return merged


def _in_yielding_parts(
    items: list[Item], kind: ItemKind, document: DocumentSpan | None, dropped: list[Dropped]
) -> list[Item]:
    if document is None:
        return items
    kept = []
    for item in items:
        part = document.part_at(item.start)
        if part is not None and kind in NOT_YIELDED.get(part, frozenset()):
            dropped.append(Dropped(kind=kind, quote=item.quote, reason=f"in the document's {part} part"))
        else:
            kept.append(item)
    return kept


def _span_key(item: Goal | Task | Target) -> Hashable:
    return item.start, item.end


def _target_key(target: Target) -> Hashable:
    return target.start, target.end, target.indicator, target.value, target.value_high, target.kind


def _unique(items: Iterable[Item], key: object) -> list[Item]:
    seen: dict[Hashable, Item] = {}
    for item in items:
        seen.setdefault(key(item), item)  # type: ignore[operator]
    return sorted(seen.values(), key=lambda item: (item.start, item.end))


def _unique_dropped(items: Iterable[Dropped]) -> list[Dropped]:
    return list({(item.kind, item.quote, item.reason): item for item in items}.values())
