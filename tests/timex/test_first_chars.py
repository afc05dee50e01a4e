"""The first-character look-ahead must never change what a rule matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.timex import timex_dir
from pipeline.timex.extract import _at_digits, _word_index
from pipeline.timex.first_chars import first_class, only_digits
from pipeline.timex.rules import load_grammar

_TEXT = (
    "On Sept. 15, 2010, two days later, Tuesday; the 1990s and '90s. About 3 p.m. EDT, 14:30 GMT. "
    "Every Monday, twice a year, in six months, the past few weeks, Christmas Eve 2009, mid-2011, "
    "Q3 2012, the spring of 2008, fiscal year 2011, the following month, now, recently, at present, "
    "a decade ago, ninety-five years, 2010-09-15T10:00 and -1 (2009). «Today» ‘last week’."
)


def test_first_class_covers_literals_ranges_and_optional_prefixes() -> None:
    assert first_class(r"(?:[Tt]he\s+)?\d+") == r"[T\dt]"
    assert first_class(r"May|June") == "[JM]"


def test_first_class_gives_up_where_it_cannot_be_exact() -> None:
    assert first_class(r"(?i:may)") is None  # case-insensitive group
    assert first_class(r"(?<=\s)'\d\d") is None  # a look-behind before the first character
    assert first_class(r"[^a-z]x") is None  # negated class
    assert first_class(r"x?") is None  # may match nothing
    assert first_class(r".x") is None  # any character


def test_rules_match_the_same_with_and_without_the_look_ahead() -> None:
    grammar = load_grammar(timex_dir().resolve())
    checked = 0
    for rule in grammar.rules:
        example = str(rule.example)
        text = f"{_TEXT} {example} x{example} {example.upper()}"
        plain = re.compile(re.sub(r"^\(\?<!\\w\)\(\?=\[[^\]]*\]\)", r"(?<!\\w)", rule.regex.pattern))
        got = [m.span() for m in rule.regex.finditer(text)]
        assert got == [m.span() for m in plain.finditer(text)], rule.id
        checked += plain.pattern != rule.regex.pattern
    assert checked > len(grammar.rules) // 2  # most rules do get the look-ahead


def test_only_digits_tells_classes_of_digits_alone() -> None:
    assert only_digits("[012]") and only_digits("[0]") and only_digits(r"[\d]") and only_digits("[0-9]")
    assert not only_digits(r"[T\dt]") and not only_digits("[0-9A]") and not only_digits("[/-9]")
    assert not only_digits(r"[\w]") and not only_digits(r"[^0-9]")


GRAMMAR = load_grammar(timex_dir().resolve())
DIGIT_RULES = [r for r in GRAMMAR.rules if r.digit_start]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["1", "2", "09", "2010", "12:30", "3/4", "a", "x1", " ", ".", "-", "\n", "_"]))
)
def test_digit_rules_tried_at_runs_of_digits_match_as_a_scan_does(pieces: list[str]) -> None:
    assert len(DIGIT_RULES) > 5  # years, clock times, numeric dates
    # (a run of digits inside a match is not tried again: "2010" in "2009-2010-2011")
    text = "".join(pieces) + " On 15.9.2010 at 10:30 p.m., 2009-2010-2011, 9/15/2010 and 1400"
    starts = _word_index(text)["#digit"]
    windows = [(0, len(text)), (3, len(text) // 2), (len(text) // 2, len(text))]
    for rule in DIGIT_RULES:
        for low, high in windows:
            got = [(m.span(), m.groups()) for m in _at_digits(text, rule.regex, [(low, high)], starts)]
            assert got == [(m.span(), m.groups()) for m in rule.regex.finditer(text, low, high)], rule.id


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["may", "mayday", "May", "week", "weeks", "_week", "2010", "x", " ", "-", "İ"]))
)
def test_the_word_index_holds_every_wanted_word_where_it_stands_alone(pieces: list[str]) -> None:
    text = "".join(pieces)
    wanted = frozenset(["may", "week", "mayday", "o'clock", "#digit"])
    expected: dict[str, list[int]] = {}
    for found in re.finditer(r"\w+", text):
        if found.group().lower() in wanted:
            expected.setdefault(found.group().lower(), []).append(found.start())
    index = _word_index(text, wanted)
    assert {w: index[w] for w in wanted - {"#digit"} if w in index} == expected
    assert index["#digit"] == [m.start() for m in re.finditer(r"\d+", text)]
