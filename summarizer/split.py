"""Split: a file into its documents.

Most files hold one speech. A compilation opens with a ``目录`` line and a table of contents
(one title a line); each listed speech then begins at a line that repeats its title. The table
of contents belongs to no document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.models import DocumentSpan

_TOC_HEADING = re.compile(r"^\s*目\s*录\s*$")
_SENTENCE_PUNCTUATION = re.compile(r"[。；！？：，,;!?:]")
_TITLE_WORDS = re.compile(r"讲话|报告|发言|致辞|会议上|工作会议|会议")
_MAX_TITLE_CHARS = 50
# The table of contents, if any, is near the top.
_TOC_SEARCH_LINES = 5


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # end of the line's text, before its line break
    text: str

    @property
    def key(self) -> str:
        """The line's text with all white space removed, for comparing titles."""
        return "".join(self.text.split())


def lines_of(text: str) -> list[Line]:
    lines = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if match.start() == len(text) and not match.group():
            break
        body = match.group().rstrip("\r\n")
        lines.append(Line(match.start(), match.start() + len(body), body))
    return lines


def is_title_like(line: Line) -> bool:
    """A short line with no sentence punctuation: what a speech title or a contents entry looks like."""
    key = line.key
    return 0 < len(key) <= _MAX_TITLE_CHARS and not _SENTENCE_PUNCTUATION.search(key)


def split_documents(text: str) -> list[DocumentSpan]:
    """The documents of a file, in order, as spans of its text."""
    lines = lines_of(text)
    toc = _table_of_contents(lines)
    if toc is None:
        return [DocumentSpan(index=0, start=0, end=len(text), title=_single_title(lines))]
    entries, body_from = toc
    starts = _title_lines_in_body(lines[body_from:], entries)
    if not starts:
        return [DocumentSpan(index=0, start=lines[body_from].start, end=len(text), title=None)]
    ends = [line.start for line in starts[1:]] + [len(text)]
    return [
        DocumentSpan(index=i, start=line.start, end=end, title=line.text.strip() or None)
        for i, (line, end) in enumerate(zip(starts, ends, strict=True))
    ]


def _table_of_contents(lines: list[Line]) -> tuple[list[Line], int] | None:
    """The contents entries and the index of the first line after them, or None for a single document.

    The run of title-like lines after ``目录`` holds the entries; where the run's last line repeats
    the first entry, it is the first speech's own title line, which opens the body.
    """
    non_empty = [i for i, line in enumerate(lines) if line.key][:_TOC_SEARCH_LINES]
    heading = next((i for i in non_empty if _TOC_HEADING.match(lines[i].text)), None)
    if heading is None:
        return None
    run: list[int] = []
    for i in range(heading + 1, len(lines)):
        if not lines[i].key:
            continue
        if not is_title_like(lines[i]):
            break
        run.append(i)
    if not run:
        return None
    if len(run) > 1 and lines[run[-1]].key == lines[run[0]].key:
        return [lines[i] for i in run[:-1]], run[-1]
    return [lines[i] for i in run], run[-1] + 1


def _title_lines_in_body(body: list[Line], entries: list[Line]) -> list[Line]:
    """The line that opens each listed speech, searched in order so that repeated titles pair up."""
    starts: list[Line] = []
    position = 0
    for entry in entries:
        found = next((i for i in range(position, len(body)) if body[i].key == entry.key), None)
        if found is None:
            continue
        starts.append(body[found])
        position = found + 1
    return starts


def _single_title(lines: list[Line]) -> str | None:
    first = next((line for line in lines if line.key), None)
    if first is None or not is_title_like(first) or not _TITLE_WORDS.search(first.key):
        return None
    return first.text.strip()
