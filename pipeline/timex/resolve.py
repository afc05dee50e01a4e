"""Anchor underspecified values (HeidelTime's second step): a table of small handlers, one pass, in order.

Deictic values (``UNDEF-DCT-...``, "tomorrow") are anchored to the publication date (DCT); anaphoric ones
(``UNDEF-REF-...``, "later that year") to the reference time: the most recent earlier DATE of sufficient
granularity. A deictic expression of the present ("today", "this year") never becomes the reference: "later
that year" points back to a year the text talked about, not to now. Values with an unknown year (``XXXX-12``,
``XXXX-WXX-3``) take it from the DCT in the direction of their rule or of the clause's tense. Without a DCT,
deictic values stay underspecified and are flagged; nothing is ever dated "today" by default.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pipeline.model import TimeExpression
from pipeline.timex import values as V
from pipeline.timex.extract import Candidate
from pipeline.timex.rules import Grammar
from pipeline.timex.tense import clause_tense
from pipeline.timex.validate import is_valid_mod, is_valid_value

_OFFSET = re.compile(r"UNDEF-(DCT|REF|TNS)-([a-z]+)(?:/pl)?([+-])(\d+|X)(.*)")
_CLOCK = re.compile(r"XXXX-XX-XX(T.+)")
_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)(T.+)?")
_MONTH = re.compile(r"XXXX-(\d\d)")
_SEASON = re.compile(r"XXXX-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"XXXX-([QH])(\d)")
_WEEKDAY = re.compile(r"XXXX-WXX-(\d|WE)(T.+)?")
_MOVABLE = re.compile(r"(nth):(\d\d):(\d):(-?\d)|(easter):(-?\d+)")
_SMALL_UNITS = {"hour": 24, "minute": 24 * 60, "second": 24 * 3600}


@dataclass(frozen=True)
class Reference:
    """A concrete earlier DATE the discourse can point back to."""

    tid: str
    day: date  # first day of the period
    grain: str


@dataclass(frozen=True)
class Context:
    text: str
    dct: date | None
    refs: Sequence[Reference]
    grammar: Grammar


@dataclass(frozen=True)
class Result:
    value: str
    anchor: str | None = None
    explanation: str = ""
    underspecified: bool = False
    is_reference: bool = True  # may later expressions point back to it?


def _find_ref(ctx: Context, unit: str) -> Reference | None:
    rank = V.RANK.get(unit, 0)
    return next((r for r in reversed(ctx.refs) if V.RANK[r.grain] <= rank), None)


def _offset(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """today, tomorrow, last week, two years ago (DCT); that year, the next day, a month later (REF)."""
    kind, unit, sign, amount, suffix = m.groups()
    if amount == "X":
        return Result("PAST_REF" if sign == "-" else "FUTURE_REF", None, "vague amount of time", False, False)
    count = int(amount) * (-1 if sign == "-" else 1)
    if unit in _SMALL_UNITS:
        unit, count = "day", int(count / _SMALL_UNITS[unit])
    if unit == "fortnight":
        unit, count = "week", count * 2
    base, anchor, how = None, None, ""
    if kind == "TNS":  # "the end of the decade": the discourse's decade in a past-tense clause, else now
        past = clause_tense(ctx.text, cand.start, cand.end, ctx.grammar.tense) == "past"
        kind = "REF" if past and _find_ref(ctx, unit) is not None else "DCT"
    if kind == "REF":
        ref = _find_ref(ctx, unit)
        if ref is not None:
            base, anchor, how = (
                ref.day,
                ref.tid,
                f"reference time {V.format_as(ref.day, ref.grain)} ({ref.tid})",
            )
    if base is None and ctx.dct is not None:
        base, anchor, how = ctx.dct, "dct", f"publication date {ctx.dct.isoformat()}"
    if base is None:
        value = V.unknown_as(unit) + suffix
        return Result(value, None, f"{cand.rule}: no publication date, {unit} left unknown", True, False)
    value = V.format_as(V.shift(base, unit, count), unit) + suffix
    moved = f" {sign} {abs(count)} {unit}" if count else f", same {unit}"
    present = kind == "DCT" and count == 0
    return Result(value, anchor, f"{how}{moved} = {value}", False, not present)


def _clock(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "at 1:30 p.m.": the day under discussion, else the publication date."""
    ref = _find_ref(ctx, "day")
    if ref is not None and ref.grain == "day":
        return Result(ref.day.isoformat() + m[1], ref.tid, f"clock time on the reference day ({ref.tid})")
    if ctx.dct is not None:
        return Result(ctx.dct.isoformat() + m[1], "dct", "clock time on the publication date", False, False)
    return Result(cand.value, None, "clock time, no day known", True, False)


