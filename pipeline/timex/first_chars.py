"""The characters a rule's match can start with, as a regex class: a cheap look-ahead that saves the regex
engine from trying a rule's long alternations (every number word, every holiday) at each position of a window.

The class is read from the parsed pattern and is exact or absent: any construct it cannot account for
(case-insensitive groups, look-arounds or anchors before the first character, negated classes, a body that
may match nothing) gives None, and the rule is compiled as written.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


class _Unknown(Exception):
    """The first characters cannot be told exactly."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _set_items(items: list) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(_char(av))
        elif op is sre.RANGE:
            out.add(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:  # NEGATE and anything unusual
            raise _Unknown
    return out


def _first(seq) -> tuple[set[str], bool]:
    """(class items of the first character, may the sequence match the empty string?)"""
    items: set[str] = set()
    for op, av in seq:
        if op is sre.LITERAL:
            items.add(_char(av))
            return items, False
        if op is sre.IN:
            items |= _set_items(av)
            return items, False
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & (re.IGNORECASE | re.LOCALE | re.ASCII):
                raise _Unknown
            found, empty = _first(sub)
        elif op is sre.BRANCH:
            found, empty = set(), False
            for alternative in av[1]:
                alt_items, alt_empty = _first(alternative)
                found |= alt_items
                empty = empty or alt_empty
        elif op in _REPEATS:
            low, _high, sub = av
            found, empty = _first(sub)
            empty = empty or low == 0
        else:
            raise _Unknown
        items |= found
        if not empty:
            return items, False
    return items, True


def first_class(body: str) -> str | None:
    """A character class (``[...]``) holding every first character of a non-empty match of ``body``."""
    try:
        parsed = sre_parse.parse(body)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE | re.ASCII | re.VERBOSE):
            return None
        items, empty = _first(parsed)
    except (_Unknown, re.error):
        return None
    if empty or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


_DIGIT = re.compile(r"\d")


def only_digits(head: str) -> bool:
    """Does the class ``head`` (from ``first_class``) match digits only? A match of a rule with such a head
    can only start where a run of digits starts (after a word character a digit is inside a word)."""
    try:
        parsed = sre_parse.parse(head)
    except re.error:
        return False
    if len(parsed.data) != 1:
        return False
    op, av = parsed.data[0]
    items = [(op, av)] if op is sre.LITERAL else av if op is sre.IN else [(None, None)]
    for kind, value in items:
        if kind is sre.LITERAL and _DIGIT.match(chr(value)):
            continue
        if kind is sre.RANGE and all(_DIGIT.match(chr(c)) for c in range(value[0], value[1] + 1)):
            continue
        if kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            continue
        return False
    return bool(items)
