"""Events still in progress on the publication date: "ongoing" is known only once events are dated.

News reports a trip or an exercise while it runs. Two signs of it, each a rule of the language of reports:
- a trip whose traveller arrived in the last days and who does something else today or later ("Hollins
  arrived in Kiev on Sunday evening ... signed a plan here today ... will fly to Tbilisi tomorrow");
- an activity that began in the last days and whose stated length runs past the publication date ("began a
  two-week maritime exercise today", "departed Sept. 12 for a two-day mission", "scheduled for Feb. 9-16");
- an activity told by its beginning, with no end, in the last months ("the brigade that began arriving in
  January", "has begun renovating a school", "began excavating the site last week"): a report of a start
  says the rest is still to come. Long ago ("began co-developing the interceptor in the 1980s") or in a
  past perfect ("had begun sharing data") it is history.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from pipeline.events.lengths import back_from_end, ended, start_told, stated_length
from pipeline.events.trigger_rules import rule_for
from pipeline.model import EventMention, TimeExpression
from pipeline.timex.interval import value_interval

# How far back an arrival or a start may lie and still be reported as running.
_RECENT_DAYS = 7
# ... and a start told as such ("began arriving in January").
_BEGUN_DAYS = 183
_BEGAN_BEFORE_RE = re.compile(
    r"\b(?<!had )(?:began|begun|started|begins|starts|commenced)\s+(?:to\s+)?"
    r"(?:(?!(?:when|while|as|after|before|and|or|that|which|who|he|she|they|it|we|i)\s)[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)
# ... or inside the trigger: "Russian warplanes [began airstrikes] Sept. 30", read a week later.
# (a launched missile or rocket is over when it lands: "launched a long-range rocket yesterday")
_BEGAN_IN_TRIGGER_RE = re.compile(
    r"(?:began|begun|started|launched)\s+(?!as\b)"
    r"(?!.*\b(?:missiles?|rockets?|satellites?|torpedo(?:es)?|icbms?|drones?|tomahawks?)\b)",
    re.IGNORECASE,
)
_HAD_RE = re.compile(r"\bhad\s+(?:already\s+|just\s+)?$", re.IGNORECASE)  # "had launched": a flashback


def _running(mention: EventMention, dct: date, timexes: Sequence[TimeExpression], text: str) -> bool:
    """Began in the last days and, by its stated length or its dated range, still runs on the DCT."""
    before = text[max(mention.sentence.start, mention.trigger.start - 45) : mention.trigger.start]
    start, end = mention.start, mention.end
    if start is None or start > dct:
        return False  # (told first: it spares the regexes of ``ended``, which would also say no)
    if ended(mention, text):
        return False  # "wrapped up a three-day planning conference here Aug. 6": over
    days = stated_length(mention, timexes, text)
    if days and (end or start) + timedelta(days=days - 1) < dct:
        return False  # "began a four-day naval exercise late last month", read in mid-January: over
    if mention.status == "occurred" and _ends_later(mention, dct, timexes, text):
        return True  # "kicked off June 3 and will end June 15", read on June 12: however long ago it began
    if mention.status == "occurred" and (
        _BEGAN_BEFORE_RE.search(before)
        or (_BEGAN_IN_TRIGGER_RE.match(mention.trigger.text) and not _HAD_RE.search(before))
    ):
        return start >= dct - timedelta(days=_BEGUN_DAYS)  # "began arriving in January", read in March
    if start < dct - timedelta(days=_RECENT_DAYS):
        return False
    if end is not None and mention.precision == "day" and start < end and end > dct:
        return True  # "scheduled for Feb. 9-16", read on Feb. 9 after it began
    if mention.status != "occurred":
        return False  # a plan's stated length is how long it will run, once begun
    return bool(days) and start + timedelta(days=days - 1) >= dct and (start < dct or days > 1)


# The end of a running activity told by its date: "runs through June 20", "until Friday", "ends on the 20th".
_UNTIL_RE = re.compile(
    r"\b(?:through|thru|until|till|to|ends?|ending|conclude[sd]?|concluding|wraps?\s+up)\s+(?:on\s+|the\s+)?$",
    re.IGNORECASE,
)


def _ends_later(mention: EventMention, dct: date, timexes: Sequence[TimeExpression], text: str) -> bool:
    """A date after the publication date in the activity's sentence, told as its end."""
    sentence = mention.sentence
    for t in timexes:
        if not (sentence.start <= t.start < sentence.end) or t.start < mention.trigger.start:
            continue
        if t.type != "DATE" or not _UNTIL_RE.search(text, max(sentence.start, t.start - 25), t.start):
            continue
        start, _, precision = value_interval(t.value, t.mod)
        if start is not None and precision == "day" and start > dct:
            return True
    return False


