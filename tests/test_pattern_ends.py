"""The characters a pattern anchored at the end can end on, read from the pattern (a prefilter of the rules)."""

from __future__ import annotations

import random
import re

import pytest

from summarizer.backends.rules import target_names, target_reading
from summarizer.backends.rules.pattern_ends import final_characters, may_end_a_match


@pytest.mark.parametrize(
    ("pattern", "finals"),
    [
        pytest.param(r"(?:分别|同比)$", "别比", id="alternation"),
        pytest.param(r"甲(?:乙)?$", "甲乙", id="optional-tail-lets-the-item-before-end"),
        pytest.param(r"(?<=[长加])(?:达到|达)$", "到达", id="lookbehind-and-shared-prefix"),
        pytest.param(r"[0-9]{2}年(?:来|间)?$", "年来间", id="class-repeat-and-optional"),
        pytest.param(r"[1-3]$", "123", id="range"),
    ],
)
def test_final_characters_of_a_pattern(pattern: str, finals: str) -> None:
    assert final_characters(re.compile(pattern)) == frozenset(finals)


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"a?$", id="may-match-nothing"),
        pytest.param(r"(?:甲|)$", id="empty-alternative"),
        pytest.param(r"甲[^，]$", id="negated-class"),
        pytest.param(r"甲.$", id="any-character"),
        pytest.param(r"(?i)a$", id="ignoring-case"),
        pytest.param(r"(?m)a$", id="multiline"),
    ],
)
def test_a_pattern_that_does_not_tell_is_always_searched(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert final_characters(compiled) is None
    assert may_end_a_match(compiled, "乙")


def test_the_last_character_tells_whether_to_search() -> None:
    pattern = re.compile(r"(?:同比|分别)$")
    assert may_end_a_match(pattern, "工业增加值同比")
    assert not may_end_a_match(pattern, "工业增加值")
    assert not may_end_a_match(pattern, "")
    assert may_end_a_match(pattern, "分别\n")  # ``$`` matches before a last newline


ANCHORED = [
    target_names._TRAILING_FILLER_RE,
    target_names._LEVEL_VERB_RE,
    target_names._REACHED_AFTER_A_CHANGE_RE,
    target_reading._COMPARE_RE,
    target_reading._PAIRED_VERB_RE,
]


@pytest.mark.parametrize("pattern", ANCHORED, ids=lambda pattern: pattern.pattern[:12])
def test_no_match_of_the_rules_patterns_ends_outside_the_set(pattern: re.Pattern[str]) -> None:
    """Texts made of the pattern's own words and characters: whatever matches ends on a character of the set."""
    finals = final_characters(pattern)
    assert finals, "the rules' anchored patterns all tell their last characters"
    pieces = [*re.findall(r"[^\\^$()?:*+{}|\[\]<=!]+", pattern.pattern), "，", "的", "0", "2020年", "去年"]
    chooser = random.Random(17)
    matched = 0
    for _ in range(5000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 4)))
        text = text[: chooser.randint(1, len(text))]  # and cut anywhere
        if pattern.search(text):
            matched += 1
            assert text[-1] in finals, text
    assert matched > 10  # the texts made do match: the check above ran
