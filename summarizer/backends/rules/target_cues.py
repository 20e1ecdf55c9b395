"""Target or result, and which year: the cues of a sentence, its clause, its section and the document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.models import Chunk, Part, TargetKind

CLAUSE_BREAK_RE = re.compile(r"[，,；;：:（）()]")


def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins."""
    starts = [m.end() for m in CLAUSE_BREAK_RE.finditer(sentence, 0, pos)]
    return starts[-1] if starts else 0


_STRONG_RESULT_RE = re.compile(
    r"预计|今年以来|一年来|过去|去年|上年|前[一二三1-3１-３]季度|上半年|[1-9１-９一]+[—\-－~至到][0-9０-９一二三四五六七八九十]+月|"
    r"累计|截至|截止|回顾|已经|已|实现了|完成了|达到了|取得了|现有|拥有|目前|共有"
)
_STRONG_TARGET_RE = re.compile(
    r"明年|后年|力争|确保|拟|争取(?![到了])|目标|计划|预期|到20[0-9]{2}年|十[一-九]五”?末|努力|力求"
)
_WEAK_RESULT_RE = re.compile(r"同比|有望|比去年|较年初|创历史|历史新高|跃居|位居|蝉联|成为|仅为|了")
_WEAK_TARGET_RE = re.compile(r"要|将|控制在|抓好|办好|实施好")
# ``财政赤字率控制在2.8%`` in the review reports a figure held to, not one set.
_CONTROLLED_AT_RE = re.compile(r"控制在$")
_COMPARISON_BEFORE = ("比", "较", "与", "同", "由", "从")
_YEAR_RE = re.compile(r"(20[0-9]{2})年(?!以来|来)")
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
    context: TargetKind | None = None

    def observe(self, sentence: str) -> None:
        kind = _cue_kind(sentence, strong_only=True)
        if kind and (_HEADING_RE.match(sentence) or len(sentence) < 60 or self.context is None):
            self.context = kind


def read_cues(chunk: Chunk) -> Cues:
    doc = chunk.document
    review, plan = doc.review_year, doc.plan_year
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
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
        for match in _REVIEW_PERIOD_RE.finditer(chunk.text)
    )


def _cue_kind(text: str, strong_only: bool = False) -> TargetKind | None:
    patterns = [(_STRONG_RESULT_RE, "result"), (_STRONG_TARGET_RE, "target")]
    if not strong_only:
        patterns += [(_WEAK_RESULT_RE, "result"), (_WEAK_TARGET_RE, "target")]
    best: tuple[int, TargetKind] | None = None
    for strength in (0, 2) if not strong_only else (0,):
        for regex, kind in patterns[strength : strength + 2]:
            for match in regex.finditer(text):
                if match.group() in ("去年", "上年") and text[: match.start()].endswith(_COMPARISON_BEFORE):
                    continue
                if best is None or match.start() >= best[0]:
                    best = (match.start(), kind)
        if best:
            return best[1]
    return None


def _part_kind(part: Part | None) -> TargetKind | None:
    return {"review": "result", "plan": "target"}.get(part or "")  # type: ignore[return-value]


def _year_kind(cues: Cues, before: str) -> TargetKind | None:
    years = [
        int(m.group(1))
        for m in _YEAR_RE.finditer(before)
        if not before[: m.start()].endswith(_COMPARISON_BEFORE)
    ]
    if not years or cues.plan_year is None:
        return None
    return "target" if years[-1] >= cues.plan_year else "result"


def kind_and_year(
    chunk: Chunk, cues: Cues, sentence: str, pos: int, offset: int
) -> tuple[TargetKind, int | None]:
    before = sentence[:pos]
    part_kind = _part_kind(chunk.document.part_at(chunk.start + offset + pos))
    clause_kind = _cue_kind(before[clause_start(before, pos) :])
    if part_kind == "result" and clause_kind == "target" and _CONTROLLED_AT_RE.search(before):
        clause_kind = None
    kind = (
        _cue_kind(before, strong_only=True)
        or _year_kind(cues, before)
        or clause_kind
        or part_kind
        or _cue_kind(before)
        or cues.context
        or "target"
    )
    return kind, _year(cues, before, kind)


def _year(cues: Cues, before: str, kind: TargetKind) -> int | None:
    candidates: list[tuple[int, int | None]] = []
    for match in _YEAR_RE.finditer(before):
        if not before[: match.start()].endswith(_COMPARISON_BEFORE):
            candidates.append((match.start(), int(match.group(1))))
    for match in _FIVE_YEAR_END_RE.finditer(before):
        candidates.append((match.start(), 1955 + 5 * (10 + "一二三四五六七八九".index(match.group(1)) + 1)))
    for match in _RELATIVE_YEAR_RE.finditer(before):
        if before[: match.start()].endswith(_COMPARISON_BEFORE) or cues.this_year is None:
            continue
        shift = {"今年": 0, "明年": 1, "后年": 2, "去年": -1}[match.group()]
        candidates.append((match.start(), cues.this_year + shift))
    if candidates:
        return max(candidates)[1]
    return cues.review_year if kind == "result" else cues.plan_year
