"""Outline: a document's top-level sections and which part of the speech each is.

Parts (``summarizer.models.Part``): ``review``, ``plan``, ``other``, and three kinds that are not the
report's own work: ``notes`` (a glossary or annotations), ``annex`` (an annexed list or table) and
``explanation`` (a part that explains another document, ``关于《…纲要（草案）》的说明``).

What is appended to a report comes first: from the first line that heads a glossary or an annex
(``名词解释``, ``※注释※``, ``附件1``, ``附表``) or the first run of bracketed notes (``〔1〕…``, ``[1]…``) to the
document's end, each such heading opens a section of its own, ``notes`` or ``annex``; an annex whose title
names a glossary (``附件`` / ``《政府工作报告》有关内容名词注释``) is ``notes``. Headings of the report itself are
searched only before it, so that the ``一、二、三、`` of an annexed list never continue the report's own.

In the report, headings are found by their numbering (`第一部分`, `一、`), checked to run in order, or failing
that by short stand-alone lines that name a part (`2021年工作回顾`). A section's part comes from its
heading's cues, then from how its body opens, then from the section before it: a speech's plan, once begun,
runs on to its end (party building and work style close the plan). Text with no heading at all is split
into paragraphs, each classified on its own cues, so that a short speech without numbered parts still has
its review and plan. A document titled ``关于…的说明`` is an explanation throughout.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from summarizer.models import Part, Section
from summarizer.years import find_years

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_PART_HEADING = re.compile(r"^[ \t\u3000]*第([一二三四五六七八九十]{1,3})部分[ \t\u3000，、：:]*(.*)$", re.M)
_NUMBERED_HEADING = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]{1,3})、(.*)$", re.M)
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_SENTENCE_END = re.compile(r"[。！？；，、：:,.;!?]\s*$")
_BARE_HEADING_CUE = re.compile(
    r"工作回顾|工作总结|回顾|总体要求|主要目标|预期目标|重点任务|主要任务|重点工作|工作安排|工作打算|工作部署|"
    r"工作建议|形势|自身建设|结束语|名词解释|^关于|目标任务|工作思路|工作目标|^[^，：]{2,8}：[^，]{4,24}$"
)
_BARE_HEADING_MAX = 30
_HEADING_LINE_MAX = 60
_IN_SENTENCE = re.compile(r"[。；！？]")
# A numbered line's first sentence, where more text follows it on the line.
_FIRST_SENTENCE = re.compile(r"[^。！？!?]{2,60}[。！？!?](?=[ \t\u3000]*\S)")
_LOST_BREAK_CLAUSE_MIN = 20
_LOST_BREAK_HEADING_MIN = 8
_HEADING_NUMBER = re.compile(
    r"^[ \t\u3000]*(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、)[ \t\u3000，、：:]*"
)
# Not headings: the salutation, a date or byline, a list item, the compiler's source line.
_NOT_BARE_HEADING = re.compile(
    r"^(?:各位|同志们|来源|[（(][一二三四五六七八九十\d]|\d{1,2}[.、．]|——|第[一二三四五六七八九十]+[，、])|人民政府[^\n]{0,4}长|年[^\n]{0,3}月[^\n]{0,3}日|，"
)

_REVIEW_CUE = re.compile(
    r"回顾|成绩|成效|成就|成果|总结|一年来|五年来|过去(?:的)?一年|过去五年|工作情况|取得|交出|显著|"
    r"稳中向好|良好开局|实现了|完成了"
)
_PLAN_CUE = re.compile(
    r"明年|下步|下一步|今后|总体要求|主要目标|预期目标|目标任务|重点任务|重点工作|重大任务|主要任务|任务|"
    r"工作安排|工作打算|安排部署|工作部署|政策取向|重点抓好|抓好|做好|党的领导|党对经济工作|作风|自身建设|"
    r"抓落实|狠抓落实|实干|担当作为|奋力|推进|推动|加快|着力|确保|坚持|强化|明确目标|目标原则"
)
_NOTES_HEADING = re.compile(r"名词解释|名词注释|注释|附注|附件|附录")
# A line that heads what is appended to a report, once decoration is stripped (``※名词解释※``, ``【名词解释】``,
# ``名 词 解 释``, ``附件2 名词解释``, ``附件一：名词解释``, ``《政府工作报告》名词解释``, ``字库未存字注释：``).
_APPENDIX_DECORATION = re.compile(r"[\s※*＊【】\[\]［］〔〕()（）<>〈〉]")
_APPENDIX_HEADING = re.compile(
    r"^(?:(?P<annex>附件|附表|附录)[0-9０-９一二三四五六七八九十]{0,2}(?:[：:、.．]?(?P<title>[^。，；！？]{0,40}))?"
    r"|(?P<notes>[^。，；！？]{0,16}(?:名词解释|名词注释|注释|附注|注解))[：:]?)$"
)
_APPENDIX_HEADING_MAX = 40
_GLOSSARY_WORDS = re.compile(r"名词解释|名词注释|注释|附注|注解")
# Notes without a heading: three or more lines numbered in brackets from 1 (``〔1〕两不愁三保障：…``).
_NOTE_LINE = re.compile(r"[ \t\u3000]*(?:〔|\[|［|【)([0-9０-９]{1,3})(?:〕|\]|］|】)")
_NOTE_RUN_MIN = 3
# ``三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明``
# ``三、关于《…纲要（草案）》的说明``; ``二、“十五五”时期发展的主要考虑`` (how the plan draft was conceived).
_EXPLANATION_HEADING = re.compile(
    r"^[^。；！？]{0,80}说明$|^[^。；！？]{0,30}(?:五年|五”|五\")[^。；！？]{0,16}主要考虑$"
)
_EXPLANATION_TITLE = re.compile(r"^关于[^。，；]{2,60}的?说明$")
_ASSIGNING_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分[，、：]?)?[ \t\u3000]*"
    r"(?:加强|深化|深入|提高|大力|积极|全面|切实|扎实|进一步|努力|不断|持续|巩固|发展|建设|促进|保持|实施|维护|坚持|加快|推进)"
)
_TOPIC_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分[，、：]?)?[ \t\u3000]*关于"
)
# A later clause of a heading that assigns work (``十、随着经济建设的发展，进一步加强国防建设``).
_ASSIGNING_CLAUSE = re.compile(
    r"[，,](?:进一步|认真|大力|切实|积极|加强|加快|坚持|充分|努力|不断|全面|深化|推进|促进)[^，,]{2,}$"
)
_STRONG_REVIEW_CUE = re.compile(r"一年来|五年来|成绩|成效|成就|交出了|良好开局|实现了|完成了|取得了")
_STRONG_PLAN_CUE = re.compile(
    r"明年|总体要求|主要目标|预期目标|重点任务|重点工作|目标任务|要抓好|要坚持|要着力"
)
_OTHER_CUE = re.compile(r"形势|大势|机遇|挑战|精神|认识|规律|意见|名词解释|附件|注释|结束语")
# A communiqué speaks through the meeting: ``会议认为/指出`` sums up, ``会议强调/要求/部署`` assigns.
_MEETING = r"(?:这次|本次|全会|大会)?会议"
_REVIEW_OPENING = re.compile(
    r"^[ \t\u3000]*(?:上半年|前三季度|今年以来|一年来|五年来|过去(?:的)?一年|过去五年|回顾|"
    rf"(?:20\d\d)年(?:以来)?[，,]|{_MEETING}(?:认为|指出|充分肯定|听取|总结|回顾))"
)
_PLAN_OPENING = re.compile(
    r"^[ \t\u3000]*(?:明年|下一步|下步|今后|要|必须|做好|[\u4e00-\u9fff]{0,6}要[坚着加强抓做]|"
    rf"{_MEETING}(?:确定|强调|要求|提出|部署|号召|对[^，。]{{0,20}}(?:作出|进行)了?部署))"
)
_PLAN_LEAD = re.compile(r"做好(?:明年|20\d\d年)?[^，。]{0,6}工作|(?:明年|20\d\d年)[^，。]{0,6}工作要")
_REVIEW_TIME = re.compile(r"去年|一年来|过去一年|过去的一年|五年来")
_FEWEST_TENSE_WORDS = 8
_TENSE_RATIO = 1.5


@dataclass(frozen=True)
class _Heading:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Calendar:
    """Which year words look back and which look ahead in this document."""

    review_year: int | None
    plan_year: int | None
    this_year_is_review: bool


def outline(
    text: str,
    start: int,
    end: int,
    years: tuple[int | None, int | None] | None = None,
    spoken_year: int | None = None,
) -> tuple[Section, ...]:
    """The sections of the document at ``text[start:end]``, in file coordinates.

    ``years`` are the document's review and plan years; ``spoken_year`` the year of its date line,
    which says what its ``今年`` means.
    """
    if end <= start:
        return ()
    appended = _appendix_sections(text, start, end)
    body_end = appended[0].start if appended else end
    calendar = _calendar(text[start:body_end], years, spoken_year)
    headings = _headings(text, start, body_end)
    sections: list[Section] = []
    first = headings[0].start if headings else body_end
    if headings and first > start:
        # Parts named by stand-alone lines before the numbered ones (``“十四五”时期发展成就和2025年工作回顾`` …
        # ``“十五五”时期主要目标和2026年重点工作``, then ``一、…`` numbering only the plan's parts).
        headings = [*_bare_headings(text, start, first), *headings]
        first = headings[0].start
    if first > start:
        sections.extend(_paragraph_sections(text, start, first, calendar))
    previous: Part = "other"
    for i, heading in enumerate(headings):
        stop = headings[i + 1].start if i + 1 < len(headings) else body_end
        part = _section_part(heading.text, text[heading.end : stop], previous, calendar)
        sections.append(Section(start=heading.start, end=stop, heading=heading.text, part=part))
        previous = part
    if _explains_another_document(text, start, body_end):
        sections = [dataclasses.replace(section, part="explanation") for section in sections]
    return (*sections, *appended)


def _appendix_sections(text: str, start: int, end: int) -> list[Section]:
    """The glossaries and annexes appended to the document: from the first of them to its end."""
    lines = _lines(text, start, end)
    sections: list[Section] = []
    for index, (line_start, line_end) in enumerate(lines):
        part = _appendix_heading_part(text, lines, index)
        if part is None and not sections and _opens_note_run(text, lines, index):
            sections.append(Section(line_start, end, None, "notes"))
            continue
        if part is None:
            continue
        if sections:
            sections[-1] = dataclasses.replace(sections[-1], end=line_start)
        sections.append(Section(line_start, end, text[line_start:line_end].strip(), part))
    return sections


def _appendix_heading_part(text: str, lines: list[tuple[int, int]], index: int) -> Part | None:
    """``notes`` or ``annex`` where line ``index`` heads a glossary or an annex, else None."""
    line_start, line_end = lines[index]
    if line_end - line_start > _APPENDIX_HEADING_MAX * 2:
        return None
    key = _APPENDIX_DECORATION.sub("", text[line_start:line_end])
    if not 2 <= len(key) <= _APPENDIX_HEADING_MAX:
        return None
    match = _APPENDIX_HEADING.match(key)
    if match is None:
        return None
    if match.group("notes"):
        return "notes"
    title = match.group("title") or ""
    if not title and index + 1 < len(lines):
        following_start, following_end = lines[index + 1]
        title = text[following_start:following_end] if following_end - following_start <= 40 else ""
    return "notes" if _GLOSSARY_WORDS.search(title) else "annex"


def _opens_note_run(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """Three or more lines in a row numbered 〔1〕, 〔2〕, 〔3〕 …: notes, even without a heading."""
    for offset in range(_NOTE_RUN_MIN):
        if index + offset >= len(lines):
            return False
        line_start, line_end = lines[index + offset]
        match = _NOTE_LINE.match(text, line_start, line_end)
        if match is None or int(unicodedata.normalize("NFKC", match.group(1))) != offset + 1:
            return False
    return True


def _explains_another_document(text: str, start: int, end: int) -> bool:
    """A document titled ``关于…的说明`` explains another one (a plan draft, a budget)."""
    for line_start, line_end in _line_spans(text, start, end):  # up to the first line that is not blank
        line = "".join(text[line_start:line_end].split())
        if line:
            return bool(_EXPLANATION_TITLE.match(line))
    return False


def cn_number(numeral: str) -> int:
    """The value of a Chinese numeral up to 99 (`十二` -> 12)."""
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _headings(text: str, start: int, end: int) -> list[_Heading]:
    for pattern in (_PART_HEADING, _NUMBERED_HEADING):
        found = _numbered_in_order(pattern, text, start, end)
        if len(found) >= 2:
            return _heading_lines_after_a_list(pattern, text, found, end)
    return _bare_headings(text, start, end)


def _heading_lines_after_a_list(
    pattern: re.Pattern[str], text: str, found: list[_Heading], end: int
) -> list[_Heading]:
    """Where the first numbered run is a list of paragraphs (``一、继续坚持…价格体系，…。`` in a review) and a later
    run numbers stand-alone heading lines from 一 (``一、大力发展农业生产…``, ``十、…加强国防建设``), the later run
    holds the parts (the longest such run): the first one was a list inside the text, not its outline."""
    if sum(1 for heading in found if _is_heading_line(text, heading)) * 2 > len(found):
        return found
    best = found
    later = _numbered_in_order(pattern, text, found[-1].end, end)
    while len(later) >= 2:
        headed = sum(1 for heading in later if _is_heading_line(text, heading)) * 2 > len(later)
        if headed and (best is found or len(later) > len(best)):
            best = (
                later  # the longest run of heading lines: lessons (一、…五、) may come before the plan's ten
            )
        later = _numbered_in_order(pattern, text, later[-1].end, end)
    return best


def _is_heading_line(text: str, heading: _Heading) -> bool:
    line_end = text.find("\n", heading.start)
    line = text[heading.start : line_end if line_end >= 0 else len(text)].strip()
    return len(line) <= _HEADING_LINE_MAX and not _IN_SENTENCE.search(line)


def _numbered_in_order(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[_Heading]:
    """Numbered lines that count 一, 二, 三 … in order; a number out of sequence is not a heading.

    A ``一、`` after the first heading opens a list nested in a part (``二、“七五”时期的基本任务`` with its own
    ``一、…五、``); its items are not the parts that follow, so a number goes to the innermost open list that
    expects it. Only a stand-alone heading line (no sentence in it) is taken for the next part where a nested
    list of paragraph items expects the same number (``三、加强政府自身建设`` after ``一、…。二、…。``).
    """
    found: list[_Heading] = []
    nested: list[
        list[int]
    ] = []  # [the number each open nested list expects next, whether its lines are headings]
    for match in pattern.finditer(text, start, end):
        number = cn_number(match.group(1))
        line = match.group(0).strip()
        heading_line = len(line) <= _HEADING_LINE_MAX and not _IN_SENTENCE.search(line)
        inner = next((i for i in range(len(nested) - 1, -1, -1) if nested[i][0] == number), None)
        next_part = number == len(found) + 1
        if inner is not None and not (next_part and heading_line and not nested[inner][1]):
            nested[inner] = [number + 1, nested[inner][1] and heading_line]
            del nested[inner + 1 :]
        elif next_part:
            found.append(_heading_of(match))
            nested = []
        elif number == 1 and found:
            nested.append([2, heading_line])
    return found


def _heading_of(match: re.Match[str]) -> _Heading:
    """The heading a numbered line holds: the whole line, or where the part's text runs on in the same line
    (``四、明年经济工作中的八个方面重点任务。一是…二是…``), only its first sentence."""
    raw = match.group(0)
    start = match.start() + len(raw) - len(raw.lstrip())
    line = raw.strip()
    first = _FIRST_SENTENCE.match(line)
    if first is None:
        return _Heading(match.start(), match.end(), line)
    lost = _lost_line_break(first.group(0))
    if lost is not None:
        return _Heading(match.start(), start + lost, line[:lost])
    return _Heading(match.start(), start + first.end(), first.group(0))


def _lost_line_break(sentence: str) -> int | None:
    """Where a heading ran into its body when a line break was lost (``三、深入改革经济体制和扩大对外开放国民经济
    的长期稳定发展，既要…，又要靠深入改革和扩大对外开放。``): the body restates the heading's last words, so the
    heading ends after the longest opening of the first clause whose last four characters recur later in the
    sentence. None when the first clause is short or nothing recurs."""
    number = _HEADING_NUMBER.match(sentence)
    opening = number.end() if number else 0
    comma = sentence.find("，", opening)
    if comma < 0 or comma - opening < _LOST_BREAK_CLAUSE_MIN:
        return None
    for cut in range(comma - 1, opening + _LOST_BREAK_HEADING_MIN - 1, -1):
        if sentence.find(sentence[cut - 4 : cut], comma) >= 0:
            return cut
    return None


def _bare_headings(text: str, start: int, end: int) -> list[_Heading]:
    """Short stand-alone lines that name a part of the speech, where nothing is numbered or before the numbering."""
    found: list[_Heading] = []
    lines = list(_lines(text, start, end))
    for index, (line_start, line_end) in enumerate(lines):
        line = text[line_start:line_end].strip()
        if index == 0 or not 2 < len(line) <= _BARE_HEADING_MAX or _SENTENCE_END.search(line):
            continue
        if _BARE_HEADING_CUE.search(line) and not _NOT_BARE_HEADING.search(line):
            found.append(_Heading(line_start, line_end, line))
    return found


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each line in ``text[start:end]``, without its line break."""
    return list(_line_spans(text, start, end))


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line in ``text[start:end]``, without its line break, one by one."""
    for match in _LINE.finditer(text, start, end):
        if match.start() == match.end():
            return  # the empty match at the end
        yield match.span(1)


def _calendar(
    body: str, years: tuple[int | None, int | None] | None = None, spoken_year: int | None = None
) -> _Calendar:
    """The document's review and plan years (as dated, else the pair of consecutive years most mentioned)."""
    this_year_is_review = body.count("明年") > body.count("去年")
    if years is not None and spoken_year is not None and spoken_year in years:
        this_year_is_review = spoken_year == years[0]
    if years is not None and years[1] is not None:
        return _Calendar(years[0], years[1], this_year_is_review)
    counts = Counter(mention.year for mention in find_years(body))
    pairs = [year for year in counts if year + 1 in counts]
    review_year = max(pairs, key=lambda year: (counts[year] + counts[year + 1], year)) if pairs else None
    plan_year = review_year + 1 if review_year is not None else None
    return _Calendar(review_year, plan_year, this_year_is_review)


