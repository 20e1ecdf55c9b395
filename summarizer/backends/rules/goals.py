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
    r"(?=[总指思主就动我奋])(?:总体要求|指导思想|思想为指导|主要任务是|就是要.{0,80}动员|动员全\S{1,3}上下|我们的目标是|奋斗目标是)"
)
_REPORTED = re.compile(
    r"(?=[取实交迈展见完达形走顺一])(?:(?:取得|实现|交出|迈好|展现|见到|完成|达到|形成|走出|迈出)了|顺利实现|一年来)"
)
# ``要`` looks ahead, but not inside 主要/重要/要求 (a review sentence says 主要经济指标).
_FORWARD = re.compile(r"(?<![主重纲概摘])要(?![求素点件闻])|必须|需要|应当|力争|争取")
_REPORTED_START = re.compile(r"^(?:上半年|前三季度|今年以来|去年|过去一年|过去五年|一年来)")
_MEANS_CLAUSE = re.compile(
    r"^(?:(?:更好|更加|全面)?统筹|继续做好|扎实做好|做好“六稳”|坚持以供给侧|动员|以[^，]{2,24}为(?:主线|主题|根本动力|根本目的|导向|路径|方向))"
)
_TAIL_REJECT = re.compile(
    r"^(?:着力(?!打造|推动|建设)|抓|把|主动|扎实推进|继续|统筹|坚持|深入|全面贯彻|认真|加强|弘扬|贯彻|落实"
    r"|按照|紧扣|围绕|服务和融入|完整|全面深化|大力|深化|突出|(?:有效)?防范化解|加力|实施|持续扩大|扩大)"
    # the ways and the attitude, not the aims: ``稳定预期、激发活力``, ``锐意进取、真抓实干``, ``在省委正确领导下``,
    # ``以走在前列的昂扬姿态``, ``最根本的是…``, and figures (the targets of the same sentence)
    r"|^[\u4e00-\u9fff]{4}、[\u4e00-\u9fff]{4}$|^在[^，]{2,30}下$|^以[^，]{2,20}(?:姿态|精神|作风|劲头|状态|干劲)$"
    r"|^最根本的是|\d"
)
# Where no "means" clause marks where the aims begin, they begin after the sentence's last guiding clause.
# A meeting's agenda (总结…，部署…) is no overall requirement: its closing clauses are only agenda items.
_GUIDING_CLAUSE = re.compile(r"^以[^，]{2,40}为指导$|^(?:全面|深入|认真)?(?:贯彻|落实)")
_AGENDA_CLAUSE = re.compile(r"^(?:全面|系统|认真)?(?:总结|回顾|分析|研判|安排|部署)")
_KEEPING = re.compile(r"^(?:保持|确保|维护)")
_LEADER = re.compile(
    r"(?:[*＊]+|我们|我[省市州县区]|全[省市州县区]|要|必须|一定要|动员|带领|上下|各级|进一步)*"
)