def _pick(cands: list[tuple[date, date, str]], base: date, period_start: date, direction: str) -> str:
    """The candidate period (start, end, value) that ``direction`` points to from ``base``."""
    if direction == "past-strict":
        chosen = [c for c in cands if c[0] < period_start]
        return max(chosen)[2] if chosen else cands[0][2]
    if direction == "future-strict":
        chosen = [c for c in cands if c[0] > period_start]
        return min(chosen)[2] if chosen else cands[-1][2]
    if direction == "past":
        chosen = [c for c in cands if c[0] <= base]
        return max(chosen)[2] if chosen else cands[0][2]
    if direction == "future":
        chosen = [c for c in cands if c[1] >= base]
        return min(chosen)[2] if chosen else cands[-1][2]

    def distance(c: tuple[date, date, str]) -> int:
        return 0 if c[0] <= base <= c[1] else min(abs((c[0] - base).days), abs((c[1] - base).days))

    return min(cands, key=distance)[2]


def _direction(cand: Candidate, ctx: Context) -> tuple[str, str]:
    if cand.dir == "ref-past":
        return "past-strict", "the last one before"
    if cand.dir == "ref-future":
        return "future-strict", "the next one after"
    if cand.dir == "past":
        return "past-strict", "the last one before"
    if cand.dir == "future":
        return "future-strict", "the next one after"
    if cand.dir == "this":
        return "this", "the one of"
    tense = clause_tense(ctx.text, cand.start, cand.end, ctx.grammar.tense)
    if tense == "past":
        return "past", "past tense: the last one up to"
    if tense == "future":
        return "future", "future/modal: the next one from"
    return "nearest", "no tense cue: the nearest to"


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


def _year_periods(cand: Candidate, year: int) -> tuple[date, date, str, str] | None:
    """(start, end, value, suffix) of the expression in ``year``."""
    try:
        if cand.value.startswith("XXXX-") and (day := movable_day(cand.value[5:], year)):
            return day, day, day.isoformat(), ""
        if m := _MONTH_DAY.fullmatch(cand.value):
            day = date(year, int(m[1]), int(m[2]))
            return day, day, day.isoformat(), m[3] or ""
        if m := _MONTH.fullmatch(cand.value):
            start = date(year, int(m[1]), 1)
            return start, V.add_months(start, 1) - timedelta(days=1), f"{year:04d}-{m[1]}", ""
        if m := _SEASON.fullmatch(cand.value):
            start = date(year, V.SEASON_START[m[1]], 1)
            return start, V.add_months(start, 3) - timedelta(days=1), f"{year:04d}-{m[1]}", ""
        if m := _QUARTER.fullmatch(cand.value):
            size = 3 if m[1] == "Q" else 6
            start = date(year, (int(m[2]) - 1) * size + 1, 1)
            return start, V.add_months(start, size) - timedelta(days=1), f"{year:04d}-{m[1]}{m[2]}", ""
    except ValueError:
        return None
    return None


