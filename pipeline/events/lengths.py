"""An activity's stated length and its end: "wrapped up three days of talks today", "a two-week exercise that
began Aug. 13 ... ended Saturday". An activity told by its end day is dated by its first day, from the day
its sentence says it began or from its length counted back; the interval reaches the end."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from pipeline.model import EventMention, TimeExpression
from pipeline.timex.interval import value_interval

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


def stated_length(mention: EventMention, timexes: Sequence[TimeExpression], text: str) -> int | None:
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
            if t.start >= mention.trigger.end and _EARLIER_EVENT_RE.search(
                text, max(0, t.start - 12), t.start
            ):
                continue  # "arrived Monday for a port visit ... after [a four-day] call at Pearl Harbor"
            if "-" in t.text and RELATIVE_OPENER_RE.search(text, mention.trigger.end, t.start):
                # "flew to Dire Dawa, where medics are running a [two-week] program": another noun's length
                continue
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
# The length of another event told before or after this one: "after [a four-day] call at Pearl Harbor".
_EARLIER_EVENT_RE = re.compile(
    r"\b(?:after|before|following)\s+(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE
)
# A relative clause opened after the trigger tells of another noun ("flew to Dire Dawa, where ...").
RELATIVE_OPENER_RE = re.compile(r",\s+(?:where|which|who|whose|when)\b", re.IGNORECASE)
# Verbs that tell the end of an activity: "wrapped up the exercise on Friday" is over.
_ENDED_RE = re.compile(
    r"\b(?:wrapped|concluded|completed|ended|finished|closed|wound|returned)\b(?!-)", re.IGNORECASE
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
    # (not a compound adjective: "held a closed-door session")
    r"^[^;:]{0,90}?\b(?:wrapped up|concluded|completed|ended|finished|closed|wound up|came to an end)\b(?!-)"
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


def back_from_end(mention: EventMention, timexes: Sequence[TimeExpression], text: str) -> EventMention:
    """An activity told by its end day and its length ("wrapped up three days of talks today") covers the
    days up to that end: dated by its first day, the interval reaching the end."""
    if mention.precision != "day" or mention.start is None or mention.start != mention.end:
        return mention
    if not ended(mention, text):
        return mention
    days = stated_length(mention, timexes, text)
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


def start_told(mention: EventMention, timexes: Sequence[TimeExpression], text: str) -> EventMention:
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


_DAY_VALUE_RE = re.compile(r"^(\d{4}-\d{2})-\d{2}")
_UNDERSPECIFIED_DAY_RE = re.compile(r"^(XXXX-\d{2})-\d{2}$")  # a day without a year (no publication date)


def to_month(mention: EventMention) -> EventMention:
    """A day-dated activity that spans days, known to its month (its day is one of several)."""
    m = _DAY_VALUE_RE.match(mention.date_value or "")
    if not m or mention.start is None:
        vague = _UNDERSPECIFIED_DAY_RE.match(mention.date_value or "")
        if vague is None:
            return mention
        return replace(
            mention,
            date_value=vague.group(1),
            precision="month",
            explanation=mention.explanation + "; it spans days: known to the month",
        )
    first = mention.start.replace(day=1)
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    return replace(
        mention,
        date_value=m.group(1),
        start=first,
        end=following - timedelta(days=1),
        precision="month",
        explanation=mention.explanation + "; it spans days: known to the month",
    )
