from __future__ import annotations

import pytest

from summarizer.align import NOT_IN_TEXT, align_extraction, locate
from summarizer.models import Chunk, DocumentSpan, Extraction, GoalDraft, TargetDraft

TEXT = "明年主要预期目标是：地区生产总值增长6%—6.5%，居民消费价格涨幅控制在3% 左右。地区生产总值增长6%—6.5%。"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        pytest.param("地区生产总值增长6%—6.5%", "地区生产总值增长6%—6.5%", id="exact"),
        pytest.param(
            "地区生产总值增长６％—６.５％", "地区生产总值增长6%—6.5%", id="full-width-digits-and-percent"
        ),
        pytest.param("地区生产总值增长6%-6.5%", "地区生产总值增长6%—6.5%", id="hyphen-for-dash"),
        pytest.param("控制在3%左右", "控制在3% 左右", id="missing-space"),
        pytest.param("控 制在3% 左右", "控制在3% 左右", id="extra-space"),
    ],
)
def test_locate_places_the_whole_quote(quote: str, expected: str) -> None:
    span = locate(TEXT, quote)
    assert span is not None
    assert TEXT[span[0] : span[1]] == expected


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("地区生产总值增长7%", id="number-not-in-text"),
        pytest.param("地区生产总值增长6%—6.5%，居民收入", id="only-a-prefix-matches"),
        pytest.param("   ", id="blank"),
        pytest.param("", id="empty"),
    ],
)
def test_locate_never_returns_a_partial_span(quote: str) -> None:
    assert locate(TEXT, quote) is None


def test_locate_prefers_the_occurrence_nearest_the_hint() -> None:
    second = TEXT.rindex("地区生产总值")
    assert locate(TEXT, "地区生产总值增长6%—6.5%", hint=second - 3) == (second, second + 15)
    assert locate(TEXT, "地区生产总值增长6%—6.5%")[0] == TEXT.index("地区生产总值")


def test_align_moves_items_to_file_offsets_and_drops_the_unplaceable() -> None:
    prefix = "目录\n"
    text = prefix + TEXT
    chunk = Chunk(0, len(prefix), len(text), TEXT, DocumentSpan(index=0, start=len(prefix), end=len(text)))
    draft = TargetDraft(
        indicator="地区生产总值", value=6, value_high=6.5, unit="%", kind="target", quote="增长6%-6.5%"
    )
    extraction = Extraction(
        targets=[draft], goals=[GoalDraft(text="建成强市", quote="建成经济强市")], tasks=[]
    )
    aligned = align_extraction(chunk, extraction)
    [target] = aligned.targets
    assert text[target.start : target.end] == target.quote == "增长6%—6.5%"
    assert aligned.goals == []
    assert [(d.kind, d.quote, d.reason) for d in aligned.dropped] == [("goal", "建成经济强市", NOT_IN_TEXT)]