# How far after an arrival a plan with no person named is still read as the same traveller's.
_NEARBY_CHARS = 600


def _people(mention: EventMention) -> set[str]:
    return {r.actor_id for r in mention.actors if r.kind == "person"}


# A departure still to come, told with the arrival: "arrived Sunday and will leave Friday".
_LEAVES_LATER_RE = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to|is\s+due\s+to|are\s+due\s+to)\s+"
    r"(?:leave|depart|return\s+home|fly\s+home|head\s+home|stay\s+until|remain\s+until)\b",
    re.IGNORECASE,
)


def _trip_goes_on(
    mention: EventMention, others: Sequence[EventMention], dct: date, text: str, lexicon_dir: Path | None
) -> bool:
    """A recent arrival or trip whose traveller acts again today or later in the same report."""
    if mention.event_type != "VISIT" or mention.start is None:
        return False
    if not dct - timedelta(days=_RECENT_DAYS) <= mention.start <= dct:
        return False
    if ended(mention, text):
        return False  # "wrapped up a three-day visit to the Philippines on Friday": that stop is over
    if not _is_trip(mention, lexicon_dir):
        return False
    if _LEAVES_LATER_RE.search(mention.sentence.text):
        return True  # "The officers arrived Sunday and will leave Friday": still there
    for other in others:
        if other is mention or other.start is None or other.start < dct:
            continue
        if other.status not in ("occurred", "planned", "ongoing"):
            continue
        # (not what others do in a clause on the place: "flew to Dire Dawa, where medics ... have treated")
        same_sentence = other.sentence.start == mention.sentence.start and not (
            other.trigger.start > mention.trigger.end
            and _OTHERS_THERE_RE.search(text, mention.trigger.end, other.trigger.start)
        )
        soon = other.start <= dct + timedelta(days=_RECENT_DAYS)
        if soon and (same_sentence or _same_traveller(mention, other)):
            return True
    return False


# A clause on the place with a subject of its own: "flew to Dire Dawa, [where Navy doctors] are running ...";
# "arrived in Tokyo, where he will meet ..." is the traveller's.
_OTHERS_THERE_RE = re.compile(r",\s+where\s+(?!(?:he|she|it|they|we|i)\b)", re.IGNORECASE)


def _is_trip(mention: EventMention, lexicon_dir: Path | None) -> bool:
    """An arrival or a trip (a rule marked as spanning days), not a one-day visit to a place."""
    rule = rule_for(mention.event_type, mention.trigger.text, lexicon_dir)
    return rule is not None and (rule.spans_days or rule.rule_id.startswith("arrive"))


def _same_traveller(mention: EventMention, other: EventMention) -> bool:
    """The same person acts in ``other``; or nobody is named there, close after ("The delegation will
    meet ... tomorrow", "The group leaves on Friday")."""
    if _people(mention) & _people(other):
        return True
    gap = other.sentence.start - mention.sentence.end
    return not _people(other) and 0 <= gap <= _NEARBY_CHARS


