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
    if not inside:
        return None
    rest = text[inside[-1].end : previous.end]
    if rest.strip(" ,") and not _PLACE_ONLY_RE.fullmatch(rest):
        return None
    t = inside[-1]
    return t if REPORTING_RE.search(text, max(0, t.start - 40), t.start) else None


# ... maybe past its place: "The exercise was announced July 21 [in Seoul] after the first 2+2 meeting"
_PLACE_ONLY_RE = re.compile(
    r"\s*,?\s*(?:in|at)\s+(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*,?\s*"
)


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


# "Russia said Saturday it was suspending its obligations", "announced Feb. 1 that it is withdrawing",
# "announced today that they have suspended": a move announced as under way, or as just done, is made on the
# day it is announced.
_ANNOUNCED_MOVE_RE = re.compile(
    r"^\s*,?\s+(?:that\s+)?(?:it|they|he|she|we|the\s+[\w.'’-]+|[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,2}\s+"
    r"(?:was|were|is|are|has|have)\s+(?:now\s+|formally\s+|also\s+)?$"
)
_SAYING_RE = re.compile(r"\b(?:said|says|announced|announces|declared|stated|confirmed)\s+(?:on\s+)?$")


def announced_move(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The day of the saying, for a move its complement tells as under way ("said Saturday it was
    suspending", "announced today that they have suspended"); not for what "had" happened or "would"
    happen."""
    for t in candidates:
        if not t.start < mention.trigger.start or t.type not in ("DATE", "TIME"):
            continue
        if _SAYING_RE.search(text, max(0, t.start - 20), t.start) and _ANNOUNCED_MOVE_RE.match(
            text[t.end : mention.trigger.start]
        ):
            return t
    return None


# "The State Department has approved a possible sale ..., the agency announced Monday.": a sentence that ends
# with its attribution and a day tells a move just made (present perfect) or under way on that day.
_ATTRIBUTION_END_RE = re.compile(
    r",\s+(?:[\w.'’-]+\s+){1,6}?(?:said|says|announced|confirmed|reported|told\s+reporters)\s+(?:on\s+)?$"
)
_JUST_DONE_RE = re.compile(
    r"\b(?:has|have|is|are)\s+(?:(?:now|formally|already|also|just|officially)\s+)?"
    r"(?:(?:begun|started|opened|launched|\w+ing)\s+)?$"
)


def attributed_at_end(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The day of a closing attribution, for a move its sentence tells as just done or under way, with no
    date of its own."""
    sentence = mention.sentence
    last = [t for t in candidates if mention.trigger.end < t.start and t.type in ("DATE", "TIME")]
    if not last or text[last[-1].end : sentence.end].strip(" .\"”'’"):
        return None
    t = last[-1]
    attribution = _ATTRIBUTION_END_RE.search(text, max(sentence.start, t.start - 80), t.start)
    if attribution is None or attribution.start() < mention.trigger.end:
        return None
    if any(sentence.start <= other.start < attribution.start() for other in candidates):
        return None  # the move has its own date ("are meeting this week ..., he said today")
    return (
        t
        if _JUST_DONE_RE.search(text, max(sentence.start, mention.trigger.start - 40), mention.trigger.start)
        else None
    )


# "..., Quintero said Wednesday [at a planning conference] in Brasilia": the occasion is on the same day.
_AT_OCCASION_RE = re.compile(
    r"\s+(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
    r"(?:[\w.'’\-]+\s+){0,3}$",
    re.IGNORECASE,
)


def said_at_occasion(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The day of a saying, for the occasion it was said at, told right after it."""
    for t in candidates:
        if (
            t.end <= mention.trigger.start
            and t.type in ("DATE", "TIME")
            and REPORTING_RE.search(text, max(0, t.start - 40), t.start)
            and _AT_OCCASION_RE.fullmatch(text, t.end, mention.trigger.start)
        ):
            return t
    return None
