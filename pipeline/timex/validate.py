"""What a well-formed TIMEX3 value looks like, per type (TimeML 1.2.1 / TempEval-3, shared/TIMEX3.md).

Written from the TimeML specification, not from the engine's rules: ``tag()`` checks every value it emits
against it (an invalid one is dropped, never emitted), and the tests judge values with the same module.
``X`` may stand for any unknown digit (``XXXX-09``, ``XXXX-WXX-1``).
"""

from __future__ import annotations

import re
from datetime import date

_Y = r"[0-9X]{4}"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)"
_ZONE = r"(?:Z|[+-](?:0[0-9]|1[0-4])(?::?[0-5][0-9])?)?"
_CLOCK = r"(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)?"
_PART_OF_DAY = r"(?:MO|MI|AF|EV|NI|DT)"

_CALENDAR = (
    rf"{_Y}(?:-{_MONTH}(?:-{_DAY})?)?"  # 2010, 2010-09, 2010-09-15, XXXX-XX-XX
    rf"|{_Y}-W{_WEEK}(?:-(?:[1-7X]|WE))?"  # 2010-W37, 2010-W37-WE, XXXX-WXX-1
    rf"|{_Y}-(?:SP|SU|FA|WI)"  # seasons
    rf"|{_Y}-(?:Q[1-4X]|H[12X])"  # quarters, halves
    r"|[0-9]{3}X?|[0-9]{2}X{0,2}"  # decade 199 (or 199X), century 19
)
_REF = r"PRESENT_REF|PAST_REF|FUTURE_REF"
_TIME = rf"(?:{_Y}-{_MONTH}-{_DAY}|{_Y}-W{_WEEK}-[1-7X])T(?:{_CLOCK}|{_PART_OF_DAY}){_ZONE}"

_NUM = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DATE_PART = rf"(?:{_NUM}Y)?(?:{_NUM}Q)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?"
_BIG_UNIT = rf"{_NUM}(?:ML|CE|DE)"
_TIME_PART = rf"T(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?"
_DURATION = rf"P(?:{_BIG_UNIT}|{_DATE_PART}(?:{_TIME_PART})?|XX)"

DATE_RE = re.compile(rf"(?:{_CALENDAR}|{_REF})")
TIME_RE = re.compile(rf"(?:{_TIME}|{_REF})")
DURATION_RE = re.compile(_DURATION)
# a recurrence is a period (P1W) or a calendar pattern with an unknown year (XXXX-WXX-1), never one real day
SET_RE = re.compile(rf"(?:{_DURATION}|(?=XXXX)(?:{_CALENDAR}|{_TIME}))")

_BY_TYPE = {"DATE": DATE_RE, "TIME": TIME_RE, "DURATION": DURATION_RE, "SET": SET_RE}

TIMEX_TYPES = tuple(_BY_TYPE)
MODS = frozenset(
    {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS"}
    | {"EQUAL_OR_MORE", "START", "MID", "END", "APPROX", "EARLY", "LATE"}
)

_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _calendar_ok(value: str) -> bool:
    """A fully specified day must exist (no 2010-02-30); durations need at least one component."""
    found = _FULL_DATE.match(value)
    if found:
        try:
            date(*(int(part) for part in found.groups()))
        except ValueError:
            return False
    return value not in ("P", "PT") and not value.endswith("T")


def is_valid_value(value: str, timex_type: str) -> bool:
    """True when ``value`` is a TIMEX3 value allowed for ``timex_type`` (DATE, TIME, DURATION, SET)."""
    pattern = _BY_TYPE.get(timex_type)
    if pattern is None or not isinstance(value, str):
        return False
    return bool(pattern.fullmatch(value)) and _calendar_ok(value)


def is_valid_mod(mod: str | None) -> bool:
    """None or one of the TimeML ``mod`` values."""
    return mod is None or mod in MODS
