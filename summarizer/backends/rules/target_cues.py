"""Target or result, and which year: the cues of a sentence, its clause, its section and the document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.models import Chunk, Part, TargetKind
from summarizer.numbers import parse_number
from summarizer.pattern_starts import (
    after_first_character,
    finditer_held,
    led_by_first_characters,
    without_capturing_groups,
)
from summarizer.years import YEAR, year_value

CLAUSE_BREAK_RE = re.compile(r"[，,；;：:（）()]")


# Greedy to the last clause break before ``pos``: one scan in C instead of one per break character.
_UP_TO_LAST_BREAK = re.compile(r".*[，,；;：:（）()]", re.S)


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins."""
    match = _UP_TO_LAST_BREAK.match(sentence, 0, pos)
    return match.end() if match else 0


_STRONG_RESULT_RE = re.compile(
    r"(?<!比[0-9０-９一二三四五六七八九〇○零]{4}年)预计(?!数)|今年以来|一年来|过去|去年|上年|前[一二三1-3１-３]季度|上半年|[1-9１-９一]+[—\-－~至到][0-9０-９一二三四五六七八九十]+月|"
    r"累计|截至|截止|回顾|已经|已|实现了|完成了|达到了|取得了|现有|拥有|目前"
)
_STRONG_TARGET_RE = re.compile(
    r"明年|后年|力争|确保|拟|争取(?![到了]|[^，。；]{0,6}(?:资金|项目|政策|支持|债券|额度))|目标|计划|(?<![于出乎过及合定场])预期(?!寿命|之中|之内|向好)|"
    r"(?<![加高升降少大长])到20[0-9]{2}年|十[一-九]五”?末|(?<!艰苦)(?<!不懈)(?<!共同)努力|力求"
)
# ``超过预期目标``, ``完成了全年计划``: a target named as met is an outcome, not a cue for a target.
_MET_TARGET_RE = re.compile(
    r"(?:超过|超额完成|完成|实现|达到|没有完成|未完成)了?[^，。；]{0,8}?(?:目标|计划)(?:任务)?"
)
_CONTEXT_SENTENCE_MAX = 60
# ``过去一年，…`` opening a sentence (or a statement after ；) of the whole text:
# ``(?:(?<![^。！？!?\n])|；)[ \t\u3000]*(?:——)?(?:{words})``, written to open on the class of its first
# characters (pattern_starts), so that re skips the others in C; which of them it is tells the way on (；, a
# space, ——, or the words themselves at a sentence's start). The same matches (tests/test_pattern_starts.py).
_REVIEW_OPENING_WORDS = "过去一年|过去的一年|一年来|刚刚过去的|回顾过去一年|过去五年|过去的五年|五年来|这五年"
_REVIEW_OPENING_IN_TEXT = re.compile(
    rf"[过一刚回五这—； \t\u3000](?:(?<=；)[ \t\u3000]*(?:——)?(?:{_REVIEW_OPENING_WORDS})"
    rf"|(?<![^。！？!?\n].)(?:(?<=[ \t\u3000])[ \t\u3000]*(?:——)?(?:{_REVIEW_OPENING_WORDS})"
    rf"|(?<=—)—(?:{_REVIEW_OPENING_WORDS})|{after_first_character(_REVIEW_OPENING_WORDS)}))"
)
_REVIEW_PARAGRAPH_OPENING = re.compile(
    r"(?:^|[。！？；])[ \t\u3000]*(?:过去一年|过去的一年|一年来|刚刚过去的|回顾过去一年)"
)
_WEAK_RESULT_RE = re.compile(r"共有|同比|有望|比去年|较年初|创历史|历史新高|跃居|位居|蝉联|成为|仅为|了")
_WEAK_TARGET_RE = re.compile(r"要|将|控制在|抓好|办好|实施好")
# Each cue's first character, looked ahead for before trying the alternatives (a large saving in a scan).
_STRONG_FIRST = "预今一过去上前1-9１-９累截回已实完达取现拥目明后力确拟争计到十努"
_WEAK_FIRST = "共同有比较创历跃位蝉成仅了要将控抓办实"
_STRONG_CUES = re.compile(
    f"(?=[{_STRONG_FIRST}])(?:(?P<result>{_STRONG_RESULT_RE.pattern})|(?P<target>{_STRONG_TARGET_RE.pattern}))"
)
_WEAK_CUES = re.compile(
    f"(?=[{_WEAK_FIRST}])(?:(?P<result>{_WEAK_RESULT_RE.pattern})|(?P<target>{_WEAK_TARGET_RE.pattern}))"
)
# ``财政赤字率控制在2.8%`` in the review reports a figure held to, not one set.
_CONTROLLED_AT_RE = re.compile(r"控制在")
_COMPARISON_BEFORE = ("比", "较", "較", "与", "同", "由", "从")
_PRICE_OR_COMPARISON_BEFORE = (*_COMPARISON_BEFORE, "按")  # ``按一九五七年不变价格计算``
# ``在去年市核任务的基础上增长8.1%``: last year named as the base, like a comparison (but ``在今年`` is this year).
_BASE_BEFORE = (*_COMPARISON_BEFORE, "在")
_YEAR_RE = re.compile(YEAR + r"(?!以来|来)")
# A figure over a stretch of years has no single year, unless its clause writes one.
# ``五年``, ``两年``, but not the last digits of a year written in Chinese (一九五五年).
_STRETCH_OF_YEARS_RE = re.compile(
    r"年均(?!浓度|值)|(?<!全年)累计|(?<![〇○零一二三四五六七八九十])[两三四五十]年(?:来|间|共|内|中)?|共计|平均每年|前[两三四]年"
)
# A paragraph that looks back over several years (过去五年, “十三五”时期): its counts and growth span them.
_STRETCH_PARAGRAPH_RE = re.compile(
    r"过去(?:的)?五年|五年来|这五年|五年中|五年间|“?十[一二三四五]五”?(?:期间|时期|以来)|[两三四五]年来"
)
# A section or paragraph that sets the targets of a five-year plan (今后五年, “十四五”时期主要目标): its
# targets are for the plan's last year where it names one (到2025年), else for no single year.
_FORWARD_STRETCH_RE = re.compile(
    r"今后五年|未来五年|今后一个时期|五年规划|规划纲要|第[六七八九十]个五年计划|“?[六七八九]五”?计划|"
    r"“?十[一二三四五六]五”?(?:时期|期间|规划)?(?:的)?(?:经济社会发展)?(?:的)?(?:主要)?(?:奋斗)?目标"
)
# The number of a five-year plan as named: ``十四五`` 14, ``第七个五年计划`` 7, ``七五计划`` 7.
# A year written in numerals is no plan (``一九五五年`` holds 九五, ``一九八五`` 八五): the lookahead here, the
# character before where the text is scanned (the scan must open on a class of characters).
_PLAN_NUMBER_RE = re.compile(
    r"(十[一二三四五六七八九]|[六七八九])五(?![〇○零一二三四五六七八九十])|"
    r"第(十?[一二三四五六七八九十])个五年"
)
_NUMERALS = frozenset("〇○零一二三四五六七八九十")
_NEXT_FIVE_YEARS_RE = re.compile(r"今后五年|未来五年")
# A sentence that opens on a plan period (``第六个五年计划期间，``, ``“十五五”时期，``): its targets are the plan's,
# for its last year (judged round 5581: 六五's 基本建设投资总额 is 1985's, not the plan year's).
_PLAN_PERIOD_OPENING_RE = re.compile(
    r"^[^，。；：]{0,4}?(?:第(?:十?[一二三四五六七八九十])个五年(?:计划|规划)|“?(?:十[一二三四五六七八九]|[六七八九])五”?(?:计划|规划)?)"
    r"(?:时期|期间|的五年)[，,]"
)
# A paragraph that opens on the plan's outline by its short name (``《纲要（草案）》明确了…主要指标``) speaks of
# the five-year plan the text last numbered (``第十五个五年规划纲要``).
_OUTLINE_OPENING_RE = re.compile(r"^[^，。；：]{0,2}《(?:规划)?纲要")
_ONE_YEAR_OPENING_RE = re.compile(rf"^[^，。；]{{0,8}}(?:{YEAR}|今年|去年|过去一年|过去的一年|一年来)")
# ``2005年与2000年相比，…``: an opening on two years compared, a span of them.
_YEARS_COMPARED_OPENING_RE = re.compile(rf"^[^，。；]{{0,8}}?{YEAR}(?:与|比|较|同|和)[^，。；]{{0,3}}?{YEAR}")
# A paragraph that opens on the plan period (过去的五年极不寻常。“十四五”时期是…的五年。这五年，…) begins a
# run of paragraphs that look back over it; one that opens on the reviewed year (刚刚过去的2025年，…;
# 一年来) a run that reports that year. Each run lasts to the next such opening or the section's end: a
# review of ``“十四五”时期和2025年`` gives its five years in one run of paragraphs and the year in another.
_ADDRESS = r"(?:各位代表|同志们)[，,！!]?"
_PERIOD_OPENING_RE = re.compile(
    rf"^(?:{_ADDRESS})?[^，。；：]{{0,4}}?(?:过去(?:的)?五年|五年来|这五年|经过五年|“?十[一二三四五六七八九]五”?(?:时期|期间|以来))"
    # ``这是人民生活品质不断提高的五年。``: a review's line that heads what the five years did in one field
    r"|^这是[^，。；：]{0,30}?的五年"
)
_REVIEWED_YEAR_OPENING_RE = re.compile(
    rf"^(?:{_ADDRESS})?[^，。；：]{{0,6}}?(?:刚刚过去的|过去(?:的)?一年|一年来|这一年|{YEAR}(?=[，,是]|极不|很不))"
)
_HORIZON_RE = re.compile(rf"到{YEAR}|“?十([一二三四五六七八九])五”?末")
_RESTATED_TARGET_RE = re.compile(r"年度目标|全年目标|年初(?:确定|提出|制定|设定)|预期目标")
# What only a plan says, even where it stands in the review part: ``将增长``, ``明年``, ``拟安排``.
_FUTURE_RE = re.compile(
    r"将(?:要)?(?:达到|增长|增加|提高|突破|超过|实现|完成|比|下降|减少)|明年|后年|今后|拟(?:安排|按|发行)"
)
_REPORT_SET_RE = re.compile(r"(?:政府工作报告|计划|预算)(?:提出|确定|规定|要求)")
# ``是2005年的2.1倍``: a year named as a benchmark is not the year of the figure.
# ``按一九五七年不变价格计算``: the year of the prices, not of the figure.
_BENCHMARK_YEAR_BEFORE = (*("比", "较", "較", "与", "同", "由", "从"), "是", "为", "按")
# ``將等於一九四九年的四點二倍``, ``已經達到一九四九年的九倍多``: the year of the base a multiple is of (judged round 9090).
_MULTIPLE_OF_BEFORE = ("等于", "等於", "相当于", "相當於", "达到", "達到", "为", "爲", "是")
_BENCHMARK_PLAN_END_BEFORE = tuple(
    opener + quote for opener in ("比", "较", "較", "与", "同", "由", "从") for quote in ("", "“", '"')
)
_FIVE_YEAR_END_RE = re.compile(r"十([一二三四五六七八九])五”?末")
_RELATIVE_YEAR_RE = re.compile(r"今年|明年|后年|去年")
_REVIEW_PERIOD_RE = re.compile(r"今年以来|预计全年|明年[^。]{0,20}明年")
_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，、部分])"
)


