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
_DURATION_RE = re.compile(r"^P(\d+(?:\.\d+)?)([DWM])$")
_DAYS_PER_UNIT = {"D": 1, "W": 7, "M": 30}
# Duration adjectives the tagger may leave inside a trigger ("a two-week exercise").
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_ADJECTIVE_RE = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(day|week|month)\b", re.IGNORECASE
)
_WEEKLONG_RE = re.compile(r"\bweek-?long\b", re.IGNORECASE)


def _days(value: str) -> int | None:
    m = _DURATION_RE.match(value)
    return round(float(m.group(1)) * _DAYS_PER_UNIT[m.group(2)]) if m else None


def _stated_length(mention: EventMention, timexes: Sequence[TimeExpression], text: str) -> int | None:
    """Days the activity is said to last: a duration in its sentence next to it, or in its own wording."""
    sentence = mention.sentence
    for t in timexes:
        if t.type == "DURATION" and sentence.start <= t.start < sentence.end:
            gap = t.start - mention.trigger.end if t.start >= mention.trigger.end else 0
            if _OFFSET_AFTER_RE.match(text[t.end : t.end + 12]):
                continue
            if (
                t.start >= mention.trigger.end
                and _OF_RE.match(text, t.end)
                and not _FOR_LENGTH_RE.search(text, mention.trigger.end, t.start)
                # ("wrapped up Garuda Shield on Aug. 12 [after two weeks] of jungle training": its own length)
                and not _AFTER_LENGTH_RE.search(text, max(0, t.start - 8), t.start)
            ):
                continue  # "The signing capped [three days] of talks": the length of the noun after it
            if t.end <= mention.trigger.start and _ENDED_RE.search(text, t.end, mention.trigger.start):
                continue  # "[five-day] port call ... ended Sunday with a passing exercise": the call's length
            if mention.trigger.start - 60 <= t.start and gap <= 60:
                days = _days(t.value)
                if days and days > 1:
                    return days
    words = text[max(sentence.start, mention.trigger.start - 14) : mention.trigger.end]  # its own words
    m = _ADJECTIVE_RE.search(words)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
        return n * _DAYS_PER_UNIT[m.group(2)[0].upper()]
    return 7 if _WEEKLONG_RE.search(words) else None