_POSITION_NOUN = (
    r"(?:高地|之都|引领区|示范区|先行区|(?:先行|最优|强|第一)[省市州县区]"
    r"|城市|城区|新城|基地|中心|支点|之地|目的地|热土|乐土|沃土|政府|增长极|样板|标杆|窗口|枢纽|门户|排头兵"
    r"|桥头堡|策源地|名城|首选地|主战场|旗帜|旗臶|典范|省份|高质量发展区|示范[省市州县区])"
)
_DISTINCTION = re.compile(
    r"全国|全球|国际|国内外|国家|世界|中部|西部|东部|全[省市州县区]|一流|最优|第一|先行|样板|标杆|引领|一面|一等|重要|主要"
    r"|新时代|片区|之都|政府|增长极|主战场|内陆|沿海|沿边"
)
_ADVERB = (
    r"(?:努力|加快|着力|积极|奋力|致力|聚焦|对标|全力|力争|争取|加速|全面|持续|携手|坚定不移|高水平|率先)"
)
_STRONG_SHAPES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        # ``把湘西州打造成为…``, ``把我州打造成为…``: the place itself made into something (not a work team).
        rf"^{_ADVERB}{{0,2}}把(?:我|全|本)?[^，]{{0,8}}?[省市州县区旗]打造成为?[^，]{{2,40}}$",
        rf"^{_ADVERB}{{0,2}}(?:打造|建设)“[^”+]{{2,12}}”(?:、(?:打造|建设)“[^”+]{{2,12}}”)*$",
        r"^(?:争当|勇当|勇做)[^，]{2,40}$",
        r"^走出一条[^，]{2,40}之路$",
        r"^(?:不断|奋力|加快)?开创[^，]{0,24}新局面$",
        r"^(?:推动|促进|实现)(?!各项|工作)[^，]{2,24}(?:再上|迈上|跃上)(?:一个)?新(?:的)?台阶$",
        r"^(?:奋力|携手|共同|加快)?(?:书写|谱写)[^，]{2,40}(?:篇章|华章|答卷)$",
        r"^以[^，]{2,30}迎接[^，]{0,16}(?:胜利召开|召开)$",
        r"^(?:奋力实现|锚定|紧盯|聚焦|牢牢把握)(?!上述|以上)[^，]{1,40}(?:目标|定位)$",
        r"^奋力实现(?!上述|以上)[^，]{2,30}$",
        r"^(?:全面)?落实[^，]{2,30}战略定位[^，]{0,8}$",
        r"^推动[^，]{2,30}(?:取得[^，]{0,16}(?:进展|成果)|成为[^，]{2,20})$",
        r"^(?:全力)?(?:争取)?实现后来居上$",
        r"^确保(?:完成)?(?:各项|全年)?(?:预期)?(?:目标任务|目标)(?:圆满完成)?$",
        # ``奋力在全省高质量发展中走在前列``, ``在中部地区崛起中奋勇争先``, ``在推进中国式现代化中展现更大作为``
        rf"^{_ADVERB}{{0,2}}(?:在[^，]{{2,30}}中)?(?:走在(?:全[省国市州县区]|全国|全省)?前列|奋勇争先|勇争先|争先进位|展现更大作为|当好排头兵)$",
        # ``主要经济指标增速高于全省平均水平``: a comparative end-state without a figure (LABELLING 2, Goals)
        r"^(?:确保|力争|保持)?[^，\d]{0,12}(?:增速|增幅|发展速度)(?:要|必须|继续|保持)?(?:高于|快于)"
        r"(?:全国|全省|全市|全州)(?:平均水平|平均|水平)?$",
        # ``推动县域经济实现新跨越`` (a breakthrough in one field of work, ``在招商上实现新突破``, is a task's frame)
        r"^(?:推动|促进|奋力|努力)?(?!在)[^，]{0,12}(?:经济|发展)实现新(?:的)?跨越$",
        # ``加快建设现代化区域中心城市``, ``建设现代化产业强市``, ``全面建设社会主义现代化强市``
        rf"^{_ADVERB}{{0,2}}(?:建设|建成|打造)(?![^，]*一批)[^，]{{0,16}}(?:现代化|区域性|区域)[^，]{{0,8}}"
        r"(?:中心城市|城市|都市圈|增长极|强[省市州县区])$",
        rf"^{_ADVERB}{{0,2}}(?:建设|建成|打造)(?![^，]*(?:一批|、))[^，]{{2,16}}强[省市州县区]$",
    )
)
_POSITION_SHAPES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^{_ADVERB}{{0,2}}(?:打造|建设|建成)(?:成为|成)?[^，]{{2,40}}?{_POSITION_NOUN}$"),
    re.compile(rf"^{_ADVERB}{{0,2}}(?:成为|争创)[^，]{{2,40}}{_POSITION_NOUN}$"),
)
# Every goal shape holds one of these words: a cheap test before the shapes themselves.
_GOAL_WORD = re.compile(
    r"(?=[打建成争勇走开书谱迎目定取实作奋台创前高快])"
    r"(?:打造|建设|建成|成为|争创|争当|勇当|勇做|走出|开创|书写|谱写|迎接|目标|定位|取得|实现|作为|奋斗|台阶|创建|前列|争先"
    r"|高于|快于)"
)
# The customary closing call: `…，为全面建设现代化强省而不懈奋斗！` states the speech's final aim.
_CLOSING_CALL = re.compile(
    r"(?:^|[，,])[ \t\u3000]*为(?!核心)([^。！？!?；;]{4,80}?)而?(?:不懈|努力|团结|共同|接续|继续|顽强|砥砺)?奋斗$"
)
_AS_POSITION = re.compile(rf"^[*＊]*作为([^，]{{4,60}}{_POSITION_NOUN})$")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_LEAD_TO_STRIP = re.compile(
    r"^(?:致力|努力|积极|对标|携手|坚定不移|全力争取|着力|聚焦|高水平|加快(?=打造)|确保(?=完成)|全面(?=落实))"
)
_MAKE_INTO = re.compile(r"^[^，]{0,6}?把[^，]{1,10}?打造成为?")
_MIN_SCORE = 2
_GOAL_AFTER_COMMA = re.compile(rf"、({_ADVERB}{{0,2}}(?:打造|建设|建成|成为|争创|争当|走出|开创))")
# ``今后五年…的奋斗目标是：`` before a list of end-states (``——综合实力显著增强。``).
_GOAL_LIST_LINE = re.compile(r"[^\n]+")
_GOALS_INTRODUCED = re.compile(r"(?:奋斗目标|主要目标|发展目标|目标)(?:是|为)?[：:]$")
_GOAL_ITEM = re.compile(
    r"[ \t\u3000]*(?:——|—|[一二三四五六七八九十]是)[ \t\u3000]*([^，。；：:！？\n]{4,30})[。；！]"
)
# A glossary or an annexed list or table states no goal of the document (a plan draft's explanation may).
_NO_GOALS = frozenset({"notes", "annex"})


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    text: str
    sentence_end: bool


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    score: int


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
    leader = _LEADER.match(text, start, end)
    if leader and leader.end() < end:
        start = leader.end()
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


