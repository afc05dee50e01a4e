"""Predicates coordinated under one subject share a date told with only one of them: "recalled its
representative last month and expelled two officers", "fired on and seized three ships on Sunday"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.refer import borrow_dates
from pipeline.model import EventMention

# Only "and" between the two: "fired on [and] seized", "... last month [and] expelled" (no new subject).
_AND_BETWEEN_RE = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:then\s+|later\s+)?$", re.IGNORECASE)
# (a passive second conjunct too: "flew into the zone on Saturday and were intercepted")
_AND_BEFORE_RE = re.compile(
    r"\s(?:and|or)\s+(?:then\s+|later\s+)?(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?$",
    re.IGNORECASE,
)


def share_conjunct_dates(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """Undated mentions take the date of the predicate they are coordinated with in their sentence."""
    return borrow_dates(
        mentions, lambda mention, out: _sibling(mention, out, text), "the predicate it is coordinated with"
    )


def _sibling(mention: EventMention, mentions: Sequence[EventMention], text: str) -> EventMention | None:
    same = [
        m
        for m in mentions
        if m is not mention
        and m.sentence.start == mention.sentence.start
        and m.timex is not None
        and m.status == mention.status
        and m.date_source in ("clause", "sentence")
    ]
    for other in same:
        if other.trigger.start > mention.trigger.end and _AND_BETWEEN_RE.match(
            text[mention.trigger.end : other.trigger.start]
        ):
            return other  # "fired on and seized three ships on Sunday"
    before = text[mention.sentence.start : mention.trigger.start]
    if not _AND_BEFORE_RE.search(before):
        return None
    earlier = [
        m
        for m in mentions
        if m.sentence.start == mention.sentence.start and m.trigger.end <= mention.trigger.start
    ]
    if not earlier or earlier[-1] not in same:
        return None  # the predicate right before is undated too, or of another status
    last = earlier[-1]
    # nothing but its own words and the "and" between: "recalled X last month and expelled"
    gap = text[last.trigger.end : mention.trigger.start]
    return last if len(gap) <= 120 and not _OTHER_CLAUSE_RE.search(gap) else None


_OTHER_CLAUSE_RE = re.compile(
    r"[;:]|\b(?:who|which|that|when|while|where|after|before|because)\b", re.IGNORECASE
)
