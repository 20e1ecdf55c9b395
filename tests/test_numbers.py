"""The number grammar: numerals, units, qualifiers, ranges, placeholders, rankings."""

from __future__ import annotations

import pytest

from summarizer.api import summarize
from summarizer.numbers import (
    find_flat,
    find_quantities,
    find_rankings,
    normalize_unit,
    numbers_in,
    parse_number,
    qualifier_of,
)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        pytest.param("8.5", 8.5, id="decimal"),
        pytest.param("８.５", 8.5, id="full-width-digits"),
        pytest.param("1,234.5", 1234.5, id="thousands-separator"),
        pytest.param("三千", 3000, id="chinese-thousands"),
        pytest.param("一万二千", 12000, id="chinese-wan"),
        pytest.param("十五", 15, id="chinese-leading-ten"),
        pytest.param("两", 2, id="chinese-liang"),
        pytest.param("零", 0, id="chinese-zero"),
        pytest.param("〇", 0, id="chinese-circle-zero"),
        pytest.param("二〇二二", 2022, id="chinese-digit-string"),
        pytest.param("1.5万", 15000, id="arabic-with-wan"),
        pytest.param("2/3", 2 / 3, id="fraction"),
        pytest.param("XX", None, id="placeholder"),
        pytest.param("X", None, id="single-placeholder"),
    ],
)
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


def test_parse_number_rejects_words() -> None:
    with pytest.raises(ValueError):
        parse_number("增长")


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        pytest.param("％", "%", id="full-width-percent"),
        pytest.param(" 亿元 ", "亿元", id="spaces"),
        pytest.param("百分点", "个百分点", id="points"),
    ],
)
def test_normalize_unit(written: str, unit: str) -> None:
    assert normalize_unit(written) == unit


@pytest.mark.parametrize(
    ("before", "after", "qualifier"),
    [
        pytest.param("增长", "左右，", "approx", id="zuoyou"),
        pytest.param("约", "", "approx", id="yue"),
        pytest.param("接近", "", "approx", id="jiejin"),
        pytest.param("就业近", "", "approx", id="jin"),
        pytest.param("不低于", "", "at_least", id="not-below"),
        pytest.param("突破", "", "at_least", id="tupo"),
        pytest.param("", "以上", "at_least", id="yishang"),
        pytest.param("", "以内", "at_most", id="yinei"),
        pytest.param("不超过", "", "at_most", id="not-above"),
        pytest.param("控制在", "以内", "at_most", id="kongzhi-yinei"),
        pytest.param("控制在", "左右", "approx", id="kongzhi-zuoyou"),
        pytest.param("增长", "，", None, id="exact"),
    ],
)
def test_qualifier_of(before: str, after: str, qualifier: str | None) -> None:
    assert qualifier_of(before, after) == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("地区生产总值增长8.5%", [(8.5, None, "%", None)], id="percent"),
        pytest.param("增长８.５％左右", [(8.5, None, "%", "approx")], id="full-width"),
        pytest.param("增长6%—6.5%", [(6, 6.5, "%", None)], id="range-with-dash"),
        pytest.param("增长6%-6.5%", [(6, 6.5, "%", None)], id="range-with-hyphen"),
        pytest.param("增长6-6.5%", [(6, 6.5, "%", None)], id="range-unit-once"),
        pytest.param("增长6%至6.5%", [(6, 6.5, "%", None)], id="range-with-zhi"),
        pytest.param("增长XX%左右", [(None, None, "%", "approx")], id="placeholder"),
        pytest.param("粮食产量XX亿斤以上", [(None, None, "亿斤", "at_least")], id="placeholder-unit"),
        pytest.param("完成160多亿元", [(160, None, "亿元", "at_least")], id="duo"),
        pytest.param("受益群众192万余人次", [(192, None, "万人次", "at_least")], id="wan-yu"),
        pytest.param("六成以上", [(6, None, "成", "at_least")], id="chinese-cheng"),
        pytest.param("提高0.2个百分点", [(0.2, None, "个百分点", None)], id="points"),
        pytest.param(
            "分别高于全国全省0.9和1.1个百分点",
            [(0.9, None, "个百分点", None), (1.1, None, "个百分点", None)],
            id="list-borrows-unit",
        ),
        pytest.param("城镇调查失业率控制在5.5%以内", [(5.5, None, "%", "at_most")], id="at-most"),
        pytest.param("粮食产量跃上500亿斤台阶", [(500, None, "亿斤", "at_least")], id="a-step-passed"),
        pytest.param("统一思想，一是要坚持", [], id="chinese-words-are-not-numbers"),
    ],
)
def test_find_quantities(
    text: str, expected: list[tuple[float | None, float | None, str, str | None]]
) -> None:
    found = [(m.value, m.value_high, m.unit, m.qualifier) for m in find_quantities(text)]
    assert found == expected


