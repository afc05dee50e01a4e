"""value_interval(): the span of days a TIMEX3 value covers."""

from __future__ import annotations

from datetime import date

from pipeline.timex.interval import value_interval


def test_month() -> None:
    assert value_interval("2008-03") == (date(2008, 3, 1), date(2008, 3, 31), "month")


def test_iso_week() -> None:
    assert value_interval("2010-W37") == (date(2010, 9, 13), date(2010, 9, 19), "week")


def test_season() -> None:
    assert value_interval("2010-SU") == (date(2010, 6, 1), date(2010, 8, 31), "season")


def test_decade() -> None:
    assert value_interval("199") == (date(1990, 1, 1), date(1999, 12, 31), "decade")


def test_vague_and_durations_have_no_interval() -> None:
    assert value_interval("PAST_REF") == (None, None, "vague")
    assert value_interval("P2Y") == (None, None, "none")
    assert value_interval("XXXX-09") == (None, None, "none")


def test_mod_start_takes_the_first_third() -> None:
    start, end, _ = value_interval("2009", "START")
    assert (start, end) == (date(2009, 1, 1), date(2009, 4, 30))


def test_on_or_after_is_open_ended() -> None:
    assert value_interval("2015", "ON_OR_AFTER") == (date(2015, 1, 1), None, "year")
