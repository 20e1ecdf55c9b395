"""Patterns searched through a whole text, rewritten to open on the class of their first characters: the
same matches (spans and groups), found faster (pattern_starts)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from shared_corpus import require_found, seeds_and_corpus

from summarizer import describe, numbers
from summarizer.backends.rules import target_cues
from summarizer.pattern_starts import (
    after_first_character,
    charset_led,
    finditer_held,
    finditer_led,
    led_by_first_characters,
    may_hold_a_match,
    without_capturing_groups,
    words_every_match_holds,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "led"),
    [
        pytest.param(r"过去五年|五年来", r"[过五](?:(?<=[过])去五年|(?<=[五])年来)", id="words"),
        pytest.param(r"[两三]年来", r"[两三](?:(?<=[两三])年来)", id="class"),
        pytest.param(r"“?十五", r"[“十](?:(?:(?<=[“])[十]|(?<=[十]))五)", id="optional-opening"),
        pytest.param(r"(?:甲|乙)丙", r"[甲乙](?:(?<=[甲])丙|(?<=[乙])丙)", id="group-fans-out"),
        pytest.param(r"到(\d)年", r"[到](?:(?<=[到])(\d)年)", id="group-after-the-first"),
    ],
)
def test_a_pattern_opens_on_its_first_characters(pattern: str, led: str) -> None:
    assert charset_led(pattern) == led


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"(甲)乙", id="capturing-group-first"),
        pytest.param(r"(?:甲|乙)(丙)", id="fanned-group-before-a-capturing-one"),
        pytest.param(r"(?<=甲)乙", id="lookbehind-first"),
        pytest.param(r"\d年", id="escape-first"),
        pytest.param(r"甲*乙", id="repeated-first"),
        pytest.param(r"甲|", id="empty-branch"),
        pytest.param(r"[^甲]乙", id="negated-class"),
        pytest.param(r"^甲", id="anchor"),
        pytest.param(r"甲?乙?丙", id="two-optional"),
    ],
)
def test_a_pattern_it_cannot_read_is_left_as_it_is(pattern: str) -> None:
    assert charset_led(pattern) is None
    assert led_by_first_characters(pattern).pattern == pattern


def test_groups_made_non_capturing() -> None:
    pattern = r"(十[一二])五|第(?P<n>十?[一二])个[(]\(五"
    plain = without_capturing_groups(pattern)
    assert plain == r"(?:十[一二])五|第(?:十?[一二])个[(]\(五"
    assert re.compile(plain).groups == 0


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (
            r"过去(?:的)?五年|五年来|“?十[一二三]五”?(?:期间|时期)|[两三]年来",
            "过去 的 五年 来 “ 十一五 ” 时期 两年",
        ),
        (r"(?:甲|乙甲)甲?丙|甲(乙)|“?“甲", "甲 乙 丙 “"),
        (r"到([12][0-9])年|“?十([一二三])五”?末", "到 19 2 年 到19年 “ 十二 五 ” 末 十三五末"),
    ],
)
def test_the_same_matches_in_random_texts(pattern: str, words: str) -> None:
    """Texts made of the pattern's own words and characters, where matches overlap and alternatives compete."""
    original, led = re.compile(pattern), led_by_first_characters(pattern)
    assert led.pattern != pattern
    pieces = sorted({*words.split(), *words.replace(" ", "")})
    chooser = random.Random(7)
    matched = 0
    for _ in range(3000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 8)))
        assert _matches(led, text) == _matches(original, text), text
        matched += bool(original.search(text))
    assert matched > 100  # the texts do match: the comparison above compared matches


# The rules' scans of whole texts and the patterns they stand for (the same with a lookahead that only sped
# them up before).
SCANS = [
    (target_cues._LOOKS_BACK_IN_TEXT, re.compile(target_cues._STRETCH_PARAGRAPH_RE.pattern)),
    (target_cues._PLAN_IN_TEXT, re.compile(target_cues._FORWARD_STRETCH_RE.pattern)),
    (target_cues._HORIZON_IN_TEXT, re.compile(target_cues._HORIZON_RE.pattern)),
    (
        target_cues._PLAN_NUMBER_IN_TEXT,
        re.compile(without_capturing_groups(target_cues._PLAN_NUMBER_RE.pattern)),
    ),
]


@pytest.mark.parametrize(("scan", "pattern"), SCANS, ids=lambda p: p.pattern[:8])
def test_the_rules_scans_are_led_by_a_class(scan: re.Pattern[str], pattern: re.Pattern[str]) -> None:
    """A change to a pattern that this cannot rewrite would keep the output but lose the speed: say so."""
    assert scan.pattern == charset_led(pattern.pattern)


