"""Turning a governing time expression into an event date: interval, precision, ranges, "later"/"earlier".

Shared by the anchoring of an event's own sentence (``anchor.py``) and of its passage (``passage.py``).
Intervals come from the tagger's ``pipeline.timex.interval.value_interval`` (one reading of TIMEX3 values
for the whole project).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipeline.model import EventMention, TimeExpression
from pipeline.timex.interval import value_interval

VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_RANGE_LINK_RE = re.compile(r"^\s*(?:[-–—]|to|through|until|till|and)\s*$", re.IGNORECASE)
_LATER_RE = re.compile(r"\blater\b", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)
# A part of day or a clock time: the event is dated by its day ("7 a.m. today", "an afternoon discussion").
_PART_OF_DAY_RE = re.compile(r"^([\dX]{4}-[\dX]{2}-[\dX]{2})T[\w:.]+$")
_CENTURY_RE = re.compile(r"^\d{2}$")
_WEEKDAY_UNKNOWN_RE = re.compile(r"^XXXX-WXX-\d(?:T.*)?$")
# A day or a month whose year is unknown: "XXXX-08-04", "XXXX-XX-XX", "XXXX-08".
_UNKNOWN_YEAR_RE = re.compile(r"^XXXX-(?:\d{2}|XX)(-(?:\d{2}|XX))?(?:T.*)?$")
_SOURCES = {"clause": "same clause", "sentence": "same sentence", "passage": "passage", "dct": "dateline"}


def is_vague(t: TimeExpression) -> bool:
    return t.value in VAGUE_VALUES or t.value.startswith("P")


def range_start(
    t: TimeExpression | None, timexes: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The first date of the range ``t`` closes ("April 27-[May 1, 2008]" -> "April 27"), else ``t``."""
    if t is None:
        return None
    before = [o for o in timexes if o.end <= t.start and o.type == "DATE"]
    if before and _RANGE_LINK_RE.match(text[before[-1].end : t.start]):
        return before[-1]
    return t


def _range_end(t: TimeExpression, timexes: Sequence[TimeExpression], text: str) -> TimeExpression | None:
    """The second date of a range ("June [6]-[8]", "[Nov. 27] to [Dec. 15]"), when ``t`` opens one."""
    for other in timexes:
        if other.start >= t.end and other.type == "DATE":
            return other if _RANGE_LINK_RE.match(text[t.end : other.start]) else None
    return None


def _explain(t: TimeExpression, source: str, extra: str = "") -> str:
    how = t.explanation.strip()
    prefix = f"{t.text} = "
    if how.startswith(prefix):
        how = how[len(prefix) :]
    where = _SOURCES[source]
    return f"dated by '{t.text}' ({where}) = {how or t.value}{extra}"


def date_mention(
    mention: EventMention,
    t: TimeExpression,
    source: str,
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    text: str,
    note: str = "",
) -> EventMention:
    """The mention dated by ``t`` (found in ``source``), with its interval and the chain that explains it."""
    start, end, precision = value_interval(t.value, t.mod)
    extra = note
    second = _range_end(t, timexes, text)
    if second is not None:
        _, second_end, _ = value_interval(second.value, second.mod)
        if second_end and start and second_end >= start:
            end = second_end
            extra += f"; through '{second.text}' = {second.value}"
    window = text[max(0, t.start - 12) : t.end]
    referent = by_tid.get(t.anchor) if t.anchor and t.anchor != "dct" else None
    if referent is not None and start and end:
        r_start, r_end, _ = value_interval(referent.value, referent.mod)
        if _LATER_RE.search(window) and r_end and r_end + timedelta(days=1) <= end and r_end >= start:
            start = r_end + timedelta(days=1)
            extra += f"; 'later' than '{referent.text}' ({referent.value}): from {start.isoformat()}"
        elif (
            _EARLIER_RE.search(window) and r_start and r_start - timedelta(days=1) >= start and r_start <= end
        ):
            end = r_start - timedelta(days=1)
            extra += f"; 'earlier' than '{referent.text}' ({referent.value}): until {end.isoformat()}"
    value = t.value
    if _WEEKDAY_UNKNOWN_RE.match(value):
        # "on Sunday" without publication date: a day of an unknown week, kept as TIMEX3 writes it
        # (XXXX-WXX-7), so the event says as much as its expression; the part of day stays in the timex.
        value, precision = value.split("T")[0], "day"
        extra += f"; a weekday ({t.value}) of an unknown week"
    if precision == "none" and (unknown := _UNKNOWN_YEAR_RE.match(value)):
        # "Aug. 4" without publication date: a day of an unknown year is still a day (it outranks a
        # passage's vaguer date when mentions merge)
        precision = "day" if unknown.group(1) else "month"
    part_of_day = _PART_OF_DAY_RE.match(value)
    if part_of_day:
        # The event is dated by its day; the part of day or clock time stays in the timex.
        value, precision = part_of_day.group(1), "day"
        extra += f"; on the day {value}"
    return replace(
        mention,
        timex=t,
        date_value=value,
        start=start,
        end=end,
        precision=precision,
        date_source=source,
        explanation=_explain(t, source, extra),
    )


