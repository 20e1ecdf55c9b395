"""Whole-corpus invariants: the rules over every report of ../shared/corpus/ (read there, never copied).

Every item is grounded and lies inside its document; every report yields its plan year and at least one
first-level task, except the reports listed with their reason in evals/corpus_exceptions.json. Every
document has a place and is dated as its row in ../shared/corpus/SOURCES.md says: that place, and the
year it was given as its plan year (a report given late in its year, listed with its reason, reviews
that year and plans the next). What is appended to a report (glossaries, annotations, annexes) is found
as its own part and yields what SPEC says: no item starts in a glossary, no task or goal in an annex, no
task in a part that explains another document.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from shared_corpus import CORPUS, corpus_reports, skip_module_without_corpus

from summarizer.describe import describe
from summarizer.load import load_file
from summarizer.models import DocumentSpan, Summary
from summarizer.pipeline import summarize_source
from summarizer.split import split_documents

ROOT = Path(__file__).resolve().parent.parent
LISTED = json.loads((ROOT / "evals" / "corpus_exceptions.json").read_text(encoding="utf-8"))
EXCEPTIONS = LISTED["exceptions"]
GIVEN_LATE = {entry["source"]: entry for entry in LISTED["given_late"]["reports"]}
REPORTS = corpus_reports()
# A row of SOURCES.md: | file | place | year | chars | source |
SOURCE_ROW = re.compile(r"^\| (?P<file>[^|]+\.txt) \| (?P<place>[^|]+) \| (?P<year>\d{4}) \|", re.MULTILINE)

skip_module_without_corpus()


@pytest.fixture(scope="module")
def summaries() -> dict[str, Summary]:
    return {path.relative_to(CORPUS).as_posix(): summarize_source(load_file(path)) for path in REPORTS}


def test_the_whole_corpus_is_there() -> None:
    assert len(REPORTS) >= 160


def _sources() -> dict[str, tuple[str, int]]:
    """SOURCES.md's place (the speaker's: the last name of ``保定市安国市``; ``全国`` of ``全国（国务院）``) and
    year (the year the report was given) of every file."""
    rows = {}
    for row in SOURCE_ROW.finditer((CORPUS / "SOURCES.md").read_text(encoding="utf-8")):
        place = re.sub(r"（[^）]*）", "", row["place"]).strip()
        names = re.findall(r".+?(?:自治区|自治州|自治县|省|市|州|县|区|旗)", place)
        rows[row["file"].strip()] = (names[-1] if names else place, int(row["year"]))
    return rows


def test_sources_list_every_report() -> None:
    assert sorted(_sources()) == [path.relative_to(CORPUS).as_posix() for path in REPORTS]


def test_every_document_has_the_place_of_its_source_row(summaries: dict[str, Summary]) -> None:
    sources = _sources()
    wrong = {
        name: [document.place for document in summary.documents]
        for name, summary in summaries.items()
        if any(document.place != sources[name][0] for document in summary.documents)
    }
    assert wrong == {}


def test_every_report_plans_the_year_it_was_given_or_is_listed(summaries: dict[str, Summary]) -> None:
    sources = _sources()
    expected = {
        name: (
            (GIVEN_LATE[name]["review_year"], GIVEN_LATE[name]["plan_year"])
            if name in GIVEN_LATE
            else (sources[name][1] - 1, sources[name][1])
        )
        for name in summaries
    }
    wrong = {
        name: [(document.review_year, document.plan_year) for document in summary.documents]
        for name, summary in summaries.items()
        if any((document.review_year, document.plan_year) != expected[name] for document in summary.documents)
    }
    assert wrong == {}


def test_reports_listed_as_given_late_review_the_year_they_were_given() -> None:
    sources = _sources()
    assert GIVEN_LATE
    for name, entry in GIVEN_LATE.items():
        assert entry["review_year"] == sources[name][1] and entry["plan_year"] == entry["review_year"] + 1, (
            name
        )
        assert len(entry["reason"]) > 40, name


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


@pytest.fixture(scope="module")
def outlines() -> dict[str, list[DocumentSpan]]:
    outlined = {}
    for path in REPORTS:
        text = load_file(path).text
        outlined[path.relative_to(CORPUS).as_posix()] = [describe(text, d) for d in split_documents(text)]
    return outlined


# Items that may not start in each kind of part (SPEC 3; summarizer.models.Part).
FORBIDDEN = {"notes": {"goal", "target", "task"}, "annex": {"goal", "task"}, "explanation": {"task"}}


def test_no_item_starts_where_its_kind_is_not_the_reports_own(
    summaries: dict[str, Summary], outlines: dict[str, list[DocumentSpan]]
) -> None:
    wrong = []
    for name, summary in summaries.items():
        for document, span in zip(summary.documents, outlines[name], strict=True):
            items = [
                *(("goal", goal) for goal in document.goals),
                *(("target", target) for target in document.targets),
                *(("task", task) for task in document.tasks),
            ]
            for kind, item in items:
                part = span.part_at(item.start)
                if part in FORBIDDEN and kind in FORBIDDEN[part]:
                    wrong.append((name, part, kind, item.quote[:30]))
    assert wrong == []


# A line that is nothing but a glossary's or an annex's heading, as the corpus writes them.
APPENDIX_LINE = re.compile(r"^[※*【\[《]*(?:政府工作报告》)?(?:名\s*词\s*解\s*释|注释|附件\d?)[※】\]：]*$")


def test_every_glossary_and_annex_is_found(outlines: dict[str, list[DocumentSpan]]) -> None:
    missed = []
    for name, spans in outlines.items():
        text = load_file(CORPUS / name).text
        for line in re.finditer(r"^.*$", text, re.M):
            if APPENDIX_LINE.match(line.group().strip()):
                span = next(s for s in spans if s.start <= line.start() < s.end)
                if span.part_at(line.start()) not in ("notes", "annex"):
                    missed.append((name, line.group()))
    assert missed == []
    appended = [s for spans in outlines.values() for span in spans for s in span.sections if s.part != "plan"]
    assert sum(1 for s in appended if s.part == "notes") >= 30
    assert sum(1 for s in appended if s.part == "annex") >= 4
    assert sum(1 for s in appended if s.part == "explanation") >= 2


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
        r"^(?:和(?!美)|及(?!时)|并(?![购网联])|而|但(?!凡)|且|同时|以及|其中|另外|此外|为此)"
    ),
    "verb of change": re.compile(
        r"^(?:增加|提高|扩大|提升(?!改造)|减少|降低|压减|削减)(?![值了])"
    ),  # 提升改造 builds
    "计划": re.compile(r"^计划"),
    "time word inside": re.compile(r"(?<=..)(?<![一二三四五六七八九十两0-9０-９前近])(?:全年|年内)(?=..)"),
    "span of years": re.compile(r"^(?:过去)?[两三四五十]年全[国省市县区州]"),
    "leveraged": re.compile(r"^撬动"),
    "verb of change at the end": re.compile(r"(?<!新增)(?:减负|再减量|减量)$"),
    "relief verb": re.compile(r"减税降费|减免(?:各项)?税费|^(?:累计|新增|每年)?(?:减税|减轻|减免社保费)"),
    "span of years at the head": re.compile(
        r"^(?:今后|近|这)?[两三四五六七八九十]年(?!计划|规划|行动|义务|制|一遇|以上|以下|期|级|前|后|左右|多|时间|攻坚|专项)"
    ),
    "plan period": re.compile(
        r"^(?:第[一二三四五六七八九十]个)?五年(?:计划)?期间|^“?[六七八九十][一二三四五]?五”?期间"
    ),
    "quarter": re.compile(r"^第?[一二三四]季度"),
    "of at the head": re.compile(r"^的"),
    "verb alone": re.compile(r"^(?:整合|整合提升|在建|打造|新建提升|惠及|严守)$"),
    "limiting adverb or frame": re.compile(
        r"^(?:仅|单是|只是|例如|尽管|虽然)|(?:实现|出现)“?双(?:下降|提升|增长)”?$"
    ),
    "function word at the head": re.compile(r"^(?:到(?:今年|去年|明年|年底|年末)|了(?!解)|已经|把|使(?!用))"),
    "stray space": re.compile(r"(?<![A-Za-z]) | (?![A-Za-z])"),
    "count of whom": re.compile(r"(?<=[为向])[0-9]+(?:\.[0-9]+)?万?[名户家](?=[^0-9以]{2})"),
    "verb of setting": re.compile(r"^(?:国家预算|(?:第[一二三四五六七八九十]个)?五年计划)所?规定"),
    "first in the field": re.compile(r"(?<=..)率先(?:破[亿万千百])?$"),
    "note mark": re.compile(r"[\[［〔]\s?[0-9０-９]{1,2}\s?[\]］〕]"),
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


PAID_OUT_RE = re.compile(r"^(?:发放|拨付|兑付|兑现)(?=[^0-9]{4})(?!.*贷款$).*(?:资金|补贴|补助)$")


def test_no_sum_of_money_keeps_the_verb_that_paid_it_out(summaries: dict[str, Summary]) -> None:
    """``发放粮食直补和综合补贴资金6194万元`` is ``粮食直补和综合补贴资金`` (LABELLING.md 4); the people or households
    a benefit was paid to (``发放住房租赁补贴1.6万户``) keep the verb."""
    kept = [
        (name, target.indicator)
        for name, summary in summaries.items()
        for document in summary.documents
        for target in document.targets
        if (target.unit or "").endswith("元") and PAID_OUT_RE.search(target.indicator)
    ]
    assert sum(len(d.targets) for s in summaries.values() for d in s.documents) > 10_000
    assert kept == []


def test_a_share_in_tenths_ends_in_its_word(summaries: dict[str, Summary]) -> None:
    """``智能手机产量占全国超4成`` is ``智能手机产量占全国比重`` (LABELLING.md 4: shares end in 比重)."""
    bare = [
        (name, target.indicator)
        for name, summary in summaries.items()
        for document in summary.documents
        for target in document.targets
        if target.unit == "成"
        and "占" in target.indicator
        and not target.indicator.endswith(("比重", "占比", "比例"))
    ]
    assert sum(len(d.targets) for s in summaries.values() for d in s.documents) > 10_000
    assert bare == []
