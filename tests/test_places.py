"""Places: the name a document gives itself, and the level it speaks at."""

from __future__ import annotations

import pytest

from summarizer.places import level_of, place_of


@pytest.mark.parametrize(
    ("body", "level", "expected"),
    [
        pytest.param(
            "政府工作报告\n——2022年1月27日在保定市满城区第三届人民代表大会第二次会议上\n各位代表：",
            None,
            "满城区",
            id="congress-date-line-last-of-the-chain",
        ),
        pytest.param(
            "2020年1月13日在县十六届人民代表大会第四次会议上\n涞源县人民政府县长周峰\n各位代表：",
            None,
            "涞源县",
            id="byline-when-the-congress-is-unnamed",
        ),
        pytest.param(
            "各位代表：\n现在，我代表容城县第十四届人民政府，向大会报告工作。",
            None,
            "容城县",
            id="speaks-for",
        ),
        pytest.param("2025年安徽省政府工作报告\n来源：省政府政策研究室\n", None, "安徽省", id="dated-title"),
        pytest.param(
            "2025年广西政府工作报告\n2025年1月13日在广西壮族自治区第十四届人民代表大会第三次会议上\n"
            "现在，我代表自治区人民政府，向大会报告工作。",
            None,
            "广西壮族自治区",
            id="autonomous-region-not-its-bare-suffix",
        ),
        pytest.param(
            "2025年四川省政府工作报告\n2025年1月20日在四川省第十四届人民代表大会第四次会议上",
            None,
            "四川省",
            id="name-starting-with-a-numeral",
        ),
        pytest.param(
            "各位代表：\n现在，我代表国务院，向大会作政府工作报告。", "国家", "全国", id="state-council"
        ),
        pytest.param(
            "各位代表：\n现在，我代表县政府向大会作工作报告。全县上下要团结一心，项目落户易县。",
            "县",
            None,
            id="self-reference-names-no-place",
        ),
        pytest.param("同志们：明年要抓好以下工作。", None, None, id="nothing"),
    ],
)
def test_place_of(body: str, level: str | None, expected: str | None) -> None:
    assert place_of(body, level) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("place", "level"),
    [
        ("满城区", "区"),
        ("广西壮族自治区", "省"),
        ("北京市", "市"),
        ("安国市", "市"),
        ("蠡县", "县"),
        ("恩施土家族苗族自治州", "州"),
        ("全国", "国家"),
    ],
)
def test_level_of(place: str, level: str) -> None:
    assert level_of(place) == level
