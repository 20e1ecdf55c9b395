"""Calendar years as the genre writes them: ``2022年``, ``2012 年``, ``１９９４年``, ``一九八六年``, ``1 9 9 3 年``.

Reports of every era are read on their raw text (offsets must stay those of the file), so a year is found
in any of these forms and turned into its value here, in one place. A year is only taken between 1949 and
2100, so that ``5000年`` or ``一二三四年`` are never years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGIT = "〇零○O０一二三四五六七八九"
_CN_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "O": 0, "０": 0}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_SPACE = "[ \u3000\xa0]?"

# The year's digits only (no 年): Arabic, full-width, spaced digit by digit, or Chinese digit by digit.
# It opens on the class of a year's first digits, then tells the forms apart by that digit (looking back at
# it): ``re`` then skips every other character in C, where a pattern that opens on a lookahead
# (``(?=[12])…|(?=[一二])…``) is tried at each character; the same matches (tests/test_years.py).
YEAR_DIGITS = (
    rf"(?:[12１２一二](?:(?<=[12１２])(?<![0-9０-９.．][12１２])"
    rf"(?:(?<=[12]){_SPACE}[0-9]{_SPACE}[0-9]{_SPACE}[0-9]|(?<=[１２])[０-９]{{3}})(?![0-9０-９])"
    rf"|(?<=[一二])(?<![{_CN_DIGIT}十百千万][一二])[{_CN_DIGIT}]{{3}}))"
)
# A year as written, with its 年, the digits in group 1: embed it in larger patterns as ``YEAR``.
YEAR = rf"({YEAR_DIGITS}){_SPACE}年"
_YEAR_RE = re.compile(YEAR)
FIRST_YEAR, LAST_YEAR = 1949, 2100
# A year as written is 5 to 9 characters long (``2022年`` … ``1 9 9 3 年``) and ends in 年 after a digit or a
# space: find_years tries the pattern only there, not at every character of a long report.
_SHORTEST, _LONGEST = 5, 9
_BEFORE_THE_YEAR_WORD = frozenset("0123456789０１２３４５６７８９" + _CN_DIGIT + " \u3000\xa0")


@dataclass(frozen=True)
class YearMention:
    """A year written in the text: ``start``/``end`` cover its digits and 年."""

    year: int
    start: int
    end: int


def year_value(digits: str) -> int | None:
    """The value of a year's digits in any of the written forms; None when it is no plausible year."""
    text = "".join(digits.split()).translate(_FULL_WIDTH)
    if text.isdigit() and text.isascii():
        value = int(text)
    elif all(ch in _CN_VALUE for ch in text) and len(text) == 4:
        value = int("".join(str(_CN_VALUE[ch]) for ch in text))
    else:
        return None
    return value if FIRST_YEAR <= value <= LAST_YEAR else None


def find_years(text: str, start: int = 0, end: int | None = None) -> list[YearMention]:
    """Every plausible year in ``text[start:end]``, in file coordinates.

    The same matches as ``_YEAR_RE.finditer(text, start, end)``, found from each 年: every match ends in one,
    and matches never overlap (the next may not start inside the last).
    """
    stop = len(text) if end is None else end
    mentions = []
    resume = start
    at = text.find("年", start, stop)
    while at >= 0:
        if at > start and text[at - 1] in _BEFORE_THE_YEAR_WORD:
            match = _match_ending_at(text, at + 1, max(resume, start), stop)
            if match is not None:
                resume = match.end()
                year = year_value(match.group(1))
                if year is not None:
                    mentions.append(YearMention(year, match.start(), match.end()))
        at = text.find("年", at + 1, stop)
    return mentions


def _match_ending_at(text: str, end: int, earliest: int, stop: int) -> re.Match[str] | None:
    """The leftmost match of a year at or after ``earliest`` that ends at ``end`` (just after its 年)."""
    for begin in range(max(earliest, end - _LONGEST), end - _SHORTEST + 1):
        match = _YEAR_RE.match(text, begin, stop)
        if match is not None and match.end() == end:
            return match
    return None