@pytest.mark.parametrize(("scan", "pattern"), SCANS, ids=lambda p: p.pattern[:8])
def test_the_rules_scans_find_the_same_in_the_seeds_and_the_corpus(
    scan: re.Pattern[str], pattern: re.Pattern[str]
) -> None:
    paths = seeds_and_corpus(SEEDS)
    assert paths
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        matches = _matches(scan, text)
        assert matches == _matches(pattern, text), path.name
        found += len(matches)
    require_found(found, 0)


def test_what_follows_the_first_character() -> None:
    assert after_first_character("过去五年|五年来") == "(?:(?<=[过])去五年|(?<=[五])年来)"
    assert after_first_character("(甲)乙") is None


# The review's opening as written before: a lookahead of its first characters, then the opening itself.
PLAIN_REVIEW_OPENING = re.compile(
    r"(?=[过一刚回五这—； \t\u3000])(?:(?<![^。！？!?\n])|；)[ \t\u3000]*(?:——)?"
    r"(?:过去一年|过去的一年|一年来|刚刚过去的|回顾过去一年|过去五年|过去的五年|五年来|这五年)"
)


def test_the_review_opening_is_found_as_before_in_random_texts() -> None:
    pieces = [
        *"过一刚回五这—； \t\u3000。！？!?\n去的年来顾，",
        *["过去一年", "一年来", "刚刚过去的", "五年来", "这五年", "——", "；"],
    ]
    chooser = random.Random(5)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 8)))
        expected = _matches(PLAIN_REVIEW_OPENING, text)
        assert _matches(target_cues._REVIEW_OPENING_IN_TEXT, text) == expected, repr(text)
        matched += bool(expected)
    assert matched > 500


def test_the_review_opening_is_found_as_before_in_the_seeds_and_the_corpus() -> None:
    paths = seeds_and_corpus(SEEDS)
    assert paths
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        matches = _matches(target_cues._REVIEW_OPENING_IN_TEXT, text)
        assert matches == _matches(PLAIN_REVIEW_OPENING, text), path.name
        found += len(matches)
    assert found > 0


def test_a_repeated_first_character_opens_the_match() -> None:
    assert charset_led(r"[0-9]+/") == r"[0-9](?:(?<=[0-9])[0-9]*/)"
    assert charset_led(r"[X]{1,3}\.") == r"[X](?:(?<=[X])[X]{0,2}\.)"
    assert charset_led(r"(?:[一二]+万?)+点") == r"[一二](?:(?<=[一二])[一二]*万?(?:[一二]+万?)*点)"
    assert charset_led(r"甲+?乙") is None
    assert charset_led(r"甲{1,3}?乙") is None


# The quantities as scanned before: a lookahead of the numbers' first characters, then the number.
PLAIN_QUANTITY = re.compile(
    rf"(?=[0-9０-９XxＸｘ零〇一二两三四五六七八九十百千])(?P<low>{numbers._NUMBER}){numbers._AFTER_LOW}"
)


def test_quantities_are_led_by_a_class() -> None:
    assert numbers._QUANTITY_RE.pattern.startswith("(?P<low>[")
    assert numbers._QUANTITY_RE.groupindex == PLAIN_QUANTITY.groupindex


def _all_groups(pattern: re.Pattern[str], text: str) -> list[list[tuple[int, int]]]:
    return [[match.span(g) for g in range(pattern.groups + 1)] for match in pattern.finditer(text)]


def test_quantities_found_as_before_in_the_seeds_and_the_corpus() -> None:
    paths = seeds_and_corpus(SEEDS)
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        spans = _all_groups(numbers._QUANTITY_RE, text)
        assert spans == _all_groups(PLAIN_QUANTITY, text), path.name
        found += len(spans)
    require_found(found, 1000)


def test_quantities_found_as_before_in_random_texts() -> None:
    pieces = [
        *"0１2.．/ Xx零一两十百千万亿点多余%年个—~至到，的",
        "12",
        "3.5",
        "一百",
        "万亿",
        "百分点",
        "列举",
    ]
    chooser = random.Random(11)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 10)))
        expected = _all_groups(PLAIN_QUANTITY, text)
        assert _all_groups(numbers._QUANTITY_RE, text) == expected, repr(text)
        matched += bool(expected)
    assert matched > 1000


# The rankings as scanned before: a lookahead of their first characters, then the ranking with its groups.
PLAIN_RANKING = re.compile(rf"(?=[排位跃上升居并列蝉稳保全世同]){numbers._RANKING_RE.pattern}")


def _all_groups_led(text: str) -> list[list[tuple[int, int]]]:
    found = finditer_led(numbers._RANKING_RE, numbers._RANKING_SCAN, text)
    return [[match.span(g) for g in range(numbers._RANKING_RE.groups + 1)] for match in found]


def test_rankings_are_scanned_led_by_a_class() -> None:
    assert numbers._RANKING_SCAN.pattern == charset_led(without_capturing_groups(numbers._RANKING_RE.pattern))


