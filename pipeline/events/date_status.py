"""What an event's date says of its status: a plan cannot be dated before the time of writing, an event
dated after it is planned whatever its tense, and a series word with a precise date reports one edition."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from pipeline.events.dating import date_mention, value_interval
from pipeline.events.labels import replan
from pipeline.events.status import is_future_wording, is_timetable, status_cues
from pipeline.model import Document, EventMention

# The opening of a series, right before its date: "since 2004", "began in 2003", "from 2010".
_WILL_AFTER_RE = re.compile(
    r"[^.;]{0,60}?\b(?:will|would|is\s+to|are\s+to|is\s+expected\s+to|are\s+expected\s+to)\b", re.I
)
_RANGE_END_RE = re.compile(r"\s*(?:(?:to|through|until|till)\s|[-–—])", re.IGNORECASE)
_SINCE_WORD_RE = re.compile(r"\b(?:since|began|begun|started|from)\s+(?:[\w’']+\s+){0,4}$", re.IGNORECASE)

# A month or a day, maybe without its year ("XXXX-05-03"; "today" = XXXX-XX-XX without publication date).
_EDITION_VALUE_RE = re.compile(r"^[\dX]{4}-(?:\d{2}(?:-\d{2})?|XX-XX)$")


_PAST_WORDS_RE = re.compile(r"\b(?:last|ago|yesterday|previous|earlier|past|before)\b", re.IGNORECASE)
_YEAR_IN_TEXT_RE = re.compile(r"\b\d{4}\b|'\d{2}\b")
_MONTH_NAME_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:spring|summer|fall|autumn|winter)\b",
    re.IGNORECASE,
)
_MONTH_DAY_RE = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?|-(?:SP|SU|FA|WI))$")


def plan_ahead(mention: EventMention, document: Document, timexes, by_tid, text) -> EventMention:
    """A plan dated by a bare month, day or season the tagger put in the past ("agreed to meet ... in June",
    read in March; "accepted an invitation to visit Moscow in the spring", read in October) is about the next
    one: a plan cannot be dated before the time of writing."""
    t, dct = mention.timex, document.published
    if (
        not (mention.status == "planned" or _cancelled_plan(mention, text))
        or t is None
        or dct is None
        or mention.end is None
        or mention.end >= dct  # ahead, or running now ("this spring" read on March 4)
    ):
        return mention
    m = _MONTH_DAY_RE.match(t.value)
    if not m or t.anchor != "dct" or _YEAR_IN_TEXT_RE.search(t.text) or _PAST_WORDS_RE.search(t.text):
        return mention
    if not _MONTH_NAME_RE.search(t.text):
        return mention  # "Tuesday" is the last or next week's, not next year's
    moved = replace(t, value=f"{int(m.group(1)) + 1}{m.group(2)}")
    start, _, _ = value_interval(moved.value, moved.mod)
    if start is None or start < dct:
        return mention
    dated = date_mention(mention, moved, mention.date_source, by_tid, timexes, text)
    return replace(dated, explanation=dated.explanation + "; a plan: the next one after the publication date")


_PLANNED_ADJECTIVE_RE = re.compile(
    r"\b(?:planned|scheduled|upcoming|proposed)\s+(?:[\w\-]+\s+)?$", re.IGNORECASE
)


def _cancelled_plan(mention: EventMention, text: str) -> bool:
    """A cancelled event told as a plan ("A planned visit ... in October has been postponed"): its month
    is the plan's, ahead of the time of writing."""
    before = text[max(mention.sentence.start, mention.trigger.start - 25) : mention.trigger.start]
    return mention.status == "cancelled" and bool(_PLANNED_ADJECTIVE_RE.search(before))


def status_from_date(mention: EventMention, document: Document, lexicon_dir: Path | None) -> EventMention:
    """An event its own sentence dates after the publication date is planned, whatever the tense.

    Without a publication date, the date's wording decides ("tomorrow", "later this summer").
    """
    if mention.timex is None:
        return mention
    if mention.status == "recurring":
        return _one_edition(mention, document)
    if mention.status not in ("occurred", "ongoing"):
        return mention
    dct = document.published
    if dct is not None and mention.start is not None:
        # "later this year", read in April: ahead, though the year holds the publication date
        future = mention.start > dct or (
            mention.end is not None
            and mention.end > dct
            and _LATER_THIS_RE.match(mention.timex.text) is not None
            and mention.timex.anchor == "dct"
        )
    else:
        cues = status_cues(lexicon_dir)
        future = is_future_wording(mention.timex.text, cues) or (
            mention.precision == "day" and is_timetable(mention.trigger.text, cues)
        )
    if (
        future
        and _PAST_VERB_RE.match(mention.trigger.text)
        and not _MODAL_BEFORE_RE.search(
            mention.sentence.text[: mention.trigger.start - mention.sentence.start]
        )
    ):
        # "Kenyan aircraft struck militant camps two days later": the verb says it happened; a date read
        # after the publication date is the tagger's doubt, not a plan.
        return replace(mention, explanation=mention.explanation + "; past tense: occurred, whatever the date")
    if future:
        return replace(mention, status="planned", label=replan(mention.label))
    return mention