# Without a publication date only the words of the dates tell what is recent and what is soon.
_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_TODAY_RE = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_RECENT_RE = re.compile(rf"\b(?:yesterday|last night|earlier this week|{_WEEKDAY})\b", re.IGNORECASE)
_SOON_RE = re.compile(rf"\b(?:today|tonight|tomorrow|later this week|this week|{_WEEKDAY})\b", re.IGNORECASE)


def _running_undated(
    mention: EventMention,
    others: Sequence[EventMention],
    timexes: Sequence[TimeExpression],
    text: str,
    lexicon_dir: Path | None,
) -> bool:
    """The two signs of a running activity in an article without a date: begun today and longer than a
    day ("tied up at 9 a.m. today for a five-day port visit"); an arrival of the last days whose traveller
    has plans for the coming days ("arrived on Sunday ... will tour the base tomorrow")."""
    t = mention.timex
    if t is None:
        return False
    if _TODAY_RE.search(t.text) and (stated_length(mention, timexes, text) or 0) > 1:
        return True
    if (mention.date_value or "").startswith("XXXX") and _BEGAN_BEFORE_RE.search(
        text, max(mention.sentence.start, mention.trigger.start - 45), mention.trigger.start
    ):
        return True  # "began excavating the site last week": a recent start, relative to the unknown day
    if mention.event_type != "VISIT" or not (_RECENT_RE.search(t.text) or _TODAY_RE.search(t.text)):
        return False
    if not _is_trip(mention, lexicon_dir):
        return False
    return any(
        other is not mention
        and other.status == "planned"
        and other.timex is not None
        and _SOON_RE.search(other.timex.text)
        and _same_traveller(mention, other)
        for other in others
    )


_THE_BEFORE_RE = re.compile(r"\b(?:the|this|these)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)


def _said_to_run_on(mention: EventMention, others: Sequence[EventMention], dct: date, text: str) -> bool:
    """A recent start that the next sentences say is still running ("began drills on Tuesday. The drills
    run through Friday."): a later "the <trigger>" of the same type, ongoing and undated."""
    if mention.status != "occurred" or mention.start is None:
        return False
    if not dct - timedelta(days=_RECENT_DAYS) <= mention.start <= dct:
        return False
    for other in others:
        if (
            other.status != "ongoing"
            or other.date_value is not None
            or other.event_type != mention.event_type
        ):
            continue
        gap = other.sentence.start - mention.sentence.end
        if 0 <= gap <= _NEARBY_CHARS and _THE_BEFORE_RE.search(
            text, max(other.sentence.start, other.trigger.start - 30), other.trigger.start
        ):
            return True
    return False


def mark_ongoing(
    mentions: Sequence[EventMention],
    dct: date | None,
    timexes: Sequence[TimeExpression],
    text: str,
    lexicon_dir: Path | None = None,
) -> list[EventMention]:
    """The mentions, with "ongoing" for those reported while they run (occurred or planned before)."""
    out: list[EventMention] = []
    for m in mentions:
        if dct is None:
            running = m.status == "occurred" and _running_undated(m, mentions, timexes, text, lexicon_dir)
        else:
            running = m.status in ("occurred", "planned") and (
                _running(m, dct, timexes, text)
                or _trip_goes_on(m, mentions, dct, text, lexicon_dir)
                or _said_to_run_on(m, mentions, dct, text)
            )
        if running:
            label = m.label.removeprefix("Planned: ")
            m = replace(m, status="ongoing", label=label, explanation=m.explanation + "; still running then")
        elif m.status == "occurred":
            started = start_told(m, timexes, text)
            m = started if started is not m else back_from_end(m, timexes, text)
        out.append(m)
    # A later sentence dated only by its passage speaks of the running one ("The exercise is the first ...").
    running = {(m.event_type, m.date_value) for m in out if m.status == "ongoing"}
    return [
        replace(m, status="ongoing")
        if m.status == "occurred" and m.date_source == "passage" and (m.event_type, m.date_value) in running
        else m
        for m in out
    ]