@dataclass
class Cues:
    """What the sentences read so far say about the period being spoken of."""

    review_year: int | None
    plan_year: int | None
    this_year: int | None
    paragraph: TargetKind | None = None
    stretch: bool = False
    forward: bool = False  # the paragraph sets a five-year plan's targets
    horizon: int | None = None  # the year those targets are for, once a sentence names it
    numbered_plan_end: int | None = None  # the last year of the five-year plan the text last numbered
    sentence_year: int | None = None  # the year the sentence being read writes last, if any
    previous_year: int | None = None  # the year the sentence before wrote last (``…。其中：…``)
    _context: TargetKind | None = None
    _text: str = ""
    _events: list[tuple[int, int, str | int | None]] = field(default_factory=list)
    _next_event: int = 0
    _unread: list[tuple[int, int]] = field(default_factory=list)
    sentence: str = ""  # the sentence being read, set by the reader of its figures
    years_read: tuple[str, list[tuple[int, int, int]]] | None = None
    # The run of paragraphs of the section being read: ``period`` (they look back over the plan period),
    # ``year`` (they report the reviewed year) or None (the section's heading tells); its heading.
    _run: str | None = None
    _run_heading: str | None = None
    # A part's own title line with no number (``今后五年建设和改革的目标、方针和任务``), over the numbered sections
    # of its tasks: what it says of the five-year plan holds under them, until the next such title line.
    _title_cues: tuple[bool, bool, int | None] = (False, False, None)

    def prepare(self, text: str) -> None:
        """Find the cues of the whole text once (a scan each, in C); sentences then take theirs by position."""
        self._text = text
        events: list[tuple[int, int, str | int | None]] = []
        events += [(m.start(), _REVIEW_OPENS, None) for m in _REVIEW_OPENING_IN_TEXT.finditer(text)]
        events += [(m.start(), _LOOKS_BACK, None) for m in _LOOKS_BACK_IN_TEXT.finditer(text)]
        events += [(m.start(), _PLAN_NAMED, m.group()) for m in _PLAN_IN_TEXT.finditer(text)]
        events += [(m.start(), _HORIZON_NAMED, _horizon_of(m)) for m in _HORIZON_IN_TEXT.finditer(text)]
        events += [
            (m.start(), _PLAN_NUMBERED, _plan_end(m.group(), None))
            for m in _PLAN_NUMBER_IN_TEXT.finditer(text)
            if text[m.start() - 1 : m.start()] not in _NUMERALS  # ``一九八五年``: a year, no plan
        ]
        events.sort(key=lambda event: event[0])
        self._events, self._next_event = events, 0

    def observe(self, start: int, end: int) -> None:
        """Take in the sentence at ``text[start:end]``, sentences being read in text order."""
        self._unread.append((start, end))
        self.previous_year, self.sentence_year = self.sentence_year, None
        review = looks_back = False
        plan: str | None = None
        horizon: int | None = None
        events = self._events
        while self._next_event < len(events) and events[self._next_event][0] < end:
            position, what, value = events[self._next_event]
            self._next_event += 1
            if position < start:
                continue
            if what == _REVIEW_OPENS:
                review = True
            elif what == _LOOKS_BACK:
                looks_back = True
            elif what == _PLAN_NAMED:
                plan = plan or value  # type: ignore[assignment]
            elif what == _PLAN_NUMBERED:
                self.numbered_plan_end = value or self.numbered_plan_end  # type: ignore[assignment]
            else:
                horizon = value  # type: ignore[assignment]  # the last one the sentence names
        if review:
            self.paragraph = "result"
        if looks_back:
            self.stretch = True
        if not self.forward and plan is not None:
            self.forward = True
            self.horizon = self.horizon or _plan_end(plan, self.plan_year)
        if self.forward and horizon is not None:
            self.horizon = horizon

    def stretch_before(self, text: str) -> bool:
        """Whether the sentence so far looks back over several years (``过去五年，…``)."""
        return _LOOKS_BACK_IN_TEXT.search(text) is not None  # its matches, found faster

    @property
    def context(self) -> TargetKind | None:
        """The kind the sentences read so far speak in: the last heading or short sentence with a strong
        cue (a long one counts while none has spoken yet). Read only when asked, since it seldom is."""
        for start, end in self._unread:
            sentence = self._text[start:end]
            if _HEADING_RE.match(sentence) or len(sentence) < _CONTEXT_SENTENCE_MAX or self._context is None:
                self._context = _cue_kind(sentence, strong_only=True) or self._context
        self._unread.clear()
        return self._context

    def new_paragraph(self, first_sentence: str, heading: str | None = None, opening: str = "") -> None:
        """A paragraph that says ``过去一年，…`` reports outcomes from there to its end, even in the plan part;
        one that says ``过去五年`` reports counts and growth over those years; one under a heading, or
        that says, ``“十四五”时期主要目标`` sets targets for the plan's last year. A run of ``——`` paragraphs
        after one that looks back over the years (``五年来，…``) goes on looking back."""
        carried = self.stretch and first_sentence.lstrip(" \t\u3000").startswith("——")
        carried_kind = self.paragraph if carried else None
        self.paragraph = None
        if _UNNUMBERED_TITLE_RE.fullmatch(title := first_sentence.strip(" \t\u3000")):
            self._title_cues = (
                _NO_CUES if _LOOKS_BACK_TITLE_RE.search(title) else _heading_cues(title, self.plan_year)
            )
        looks_back, self.forward, self.horizon = (
            _heading_cues(heading, self.plan_year) if heading else _NO_CUES
        )
        if not self.forward and not (heading and _ONE_YEARS_WORK_RE.search(heading)) and self._title_cues[1]:
            # ``一、大力发展农业生产…`` under ``今后五年建设和改革的目标、方针和任务``: one of the plan's tasks
            # (judged round 9090: ``每年增产原油３００万吨`` there is 1992's goal)
            self.forward, self.horizon = True, self._title_cues[2]
        if not self.forward and _OUTLINE_OPENING_RE.match(first_sentence) and self.numbered_plan_end:
            self.forward, self.horizon = True, self.numbered_plan_end
        self._follow_run(opening or first_sentence, heading)
        # Under a heading that looks back over a plan period (“十四五”时期工作回顾), every paragraph does,
        # unless it opens on one year of its own (2025年，…; 过去一年), or follows a paragraph that opened
        # the reviewed year's run; under any heading, every paragraph of a run that looks back does.
        one_year = _ONE_YEAR_OPENING_RE.search(first_sentence) and not _YEARS_COMPARED_OPENING_RE.match(
            first_sentence
        )
        self.stretch = not one_year and (self._run == "period" or (looks_back and self._run != "year"))
        if carried:
            self.stretch, self.paragraph = True, carried_kind

    def _follow_run(self, opening: str, heading: str | None) -> None:
        """Which run of paragraphs (``_PERIOD_OPENING_RE``) the paragraph that opens on ``opening`` (its
        first words, an address such as ``各位代表！`` included) belongs to: a new section begins none; a
        numbered heading of its own opens none."""
        if heading != self._run_heading:
            self._run, self._run_heading = None, heading
        if _HEADING_RE.match(opening):
            return
        if _PERIOD_OPENING_RE.match(opening):
            self._run = "period"
        elif (year := _REVIEWED_YEAR_OPENING_RE.match(opening)) and self._opens_reviewed_year(year.group()):
            self._run = "year"

    def _opens_reviewed_year(self, opening: str) -> bool:
        years = [year_value(m.group(1)) for m in _YEAR_RE.finditer(opening)]
        return not years or (self.review_year is not None and years[-1] == self.review_year)


