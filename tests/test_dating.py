"""Dating documents of every era and level: the review and plan years from the text's own cues."""

from __future__ import annotations

import pytest

from summarizer.dating import document_years
from summarizer.years import find_years, year_value


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
    ],
)
def test_document_years_of_every_era(body: str, expected: tuple[int | None, int | None]) -> None:
    assert document_years(body) == expected
