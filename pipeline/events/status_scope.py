"""Which words a status cue may see: a trigger's own words, without asides, dates or the next predicate.

``status.decide_status`` reads cues ("will", "annually", "cancelled") around a trigger. In news sentences
several events share a clause: "invited the partners to send observers and agreed to hold biannual
consultations", "a conference ... for a joint exercise to be held next summer", "The exercise, part of the
annual BALTOPS series, included ...". These helpers cut the text a cue may come from to the trigger's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.events.status import StatusCues, _has, _words, decide_status
from pipeline.events.trigger_rules import TriggerMatch
from pipeline.model import Span, TimeExpression
from pipeline.timex.interval import value_interval

# "to" + a word after a verb opens its infinitive complement; further off an object may stand between
# ("invited the seven Dialogue partners [to send] observers").
_WORD_RE = re.compile(r"[\w'’\-]+")
_TO_NEXT_RE = re.compile(r"\s+[a-zA-Z]")
# A second verb of the same subject: "invited the partners ... [and agreed] to hold biannual consultations";
# or a participle describing the object: "put on hold the activities with Russia [planned for] this fall".
_NEXT_PREDICATE_RE = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+)?[a-z]+ed\b|\s(?:planned|scheduled|slated|set|due)\s+for\b", re.IGNORECASE
)


# "The exercise, [part of the annual BALTOPS series,] included ...": the aside's frequency is the series'.
# ... or the rhythm the series keeps: "The talks, [held annually since 1994,] took place Oct. 12-13".
_SERIES_ASIDE_RE = re.compile(
    r",\s+(?:part of|the latest in|the latest of|one of|the \w+ (?:in|of))\s+[^,;]{0,80}?"
    r"\b(?:series|cycle|program|programme|rotation)\b[^,;]{0,20},"
    r"|,\s+(?:held|conducted|staged|convened|organized|organised)\s+(?:annually|yearly|regularly|biennially|"
    r"every\s+(?:year|two\s+years|other\s+year|summer|spring|fall|autumn|winter)|each\s+year|twice\s+a\s+year)"
    r"(?:\s+since\s+[^,;]{1,24})?,",
    re.IGNORECASE,
)


def series_asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the asides of a clause that name the series its event belongs to."""
    return [(m.start(), m.end()) for m in _SERIES_ASIDE_RE.finditer(text, start, end)]


