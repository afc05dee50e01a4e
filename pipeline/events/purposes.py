"""Talks that are the purpose of a planned trip are that trip: "will travel to Warsaw next week for talks with
the minister" is one planned visit, not a visit and a meeting. A trip told as done keeps its talks ("visited
Beijing on March 5 for talks with his counterpart": both happened, and later sentences may tell them apart).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.model import EventMention

# "for talks", "for further talks", "for high-level meetings": the trip's purpose, right before the noun
_FOR_BEFORE_RE = re.compile(r"\bfor\s+(?:(?:the|further|more|new|[\w]+-level)\s+)?$", re.IGNORECASE)
_REACH = 120  # characters from the trip's wording to its purpose


def drop_trip_purposes(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """The mentions without planned talks told as the purpose of a planned trip of their sentence."""
    trips = [m for m in mentions if m.event_type == "VISIT" and m.status == "planned"]

    def purpose(m: EventMention) -> bool:
        if m.event_type != "MEETING" or m.status != "planned":
            return False
        if not _FOR_BEFORE_RE.search(text, max(m.sentence.start, m.trigger.start - 24), m.trigger.start):
            return False
        return any(
            t.sentence.start == m.sentence.start
            and t.trigger.end <= m.trigger.start
            and m.trigger.start - t.trigger.end <= _REACH
            and ";" not in text[t.trigger.end : m.trigger.start]
            for t in trips
        )

    return [m for m in mentions if not purpose(m)]