def dating_expressions(timexes: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Expressions that can date an event: DATEs and TIMEs (durations and sets cannot), finer than a century
    ("the 21st century" frames an aim, it does not date a meeting)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and t.value and not _CENTURY_RE.match(t.value)]


_SINCE_WORDS_RE = re.compile(r"\b(?:since|began|begun|started|from)\b", re.IGNORECASE)


# Without a publication date an undated event can still be placed relative to the time of writing.
_VAGUE_BY_STATUS = {
    "occurred": "PAST_REF",
    "planned": "FUTURE_REF",
    "ongoing": "PRESENT_REF",
    "recurring": "PRESENT_REF",
}


def vague_when_undated(mention: EventMention) -> EventMention:
    """An event nothing dates, in an article without publication date: its tense still says past, future
    or present (TIMEX3 PAST_REF / FUTURE_REF / PRESENT_REF), which is all a reader can tell of it. The
    evidence is the trigger's own wording, so that span stands as the (vague) dating expression."""
    value = _VAGUE_BY_STATUS.get(mention.status)
    if mention.date_value is not None or value is None:
        return mention
    trig = mention.trigger
    how = f"{trig.text} = {value}: undated, no publication date, its tense ({mention.status}) only"
    tense = TimeExpression(trig.start, trig.end, trig.text, "DATE", value, "tense", explanation=how)
    return replace(
        mention,
        timex=tense,
        date_value=value,
        start=None,
        end=None,
        precision="vague",
        date_source="clause",
        explanation=f"dated by the tense of '{trig.text}' = {value} (undated; no publication date)",
    )


# A date followed by a "when" clause that tells what happened then: "since April, when 11 soldiers died in an
# ambush", "in March 2009, when the first battery deployed".
_WHEN_AFTER_RE = re.compile(r"^,?\s*when\b[^.;:()\[\]]*$", re.IGNORECASE)