_REVIEW_OPENS, _LOOKS_BACK, _PLAN_NAMED, _HORIZON_NAMED, _PLAN_NUMBERED = range(5)
# A title line of a part that reviews (``六五计划前两年的执行情况``): no plan's targets under it.
_LOOKS_BACK_TITLE_RE = re.compile(r"执行|回顾|情况|完成|总结|以来|成就")
# A title line of a part, with no number and no sentence in it.
_UNNUMBERED_TITLE_RE = re.compile(r"(?![0-9０-９（(一二三四五六七八九十第])[^，。；：:,;！!？?]{2,30}")
_ONE_YEARS_WORK_RE = re.compile(rf"(?<!到){YEAR}(?:的)?(?:工作|重点工作|主要任务)|今年|明年")
# The scans of a whole text open on the class of their first characters (pattern_starts): re then skips the
# other characters in C instead of trying the pattern at each.
_LOOKS_BACK_IN_TEXT = led_by_first_characters(_STRETCH_PARAGRAPH_RE.pattern)
_PLAN_IN_TEXT = led_by_first_characters(_FORWARD_STRETCH_RE.pattern)
_HORIZON_IN_TEXT = led_by_first_characters(_HORIZON_RE.pattern)
_PLAN_NUMBER_IN_TEXT = led_by_first_characters(without_capturing_groups(_PLAN_NUMBER_RE.pattern))
_NO_CUES = (False, False, None)


