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