def _shape_score(clause: _Clause, *, heading: bool) -> int:
    """How surely a clause, by its own wording, states a goal: 0 (not at all) to 3."""
    if not _GOAL_WORD.search(clause.text):
        return 0
    if any(pattern.search(clause.text) for pattern in _STRONG_SHAPES):
        return 3
    if _AS_POSITION.search(clause.text):
        return 2
    if any(pattern.search(clause.text) for pattern in _POSITION_SHAPES):
        if not _DISTINCTION.search(clause.text):
            return 1
        return 3 if clause.sentence_end or heading else 2
    return 0


def _aim_candidates(clauses: list[_Clause]) -> list[_Candidate]:
    """The goals of an overall-requirement sentence: its closing aims and its named objectives."""
    means = [i for i, clause in enumerate(clauses) if _MEANS_CLAUSE.search(clause.text)]
    if not means and not any(_AGENDA_CLAUSE.search(clause.text) for clause in clauses):
        means = [i for i, clause in enumerate(clauses) if _GUIDING_CLAUSE.search(clause.text)]
    tail_from = means[-1] + 1 if means else len(clauses)
    runs: list[list[tuple[int, _Clause]]] = []
    for i, clause in enumerate(clauses):
        in_tail = i >= tail_from and not _TAIL_REJECT.search(clause.text)
        # In the overall requirement a positioning counts without a word of distinction (``着力打造…示范区``).
        if not (in_tail or _shape_score(clause, heading=False) >= 1):
            continue
        if runs and runs[-1][-1][0] == i - 1 and _joins(runs[-1][-1][1], clause):
            runs[-1].append((i, clause))
        else:
            runs.append([(i, clause)])
    return [_Candidate(run[0][1].start, run[-1][1].end, 3) for run in runs]


def _joins(previous: _Clause, clause: _Clause) -> bool:
    both_keeping = bool(_KEEPING.search(previous.text) and _KEEPING.search(clause.text))
    return both_keeping or (len(previous.text) <= 6 and _shape_score(previous, heading=False) == 0)


def _shaped_candidates(clauses: list[_Clause], *, heading: bool) -> list[_Candidate]:
    """Clauses in a goal's fixed shapes; adjacent ones in one sentence make one goal."""
    candidates: list[_Candidate] = []
    previous_index = -2
    for i, clause in enumerate(clauses):
        score = _shape_score(clause, heading=heading)
        if score < _MIN_SCORE and "、" in clause.text:
            clause = _goal_after_enumeration_comma(clause, heading=heading) or clause
            score = _shape_score(clause, heading=heading)
        if score < _MIN_SCORE:
            continue
        positions = _AS_POSITION.search(clause.text) or _AS_POSITION.search(clauses[i - 1].text)
        if candidates and previous_index == i - 1 and not positions:
            last = candidates.pop()
            candidates.append(_Candidate(last.start, clause.end, max(last.score, score)))
        else:
            candidates.append(_Candidate(clause.start, clause.end, score))
        previous_index = i
    return candidates


