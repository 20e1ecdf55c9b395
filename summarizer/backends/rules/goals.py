"""Goals: the qualitative end-states a document commits to (SPEC.md section 3, Goals).

Two sources, both clause-level (a clause runs between `，`/`：` inside a sentence):
- the overall-requirement sentence (总体要求 / "…为指导，…" / 会议的主要任务是…动员…): its closing
  clauses after the last "means" clause (统筹…, 继续做好…, 以…为主线) are the aims, plus named
  objectives and positionings anywhere in it;
- anywhere in the plan: clauses in the genre's fixed goal shapes (打造…高地, 走出一条…之路,
  不断开创…新局面, 以优异成绩迎接…, 锚定…目标, 争当…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.models import Chunk, GoalDraft

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_SEP = re.compile(r"[，,：:]")
_EDGE_SPACE = " \t\u3000\xa0\r"

_AIM_SENTENCE = re.compile(
    r"总体要求|指导思想|思想为指导|主要任务是|就是要.{0,80}动员|动员全\S{1,3}上下|我们要坚持以|我们的目标是|奋斗目标是"
)
_MEANS_CLAUSE = re.compile(
    r"^(?:统筹|继续做好|扎实做好|做好“六稳”|坚持以供给侧|以[^，]{2,24}为(?:主线|主题|根本动力|根本目的|导向|路径|方向))"
)
_TAIL_REJECT = re.compile(
    r"^(?:着力(?!打造|推动|建设)|抓|把|主动|扎实推进|继续|统筹|坚持|深入|全面贯彻|认真|加强|弘扬|贯彻|落实"
    r"|按照|紧扣|围绕|服务和融入|完整|全面深化|大力|深化)"
)
_KEEPING = re.compile(r"^(?:保持|确保|维护)")

_POSITION_NOUN = (
    r"(?:高地|之都|引领区|示范区|先行区|先行省|先行市|最优省|最优市|强省|强市|强州|强县|强区|第一[省市州县区]"
    r"|城市|城区|新城|基地|中心|支点|之地|目的地|热土|乐土|沃土|政府|增长极|样板|标杆|窗口|枢纽|门户|排头兵"
    r"|桥头堡|策源地|名城|首选地|主战场|旗帜|旗臶|典范|示范|高质量发展区)"
)
_ADVERB = r"(?:努力|加快|着力|积极|奋力|致力|聚焦|对标|全力|力争|争取|加速|全面|持续|携手|坚定不移)"
_GOAL_SHAPES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^{_ADVERB}{{0,2}}(?:把[^，]{{1,10}}?)?(?:打造|建设|建成)(?:成为|成)?[^，]{{2,40}}?{_POSITION_NOUN}$",
        rf"^{_ADVERB}{{0,2}}(?:打造|建设)“[^”]{{2,12}}”(?:、(?:打造|建设)“[^”]{{2,12}}”)*$",
        r"^(?:争当|争创|争做|勇当|勇做)[^，]{2,40}$",
        rf"^{_ADVERB}{{0,2}}成为[^，]{{2,40}}{_POSITION_NOUN}$",
        r"^走出一条[^，]{2,40}之路$",
        r"^(?:不断|奋力|加快)?开创[^，]{0,24}新局面$",
        r"^(?:奋力|携手|共同|加快)?(?:书写|谱写)[^，]{2,40}(?:篇章|华章|答卷)$",
        r"^以[^，]{2,30}迎接[^，]{0,16}(?:胜利召开|召开)$",
        r"^(?:奋力实现|锚定|紧盯|聚焦|牢牢把握|实现)[^，]{1,40}(?:目标|定位)$",
        r"^(?:全面)?落实[^，]{2,30}战略定位[^，]{0,8}$",
        r"^推动[^，]{2,30}(?:再上新台阶|取得[^，]{0,16}(?:进展|成果|成效)|成为[^，]{2,20})$",
        r"^(?:全力争取)?实现后来居上$",
        r"^确保(?:完成)?(?:各项|全年)?(?:预期)?(?:目标任务|目标)(?:圆满完成)?$",
    )
)
_AS_POSITION = re.compile(rf"^作为([^，]{{4,60}}{_POSITION_NOUN})$")
_LEAD_TO_STRIP = re.compile(
    r"^(?:致力|努力|积极|对标|携手|坚定不移|全力争取|着力|聚焦|加快(?=打造)|确保(?=完成)|全面(?=落实))"
)
_MAKE_INTO = re.compile(r"^把[^，]{1,10}?打造成为?")
_MAX_GOALS = 12


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    text: str
    sentence_end: bool


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    clauses: list[_Clause] = []
    pos = start
    for match in _CLAUSE_SEP.finditer(text, start, end):
        clauses.append(_trimmed(text, pos, match.start(), sentence_end=False))
        pos = match.end()
    clauses.append(_trimmed(text, pos, end, sentence_end=True))
    return [clause for clause in clauses if clause.text]


def _trimmed(text: str, start: int, end: int, *, sentence_end: bool) -> _Clause:
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return _Clause(start, end, text[start:end], sentence_end)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _goal_shape(clause: _Clause) -> bool:
    return any(pattern.search(clause.text) for pattern in _GOAL_SHAPES)


def _aim_clauses(clauses: list[_Clause]) -> list[list[_Clause]]:
    """The goals of an overall-requirement sentence, each a run of one or two adjacent clauses."""
    means = [i for i, clause in enumerate(clauses) if _MEANS_CLAUSE.search(clause.text)]
    tail_from = means[-1] + 1 if means else len(clauses)
    picked: list[list[_Clause]] = []
    for i, clause in enumerate(clauses):
        in_tail = i >= tail_from and not _TAIL_REJECT.search(clause.text)
        if not (in_tail or _goal_shape(clause)):
            continue
        previous = picked[-1][-1] if picked else None
        if previous is not None and clauses.index(previous) == i - 1 and _joins(previous, clause):
            picked[-1].append(clause)
        else:
            picked.append([clause])
    return picked


def _joins(previous: _Clause, clause: _Clause) -> bool:
    both_keeping = bool(_KEEPING.search(previous.text) and _KEEPING.search(clause.text))
    return both_keeping or (len(previous.text) <= 6 and not _goal_shape(previous))


def _goal_text(quote: str) -> str:
    made = _MAKE_INTO.sub("打造", quote)
    if made != quote:
        return made
    return _LEAD_TO_STRIP.sub("", quote) or quote


def _draft(chunk: Chunk, run: list[_Clause]) -> GoalDraft:
    start, end = run[0].start, run[-1].end
    quote = chunk.text[start:end]
    position = _AS_POSITION.search(quote)
    if position:
        start += position.start(1)
        quote = position.group(1)
    return GoalDraft(text=_goal_text(quote), quote=quote, offset=start)


def _in_review(chunk: Chunk, offset: int) -> bool:
    return chunk.document.part_at(chunk.start + offset) == "review"


def find_goals(chunk: Chunk) -> list[GoalDraft]:
    runs: list[list[_Clause]] = []
    for start, end in _sentences(chunk.text):
        if _in_review(chunk, start):
            continue
        clauses = _clauses(chunk.text, start, end)
        sentence = chunk.text[start:end]
        if _AIM_SENTENCE.search(sentence):
            runs.extend(_aim_clauses(clauses))
        else:
            runs.extend([clause] for clause in clauses if _goal_shape(clause) or _AS_POSITION.search(clause.text))
    drafts: list[GoalDraft] = []
    seen: set[str] = set()
    for run in runs:
        draft = _draft(chunk, run)
        if draft.text in seen:
            continue
        seen.add(draft.text)
        drafts.append(draft)
    return drafts[:_MAX_GOALS] if len(drafts) > _MAX_GOALS else drafts
