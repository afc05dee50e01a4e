"""TIMEX3 values as calendar periods: parse, shift, format.

A concrete calendar value (``2010-09-15``, ``2010-W37``, ``2008-03``, ``2010-SU``, ``199``) is read as the
first day of the period plus its granularity, so that every anchoring step is "shift a date by n units, then
write it at the unit's granularity" ("six weeks ago" -> ``2010-W31``; "later that year" after ``2008-03`` ->
``2008``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pipeline.timex.validate import is_valid_value

# Finer first; a reference time can anchor an expression of its own unit or any coarser one.
RANK = {
    "day": 0,
    "week": 1,
    "weekend": 1,
    "month": 2,
    "season": 3,
    "quarter": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(\d|WE))?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-([QH])([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")


def parse(value: str) -> tuple[date, str] | None:
    """First day and granularity of a concrete calendar value; None for durations, refs, XXXX..."""
    try:
        if m := _DAY.fullmatch(value):
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := _WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3] and m[3] != "WE":
                return monday + timedelta(days=int(m[3]) - 1), "day"
            return monday, "week"
        if m := _MONTH.fullmatch(value):
            return date(int(m[1]), int(m[2]), 1), "month"
        if m := _QUARTER.fullmatch(value):
            months = 3 if m[2] == "Q" else 6
            return date(int(m[1]), (int(m[3]) - 1) * months + 1, 1), "quarter" if m[2] == "Q" else "half"
        if m := _SEASON.fullmatch(value):
            return date(int(m[1]), SEASON_START[m[2]], 1), "season"
        if m := _YEAR.fullmatch(value):
            return date(int(m[1]), 1, 1), "year"
        if m := _DECADE.fullmatch(value):
            return date(max(1, int(m[1]) * 10), 1, 1), "decade"
        if m := _CENTURY.fullmatch(value):
            return date(max(1, int(m[1]) * 100), 1, 1), "century"
    except ValueError:
        return None
    return None


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units (calendar arithmetic; months clamp the day)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    if unit in months:
        return add_months(day, months[unit] * amount)
    return day


def season_of(day: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        day.month, "FA"
    )


def format_as(day: date, unit: str) -> str:
    """The TIMEX3 value of the period of granularity ``unit`` that contains ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit == "season":
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{season_of(day)}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def unknown_as(unit: str) -> str:
    """The underspecified value of a period of granularity ``unit`` (no publication date to anchor it)."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half": "XXXX-HX",
    }.get(unit, "XXXX")


def granularity(value: str) -> str | None:
    parsed = parse(value)
    return parsed[1] if parsed else None


def is_valid(value: str, timex_type: str) -> bool:
    """True when ``value`` is a well-formed TIMEX3 value for ``timex_type`` (see ``validate.py``)."""
    return is_valid_value(value, timex_type)