_AFTER_LENGTH_RE = re.compile(r"\bafter\s+$", re.IGNORECASE)
# Verbs that tell the end of an activity: "wrapped up the exercise on Friday" is over.
_ENDED_RE = re.compile(
    r"\b(?:wrapped|concluded|completed|ended|finished|closed|wound|returned)\b", re.IGNORECASE
)
# ... or stand before its noun: "wrapped up [a three-day planning] conference", "The signing capped [three
# days of] talks" (what caps an activity is its last moment, not an activity that ended).
_ENDED_BEFORE_RE = re.compile(
    r"\b(?:wrapped up|concluded|completed|ended|finished|closed|wound up|capped|capping|caps|crowned|"
    r"culminated|topped off|rounded off)\s+(?:[\w\-]+\s+){0,4}$"
    # ("the ministerial, which ended yesterday after two days of [talks]")
    r"|\b(?:ended|concluded|closed|wrapped up)\b[^.;:]{0,30}\bafter\s+(?:[\w\-]+\s+){1,3}of\s+$"
    # ("who returned June 7 from a nine-day [trip]": the trip ended then)
    r"|\b(?:returned|returns|got\s+back|came\s+back|flew\s+back)\b[^.;:]{0,30}\bfrom\s+"
    r"(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# ... or stand right after it: "Two days of talks [ended] Wednesday", "the conference concluded Tuesday".
_ENDED_AFTER_RE = re.compile(
    r"^[^;:]{0,90}?\b(?:wrapped up|concluded|completed|ended|finished|closed|wound up|came to an end)\b"
    # (past an apposition: "Khaan Quest 2006, the exercise co-hosted by ..., wrapped up Saturday")
    r"|^,\s[^;:,]{0,110},\s+(?:wrapped up|concluded|completed|ended|finished|closed|wound up)\b",
    re.IGNORECASE,
)
# ... not another subject's end: "is the first minister to visit since [the war] ended in 1975".
_OTHER_SUBJECT_RE = re.compile(
    r"\b(?:since|when|after|before|until|because|while|as)\s+(?:the|a|an|its|their|his|her|this|that)\s+"
    r"(?:[\w'’\-]+\s+){1,3}(?:wrapped up|concluded|completed|ended|finished|closed|wound up|came to an end)"
    r"\b$",
    re.IGNORECASE,
)
# A duration that is an offset, not a length: "two weeks after it began", "three days later".
_OFFSET_AFTER_RE = re.compile(r"^\s*(?:after|before|later|earlier|ago|on)\b", re.IGNORECASE)
_OF_RE = re.compile(r"\s+of\b")
# ... unless the activity lasts it: "arrived today [for] two days of talks", "to begin two weeks of projects"
_FOR_LENGTH_RE = re.compile(r"\b(?:for|begin|start|spend|during)\b", re.IGNORECASE)


def ended(mention: EventMention, text: str) -> bool:
    """Is the activity told by its end ("wrapped up three days of talks", "the drill ended Friday")?"""
    before = text[max(mention.sentence.start, mention.trigger.start - 45) : mention.trigger.start]
    after = text[mention.trigger.end : min(mention.sentence.end, mention.trigger.end + 130)]
    closing = _ENDED_AFTER_RE.match(after)
    return bool(
        _ENDED_RE.search(mention.trigger.text)
        or _ENDED_BEFORE_RE.search(before)
        or (closing and not _OTHER_SUBJECT_RE.search(closing.group()))
    )


def _back_from_end(mention: EventMention, timexes: Sequence[TimeExpression], text: str) -> EventMention:
    """An activity told by its end day and its length ("wrapped up three days of talks today") covers the
    days up to that end: dated by its first day, the interval reaching the end."""
    if mention.precision != "day" or mention.start is None or mention.start != mention.end:
        return mention
    if not ended(mention, text):
        return mention
    days = _stated_length(mention, timexes, text)
    if not days or days < 2 or days > 31:
        return mention
    first = mention.start - timedelta(days=days - 1)
    return replace(
        mention,
        date_value=first.isoformat(),
        start=first,
        explanation=f"{mention.explanation}; {days} days ending then: from {first.isoformat()}",
    )


# A start told beside the end: "wrapped up Saturday after two weeks of training [that began] Aug. 13",
# "[joined] the warships Sept. 14 for Northern Eagle 2011, ... that ended Sunday".
_STARTED_BEFORE_RE = re.compile(
    r"\b(?:began|begun|started|opened|kicked\s+off|joined)\b[^.;:]{0,40}?\s(?:on\s+)?$", re.IGNORECASE
)


def _start_told(mention: EventMention, timexes: Sequence[TimeExpression], text: str) -> EventMention:
    """An activity told by its end day whose sentence also tells the day it began is dated by that day, the
    interval reaching the end."""
    if mention.precision != "day" or mention.start is None or not ended(mention, text):
        return mention
    sentence = mention.sentence
    for t in timexes:
        if t.type != "DATE" or not sentence.start <= t.start < sentence.end:
            continue
        first, _, grain = value_interval(t.value, t.mod)
        if (
            grain == "day"
            and first is not None
            and mention.start - timedelta(days=62) <= first < mention.start
            and _STARTED_BEFORE_RE.search(text, max(sentence.start, t.start - 60), t.start)
        ):
            return replace(
                mention,
                date_value=first.isoformat(),
                start=first,
                end=max(mention.end or mention.start, mention.start),
                explanation=f"{mention.explanation}; begun {t.text!r}: from {first.isoformat()}",
            )
    return mention


def _running(mention: EventMention, dct: date, timexes: Sequence[TimeExpression], text: str) -> bool:
    """Began in the last days and, by its stated length or its dated range, still runs on the DCT."""
    before = text[max(mention.sentence.start, mention.trigger.start - 45) : mention.trigger.start]
    start, end = mention.start, mention.end
    if start is None or start > dct:
        return False  # (told first: it spares the regexes of ``ended``, which would also say no)
    if ended(mention, text):
        return False  # "wrapped up a three-day planning conference here Aug. 6": over
    days = _stated_length(mention, timexes, text)
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
        same_sentence = other.sentence.start == mention.sentence.start
        soon = other.start <= dct + timedelta(days=_RECENT_DAYS)
        if soon and (same_sentence or _same_traveller(mention, other)):
            return True
    return False


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
    if _TODAY_RE.search(t.text) and (_stated_length(mention, timexes, text) or 0) > 1:
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
            started = _start_told(m, timexes, text)
            m = started if started is not m else _back_from_end(m, timexes, text)
        out.append(m)
    # A later sentence dated only by its passage speaks of the running one ("The exercise is the first ...").
    running = {(m.event_type, m.date_value) for m in out if m.status == "ongoing"}
    return [
        replace(m, status="ongoing")
        if m.status == "occurred" and m.date_source == "passage" and (m.event_type, m.date_value) in running
        else m
        for m in out
    ]
