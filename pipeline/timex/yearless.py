"""Dates named without a year ("in December", "Sept. 12", "on Wednesday", "the third quarter").

The year (or the week) comes from the publication date in the direction the clause points (tense.py), or from
the year the passage is about when an explicit one frames it in the same sentence or paragraph; without a
publication date, from the narrative's year in a past clause only, else it stays unknown (``XXXX``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.timex import values as V
from pipeline.timex.discourse import Context, Reference, Result, find_ref
from pipeline.timex.extract import Candidate
from pipeline.timex.holidays import movable_day
from pipeline.timex.tense import clause_tense, same_sentence, sentence_gap

_WAS_TO = re.compile(r"\b(?:was|were)\s+(?:going\s+)?to\s+(?:[\w-]+\s+){0,7}$", re.IGNORECASE)
MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)(T.+)?")
_MONTH = re.compile(r"XXXX-(\d\d)")
_SEASON = re.compile(r"XXXX-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"XXXX-([QH])(\d)")
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|reported|reports|confirmed|declared|added|stated)"
    r"\s+(?:[\w’'-]+\s+){0,3}(?:on\s+)?$"
)


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


def clause_direction(cand: Candidate, ctx: Context) -> tuple[str, str]:
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
    # (the tense of a "when" clause after the date only with a publication date to read it against)
    tense = clause_tense(ctx.text, cand.start, cand.end, ctx.grammar.tense, hanging=ctx.dct is not None)
    if tense == "past":
        return "past", "past tense: the last one up to"
    if tense == "future":
        return "future", "future/modal: the next one from"
    if tense == "past-future":
        return "past-future", "future seen from the past: the next one from"
    return "nearest", "no tense cue: the nearest to"


def _saying_time(cand: Candidate, ctx: Context) -> Reference | None:
    """ "said in March that the plant would reopen in June": the past date told earlier in the sentence,
    from which "would" looks ahead (None when there is none: the DCT is then the viewpoint)."""
    ref = ctx.refs[-1] if ctx.refs else None
    if ref is None or ctx.dct is None or ref.day > ctx.dct or V.RANK[ref.grain] > V.RANK["month"]:
        return None
    return ref if same_sentence(ctx.text, ref.end, cand.start) else None


def _year_periods(cand: Candidate, year: int) -> tuple[date, date, str, str] | None:
    """(start, end, value, suffix) of the expression in ``year``."""
    try:
        if cand.value.startswith("XXXX-") and (day := movable_day(cand.value[5:], year)):
            return day, day, day.isoformat(), ""
        if m := MONTH_DAY.fullmatch(cand.value):
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


# How close (characters) after a deictic year a yearless date must stand to take that year.
_FRAME_REACH = 40
_DEICTIC_YEAR_RE = re.compile(r"\b(?:last|next|previous|following|coming|past)\s+year$", re.IGNORECASE)


def _narrative_year(cand: Candidate, ctx: Context, direction: str) -> Reference | None:
    """The explicit year the passage is about, when a date named without a year follows it in the same
    sentence, in a paragraph it opens ("In 2008, ... On Aug. 8, tanks crossed..."), or in the next sentence
    of a past narrative ("The war began in 2008. On Aug. 8, ...") and the tense agrees; else None (DCT)."""
    if cand.dir not in ("", "tense") or not ctx.refs or ctx.dct is None:
        return None
    ref = ctx.refs[-1]  # the latest date told: if it is deictic ("last week"), the text is back to now
    gap = sentence_gap(ctx.text, ref.end, cand.start)
    # ... unless a deictic year frames the month right after it: "last year's exercise in August"
    framing_year = (
        gap == 0
        and cand.start - ref.end <= _FRAME_REACH
        and _DEICTIC_YEAR_RE.search(ctx.text, max(0, ref.end - 20), ref.end) is not None
    )
    if (
        not (ref.explicit or framing_year)
        or V.RANK[ref.grain] > V.RANK["year"]
        or ref.purpose
        or ref.modifier
    ):
        # (nor a year something is for: "a work plan for 2010 is to be signed by December", nor a noun's:
        # "reaffirmed their commitment to the 1951 Mutual Defense Treaty during talks on Oct. 2")
        return None
    if ref.day.year == ctx.dct.year:
        return None
    same_paragraph = "\n" not in ctx.text[ref.end : cand.start]
    told_before = ref.setting and gap == 1 and direction == "past"  # "The war began in 2008. On Aug. 8, ..."
    if not (gap == 0 or same_paragraph and (ref.frame or told_before)):
        return None
    if direction.startswith("future" if ref.day.year < ctx.dct.year else "past"):
        return None
    if _REPORTED.search(ctx.text, max(0, cand.start - 45), cand.start):
        return None  # "the company, founded in 1998, said on Aug. 8": the saying is news, not background
    return ref


def year_fill(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "in December", "Sept. 12", "last fall", "the third quarter": the year from the DCT and a direction."""
    direction, how = clause_direction(cand, ctx)
    base, anchor = ctx.dct, "dct"
    if cand.dir == "ref-year" and (ref := find_ref(ctx, "year")) is not None:
        period = _year_periods(cand, ref.day.year)
        if period is not None:
            value = period[2] + period[3]
            return Result(value, ref.tid, f"in the year of the reference time ({ref.tid}) = {value}")
    if cand.dir.startswith("ref-"):
        ref = find_ref(ctx, "month")
        if ref is not None:
            base, anchor = ref.day, ref.tid
    if base is not None and (ref := _narrative_year(cand, ctx, direction)) is not None:
        period = _year_periods(cand, ref.day.year)
        if period is not None:
            value = period[2] + period[3]
            return Result(value, ref.tid, f"in the year the passage is about ({ref.tid}) = {value}")
    if base is None:  # no DCT: a narrative's year serves a past clause (or one without a cue in its
        # paragraph), never a plan ("is due in November"), unless it heads the section
        ref = find_ref(ctx, "year") if cand.dir in ("", "tense") else None
        if ref is not None and not ref.explicit and not ref.heading:
            ref = None  # "since the series began in 2011" bounds a period; it sets no narrative year
        elsewhere = ref is not None and "\n" in ctx.text[ref.end : cand.start]
        if (
            ref is not None
            and not ref.heading
            and (
                direction.startswith("future")
                or elsewhere
                and direction != "past"
                # a year told in another paragraph as a mere modifier ("NATO's 1999 air campaign") sets
                # no narrative year; "In 1999, ..." or "in 1999" does
                or elsewhere
                and not (ref.frame or ref.setting)
            )
        ):
            ref = next((r for r in reversed(ctx.refs) if r.heading), None)  # the section's year, if any
        period = _year_periods(cand, ref.day.year) if ref else None
        if ref is None or period is None:
            return Result(cand.value, None, f"{cand.rule}: no publication date, year unknown", True, False)
        value = period[2] + period[3]
        return Result(value, ref.tid, f"year of the reference time ({ref.tid}) = {value}")
    if direction == "past-future":
        direction = "future"
        if anchor == "dct" and (ref := _saying_time(cand, ctx)) is not None:
            base, anchor = ref.day, ref.tid
        elif _WAS_TO.search(ctx.text, max(0, cand.start - 70), cand.start):
            # "The exercise, which was to be held in August, has been canceled" (October): a plan of the past
            # for the nearest August, not the next one
            direction, how = "nearest", "a plan told in the past: the nearest to"
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


