"""A day of the month named by its ordinal alone ("met the minister on the 5th", ``XXXX-XX-05``).

The month is the one the passage is about when a day or month was told shortly before in the same paragraph
("arrived on Sept. 3 and ... on the 5th"); a day told after the last one with "to"/"through"/"until" that is
smaller than it is in the next month ("from Aug. 28 through the 2nd"). Otherwise the month is the
publication month, or the one before or after it in the clause's tense. Without either, the month stays
unknown and the value underspecified.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.timex import values as V
from pipeline.timex.discourse import Context, Result, find_ref
from pipeline.timex.extract import Candidate
from pipeline.timex.yearless import clause_direction

__all__ = ["MONTH_ONLY_DAY", "day_of_month"]

MONTH_ONLY_DAY = re.compile(r"XXXX-XX-(\d\d)")
# How far back (characters) the day or month a passage is about may have been told.
_PASSAGE_REACH = 400
_FORWARD = re.compile(r"\b(?:to|through|thru|until|till)\s+$", re.IGNORECASE)


def _in_month(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "the 31st" in a 30-day month
        return None


def _month_after(day: date) -> tuple[int, int]:
    shifted = V.add_months(day.replace(day=1), 1)
    return shifted.year, shifted.month


def day_of_month(cand: Candidate, ctx: Context, m: re.Match[str]) -> Result:
    """ "on the 5th": that day in the passage's month, else in the publication month's neighbourhood."""
    day = int(m[1])
    ref = find_ref(ctx, "month")
    if (
        ref is not None
        and cand.start - ref.end <= _PASSAGE_REACH
        and "\n\n" not in ctx.text[ref.end : cand.start]
    ):
        year, month = ref.day.year, ref.day.month
        if (
            ref.grain == "day"
            and day < ref.day.day
            and _FORWARD.search(ctx.text, max(0, cand.start - 12), cand.start)
        ):
            year, month = _month_after(ref.day)
        if (found := _in_month(year, month, day)) is not None:
            value = found.isoformat()
            return Result(
                value, ref.tid, f"day {day} of the month the passage is about ({ref.tid}) = {value}"
            )
    if ctx.dct is None:
        return Result(cand.value, None, f"{cand.rule}: no publication date, month unknown", True, False)
    direction, how = clause_direction(cand, ctx)
    months = [V.add_months(ctx.dct.replace(day=1), k) for k in (-1, 0, 1)]
    days = [d for first in months if (d := _in_month(first.year, first.month, day)) is not None]
    if direction.startswith("past"):
        chosen = max((d for d in days if d <= ctx.dct), default=days[0])
    elif direction.startswith("future"):
        chosen = min((d for d in days if d >= ctx.dct), default=days[-1])
    else:
        chosen = min(days, key=lambda d: abs((d - ctx.dct).days))
    value = chosen.isoformat()
    return Result(value, "dct", f"{how} publication date {ctx.dct.isoformat()} = {value}")