def test_find_quantities_offsets_cover_the_written_number() -> None:
    text = "固定资产投资增长11%，"
    (mention,) = find_quantities(text)
    assert text[mention.start : mention.end] == "11%"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("全市GDP在全国地级以上城市排第47位", 47, id="pai-di"),
        pytest.param("增速有望位居全省第一", 1, id="juquansheng-diyi"),
        pytest.param("货物吞吐量蝉联世界首位", 1, id="shouwei"),
        pytest.param("排名全市第2", 2, id="paiming"),
    ],
)
def test_find_rankings(text: str, value: float) -> None:
    assert [r.value for r in find_rankings(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("居民消费价格与上年持平。", [("与上年持平", None)], id="against-last-year"),
        pytest.param("居民消费价格同比持平", [("同比持平", None)], id="tongbi"),
        pytest.param("居民消费价格指数持平，", [("持平", None)], id="after-the-measure"),
        pytest.param("居民消费价格涨幅基本持平", [("基本持平", "approx")], id="hedged"),
        pytest.param(
            "新增信贷规模与去年大体持平", [("与去年大体持平", "approx")], id="hedged-against-last-year"
        ),
        pytest.param("居民消费价格涨幅与全国持平", [], id="against-the-nation-is-a-gap"),
        pytest.param("居民收入增长与经济增长基本持平", [], id="against-another-measure"),
        pytest.param("坚持平等互利，保持平稳运行，支持平台建设", [], id="not-the-word"),
        pytest.param("工作持平", [], id="after-no-measure"),
    ],
)
def test_find_flat_a_change_of_zero_against_the_year_before(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = find_flat(text)
    assert [(text[m.start : m.end], m.qualifier) for m in found] == expected
    assert all((m.value, m.unit) == (0, "%") for m in found)


def test_ordinals_are_not_rankings() -> None:
    assert find_rankings("第一产业增加值增长4.5%，坚持创新是第一动力") == []


def test_numbers_in() -> None:
    assert numbers_in("GDP增长8.8%、同比提高0.2个百分点，六成以上") == [8.8, 0.2, 6]


from numeral_cases import CHINESE_NUMERALS  # noqa: E402

from summarizer.numbers import chinese_numeral_counts  # noqa: E402


@pytest.mark.parametrize(("written", "value"), [pytest.param(w, v, id=i) for w, v, i in CHINESE_NUMERALS])
def test_parse_chinese_numerals(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("钢产量三亿八千万吨", (3.8, "亿吨"), id="big-unit-moves-into-the-unit"),
        pytest.param("城镇新增就业一千二百万人", (1200, "万人"), id="qian-bai-wan-ren"),
        pytest.param("投资三亿五千万元", (3.5, "亿元"), id="yi-qian-wan-yuan"),
        pytest.param("总产值达到二千零五十亿元", (2050, "亿元"), id="written-yi-yuan"),
        pytest.param("规模3.5万亿元", (3.5, "万亿元"), id="arabic-wan-yi"),
        pytest.param("增长百分之六十五", (65, "%"), id="percent-in-words"),
        pytest.param("增长百分之三十九点七", (39.7, "%"), id="percent-in-words-decimal"),
        pytest.param("人口自然增长率千分之十三以下", (13, "‰"), id="per-mille-in-words"),
        pytest.param("进出口总额重回万亿元规模", (1, "万亿元"), id="bare-big-unit-counts-one"),
        pytest.param("存款余额突破百亿元", (100, "亿元"), id="bai-yi"),
        pytest.param("增长１０．３％", (10.3, "%"), id="full-width"),
        pytest.param("开行3.6万列", (3.6, "万列"), id="wan-lie"),
        pytest.param("全年增长19·5％", (19.5, "%"), id="middle-dot-decimal-point-of-old-texts"),
    ],
)
def test_quantities_of_every_form(text: str, expected: tuple[float, str]) -> None:
    (mention,) = find_quantities(text)
    assert (mention.value, mention.unit) == (pytest.approx(expected[0]), expected[1])


