from __future__ import annotations

from summarizer.align import Aligned
from summarizer.merge import merge_aligned
from summarizer.models import Goal, Target, Task


def target(indicator: str, value: float, start: int = 10, quote: str = "分别增长4.5%、7.5%") -> Target:
    return Target(
        indicator=indicator, value=value, kind="target", quote=quote, start=start, end=start + len(quote)
    )


def test_items_found_twice_by_overlapping_chunks_are_kept_once() -> None:
    goal = Goal(text="建设强市", quote="建设强市", start=40, end=44)
    task = Task(title="扩大有效投资", quote="扩大有效投资", start=50, end=56)
    first = Aligned(goals=[goal], targets=[target("第一产业增加值", 4.5)], tasks=[task])
    second = Aligned(goals=[goal], targets=[target("第一产业增加值", 4.5)], tasks=[task])
    merged = merge_aligned([first, second])
    assert (len(merged.goals), len(merged.targets), len(merged.tasks)) == (1, 1, 1)


def test_fanned_out_targets_sharing_a_quote_all_stay() -> None:
    merged = merge_aligned([Aligned(targets=[target("第一产业增加值", 4.5), target("第二产业增加值", 7.5)])])
    assert [t.indicator for t in merged.targets] == ["第一产业增加值", "第二产业增加值"]


def test_items_come_out_in_text_order() -> None:
    late, early = (
        target("GDP", 8.0, start=90, quote="GDP增长8%"),
        target("GDP", 9.0, start=5, quote="GDP增长9%"),
    )
    merged = merge_aligned([Aligned(targets=[late]), Aligned(targets=[early])])
    assert [t.start for t in merged.targets] == [5, 90]