@lru_cache(maxsize=256)
def _heading_cues(heading: str, plan_year: int | None) -> tuple[bool, bool, int | None]:
    """What a section heading says of its paragraphs: whether it looks back over a plan period, whether
    it sets a five-year plan's targets, and for which year. Asked once per paragraph, read once per heading."""
    looks_back = bool(_STRETCH_PARAGRAPH_RE.search(heading) and not _YEAR_RE.search(heading))
    plan = _FORWARD_STRETCH_RE.search(heading)
    if plan is None or _ONE_YEARS_WORK_RE.search(heading):
        # ``“十五五”时期目标任务和2026年工作安排``: the plan year's work shares the section; paragraphs tell
        return looks_back, False, None
    return looks_back, True, _horizon(heading) or _plan_end(plan.group(), plan_year)


def _plan_end(named: str, plan_year: int | None) -> int | None:
    """The last year of the five-year plan a cue names: “十四五” 2025, 第七个五年计划 1990, 今后五年 from the
    plan year on; None where it names no plan of known years (规划纲要)."""
    numeral = _PLAN_NUMBER_RE.search(named)
    if numeral:
        written = numeral.group(1) or numeral.group(2)
        number = "一二三四五六七八九十".index(written[-1]) + 1 + (10 if len(written) > 1 else 0)
        return (
            1955 + 5 * number if number >= 3 else {1: 1957, 2: 1962}.get(number)
        )  # 一五 1953–57, 二五 1958–62
    if _NEXT_FIVE_YEARS_RE.search(named) and plan_year is not None:
        return plan_year + 4
    return None


