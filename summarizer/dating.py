"""Dating a document: the year it looks back on (``review_year``) and the year it plans for (``plan_year``).

The genre dates itself in a few fixed ways, each read here as votes for a year:
- a date line (``2023年1月12日在…人民代表大会…上``, ``2003年4月7日`` alone on a line), the session of the
  National People's Congress a State Council report is given to (``向第五届全国人民代表大会``: February 1978)
  or a dated title (``2022年顺平县政府工作报告``): a work report is delivered early in the year it plans for;
  a year-end conference speech, or a report given late in the year (the congress of November 1982), reviews
  the year it is given in and plans the next;
- headings and fixed phrases that name a year: ``1994年国内工作的回顾``, ``总结2021年工作``,
  ``2021年是…的一年``, a year's plan reported as carried out (``１９８１年国民经济计划预计可以胜利完成``,
  ``…计划执行情况``) or its outcome estimated (``一九八二年预计比一九八一年增长``) (review); ``2008年主要任务``,
  ``做好2022年经济工作``, ``一九五八年度国民经济计划``, ``一九八三年国民经济和社会发展的年度计划草案``,
  ``2022年经济社会发展主要预期目标`` (plan);
- a reported ``“十四五”良好开局`` (the plan's first year is reviewed).

The two years are chosen together: the pair (review, review + 1) with the most votes. A report or speech
with no such cue falls back on the pair of consecutive years it mentions most (years that only look ahead,
``到2025年``, do not count). A year stays null when nothing supports it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from summarizer.years import YEAR, YearMention, find_years, year_value

_Cues = tuple[tuple[re.Pattern[str], float], ...]

_WHOLE = r"(?:全[省市州县区国])?"
# A heading: at a line's start, maybe numbered (``一、``, ``（三）``, ``第二部分``), maybe ``关于…``.
_HEADING = (
    r"(?:^|\n)[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}部分[，、：]?)?[ \t\u3000]*(?:关于|对)?"
)
_REVIEW_CUES: _Cues = (
    (
        re.compile(YEAR + _WHOLE + r"(?:国内|政府|经济社会发展|经济)?(?:的)?工作(?:的)?(?:总结|回顾|成绩)"),
        3.0,
    ),
    (re.compile(r"(?:总结|回顾|肯定|报告)" + YEAR + r"(?!以来)"), 3.0),
    (re.compile(r"刚刚过去的" + YEAR), 4.0),
    (re.compile(YEAR + r"(?:度)?(?:的)?国家决算"), 3.0),
    (re.compile(YEAR + r"是[^。！\n]{0,50}的一年"), 2.0),
    (re.compile(r"(?:^|\n)[ \t\u3000]*" + YEAR + r"[，,]"), 1.0),
    # A year's plan carried out, or its outcome estimated, is the year reviewed: ``１９８１年国民经济计划预计可以
    # 胜利完成``, ``一九八二年计划为百分之四，预计可以达到…``, ``2010年国民经济和社会发展计划执行情况``,
    # ``一九八二年预计比一九八一年增长…``.
    (
        re.compile(
            YEAR + r"(?:度)?(?:的)?(?:(?:国民)?经济(?:和|与)?社会发展(?:的)?|国民经济)?(?:计划|预算)"
            r"(?:[^。；\n]{0,12}?(?:预计|可以|能够|已经|胜利|超额|全面|实际)[^。；\n]{0,4}?(?:完成|实现|达到)"
            r"|(?:的)?执行(?:情况|结果))"
        ),
        3.0,
    ),
    (re.compile(YEAR + r"[ \u3000]?(?:全年)?预计"), 1.0),
)
_OF_THE_WORK = _WHOLE + r"(?:的)?(?:经济|经济社会发展|政府)?工作(?:的)?"
_PLAN_CUES: _Cues = (
    (re.compile(YEAR + _WHOLE + r"(?:经济社会发展|政府)?工作(?:打算|安排|思路|部署|建议)"), 3.0),
    (re.compile(r"(?:部署|安排|做好|谋划|对)" + YEAR + r"(?:的)?(?:经济|政府|全年)?工作"), 3.0),
    (re.compile(r"(?:部署|安排|谋划)" + YEAR), 2.0),
    (re.compile(YEAR + _OF_THE_WORK + r"(?:总体要求|主要目标|要|重点|思路)"), 3.0),
    (re.compile(YEAR + _WHOLE + r"(?:国民)?经济(?:和|与)?社会发展(?:的)?主要(?:预期)?目标"), 3.0),
    (re.compile(_HEADING + YEAR + r"(?:的)?(?:主要任务|重点任务|工作任务|重点工作|政府工作|工作)"), 3.0),
    # ``一九五八年度国民经济计划``, ``１９８２年的计划，要求…``, ``一九八三年国民经济和社会发展的年度计划草案``;
    # not a year's plan that is reported as carried out (``１９８１年国民经济计划预计可以胜利完成``).
    (
        re.compile(
            YEAR
            + r"(?:度)?(?:的)?(?:(?:国民)?经济(?:和|与)?社会发展(?:的)?|国民经济)?(?:年度)?(?:计划|国家预算)"
            r"(?![^，。；\n]{0,8}(?:预计|可以|能够|已经|胜利|超额|全面|执行|完成|实际))(?!为)"
        ),
        3.0,
    ),
    (
        re.compile(
            YEAR + r"(?:经济社会发展|政府工作|重点工作)(?:的)?(?:总体要求|主要(?:预期)?目标|任务|安排|重点)"
        ),
        3.0,
    ),
    (re.compile(YEAR + r"(?:是|将)[^。！\n的]{0,40}之年"), 1.0),
)
# ``2023年1月12日在…人民代表大会``; a date alone on its line (``2003年4月7日``); the month tells the genre.
_DATE = YEAR + r"[ \u3000]?([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]?月"
_DATE_LINE = re.compile(
    r"(?:^|\n)[ \t\u3000（(—-]*(?:[^\n]{0,30}?)" + _DATE + r"[^\n。]{0,8}?(?:日)?"
    r"(?:[ \t\u3000）)]*(?=\n)|[^\n。]{0,6}在[^\n。]{0,40}(?:人民代表大会|会议|大会)[^\n。]{0,12}(?:\n|$))"
)
_DATED_TITLE = re.compile(
    r"(?:^|\n)[^\n]{0,12}?" + YEAR + r"[^\n]{0,16}?政府工作报告|政府工作报告[ \t\u3000—-]*" + YEAR
)
_FIVE_YEAR_PLAN_START = {"十三五": 2016, "十四五": 2021, "十五五": 2026}
_PLAN_LAUNCH_REPORTED = re.compile(
    r"(十三五|十四五|十五五)”?(?:良好)?开局(?:之年[^。\n]{0,30}了|，|。)"
    r"|实现(?:了)?“(十三五|十四五|十五五)”良好开局"
)
# Every such report holds 开局, at most 10 characters after its start (``实现了“十四五”良好开局``).
_LAUNCH_WORD, _LAUNCH_WORD_REACH = "开局", 10
_LAUNCH_AIMED = re.compile(r"(?:奋力|努力|确保|力争|争取|为|迎接)(?:实现)?“?$")
_REPORT_OR_SPEECH = re.compile(r"各位代表|各位委员|同志们|向大会|政府工作报告|报告工作|会议上的讲话")
_SPEAKS_OF_PLAN = re.compile("明年|今年|下一步|下步|工作安排|主要任务|预期目标")
_SPEAKS_OF_REVIEW = re.compile("去年|一年来|五年来|过去一年|过去的一年|过去五年|今年以来|回顾")
# Years that look ahead (``到2025年``) or serve as a benchmark (``比1964年``) say nothing of the present.
_NOT_PRESENT_BEFORE = re.compile(r"(?:到|至|—|－|-|~|～|在|于|从|比|较|同|与)[ \u3000]?$")
_LOOKS_AHEAD_AFTER = re.compile(r"^(?:前|以前|底前|年底前|远景|基本实现|全面建成|实现)")
_FUTURE = re.compile(r"将|要|计划|力争|争取|目标|以前|底前|举办|召开")
_CLAUSE_END = re.compile(r"[，。；：,;:\n]")
_FUTURE_SENTENCE = re.compile(r"将|计划规定|规划|力争|争取|预期|目标")
_SENTENCE_END = "。！？\n"
# The reviewed year is one of the years a report dwells on: a quarter of the most-mentioned one's count.
_WELL_MENTIONED = 0.25
_HEAD = 400
# How far before and after a year its cue may reach (``刚刚过去的``, ``…是…的一年`` up to 50 characters).
_CUE_REACH = 64
# A speech that names two years once each in passing is not dated by them.
_FEWEST_MENTIONS = 2
# Less than one firm cue (a heading, a fixed phrase): the years the text mentions decide.
_FIRM_VOTE = 2.0
_DATE_WEIGHT = 8.0
# The session of the National People's Congress a report is addressed to: ``向第五届全国人民代表大会``,
# ``向第一届全国人民代表大会第二次会议``, ``我們第一届全國人民代表大會第一次會議``.
_NATIONAL_CONGRESS = re.compile(
    r"(?:向|在|请求|我们|我們)(?:这次)?第([一二三四五六七八九十]{1,3})届全[国國]人民代表大[会會]"
    r"(?:第([一二三四五六七八九十]{1,2})次[会會][议議])?"
)
# Sessions before the terms settled into one session each March (from the sixth congress's third, 1985).
_EARLY_SESSIONS = {
    (1, 1): (1954, 9),
    (1, 2): (1955, 7),
    (1, 3): (1956, 6),
    (1, 4): (1957, 6),
    (1, 5): (1958, 2),
    (2, 1): (1959, 4),
    (2, 2): (1960, 3),
    (2, 3): (1962, 3),
    (2, 4): (1963, 11),
    (3, 1): (1964, 12),
    (4, 1): (1975, 1),
    (5, 1): (1978, 2),
    (5, 2): (1979, 6),
    (5, 3): (1980, 9),  # opened on 30 August and sat into September: its reports plan 1981
    (5, 4): (1981, 11),
    (5, 5): (1982, 11),
}
_REGULAR_CONGRESS, _REGULAR_CONGRESS_YEAR = 6, 1983
_IRREGULAR_MONTHS = {1983: 6, 1984: 5}
_LAST_MONTH_OF_A_REPORT = 8


def document_years(body: str) -> tuple[int | None, int | None]:
    """The year the document looks back on and the year it plans for; either None when unsupported."""
    mentions = find_years(body)
    review = _year_votes(body, _REVIEW_CUES, mentions)
    for year, weight in _five_year_plan_votes(body).items():
        review[year] += weight
    plan = _year_votes(body, _PLAN_CUES, mentions)
    for year, month in _dates(body[:_HEAD]):
        delivered_late = month is not None and month > _LAST_MONTH_OF_A_REPORT
        review[year - 1 + delivered_late] += _DATE_WEIGHT
        plan[year + delivered_late] += _DATE_WEIGHT
    weak = max([*review.values(), *plan.values(), 0.0]) < _FIRM_VOTE
    if weak and _REPORT_OR_SPEECH.search(body[:_HEAD]):
        latest = _latest_reviewed_year(body, mentions)
        if latest is not None:
            review[latest] += _FIRM_VOTE
            plan[latest + 1] += _FIRM_VOTE
    return _best_pair(body, review, plan)


def spoken_in(body: str) -> int | None:
    """The year the document was given in, where its date line or dated title says so."""
    dates = _dates(body[:_HEAD])
    return dates[0][0] if dates else None


def _best_pair(
    body: str, review: Mapping[int, float], plan: Mapping[int, float]
) -> tuple[int | None, int | None]:
    """The pair (review, review + 1) with the most votes; a side with no vote and no cue in the text is None."""
    candidates = set(review) | {year - 1 for year in plan}
    if not candidates:
        return None, None
    ranked = sorted(((review[year] + plan[year + 1], year) for year in candidates), reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None, None
    year = ranked[0][1]
    report = bool(_REPORT_OR_SPEECH.search(body[:_HEAD]))
    has_review = review[year] > 0 or report or bool(_SPEAKS_OF_REVIEW.search(body))
    has_plan = plan[year + 1] > 0 or report or bool(_SPEAKS_OF_PLAN.search(body))
    return (year if has_review else None), (year + 1 if has_plan else None)


def _year_votes(
    body: str, cues: Iterable[tuple[re.Pattern[str], float]], mentions: list[YearMention]
) -> defaultdict[int, float]:
    """Each cue tried only at the years the text mentions (one scan for years, then anchored matches)."""
    votes: defaultdict[int, float] = defaultdict(float)
    for pattern, weight in cues:
        anchored = pattern.pattern.startswith(YEAR)
        for mention in mentions:
            if anchored:
                found = pattern.match(body, mention.start) is not None
            else:
                found = any(
                    match.start(1) == mention.start
                    for match in pattern.finditer(
                        body, max(0, mention.start - _CUE_REACH), mention.end + _CUE_REACH
                    )
                )
            if found:
                votes[mention.year] += weight
    return votes


def _dates(head: str) -> list[tuple[int, int | None]]:
    """The document's own date: a date line or a dated title, as (year, month or None)."""
    found: list[tuple[int, int | None]] = []
    for match in _DATE_LINE.finditer(head):
        year = year_value(match.group(1))
        if year is not None:
            found.append((year, _month(match.group(2))))
    if not found:
        found += _national_congress_sessions(head)
    if not found:
        for match in _DATED_TITLE.finditer(head):
            year = year_value(match.group(1) or match.group(2))
            if year is not None:
                found.append((year, None))
    return found[:1]


