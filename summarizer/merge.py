"""Merge: the aligned items of a document's chunks, without the copies that overlapping chunks found twice.

Two items are the same when they are of one kind and sit at the same offsets; targets must also
share indicator and value, since one clause (``分别增长4.5%、7.5%``) can carry several targets.
The first copy, in chunk order, is kept; items come out in text order.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from summarizer.align import Aligned
from summarizer.models import Dropped, Goal, Target, Task

Item = TypeVar("Item", Goal, Target, Task)


def merge_aligned(parts: Iterable[Aligned]) -> Aligned:
    """One document's items from all its chunks, deduplicated and in text order."""
    parts = list(parts)
    return Aligned(
        goals=_unique((goal for part in parts for goal in part.goals), _span_key),
        targets=_unique((target for part in parts for target in part.targets), _target_key),
        tasks=_unique((task for part in parts for task in part.tasks), _span_key),
        dropped=_unique_dropped(dropped for part in parts for dropped in part.dropped),
    )


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
