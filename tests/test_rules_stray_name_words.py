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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("全年累计减税降费8.4亿元。", ("税费", 8.4, "decline"), id="tax-and-fee-cuts"),
        pytest.param("新增减税降费6196万元。", ("税费", 6196, "decline"), id="new-cuts"),
        pytest.param("累计为企业减税降费2.43亿元。", ("企业税费", 2.43, "decline"), id="for-whom"),
        pytest.param("落实优惠政策，减免税费4167万元。", ("税费", 4167, "decline"), id="exempted"),
        pytest.param("减免各项税费1.06亿元。", ("税费", 1.06, "decline"), id="exempted-of-every-kind"),
        pytest.param("共减税降费及退税超167亿元。", ("税费", 167, "decline"), id="with-refunds"),
        pytest.param("严格落实政策，减税2.99亿元。", ("税负", 2.99, "decline"), id="tax-cut-alone"),
        pytest.param(
            "全年为经营主体新增减免税费超1500亿元。", ("经营主体税费", 1500, "decline"), id="new-for-whom"
        ),
        pytest.param(
            "累计为企业减税降费[5]8200万元。", ("企业税费", 8200, "decline"), id="before-a-note-mark"
        ),
        pytest.param("减免社保费2000万元。", ("社保费", 2000, "decline"), id="a-fee-exempted"),
        pytest.param("每年减轻农民负担1335亿元。", ("农民负担", 1335, "decline"), id="burden-lightened"),
        pytest.param(
            "全年要为市场主体减轻非税负担3000亿元。",
            ("市场主体非税负担", 3000, "decline"),
            id="burden-for-whom",
        ),
        pytest.param(
            "每年可使农民减轻负担48亿元。", ("农民负担", 48, "decline"), id="burden-of-those-made-lighter"
        ),
        pytest.param(
            "药品集中带量采购减轻群众就医负担172亿元。",
            ("群众就医负担", 172, "decline"),
            id="burden-after-its-cause",
        ),
        pytest.param(
            "试点地区农民负担平均减轻30%。", ("试点地区农民负担", 30, "decline"), id="burden-then-verb"
        ),
    ],
)
def test_a_relief_amount_is_a_decline_of_the_burden(text: str, expected: tuple) -> None:
    """LABELLING.md 4 (relief amounts): change decline, the verb out of the name; judged round 7349 reads
    ``累计减税降费8.4亿元`` as 税费."""
    assert [(t.indicator, t.value, t.change) for t in targets_of(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        pytest.param("全年累计减免税费4.2亿元。", "减免税费4.2亿元", id="exempted"),
        pytest.param("每年减轻农民负担4000多万元。", "减轻农民负担4000多万元", id="lightened"),
    ],
)
def test_a_relief_is_quoted_with_its_verb(text: str, quote: str) -> None:
    [target] = targets_of(text)
    assert target.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("全年减税降费6.4亿元，其中完成留抵退税6200万元。", id="vat-credit-refund"),
    ],
)
def test_a_refund_of_credits_is_no_relief_of_a_burden(text: str) -> None:
    assert [t.indicator for t in targets_of(text)][-1:] == ["留抵退税"]