def _national_congress_sessions(head: str) -> list[tuple[int, int | None]]:
    """The date of the National People's Congress session a State Council report is given to.

    ``向第五届全国人民代表大会作政府工作报告`` (its first session, February 1978), ``向第一届全国人民代表大会第二次
    会议提出…`` (July 1955): the session's date is the report's, as a date line would give it.
    """
    found: list[tuple[int, int | None]] = []
    for match in _NATIONAL_CONGRESS.finditer(head):
        congress = _small_number(match.group(1))
        session = _small_number(match.group(2)) if match.group(2) else 1
        if congress is not None and session is not None:
            date = _national_congress_date(congress, session)
            if date is not None:
                found.append(date)
    return found


def _national_congress_date(congress: int, session: int) -> tuple[int, int] | None:
    """(year, month) of a session of the National People's Congress; None for one that never met."""
    if congress >= _REGULAR_CONGRESS:
        year = _REGULAR_CONGRESS_YEAR + (congress - _REGULAR_CONGRESS) * 5 + session - 1
        return (year, _IRREGULAR_MONTHS.get(year, 3)) if session <= 5 else None
    return _EARLY_SESSIONS.get((congress, session))


def _small_number(written: str) -> int | None:
    """``五`` 5, ``十三`` 13, ``二十`` 20; None for anything else."""
    numerals = "一二三四五六七八九"
    tens, _, units = written.rpartition("十")
    if "十" not in written:
        return numerals.index(written) + 1 if len(written) == 1 and written in numerals else None
    if len(tens) > 1 or len(units) > 1 or not set(tens + units) <= set(numerals):
        return None
    return (numerals.index(tens) + 1 if tens else 1) * 10 + (numerals.index(units) + 1 if units else 0)


