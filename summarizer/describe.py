"""Describe: what is known of a document before extraction: jurisdiction, years, overview, outline.

Every field is read from cues in the document's own text and left null when the cues are missing or weak:
- place: ``summarizer.places`` (the name the document gives itself: 在满城区第三届人民代表大会, 我代表容城县人民政府);
- jurisdiction: the level of that place, else the level that speaks by weighing self-references (我市,
  全州上下, 区委常委会) and the title;
- review and plan years: ``summarizer.dating`` (date lines, dated titles and headings, fixed phrases);
- overview: one to three of the document's own sentences that say what it is about: the year's main targets, the
  general requirement of its work, or a speech's purpose (``overview_of``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from summarizer.dating import document_years, spoken_in
from summarizer.models import DocumentSpan, Jurisdiction
from summarizer.outline import outline
from summarizer.pattern_starts import finditer_held
from summarizer.places import level_of, place_of

_LOCAL_LEVELS: tuple[Jurisdiction, ...] = ("省", "市", "州", "县", "区")
_MIN_LEVEL_WEIGHT = 3.0
_TITLE_WEIGHT = 20.0
_COMMITTEE_WEIGHT = 2.0


# Every self-reference (全市上下, 我州, 本县) is weighed by its form; so is the committee of a level (区委常委会,
# 市政府党组), except where its level is the one of a 全县/我市 just before it (全市委常委会: the self-reference).
# Two scans: one pattern with both would have no first character for the regex engine to skip ahead to.
_SELF_REFERENCE = re.compile(
    r"(?P<form>[全我本])(?P<level>[省市州县区])(?P<after>上下|各级|人民|平均|第|前列|首位|排名|比重|范围|级)?"
)
_COMMITTEE = re.compile("委常委会|政府党组")
_LEVELS = frozenset("省市州县区")
_SELF_FORMS = frozenset("全我本")
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
_GOVERNMENT_OF_LEVEL = re.compile(r"代表(?:自治)?([省市州县区])人民政府")
_CONGRESS_OF_LEVEL = re.compile(r"([省市州县区])[一二三四五六七八九十]{1,3}届人大")

# --- Overview: the document's own sentences that say what it is about (docs/output.md, section 3: ``overview``).
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_YEAR_WORD = r"明年|今年|[0-9一二三四五六七八九〇○０-９]{4}年"
# The kinds of sentence that say what a document is about: the coming year's main targets, the general
# requirement of the work, the purpose or main task of a speech or an old annual plan.
_MAIN_TARGETS = re.compile(
    r"(?:主要预期目标|主要目标|预期目标|主要预期指标|主要指标|奋斗目标|主要经济指标)(?:是|为)?[：:]"
    r"|宏观调控的(?:主要)?(?:预期)?目标(?:是|为)[，,：:]"
    rf"|^(?:{_YEAR_WORD})(?:的)?(?:国民经济|经济和社会发展|经济社会发展)?(?:年度)?计划(?:要求|规定|安排)[，,：:]"
)
_GENERAL_REQUIREMENT = re.compile(
    r"(?:总体要求|总的要求|总体思路|基本思路|指导思想|总体部署)(?:和主要任务)?(?:(?:是|为)[：:，,]|[：:])"
    r"|(?:要|必须)(?:坚持)?以[^，。]{2,30}(?:理论|思想)为指导"
    r"|^(?:[^，。]{0,12}，)?做好[^，。]{0,16}工作，(?:要|必须)(?:在|以|坚持以)"
    rf"|^(?:[^，。]{{0,12}}，)?(?:{_YEAR_WORD})(?:的)?(?:经济|政府)工作(?:的重点是[：:]|，(?:要|必须))"
    r"|工作的(?:基本方针|总要求|总的要求)(?:，这就是|是)?[：:，,]"
)
_MAIN_TASK = re.compile(
    r"会议的?主要任务是|召开这次会议，就是要|我们的主要任务，?就是|时期的总任务，?(?:是|就是)"
    rf"|(?:{_YEAR_WORD}|这一年|今后五年)(?:的)?"
    r"(?:全国人民|政府|发展国民经济|国民经济|经济工作|经济发展|经济建设|政府工作|工作)?的?(?:主要|基本|中心)任务"
    r"(?:应该)?，?(?:是|就是)"
    r"|计划(?:草案)?(?:提出|规定)的(?:基本|主要)任务(?:是|为)"
)
_SAYS_WHAT_IT_IS_ABOUT: tuple[re.Pattern[str], ...] = (_MAIN_TARGETS, _GENERAL_REQUIREMENT, _MAIN_TASK)
# Every one of those sentences has one of these words: a quick test before the patterns.
_KEY_WORD = re.compile("目标|指标|要求|思路|为指导|部署|任务|计划[要规安]|方针|工作，|工作的重点")
# A figure: the year's targets give them (增长5%左右), a plan's aims or a reform's goals do not.
_FIGURE = re.compile(r"[0-9０-９]|百分之|[XＸ]{1,3}[%％]")
# A five-year plan's or a later year's aims rank after the coming year's: ``“十五五”时期…主要目标是``.
_LONGER_PERIOD = re.compile(
    r"十[一二三四五六七八九]五|[0-9一二三四五六七八九]五”?时期|今后五年|五年内|到20\d\d年"
)
# Never an overview: the salutation, the closing exhortation, a lead to a list of points.
_NOT_AN_OVERVIEW = re.compile(r"^(?:各位|同志们|让我们)|以下[^，。]{0,6}(?:几点|方面|工作)")
# A lead that ends in a colon runs on over the lines of its list: ``主要预期目标是：`` then the targets.
_LIST_LINE_END = re.compile(r"[；;，,：:]\s*$")
_OVERVIEW_MIN, _OVERVIEW_MAX, _OVERVIEW_SENTENCES = 20, 500, 3
_LEAD = 40
_BLANK = " \t\u3000\xa0\r"


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
        before = body[match.start() - 1] if match.start() > 0 else ""
        weights[_as_level(match.group("level"))] += _self_reference_weight(match, before in _BENCHMARK_BEFORE)
    for match in finditer_held(_COMMITTEE, body):
        at = match.start() - 1
        if at >= 0 and body[at] in _LEVELS and not (at > 0 and body[at - 1] in _SELF_FORMS):
            weights[_as_level(body[at])] += _COMMITTEE_WEIGHT
    for pattern, weight in _NATIONAL_CUES:
        weights["国家"] += weight * len(pattern.findall(body))
    for pattern in (_GOVERNMENT_OF_LEVEL, _CONGRESS_OF_LEVEL):
        for match in finditer_held(pattern, body):
            weights[_as_level(match.group(1))] += _TITLE_WEIGHT
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
    """One to three of the document's own sentences that say what it is about; None when none does.

    The sentence that gives the coming year's main targets (``今年经济社会发展的主要预期目标是：…``), else
    the general requirement of the work (``今年政府工作的总体要求是：…``, ``做好政府工作，要在…``), else a
    speech's purpose or an old plan's main task (``这次会议的主要任务是…``, ``这一年发展国民经济的主要任务，
    是…``): the first of the best kind, a five-year plan's only where the year has none. A lead ending in a
    colon takes the lines of its list with it. Targets inside the ``skipped`` spans (the review part: the
    targets of the year before) are not the document's; a requirement or purpose is taken wherever it
    stands, since only the coming period has one (a communiqué's ``会议指出，做好2022年经济工作，要…`` may open
    what reads as a review). Salutations and closing exhortations are never taken, nor is any other
    sentence: no overview rather than a detail of one sector.
    """
    spans = sorted(skipped)
    sentences = list(_SENTENCE.finditer(body))
    starts = [sentence.start() for sentence in sentences]
    # Only the sentences with a key word can say it: found in one scan of the body (a key word never
    # holds a sentence's end, so each one found lies in one sentence).
    with_a_key_word = sorted(
        {bisect.bisect_right(starts, word.start()) - 1 for word in _KEY_WORD.finditer(body)}
    )
    ranked = []
    for index in with_a_key_word:
        match = sentences[index]
        text = match.group().strip(_BLANK)
        if not any(kind.search(text) for kind in _SAYS_WHAT_IT_IS_ABOUT):
            continue
        if _NOT_AN_OVERVIEW.search(text):
            continue
        overview = _with_its_list(body, match)
        tier = _overview_tier(overview, _inside(spans, match.start()))
        if tier is not None and _OVERVIEW_MIN <= len(overview) <= _OVERVIEW_MAX:
            ranked.append((bool(_LONGER_PERIOD.search(_lead(text))), tier, index, overview))
    ranked.sort()
    return ranked[0][3] if ranked else None


def _lead(sentence: str) -> str:
    """What a sentence says it gives, before its colon (``“十五五”时期…的主要目标是``), not what it gives."""
    colon = re.search(r"[：:]", sentence)
    return sentence[: colon.start()] if colon else sentence[:_LEAD]


def _overview_tier(text: str, reviewed: bool) -> int | None:
    """How well a sentence (with the lines of its list) says what the document is about (0 best); None when
    it does not.

    Main targets with their figures first; then the general requirement; then aims without a figure (a
    reform's ``主要目标是：改革…`` is one sector's); then a purpose or main task. Targets read in the review
    part are last year's.
    """
    cue = None if reviewed else _MAIN_TARGETS.search(text)
    if cue is not None and _FIGURE.search(text, cue.end()):
        return 0
    if _GENERAL_REQUIREMENT.search(text):
        return 1
    if cue is not None:
        return 2
    if _MAIN_TASK.search(text):
        return 3
    return None


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether a position lies inside one of the (sorted) spans."""
    at = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def _with_its_list(body: str, sentence: re.Match[str]) -> str:
    """The sentence, and where it ends in a colon, the lines of its list up to the first that ends a sentence."""
    start, end, text = sentence.start(), sentence.end(), sentence.group()
    following = _SENTENCE.finditer(body, end)
    for _ in range(_OVERVIEW_SENTENCES - 1):
        item = next(following, None) if _LIST_LINE_END.search(text.strip(_BLANK)) else None
        if item is None or item.end() - start > _OVERVIEW_MAX:
            break
        end, text = item.end(), item.group()
    return body[start:end].strip(_BLANK + "\n")
