"""Which time expressions of a sentence can govern an event trigger at all (``anchor.py`` then picks the
nearest of them).

A date belongs to the nearest predicate: across another verb trigger, an infinitive, a modal or a question
word it is not this trigger's ("agreed to hold talks in June" dates the talks, not the agreement). Nor does
an event take: the date of the reporting ("..., officials said today"); one pre-modifying a plain noun ("Year
2000 computer glitches") or the verb's object ("suspended a 2001 agreement"); one opening a period for a
single event ("met ... on the first visit since 2009"), unless a perfect names the last one ("the first time
... has visited ... since 2005"); the main clause's day for an event in an "after"/"before" clause ("arrived
on Friday after a port visit to Constanta": earlier), though a wider period holds both ("relations cooled
later that year after Russia invaded Georgia").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.between import MEANS_PURPOSE_RE, PURPOSES_RE, blocked, plan_described
from pipeline.events.clause_roles import (
    FROM_PLACE_RE,
    HANGING_RE,
    SEQUEL_RE,
    closed_relative,
    in_cause,
    own_relative,
    predicate_past_relative,
    relative_clause,
)
from pipeline.events.clauses import clause_index
from pipeline.events.date_modifiers import NEXT_WORD_RE, modified_head
from pipeline.events.plan_dates import plan_date_elsewhere
from pipeline.model import EventMention, Span, TimeExpression

# The date of the reporting, not of the event: "Russia invaded Georgia, officials [said today]".
REPORTING_RE = re.compile(
    r"\b(?:said|says|announced|reported|stated|added|noted|confirmed|disclosed|told reporters|"
    r"told journalists|statement released|statement issued)\s+(?:on\s+|in\s+|at\s+)?$"
    # "..., an official told lawmakers yesterday", "told a Senate panel on Tuesday"
    r"|,[^,;]{0,60}\b(?:told|testified before|briefed)\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w'’.\-]+\s+){1,3}(?:on\s+)?$"
    # "told Congress on Thursday that ...", "told Somali officials on Thursday that": an audience
    r"|\b(?:told|testified\s+before|briefed)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Z][\w'’.\-]*\s+){1,3}"
    r"(?:[a-z][\w'’\-]*\s+)?(?:on\s+)?$"
)
# A date told of a person, a document or an aside, not of the event: "Born in 1961 in Tbilisi, the chief
# studied ...", "In a report released March 22, the GAO found ...".
_BORN_RE = re.compile(r"\bborn\s+(?:in|on)\s+$", re.IGNORECASE)
_RELEASED_RE = re.compile(
    r"\b(?:report|study|review|assessment|paper|document|audit|survey|statement)\s+"
    r"(?:released|published|issued|made\s+public)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_EVENT_NOUN_END_RE = re.compile(
    r"\b(?:a|an|the|joint|bilateral|naval|military)\s+(?:[\w-]+\s+)?(?:exercise|exercises|drill|drills|talks|meeting|"
    r"summit|conference|visit|maneuvers|war\s+games)$",
    re.IGNORECASE,
)
# A relative clause on the subject, closed by a comma before the predicate: "Col. Dorrian, [who took over as
# spokesman in June], said the coalition has conducted airstrikes".
_RELATIVE_OPEN_RE = re.compile(r",\s+(?:[^,;]{0,80}?\s)?(?:who|which|whose|that)\b[^,;]*$")
# ... or a participle aside, unless it starts a series: "The task force, [based here since 1984], has rescued
# hundreds of people" (but "The council, created in 1988, normally meets once a year": the series' start).
_PARTICIPLE_OPEN_RE = re.compile(r",\s+(?:based|stationed|founded|formed|created|established)\b[^,;]*$")
_ADJECTIVE_REF_RE = re.compile(
    r"^(?:the\s+)?(?:current|present|former|future|past|recent|previous)$", re.IGNORECASE
)


# What an event grew out of is earlier and has its own date: "The drill grew out of a video teleconference
# ... in February", "The visit follows talks in Geneva in May".
_GREW_OUT_OF_RE = re.compile(
    r"\b(?:(?:grew|grows|grown|growing|came|comes) out of|stem(?:s|med)? from|result(?:s|ed)? from|"
    r"buil(?:ds|t) on|follow(?:s|ed)\s+(?:a|an|the|his|her|their|its|last|two|three|several)\b|"
    r"(?:was|were) (?:agreed|planned|arranged|conceived|decided) (?:at|during)\b)",
    re.IGNORECASE,
)
_AHEAD_OF_RE = re.compile(
    r"\b(?:ahead of|in advance of|in preparation for|in the run-up to|before)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w\-’']+\s+){0,4}$",
    re.IGNORECASE,
)
_UNTIL_BEFORE_RE = re.compile(
    r"\b(?:through|thru|until|till|ends|ending|concludes|closes|wraps\s+up)\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# "the deployment of U.S. forces to Poland [announced last week]": a participle of the event's own noun
# phrase, no reporting clause of the sentence.
_ANNOUNCED_AS_RE = re.compile(
    r"^[^,;]{0,70}\b(?:announced|unveiled|disclosed|confirmed)\s+(?:on\s+)?$", re.IGNORECASE
)


def _announced_as(trigger: Span, t: TimeExpression, text: str) -> bool:
    return trigger.end <= t.start and bool(_ANNOUNCED_AS_RE.match(text[trigger.end : t.start]))


# A date that opens a period ("the first visit ... since 2009") dates a series or a state, not one event.
# "since 2009", "since the series began in 2011": a date in a "since" phrase or clause bounds a period.
_SINCE_BEFORE_RE = re.compile(
    r"\b(?:since|ever since)\s+(?:the\s+)?$|\bsince\s+(?:the|its|their|it|they)\s+[^.;,:\n]{0,40}$"
    # ("his first since [taking office] in January": the period's start is another act)
    r"|\bsince\s+[a-z]+ing\s+[^.;,:\n]{0,40}$",
    re.IGNORECASE,
)
_TO_RE = re.compile(r"\bto\b", re.IGNORECASE)
_COMPARED_SINCE_RE = re.compile(
    r"\b(?:first|largest|biggest|most|highest|worst|best|\w{3,}est)\b[^.;:]{0,45}\bsince\b"
)
_SINCE_NP_THEN_VERB_RE = re.compile(
    r"since\s+the\s+(?:end|start|fall|collapse|beginning)\s+of\s+the\s+(?:[A-Z][\w\-]*\s+){1,3}[^.;:]*$"
)
_TIME_NOUN_LIST = (
    "week weekend end beginning start middle day days night morning evening afternoon eve weeks month hours"
)
_TIME_NOUNS = frozenset(_TIME_NOUN_LIST.split())
_OF_PHRASES = frozenset(["out", "because", "instead", "ahead", "front", "outside", "inside", "top"])
_STATEMENT_RELEASED_RE = re.compile(r"\bstatement\s+(?:released|issued)\s+(?:on\s+)?$", re.IGNORECASE)
# (or "for" its occasion: "will be here tomorrow [for a working] lunch")
_TO_GAP_RE = re.compile(
    r"^\s*,?\s*(?:to\s+(?:help\s+|jointly\s+)?|for\s+(?:a|an|the|further|more)\s+(?:[\w\-]+\s+){0,2})$",
    re.IGNORECASE,
)
# (a movement's purpose, not what was agreed: "agreed Tuesday to hold an exercise next year")
_MOVING_BEFORE_RE = re.compile(
    r"\b(?:arriv\w*|travel\w*|fly|flies|flew|come|comes|came|go|goes|went|deploy\w*|head\w*|sail\w*|"
    r"return\w*|rotat\w*|move|moves|moved|send|sends|sent|be\s+here|be\s+there|be\s+in)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_PAST_WORD_RE = re.compile(r"\b(?:last|ago|yesterday|earlier|previous|past)\b", re.IGNORECASE)
# "a port call in May, [the first since 1998]": a comparison's period, no date of another clause's series.
_FIRST_SINCE_RE = re.compile(
    r"\bfirst\b[^.;:]{0,50}\bsince\s+(?:the\s+)?(?:[a-z]+ing\s+[^.;,:\n]{0,30})?$", re.IGNORECASE
)
# "the first time a minister [has] visited the Pentagon since 2005": the perfect's "since" names the last one.
# (not "'s": "Mount Whitney's visit" is a possessive)
_PERFECT_BEFORE_RE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PERFECT_INSIDE_RE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+$", re.IGNORECASE)
# A date right after a verb trigger and a determiner names its object ("suspended a [2001] agreement").
_OBJECT_DATE_RE = re.compile(r"^\s+(?:a|an|the|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)
_OF_NOUN_RE = re.compile(r"\b([A-Za-z][\w'’\-]*)\s+of\s+$")


def verb_reading(trig: Span, verbs: Sequence[Span], text: str) -> bool:
    """Is the trigger a verb here? ("with [a meeting] of the ministers": a verb-shaped trigger after a
    determiner is a noun, and so is a gerund with "of": "[Training of Ukrainian units] ... is expected")"""
    return (
        any(v.start == trig.start for v in verbs)
        and not _DETERMINER_BEFORE_RE.search(text, max(0, trig.start - 8), trig.start)
        and not _GERUND_OF_RE.match(trig.text)
    )


def verb_before_later_dates(trig: Span, verbs: Sequence[Span], text: str) -> bool:
    """A verb trigger, for the dates after it, unless its wording ends on its event noun ("take part in
    PANAMAX 2014, a multinational [exercise], which begins Monday")."""
    return verb_reading(trig, verbs, text) and not _EVENT_NOUN_END_RE.search(trig.text)


def eligible(
    mention: EventMention,
    t: TimeExpression,
    clauses: Sequence[Span],
    verbs: Sequence[Span],
    text: str,
    trigger_starts: Sequence[int],
) -> bool:
    """Can this expression of the sentence date this mention at all?"""
    trig = mention.trigger
    noun = (
        not verb_reading(trig, verbs, text)
        # ("take part in Vigilant Eagle 2010, a joint [exercise] to be held Aug. 8-11": a wording that ends on
        # its event noun)
        or bool(t.start >= trig.end and _EVENT_NOUN_END_RE.search(trig.text))
        # ("[the Sept. 14] attacks": a determiner before a date that modifies the word)
        or bool(
            t.end <= trig.start
            and not text[t.end : trig.start].strip()
            and _DETERMINER_BEFORE_RE.search(text, max(0, t.start - 8), t.start)
        )
    )
    described = noun and mention.status in ("planned", "cancelled") and plan_described(trig, t, text)
    if (
        (not described and blocked(trig, t, verbs, text, noun, mention.status == "planned"))
        or wrong_way(mention.status, t)
        or (
            REPORTING_RE.search(text, max(0, t.start - 40), t.start)
            and not _announced_as(trig, t, text)
            and not trig.start
            <= t.start
            < trig.end  # (the saying's own date: "told Congress on Thursday that")
            # ("condemned ... in a statement released Saturday night": the statement's own day)
            and not (
                mention.event_type == "STATEMENT"
                and _STATEMENT_RELEASED_RE.search(text, max(0, t.start - 30), t.start)
            )
        )
    ):
        return False
    if _BORN_RE.search(text, max(0, t.start - 12), t.start):
        return False
    if plan_date_elsewhere(mention, t, text):
        return False
    if in_cause(trig, t, text):
        return False
    if _RELEASED_RE.search(text, max(0, t.start - 40), t.start) and mention.event_type != "STATEMENT":
        return False
    if (
        t.end <= trig.start
        and "," in text[t.end : trig.start]
        and (
            _RELATIVE_OPEN_RE.search(text, max(mention.sentence.start, t.start - 120), t.start)
            or mention.status != "recurring"
            and _PARTICIPLE_OPEN_RE.search(text, max(mention.sentence.start, t.start - 120), t.start)
        )
        and not _RELATIVE_OPEN_RE.search(text, max(mention.sentence.start, trig.start - 120), trig.start)
    ):
        return False  # the date of an aside on the subject, closed before the trigger
    if (
        t.value == "PRESENT_REF"
        and t.text.lower() == "now"
        and t.start > trig.end
        and mention.status == "occurred"
    ):
        return False  # "that meeting is now over": the state of an event named, not its time
    if noun and t.start < trig.start and _AHEAD_OF_RE.search(text, max(t.end, trig.start - 60), trig.start):
        return False  # "met here yesterday, [ahead of] the Trident Juncture exercise": the exercise is later
    if mention.status == "ongoing" and _UNTIL_BEFORE_RE.search(text, max(0, t.start - 12), t.start):
        return False  # "The drills run through Friday": Friday is when a running activity ends
    since = _SINCE_BEFORE_RE.search(text, max(0, t.start - 60), t.start)
    if since and _COMPARED_SINCE_RE.search(text, max(0, since.start() - 50), since.start() + 6):
        # "NATO's largest exercise since the end of the Cold War formally began [today]": a comparison's
        # period, past which the sentence goes on
        since = None if _SINCE_NP_THEN_VERB_RE.match(text, since.start(), t.start) else since
    if (
        since is not None
        and mention.status not in ("recurring", "ongoing")
        and not since.start() <= trig.start < t.start  # "since the group last [met] in 2011": its own date
        and not _PERFECT_BEFORE_RE.search(text, max(0, trig.start - 30), trig.start)
        and not _PERFECT_INSIDE_RE.search(trig.text)  # ("[soldiers have deployed] ... since 2009")
    ):
        return False
    if t.end <= trig.start and trig.text.lower() in ("again", "with"):
        # "met in Baku in early 2018 and again in Helsinki that June", "spoke with X on Tuesday and with Y on
        # Wednesday": the first one's date
        return False
    if (
        mention.event_type == "INVITATION"
        and t.start >= trig.end
        and _TO_RE.search(text, trig.end, t.start)
        and not _PAST_WORD_RE.search(t.text)
        # (a day is the inviting's own: "withdrew its invitation to NATO observers on Monday")
        and not _DAY_VALUE_RE.match(t.value)
    ):
        # "invited the Americans to a festival in Krakow in September": the festival's month ("invited
        # Serdyukov to the Pentagon last year" is when he invited him)
        return False
    first = since and _FIRST_SINCE_RE.search(text, max(0, t.start - 70), t.start)
    if first and not first.start() <= trig.start < t.start:
        return False
    if t.start >= trig.end and _OBJECT_DATE_RE.match(text[trig.end : t.start]) and modified_head(t, text):
        return False
    verbal = not noun or _MODAL_RIGHT_BEFORE_RE.search(text, max(0, trig.start - 20), trig.start)
    # ("will arrive in Georgia next month [to] train Georgian troops": the purpose right after the date)
    purpose = (
        (trig.text.lower().startswith("to ") and not text[t.end : trig.start].strip(" ,"))
        or bool(t.start < trig.start and PURPOSES_RE.match(text, t.end, trig.start))
        or bool(
            t.start < trig.start
            and mention.status != "planned"
            and MEANS_PURPOSE_RE.fullmatch(text, t.end, trig.start)
        )
        or bool(
            t.end <= trig.start
            and _TO_GAP_RE.match(text[t.end : trig.start])
            and _MOVING_BEFORE_RE.search(text, max(0, t.start - 70), t.start)
        )
    )
    if verbal and t.start < trig.start and not purpose and _after_other_verb(t, trig, clauses, verbs):
        # ("will travel to China next week [to meet] suppliers": a purpose right after the date shares it)
        return False  # "Macierewicz, who arrived on Tuesday, toured ... yesterday": Tuesday is the arrival's
    noun_after = NEXT_WORD_RE.match(text[t.end : t.end + 40])
    if (
        t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
        and _ADJECTIVE_REF_RE.match(t.text)
        and noun_after is not None
        and t.end + noun_after.start(1) != trig.start
    ):
        return False  # "discussed [the current] state": another noun's adjective ("a recent meeting" is its)
    if t.start < trig.start and _ORIGIN_RE.match(trig.text):
        return False  # "arrived in Kiev on Sunday [from Moscow]": Sunday is the arrival's; Moscow was before
    home, there = clause_index(clauses, trig.start), clause_index(clauses, t.start)
    if (
        t.start >= trig.end
        and _GREW_OUT_OF_RE.search(text, trig.end, t.start)
        and not predicate_past_relative(clauses, home, there)  # ("..., which followed the coup, is set for")
    ):
        return False  # "The drill [grew out of] a teleconference ... in February": the teleconference's
    if (
        home != there
        and home > 0
        and HANGING_RE.match(clauses[home].text)
        and FROM_PLACE_RE.search(clauses[home - 1].text)
    ):
        return False  # "returned last night from Brussels, [where he attended] the meeting": before that
    if (
        home != there
        and relative_clause(clauses[there], text)
        and not own_relative(trig, clauses[there], text, verb=not noun)
    ) or (home < there and closed_relative(clauses, home, text)):
        # "the latest in a series [that began in 2017]": the series' date, not the meeting's; nor is a
        # relative clause before the trigger its own ("presence, [which began in 2014], and the exercise")
        return False
    if home != there and _DAY_VALUE_RE.match(t.value):
        if there < home and any(SEQUEL_RE.match(c.text) for c in clauses[there + 1 : home + 1]):
            # "arrived on Friday after a port visit": not Friday; "later that year after": yes; nor for
            # what hangs on the "after" clause ("after a stop in Brussels, where he consulted ...")
            return False
        # ("Before flying home Wednesday, the Russians toured the ranges": a fronted one frames the day)
        fronted = there < home and not any(
            mention.sentence.start <= s < clauses[there].start for s in trigger_starts
        )
        if SEQUEL_RE.match(clauses[there].text) and not fronted:
            return False  # "will visit the base before returning home on Friday": Friday is the return's
    if (
        home != there
        and SEQUEL_RE.match(clauses[there].text)
        and any(clauses[there].start <= s < t.start for s in trigger_starts)
        and not described  # ("a port visit, planned before the suspension for June, has been canceled")
    ):
        return False  # "had been in doubt after Obama canceled a planned summit ... next month": the summit's
    of_noun = _OF_NOUN_RE.search(text, max(0, t.start - 40), t.start)
    if (
        of_noun
        and of_noun.end(1) != trig.end
        and of_noun.group(1).lower() not in _TIME_NOUNS
        and of_noun.group(1).lower() not in _OF_PHRASES  # ("what came out of yesterday's dialogue")
    ):
        # "the Aachen treaty of January 22, 2019": the treaty's date, not this event's (but "the week of
        # Sept. 9", "the night of June 3" are times)
        return False
    head = modified_head(t, text)
    # A date modifying a plain noun ("Year 2000 computer glitches") dates no event, unless the noun is a
    # landmark in time ("flew relief missions [after the October 2005 earthquake]").
    # (the noun it modifies is this event's own: "the 2008 war"; another event's: "arranged under the 2011
    # work plan" is the plan's year, not the visit's)
    return (
        head is None
        or head[0] <= trig.start < head[1]
        # a date inside the wording ("departed ... Feb. 10 following a visit"; not "renounced [a 1998] pact")
        or (
            trig.start <= t.start < trig.end
            and not _DETERMINER_BEFORE_RE.search(text, max(0, t.start - 8), t.start)
        )
        or bool(_LANDMARK_RE.search(text, max(0, t.start - 24), t.start))
        or bool(_SINCE_EVENT_RE.search(text, max(0, t.start - 50), t.start))
    )


# "had boycotted the meetings since NATO launched its 1999 air war": the other event starts this one's state.
_SINCE_EVENT_RE = re.compile(r"\bsince\s+(?:[\w’'.\-]+\s+){0,5}$", re.IGNORECASE)
_LANDMARK_RE = re.compile(
    r"\b(?:after|following|during|in the wake of|in the aftermath of)\s+(?:the|a|an|its|their|this|that)\s+$",
    re.IGNORECASE,
)


# A noun-shaped trigger used as a verb: "will [visit] the base on Friday", "to [tour] the yard".
_MODAL_RIGHT_BEFORE_RE = re.compile(
    r"\b(?:will|would|shall|to|'ll|’ll|can|could|may|might|must|should)\s+(?:also\s+|then\s+|later\s+)?$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE_RE = re.compile(r"(?:\b(?:a|an|the)|\w['’]s)\s+$", re.IGNORECASE)
_GERUND_OF_RE = re.compile(r"[A-Za-z]+ing\s+of\b")
_DAY_VALUE_RE = re.compile(r"^[\dX]{4}-(?:[\dX]{2}-[\dX]{2}|W[\dX]{2})")
_COORDINATED_RE = re.compile(r"^\s*(?:[;:]|,?\s*(?:and|but|or)\b)", re.IGNORECASE)
_ORIGIN_RE = re.compile(r"^from\b", re.IGNORECASE)


def _after_other_verb(t: TimeExpression, trig: Span, clauses: Sequence[Span], verbs: Sequence[Span]) -> bool:
    """A date standing after another verb trigger of its clause, before this one, is that verb's adjunct
    (also for a verb coordinated after it: "thanked ... since February 24, and reaffirmed ...")."""
    here, home = clause_index(clauses, t.start), clause_index(clauses, trig.start)
    if home != here and not _COORDINATED_RE.match(clauses[home].text):
        return False  # "met in mid-June in Helsinki, where they worked out ...": the same time
    clause = clauses[here]
    # (a verb whose span holds the date counts too: "flew in Tuesday and met ... on Wednesday")
    return any(clause.start <= v.start < t.start and v.start != trig.start for v in verbs)


def wrong_way(status: str, t: TimeExpression) -> bool:
    """A vague reference pointing the other way cannot date it ("discussed ... plans for future visits")."""
    if t.value == "FUTURE_REF":
        return status in ("occurred", "ongoing", "recurring")
    return t.value in ("PAST_REF", "PRESENT_REF") and status == "planned"
