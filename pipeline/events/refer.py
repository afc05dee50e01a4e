"""Wordings that refer back to an event told before and take its type.

"The next edition is planned for 2021" (after "have held the exercise every two years"), "next year's round
will be in Canberra" (after "the ministerial talks"), "The rescue drill, held every year ..., will take place
in mid-October": the noun or predicate names no type of its own (rules under ``REFER`` in
event_triggers.yaml); its antecedent is the nearest earlier mention, in the same sentence or the few before,
of a type the wording can refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from pipeline.events.lengths import ended, to_month
from pipeline.events.trigger_rules import TriggerRule
from pipeline.events.types import event_type
from pipeline.model import EventMention, Span

# How many sentences back an antecedent may stand.
REACH = 3


def antecedent(rule: TriggerRule, trigger: Span, earlier: Sequence[EventMention]) -> EventMention | None:
    """The event mention ``trigger`` refers back to among ``earlier`` (those of the last ``REACH``
    sentences and of its own), or None: then it is no mention at all. One told with the same noun comes
    first ("a two-week humanitarian mission ... has come to Vietnam every year ... Next year's mission": the
    mission, not the coming), else the last one told."""
    told = [
        mention
        for mention in earlier
        if mention.trigger.start < trigger.start
        and mention.event_type in rule.refers_to
        and not _inside_closed_aside(mention, trigger)
    ]
    noun = trigger.text.lower().removesuffix("s")
    same_noun = [m for m in told if noun and re.search(rf"\b{re.escape(noun)}", m.trigger.text.lower())]
    return (same_noun or told or [None])[-1]


# A relative clause between commas: "The exercise[, which has been held every year since 2004,] was canceled".
_RELATIVE_ASIDE_RE = re.compile(r",\s+(?:which|who)\b[^,;]*,")


def _inside_closed_aside(mention: EventMention, trigger: Span) -> bool:
    """Whether ``mention`` is told inside a relative clause that closes before ``trigger`` in its sentence:
    the predicate after it speaks of the clause's noun ("was canceled": the exercise, not "held")."""
    sentence = mention.sentence
    if not sentence.start <= trigger.start < sentence.end:
        return False
    for aside in _RELATIVE_ASIDE_RE.finditer(sentence.text):
        start, end = sentence.start + aside.start(), sentence.start + aside.end()
        if start <= mention.trigger.start < end <= trigger.start:
            return True
    return False


def dated_as_antecedent(mention: EventMention, before: Sequence[EventMention]) -> EventMention:
    """A wording that takes no date of its own ("..., set for September, was scrapped last month") is dated
    as the event it tells of: the last mention of its type earlier in its sentence."""
    for other in reversed(before):
        if other.sentence.start != mention.sentence.start:
            break
        if (
            other.event_type == mention.event_type
            and other.timex is not None
            and not _inside_closed_aside(other, mention.trigger)
        ):
            return dated_as(mention, other)
    return mention


def dated_as(
    mention: EventMention, other: EventMention, status: str | None = None, why: str = "the event it tells of"
) -> EventMention:
    """``mention`` with the date of ``other`` and the chain that explains it."""
    return replace(
        mention,
        status=status or mention.status,
        timex=other.timex,
        date_value=other.date_value,
        start=other.start,
        end=other.end,
        precision=other.precision,
        date_source=other.date_source,
        explanation=f"dated as '{other.trigger.text}', {why}: {other.explanation}",
    )


# "was received by the commander on arrival", "Upon their arrival, the cadets were greeted by ...": the day of
# the arrival told before, not another date of the sentence ("... and paid a call on ... on Tuesday").
_ARRIVAL = r"(?:on|upon)\s+(?:(?:his|her|their|its|the\s+[\w.-]+(?:'s?)?)\s+)?arrival\b"
_ARRIVAL_AFTER_RE = re.compile(r"[^;]{0,120}?\b" + _ARRIVAL, re.IGNORECASE)
_ARRIVAL_FRONTED_RE = re.compile(r"\s*" + _ARRIVAL, re.IGNORECASE)


