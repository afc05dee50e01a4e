"""values: TIMEX3 value arithmetic the resolver relies on."""

from __future__ import annotations

from datetime import date

from pipeline.timex import values as V


def test_week_granularity_of_weeks_ago() -> None:
    assert V.format_as(V.shift(date(2010, 9, 15), "week", -6), "week") == "2010-W31"


def test_month_shift_clamps_the_day() -> None:
    assert V.shift(date(2010, 1, 31), "month", 1) == date(2010, 2, 28)


def test_parse_reads_granularity() -> None:
    assert V.parse("2010-Q3") == (date(2010, 7, 1), "quarter")


def test_validation_rejects_impossible_days() -> None:
    assert not V.is_valid("2010-02-30", "DATE")
    assert V.is_valid("PXY", "DURATION") and V.is_valid("2010-09-15T15:00", "TIME")
