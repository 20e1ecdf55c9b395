"""Dating documents of every era and level: the review and plan years from the text's own cues."""

from __future__ import annotations

import re

import pytest

from summarizer.dating import document_years, spoken_in
from summarizer.years import YEAR, find_years, year_value


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("2022", 2022, id="arabic"),
        pytest.param("１９９４", 1994, id="full-width"),
        pytest.param("一九八六", 1986, id="chinese-digits"),
        pytest.param("一九八○", 1980, id="chinese-digits-with-circle-zero"),
        pytest.param("二〇二二", 2022, id="chinese-digits-with-ling"),
        pytest.param("1 9 9 3", 1993, id="spaced-digits"),
        pytest.param("5000", None, id="not-a-plausible-year"),
        pytest.param("一二三四", None, id="chinese-not-a-year"),
    ],
)
def test_year_value(written: str, expected: int | None) -> None:
    assert year_value(written) == expected


def test_find_years_keeps_file_offsets_and_skips_longer_numbers() -> None:
    text = "本届政府从1 9 9 3 年3 月就职。12023年不是年份。刚刚过去的１９８４年。"
    assert [(m.year, text[m.start : m.end]) for m in find_years(text)] == [
        (1993, "1 9 9 3 年"),
        (1984, "１９８４年"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1 9 9 3 年、１９９４年和一九八六年，12023年，2022 年，2 0 2 2　年，２０２２年年，一二三四年，二〇二二年",
        "19 9 3年1.2022年，．2021年，十二〇二二年，万一九八〇年，○二〇二二年，20222年，2021年2022年",
        "2021年" * 5 + "，年，2年，12年，123年，" + "二〇二一年" * 3,
    ],
)
def test_find_years_finds_what_the_year_pattern_finds_at_every_position(text: str) -> None:
    """find_years tries the pattern only before each 年; at every position it finds the same, and within
    bounds too (a year cut by the end of the range is none)."""
    pattern = re.compile(YEAR)
    expected = [(m.start(), m.end()) for m in pattern.finditer(text) if year_value(m.group(1))]
    assert [(m.start, m.end) for m in find_years(text)] == expected
    for start in range(len(text)):
        for end in (start + 5, start + 9, len(text)):
            bounded = [
                (m.start(), m.end()) for m in pattern.finditer(text, start, end) if year_value(m.group(1))
            ]
            assert [(m.start, m.end) for m in find_years(text, start, end)] == bounded


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "各位代表：\n我们实现了“十四五”良好开局，经济稳中向好。", (2021, 2022), id="launch-reported"
        ),
        pytest.param(
            "各位代表：\n" + "经济运行稳中向好。" * 50 + "“十三五”开局，成绩显著。",
            (2016, 2017),
            id="launch-far-in",
        ),
        pytest.param(
            "各位代表：\n过去一年，“十四五”开局良好。“十五五”开局之年，我们取得了新成绩。",
            (2026, 2027),
            id="second-launch",
        ),
        pytest.param(
            "各位代表：\n我们要确保实现“十四五”良好开局，奋力前行。", (None, None), id="launch-aimed-at"
        ),
    ],
)
def test_a_reported_launch_of_a_five_year_plan_dates_the_review(body: str, expected: tuple[int, int]) -> None:
    assert document_years(body) == expected


