"""When a statement or a reported event happened, by the words of its reporting: "..., the ministers said on
Wednesday after their annual talks", "..., Cohen said following the June 9 council meeting"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.clauses import clause_index
from pipeline.events.governs import REPORTING_RE
from pipeline.model import EventMention, Span, TimeExpression


def reported_right_after(
    mention: EventMention, candidates: Sequence[TimeExpression], clauses: Sequence[Span], text: str
) -> TimeExpression | None:
    """Wire style: "..., the ministers said on Wednesday after their annual talks": the talks took place on
    the day of the statement that follows them."""
    home = clause_index(clauses, mention.trigger.start)
    if home == 0 or not re.match(r"^\W*after\b", clauses[home].text, re.IGNORECASE):
        return None
    previous = clauses[home - 1]
    inside = [
        t for t in candidates if previous.start <= t.start < previous.end and t.type in ("DATE", "TIME")
    ]
    if not inside or text[inside[-1].end : previous.end].strip(" ,"):
        return None
    t = inside[-1]
    return t if REPORTING_RE.search(text, max(0, t.start - 40), t.start) else None


# "..., Cohen said following the June 9 council meeting": what he said, he said that day.
_SAID_AFTER_RE = re.compile(
    r"\b(?:said|says|told reporters|told journalists|added|noted|declared)\s+"
    r"(?:after|following|at the end of)\s+",
    re.IGNORECASE,
)


def said_after(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The date of the event a statement was made after, when its sentence says so."""
    if mention.event_type != "STATEMENT":
        return None
    sentence = mention.sentence
    m = _SAID_AFTER_RE.search(text, sentence.start, sentence.end)
    if m is None:
        return None
    after = [t for t in candidates if m.end() <= t.start < min(sentence.end, m.end() + 60)]
    return after[0] if after and not after[0].value.startswith("P") else None
