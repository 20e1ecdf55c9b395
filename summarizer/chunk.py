"""Chunk: a document's text in pieces of at most ``max_chars`` characters, each with its file offset.

Cuts fall, in order of preference, before a section heading, at a paragraph end, after a sentence
end (``。；！？``), and only where nothing else is found, between two characters that are not both
part of a number, so that ``8.5%`` or ``三千亿元`` is never cut in two.
"""

from __future__ import annotations

import re

from summarizer.models import Chunk, DocumentSpan

_HEADING_START = re.compile(
    r"\n[ \t\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
    r"|第[一二三四五六七八九十]+[部分章节，、]|\d+[.、．])"
)
_PARAGRAPH_END = re.compile(r"\n+")
_SENTENCE_END = re.compile(r"[。；！？!?;]+[”’」）)]*")
_NUMBER_BODY = set("0123456789.．,，０１２３４５６７８９〇零一二三四五六七八九十百千万亿两点")
# What may follow a number's body and still be part of it: a percent sign or a unit.
_NUMBER_TAIL = _NUMBER_BODY | set("%％元个人家位成斤吨倍")
# Where to look for a cut: the last part of the window, so that chunks stay near their size.
_MIN_FILL = 0.5
# Halving looks for its cut between 30% and 60% of the chunk.
_HALVING_LIMIT = 0.6


def chunk_document(
    text: str, document: DocumentSpan, max_chars: int, overlap: int = 0, first_index: int = 0
) -> list[Chunk]:
    """The chunks of one document; consecutive chunks overlap by up to ``overlap`` characters."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[Chunk] = []
    start = document.start
    while start < document.end:
        end = document.end if document.end - start <= max_chars else find_cut(text, start, start + max_chars)
        chunks.append(Chunk(first_index + len(chunks), start, end, text[start:end], document))
        if end >= document.end:
            break
        start = _next_start(text, start, end, overlap)
    return chunks


def find_cut(text: str, start: int, limit: int) -> int:
    """The best place to end a chunk that starts at ``start`` and may not pass ``limit``."""
    low = start + max(1, int((limit - start) * _MIN_FILL))
    for pattern, use_end in ((_HEADING_START, False), (_PARAGRAPH_END, True), (_SENTENCE_END, True)):
        cut = _last_match_boundary(pattern, text, low, limit, use_end)
        if cut is not None:
            return cut
    return _last_safe_position(text, low, limit)


def _last_match_boundary(
    pattern: re.Pattern[str], text: str, low: int, limit: int, use_end: bool
) -> int | None:
    best = None
    for match in pattern.finditer(text, low - 1, limit):
        position = match.end() if use_end else match.start() + 1
        if low <= position <= limit:
            best = position
    return best


def _last_safe_position(text: str, low: int, limit: int) -> int:
    for position in range(limit, low - 1, -1):
        if not (text[position - 1] in _NUMBER_BODY and text[position] in _NUMBER_TAIL):
            return position
    return limit


def _next_start(text: str, start: int, end: int, overlap: int) -> int:
    """Where the next chunk starts: ``end``, or an earlier sentence start within ``overlap``."""
    if overlap <= 0:
        return end
    for match in _SENTENCE_END.finditer(text, max(start + 1, end - overlap), end):
        if match.end() < end:
            return match.end()
    return end


def halves(chunk: Chunk) -> tuple[Chunk, Chunk]:
    """A chunk cut in two near its middle, at the best cut there (for a reply too long for one call)."""
    cut = find_cut(chunk.text, 0, int(len(chunk.text) * _HALVING_LIMIT))
    first = Chunk(chunk.index, chunk.start, chunk.start + cut, chunk.text[:cut], chunk.document)
    second = Chunk(chunk.index, chunk.start + cut, chunk.end, chunk.text[cut:], chunk.document)
    return first, second
