"""Anchor underspecified values (HeidelTime's second step): a table of small handlers, one pass, in order.

Deictic values (``UNDEF-DCT-...``, "tomorrow") are anchored to the publication date (DCT); anaphoric ones
(``UNDEF-REF-...``, "later that year") to the reference time: the most recent earlier DATE of sufficient
granularity. A deictic expression of the present ("today", "this year") never becomes the reference: "later
that year" points back to a year the text talked about, not to now. Values with an unknown year (``XXXX-12``,
``XXXX-WXX-3``) take it from the DCT in the direction of their rule or of the clause's tense, or from the
year the passage is about (``yearless.py``). The two ends of a range share a year ("March 20-22",
"between March and October last year"), and the end of "from Thursday through Saturday" is the first one
after its start. Without a DCT, deictic values stay underspecified and are flagged; nothing is ever dated
"today" by default. A value is emitted only if ``validate.py`` accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from pipeline.model import TimeExpression
from pipeline.timex import values as V
from pipeline.timex.discourse import Context, Reference, Result, find_ref, make_reference, narrative_ref
from pipeline.timex.extract import Candidate
from pipeline.timex.holidays import movable_day, national_day
from pipeline.timex.month_day import MONTH_ONLY_DAY, day_of_month
from pipeline.timex.rules import Grammar
from pipeline.timex.tense import clause_tense
from pipeline.timex.validate import is_valid_mod, is_valid_value
from pipeline.timex.yearless import weekday, year_fill

_OFFSET = re.compile(r"UNDEF-(DCT|REF|TNS)-([a-z]+)(?:/pl)?([+-])(\d+|X)(.*)")
_CLOCK = re.compile(r"XXXX-XX-XX(T.+)")
_WEEKDAY = re.compile(r"XXXX-WXX-(\d|WE)(T.+)?")
_SMALL_UNITS = {"hour": 24, "minute": 24 * 60, "second": 24 * 3600}
_NATIONAL_DAY_RE = re.compile(r"\b(?:[Ii]ndependence|[Nn]ational)\s+[Dd]ay\b")
_UNKNOWN_DAY = re.compile(r"XXXX-(?:WXX-\d|XX-XX)(?:T.+)?$")


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
        kind = "REF" if past and find_ref(ctx, unit) is not None else "DCT"
    if kind == "REF" and (after_unknown := _after_unknown_day(ctx, unit, count)) is not None:
        return after_unknown
    if kind == "REF":
        ref = _told_before_publication(ctx, cand, unit, count) or narrative_ref(ctx, unit)
        if ref is not None and unit == "year" and count == 1 and _season_later_that_year(ref, suffix):
            count = 0  # "meet in early 2013 and stage a live exercise the following summer": 2013's summer
        if ref is not None:
            base, anchor, how = (
                ref.day,
                ref.tid,
                f"reference time {V.format_as(ref.day, ref.grain)} ({ref.tid})",
            )
        elif ctx.refs and V.RANK[ctx.refs[-1].grain] <= V.RANK["year"]:
            # "In March 2008 ... two days later": no day to count from, keep the month ("the 1980s ...
            # later in the week" keeps nothing: a decade is no frame for a week)
            return _coarse_offset(ctx.refs[-1], unit, count, sign)
    if base is None and ctx.dct is not None:
        base, anchor, how = ctx.dct, "dct", f"publication date {ctx.dct.isoformat()}"
    if base is None:
        value = V.unknown_as(unit) + suffix
        return Result(value, None, f"{cand.rule}: no publication date, {unit} left unknown", True, False)
    grain, moved_to = unit, V.shift(base, unit, count)
    if suffix.startswith("@wd"):  # "Thursday last week": that weekday of the week moved to
        moved_to = moved_to + timedelta(days=int(suffix[3:]) - moved_to.isoweekday())
        grain, suffix = "day", ""
    elif suffix.startswith("@"):  # "Seventy years ago today": the years moved, told to the day
        grain, suffix = suffix[1:], ""
    value = V.format_as(moved_to, grain) + suffix
    moved = f" {sign} {abs(count)} {unit}" if count else f", same {unit}"
    present = kind == "DCT" and count == 0
    return Result(value, anchor, f"{how}{moved} = {value}", False, not present)


def _season_later_that_year(ref: Reference, suffix: str) -> bool:
    """Does "the following summer" still lie in the reference's year (told after a month or a day before
    it, or after "early 2013"), rather than in the next one ("In 1997 ... the following spring")?"""
    season = suffix.lstrip("-")
    if season not in V.SEASON_START or season == "WI":
        return False
    if ref.grain == "year":
        return ref.early
    return ref.grain in ("month", "day", "week") and ref.day.month < V.SEASON_START[season]


def _told_before_publication(ctx: Context, cand: Candidate, unit: str, count: int) -> Reference | None:
    """In a past-tense clause, "the next day" cannot lie after the publication date: when the latest
    reference would put it there (the end of "runs from Aug. 11 to Aug. 24"), the latest one that does not."""
    if count <= 0 or ctx.dct is None:
        return None
    rank = V.RANK.get(unit, 0)
    fits = [r for r in ctx.refs if V.RANK[r.grain] <= rank]
    if not fits or V.shift(fits[-1].day, unit, count) <= ctx.dct:
        return None
    if clause_tense(ctx.text, cand.start, cand.end, ctx.grammar.tense) != "past":
        return None
    return next((r for r in reversed(fits) if V.shift(r.day, unit, count) <= ctx.dct), None)


_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30.44, "season": 91.31, "quarter": 91.31}
_DAYS |= {"half": 182.6, "year": 365.25, "decade": 3652.5, "century": 36525}


_UNKNOWN_WEEKDAY = re.compile(r"XXXX-WXX-(\d)")


def _after_unknown_day(ctx: Context, unit: str, count: int) -> Result | None:
    """ "on Friday ... the following day" with no publication date: counted from the unknown Friday (a
    Saturday of an unknown week, XXXX-WXX-6), never from an older year the text named before it."""
    if ctx.unknown_day is None or unit not in ("day", "week"):
        return None
    end, value = ctx.unknown_day
    if any(r.end > end and V.RANK[r.grain] <= V.RANK[unit] for r in ctx.refs):
        return None  # a concrete date as fine was told since (a year told since is no day to count from)
    weekday = _UNKNOWN_WEEKDAY.match(value)
    if unit == "day" and weekday and abs(count) < 7:  # (the week stays unknown: Monday - 1 day is a Sunday)
        moved = f"XXXX-WXX-{(int(weekday.group(1)) + count - 1) % 7 + 1}"
        return Result(
            moved, None, f"{count:+d} day from a weekday of an unknown week ({value}) = {moved}", True, False
        )
    return Result(V.unknown_as(unit), None, f"{count:+d} {unit} from an unknown day ({value})", True, False)


def _coarse_offset(ref: Reference, unit: str, count: int, sign: str) -> Result:
    """An amount counted from a reference coarser than its unit keeps the reference's granularity: the
    text names no day to count from, so none is invented. The amount moves the reference only by the whole
    periods it rounds to ("two days later" than March 2008 is 2008-03; "six weeks later" 2008-04)."""
    periods = count * _DAYS.get(unit, 1) / _DAYS.get(ref.grain, 1)
    steps = int(abs(periods) + 0.5 - 1e-9) * (-1 if periods < 0 else 1)  # half a period stays put
    value = V.format_as(V.shift(ref.day, ref.grain, steps), ref.grain)
    told = V.format_as(ref.day, ref.grain)
    how = f"reference time {told} ({ref.tid}) {sign} {abs(count)} {unit}, kept at {ref.grain} = {value}"
    return Result(value, ref.tid, how, False, False)


def _paragraph_breaks(text: str) -> int:
    return len(re.findall(r"\n\s*\n", text)) + (1 if "\n" in text and not re.search(r"\n\s*\n", text) else 0)


def _clock(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "at 1:30 p.m.": the day under discussion in this paragraph, or a past day told in the one before
    ("... on Wednesday. / The hearing, which opened at 2:15 p.m., ..."), else the publication date."""
    ref = find_ref(ctx, "day")
    between = ctx.text[ref.end : cand.start] if ref is not None else ""
    breaks = _paragraph_breaks(between)
    past_ref = ref is not None and (ctx.dct is None or ref.day <= ctx.dct)
    if ref is not None and ref.grain == "day" and (breaks == 0 or (breaks == 1 and past_ref)):
        return Result(ref.day.isoformat() + m[1], ref.tid, f"clock time on the reference day ({ref.tid})")
    if ctx.dct is not None:
        return Result(ctx.dct.isoformat() + m[1], "dct", "clock time on the publication date", False, False)
    return Result(cand.value, None, "clock time, no day known", True, False)