def _goal_after_enumeration_comma(clause: _Clause, *, heading: bool) -> _Clause | None:
    """``扎实推进数字化改革、打造全球数字变革高地``, ``围绕…体系、打造“一带一路”主要节点城市``: a goal that a
    measure leads into after ``、``; the part from the goal's verb on, if it is in a goal's shape."""
    for match in _GOAL_AFTER_COMMA.finditer(clause.text):
        start = clause.start + match.start(1)
        part = _Clause(start, clause.end, clause.text[match.start(1) :], clause.sentence_end)
        if _shape_score(part, heading=heading) >= _MIN_SCORE:
            return part
    return None


def _is_reported(sentence: str, review_year: int | None) -> bool:
    if _REPORTED.search(sentence) or _REPORTED_START.search(sentence):
        return True
    return review_year is not None and sentence.startswith(f"{review_year}年")


def _goal_text(quote: str) -> str:
    made = _MAKE_INTO.sub("打造", quote)
    if made != quote:
        return made
    return _LEAD_TO_STRIP.sub("", quote) or quote


def _draft(chunk: Chunk, candidate: _Candidate) -> GoalDraft:
    start = candidate.start
    quote = chunk.text[start : candidate.end]
    position = _AS_POSITION.search(quote)
    if position:
        start += position.start(1)
        quote = position.group(1)
    return GoalDraft(text=_goal_text(quote), quote=quote, offset=start)


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


def _restates(draft: GoalDraft, kept: list[GoalDraft]) -> bool:
    """A goal already said, or a part of an earlier listed goal (打造高效政府 after 打造高效、法治…政府)."""
    return any(
        draft.text == other.text
        or (draft.text[:2] == other.text[:2] and _is_subsequence(draft.text, other.text))
        for other in kept
    )


def _candidates(chunk: Chunk) -> list[_Candidate]:
    review_year = chunk.document.review_year
    candidates: list[_Candidate] = []
    for start, end in _sentences(chunk.text):
        sentence = chunk.text[start:end].strip(_EDGE_SPACE)
        is_aim = bool(_AIM_SENTENCE.search(sentence))
        if not (is_aim or _GOAL_WORD.search(sentence)) or _is_reported(sentence, review_year):
            continue
        part = chunk.document.part_at(chunk.start + start)
        if part in _NO_GOALS or (part == "review" and not _FORWARD.search(sentence)):
            continue
        closing = _CLOSING_CALL.search(chunk.text, start, end)
        if closing:
            candidates.append(_Candidate(closing.start(1), closing.end(1), _MIN_SCORE))
        clauses = _clauses(chunk.text, start, end)
        if is_aim:
            candidates.extend(_aim_candidates(clauses))
        else:
            candidates.extend(_shaped_candidates(clauses, heading=bool(_HEADING.search(sentence))))
    return candidates


def _listed_goal_candidates(chunk: Chunk) -> list[_Candidate]:
    """The items of a list of end-states (``奋斗目标是：`` then ``——综合实力显著增强。…``): each item's lead clause,
    where it holds no figure (a figure is a target)."""
    text = chunk.text
    candidates: list[_Candidate] = []
    introduced = False
    for line in _GOAL_LIST_LINE.finditer(text):
        body = line.group(0).strip()
        item = _GOAL_ITEM.match(text, line.start(), line.end())
        if item is None:
            introduced = bool(_GOALS_INTRODUCED.search(body))
            continue
        if not introduced:
            continue
        part = chunk.document.part_at(chunk.start + item.start(1))
        clause = item.group(1)
        if part in _NO_GOALS or part == "review" or not clause or re.search(r"\d", clause):
            continue
        candidates.append(_Candidate(item.start(1), item.end(1), 3))
    return candidates


def find_goals(chunk: Chunk) -> list[GoalDraft]:
    candidates = _candidates(chunk) + _listed_goal_candidates(chunk)
    ranked = sorted(candidates, key=lambda candidate: (-candidate.score, candidate.start))
    kept: list[GoalDraft] = []
    for candidate in ranked:
        draft = _draft(chunk, candidate)
        if not _restates(draft, kept):
            kept.append(draft)
    return sorted(kept, key=lambda draft: draft.offset or 0)
