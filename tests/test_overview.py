"""Overviews against the passages an annotator read as acceptable (evals/overview/expected.jsonl).

A document's overview is acceptable when it lies within one of the passages labelled for it: the year's
main targets, its general requirement, a speech's purpose or overall aims (docs/output.md, section 3). Never a
salutation, the closing exhortation or one sector's detail, which no label covers.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

from summarizer.describe import overview_of
from summarizer.load import load_file
from summarizer.pipeline import summarize_source

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = [
    json.loads(line)
    for line in (ROOT / "evals" / "overview" / "expected.jsonl").read_text(encoding="utf-8").splitlines()
]
CORPUS_THERE = (ROOT.parent / "shared" / "corpus").is_dir()
AIM = 0.9


def _available() -> list[dict]:
    if CORPUS_THERE or os.environ.get("CI"):
        return EXPECTED
    return [label for label in EXPECTED if not label["source"].startswith("../shared/")]


def _acceptable(label: dict, text: str, overview: str | None) -> bool:
    if not overview:
        return False
    for passage in label["acceptable"]:
        at = text.find(overview, passage["start"], passage["end"])
        if at >= 0:
            return True
    return False


def test_the_labels_cover_every_kind_and_still_point_at_their_passages() -> None:
    kinds = {label["kind"] for label in EXPECTED}
    assert len(EXPECTED) >= 20
    assert {"national-old", "national-new", "provincial-2025", "provincial-2026", "county", "seed"} <= kinds
    for label in _available():
        text = load_file(ROOT / label["source"]).text
        for passage in label["acceptable"]:
            assert text[passage["start"] :].startswith(passage["begins"]), (label["source"], passage)
            assert passage["end"] - passage["start"] > len(passage["begins"])


def test_most_documents_get_an_acceptable_overview() -> None:
    labels = _available()
    if len(labels) < len(EXPECTED):
        pytest.skip("the development corpus ../shared/corpus/ is not beside this checkout: seeds only")
    right: defaultdict[str, list[bool]] = defaultdict(list)
    wrong = []
    for label in labels:
        text = load_file(ROOT / label["source"]).text
        document = summarize_source(load_file(ROOT / label["source"])).documents[label["document"]]
        ok = _acceptable(label, text, document.overview)
        right[label["kind"]].append(ok)
        if not ok:
            wrong.append((label["source"], label["document"], (document.overview or "")[:60]))
    every = [ok for oks in right.values() for ok in oks]
    rate = sum(every) / len(every)
    per_kind = ", ".join(f"{kind} {sum(oks)}/{len(oks)}" for kind, oks in sorted(right.items()))
    print(f"acceptable overviews: {sum(every)}/{len(every)} = {rate:.2f} ({per_kind})")
    assert rate >= AIM, wrong


# --- Each kind of error the overview made, on a text of its own.

WORK_REPORT = (
    "各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n"
    "过去一年，全省经济稳中有进，地区生产总值增长5.2%，取得了显著成绩。\n"
    "二、2025年工作安排\n"
    "今年政府工作的总体要求是：坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动高质量发展，"
    "着力扩大内需，为实现“十五五”良好开局打牢基础。\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%，"
    "城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。\n"
    "（一）加快建设现代化产业体系。推进新型工业化，打造先进制造业集群，建设一批重大产业项目。\n"
    "（二）大力发展文化旅游。打造全域旅游示范区，建设国家级旅游度假区和高品质景区。\n"
    "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，坚定信心、奋发有为，"
    "为奋力谱写中国式现代化新篇章而努力奋斗！\n"
)
SPEECH = (
    "同志们：\n这次全市经济工作会议的主要任务是，深入贯彻中央经济工作会议精神，总结今年经济工作，"
    "分析当前经济形势，安排部署明年经济工作。\n一、今年经济工作成效明显\n全市经济稳中向好，生产总值增长6%。\n"
    "二、明年经济工作的重点任务\n要打造全省高质量发展增长极，建设一批示范园区，推进现代化建设。\n"
    "同志们，让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力开创高质量发展新局面！\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(WORK_REPORT, "今年经济社会发展的主要预期目标是", id="work-report-main-targets"),
        pytest.param(
            WORK_REPORT.replace("今年经济社会发展的主要预期目标是：", "今年还要："),
            "今年政府工作的总体要求是",
            id="work-report-general-requirement-without-targets",
        ),
        pytest.param(SPEECH, "这次全市经济工作会议的主要任务是", id="speech-purpose"),
        pytest.param(
            "各位代表：\n我代表国务院，提出关于一九五八年度国民经济计划（草案）的报告。\n"
            "（一）一九五七年经济战线上的胜利\n一九五七年是取得伟大胜利的一年。\n"
            "（二）争取一九五八年国民经济的新跃进\n"
            "这一年发展国民经济的主要任务，是以很大的力量从各方面来促进农业生产的高潮，争取农业大丰收。\n"
            "要认真总结和推广先进经验，采取“抓住先进和落后两头，带动中间”的方法。\n",
            "这一年发展国民经济的主要任务",
            id="old-annual-plan-main-task",
        ),
        pytest.param(
            "各位代表：\n"
            + "今年国民经济和社会发展的主要预期目标是：\n国内生产总值增长8%左右；城镇新增就业900万人以上。\n",
            "今年国民经济和社会发展的主要预期目标是：\n国内生产总值增长8%左右；城镇新增就业900万人以上。",
            id="targets-on-the-line-after-their-lead",
        ),
    ],
)
def test_the_overview_is_the_sentence_that_says_what_the_document_is_about(body: str, expected: str) -> None:
    overview = overview_of(body)
    assert overview is not None and overview.startswith(expected)
    assert overview in body


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("各位代表：\n", id="salutation"),
        pytest.param(
            "同志们：\n让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力开创高质量发展新局面，"
            "为全面建设社会主义现代化国家而努力奋斗！\n",
            id="closing-exhortation",
        ),
        pytest.param(
            "同志们：\n要打造全域旅游示范区，建设国家级旅游度假区和高品质景区，推进文旅融合高质量发展。\n",
            id="one-sector-detail",
        ),
    ],
)
def test_no_overview_rather_than_a_wrong_one(body: str) -> None:
    assert overview_of(body) is None


def test_no_overview_is_cut_from_a_sentence() -> None:
    overview = overview_of(WORK_REPORT)
    assert overview is not None
    assert re.search(r"[。！？]$", overview)
