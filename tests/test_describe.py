from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.describe import describe, document_years, jurisdiction_of, overview_of
from summarizer.models import DocumentSpan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        pytest.param("今年我市经济稳中向好。全市上下要坚定信心。", None, "市", id="city-self-reference"),
        pytest.param(
            "全县经济增速高于全省平均水平，居全省第一。全县上下要再接再厉。",
            None,
            "县",
            id="province-as-benchmark",
        ),
        pytest.param(
            "同志们：明年要抓好以下工作。", "在州委经济工作会议上的讲话", "州", id="title-names-the-level"
        ),
        pytest.param(
            "自治区党委高度重视。全区上下要团结一心，我区经济稳中向好。",
            None,
            "省",
            id="autonomous-region-is-province",
        ),
        pytest.param("我国经济长期向好。全国上下要团结奋斗。", None, "国家", id="national"),
        pytest.param(
            "各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。",
            None,
            "市",
            id="city-government-reports",
        ),
        pytest.param(
            "提请县十八届人大三次会议审议的政府工作报告提出了今年的目标。", None, "县", id="county-congress"
        ),
        pytest.param(
            "现在，我代表自治区人民政府，向大会报告工作。全区经济稳中向好。",
            None,
            "省",
            id="autonomous-region-government",
        ),
        pytest.param("同志们：明年要抓好以下工作。", None, None, id="no-cue"),
        pytest.param("县委常委会研究部署。县政府党组带头落实。", None, "县", id="committees-of-the-level"),
        # 全市 is the self-reference (weight 1 each); its 市 does not open a 市委常委会 as well.
        pytest.param(
            "全市委常委会研究部署。全市委常委会带头落实。", None, None, id="self-reference-before-委"
        ),
    ],
)
def test_jurisdiction(body: str, title: str | None, expected: str | None) -> None:
    assert jurisdiction_of(body, title) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("关于**县2021年工作总结及2022年工作打算", (2021, 2022), id="summary-and-plan-title"),
        pytest.param(
            "会议的主要任务是，全面总结2022年工作，安排部署2023年工作。",
            (2022, 2023),
            id="summarize-and-arrange",
        ),
        pytest.param(
            "2021年是具有里程碑意义的一年。明年要稳字当头。", (2021, 2022), id="review-year-then-next-year"
        ),
        pytest.param(
            "做好2022年经济工作，要稳字当头。去年全市经济稳中向好。",
            (2021, 2022),
            id="plan-year-then-last-year",
        ),
        pytest.param(
            "省里要求2022年亩均税收达到15万元，2021年我市为11万元。", (None, None), id="years-in-passing"
        ),
        pytest.param("上半年全市经济稳定恢复，下半年要抓好六项工作。", (None, None), id="no-explicit-year"),
        pytest.param(
            "全省经济运行稳中向好，实现了“十四五”良好开局。明年要稳中求进。",
            (2021, 2022),
            id="five-year-plan-launch",
        ),
        pytest.param(
            "政府工作报告\n——2023年1月12日在省第十四届人民代表大会第一次会议上\n各位代表：\n"
            "一、过去一年工作回顾\n全省经济稳中有进。二、今年工作安排\n今年要稳字当头。",
            (2022, 2023),
            id="work-report-dated-at-the-congress",
        ),
        pytest.param(
            "各位代表：现在，我代表国务院，向大会报告政府工作。\n一、2021年工作回顾\n"
            "二、2022年经济社会发展总体要求和政策取向\n三、2022年政府工作任务\n",
            (2021, 2022),
            id="work-report-headings",
        ),
        pytest.param(
            "各位代表：现在，我代表市人民政府，向大会报告工作。2022年是极不平凡的一年。今年要稳中求进。",
            (2022, 2023),
            id="work-report-this-year-is-plan-year",
        ),
        pytest.param(
            "今年市政府工作总体要求是：坚持稳中求进，奋力实现“十五五”良好开局。",
            (None, None),
            id="aimed-five-year-plan-launch-is-not-reported",
        ),
    ],
)
def test_document_years(body: str, expected: tuple[int | None, int | None]) -> None:
    assert document_years(body) == expected


def test_overview_is_verbatim_purpose_sentence() -> None:
    purpose = "这次会议的主要任务是，总结今年经济工作，安排部署明年经济工作，奋力打造全省高质量发展增长极。"
    body = "同志们：\n" + purpose + "\n今年全市生产总值增长8%，取得了显著成绩。"
    overview = overview_of(body)
    assert overview == purpose
    assert overview in body


def test_overview_is_none_without_a_fitting_sentence() -> None:
    assert overview_of("今年全市生产总值增长8%。") is None


def test_describe_keeps_title_and_fills_fields() -> None:
    text = "在县委经济工作会议上的讲话\n同志们：\n2021年是极不平凡的一年。做好2022年经济工作，要稳字当头。\n"
    span = describe(text, DocumentSpan(index=0, start=0, end=len(text), title="在县委经济工作会议上的讲话"))
    assert (span.title, span.jurisdiction, span.review_year, span.plan_year) == (
        "在县委经济工作会议上的讲话",
        "县",
        2021,
        2022,
    )


def test_seed_documents_match_fixture_metadata() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        fixture = json.loads(
            (ROOT / "evals" / "fixtures" / "seeds" / f"{path.stem}.json").read_text(encoding="utf-8")
        )
        for gold in fixture["documents"]:
            span = describe(text, DocumentSpan(index=gold["index"], start=gold["start"], end=gold["end"]))
            assert span.jurisdiction == gold["jurisdiction"], (path.name, gold["index"])
            assert span.place == gold["place"], (path.name, gold["index"])
            assert (span.review_year, span.plan_year) == (gold["review_year"], gold["plan_year"])
            assert span.overview is None or span.overview in text[span.start : span.end]
