"""The discourse state the resolver keeps while it reads a text: earlier dates it can point back to.

A reference time is a concrete DATE already resolved. Anaphora ("later that year") go back to the most
recent one of sufficient granularity; a date named without a year takes the year of the passage when an
explicit one frames it ("In 2008, ... On Aug. 8"), which is why each reference remembers whether it carries
its own year and whether it opens its sentence or stands alone on its line (a section heading).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.model import TimeExpression
from pipeline.timex import values as V
from pipeline.timex.rules import Grammar
from pipeline.timex.tense import fronted


@dataclass(frozen=True)
class Reference:
    """A concrete earlier DATE the discourse can point back to."""

    tid: str
    day: date  # first day of the period
    grain: str
    end: int = 0  # where its expression ends in the text
    explicit: bool = False  # carries its own year (absolute, or anaphoric to one), not "since 2009"
    heading: bool = False  # alone on its line ("2012" over a list of dated items)
    frame: bool = False  # a heading, or opens its sentence ("In 2008, ..."): sets the passage's year
    setting: bool = False  # "in 2008", "on Aug. 8, 2008": when its sentence happened
    early: bool = False  # "early 2013": the start of its period, before the seasons that follow in it
    purpose: bool = False  # "a work plan for 2010": what something is for, not when the sentence happens
    modifier: bool = False  # "the 1951 Mutual Defense Treaty", "a 2013 work plan": a noun's year
    aside: int | None = None  # inside a closing ", which ..." of the sentence starting here: background


@dataclass(frozen=True)
class Context:
    text: str
    dct: date | None
    refs: Sequence[Reference]
    grammar: Grammar
    # the latest day or week told without a date to count from ("on Friday" with no publication date):
    # (where its expression ends, its value); "the following day" then counts from it, not from an older year
    unknown_day: tuple[int, str] | None = None


@dataclass(frozen=True)
class Result:
    value: str
    anchor: str | None = None
    explanation: str = ""
    underspecified: bool = False
    is_reference: bool = True  # may later expressions point back to it?


def find_ref(ctx: Context, unit: str) -> Reference | None:
    rank = V.RANK.get(unit, 0)
    return next((r for r in reversed(ctx.refs) if V.RANK[r.grain] <= rank), None)


def narrative_ref(ctx: Context, unit: str) -> Reference | None:
    """``find_ref`` for an amount counted from the story's time ("Two weeks earlier", "the next day"): a
    date in a sentence's closing aside ("arrived Monday to inspect a base under the treaty, which entered
    into force Feb. 5") is background; the sentence's own date before it is the time the story is at."""
    rank = V.RANK.get(unit, 0)
    fits = [r for r in ctx.refs if V.RANK[r.grain] <= rank]
    for index in range(len(fits) - 1, -1, -1):
        ref = fits[index]
        if ref.aside is None or not any(q.aside is None and q.end > ref.aside for q in fits[:index]):
            return ref
    return None


_SETTING = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Oo]n)\s+$")
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:the|its|their|it|they|then)\b[^.;,\n]*$", re.IGNORECASE)
_LAST_TIME = re.compile(
    r"\b(?:was|were|had\s+been)\s+last\s+(?:\w+\s+){0,5}(?:in|on|during)\s+$"
    r"|\blast\s+(?:met|held|visited|took\s+place)\s+(?:\w+\s+){0,4}(?:in|on)\s+$",
    re.IGNORECASE,
)
_FOR = re.compile(r"\b[Ff]or\s+$")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)|\w['’]s)\s+$")
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
# A closing non-restrictive relative clause up to a date: ", which entered into force [Feb. 5]."
_ASIDE_BEFORE = re.compile(r",\s+(?:which|who)\s+[^,;:.\n]*?(?:\s(?:in|on|at))?\s+$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”]?\s+(?=[\"“A-Z])|\n")
_SENTENCE_END = re.compile(r"\s*(?:[.;]|$)")
_BOUND = re.compile(r"\b(?:[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Bb]y|[Ff]rom)\s+$")


def make_reference(
    tid: str, value: str, text: str, expr: TimeExpression, grammar: Grammar
) -> Reference | None:
    """A resolved DATE as a reference time; "since 2009" bounds a period and sets no narrative year."""
    parsed = V.parse(value.split("T")[0])
    if parsed is None:
        return None
    day, grain = parsed
    line_start = text.rfind("\n", 0, expr.start) + 1
    line_end = text.find("\n", expr.end)
    alone = not text[line_start : expr.start].strip() and not text[expr.end : line_end].strip(" .:\t")
    # "since 2009", and a year inside a "since" clause ("the fifth exercise since the series began in 2011")
    bound = (
        _BOUND.search(text, max(0, expr.start - 8), expr.start) is not None
        or _SINCE_CLAUSE.search(text, max(0, expr.start - 50), expr.start) is not None
    )
    # ("was last held in 2016" tells when it last happened, not when the passage goes on happening)
    last = _LAST_TIME.search(text, max(0, expr.start - 40), expr.start) is not None
    frame = not last and (alone or fronted(text, expr.start, expr.end, grammar.tense))
    setting = _SETTING.search(text, max(0, expr.start - 8), expr.start) is not None and not last
    grain = "week" if grain == "weekend" else grain
    explicit = expr.anchor != "dct" and not bound
    early = expr.mod in ("START", "EARLY")
    purpose = _FOR.search(text, max(0, expr.start - 8), expr.start) is not None
    modifier = bool(
        grain == "year"
        and _DETERMINER_BEFORE.search(text, max(0, expr.start - 8), expr.start)
        and _WORD_AFTER.match(text, expr.end)
    )
    aside = _ASIDE_BEFORE.search(text, max(0, expr.start - 120), expr.start)
    sentence_start = None
    if aside is not None and _SENTENCE_END.match(text, expr.end):  # (only a closing aside is one)
        breaks = _SENTENCE_BREAK.finditer(text, max(0, expr.start - 400), expr.start)
        opens = max((m.end() for m in breaks), default=0)
        sentence_start = opens if aside.start() > opens else None
    return Reference(
        tid,
        day,
        grain,
        expr.end,
        explicit,
        alone,
        frame,
        setting,
        early,
        purpose,
        modifier,
        sentence_start,
    )