REPORT = "各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            REPORT
            + "一、１９９４年国内工作的回顾\n过去的一年，全国人民完成了八届人大二次会议确定的１９９４年的工作任务。",
            (1994, 1995),
            id="full-width-review-heading",
        ),
        pytest.param(
            REPORT + "一、过去五年工作回顾\n三、2011年的工作\n2011年，是“十二五”开局之年。",
            (2010, 2011),
            id="plan-heading-year-work",
        ),
        pytest.param(
            "各位代表：\n我代表国务院向第一届全国人民代表大会第五次会议，提出关于一九五八年度国民经济计划（草案）的报告。",
            (1957, 1958),
            id="chinese-year-annual-plan",
        ),
        pytest.param(
            "各位代表：\n现在我代表国务院提出关于１９５５年国家决算和１９５６年国家预算的报告。",
            (1955, 1956),
            id="final-accounts-and-budget",
        ),
        pytest.param(
            "2022年顺平县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。",
            (2021, 2022),
            id="dated-title",
        ),
        pytest.param(
            "政府工作报告\n（政治协商稿）\n2003年4月7日\n各位委员：\n现在，我代表县人民政府向大会报告工作。",
            (2002, 2003),
            id="date-alone-on-a-line",
        ),
        pytest.param(
            "在全市经济工作会议上的讲话\n（2021年12月20日）\n同志们：\n今年以来，全市经济稳中向好。明年要稳字当头。",
            (2021, 2022),
            id="year-end-speech-dated-in-december",
        ),
        pytest.param(
            REPORT
            + "过去五年，经济发展。2002年国内生产总值增长8%。2002年财政收入增长15%。"
            + "2001年加入世界贸易组织。上海赢得2010年世界博览会举办权，将于2010年举办。二、对今年政府工作的建议",
            (2002, 2003),
            id="undated-report-by-the-years-it-dwells-on",
        ),
        pytest.param(
            "各位代表！\n现在，我代表国务院，向第五届全国人民代表大会作政府工作报告。\n"
            "一九七六年十月，粉碎了“四人帮”。从一九七四年到一九七六年，损失工业总产值一千亿元。"
            "从一九六六年到一九七六年的十一年中，一九七六年一月…到一九八五年，粮食产量达到八千亿斤。",
            (1977, 1978),
            id="national-congress-session-the-report-is-given-to",
        ),
        pytest.param(
            REPORT
            + "一九八○年，国务院曾拟订出从一九八一年到一九八五年的第六个五年计划。一九八○年，…"
            + "工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六；一九八二年计划为百分之四，"
            + "预计可以达到百分之六点四。农业总产值一九八二年预计比一九八一年增长百分之五。"
            + "到一九八五年达到…，一九八五年将达到…，一九八五年…。"
            + "国务院也提出了一九八三年国民经济和社会发展的年度计划草案，请一并审议。",
            (1982, 1983),
            id="late-year-report-reviews-its-year-and-submits-the-next-plan",
        ),
        pytest.param(
            REPORT
            + "对原定的１９８１年国民经济计划和国家概算进行必要的修订。根据前十一个月的实绩，"
            + "１９８１年国民经济计划预计可以胜利完成。１９８２年的计划，要求工农业总产值的增长速度由今年预计的３％提高到４％。"
            + "《１９８２年经济和社会发展计划要点（草案）》，已经提交本次大会讨论。",
            (1981, 1982),
            id="a-plan-carried-out-is-the-year-reviewed",
        ),
        pytest.param(
            REPORT
            + "二、２０１０年国民经济和社会发展计划执行情况\n２０１０年计划执行情况良好。\n三、２０１１年的工作\n",
            (2010, 2011),
            id="a-plan-executed-is-not-the-plan-year",
        ),
    ],
)
def test_document_years_of_every_era(body: str, expected: tuple[int | None, int | None]) -> None:
    assert document_years(body) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            "我代表国务院，向第五届全国人民代表大会作政府工作报告。", 1978, id="a-congress-s-first-session"
        ),
        pytest.param(
            "国务院向第一届全国人民代表大会第二次会议提出关于发展国民经济第一个五年计划的议案",
            1955,
            id="early",
        ),
        pytest.param("我代表国务院，向第十届全国人民代表大会第一次会议报告过去五年", 2003, id="regular"),
        pytest.param(
            "从去年９月第五届全国人民代表大会第三次会议到现在", None, id="a-past-session-is-no-date"
        ),
        pytest.param("向第三届全国人民代表大会第九次会议", None, id="a-session-that-never-met"),
    ],
)
def test_a_state_council_report_is_given_when_its_congress_session_meets(
    head: str, expected: int | None
) -> None:
    assert spoken_in(head) == expected