# How far back (characters) a told day may set the week of a weekday in an article without a date.
_NARRATIVE_REACH = 300


def _narrative_day(cand: Candidate, ctx: Context, ref: Reference) -> bool:
    """Without a publication date, a weekday takes the week of a day told just before only in a past
    narrative ("On Oct. 30, 2009, ... On Friday, they flew ..."); a plan ("leaves for Lima on Friday") or a
    day far back is in the unknown week the article was written."""
    if cand.start - ref.end > _NARRATIVE_REACH:
        return False
    return clause_tense(ctx.text, cand.start, cand.end, ctx.grammar.tense) == "past"


def weekday(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "on Wednesday", "last Friday", "the weekend": a day of the DCT's week, or of the one before/after."""
    day_code, suffix = m[1], m[2] or ""
    weekday = 6 if day_code == "WE" else int(day_code)
    base, anchor = ctx.dct, "dct"
    if cand.dir.startswith("ref-") and (ref := find_ref(ctx, "day")) is not None and ref.grain == "day":
        base, anchor = ref.day, ref.tid
    direction, how = clause_direction(cand, ctx)
    if base is None:
        ref = find_ref(ctx, "day") if cand.dir in ("", "tense") else None
        if ref is None or ref.grain != "day" or not _narrative_day(cand, ctx, ref):
            return Result(cand.value, None, f"{cand.rule}: no publication date, week unknown", True, False)
        base, anchor = ref.day, ref.tid
        direction, how = "future", "a past narrative goes on from the day told before: the next one from"
    direction = "future" if direction == "past-future" else direction
    monday = base - timedelta(days=base.weekday())
    days = [monday + timedelta(days=7 * w + weekday - 1) for w in (-1, 0, 1)]

    def fmt(day: date) -> str:
        return V.format_as(day, "weekend") if day_code == "WE" else day.isoformat() + suffix

    if direction == "this":
        return Result(fmt(days[1]), anchor, f"{how} the week of {base.isoformat()}")
    if direction == "future" and day_code != "WE" and not suffix and anchor == "dct":
        # "is scheduled to tour on Friday", written on a Friday: next week's ("Tuesday night" may be tonight)
        direction = "future-strict"
    value = _pick([(d, d, fmt(d)) for d in days], base, base, direction)
    return Result(value, anchor, f"{how} {base.isoformat()} = {value}")