def _word_cues(text: str) -> tuple[int, int, int]:
    return len(_REVIEW_CUE.findall(text)), len(_PLAN_CUE.findall(text)), len(_OTHER_CUE.findall(text))


def _calendar_cues(text: str, calendar: _Calendar) -> tuple[int, int]:
    """Review and plan votes of the year words: `今年` by the document's tense, explicit years by its pair."""
    review = plan = 0
    this_year = text.count("今年") - text.count("今年以来")
    if calendar.this_year_is_review:
        review += this_year
    else:
        plan += this_year
    for mention in find_years(text):
        year = mention.year
        if year == calendar.review_year:
            review += 1
        elif year == calendar.plan_year:
            plan += 1
    return review, plan


def _section_part(heading: str, body: str, previous: Part, calendar: _Calendar) -> Part:
    """Heading words first, then how the body opens, then the year words of the heading, then context."""
    if _NOTES_HEADING.search(heading):
        return "notes"
    if _EXPLANATION_HEADING.search(_HEADING_NUMBER.sub("", heading)):
        return "explanation"
    review, plan, other = _word_cues(heading)
    if review != plan:
        return "review" if review > plan else "plan"
    if (
        previous == "plan"
        and not review
        and (_ASSIGNING_HEADING.match(heading) or _ASSIGNING_CLAUSE.search(heading))
    ):
        return "plan"  # ``六、加强行政能力建设和政风建设`` after plan parts: one more assignment
    if previous == "plan" and not review and not other and _TOPIC_HEADING.match(heading):
        return "plan"  # ``四、关于国家的政治生活`` after the plan's parts: one more topic of the plan
    heading_years = {mention.year for mention in find_years(heading)}
    if calendar.plan_year in heading_years and calendar.review_year not in heading_years:
        return "plan"  # ``二、2017年工作总体部署`` in the report given in 2017
    if calendar.review_year in heading_years and calendar.plan_year not in heading_years and not plan:
        return "review"
    opening = _opening_part(body, calendar)
    if opening is not None:
        return opening
    first_paragraph = body.strip().split("\n", 1)[0]
    body_review = len(_STRONG_REVIEW_CUE.findall(first_paragraph))
    body_plan = len(_STRONG_PLAN_CUE.findall(first_paragraph))
    if body_review != body_plan and not other:
        return "review" if body_review > body_plan else "plan"
    year_review, year_plan = _calendar_cues(heading + first_paragraph[:2], calendar)
    if year_review != year_plan:
        return "review" if year_review > year_plan else "plan"
    if other:
        return "other"
    return _tense_of(body, calendar) or ("plan" if previous == "plan" else "other")