def when_clause(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The date a "when" clause holding the trigger hangs on: that clause's events happened at that date,
    whatever the main clause says of it ("deadliest attack since April, when ... died in an ambush")."""
    before = [t for t in candidates if t.end <= mention.trigger.start]
    if not before or before[-1].type != "DATE":
        return None
    t = before[-1]
    return t if _WHEN_AFTER_RE.match(text[t.end : mention.trigger.start]) else None


# The main clause's time told by a "when" clause after it: "will meet his counterpart [when defense ministers
# gather here next Thursday]" (no comma: a comma before "when" opens an aside about a date, handled above).
_WHEN_CLAUSE_AFTER_RE = re.compile(
    r"^[^,.;:()\[\]\"“”]{0,60}?\swhen\s[^,.;:()\[\]\"“”]{0,80}$", re.IGNORECASE
)


_OTHER_PREDICATE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had)\b|\b[a-z]{3,}ed\b", re.IGNORECASE
)


def when_told_after(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The date of a "when" clause right after the trigger's clause, when nothing dates the clause itself."""
    after = [t for t in candidates if t.start >= mention.trigger.end and t.type == "DATE"]
    if not after:
        return None
    t = after[0]
    between = text[mention.trigger.end : t.start]
    if not _WHEN_CLAUSE_AFTER_RE.match(between):
        return None
    # (not when another predicate hangs on it: "The trip [was arranged] when the two spoke by phone last
    # month" dates the arranging)
    head = re.split(r"\swhen\s", between, maxsplit=1, flags=re.IGNORECASE)[0]
    return None if _OTHER_PREDICATE_RE.search(head) else t


def inside_wording(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """A date told inside the trigger's own words after a preposition is its own ("[returned in early June
    for a second patrol]", not the "April 24" of the leaving before it); a name's year ("Desert Aegis 2019")
    or an object's date ("renounced a 1998 pact") is not."""
    words = mention.trigger.text.split()
    first_word_end = mention.trigger.start + len(words[0]) if words else 0
    for t in candidates:
        inside = mention.trigger.start < t.start and t.end <= mention.trigger.end
        adverbial = bool(_ADVERBIAL_BEFORE_RE.search(text, max(0, t.start - 12), t.start)) or (
            # right after the verb: "[arrived Monday for a port visit]" (not a name's year: "BALTOPS 2014")
            0 <= t.start - first_word_end <= 1 and words[0].islower() and not t.value.isdigit()
        )
        if inside and t.type in ("DATE", "TIME") and adverbial:
            return t
    return None


_ADVERBIAL_BEFORE_RE = re.compile(r"\b(?:in|on|at|during|since|until|through|by)\s+$", re.IGNORECASE)


# A sentence opened by a "when" clause: "When they last met, in Washington in December, they discussed ...".
_FRONTED_WHEN_RE = re.compile(r"[\s\"“]*(?:When|While)\s", re.IGNORECASE)


def fronted_when(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The date of a "when" clause that opens the sentence, for the main clause after it: what it tells
    happened then."""
    if not _FRONTED_WHEN_RE.match(text, mention.sentence.start):
        return None
    before = [t for t in candidates if t.end <= mention.trigger.start and t.type in ("DATE", "TIME")]
    if len(before) != 1 or "," not in text[before[0].end : mention.trigger.start]:
        return None
    between = text[before[0].end : mention.trigger.start]
    return before[0] if between.count(",") == 1 and ";" not in between else None


# A relative clause on a series noun that dates one edition: "took part in the annual drill, which Hanoi
# hosted May 3-7".
_WHICH_AFTER_RE = re.compile(r"^,?\s*(?:which|that)\b[^.;:,()\[\]]*$", re.IGNORECASE)


def edition(mention: EventMention, candidates: Sequence[TimeExpression], text: str) -> TimeExpression | None:
    """The date of a relative clause hanging on a series noun: the edition the sentence is about."""
    if mention.status != "recurring":
        return None
    after = [t for t in candidates if t.start >= mention.trigger.end and t.type == "DATE"]
    if not after or not _WHICH_AFTER_RE.match(text[mention.trigger.end : after[0].start]):
        return None
    before = text[mention.sentence.start : mention.trigger.start]
    if _SINCE_WORDS_RE.search(before) or not _PAST_IN_RE.search(text, mention.trigger.end, after[0].start):
        return None  # "Since 2004 ... a joint exercise that rekindles ...": the series, told in the present
    return after[0]


_PAST_IN_RE = re.compile(r"\b(?:\w{3,}ed|held|ran|took|began|met)\b", re.IGNORECASE)

# The new time of a postponed plan: "postponed ... until the fall", "put off to June".
_MOVED_TO_RE = re.compile(
    r"\b(?:postponed?|put\s+off|delayed|moved|pushed\s+back|rescheduled)\b[^.;:]{0,90}?"
    r"\b(?:until|till|to)\s+$",
    re.IGNORECASE,
)


def moved_to(mention: EventMention, candidates: Sequence[TimeExpression], text: str) -> TimeExpression | None:
    """A plan moved to a new time is dated by it ("agreed to postpone the drill, planned for April, until
    the fall": the fall), not by the time it had."""
    if mention.status != "planned":
        return None
    for t in candidates:
        if t.start > mention.sentence.start and _MOVED_TO_RE.search(text, mention.sentence.start, t.start):
            return t
    return None


_PAST_SPAN_RE = re.compile(r"^(?:the\s+)?(?:past|last)\b", re.IGNORECASE)
_SPAN_VALUE_RE = re.compile(r"^P(\d+)(Y|M|W|D|DE)$")


def over_the_past(
    mention: EventMention, timexes: Sequence[TimeExpression], dct: date | None
) -> TimeExpression | None:
    """A series or an ongoing activity "over the past 18 months" began that long before the publication
    date: it is dated by that start, to the month (P18M back from 2015-09-17 is 2014-03; P1Y back from
    2015-03-04 is 2014-03), to the year for decades, to the day for weeks and days, and runs to the
    publication date."""
    if mention.status not in ("recurring", "ongoing") or dct is None:
        return None
    sent = mention.sentence
    for t in timexes:
        if t.type != "DURATION" or not (mention.trigger.end <= t.start < sent.end):
            continue
        m = _SPAN_VALUE_RE.match(t.value)
        if not m or not _PAST_SPAN_RE.match(t.text):
            continue
        n, unit = int(m.group(1)), m.group(2)
        if unit == "DE":
            value = str(dct.year - n * 10)
        elif unit in ("Y", "M"):
            # "over the past year", read on 2015-03-04, began in March 2014 (not in January)
            months = dct.year * 12 + dct.month - 1 - n * (12 if unit == "Y" else 1)
            value = f"{months // 12:04d}-{months % 12 + 1:02d}"
        else:
            value = (dct - timedelta(days=n * (7 if unit == "W" else 1))).isoformat()
        how = f"{t.text} = {t.value} back from the publication date {dct.isoformat()} = {value}"
        return replace(t, type="DATE", value=value, anchor="dct", explanation=how)
    return None


# "Since" with no date of its own: since the time just told ("started in 2003 and has been held every summer
# since", "... twice a year since then").
_BARE_SINCE_RE = re.compile(r"\bsince(?:\s+then)?\s*(?:[.;,!?)”\"]|$)", re.IGNORECASE)
# ... or fronted: "Since then, the navies have exchanged liaison officers".
_FRONTED_SINCE_RE = re.compile(
    r"\W*(?:and\s+|but\s+)?(?:ever\s+)?since\s+(?:then|that\s+time)\b", re.IGNORECASE
)


def since_then(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The start of a series or a state told by a bare "since": the last date before it, in its sentence or
    the sentence before ("... signed a plan for annual staff talks the next year. Those talks have been held
    every year since.")."""
    if mention.status not in ("recurring", "ongoing"):
        return None
    if not (
        _BARE_SINCE_RE.search(text, mention.trigger.end, mention.sentence.end)
        or _FRONTED_SINCE_RE.match(text, mention.sentence.start, mention.trigger.start)
    ):
        return None
    reach = mention.sentence.start - _SINCE_REACH
    earlier = [
        t for t in candidates if reach <= t.start and t.end <= mention.trigger.start and not is_vague(t)
    ]
    return earlier[-1] if earlier else None


_SINCE_REACH = 250  # characters before its sentence in which a bare "since" finds its date


# A verb told in the past ("discussed", "met"), not after a modal.
_PAST_VERB_START_RE = re.compile(
    r"(?:\w+ed|met|held|spoke|took|went|came|flew|saw|sent|led|made|gave|told|sat|won)\b", re.IGNORECASE
)
_MODAL_NEAR_RE = re.compile(r"\b(?:will|would|to|shall|may|might|could|can|must|should)\s+(?:\w+\s+)?$")


def later_than_past_verb(mention: EventMention, t: TimeExpression, text: str, dct: date | None) -> bool:
    """A date after the publication date, following a verb in the past ("discussed the upcoming NATO
    summit in Warsaw next month", "signed an agreement extending the program through 2001"), is not that
    verb's: what was discussed or agreed lies ahead, the discussing and the signing do not."""
    if dct is None or t.anchor not in ("dct", None) or t.start < mention.trigger.end:
        return False  # (an anaphor read after it may be the tagger's doubt: "struck two days later")
    if not _PAST_VERB_START_RE.match(mention.trigger.text):
        return False
    if _MODAL_NEAR_RE.search(text, max(0, mention.trigger.start - 20), mention.trigger.start):
        return False
    start, _, _ = value_interval(t.value, t.mod)
    return start is not None and start > dct
