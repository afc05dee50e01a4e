"""Holidays whose day moves: the nth weekday of a month (Thanksgiving), days counted from Easter.

Rule strings come from the holiday table (``data/lexicon/timex/vocabulary.yaml``): ``nth:11:4:4`` is the
fourth Thursday of November, ``nth:05:1:-1`` the last Monday of May, ``easter:-2`` Good Friday.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.timex import values as V

_MOVABLE = re.compile(r"(nth):(\d\d):(\d):(-?\d)|(easter):(-?\d+)")


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def movable_day(rule: str, year: int) -> date | None:
    """ "nth:11:4:4" (4th Thursday of November), "nth:05:1:-1" (last Monday of May), "easter:-2"."""
    m = _MOVABLE.fullmatch(rule)
    if m is None:
        return None
    if m[5]:
        return _easter(year) + timedelta(days=int(m[6]))
    month, weekday, nth = int(m[2]), int(m[3]), int(m[4])
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = V.add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