def _tense_of(body: str, calendar: _Calendar) -> Part | None:
    """A whole section's tense, where it is clear: plans say 要 and 将, reviews say 了 and 去年."""
    this_year = body.count("今年") - body.count("今年以来")
    plan = body.count("要") + body.count("将") + 2 * body.count("明年")
    review = body.count("了") + 2 * len(_REVIEW_TIME.findall(body))
    if calendar.this_year_is_review:
        review += 2 * this_year
    else:
        plan += 2 * this_year
    if max(plan, review) < _FEWEST_TENSE_WORDS:
        return None
    if plan >= _TENSE_RATIO * review:
        return "plan"
    if review >= _TENSE_RATIO * plan:
        return "review"
    return None


def _opening_part(body: str, calendar: _Calendar) -> Part | None:
    """The part a section's first paragraph announces by how it opens, if it does."""
    paragraph = body.strip().split("\n", 1)[0]
    if _opens_with_year(paragraph, calendar.review_year):
        return "review"
    if _REVIEW_OPENING.match(paragraph) and not _opens_with_year(paragraph, calendar.plan_year):
        return "review"
    if _opens_with_year(paragraph, calendar.plan_year) or _PLAN_OPENING.match(paragraph):
        return "plan"
    if _PLAN_LEAD.search(paragraph[:30]):
        return "plan"
    return None