def _year_fill(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "in December", "Sept. 12", "last fall", "the third quarter": the year from the DCT and a direction."""
    direction, how = _direction(cand, ctx)
    base, anchor = ctx.dct, "dct"
    if cand.dir == "ref-year" and (ref := _find_ref(ctx, "year")) is not None:
        period = _year_periods(cand, ref.day.year)
        if period is not None:
            value = period[2] + period[3]
            return Result(value, ref.tid, f"in the year of the reference time ({ref.tid}) = {value}")
    if cand.dir.startswith("ref-"):
        ref = _find_ref(ctx, "month")
        if ref is not None:
            base, anchor = ref.day, ref.tid
    if base is None:
        ref = _find_ref(ctx, "year") if cand.dir in ("", "tense") else None
        period = _year_periods(cand, ref.day.year) if ref else None
        if ref is None or period is None:
            return Result(cand.value, None, f"{cand.rule}: no publication date, year unknown", True, False)
        value = period[2] + period[3]
        return Result(value, ref.tid, f"year of the reference time ({ref.tid}) = {value}")
    periods = [p for y in (base.year - 1, base.year, base.year + 1) if (p := _year_periods(cand, y))]
    if not periods:
        return Result(cand.value, None, f"{cand.rule}: not a calendar date", True, False)
    if direction == "this":
        this = next(p for p in periods if p[0].year == base.year)
        return Result(this[2] + this[3], anchor, f"{how} the publication year = {this[2]}")
    current = next((p for p in periods if p[0] <= base <= p[1]), None)
    period_start = current[0] if current else base
    if current is None and _SEASON.fullmatch(cand.value) is None and _MONTH.fullmatch(cand.value):
        period_start = base.replace(day=1)
    value = _pick([(p[0], p[1], p[2] + p[3]) for p in periods], base, period_start, direction)
    what = "publication date" if anchor == "dct" else f"reference time ({anchor})"
    return Result(value, anchor, f"{how} {what} {base.isoformat()} = {value}")


def _weekday(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "on Wednesday", "last Friday", "the weekend": a day of the DCT's week, or of the one before/after."""
    day_code, suffix = m[1], m[2] or ""
    weekday = 6 if day_code == "WE" else int(day_code)
    base, anchor = ctx.dct, "dct"
    if cand.dir.startswith("ref-") and (ref := _find_ref(ctx, "day")) is not None and ref.grain == "day":
        base, anchor = ref.day, ref.tid
    if base is None:
        ref = _find_ref(ctx, "day") if cand.dir in ("", "tense") else None
        if ref is None or ref.grain != "day":
            return Result(cand.value, None, f"{cand.rule}: no publication date, week unknown", True, False)
        base, anchor = ref.day, ref.tid
    direction, how = _direction(cand, ctx)
    monday = base - timedelta(days=base.weekday())
    days = [monday + timedelta(days=7 * w + weekday - 1) for w in (-1, 0, 1)]

    def fmt(day: date) -> str:
        return V.format_as(day, "weekend") if day_code == "WE" else day.isoformat() + suffix

    if direction == "this":
        return Result(fmt(days[1]), anchor, f"{how} the week of {base.isoformat()}")
    value = _pick([(d, d, fmt(d)) for d in days], base, base, direction)
    return Result(value, anchor, f"{how} {base.isoformat()} = {value}")


def _holiday_in_year(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "Thanksgiving 2015": a movable holiday in a stated year."""
    day = movable_day(m[2], int(m[1]))
    if day is None:
        return Result("", None, "not a holiday rule")
    return Result(day.isoformat(), None, f"{cand.rule}: {m[2]} in {m[1]}")


def _absolute(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    concrete = V.parse(cand.value.split("T")[0]) is not None
    return Result(
        cand.value, None, f"{cand.rule}: absolute", False, concrete and cand.type in ("DATE", "TIME")
    )


HANDLERS: tuple[tuple[re.Pattern[str], Callable[[Candidate, Context, re.Match[str]], Result]], ...] = (
    (_OFFSET, _offset),
    (_CLOCK, _clock),
    (_WEEKDAY, _weekday),
    (re.compile(r"(\d{4})-((?:nth|easter):.+)"), _holiday_in_year),
    (re.compile(r"XXXX-.+"), _year_fill),
    (re.compile(r".*"), _absolute),
)


def _handle(cand: Candidate, ctx: Context) -> Result:
    """The first handler whose pattern the value fits; an impossible date ("the 31st century" + 1,000
    years) gives an empty value, which is dropped."""
    try:
        return next(h(cand, ctx, m) for rx, h in HANDLERS if (m := rx.fullmatch(cand.value)))
    except (ValueError, OverflowError):
        return Result("", None, "out of the calendar's range")


_ON_DAY = re.compile(r"\s*,?\s*(?:on\s+)?")


def _day_named_after(text: str, found: list[Candidate], index: int, ctx: Context) -> tuple[str, str] | None:
    """ "at 2:49 p.m. on Monday": the day of the clock time is the day expression right after it."""
    if index + 1 >= len(found):
        return None
    nxt, cand = found[index + 1], found[index]
    if not _ON_DAY.fullmatch(text, cand.end, nxt.start) or nxt.type != "DATE":
        return None
    result = _handle(nxt, ctx)
    parsed = V.parse(result.value)
    if parsed is None or parsed[1] != "day" or result.underspecified:
        return None
    return parsed[0].isoformat(), result.anchor or "dct"


def _reference(tid: str, value: str) -> Reference | None:
    parsed = V.parse(value.split("T")[0])
    if parsed is None:
        return None
    day, grain = parsed
    return Reference(tid, day, "week" if grain == "weekend" else grain)


def _anchor(cand: Candidate, ctx: Context, found: list[Candidate], index: int) -> Result | None:
    """The resolved value of one candidate; None when anchoring fails in any way (the tagger never raises
    on a text: one bad expression is dropped, the others are kept)."""
    try:
        if cand.type == "SET":
            return Result(cand.value, None, f"{cand.rule}: recurrence", False, False)
        clock = _CLOCK.fullmatch(cand.value)
        if clock and (day := _day_named_after(ctx.text, found, index, ctx)):
            return Result(day[0] + clock[1], day[1], f"clock time on the day named after it ({day[0]})")
        return _handle(cand, ctx)
    except Exception:  # noqa: BLE001 - a defect in one rule must not lose the document
        return None


def resolve(text: str, found: list[Candidate], dct: date | None, grammar: Grammar) -> list[TimeExpression]:
    """Anchor every candidate in text order; each resolved DATE may become the next reference time."""
    refs: list[Reference] = []
    out: list[TimeExpression] = []
    for index, cand in enumerate(found):
        if cand.alt_value and clause_tense(text, cand.start, cand.end, grammar.tense) == cand.alt_when:
            cand = replace(cand, type=cand.alt_type or cand.type, value=cand.alt_value, alt_value=None)
        ctx = Context(text, dct, refs, grammar)  # handlers only read the list: no copy
        result = _anchor(cand, ctx, found, index)
        if result is None or not is_valid_value(result.value, cand.type):
            continue  # never emit an invalid value: the expression is dropped
        if not is_valid_mod(cand.mod):
            cand = replace(cand, mod=None)
        tid = f"t{len(out) + 1}"
        out.append(
            TimeExpression(
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                type=cand.type,
                value=result.value,
                rule=cand.rule,
                tid=tid,
                mod=cand.mod,
                anchor=result.anchor,
                explanation=result.explanation,
                underspecified=result.underspecified,
            )
        )
        if result.is_reference and cand.type in ("DATE", "TIME"):
            ref = _reference(tid, result.value)
            if ref is not None:
                refs.append(ref)
    return out
