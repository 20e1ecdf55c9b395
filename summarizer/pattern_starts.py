"""A pattern searched through a whole text, rewritten to open on a character class of its first characters.

``re`` skips, in a tight loop in C, every character on which a match cannot start only when the pattern's
first item is a literal or a character class (or an alternation of literals). A pattern that opens on an
optional character (``“?十…``), on a class in one alternative and a word in another, or on a lookahead
(``(?=[过五这])…``), is instead tried in full at every character of a report: five to ten times slower.

``charset_led`` rewrites ``B1|B2|…`` as ``[F](?:(?<=A1)R1|(?<=A2)R2|…)``, where ``Ai`` is the first
character (or class) of branch ``Bi``, ``Ri`` the rest of it and ``F`` the union of the ``Ai``: the first
character is consumed by the class, and each branch goes on from there after checking, behind, that it may
open on it. The branches are tried in the same order at the same positions, with the same groups (no group
is added, removed or repeated), so the matches are the same, span and groups; the tests check it on the
corpus. A pattern whose branches this cannot read so (one opens on a group, an escape, a lookaround …) is
left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_SPECIAL = set("\\()[]{}|.^$*+?")
_QUANTIFIERS = set("?*+{")


def led_by_first_characters(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled as ``charset_led`` rewrites it, or as it is where it cannot be rewritten."""
    return re.compile(charset_led(pattern) or pattern)


def charset_led(pattern: str) -> str | None:
    """An equivalent pattern that opens on the class of its first characters; None where this cannot tell."""
    led: list[tuple[str, str]] = []
    for branch in _top_level_branches(pattern):
        opened = _opening(branch)
        if opened is None:
            return None
        led.extend(opened)
    firsts = "".join(first for first, _ in led)
    return f"[{firsts}](?:" + "|".join(rest for _, rest in led) + ")"


def after_first_character(pattern: str) -> str | None:
    """What ``charset_led`` matches after the class of first characters: ``pattern`` gone on with from the
    character just consumed (each branch checks, behind, that it may open on it); None where it cannot tell.
    For a larger pattern that consumes that character itself (``[ ；过五](?:…|{after})``)."""
    led = charset_led(pattern)
    return led[led.index("](?:") + 1 :] if led else None


