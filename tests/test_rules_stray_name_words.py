"""Words kept in a name that are no part of it, and verbs that are the change or the relief, as strict judges
read them (``../shared/docs/JUDGING.md``): each case is a kind found in judged whole-document samples,
written in its general form (sentences in the genre's style, not copied from the corpus)."""

from __future__ import annotations

import pytest

from summarizer.backends.rules.targets import find_targets
from summarizer.models import Chunk, DocumentSpan, TargetDraft


def targets_of(text: str, review_year: int | None = 2024, plan_year: int | None = 2025) -> list[TargetDraft]:
    span = DocumentSpan(index=0, start=0, end=len(text), review_year=review_year, plan_year=plan_year)
    return find_targets(Chunk(index=0, start=0, end=len(text), text=text, document=span))


def named(text: str) -> list[tuple[str, float | None]]:
    return [(t.indicator, t.value) for t in targets_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "新增省级“专精特新”[4]中小企业14家。", [("新增省级“专精特新”中小企业", 14)], id="square-note-mark"
        ),
        pytest.param(
            "完成“四好农村路”[8]建设15.6公里。", [("“四好农村路”建设", 15.6)], id="note-mark-before-work"
        ),
        pytest.param(
            "四大主导产业［7］增加值增长9.2%。", [("四大主导产业增加值", 9.2)], id="full-width-square"
        ),
        pytest.param("全区规上企业R&D[5]经费投入8.6亿元。", [("规上企业R&D经费投入", 8.6)], id="after-latin"),
        pytest.param(
            "完成7所乡村薄弱学校〔11〕改造提升。", [("乡村薄弱学校改造提升", 7)], id="lenticular-note-mark"
        ),
    ],
)
def test_a_note_mark_inside_a_name_stays_out(text: str, expected: list[tuple]) -> None:
    assert named(text) == expected
