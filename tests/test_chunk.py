from __future__ import annotations

import itertools

import pytest

from summarizer.chunk import chunk_document, find_cut, halves
from summarizer.models import DocumentSpan

PARAGRAPH = "全市经济稳中向好，预计全年地区生产总值增长8.5%左右。规模以上工业增加值增长10%。\n"
SECTIONED = ("一、关于今年经济工作\n" + PARAGRAPH * 6 + "二、关于明年经济工作\n" + PARAGRAPH * 6) * 3


def chunks_of(text: str, max_chars: int, overlap: int = 0, start: int = 0) -> list:
    return chunk_document(text, DocumentSpan(index=0, start=start, end=len(text)), max_chars, overlap)


@pytest.mark.parametrize("max_chars", [60, 97, 150, 400, 10_000])
def test_chunks_carry_their_file_offsets_and_cover_the_document(max_chars: int) -> None:
    chunks = chunks_of(SECTIONED, max_chars)
    assert all(SECTIONED[c.start : c.end] == c.text for c in chunks)
    assert all(len(c.text) <= max_chars for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(SECTIONED)
    assert all(a.end == b.start for a, b in itertools.pairwise(chunks))
    assert [c.index for c in chunks] == list(range(len(chunks)))


def test_offsets_stay_in_file_coordinates_for_a_later_document() -> None:
    text = "目录\n" + SECTIONED
    chunks = chunks_of(text, 120, start=3)
    assert chunks[0].start == 3
    assert all(text[c.start : c.end] == c.text for c in chunks)


def test_cut_prefers_a_section_heading() -> None:
    cut = find_cut(SECTIONED, 0, SECTIONED.index("二、") + 20)
    assert SECTIONED[cut:].startswith("二、关于明年经济工作")


def test_cut_at_a_sentence_end_when_the_paragraph_is_long() -> None:
    text = PARAGRAPH.strip() * 10
    cut = find_cut(text, 0, 100)
    assert text[cut - 1] == "。"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("增长" + "8.5%" * 60, id="arabic-with-percent"),
        pytest.param("减负" + "三千亿元" * 60, id="chinese-numerals"),
        pytest.param("比上年" + "增长10.5%，" * 40, id="numbers-between-commas"),
    ],
)
def test_never_cuts_inside_a_number_without_sentence_ends(text: str) -> None:
    body, tail = set("0123456789.三千亿"), set("0123456789.%三千亿元")
    for chunk in chunks_of(text, 101)[:-1]:
        assert not (text[chunk.end - 1] in body and text[chunk.end] in tail)


def test_overlap_starts_the_next_chunk_at_an_earlier_sentence() -> None:
    chunks = chunks_of(SECTIONED, 150, overlap=60)
    assert any(b.start < a.end for a, b in itertools.pairwise(chunks))
    assert all(b.start > a.start for a, b in itertools.pairwise(chunks))
    assert chunks[-1].end == len(SECTIONED)


def test_halves_cut_near_the_middle_at_a_sentence_end_and_keep_offsets() -> None:
    text = "目录\n" + SECTIONED
    [chunk] = chunk_document(text, DocumentSpan(index=0, start=3, end=len(text)), 100_000)
    first, second = halves(chunk)
    assert (first.start, first.end, second.start, second.end) == (
        chunk.start,
        second.start,
        first.end,
        chunk.end,
    )
    assert text[first.start : first.end] == first.text and text[second.start : second.end] == second.text
    assert 0.3 <= len(first.text) / len(chunk.text) <= 0.6
    assert first.text.endswith(("。", "\n"))
