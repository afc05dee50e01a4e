"""The day of an agreement told as its activity still sets the time of its passage.

"Perry and Grachev agreed Monday to hold a joint exercise next fall. The two met for three hours at the
Pentagon." The agreement is no event of its own (``extract._defers``: an agreement to one activity is that
activity), but its "Monday" is when the talks happened, and the next sentence's meeting is dated by it. These
reference-only mentions take part in passage dating and are dropped afterwards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

from pipeline.events.dating import date_mention
from pipeline.events.trigger_rules import TriggerMatch
from pipeline.model import Document, EventMention, Span, TimeExpression

REFERENCE_ONLY = "REFERENCE"
# Between the agreeing verb and its date, and after the date, the infinitive that names the activity:
# "agreed [Monday] to hold", "agreed at the Pentagon [yesterday] to hold".
_BETWEEN_RE = re.compile(r"^(?:\s+(?:at|in|on)\s+(?:the\s+)?[\w.\-]+(?:\s+[A-Z][\w.\-]*)*)?\s+(?:on\s+)?$")
_INFINITIVE_AFTER_RE = re.compile(r"^\s*,?\s*to\s+[a-z]")


def deferred_references(
    found: Sequence[TriggerMatch],
    mentions: Sequence[EventMention],
    dating: Sequence[TimeExpression],
    sentences: Sequence[Span],
    document: Document,
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
) -> list[EventMention]:
    """Reference-only, occurred, dated mentions for the agreements deferred to their activity."""
    text, dct = document.text, document.published
    told = {m.trigger.start for m in mentions}
    starts = [s.start for s in sentences]
    out: list[EventMention] = []
    for match in found:
        if not match.rule.defers_to_activity or match.rule.pos != "verb" or match.start in told:
            continue
        t = next((t for t in dating if t.start >= match.end), None)
        if t is None or not _BETWEEN_RE.match(text[match.end : t.start]):
            continue
        if not _INFINITIVE_AFTER_RE.match(text[t.end : t.end + 12]):
            continue
        index = bisect_right(starts, match.start) - 1
        if index < 0:
            continue
        pseudo = EventMention(
            mention_id=f"{document.doc_id}:{match.start}:{REFERENCE_ONLY}",
            doc_id=document.doc_id,
            sentence=sentences[index],
            trigger=Span(match.start, match.end, text[match.start : match.end]),
            event_type="AGREEMENT",
            status="occurred",
        )
        dated = date_mention(pseudo, t, "clause", by_tid, timexes, text)
        if dct is None or dated.start is None or dated.start <= dct:
            out.append(dated)
    return out