def _horizon(text: str) -> int | None:
    found = None
    for match in _HORIZON_RE.finditer(text):
        found = _horizon_of(match)
    return found


def _horizon_of(match: re.Match[str]) -> int | None:
    if match.group(1):
        return year_value(match.group(1))
    if match.group(2):
        return 1955 + 5 * (10 + "一二三四五六七八九".index(match.group(2)) + 1)
    return None


def read_cues(chunk: Chunk) -> Cues:
    doc = chunk.document
    review, plan = doc.review_year, doc.plan_year
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
    if doc.spoken_year is not None and doc.spoken_year in (review, plan):
        return Cues(review, plan, doc.spoken_year)  # dated: 今年 is the year of the date line
    mentions_next_year = chunk.text.count("明年") > chunk.text.count("今年") / 2
    spoken_in_review_year = _speaks_of_running_year(chunk) or mentions_next_year
    this_year = review if spoken_in_review_year else plan
    return Cues(review, plan, this_year)


def _speaks_of_running_year(chunk: Chunk) -> bool:
    """``预计全年`` in the review part: the speech is given before the year it reviews has ended.

    In a work report's plan part ``预计全年`` estimates the plan year and says nothing of when it is spoken.
    """
    return any(
        chunk.document.part_at(chunk.start + match.start()) != "plan"
        for match in finditer_held(_REVIEW_PERIOD_RE, chunk.text)
    )


def _cue_kind(text: str, strong_only: bool = False) -> TargetKind | None:
    """The kind the last cue before a number says: strong cues first, then weak ones."""
    met: list[tuple[int, int]] | None = None
    for combined in (_STRONG_CUES,) if strong_only else (_STRONG_CUES, _WEAK_CUES):
        best: tuple[int, TargetKind] | None = None
        for match in combined.finditer(text):
            kind: TargetKind = "result" if match.lastgroup == "result" else "target"
            if kind == "target":
                met = met if met is not None else [m.span() for m in _MET_TARGET_RE.finditer(text)]
                if any(start <= match.start() < end for start, end in met):
                    continue
            elif match.group() in ("去年", "上年") and text.endswith(_BASE_BEFORE, 0, match.start()):
                continue
            best = (match.start(), kind)
        if best:
            return best[1]
    return None


_COMPARED_RE = re.compile(r"比去年|同比|较年初")


def _only_compared(clause: str) -> bool:
    """The clause says it is a result only by comparing with last year (``比去年``, ``同比``)."""
    return _cue_kind(clause, strong_only=True) is None and all(
        _COMPARED_RE.fullmatch(match.group())
        for match in _WEAK_CUES.finditer(clause)
        if match.lastgroup == "result"
    )


def _part_kind(part: Part | None) -> TargetKind | None:
    return {"review": "result", "plan": "target"}.get(part or "")  # type: ignore[return-value]


def _year_kind(cues: Cues, before: str) -> TargetKind | None:
    years = [
        year
        for m in _YEAR_RE.finditer(before)
        if not before.endswith(_PRICE_OR_COMPARISON_BEFORE, 0, m.start()) and (year := year_value(m.group(1)))
    ]
    if not years or cues.plan_year is None:
        return None
    return "target" if years[-1] >= cues.plan_year else "result"


_OPENING_MAX = 16
# A figure set from above and quoted as met: ``完成国家下达的110万人年度任务``, ``省定的…目标``.
_QUOTED_TASK_BEFORE_RE = re.compile(r"(?:下达|确定|下发|分配)(?:给?我[省市县区])?的$")
_QUOTED_TASK_AFTER_RE = re.compile(r"[^，。；、0-9]{0,3}?(?:的)?(?:年度|全年)?(?:任务|目标|计划)")
_NUMBER_TAIL_RE = re.compile(r"[0-9０-９.．一二三四五六七八九十百千万亿零〇两]*")


def _number_end(sentence: str, pos: int) -> int:
    """Where the number that starts at ``pos`` ends (its unit follows)."""
    match = _NUMBER_TAIL_RE.match(sentence, pos)
    return match.end() if match else pos