# An exercise told to have begun years before it is written of is a series: exercises last days or weeks
# ("Cope North, the oldest exercise in Pacific Air Forces, began in 1978", "UNITAS began in 1960", "began as a
# bilateral exercise in 1992").
_BEGAN_RE = re.compile(
    r"[^.;]{0,80}?\b(?:began|begun|started|was\s+first\s+(?:held|staged|conducted))\b", re.IGNORECASE
)
_BEGAN_AS_RE = re.compile(
    r"\b(?:began|begun|started)(?:\s+in\s+\d{4})?\s+as\s+(?:a|an)\s+[^;]{0,80}$", re.IGNORECASE
)


def as_series(mention: EventMention, dct: date | None) -> EventMention:
    """An exercise that began years before the time of writing is the series it opened."""
    if (
        mention.event_type != "JOINT_EXERCISE"
        or mention.status != "occurred"
        or dct is None
        or mention.end is None
        or dct.year - mention.end.year < 2
    ):
        return mention
    offset = mention.trigger.start - mention.sentence.start
    if not (
        _BEGAN_RE.match(mention.sentence.text, offset)
        or _BEGAN_AS_RE.search(mention.sentence.text, 0, offset)
    ):
        return mention
    return replace(
        mention, status="recurring", explanation=mention.explanation + "; begun years before: the series"
    )


_LATER_THIS_RE = re.compile(r"^(?:later|later\s+in|the\s+rest\s+of)\s+(?:this|the)\b", re.IGNORECASE)
_PAST_VERB_RE = re.compile(
    r"^(?:\w+ed|met|held|struck|hit|fought|sent|led|took|made|went|came|flew|sailed|spoke|told|began|"
    r"signed|toured|visited|hosted|sat|saw|won|shot|broke|cut|froze|gave|left|drove|rode)\b",
    re.IGNORECASE,
)
_MODAL_BEFORE_RE = re.compile(
    r"\b(?:will|would|shall|to|may|might|could|can|should|must|'ll|’ll)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _one_edition(mention: EventMention, document: Document) -> EventMention:
    """A series word with a precise date reports one edition ("their largest-ever annual exercise, last
    week"): it occurred, or is planned, on that date. "Since 2004" still dates the series itself."""
    t = mention.timex
    assert t is not None
    before = mention.sentence.text[
        max(0, t.start - mention.sentence.start - 30) : t.start - mention.sentence.start
    ]
    since = _SINCE_WORD_RE.search(before)
    if since and since.group().lower().startswith("from"):
        # "from June 18 to 20": a range is one edition's span, not the series' start
        after = mention.sentence.text[t.end - mention.sentence.start :]
        since = None if _RANGE_END_RE.match(after) else since
    if mention.date_source not in ("clause", "sentence") or since:
        return mention
    dct = document.published
    if (
        dct is None
        and _EDITION_VALUE_RE.match(mention.date_value or "")
        and _PAST_VERB_RE.match(mention.trigger.text)
    ):
        # No publication date, but the verb tells it happened: "took part in the annual drill ... May 3-7".
        return replace(mention, status="occurred", label=mention.label.removeprefix("Recurring: "))
    if (
        dct is None
        and _EDITION_VALUE_RE.match(mention.date_value or "")
        and _MODAL_BEFORE_RE.search(mention.sentence.text[: mention.trigger.start - mention.sentence.start])
    ):
        # ... or that it is to come: "will join the crews in an annual exercise in August".
        return replace(mention, status="planned", label=replan(mention.label.removeprefix("Recurring: ")))
    if dct is None or mention.start is None:
        return mention
    if mention.start > dct:
        # A series whose own date lies wholly ahead ("a series of drills next year") has not begun: a plan.
        label = mention.label.removeprefix("Recurring: ")
        return replace(mention, status="planned", label=replan(label))
    this_year = (
        mention.precision == "year" and mention.timex.anchor == "dct" and mention.start.year == dct.year
    )
    if mention.precision not in ("day", "week", "month", "time") and not this_year:
        return mention
    if this_year:
        # "the allies' annual spring drills will be scaled down this year": this year's edition, a plan
        before = mention.sentence.text[: mention.trigger.start - mention.sentence.start]
        after = mention.sentence.text[mention.trigger.end - mention.sentence.start :]
        future = _MODAL_BEFORE_RE.search(before) or _WILL_AFTER_RE.match(after)
        label = mention.label.removeprefix("Recurring: ")
        return replace(mention, status="planned", label=replan(label)) if future else mention
    status = "planned" if mention.start > dct else "occurred"
    label = mention.label.removeprefix("Recurring: ")
    return replace(mention, status=status, label=replan(label) if status == "planned" else label)
