from __future__ import annotations

import pytest

from summarizer.align import Aligned
from summarizer.merge import merge_aligned
from summarizer.models import DocumentSpan, Goal, Section, Target, Task


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


def _document_with_parts() -> DocumentSpan:
    """A report of 300 characters: its plan (0–100), an annex (100–200) and a glossary (200–300)."""
    return DocumentSpan(
        index=0,
        start=0,
        end=300,
        sections=(
            Section(0, 100, "二、2025年工作安排", "plan"),
            Section(100, 200, "附件", "annex"),
            Section(200, 300, "名词解释", "notes"),
        ),
    )


@pytest.mark.parametrize(
    ("start", "kept"),
    [
        pytest.param(10, {"goal", "target", "task"}, id="plan-yields-everything"),
        pytest.param(110, {"target"}, id="annex-yields-targets-only"),
        pytest.param(210, set(), id="glossary-yields-nothing"),
    ],
)
def test_parts_that_are_not_the_reports_work_yield_only_what_spec_says(start: int, kept: set[str]) -> None:
    """Whatever the backend (a model too): an item placed in a glossary or annex is dropped and said."""
    goal = Goal(text="建设强市", quote="建设强市", start=start, end=start + 4)
    task = Task(title="扩大有效投资", quote="扩大有效投资", start=start + 5, end=start + 11)
    found = Aligned(
        goals=[goal], targets=[target("GDP", 8.0, start=start + 20, quote="GDP增长8%")], tasks=[task]
    )
    merged = merge_aligned([found], _document_with_parts())
    survived = {
        kind
        for kind, items in (("goal", merged.goals), ("target", merged.targets), ("task", merged.tasks))
        if items
    }
    assert survived == kept
    assert {dropped.kind for dropped in merged.dropped} == {"goal", "target", "task"} - kept
    assert all("part" in dropped.reason for dropped in merged.dropped)
