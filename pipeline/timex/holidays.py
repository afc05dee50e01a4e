"""Holidays whose day moves: the nth weekday of a month (Thanksgiving), days counted from Easter.

Rule strings come from the holiday table (``data/lexicon/timex/vocabulary.yaml``): ``nth:11:4:4`` is the
fourth Thursday of November, ``nth:05:1:-1`` the last Monday of May, ``easter:-2`` Good Friday.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.timex import values as V
from pipeline.timex.rules import Table

_MOVABLE = re.compile(r"(nth):(\d\d):(\d):(-?\d)|(easter):(-?\d+)|(onafter):(\d\d):(\d\d):(\d)")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# Right before the holiday, a possessive or an adjective of a country the lexicon does not know.
_UNKNOWN_OWNER = re.compile(
    r"(?:\b(?:country|nation|republic|state|kingdom|island)['’]s?|\b[A-Z][a-z]+['’]s?|\b[A-Z][a-z]+(?:an|ese|ish|i))\s+$"
)
_DEFAULTS = {"independence": "07-04"}


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
    """ "nth:11:4:4" (4th Thursday of November), "nth:05:1:-1" (last Monday of May), "easter:-2",
    "onafter:11:02:2" (the first Tuesday on or after Nov. 2)."""
    m = _MOVABLE.fullmatch(rule)
    if m is None:
        return None
    if m[5]:
        return _easter(year) + timedelta(days=int(m[6]))
    if m[7]:
        first = date(year, int(m[8]), int(m[9]))
        return first + timedelta(days=(int(m[10]) - first.isoweekday()) % 7)
    month, weekday, nth = int(m[2]), int(m[3]), int(m[4])
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = V.add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def national_day(text: str, start: int, kind: str, tables: dict[str, Table]) -> str:
    """ "MM-DD" of a country's Independence Day / National Day at ``text[start:]``: the country named
    nearest before it in its sentence ("Malta's Independence Day", "Mexican Independence Day"); "" when the
    country is unknown or its day is not one date; the kind's default (U.S. July 4) when none is named."""
    table = tables.get(f"{kind}_days")
    if table is None:
        return ""
    begin = max(0, start - 200)
    for found in _SENTENCE_END.finditer(text, begin, start):
        begin = found.end()
    names = re.compile(rf"(?<!\w)(?:{table.regex})(?:['’]s?)?(?!\w)")
    named = [found for found in names.finditer(text, begin, start)]
    if named:
        key = re.sub(r"['’]s?$", "", named[-1].group()).lower().replace("’", "'")
        return table.values.get(re.sub(r"\s+", " ", key).rstrip("."), "") if key else ""
    if _UNKNOWN_OWNER.search(text, max(begin, start - 40), start):
        return ""
    return _DEFAULTS.get(kind, "")
