"""Whole-corpus invariants: the rules over every report of ../shared/corpus/ (read there, never copied).

Every item is grounded and lies inside its document; every report yields its plan year and at least one
first-level task, except the reports listed with their reason in evals/corpus_exceptions.json.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from summarizer.load import load_file
from summarizer.models import Summary
from summarizer.pipeline import summarize_source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXCEPTIONS = json.loads((ROOT / "evals" / "corpus_exceptions.json").read_text(encoding="utf-8"))["exceptions"]
REPORTS = sorted(CORPUS.glob("*/*.txt"))

if not REPORTS and not os.environ.get("CI"):
    pytest.skip(
        "the development corpus ../shared/corpus/ is not beside this checkout", allow_module_level=True
    )


@pytest.fixture(scope="module")
def summaries() -> dict[str, Summary]:
    return {path.relative_to(CORPUS).as_posix(): summarize_source(load_file(path)) for path in REPORTS}


def test_the_whole_corpus_is_there() -> None:
    assert len(REPORTS) >= 130


def test_every_item_is_grounded_inside_its_document(summaries: dict[str, Summary]) -> None:
    wrong = []
    for name, summary in summaries.items():
        text = load_file(CORPUS / name).text
        for document in summary.documents:
            for item in [*document.goals, *document.targets, *document.tasks]:
                if (
                    text[item.start : item.end] != item.quote
                    or not document.start <= item.start <= item.end <= document.end
                ):
                    wrong.append((name, item.start, item.quote))
    assert wrong == []


def _lacks(summary: Summary) -> set[str]:
    lacking = set()
    if any(document.plan_year is None for document in summary.documents):
        lacking.add("plan_year")
    if not any(document.tasks for document in summary.documents):
        lacking.add("tasks")
    return lacking


def test_every_report_has_its_plan_year_and_tasks_or_a_listed_reason(summaries: dict[str, Summary]) -> None:
    listed = {entry["source"]: set(entry["lacks"]) for entry in EXCEPTIONS}
    unexplained = {name: _lacks(summary) - listed.get(name, set()) for name, summary in summaries.items()}
    assert {name: sorted(lacks) for name, lacks in unexplained.items() if lacks} == {}


def test_every_listed_exception_still_holds(summaries: dict[str, Summary]) -> None:
    stale = {
        entry["source"] for entry in EXCEPTIONS if set(entry["lacks"]) - _lacks(summaries[entry["source"]])
    }
    assert stale == set()
    assert all(len(entry["reason"]) > 40 for entry in EXCEPTIONS)


# The paragraph that sets a year's main targets, as the reports head it.
MAIN_TARGETS = re.compile(r"主要预期目标|主要目标是|主要预期指标|主要指标|预期目标是")


def _paragraph(text: str, start: int, end: int) -> str:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : last if last >= 0 else len(text)]


def test_most_main_targets_get_an_indicator_id(summaries: dict[str, Summary]) -> None:
    """The share of targets in the main-targets paragraphs whose indicator the registry knows."""
    main = []
    for name, summary in summaries.items():
        text = load_file(CORPUS / name).text
        main += [
            target
            for document in summary.documents
            for target in document.targets
            if target.kind == "target" and MAIN_TARGETS.search(_paragraph(text, target.start, target.end))
        ]
    with_id = [target for target in main if target.indicator_id is not None]
    share = len(with_id) / len(main)
    print(f"main targets with an indicator id: {len(with_id)}/{len(main)} = {share:.3f}")
    assert len(main) >= 500
    assert share >= 0.9, sorted({t.indicator for t in main if t.indicator_id is None})


# Words that are no part of an indicator's name where they open it (JUDGING.md, "every field right").
STRAY_OPENINGS = {
    "hedge": re.compile(r"^(?:大约|大概|大約|约(?!束)|約|将近|接近)"),
    "time word": re.compile(r"^(?:年底|年末|今年|明年|全年|年内|当年|目前|届时|去年|上半年|下半年)"),
    "leading count": re.compile(r"^[0-9０-９]+(?:\.[0-9]+)?[个家项条所座名]"),
    "list marker": re.compile(
        r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[①-⑳]|第[一二三四五六七八九十]+[，、]"
        r"|[0-9]{1,2}[.、．](?![0-9]))"
    ),
    "conjunction": re.compile(
        r"^(?:和(?!美)|及(?!时)|并(?![购网联])|而|但(?!凡)|且|同时|以及|其中|另外|此外)"
    ),
    "verb of change": re.compile(r"^(?:增加|提高|扩大|提升|减少|降低|压减|削减)(?![值了])"),
    "计划": re.compile(r"^计划"),
}
QUOTE_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"))


def _strays(indicator: str) -> list[str]:
    found = [kind for kind, pattern in STRAY_OPENINGS.items() if pattern.search(indicator)]
    if any(indicator.count(opening) != indicator.count(closing) for opening, closing in QUOTE_PAIRS):
        found.append("unbalanced quote")
    return found


def test_no_indicator_carries_a_stray_word(summaries: dict[str, Summary]) -> None:
    stray = [
        (name, target.indicator, kinds)
        for name, summary in summaries.items()
        for document in summary.documents
        for target in document.targets
        if (kinds := _strays(target.indicator))
    ]
    assert sum(len(d.targets) for s in summaries.values() for d in s.documents) > 10_000
    assert stray == []


def test_the_2025_provinces_gdp_growth_targets_all_get_id_gdp(summaries: dict[str, Summary]) -> None:
    """A corpus-level invariant: every 2025 provincial report sets its GDP growth target, in every
    wording of the era (地区生产总值增长, 经济增长, 全省生产总值增长), and the panel needs its id."""
    provinces = {name: summary for name, summary in summaries.items() if name.startswith("provincial-2025/")}
    assert len(provinces) >= 25
    lacking = [
        name
        for name, summary in provinces.items()
        if not any(
            target.indicator_id == "gdp"
            and target.kind == "target"
            and target.year == 2025
            and target.unit == "%"
            and target.change == "growth"
            for document in summary.documents
            for target in document.targets
        )
    ]
    assert lacking == []