def blank(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> str:
    """``text[start:end]`` with each span (sorted, not overlapping) replaced by its stand-in."""
    out, at = [], start
    for a, b, filler in spans:
        if a >= end or b <= start or a < at:
            continue
        out.append(text[at:a])
        out.append(filler)
        at = min(b, end)
    out.append(text[at:end])
    return "".join(out)


def status_hidden(
    asides: Sequence[tuple[int, int]], timexes: Sequence[TimeExpression], trigger_start: int, text: str
) -> list[tuple[int, int, str]]:
    """What status cues must not see: series asides (a comma stands in) and the words of dates ("next" in
    "next fall" is no plan of the event near it; vague "the future" is kept: "future visits"; so is a date
    owning the trigger: "today's visit") and of durations ("spent [the next six weeks] training")."""
    hidden = [(a, b, ",") for a, b in asides]
    for t in timexes:
        if t.type not in ("DATE", "TIME", "DURATION") or t.value.endswith("_REF"):
            continue
        if (
            t.type != "DURATION"
            and 0 <= trigger_start - t.end <= 3
            and "," not in text[t.end : trigger_start]
        ):
            continue
        start = t.start
        if t.type == "DURATION":
            # (only a stretch of the story; "for decades" stays a cue of habit)
            lead = _DURATION_LEAD_RE.search(text, max(0, t.start - 14), t.start)
            if lead is None and not _DURATION_LEAD_INSIDE_RE.match(t.text):
                continue
            start = lead.start() if lead else start
        hidden.append((start, t.end, _placeholder(text[start : t.end])))
    return sorted(hidden)


# The words that make a duration a stretch of the story: "[the next] six weeks", "[the following] two days".
_DURATION_LEAD_RE = re.compile(r"\b(?:the\s+)?(?:next|following|past|last|coming)\s+$", re.IGNORECASE)
_DURATION_LEAD_INSIDE_RE = re.compile(r"(?:the\s+)?(?:next|following|past|last|coming)\b", re.IGNORECASE)


def _placeholder(words: str) -> str:
    """As many neutral words as the date has, so that cue windows (counted in words) do not move."""
    return " ".join("x" for _ in words.split())


# An infinitive right after a noun trigger is that noun's: "a planning conference for a joint [exercise to
# be held] next summer" plans the exercise, not the conference.
_NOUN_INFINITIVE_RE = re.compile(r"\s*,?\s*to\s+(?:be|take\s+place|begin|start|run|open)\b", re.IGNORECASE)
_OWN_INFINITIVE_RE = re.compile(r"\bto\s+(?:be|take\s+place)\b", re.IGNORECASE)


def noun_end(text: str, match: TriggerMatch, found: Sequence[TriggerMatch], end: int) -> int:
    """Where a noun trigger's own words end: at a later noun trigger of its clause that an infinitive
    follows (that noun's), else at the clause's end."""
    for other in found:
        if not match.end <= other.start < end:
            continue
        if _NOUN_INFINITIVE_RE.match(text, other.end, end) or _OWN_INFINITIVE_RE.search(
            text, other.start, other.end
        ):
            return other.start
    return end


def told_as_past(match: TriggerMatch, timexes: Sequence[TimeExpression], dct: date | None) -> bool:
    """A noun dated right after it by a past date is no part of a plan ("agreed to hold an exercise next
    fall, a follow-up to the Totskoye [exercise] in Russia last September")."""
    if dct is None:
        return False
    for t in timexes:
        if match.end <= t.start <= match.end + 40 and t.type in ("DATE", "TIME"):
            _, end, _ = value_interval(t.value, t.mod)
            return end is not None and end < dct
    return False


def _infinitive_start(text: str, start: int, end: int, reach: int) -> int:
    """Where "to" + a word stands after at most ``reach`` words from ``start`` (end: none). A word scan, not a
    regex with nested repetition: this runs for every verb trigger."""
    words = _WORD_RE.finditer(text, start, min(end, start + 160))
    for i, w in enumerate(words):
        if i > reach:
            break
        if w.group().lower() == "to" and w.start() > start and _TO_NEXT_RE.match(text, w.end(), end):
            return w.start()
    return end


def complement(text: str, start: int, end: int, far: bool = False) -> int:
    """Where a verb's own words end: at its infinitive complement ("agreed [to hold talks annually]", or
    ``far``: "invited the partners [to send observers]") or at a second verb of its subject, else ``end``;
    and inside a relative clause set off by commas, at its closing comma ("The commission, which last
    [met in Geneva in October], is slated to convene again": the plan is the commission's, not the meeting's).
    """
    own = _infinitive_start(text, start, end, 6 if far else 3)
    nxt = _NEXT_PREDICATE_RE.search(text, start, own)
    own = nxt.start() if nxt else own
    if _OPEN_RELATIVE_RE.search(text, max(0, start - 80), start):
        closing = text.find(",", start, own)
        if closing != -1:
            return closing
    return own


# The verb stands in a relative clause opened by a comma and not yet closed: ", which last met ...".
_OPEN_RELATIVE_RE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;:.]*$", re.IGNORECASE)


# (not "that" before a subject of its own: "agreed at a conference in March [that the exercise] will be held")
_RELATIVE_RE = re.compile(
    r"^[\s,]*(?:which|that(?!\s+(?:the|a|an|its|their|his|her|our|this|these|those|it|they|he|she|we|next)\b))\b",
    re.IGNORECASE,
)
_PREDICATE_OPENING_RE = re.compile(r"^[\s,]*(?:has|have|had|was|were|is|are|will|would)\b", re.IGNORECASE)


def relative_status(text: str, clauses: Sequence[Span], home: int, cues) -> str:
    """A noun's relative clause may tell its status ("talks ..., which are due to conclude later this year",
    "an exercise, which was called off"): planned, cancelled or ongoing from there, else occurred."""
    if home + 1 >= len(clauses) or not _RELATIVE_RE.match(clauses[home + 1].text):
        return "occurred"
    relative = clauses[home + 1].text
    pronoun = _RELATIVE_RE.match(relative)
    assert pronoun is not None
    # the noun's own predicate after its relative clause: "The exercise, which was to be held in August,
    # [has been canceled]"
    after = clauses[home + 2].text if home + 2 < len(clauses) else ""
    if _PREDICATE_OPENING_RE.match(after) and _has(_words(after), cues.cancelled_after):
        return "cancelled"
    status = decide_status("", "", relative[pronoun.end() :], cues)
    words = relative[pronoun.end() :].lower().split()
    if status != "cancelled" and _has(_words(relative[pronoun.end() :]), cues.cancelled_after):
        return "cancelled"  # "The meeting ... that was to take place this month will not go ahead"
    if status == "occurred" and cues.perfect_auxiliaries.intersection(words[:2]) and "since" in words:
        return "ongoing"  # "a training program that has graduated 3,000 marines since 2001": still running
    return status if status in ("planned", "cancelled", "ongoing") else "occurred"