def _opening_year_kind(cues: Cues, before: str, statement: str) -> TargetKind | None:
    """``1986年同1978年相比，A由…增加到…；B由…增加到…``: a later statement with no cue of its own is of the
    year the sentence's opening phrase gives."""
    if len(statement) == len(before) or _cue_kind(statement):
        return None
    comma = before.find("，", 0, _OPENING_MAX + 1)
    if comma < 0 or not _YEAR_RE.match(before, 0, comma):
        return None  # ``按1980年不变价格计算，``: a price base, no year of the figures
    return _year_kind(cues, before[:comma])


def kind_and_year(
    chunk: Chunk, cues: Cues, sentence: str, pos: int, offset: int
) -> tuple[TargetKind, int | None]:
    before = sentence[:pos]
    part = chunk.document.part_at(chunk.start + offset + pos)
    if part == "review":
        if _QUOTED_TASK_BEFORE_RE.search(before) and _QUOTED_TASK_AFTER_RE.match(
            sentence, _number_end(sentence, pos)
        ):
            # ``超额完成国家下达的110万人年度任务``: the figure set from above, quoted as met (judged round 5581,
            # "plan figure quoted in review"): a target of the reviewed year, no outcome
            return "target", _in_the_review(cues, before, pos)[1]
        return _in_the_review(cues, before, pos)
    if part == "annex":
        return "target", _year(cues, before, "target")  # an annexed list commits the plan year
    part_kind = _part_kind(part)
    if part_kind == "target" and "累计" in before:
        # ``新增1000处信号灯联网、累计达8000处`` in the plan: the stock the plan reaches, no outcome (judged
        # round 5581, "plan figure read as result"); 已, 截至 and 现有 still say it is one.
        before = before.replace("累计", "合计")
    clause_kind = _cue_kind(before[clause_start(before, pos) :])
    if (
        part_kind == "result"
        and clause_kind == "target"
        and _CONTROLLED_AT_RE.search(before[clause_start(before, pos) :])
    ):
        clause_kind = None
    if (
        part_kind == "target"
        and clause_kind == "result"
        and _only_compared(before[clause_start(before, pos) :])
    ):
        clause_kind = None  # ``比去年增加247亿元`` in the plan: a plan figure compared with last year's
    statement = before[
        max(before.rfind("；"), before.rfind(";")) + 1 :
    ]  # statements between semicolons stand apart
    kind = (
        _cue_kind(statement, strong_only=True)
        or _year_kind(cues, statement)
        or _opening_year_kind(cues, before, statement)
        or (cues.paragraph if part_kind == "target" else None)
        or clause_kind
        or part_kind
        or _cue_kind(before)
        or cues.context
        or "target"
    )
    if (
        kind == "target"
        and part_kind == "result"
        and _RESTATED_TARGET_RE.search(before[clause_start(before, pos) :])
    ):
        # ``增长9%(年度目标6%以上)`` in the review: the reviewed year's target, restated.
        return kind, _year(cues, before, "result")
    return kind, _year(cues, before, kind)


def _year_candidates(cues: Cues, before: str) -> list[tuple[int, int, int]]:
    """The years written in the sentence that ``before`` opens, each with where it stands. A sentence with
    several figures asks once per figure, for ever longer openings: it is read once, for the longest."""
    cached = cues.years_read
    if cached is not None and cached[0].startswith(before):
        return cached[1]
    sentence = cues.sentence if cues.sentence.startswith(before) else before
    candidates: list[tuple[int, int, int]] = []
    for match in _YEAR_RE.finditer(sentence):
        year = year_value(match.group(1))
        if (
            year is not None
            and not sentence.endswith(_BENCHMARK_YEAR_BEFORE, 0, match.start())
            and not (
                sentence.endswith(_MULTIPLE_OF_BEFORE, 0, match.start())
                and sentence.startswith("的", match.end())
            )
        ):
            candidates.append((match.start(), match.end(), year))
    for match in _FIVE_YEAR_END_RE.finditer(sentence):
        if sentence.endswith(_BENCHMARK_PLAN_END_BEFORE, 0, match.start()):
            continue  # ``由“十二五”末的41.07%提高到49.18%``: where the figure started, not its year
        end_year = 1955 + 5 * (10 + "一二三四五六七八九".index(match.group(1)) + 1)
        candidates.append((match.start(), match.end(), end_year))
    if "年内" in sentence or "年中" in sentence or "年里" in sentence:
        for match in _SPAN_FROM_A_YEAR_RE.finditer(sentence):
            first, years = year_value(match.group(1)), parse_number(match.group(2))
            if first is not None and years:
                candidates.append((match.start(), match.end(), first + int(years) - 1))
    if "本世纪末" in sentence and cues.plan_year is not None and cues.plan_year < _CENTURY_END:
        candidates += [(m.start(), m.end(), _CENTURY_END) for m in _CENTURY_END_RE.finditer(sentence)]
    if cues.this_year is not None:
        for match in _RELATIVE_YEAR_RE.finditer(sentence):
            if not sentence.endswith(
                _BASE_BEFORE if match.group() == "去年" else _COMPARISON_BEFORE, 0, match.start()
            ):
                shift = _RELATIVE_SHIFT[match.group()]
                candidates.append((match.start(), match.end(), cues.this_year + shift))
    cues.years_read = (sentence, candidates)
    return candidates