def _month(written: str) -> int | None:
    digits = written.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if digits.isdigit():
        return int(digits)
    numerals = "一二三四五六七八九"
    if written == "十":
        return 10
    if written.startswith("十"):
        return 10 + numerals.index(written[1]) + 1
    return numerals.index(written) + 1 if written in numerals else None


def _five_year_plan_votes(body: str) -> defaultdict[int, float]:
    """`“十四五”良好开局` reported as done: the document looks back on the plan's first year."""
    votes: defaultdict[int, float] = defaultdict(float)
    for match in _launches_reported(body):
        if _LAUNCH_AIMED.search(body, max(0, match.start() - 8), match.start()):
            continue
        votes[_FIVE_YEAR_PLAN_START[match.group(1) or match.group(2)]] += 1.0
    return votes


def _launches_reported(body: str) -> list[re.Match[str]]:
    """The matches of ``_PLAN_LAUNCH_REPORTED.finditer(body)``, tried only where one can start: up to
    ``_LAUNCH_WORD_REACH`` characters before each 开局 (most reports hold none; scanning all of them for the
    pattern was a tenth of the time spent dating the corpus)."""
    found: list[re.Match[str]] = []
    resume = 0  # where the last match ended, and the positions before it that were tried already
    at = body.find(_LAUNCH_WORD)
    while at >= 0:
        for begin in range(max(resume, at - _LAUNCH_WORD_REACH), at + 1):
            match = _PLAN_LAUNCH_REPORTED.match(body, begin) if begin >= resume else None
            if match is not None:
                found.append(match)
                resume = match.end()
        resume = max(resume, at + 1)
        at = body.find(_LAUNCH_WORD, at + 1)
    return found


