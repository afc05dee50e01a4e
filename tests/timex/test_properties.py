"""Properties the tagger must keep on ANY input: it never raises, and its output is always a valid annotation.

Arbitrary Unicode text finds crashes; text assembled from fragments of dates, numbers and news words reaches
the rules themselves (offsets, overlaps, values) far more often than random characters would.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:  # tests/timex is on sys.path when it has no __init__.py (pytest's default rootdir-relative import)
    from timex_values import TIMEX_TYPES, is_valid_mod, is_valid_value
except ImportError:  # pragma: no cover - if tests/timex becomes a package
    from .timex_values import TIMEX_TYPES, is_valid_mod, is_valid_value

FRAGMENTS = (
    # months, weekdays, seasons, units, deictic and anaphoric words
    "January", "Jan.", "February", "March", "march", "April", "May", "may", "June", "Sept.", "Sep",
    "September", "Oct.", "December", "Dec", "Monday", "Wednesday", "we", "Fri.", "Sunday", "summer",
    "fall", "spring", "winter", "year", "years", "month", "months", "week", "weekend", "day", "days",
    "hours", "minutes", "decade", "decades", "century", "quarter", "today", "Today", "tonight",
    "tomorrow", "yesterday", "now", "recently", "soon", "future", "past", "ago", "later", "earlier",
    "last", "next", "this", "that", "the", "same", "following", "previous", "coming", "early", "mid-",
    "late", "every", "each", "once", "twice", "a", "an", "one", "two", "five", "first", "second",
    "third", "fiscal", "morning", "afternoon", "evening", "night", "noon", "midnight", "p.m.", "a.m.",
    "EST", "GMT", "in", "on", "since", "until", "from", "to", "and", "of", "'s", "’s", "’", "annually",
    "weekly", "daily",
    # numbers and number-like things
    "0", "1", "3", "9", "12", "15", "16", "24", "31", "99", "1990s", "2005", "2008", "2010", "'90s",
    "9/16/10", "2010-09-15", "3-2", "$2,005", "H.R.", "202-555-0143", "19th", "3:30", "10:14:00", "Q3",
    "FY2011", "W37", "1st", "XXXX",
    # punctuation and spacing
    " ", " ", " ", "  ", "\n", "\n\n", "\u00a0", "\u202f", "\t", ",", ".", "-", "–", "—", "/", ":",
    "(", ")", "“", "”", '"', "&nbsp;", "& ldquo;", "&rsquo;",
)  # fmt: skip

DEICTIC_WORDS = (
    "today", "Today", "tomorrow", "yesterday", "tonight", "this", "last", "next", "week", "month",
    "year", "weekend", "morning", "night", "Monday", "Friday", "Sunday", "ago", "two", "three", "days",
    "weeks", "months", "years", "December", "March", "summer", "fall", "in", "on", "the", "said",
    "will", "meet", "met", "early", "late", "later", "earlier", "coming", "past", " ", " ", " ", ",", ".",
)  # fmt: skip

# phrases shaped like real time expressions, so that rules fire together and next to each other
PREFIXES = (
    "",
    "every ",
    "last ",
    "next ",
    "this ",
    "the past ",
    "early ",
    "mid-",
    "late ",
    "in ",
    "on ",
    "since ",
    "that ",
    "the following ",
    "the same ",
    "about ",
    "more than ",
    "a ",
    "two ",
    "the end of ",
)
CORES = (
    "Monday",
    "Friday",
    "March",
    "May",
    "2008",
    "March 2008",
    "Sept. 15, 2010",
    "15 September 2010",
    "the 1990s",
    "summer",
    "fall",
    "year",
    "years",
    "two years",
    "five hours",
    "day",
    "days",
    "week",
    "weekend",
    "month",
    "3 p.m.",
    "10:30 a.m. EST",
    "tonight",
    "today",
    "tomorrow",
    "Q3",
    "fiscal 2011",
    "9/16/10",
    "2010-09-15",
    "decade",
    "century",
    "quarter",
    "time",
    "we",
    "one",
)
SUFFIXES = (
    "",
    " ago",
    " later",
    " earlier",
    "'s",
    "’s",
    " night",
    " morning",
    ",",
    ".",
    "-",
    "–8",
    " and",
    " to",
    " from now",
    " before",
    " after",
)
PHRASES = st.lists(
    st.tuples(st.sampled_from(PREFIXES), st.sampled_from(CORES), st.sampled_from(SUFFIXES)).map("".join),
    min_size=1,
    max_size=12,
).map(" ".join)

TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join),
    PHRASES,
)
DCTS = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONCRETE_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _tag(text: str, dct: date | None):
    from pipeline.timex import tag

    return tag(text, dct)


def _check_annotation(text: str, timexes) -> None:
    previous_end = 0
    seen_tids: list[str] = []
    for i, t in enumerate(timexes):
        assert 0 <= t.start < t.end <= len(text), f"span {t.start}:{t.end} outside a text of {len(text)}"
        assert text[t.start : t.end] == t.text, f"{t.text!r} != text[{t.start}:{t.end}]"
        assert t.start >= previous_end, f"{t.text!r} overlaps or precedes the previous expression"
        previous_end = t.end
        assert t.type in TIMEX_TYPES, t
        assert is_valid_value(t.value, t.type), f"invalid {t.type} value {t.value!r} for {t.text!r}"
        assert is_valid_mod(t.mod), f"invalid mod {t.mod!r} for {t.text!r}"
        assert t.tid == f"t{i + 1}", f"tids must be t1, t2... in order, got {t.tid!r} at {i}"
        assert t.anchor in (None, "dct", *seen_tids), f"anchor {t.anchor!r} is not dct or an earlier tid"
        assert t.rule, f"no rule named for {t.text!r}"
        seen_tids.append(t.tid)


@SETTINGS
@given(text=TEXTS, dct=DCTS)
def test_output_is_always_a_valid_annotation(text: str, dct: date | None) -> None:
    _check_annotation(text, _tag(text, dct))


@SETTINGS
@given(words=st.lists(st.sampled_from(DEICTIC_WORDS), min_size=1, max_size=30))
def test_without_dct_no_deictic_expression_gets_a_concrete_day(words: list[str]) -> None:
    """Text with no digits holds no absolute day, so with no DCT every day value must stay XXXX-..."""
    text = " ".join(words)
    for t in _tag(text, None):
        assert not CONCRETE_DAY.match(t.value), f"{t.text!r} dated {t.value} without a DCT in {text!r}"


@SETTINGS
@given(text=TEXTS, dct=DCTS)
def test_tagging_is_deterministic(text: str, dct: date | None) -> None:
    assert _tag(text, dct) == _tag(text, dct)


@SETTINGS
@given(words=st.lists(st.sampled_from(FRAGMENTS), max_size=40), dct=DCTS)
def test_leading_blank_lines_only_shift_the_spans(words: list[str], dct: date | None) -> None:
    text = " ".join(words)
    plain = [(t.start, t.end, t.type, t.value, t.mod) for t in _tag(text, dct)]
    shifted = [(t.start - 2, t.end - 2, t.type, t.value, t.mod) for t in _tag("\n\n" + text, dct)]
    assert plain == shifted