@pytest.mark.parametrize(
    ("numeral", "unit", "counts"),
    [
        pytest.param("五十一", "个", True, id="counted-projects"),
        pytest.param("二千零五十", "亿元", True, id="money"),
        pytest.param("六", "成", True, id="lone-numeral-share"),
        pytest.param("一", "倍", True, id="lone-numeral-multiple"),
        pytest.param("一", "个", False, id="yi-ge-is-a-word"),
        pytest.param("二", "元", False, id="erYuan-dual-structure"),
        pytest.param("千", "家", False, id="qianjia-wanhu"),
        pytest.param("三", None, False, id="no-unit"),
    ],
)
def test_chinese_numeral_counts(numeral: str, unit: str | None, counts: bool) -> None:
    assert chinese_numeral_counts(numeral, unit) is counts


@pytest.mark.parametrize("written", ["0/0", "3/0", "０/０"])
def test_a_fraction_over_zero_is_no_number(written: str) -> None:
    """Found by the service's fuzzing: `0/0` once ended a summary in ZeroDivisionError."""
    with pytest.raises(ValueError, match="not a number"):
        parse_number(written)
    assert summarize(f"占比{written}").documents[0].targets == []


def test_a_middle_dot_between_a_date_is_no_decimal_point() -> None:
    """``“7·18”强降雨``, ``11·28重点项目``: a date naming an event; only a percentage reads ``·`` as a point."""
    assert [m.value for m in find_quantities("成功举办11·28重点项目集中开工")] != [11.28]


def test_a_bare_big_unit_is_found_as_the_formulation_before() -> None:
    """``_BARE_BIG_UNIT_RE`` opens on its first character for speed: the same matches as the plain
    ``(?<=verb)(?:万亿|亿|万)unit``, in texts of its own words and characters."""
    import random
    import re

    from summarizer.numbers import _BARE_BIG_UNIT_RE

    units = "元|美元|人次|人|吨|列|户|亩|辆|台|套|千瓦|平方米|公里|标箱"
    plain = re.compile(rf"(?<=[破过回上达超逾近差])(?:万亿|亿|万)(?:{units})")
    pieces = [*"万亿破过回上达超逾近差元美人次吨列户亩辆台套千瓦平方米公里标箱0的", "突破万亿元", "超亿元"]
    chooser = random.Random(1)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 8)))
        spans = [match.span() for match in plain.finditer(text)]
        assert [match.span() for match in _BARE_BIG_UNIT_RE.finditer(text)] == spans, text
        matched += bool(spans)
    assert matched > 500
    assert [m.group() for m in _BARE_BIG_UNIT_RE.finditer("突破万亿元，超过万人，近亿吨，达到万人")] == [
        "万亿元",
        "万人",
        "亿吨",
    ]
