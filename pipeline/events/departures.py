"""Leaving right after a dated stop: "will visit the troops tomorrow before flying to Vilnius".

A trip's next leg told as "before V-ing" has no date of its own; news means the same day as the stop it
follows, and the same status (a plan stays a plan).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.events.clauses import clause_index
from pipeline.events.dating import date_mention
from pipeline.events.labels import replan
from pipeline.model import EventMention, Span, TimeExpression

# "will visit the troops tomorrow [before flying] to Vilnius": leaving right after a stop.
_BEFORE_GERUND_RE = re.compile(r"^\W*before\s+[a-z]+ing\b", re.IGNORECASE)


def leaving_after(
    mentions: list[EventMention],
    clause_cache: dict[int, list[Span]],
    by_tid: dict[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    text: str,
) -> list[EventMention]:
    """An undated "before V-ing" right after an event dated to the day happens that day, with its status."""
    out = list(mentions)
    for i, m in enumerate(out):
        clauses = clause_cache.get(m.sentence.start) or []
        home = clause_index(clauses, m.trigger.start) if clauses else 0
        if m.date_value is not None or home == 0 or not _BEFORE_GERUND_RE.match(clauses[home].text):
            continue
        lead = [
            o
            for o in out
            if o.sentence.start == m.sentence.start
            and o.timex is not None
            and o.precision == "day"
            and clause_index(clauses, o.trigger.start) == home - 1
        ]
        if not lead:
            continue
        dated = date_mention(
            m, lead[-1].timex, "sentence", by_tid, timexes, text, f"; right after '{lead[-1].trigger.text}'"
        )
        if lead[-1].status == "planned":
            dated = replace(dated, status="planned", label=replan(dated.label))
        out[i] = dated
    return out
