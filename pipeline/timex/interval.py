"""The calendar interval a TIMEX3 value covers: what an event dated by it spans on the timeline.

"2008-03" is the whole of March 2008 (precision "month"), never the 15th; a mod narrows it ("early 2009" =
the first third of 2009) or opens it ("2015 and beyond"). Durations, sets and vague refs have no interval.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.timex import values as V

_PRECISION = {
    "day": "day",
    "week": "week",
    "month": "month",
    "season": "season",
    "quarter": "quarter",
    "half": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}
_LENGTH_MONTHS = {
    "month": 1,
    "season": 3,
    "quarter": 3,
    "half": 6,
    "year": 12,
    "decade": 120,
    "century": 1200,
}
_REF = re.compile(r"(?:PAST|PRESENT|FUTURE)_REF")


def _period(value: str) -> tuple[date, date, str] | None:
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", value):
        day = date.fromisoformat(m[1])
        return day, day, "time"
    weekend = re.fullmatch(r"(\d{4}-W\d{2})-WE", value)
    parsed = V.parse(weekend[1] if weekend else value)
    if parsed is None:
        return None
    start, grain = parsed
    if weekend:
        return start + timedelta(days=5), start + timedelta(days=6), "week"
    if grain == "day":
        end = start
    elif grain == "week":
        end = start + timedelta(days=6)
    else:
        end = V.add_months(start, _LENGTH_MONTHS[grain]) - timedelta(days=1)
    return start, end, _PRECISION[grain]


def _narrow(start: date, end: date, mod: str | None) -> tuple[date | None, date | None]:
    """START/MID/END take a third of the period; BEFORE/AFTER open it on one side."""
    if mod in ("START", "EARLY", "MID", "END", "LATE"):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months >= 3:  # whole months: "early 2009" = January to April
            first_end = V.add_months(start, months // 3) - timedelta(days=1)
            last_start = V.add_months(start, months - months // 3)
        else:
            third = ((end - start).days + 1) // 3
            if third == 0:
                return start, end
            first_end, last_start = start + timedelta(days=third - 1), end - timedelta(days=third - 1)
        if mod in ("START", "EARLY"):
            return start, first_end
        if mod == "MID":
            return first_end + timedelta(days=1), last_start - timedelta(days=1)
        return last_start, end
    if mod == "BEFORE":
        return None, start - timedelta(days=1)
    if mod == "ON_OR_BEFORE":
        return None, end
    if mod == "AFTER":
        return end + timedelta(days=1), None
    if mod == "ON_OR_AFTER":
        return start, None
    return start, end


def value_interval(value: str, mod: str | None = None) -> tuple[date | None, date | None, str]:
    """Inclusive (start, end, precision) of a TIMEX3 value.

    "2008-03" -> (2008-03-01, 2008-03-31, "month"); "2010-W37" -> the ISO week; "2010-SU" -> Jun-Aug;
    "199" -> the 1990s; "PAST_REF" -> (None, None, "vague"); "P2Y", "XXXX-09" -> (None, None, "none").
    """
    if _REF.fullmatch(value or ""):
        return None, None, "vague"
    try:
        period = _period(value or "")
    except ValueError:
        return None, None, "none"
    if period is None:
        return None, None, "none"
    start, end, precision = period
    low, high = _narrow(start, end, mod)
    return low, high, precision
