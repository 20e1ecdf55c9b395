"""The pattern of a written year: the same matches as its plain formulation (one that opens on lookaheads,
tried at every character), which it replaced for speed."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from shared_corpus import require_found, seeds_and_corpus

from summarizer.years import _CN_DIGIT, _SPACE, YEAR, YEAR_DIGITS, find_years

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# The formulation before: each form of a year behind a lookahead of its first digit.
PLAIN_DIGITS = (
    rf"(?:(?=[12１２])(?<![0-9０-９.．])(?:[12]{_SPACE}[0-9]{_SPACE}[0-9]{_SPACE}[0-9]|[１２][０-９]{{3}})(?![0-9０-９])"
    rf"|(?=[一二])(?<![{_CN_DIGIT}十百千万])[一二][{_CN_DIGIT}]{{3}})"
)
PAIRS = [
    pytest.param(YEAR_DIGITS, PLAIN_DIGITS, id="digits"),
    pytest.param(YEAR, rf"({PLAIN_DIGITS}){_SPACE}年", id="year"),
    pytest.param(rf"比{YEAR}(?!以来)", rf"比({PLAIN_DIGITS}){_SPACE}年(?!以来)", id="embedded"),
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


def test_a_year_opens_on_the_class_of_its_first_digits() -> None:
    assert YEAR_DIGITS.startswith("(?:[12１２一二]")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2022年，1 9 9 3 年和１９９４年，一九八六年", [2022, 1993, 1994, 1986]),
        ("12022年、5000年、十二〇二二年、2.2022年", []),
        ("二〇二五年", [2025]),
    ],
)
def test_years_as_written(text: str, years: list[int]) -> None:
    assert [mention.year for mention in find_years(text)] == years


@pytest.mark.parametrize(("pattern", "plain"), PAIRS)
def test_the_same_matches_in_random_texts(pattern: str, plain: str) -> None:
    """Texts of digits of every form, separators and 年, where years touch, overlap and are cut."""
    compiled, before = re.compile(pattern), re.compile(plain)
    pieces = [
        *"12１２一二〇零○O０三四五六七八九十百千万09.．年比 \u3000\xa0来以",
        "2020年",
        "一九八六年",
        "1 9 9 3 年",
    ]
    chooser = random.Random(3)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 10)))
        assert _matches(compiled, text) == _matches(before, text), text
        matched += bool(before.search(text))
    assert matched > 50  # the texts do hold years: the comparison compared matches


@pytest.mark.parametrize(("pattern", "plain"), PAIRS)
def test_the_same_matches_in_the_seeds_and_the_corpus(pattern: str, plain: str) -> None:
    compiled, before = re.compile(pattern), re.compile(plain)
    paths = seeds_and_corpus(SEEDS)
    assert paths
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        matches = _matches(compiled, text)
        assert matches == _matches(before, text), path.name
        found += len(matches)
    require_found(found, 0)