def _opens_with_year(paragraph: str, year: int | None) -> bool:
    if year is None:
        return False
    mentions = find_years(paragraph, 0, 12)
    return (
        bool(mentions)
        and mentions[0].start == len(paragraph) - len(paragraph.lstrip())
        and mentions[0].year == year
    )


def _paragraph_sections(text: str, start: int, end: int, calendar: _Calendar) -> list[Section]:
    """Sections for text outside any heading: each paragraph by its own cues, runs of one part merged."""
    sections: list[Section] = []
    previous: Part = "other"
    for line_start, line_end in _lines(text, start, end):
        paragraph = text[line_start:line_end]
        part = _paragraph_part(paragraph, previous, calendar) if paragraph.strip() else previous
        if sections and sections[-1].part == part:
            sections[-1] = Section(sections[-1].start, line_end, None, part)
        else:
            if sections:
                sections[-1] = Section(sections[-1].start, line_start, None, sections[-1].part)
            sections.append(Section(line_start, line_end, None, part))
        previous = part
    if sections:
        sections[0] = Section(start, sections[0].end, None, sections[0].part)
        sections[-1] = Section(sections[-1].start, end, None, sections[-1].part)
    return sections


def _paragraph_part(paragraph: str, previous: Part, calendar: _Calendar) -> Part:
    opening = _opening_part(paragraph, calendar)
    if opening is not None:
        return opening
    review = len(_STRONG_REVIEW_CUE.findall(paragraph))
    plan = len(_STRONG_PLAN_CUE.findall(paragraph))
    if review >= plan + 2:
        return "review"
    if plan >= review + 2:
        return "plan"
    return previous
