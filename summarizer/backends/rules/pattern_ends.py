"""The characters a pattern's match can end on, read from the pattern itself.

A pattern anchored at the end of a text (``(?:分别|同比|…)$``) is searched in every prefix the rules read,
and most prefixes end on a character that no alternative ends on: told by that one character, such a
search is not run. The set is derived from the parsed pattern, so it follows every change to the pattern.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_MAX_CLASS = 256  # a character range wider than this (``[^，]``) is taken as any character
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def may_end_a_match(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a match of ``pattern`` anchored at the end of ``text`` (``…$``) may exist, told by the last
    character of ``text`` alone: False only where no match can end on it."""
    finals = final_characters(pattern)
    return finals is None or text[-1:] in finals or text.endswith("\n")  # ``$`` also matches before a last \n


def final_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can end on; None where the pattern does not tell (it can
    match nothing, ends on a wide or negated class, a back-reference …). Read once per pattern."""
    known = _FINALS.get(id(pattern))
    if known is None:
        # the pattern is kept beside its set, so that its id is never another pattern's
        known = _FINALS[id(pattern)] = (pattern, _derived_finals(pattern))
    return known[1]


_FINALS: dict[int, tuple[re.Pattern[str], frozenset[str] | None]] = {}


def _derived_finals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return None  # letters of either case; a ``$`` that also ends an inner line
    ends, may_be_empty = _sequence_ends(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return frozenset(ends) if ends is not None and not may_be_empty else None


# Each reader returns the characters a part of a pattern can end on (None: any, as far as it can tell) and
# whether that part may match nothing, so that what stands before it may end the match as well.
Ends = tuple[set[str] | None, bool]


def _sequence_ends(items: list[tuple[Any, Any]]) -> Ends:
    ends: set[str] = set()
    for op, av in reversed(items):
        if op in _ZERO_WIDTH:
            continue
        item, may_be_empty = _item_ends(op, av)
        if item is None:
            return None, False
        ends |= item
        if not may_be_empty:
            return ends, False
    return ends, True


def _item_ends(op: Any, av: Any) -> Ends:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        return _class_characters(av), False
    if op is sre.SUBPATTERN:
        _, add_flags, _, body = av
        return (None, False) if add_flags & re.IGNORECASE else _sequence_ends(list(body))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _, body = av
        inner, may_be_empty = _sequence_ends(list(body))
        return inner, low == 0 or may_be_empty
    if op is sre.BRANCH:
        ends: set[str] = set()
        any_empty = False
        for branch in av[1]:
            branch_ends, may_be_empty = _sequence_ends(list(branch))
            if branch_ends is None:
                return None, False
            ends |= branch_ends
            any_empty = any_empty or may_be_empty
        return ends, any_empty
    return None, False  # any character (.), a back-reference, a possessive or atomic group …


def _class_characters(members: list[tuple[Any, Any]]) -> set[str] | None:
    characters: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            characters.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            characters.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None  # negated, a category (\d), or too wide
    return characters