def told_on_arrival(mention: EventMention, text: str) -> bool:
    """The event is told as happening on someone's arrival (after its trigger or fronted in its sentence)."""
    if _ARRIVAL_FRONTED_RE.match(text, mention.sentence.start, mention.trigger.start):
        return True
    return bool(_ARRIVAL_AFTER_RE.match(text, mention.trigger.end, mention.sentence.end))


def dated_as_arrival(mention: EventMention, before: Sequence[EventMention]) -> EventMention:
    """Dated as the last visit told before it within reach; undated otherwise (its passage dates it)."""
    for other in reversed(before):
        if mention.trigger.start - other.trigger.start > 2 * _DEFINITE_REACH:
            break
        arrived = other.status in ("occurred", "ongoing")
        if other.event_type == "VISIT" and other.timex is not None and arrived:
            return dated_as(mention, other)
    return mention


# "signed a joint vision statement ... [during the] trip", "[During the] visit, Carter toured ...": what
# happens during an event told in the sentence has its date.
_DURING_RE = re.compile(
    r"\b(?:during|throughout|in the course of|on the sidelines of|at the end of)\s+"
    r"(?:the|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def dated_during(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """Undated mentions take the date of the dated event of their sentence they are told to happen during."""

    def during(mention: EventMention, out: Sequence[EventMention]) -> EventMention | None:
        for other in out:
            if other is mention or other.timex is None or other.sentence.start != mention.sentence.start:
                continue
            if _DURING_RE.search(
                text, max(mention.sentence.start, other.trigger.start - 40), other.trigger.start
            ):
                return other
        return None

    return _dated_on_trips(borrow_dates(mentions, during, "the event it tells of"), text)


# "Haas' Oct. 5 visit to Tashkent, [where he met] the Uzbek president ..., and two days of talks ... this
# week": what a clause hanging on a trip tells happened on that trip, whatever later date the sentence holds.
_FROM_RE = re.compile(r"\bfrom\s", re.IGNORECASE)
_WHERE_AFTER_RE = re.compile(r"[^;:.()\"“”]{0,80}?,\s+where\s+(?:[\w'’.\-]+\s+){0,5}", re.IGNORECASE)


def _dated_on_trips(mentions: Sequence[EventMention], text: str) -> list[EventMention]:
    """Occurred mentions without a date of their own clause, told in a "where" clause on the dated trip
    right before them, take its date; the month only, when the trip is told by its end ("got back last
    night from a six-nation swing through the Gulf, where he met ...")."""
    out = list(mentions)
    for i, mention in enumerate(out):
        if mention.status != "occurred" or (mention.timex is not None and mention.date_source == "clause"):
            continue
        before = [
            m
            for m in out[:i]
            if m.sentence.start == mention.sentence.start and m.trigger.end <= mention.trigger.start
        ]
        trip = before[-1] if before else None
        if (
            trip is None
            or trip.event_type != "VISIT"
            or trip.timex is None
            or trip.status not in ("occurred", "ongoing")
            or not _WHERE_AFTER_RE.fullmatch(text, trip.trigger.end, mention.trigger.start)
            # (not the place a traveller came from: "arrived Tuesday from Ukraine, where he visited")
            or _FROM_RE.search(text, trip.trigger.end, mention.trigger.start)
        ):
            continue
        dated = dated_as(mention, trip, mention.status, "the trip it happened on")
        out[i] = to_month(dated) if ended(trip, text) else dated
    return out


def borrow_dates(
    mentions: Sequence[EventMention],
    lender: Callable[[EventMention, Sequence[EventMention]], EventMention | None],
    why: str,
) -> list[EventMention]:
    """Undated occurred or planned mentions take the date of the mention ``lender`` finds for them (in text
    order, so a mention dated this way may lend its date to a later one)."""
    out = list(mentions)
    for i, mention in enumerate(out):
        if mention.timex is not None or mention.status not in ("occurred", "planned"):
            continue
        other = lender(mention, out)
        if other is not None:
            out[i] = dated_as(mention, other, mention.status, why)
    return out


# "The visit is his first to a U.S. Army post", right after "will tour Fort Bragg tomorrow": a definite noun
# with no date of its own names the event just told.
# ("During his visit, he will tour ...": a possessive names the event of its owner told before)
_DEFINITE_BEFORE_RE = re.compile(r"\b(?:the|this|that|the same|his|her|their|its)\s+$", re.IGNORECASE)
_DEFINITE_REACH = 400  # characters back to the event a definite noun may name
_SAME_WORD_REACH = 1200  # ... and to one told with the same word


def definite_reference(
    mention: EventMention, told: Sequence[EventMention], text: str, referring: bool = False
) -> EventMention:
    """An undated noun after "the"/"this" in the sentence after a dated mention of its type takes that
    event's date and, for a plan, its status: it speaks of the same event, not of another undated one.
    ``referring``: the wording itself refers back ("About 2,000 troops will take part")."""
    if mention.status not in ("occurred", "planned"):
        return mention
    if mention.timex is not None and mention.date_source != "passage":
        return mention
    start = mention.trigger.start
    if not referring and not _DEFINITE_BEFORE_RE.search(text, max(mention.sentence.start, start - 12), start):
        return mention
    # (news paragraphs are often one sentence: a paragraph break is no barrier)
    # (in its own sentence too, when it is the occasion of another: "who visited Hanoi ..., signed ... during
    # the trip")
    during = _DURING_RE.search(text, max(mention.sentence.start, start - 40), start) is not None
    earlier = [
        other
        for other in told
        if other.trigger.start < (start if during else mention.sentence.start)
        and start - other.trigger.start <= _SAME_WORD_REACH
        and other.event_type in _NAMES.get(mention.event_type, (mention.event_type,))
    ]
    # the event told with the same word first ("the visit" is "the first such visit", not "toured" after it),
    # further back than any other ("a five-day port visit" three paragraphs before "The visit follows ...")
    same = [other for other in earlier if _same_word(mention.trigger.text, other.trigger.text)]
    earlier = [other for other in earlier if start - other.trigger.start <= _DEFINITE_REACH]
    near = [other for other in same if start - other.trigger.start <= _DEFINITE_REACH]
    same = near or same[:1]  # (far back, the story's first such event: its lead)
    for other in reversed(same or earlier):
        if not referring and not _may_name(
            mention.trigger.text, other, event_type(mention.event_type).general_nouns
        ):
            continue
        if other.timex is None or other.status not in ("occurred", "planned", "ongoing"):
            return mention  # ("The exercise follows a port visit in March": the exercise running this week)
        # "signed a memorandum ... The agreement calls for ...": the document of the signing just told
        if other.event_type == mention.event_type:
            return dated_as(mention, other, other.status)
        mention_id = mention.mention_id.rsplit(":", 1)[0] + f":{other.event_type}"
        return replace(
            dated_as(mention, other, other.status),
            event_type=other.event_type,
            mention_id=mention_id,
            label=other.label,
        )
    return mention


# What a definite noun of one type may name: "the agreement" is the document a signing just told.
_NAMES = {"AGREEMENT": ("AGREEMENT", "AGREEMENT_SIGNED")}


def _same_word(noun: str, told: str) -> bool:
    stems = {w[:5] for w in told.lower().split()}
    return any(w[:5] in stems for w in noun.lower().split())


def _may_name(noun: str, told: EventMention, general: frozenset[str]) -> bool:
    """A general noun of the type ("the visit") names any event of it; another noun ("the summit") only one
    told with the same word (not the "discussed" before it)."""
    words = noun.lower().split()
    return bool(words and words[-1] in general) or _same_word(noun, told.trigger.text)