def _latest_reviewed_year(body: str, mentions: list[YearMention]) -> int | None:
    """The year a report or speech with no dating cue looks back on, from the years it mentions.

    Years that look ahead (``到2025年``, ``2010年将…``) are left out; of the rest, the latest that the text
    dwells on is the plan year if the year before it is mentioned at least as often (a report reviews more
    than it plans), else the reviewed year.
    """
    counts: Counter[int] = Counter()
    for mention in mentions:
        before = body[max(0, mention.start - 2) : mention.start]
        clause = _CLAUSE_END.split(body[mention.end : mention.end + 40], maxsplit=1)[0]
        if _NOT_PRESENT_BEFORE.search(before) or _LOOKS_AHEAD_AFTER.match(clause) or _FUTURE.search(clause):
            continue
        if _FUTURE_SENTENCE.search(_sentence_around(body, mention.start)):
            continue
        counts[mention.year] += 1
    if not counts or sum(counts.values()) < _FEWEST_MENTIONS:
        return None
    floor = max(counts.values()) * _WELL_MENTIONED
    dwelt_on = [year for year, count in counts.items() if count >= floor and count > 1]
    if not dwelt_on:
        return None
    latest = max(dwelt_on)
    return latest - 1 if counts[latest - 1] >= counts[latest] else latest


def _sentence_around(body: str, position: int) -> str:
    start = max(body.rfind(end, 0, position) for end in _SENTENCE_END) + 1
    ends = [found for found in (body.find(end, position) for end in _SENTENCE_END) if found >= 0]
    return body[start : min(ends, default=len(body))]