def test_rankings_found_as_before_in_the_seeds_and_the_corpus() -> None:
    paths = seeds_and_corpus(SEEDS)
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        spans = _all_groups_led(text)
        assert spans == _all_groups(PLAIN_RANKING, text), path.name
        found += len(spans)
    require_found(found, 100)


def test_rankings_found_as_before_in_random_texts() -> None:
    pieces = [
        *"排名位居列跃升至上为到全国省世界第一二3首大名，、个",
        "并列",
        "蝉联",
        "稳居",
        "保持",
        "同类城市",
        "首位",
    ]
    chooser = random.Random(13)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 10)))
        expected = _all_groups(PLAIN_RANKING, text)
        assert _all_groups_led(text) == expected, repr(text)
        matched += bool(expected)
    assert matched > 200


def test_a_scan_that_does_not_find_the_pattern_is_an_error() -> None:
    with pytest.raises(ValueError):
        list(finditer_led(re.compile("乙"), re.compile("甲"), "甲乙"))


@pytest.mark.parametrize(
    ("pattern", "held"),
    [
        pytest.param(r"委常委会|政府党组", {"委常委会", "政府党组"}, id="alternation-of-words"),
        pytest.param(r"([省市])[一二三]{1,3}届人大", {"届人大"}, id="the-longest-word-of-a-sequence"),
        pytest.param(r"(?P<per>[百千])分之[0-9]+", {"分之"}, id="a-word-after-a-class"),
        pytest.param(
            r"(?<=今年)(?:以来|年底)", {"以来", "年底"}, id="a-lookbehind-holds-nothing-of-the-match"
        ),
        pytest.param(r"(?:ab|c)+d", {"ab", "c"}, id="a-repeat-at-least-once"),
        pytest.param(r"明年[^。]{0,20}明年|预计", {"明年", "预计"}, id="a-negated-class-is-passed-over"),
        pytest.param(r"[甲乙]\d", {"甲", "乙"}, id="a-class-of-a-few-characters"),
    ],
)
def test_the_words_every_match_holds(pattern: str, held: set[str]) -> None:
    assert words_every_match_holds(re.compile(pattern)) == frozenset(held)


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"甲|", id="an-empty-alternative"),
        pytest.param(r"(?:甲)?乙?", id="nothing-it-must-match"),
        pytest.param(r"[^，]+", id="only-a-negated-class"),
        pytest.param(r"\d+", id="a-category"),
        pytest.param(r"(?i)abc", id="ignoring-case"),
        pytest.param(r"..|乙", id="an-alternative-of-any-characters"),
    ],
)
def test_a_pattern_that_does_not_tell_its_words_is_always_scanned(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert words_every_match_holds(compiled) is None
    assert may_hold_a_match(compiled, "")


# The patterns scanned through whole texts only where they hold a word every match holds.
HELD_SCANS = [
    describe._COMMITTEE,
    describe._CONGRESS_OF_LEVEL,
    describe._GOVERNMENT_OF_LEVEL,
    numbers._PER_WORDS_RE,
    target_cues._REVIEW_PERIOD_RE,
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"委常委会|政府党组",
        r"([省市])[一二]?届人大",
        r"(?:ab|c)+d",
        r"明年[^。]{0,4}明年|预计",
        r"[甲乙]\d",
    ],
)
def test_a_text_without_the_words_holds_no_match(pattern: str) -> None:
    """Texts made of the pattern's own words and characters, cut anywhere: every one that holds a match holds
    one of the words, and the scan finds the same there."""
    compiled = re.compile(pattern)
    chunks = re.findall(r"[^\\^$()?:*+{}|\[\]<=!.]+", pattern)
    pieces = [*chunks, *"".join(chunks), "，", "的", "0"]
    chooser = random.Random(41)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 6)))
        text = text[chooser.randint(0, len(text)) :]
        if compiled.search(text):
            matched += 1
            assert may_hold_a_match(compiled, text), text
        assert _matches_held(compiled, text) == _matches(compiled, text)
    assert matched > 10  # the texts made do match: the check above ran


def _matches_held(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in finditer_held(pattern, text)]


def test_the_scans_find_the_same_in_the_seeds_and_the_corpus() -> None:
    """The scans of whole texts that look for their words first find the same matches, and pass texts over."""
    for pattern in HELD_SCANS:
        assert words_every_match_holds(pattern), pattern.pattern
    found = skipped = 0
    for path in seeds_and_corpus(SEEDS):
        text = path.read_text(encoding="utf-8")
        for pattern in HELD_SCANS:
            matches = _matches(pattern, text)
            assert _matches_held(pattern, text) == matches, path.name
            found += len(matches)
            skipped += not may_hold_a_match(pattern, text)
    require_found(found, 500)
    assert skipped  # some texts are passed over: what the words are for