def finditer_led(pattern: re.Pattern[str], scan: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, where ``scan`` finds where each match is (``pattern`` without its groups,
    led by a class: ``led_by_first_characters(without_capturing_groups(…))``) and ``pattern`` reads it there
    with its groups: for a pattern whose groups keep it from opening on a class. ``pattern`` never matches
    nothing (each search goes on from the last match's end)."""
    pos = 0
    while (found := scan.search(text, pos)) is not None:
        match = pattern.match(text, found.start())
        if match is None or match.end() == match.start():  # cannot be: the same matches, none empty
            raise ValueError(f"{scan.pattern!r} does not find {pattern.pattern!r}")
        yield match
        pos = match.end()


def without_capturing_groups(pattern: str) -> str:
    """``pattern`` with every group made non-capturing (``(…)``, ``(?P<name>…)`` -> ``(?:…)``): for a scan that
    reads only where a match is and what it covers, so that an alternation in a group may fan out."""
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif char == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif char == "(" and not pattern.startswith("?", i + 1):
            out.append("(?:")
            i += 1
        elif char == "(" and pattern.startswith("?P<", i + 1):
            out.append("(?:")
            i = pattern.index(">", i) + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _opening(branch: str) -> list[tuple[str, str]] | None:
    """The branch as (its first characters as class contents, what follows the first character), one pair or
    several (a leading non-capturing alternation fans out); None where it opens on anything else."""
    if branch.startswith("(?:"):
        inner_end = _group_end(branch, 0)
        if inner_end is None:
            return None
        if _plain_plus(branch, inner_end):
            # ``(?:X)+…`` is ``(?:X)(?:X)*…``: the first repetition opens the match
            group = branch[:inner_end]
            return _opening(f"{group}{group}*{branch[inner_end + 1 :]}")
        if branch[inner_end : inner_end + 1] in _QUANTIFIERS:
            return None
        after = branch[inner_end:]
        if _capturing_groups(after) != 0:
            return None  # each alternative gets its own copy of what follows: no capturing group there
        fanned: list[tuple[str, str]] = []
        for alternative in _top_level_branches(branch[3 : inner_end - 1]):
            opened = _opening(alternative + after)
            if opened is None:
                return None
            fanned.extend(opened)
        return fanned
    first = _atom(branch, 0)
    if first is None:
        return None
    contents, end = first
    if branch[end : end + 1] == "?":
        # ``“?十…``: the optional character or the one after it opens the match
        second = _atom(branch, end + 1)
        if second is None or branch[second[1] : second[1] + 1] in _QUANTIFIERS:
            return None
        following, following_end = second
        rest = f"(?:(?<=[{contents}])[{following}]|(?<=[{following}])){branch[following_end:]}"
        return [(contents + following, rest)]
    if _plain_plus(branch, end):
        # ``[0-9]+…`` is ``[0-9][0-9]*…``: the first repetition opens the match
        return [(contents, f"(?<=[{contents}])[{contents}]*{branch[end + 1 :]}")]
    counted = _plain_count(branch, end)
    if counted is not None:
        # ``[X]{1,3}…`` is ``[X][X]{0,2}…``
        low, high, count_end = counted
        return [(contents, f"(?<=[{contents}])[{contents}]{{{low - 1},{high}}}{branch[count_end:]}")]
    if branch[end : end + 1] in _QUANTIFIERS:
        return None
    return [(contents, f"(?<=[{contents}]){branch[end:]}")]


_COUNT_RE = re.compile(r"\{([1-9][0-9]*),([1-9][0-9]*)\}(?![?+])")


def _plain_count(pattern: str, at: int) -> tuple[int, int, int] | None:
    """A greedy ``{m,n}`` at ``at`` with 1 <= m <= n: m, n - 1 and where it ends."""
    count = _COUNT_RE.match(pattern, at)
    if count is None or int(count[1]) > int(count[2]):
        return None
    return int(count[1]), int(count[2]) - 1, count.end()


def _plain_plus(pattern: str, at: int) -> bool:
    """A greedy ``+`` at ``at`` (not ``+?``, not possessive ``++``)."""
    return pattern[at : at + 1] == "+" and pattern[at + 1 : at + 2] not in ("?", "+")


def _capturing_groups(pattern: str) -> int | None:
    try:
        return re.compile(pattern).groups
    except re.error:
        return None


def _atom(text: str, at: int) -> tuple[str, int] | None:
    """One character or a plain class at ``at``: its characters as class contents, and where it ends."""
    if at >= len(text):
        return None
    char = text[at]
    if char == "[":
        close = text.find("]", at + 1)
        contents = text[at + 1 : close]
        if close < 0 or not contents or contents.startswith("^") or "\\" in contents or "[" in contents:
            return None
        return contents, close + 1
    if char in _SPECIAL:
        return None
    return re.escape(char) if char in "-]^" else char, at + 1


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` split at the ``|`` outside every group and class."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _class_end(pattern: str, at: int) -> int:
    i = at + 1
    if pattern[i : i + 1] == "^":
        i += 1
    if pattern[i : i + 1] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _group_end(pattern: str, at: int) -> int | None:
    """Where the group opened at ``at`` ends (just after its ``)``); None if it does not close."""
    depth, i = 0, at
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def words_every_match_holds(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words one of which every match of ``pattern`` holds (``委常委会|政府党组``: both; ``([省市])…届人大``:
    届人大), read from the parsed pattern; None where it does not tell (it can match without any word it
    names, it ignores case …). A text that holds none of them has no match, and a scan of a whole text
    for a pattern its texts seldom match costs many times a search for its words."""
    known = _WORDS_HELD.get(id(pattern))
    if known is None:
        words = (
            None
            if pattern.flags & re.IGNORECASE
            else _held_in_sequence(sre_parse.parse(pattern.pattern, pattern.flags))
        )
        # the pattern is kept beside its words, so that its id is never another pattern's
        known = _WORDS_HELD[id(pattern)] = (pattern, words)
    return known[1]


def may_hold_a_match(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` may hold a match of ``pattern``: False only where it holds none of the words every
    match holds (``words_every_match_holds``)."""
    words = words_every_match_holds(pattern)
    return words is None or any(word in text for word in words)


def finditer_held(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, not run through a text that holds none of the words every match holds."""
    return pattern.finditer(text) if may_hold_a_match(pattern, text) else iter(())


_WORDS_HELD: dict[int, tuple[re.Pattern[str], frozenset[str] | None]] = {}
_MAX_CLASS_WORDS = 16  # a wider class is no cheaper to look for than the pattern itself


def _held_in_sequence(items: Any) -> frozenset[str] | None:
    """The best set of words one of which a match of the sequence holds: of the items it must match, the
    one whose shortest word is longest (a run of literal characters is one word)."""
    best: frozenset[str] | None = None
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        best, run = _better_words(best, frozenset([run]) if run else None), ""
        if op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: nothing the match holds
            best = _better_words(best, _held_in_item(op, av))
    return _better_words(best, frozenset([run]) if run else None)


def _held_in_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _held_in_sequence(av[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return _held_in_sequence(av[2]) if av[0] >= 1 else None
    if op is sre.BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            held = _held_in_sequence(branch)
            if held is None:
                return None  # an alternative that holds no word of its own
            words |= held
        return frozenset(words)
    if op is sre.IN:
        characters = _class_members(av)
        return frozenset(characters) if characters and len(characters) <= _MAX_CLASS_WORDS else None
    return None  # any character, a negated class, a back-reference …


def _class_members(members: Any) -> set[str] | None:
    characters: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            characters.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS_WORDS:
            characters.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None  # negated, a category (\s), or wide
    return characters


def _better_words(best: frozenset[str] | None, other: frozenset[str] | None) -> frozenset[str] | None:
    if best is None or other is None:
        return best or other
    return other if min(map(len, other)) > min(map(len, best)) else best