# What makes a present form something else: an infinitive, a modal, do-support, a negation.
_NOT_FINITE_BEFORE = frozenset(
    [
        "to",
        "will",
        "would",
        "shall",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "did",
        "does",
        "do",
        "not",
        "n't",
        "never",
        "let",
        "help",
        "helps",
        "helped",
    ]
)
_CAPTION_RE = re.compile(r"^\s*(?:photo|caption|image)\b", re.IGNORECASE)


def habitual(text: str, trigger: Span, clause: Span, dated: bool, cues) -> bool:
    """An activity told in the simple present with no date ("Kazakh officers also attend U.S. staff
    colleges") goes on: ongoing, not a past event of the passage. Captions describe a moment, not a habit."""
    words = text[trigger.start : trigger.end].lower().split()
    if dated or not words or words[0] not in cues.habitual_present:
        return False
    before = text[clause.start : trigger.start].lower().split()
    if before and before[-1].strip(",") in _NOT_FINITE_BEFORE:
        return False
    line_start = text.rfind("\n", 0, trigger.start) + 1
    return not _CAPTION_RE.match(text, line_start)


# A noun introduced by a preposition of time or cause is another event's setting: "suspended contacts
# [following the Russian invasion] of Georgia" does not suspend the invasion.
_SETTING_PREPOSITION_RE = re.compile(
    r"\b(?:following|after|before|during|amid|despite|over|because\s+of|in\s+response\s+to)\s+"
    r"(?:[\w’'\-.]+\s+){0,4}$"
    # ("agreed to the delay [in a phone call] last night": the occasion of the agreeing)
    r"|\b(?:in|during|by|over)\s+(?:a|an|their|his|her|the)\s+(?:brief\s+|telephone\s+|phone\s+|video\s+)?$"
    # ("had been due to [arrive]": "due to" right before the trigger is a plan's infinitive, no preposition)
    r"|\bdue\s+to\s+(?:[\w’'\-.]+\s+){1,4}$",
    re.IGNORECASE,
)


def noun_scope(text: str, clause_start: int, trigger_start: int) -> int:
    """Where the words that may tell a noun trigger's status begin: after a preposition that makes it the
    setting of the clause's predicate, else at the clause's start."""
    found = _SETTING_PREPOSITION_RE.search(text, max(clause_start, trigger_start - 60), trigger_start)
    return found.start() if found else clause_start


# Where the noun phrase of an event in a verb's object begins: "signed a plan [for annual staff talks]".
_PHRASE_START_RE = re.compile(
    r"\b(?:for|of|on|to|in|with|a|an|the|their|its)\s+(?:[\w’'\-]+\s+){0,3}$", re.IGNORECASE
)


def object_end(text: str, match, found, end: int) -> int:
    """A verb's own words stop where the noun phrase of another event in its object begins: that event's
    frequency ("signed a plan for annual staff talks") is its own, not the signing's."""
    later = [m.start for m in found if match.end < m.start < end and m.rule.pos == "noun"]
    if not later:
        return end
    phrase = _PHRASE_START_RE.search(text, max(match.end, later[0] - 50), later[0])
    return phrase.start() if phrase else later[0]


def perfect_since(before: str, trigger: str, rest_of_clause: str, cues: StatusCues) -> str | None:
    """A present perfect whose "since" stands past the verb's own words ("have flown 62 relief missions to
    Tbilisi since Aug. 13"): a series going on ("recurring"), or an activity going on ("ongoing")."""
    words_before, trigger_words = _words(before), _words(trigger)
    # (the auxiliary may be inside the trigger: "[soldiers have deployed] to Afghanistan ... since 2009")
    auxiliaries = cues.perfect_auxiliaries.intersection(words_before[-2:] + trigger_words[:-1])
    if not auxiliaries or "since" not in _words(rest_of_clause):
        return None
    if cues.perfect_unless.intersection(words_before):
        return None  # "the first time a minister has visited the Pentagon since 2005": the last one, 2005
    return "ongoing" if _has(trigger_words, cues.perfect_continuous) else "recurring"


# "... and it remains on hold today", "..., and they're still closed": the next clause says of the same thing.
_SAME_THING_NEXT_RE = re.compile(r",\s*(?:and|but)\s+(?:it|they|that|these|those)\b", re.IGNORECASE)


def state_still_holds(text: str, trigger_end: int, sentence_end: int, cues: StatusCues) -> bool:
    """A state told as begun ("closed the ground routes in November") that the next clause says still holds
    ("and they're still closed") goes on."""
    opener = _SAME_THING_NEXT_RE.search(text, trigger_end, sentence_end)
    return opener is not None and _has(_words(text[opener.end() : sentence_end])[:6], cues.ongoing_ending)
