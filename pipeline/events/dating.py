"""Turning a governing time expression into an event date: interval, precision, ranges, "later"/"earlier".

Shared by the anchoring of an event's own sentence (``anchor.py``) and of its passage (``passage.py``).
Intervals come from the tagger's ``pipeline.timex.interval.value_interval`` (one reading of TIMEX3 values
for the whole project).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta

from pipeline.model import EventMention, TimeExpression
from pipeline.timex.interval import value_interval

VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_RANGE_LINK_RE = re.compile(r"^\s*(?:[-–—]|to|through|until|till|and)\s*$", re.IGNORECASE)
_LATER_RE = re.compile(r"\blater\b", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)
# A part of day or a clock time: the event is dated by its day ("7 a.m. today", "an afternoon discussion").
_PART_OF_DAY_RE = re.compile(r"^([\dX]{4}-[\dX]{2}-[\dX]{2})T[\w:.]+$")
_CENTURY_RE = re.compile(r"^\d{2}$")
_WEEKDAY_UNKNOWN_RE = re.compile(r"^XXXX-WXX-\d(?:T.*)?$")
_SOURCES = {"clause": "same clause", "sentence": "same sentence", "passage": "passage", "dct": "dateline"}


def is_vague(t: TimeExpression) -> bool:
    return t.value in VAGUE_VALUES or t.value.startswith("P")


def range_start(
    t: TimeExpression | None, timexes: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The first date of the range ``t`` closes ("April 27-[May 1, 2008]" -> "April 27"), else ``t``."""
    if t is None:
        return None
    before = [o for o in timexes if o.end <= t.start and o.type == "DATE"]
    if before and _RANGE_LINK_RE.match(text[before[-1].end : t.start]):
        return before[-1]
    return t


def _range_end(t: TimeExpression, timexes: Sequence[TimeExpression], text: str) -> TimeExpression | None:
    """The second date of a range ("June [6]-[8]", "[Nov. 27] to [Dec. 15]"), when ``t`` opens one."""
    for other in timexes:
        if other.start >= t.end and other.type == "DATE":
            return other if _RANGE_LINK_RE.match(text[t.end : other.start]) else None
    return None


def _explain(t: TimeExpression, source: str, extra: str = "") -> str:
    how = t.explanation.strip()
    prefix = f"{t.text} = "
    if how.startswith(prefix):
        how = how[len(prefix) :]
    where = _SOURCES[source]
    return f"dated by '{t.text}' ({where}) = {how or t.value}{extra}"


def date_mention(
    mention: EventMention,
    t: TimeExpression,
    source: str,
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    text: str,
    note: str = "",
) -> EventMention:
    """The mention dated by ``t`` (found in ``source``), with its interval and the chain that explains it."""
    start, end, precision = value_interval(t.value, t.mod)
    extra = note
    second = _range_end(t, timexes, text)
    if second is not None:
        _, second_end, _ = value_interval(second.value, second.mod)
        if second_end and start and second_end >= start:
            end = second_end
            extra += f"; through '{second.text}' = {second.value}"
    window = text[max(0, t.start - 12) : t.end]
    referent = by_tid.get(t.anchor) if t.anchor and t.anchor != "dct" else None
    if referent is not None and start and end:
        r_start, r_end, _ = value_interval(referent.value, referent.mod)
        if _LATER_RE.search(window) and r_end and r_end + timedelta(days=1) <= end and r_end >= start:
            start = r_end + timedelta(days=1)
            extra += f"; 'later' than '{referent.text}' ({referent.value}): from {start.isoformat()}"
        elif (
            _EARLIER_RE.search(window) and r_start and r_start - timedelta(days=1) >= start and r_start <= end
        ):
            end = r_start - timedelta(days=1)
            extra += f"; 'earlier' than '{referent.text}' ({referent.value}): until {end.isoformat()}"
    value = t.value
    if _WEEKDAY_UNKNOWN_RE.match(value):
        # "on Sunday" without publication date: some day; the event's date is a calendar day, unknown.
        value, precision = "XXXX-XX-XX", "day"
        extra += f"; a weekday ({t.value}) of an unknown week: the day is unknown"
    part_of_day = _PART_OF_DAY_RE.match(value)
    if part_of_day:
        # The event is dated by its day; the part of day or clock time stays in the timex.
        value, precision = part_of_day.group(1), "day"
        extra += f"; on the day {value}"
    return replace(
        mention,
        timex=t,
        date_value=value,
        start=start,
        end=end,
        precision=precision,
        date_source=source,
        explanation=_explain(t, source, extra),
    )


def dating_expressions(timexes: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Expressions that can date an event: DATEs and TIMEs (durations and sets cannot), finer than a century
    ("the 21st century" frames an aim, it does not date a meeting)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and t.value and not _CENTURY_RE.match(t.value)]
