"""Names of the measured thing as strict judges read them (``../shared/docs/JUDGING.md``): each case is a
kind of error found in judged whole-document samples, written in its general form."""

from __future__ import annotations

import pytest

from summarizer.backends.rules.targets import find_targets
from summarizer.models import Chunk, DocumentSpan, TargetDraft


def targets_of(text: str, review_year: int | None = 2024, plan_year: int | None = 2025) -> list[TargetDraft]:
    span = DocumentSpan(index=0, start=0, end=len(text), review_year=review_year, plan_year=plan_year)
    return find_targets(Chunk(index=0, start=0, end=len(text), text=text, document=span))


def named(text: str) -> list[tuple[str, float | None]]:
    return [(t.indicator, t.value) for t in targets_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "加快建设哇让、同德、南山口、德令哈4座抽水蓄能电站。",
            [("建设抽水蓄能电站", 4)],
            id="flow-verb-before-named-items-and-count",
        ),
        pytest.param(
            "新培育407个典型镇、2519个典型村。",
            [("新培育典型镇", 407), ("新培育典型村", 2519)],
            id="flow-verb-before-a-list-of-counts",
        ),
        pytest.param(
            "对新谋划总投资424.5亿元的48个项目，加强跑办申报。",
            [("新谋划项目", 48)],
            id="flow-verb-before-the-cost-and-count",
        ),
        pytest.param("建成100个绿色工厂。", [("建成绿色工厂", 100)], id="built-before-count"),
        pytest.param(
            "改造老旧小区300个、老旧管网3500公里。",
            [("改造老旧小区", 300), ("改造老旧管网", 3500)],
            id="verb-of-building-shared-by-a-tight-list",
        ),
        pytest.param(
            "改造老旧小区300个、危房改造1126户。",
            [("改造老旧小区", 300), ("危房改造", 1126)],
            id="an-item-with-its-own-verb-keeps-it",
        ),
        pytest.param(
            "新设置3个口袋市场。",
            [("口袋市场", 3)],
            id="a-verb-run-on-is-no-flow-verb",
        ),
        pytest.param(
            "建成产教融合基地32个和专门教育学校2所。",
            [("建成产教融合基地", 32), ("建成专门教育学校", 2)],
            id="a-list-going-on-is-not-the-noun-counted",
        ),
    ],
)
def test_flow_verbs_are_part_of_the_name(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected
