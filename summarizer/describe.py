"""Describe: what is known of a document before extraction: jurisdiction, years, overview, outline.

Every field is read from cues in the document's own text and left null when the cues are missing or weak:
- place: ``summarizer.places`` (the name the document gives itself: 在满城区第三届人民代表大会, 我代表容城县人民政府);
- jurisdiction: the level of that place, else the level that speaks by weighing self-references (我市,
  全州上下, 区委常委会) and the title;
- review and plan years: ``summarizer.dating`` (date lines, dated titles and headings, fixed phrases);
- overview: one or two of the document's own sentences that state its purpose or overall aims.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from summarizer.dating import document_years, spoken_in
from summarizer.models import DocumentSpan, Jurisdiction
from summarizer.outline import outline
from summarizer.places import level_of, place_of

_LOCAL_LEVELS: tuple[Jurisdiction, ...] = ("省", "市", "州", "县", "区")
_MIN_LEVEL_WEIGHT = 3.0
_TITLE_WEIGHT = 20.0


# One pass finds every self-reference (全市上下, 我州, 本县, 区委常委会); each is then weighed by its form.
_SELF_REFERENCE = re.compile(
    r"(?P<form>[全我本])(?P<level>[省市州县区])"
    r"(?P<after>上下|各级|人民|平均|第|前列|首位|排名|比重|范围|级)?"
    r"|(?P<committee_level>[省市州县区])(?:委常委会|政府党组)"
)
_WHOLE_PEOPLE = frozenset({"上下", "各级", "人民"})
_BENCHMARK_BEFORE = frozenset("于居占在比列及和、")
_NATIONAL_CUES: tuple[tuple[re.Pattern[str], float], ...] = (
    (
        re.compile(
            "代表国务院|国务院向大会|中央经济工作会议在北京|全[国國]人民代表大[会會]|代表中央人民政府"
        ),
        _TITLE_WEIGHT,
    ),
    (re.compile("全[国國]上下|全[国國]各族人民|全[党黨]全[国國]"), 4.0),
    (re.compile("我[国國]"), 0.5),
)
_TITLE_LEVEL = re.compile(
    r"在(省|市|州|县|区)委[^，。\n]{0,12}会议|(?:\*\*|[\u4e00-\u9fff]{2,4})(省|市|州|县|区)20\d\d年"
)
_AUTONOMOUS_REGION = re.compile(r"自治区")
# ``我代表市人民政府``, ``市十六届人大五次会议``: the government or congress of one level speaks.
_GOVERNMENT_OF_LEVEL = re.compile(
    r"(?=[代省市州县区])(?:代表(?:自治)?(省|市|州|县|区)人民政府|(省|市|州|县|区)[一二三四五六七八九十]{1,3}届人大)"
)

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_OVERVIEW_PURPOSE = re.compile(r"(?=[总主就目战])(?:总体要求是|主要任务是|就是要|目标是|目标定位|战略定位)")
_OVERVIEW_AIM = re.compile(
    r"(?=[目定打建高迎新篇示先增共现])(?:目标|定位|打造|建设|高质量发展|迎接|新局面|篇章|示范|先行|增长极|共同富裕|现代化)"
)
_OVERVIEW_REPORTED = re.compile(r"了|以来|取得|同比|%|亿元|万人")
_OVERVIEW_CLAUSE = re.compile(r"[，,]")
_OVERVIEW_MIN, _OVERVIEW_MAX = 20, 200


def describe(text: str, document: DocumentSpan) -> DocumentSpan:
    """The document with its jurisdiction and place, review and plan years, extractive overview and sections.

    A place the document names decides its level (``满城区`` speaks as a 区); else the self-references do.
    """
    body = text[document.start : document.end]
    review_year, plan_year = document_years(body)
    spoken_year = spoken_in(body)
    sections = outline(text, document.start, document.end, (review_year, plan_year), spoken_year)
    level = jurisdiction_of(body, document.title)
    place = place_of(body, level, document.title)
    described = dataclasses.replace(
        document,
        jurisdiction=(level_of(place) if place else None) or level,
        place=place,
        review_year=review_year,
        plan_year=plan_year,
        spoken_year=spoken_year,
        sections=sections,
    )
    reviewed = [(s.start - document.start, s.end - document.start) for s in sections if s.part == "review"]
    return dataclasses.replace(described, overview=overview_of(body, reviewed))


def jurisdiction_of(body: str, title: str | None = None) -> Jurisdiction | None:
    """The level that speaks, by weighed self-references; None when no level clearly leads."""
    weights: defaultdict[Jurisdiction, float] = defaultdict(float)
    for match in _SELF_REFERENCE.finditer(body):
        level = match.group("level") or match.group("committee_level")
        before = body[match.start() - 1] if match.start() > 0 else ""
        weights[_as_level(level)] += _self_reference_weight(match, before in _BENCHMARK_BEFORE)
    for pattern, weight in _NATIONAL_CUES:
        weights["国家"] += weight * len(pattern.findall(body))
    for match in _GOVERNMENT_OF_LEVEL.finditer(body):
        weights[_as_level(match.group(1) or match.group(2))] += _TITLE_WEIGHT
    head = (title or "") + "\n" + body[:80]
    named = _TITLE_LEVEL.search(head)
    if named:
        weights[_as_level(named.group(1) or named.group(2))] += _TITLE_WEIGHT
    if _AUTONOMOUS_REGION.search(body):
        weights["省"] += weights.pop("区", 0.0)
    if not weights:
        return None
    leading = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:2]
    (best, weight), (_, runner_up), *_ = [*leading, ("国家", 0.0)]
    if weight < _MIN_LEVEL_WEIGHT or weight == runner_up:
        return None
    return best


def _self_reference_weight(match: re.Match[str], after_a_benchmark_word: bool) -> float:
    """全县上下 and 我县 speak for the county; 全省 after 高于/居 or before 平均/第 is a benchmark."""
    if match.group("committee_level"):
        return 2.0
    form, after = match.group("form"), match.group("after")
    if after in _WHOLE_PEOPLE:
        return 4.0 if form == "全" else 3.0
    if form in "我本":
        return 0.0 if form == "本" and after == "级" else 3.0
    return 0.0 if after_a_benchmark_word or after else 1.0


def _as_level(word: str) -> Jurisdiction:
    levels: dict[str, Jurisdiction] = {level: level for level in _LOCAL_LEVELS}
    return levels[word]


def overview_of(body: str, skipped: Iterable[tuple[int, int]] = ()) -> str | None:
    """One or two adjacent verbatim sentences that best say what the document is about and aims at.

    Sentences inside the ``skipped`` spans (the review part) are not considered.
    """
    skipped = sorted(skipped)
    sentences: list[tuple[int, str, float]] = []
    span = 0
    for match in _SENTENCE.finditer(body):
        while span < len(skipped) and skipped[span][1] <= match.start():
            span += 1
        if span < len(skipped) and skipped[span][0] <= match.start():
            continue
        sentence = match.group().strip(" \t\u3000\xa0\r")
        sentences.append(
            (match.start(), sentence, _overview_score(sentence, match.start() / max(len(body), 1)))
        )
    if not sentences:
        return None
    best = max(range(len(sentences)), key=lambda i: sentences[i][2])
    _, sentence, score = sentences[best]
    if score <= 0:
        return None
    following = sentences[best + 1] if best + 1 < len(sentences) else None
    if following and following[2] > 0 and len(sentence) + len(following[1]) <= _OVERVIEW_MAX:
        sentence += following[1]
    return sentence


def _overview_score(sentence: str, position: float) -> float:
    too_short_or_long = not _OVERVIEW_MIN <= len(sentence) <= _OVERVIEW_MAX
    if too_short_or_long or not _OVERVIEW_CLAUSE.search(sentence) or _OVERVIEW_REPORTED.search(sentence):
        return 0.0
    purpose = 6.0 if _OVERVIEW_PURPOSE.search(sentence) else 0.0
    aims = float(min(len(_OVERVIEW_AIM.findall(sentence)), 4))
    if purpose + aims < 2:
        return 0.0
    return purpose + aims + (1.0 - position)