_RELATIVE_SHIFT = {"今年": 0, "明年": 1, "后年": 2, "去年": -1}
# Horizons written in words (judged round 9090): ``从一九五六年开始，在十二年内`` ends in 1967; ``到本世纪末，`` in 2000, in a
# report written before it.
_SPAN_FROM_A_YEAR_RE = re.compile(
    rf"从{YEAR}(?:开始|起)?[，,]?(?:在|用)?([一二三四五六七八九十两]+)年(?:之内|内|中|里|的时间)"
)
_CENTURY_END_RE = re.compile(r"到本世纪末(?=[，,])")
_CENTURY_END = 2000


def _in_the_review(cues: Cues, before: str, pos: int) -> tuple[TargetKind, int | None]:
    """Everything read in the review part is a result of the review year (``争取中央投资超2000亿元`` there
    reports what was won), except the reviewed year's own target restated (``年度目标6%以上``)."""
    clause = before[clause_start(before, pos) :]
    statement = before[max(before.rfind("；"), before.rfind(";")) + 1 :]
    if _FUTURE_RE.search(clause):
        # ``工业总产值比1956年将增长4.5%``: a plan figure where the outline could not tell the plan apart
        return "target", _year(cues, before, "target")
    year = _year(cues, before, "result")
    if (
        year is not None
        and cues.review_year is not None
        and year > cues.review_year
        and not any(year_value(m.group(1)) == year for m in _YEAR_RE.finditer(before))
    ):
        year = cues.review_year  # a figure of the review is never the plan year's, unless its year is written
    restated = _RESTATED_TARGET_RE.search(clause) or _REPORT_SET_RE.search(statement)
    if restated and (_cue_kind(clause) == "target" or _cue_kind(statement, strong_only=True) == "target"):
        return "target", year
    if _planned_for_a_later_year(cues, before, year):
        return "target", year
    return "result", year


_PLANNED_RE = re.compile(r"计划|规定|要求")


def _planned_for_a_later_year(cues: Cues, before: str, year: int | None) -> bool:
    """``到一九八五年，全国粮食产量计划达到…；棉花三百六十万吨``: a figure the plan sets for a year after the
    review's, written out, is no outcome, even where the outline reads the part as a review; an estimate
    (``预计``) of it stays a result."""
    if year is None or cues.review_year is None or year <= cues.review_year:
        return False
    if not any(year_value(m.group(1)) == year for m in _YEAR_RE.finditer(before)):
        return False
    if _ESTIMATED_RE.search(before):
        return False
    return bool(_PLANNED_RE.search(before)) and _cue_kind(before) == "target"


_ESTIMATED_RE = re.compile(r"预计|估计|有望|可望")


# ``五年累计，共淘汰落后炼铁产能1.17亿吨、炼钢产能7800万吨``, ``近三年累计，``: a statement that opens on a
# total over the years lists totals, clause after clause (judged round 5581, "span total with a single year").
_TOTAL_OPENING_RE = re.compile(r"[^，。；：0-9]{0,4}?(?<!全年)累计[，,]")
_SUB_ITEMS_OPENING_RE = re.compile(r"[ \t\u3000]*其中")


def written_year(cues: Cues, sentence: str) -> int | None:
    """The year ``sentence`` writes last (not one it compares with), or None."""
    candidates = _year_candidates(cues, sentence)
    return max(candidates)[2] if candidates else None


def _running_plan_end(cues: Cues, stretch: str) -> int | None:
    """For ``五年内`` (``五年中``, ``五年``): the last year of the five-year plan the text last numbered, if the
    plan year falls in it."""
    end, plan_year = cues.numbered_plan_end, cues.plan_year
    if stretch in ("五年内", "五年中", "五年") and end is not None and plan_year is not None:
        return end if end - 4 <= plan_year <= end else None
    return None


# A plan named as what sets the figure (``按调整后的“八五”计划``, ``“七五”计划草案规定``, ``第一个五年计划的基本任务``,
# ``在第二个五年计划期间``), not as a period compared with (``比“六五”期间``), one carried over to (``结转到第七个五年计划
# 期间``) or one being drafted (``结合“十五五”规划编制``), nor inside a year written in numerals (``一九八五年``).
_PLAN_NAME = r"“?(?:(?:十[一二三四五六七八九]|[六七八九])五|第十?[一二三四五六七八九十]个五年)”?(?:计划|规划)"
_NAMED_PLAN_RE = re.compile(
    rf"(?:按照?|根据|依照|在)(?:调整后的)?{_PLAN_NAME}|"
    rf"(?<![比较較与同由从到至“]){_PLAN_NAME}(?:草案)?(?:的)?(?:规定|安排|提出|要求|确定|基本任务|任务|目标|指标|设想|期间)"
)


def _named_plan_end(before: str) -> int | None:
    """The last year of the five-year plan the statement holding ``before`` names as setting its figures."""
    statement = before[max(before.rfind("；"), before.rfind(";")) + 1 :]
    if "五" not in statement:
        return None
    for match in _NAMED_PLAN_RE.finditer(statement):
        if statement[match.start() - 1 : match.start()] not in _NUMERALS:
            return _plan_end(match.group(), None)
    return None