def _holiday_in_year(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "Thanksgiving 2015": a movable holiday in a stated year."""
    day = movable_day(m[2], int(m[1]))
    if day is None:
        return Result("", None, "not a holiday rule")
    return Result(day.isoformat(), None, f"{cand.rule}: {m[2]} in {m[1]}")


def _national(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "Malta's Independence Day": the day of the country named before it; unknown country -> XXXX-XX-XX."""
    # (the country may be named inside the expression: "the eve of Ukraine's Independence Day")
    own = _NATIONAL_DAY_RE.search(ctx.text, cand.start, cand.end)
    day = national_day(ctx.text, own.start() if own else cand.start, m[2], ctx.grammar.tables)
    if not day:
        return Result("XXXX-XX-XX", None, f"{m[2]} day of a country the lexicon does not date", True, False)
    dated = replace(cand, value=f"{m[1]}-{day}")
    return (
        year_fill(dated, ctx, m) if m[1] == "XXXX" else Result(dated.value, None, f"{cand.rule}: {m[2]} day")
    )


def _absolute(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    concrete = V.parse(cand.value.split("T")[0]) is not None
    return Result(
        cand.value, None, f"{cand.rule}: absolute", False, concrete and cand.type in ("DATE", "TIME")
    )


def _shifted(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "a week from Tuesday", "three days from tomorrow", "the eve of Independence Day": the day named, then
    moved by the amount."""
    inner = _handle(replace(cand, value=m[1]), ctx)
    parsed = V.parse(inner.value)
    if parsed is None or parsed[1] != "day":
        return Result("XXXX-XX-XX", None, f"{cand.rule}: the day it counts from is unknown", True, False)
    value = V.shift(parsed[0], m[2], int(m[3])).isoformat()
    return Result(value, inner.anchor, f"{inner.explanation}, {m[3]} {m[2]} = {value}")


HANDLERS: tuple[tuple[re.Pattern[str], Callable[[Candidate, Context, re.Match[str]], Result]], ...] = (
    (re.compile(r"(.+)>([a-z]+)(?:/pl)?([+-]\d+)"), _shifted),
    (_OFFSET, _offset),
    (_CLOCK, _clock),
    (_WEEKDAY, weekday),
    (re.compile(r"(\d{4})-((?:nth|easter|onafter):.+)"), _holiday_in_year),
    (re.compile(r"(\d{4}|XXXX)-national:(\w+)"), _national),
    (MONTH_ONLY_DAY, day_of_month),
    (re.compile(r"XXXX-.+"), year_fill),
    (re.compile(r".*"), _absolute),
)


def _handle(cand: Candidate, ctx: Context) -> Result:
    """The first handler whose pattern the value fits; an impossible date ("the 31st century" + 1,000
    years) gives an empty value, which is dropped."""
    try:
        return next(h(cand, ctx, m) for rx, h in HANDLERS if (m := rx.fullmatch(cand.value)))
    except (ValueError, OverflowError):
        return Result("", None, "out of the calendar's range")


# Between a clock time and the day it falls on: "2:49 p.m. on Monday", "a midnight deadline on Saturday",
# "6 a.m. local time (0400 GMT) on Sunday".
_ON_DAY = re.compile(
    r"[\s,)]*(?:local\s+time)?[\s,]*(?:\([^().]{0,30}\))?[\s,]*(?:(?:[a-z-]+\s+){1,2}on\s+|on\s+)?\(?"
)


def _day_named_after(text: str, found: list[Candidate], index: int, ctx: Context) -> tuple[str, str] | None:
    """ "at 2:49 p.m. on Monday": the day of the clock time is the day expression right after it (past
    the same time in another zone: "6 a.m. local time (0400 GMT) on Sunday")."""
    cand = found[index]
    for nxt in found[index + 1 : index + 3]:
        if not _ON_DAY.fullmatch(text, cand.end, nxt.start):
            return None
        if nxt.type == "DATE":
            break
        if not _CLOCK.fullmatch(nxt.value):
            return None
        cand = nxt
    else:
        return None
    result = _handle(nxt, ctx)
    parsed = V.parse(result.value)
    if parsed is None or parsed[1] != "day" or result.underspecified:
        return None
    return parsed[0].isoformat(), result.anchor or "dct"


def _anchor(
    cand: Candidate, ctx: Context, found: list[Candidate], index: int, in_range: bool = False
) -> Result | None:
    """The resolved value of one candidate; None when anchoring fails in any way (the tagger never raises
    on a text: one bad expression is dropped, the others are kept)."""
    try:
        nxt = found[index + 1] if index + 1 < len(found) else None
        if (
            nxt is not None
            and (in_range or _RANGE_LINK.fullmatch(ctx.text, cand.end, nxt.start))
            and (start := _range_start(cand, nxt, ctx, found, index))
        ):
            return start
        if cand.type == "SET":
            return Result(cand.value, None, f"{cand.rule}: recurrence", False, False)
        clock = _CLOCK.fullmatch(cand.value)
        if clock and (day := _day_named_after(ctx.text, found, index, ctx)):
            return Result(day[0] + clock[1], day[1], f"clock time on the day named after it ({day[0]})")
        return _handle(cand, ctx)
    except Exception:  # noqa: BLE001 - a defect in one rule must not lose the document
        return None


_RANGE_LINK = re.compile(r"\s*(?:[-‐‑‒–—]|to|through|thru|until|till|and)\s*")
_YEARLESS = re.compile(r"XXXX-(\d\d)(?:-\d\d)?(?:T.+)?")
_RANGE_OPEN = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+$")


def _range_start(
    cand: Candidate, nxt: Candidate, ctx: Context, found: list[Candidate], index: int
) -> Result | None:
    """ "March 20-22", "Dec. 28 to Jan. 3", "between March and October last year": a yearless start takes
    its year from the end (so the two ends of one range never land in different years)."""
    start = _YEARLESS.fullmatch(cand.value)
    month_only = MONTH_ONLY_DAY.fullmatch(cand.value)
    if start is None and month_only is None or nxt.value.startswith("XXXX-W") or nxt.type != "DATE":
        return None
    end = _anchor(nxt, ctx, found, index + 1)
    parsed = V.parse(end.value) if end is not None else None
    if parsed is None or parsed[1] not in ("day", "month"):
        return None
    if month_only is not None:  # "from the 5th to the 9th of August": the month of the end
        first = V.add_months(parsed[0].replace(day=1), -1 if int(month_only[1]) > parsed[0].day else 0)
        value = f"{first.year:04d}-{first.month:02d}-{month_only[1]}"
        return Result(value, end.anchor, f"range start in the month of its end ({end.value}) = {value}")
    year = parsed[0].year - (1 if int(start[1]) > parsed[0].month else 0)
    if (
        nxt.value.startswith("XXXX-")
        and ctx.dct is not None
        and _RANGE_OPEN.search(ctx.text, max(0, cand.start - 9), cand.start)
    ):
        # "opened an exercise that runs from Aug. 11 to Aug. 24" (Aug. 16): a start already past in the
        # year of writing is read on its own; the end then follows it
        alone = V.parse(_handle(cand, ctx).value)
        if alone is not None and alone[0].year > year and alone[0] <= ctx.dct:
            return None
    value = f"{year:04d}{cand.value[4:]}"
    return Result(
        value,
        end.anchor,
        f"range start in the year of its end ({ctx.text[nxt.start : nxt.end]} = {end.value}) = {value}",
    )


def _after_range_start(text: str, cand: Candidate, prev: TimeExpression | None) -> Candidate:
    """ "from Thursday through Saturday", "between March and June": the end is the first after its start."""
    if prev is None or not cand.value.startswith("XXXX-") or cand.dir not in ("", "tense"):
        return cand
    if V.granularity(prev.value) not in ("day", "month") or prev.type != "DATE":
        return cand
    if _RANGE_LINK.fullmatch(text, prev.end, cand.start) and _RANGE_OPEN.search(
        text, max(0, prev.start - 9), prev.start
    ):
        return replace(cand, dir="ref-future")
    return cand


def resolve(text: str, found: list[Candidate], dct: date | None, grammar: Grammar) -> list[TimeExpression]:
    """Anchor every candidate in text order; each resolved DATE may become the next reference time."""
    refs: list[Reference] = []
    out: list[TimeExpression] = []
    unknown_day: tuple[int, str] | None = None
    for index, cand in enumerate(found):
        tense = clause_tense(text, cand.start, cand.end, grammar.tense) if cand.alt_value else None
        if cand.alt_value and (tense == "past-future" and "future" or tense) == cand.alt_when:
            cand = replace(cand, type=cand.alt_type or cand.type, value=cand.alt_value, alt_value=None)
        ctx = Context(text, dct, refs, grammar, unknown_day)  # handlers only read the list: no copy
        cand = _after_range_start(
            text, cand, out[-1] if out and index and out[-1].end == found[index - 1].end else None
        )
        result = _anchor(cand, ctx, found, index, cand.linked)
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
            ref = make_reference(tid, result.value, text, out[-1], grammar)
            if ref is not None:
                refs.append(ref)
        if result.underspecified and _UNKNOWN_DAY.match(result.value):
            unknown_day = (cand.end, result.value)
    return out