def _only_a_running_total(before: str, clause_from: int) -> bool:
    """The clause says ``累计`` and no span of years (``五年累计``, ``年均``), nor does the statement before it
    (``经过七年努力，…累计实施了357个``); nor is it a change (``能耗强度累计下降17.3%`` sums the plan's years)."""
    statement_from = max(before.rfind("；"), before.rfind(";")) + 1
    return (
        all(match.group() == "累计" for match in _STRETCH_OF_YEARS_RE.finditer(before, clause_from))
        and not _YEARS_PASSED_RE.search(before, statement_from)
        and not _CHANGE_SUMMED_RE.search(before, clause_from)
    )


_YEARS_PASSED_RE = re.compile(
    r"以来|(?<![〇○零一二三四五六七八九十])[两三四五六七八九十]年(?:来|间|中|内|努力)"
)
# ``国务院规定：在今后三年内，生产性建设的…造价，应该比原计划至少节约百分之十``: a statement that opens on a span of
# a few years coming sets its figures over them, clause after clause and statement after statement (judged round
# 9090: year null).
_SPAN_OPENING_RE = re.compile(r"[^，。；]{0,8}?(?:在)?(?:今后|未来)[两三四]年(?:之内|内|中|里|间)?[，,]")
_CHANGE_SUMMED_RE = re.compile(r"累计(?:下降|降低|压降|减少|增长|提高|上升|增加)$")


_END_YEAR_AT = 3  # how far into a statement its own year may stand (``预计2020年``, ``到2025年``)
_RANGE_OPENERS = frozenset("从由自")
_RANGE_GLUE = frozenset("至到—-－~～和、同与比")


def _year(cues: Cues, before: str, kind: TargetKind) -> int | None:
    end = len(before)
    candidates = [(start, year) for start, stop, year in _year_candidates(cues, before) if stop <= end]
    clause_from = clause_start(before, len(before))
    statement_start = max(before.rfind("；"), before.rfind(";")) + 1
    stretch = (
        _STRETCH_OF_YEARS_RE.search(before, clause_from)
        or _TOTAL_OPENING_RE.match(before, statement_start)
        or _SPAN_OPENING_RE.match(before, statement_start)
        or _SPAN_OPENING_RE.match(before)  # its statements after a ``；`` too
    )
    if (
        stretch
        and kind == "result"
        and not cues.stretch
        and stretch.group() == "累计"
        and _only_a_running_total(before, clause_from)
    ):
        # ``新获批国家先进制造业集群4个，累计14个`` in a review of one year: the total where that year ended
        # (judged round 7349, "累计 at year end takes the review year"); over five years it spans them
        stretch = None
    if candidates and (not stretch or max(candidates)[0] >= clause_from):
        return max(candidates)[1]
    if kind == "target" and (named_end := _named_plan_end(before)) is not None:
        # ``按调整后的“八五”计划，国民经济增长速度…调高到百分之八至九``, ``“六五”计划安排的…项目共八百九十个``: the
        # goal of the plan the statement names, for its last year, whatever horizon the paragraph set (judged
        # round 9090: 1995, not 2010)
        return named_end
    if stretch:
        statement_from = max(before.rfind("；"), before.rfind(";")) + 1
        opening = [
            year
            for start, stop, year in _year_candidates(cues, before)
            if statement_from <= start <= statement_from + _END_YEAR_AT
            and before[start - 1 : start] not in _RANGE_OPENERS
            and before[stop : stop + 1] not in _RANGE_GLUE
            and not stretch.group().startswith("前")
        ]
        # ``预计2020年县域生产总值达到167.2亿元，年均增长8.2%``: the statement opens on the year the stretch ends in
        if opening:
            return opening[-1]
        if kind == "target" and cues.forward and not stretch.group().startswith("前"):
            # ``到2016年，全县生产总值年均增长12%以上``, ``五年增长百分之二十七`` in a five-year plan: its goal for
            # the plan's last year (judged round 7349, "five-year goal without year")
            return cues.horizon
        if (
            kind == "target"
            and (plan_end := _running_plan_end(cues, stretch.group())) is not None
            and not before.startswith("比", clause_from)  # ``比第五个五年计划期间的百分之十一``: a base
            and all(year <= plan_end for _, year in candidates)
            and (cues.previous_year or 0) <= plan_end  # ``１９９７年…。…五年新增``: the government's term
        ):
            # ``五年内病床将增长百分之七十七`` in a report on the first five-year plan: its goal for 1957
            # (judged round 4242, "five-year goal without year")
            return plan_end
        return None  # ``年均增长``, ``十一五前四年累计``: over a stretch of years, unless its clause or statement names one
    if candidates:
        return max(candidates)[1]
    if _SUB_ITEMS_OPENING_RE.match(before) and cues.previous_year is not None:
        # ``一九五七年全国社会商品零售总额将达到四百九十八亿元左右…。其中：国营商业约增长…``: the parts of a
        # figure are of its year (judged round 5581, "five-year goal without year")
        return cues.previous_year
    if kind == "target" and (period := _PLAN_PERIOD_OPENING_RE.match(before)):
        return _plan_end(period.group(), cues.plan_year)
    if kind == "target" and cues.forward:
        return cues.horizon  # a five-year plan's target: for its last year, or none named
    return cues.review_year if kind == "result" else cues.plan_year
