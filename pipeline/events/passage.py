"""The reference time of a passage, for occurred events their own sentence leaves undated.

"Both men agreed on the threat" takes the date of the meeting reported just before; "In a discussion of
Serdyukov's actions ..." at the end of a report of today's talks takes today, not the "last year" of the
invitation recalled in between. So: the last explicitly dated occurred event in the same or the previous
paragraph, else the article's principal date (its most recent reported episode), else a header date line
("June 12, 2003" atop a transcript). Pluperfect flashbacks ("had agreed in April") never serve, nor do
types that are background (uses of force, suspensions: ``passage: false`` in event_types.yaml).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from pipeline.events.clauses import clause_index, split_clauses
from pipeline.events.dating import date_mention, dating_expressions, is_vague
from pipeline.events.lengths import to_month
from pipeline.events.trigger_rules import rule_for
from pipeline.events.types import event_type as type_row
from pipeline.model import EventMention, TimeExpression

# "had agreed", "had been frozen": a pluperfect sentence is a flashback, not the passage's reference time.
_PLUPERFECT_RE = re.compile(
    r"\bhad\s+(?:(?:already|also|just|previously|first|not|never)\s+)?"
    r"(?:been\s+)?\w+(?:ed|en|met|held|made|sent|begun|done|gone|seen|taken|spoken|given|led|won|fought)\b",
    re.IGNORECASE,
)


# "have previously met", "has often visited": an indefinite past is no part of the reported episode (a bare
# perfect is: "I've had a fine talk with Mr. Rumsfeld" reports today's talk).
_PERFECT_BEFORE_RE = re.compile(
    r"\b(?:have|has|'ve|’ve)\s+(?:also\s+)?(?:already|often|never|ever|repeatedly|previously|frequently)\s+"
    r"(?:been\s+)?(?:had\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _is_perfect(mention: EventMention, text: str) -> bool:
    start = mention.trigger.start
    return bool(_PERFECT_BEFORE_RE.search(text, max(mention.sentence.start, start - 40), start))


# "Liang last visited the Pentagon in August 2012": the previous occurrence is background, not the episode.
_LAST_OCCURRENCE_RE = re.compile(
    r"\blast\s+(?:\w+ed|met|held|spoke|saw|made|took|came|went|fought|sent|led|won|flew|sat)\b"
    # "During his last visit in 2008, Gates signed ...": a flashback to an earlier occasion
    r"|\b(?:his|her|their|its|the)\s+(?:last|previous|earlier|prior)\s+(?:visit|trip|meeting|tour|stay|stop)\b",
    re.IGNORECASE,
)


# "Kenyan troops, who joined the AU mission in 2012, hold the base": a relative clause set off by commas
# gives background, not the time of the episode.
_ASIDE_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*$|\b(?:that|which|who)\s+$", re.IGNORECASE)


# An offer or a pledge is a plan made at a time: "Harlan offered additional airlift" in a report of this
# morning's call was offered this morning.
_OFFER_RE = re.compile(r"(?:offered|pledged|promised|proposed)\b", re.IGNORECASE)
_HAS_BEFORE_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+|already\s+)?$", re.IGNORECASE
)  # "has offered": when?


def _is_reference(mention: EventMention, lexicon_dir: Path | None) -> bool:
    """Can this mention give its date to the undated mentions of its passage?"""
    if not (
        mention.status == "occurred"
        and mention.date_source in ("clause", "sentence")
        and mention.timex is not None
        and (mention.start is not None or _deictic(mention))
        and not is_vague(mention.timex)
    ):
        return False  # (the cheap tests first: most mentions fail one of them)
    before = mention.sentence.text[: mention.trigger.start - mention.sentence.start]
    return (
        not _ASIDE_RELATIVE_RE.search(before)
        and not _PLUPERFECT_RE.search(mention.sentence.text)
        and not _LAST_OCCURRENCE_RE.search(mention.sentence.text)
        and type_row(mention.event_type, lexicon_dir).passage
    )


# Days and weeks near the time of writing ("today", "on Tuesday", "this week"), not "last year" (XXXX).
# ... and a day of an unknown year ("Sept. 8" in an undated report): the news is of that day, later than the
# absolute years it recalls.
_NEAR_DEICTIC_RE = re.compile(r"^XXXX-(?:XX-XX|WXX|\d\d-\d\d)")


def _deictic(mention: EventMention) -> bool:
    """Dated "on Tuesday" in an article without publication date: an unknown day near the time of writing."""
    return bool(_NEAR_DEICTIC_RE.match(mention.date_value or ""))


def _recency(mention: EventMention) -> tuple[date, int]:
    """How recent a reference is: a deictic date without publication date is the time of writing itself,
    later than any absolute date the article recalls."""
    when = date.max if mention.start is None and _deictic(mention) else (mention.start or date.min)
    return when, -mention.trigger.start


_HEADER_LEFTOVER_RE = re.compile(r"[A-Za-z]+")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[^\S\n]*\n\s*")  # a blank line


def _header_date(text: str, timexes: Sequence[TimeExpression], before: int) -> TimeExpression | None:
    """A line that is only a date (a transcript's or release's "June 12, 2003") before the first event."""
    for t in timexes:
        if t.start >= before or t.type not in ("DATE", "TIME") or is_vague(t):
            continue
        line_start = text.rfind("\n", 0, t.start) + 1
        line_end = text.find("\n", t.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[line_start : t.start] + " " + text[t.end : line_end]
        for other in timexes:
            if other is not t and line_start <= other.start and other.end <= line_end:
                rest = rest.replace(other.text, " ")
        if len(_HEADER_LEFTOVER_RE.findall(rest)) <= 3:
            return t
    return None


def _coarser_in_same_sentence(new: EventMention, old: EventMention | None) -> bool:
    """In one sentence the finest date is the reference ("spent Nov. 27 to Dec. 15 training ... called
    Torgau 2007": the days, not the year of the exercise's name)."""
    if old is None or old.sentence.start != new.sentence.start or not (new.start and new.end):
        return False
    if not (old.start and old.end):
        return False
    return (new.end - new.start) > (old.end - old.start)


# A trip spans days: dated only through something that happened during it, it is known to the month
# (rules marked ``spans_days`` in event_triggers.yaml: "traveled to", "trip", "mission").


def _is_arrival(mention: EventMention | None, lexicon_dir: Path | None) -> bool:
    if mention is None or mention.event_type != "VISIT":
        return False
    rule = rule_for(mention.event_type, mention.trigger.text, lexicon_dir)
    return rule is not None and rule.rule_id.startswith("arriv")


# A clause telling what happened during a trip: "after a two-day stop in Tokyo, [where he met Tanabe on
# Monday]", "from Moscow, [where he had met Rudakov on Saturday]".
_DURING_RE = re.compile(r"^[\s,]*(?:where|during which|in which|while there)\b", re.IGNORECASE)
# A sentence told from inside a stay of several days: "While in Hanoi, ...", "While in port, ...", "During his
# visit, ...", "While the exercise ran, ...".
_INSIDE_VISIT_RE = re.compile(
    r"\W*(?:[Ww]hile\s+(?:(?:in|at)\s+(?:[A-Z]|port\b)|ashore\b|the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:ran|lasted|was\s+under\s+way|went\s+on)\b)"
    r"|[Dd]uring\s+(?:the|his|her|their|this|that|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:visit|trip|stay|tour|stop|visits|talks|port\s+call|exercise|deployment|mission))[^;]*$"
)
# An activity told to have taken several days, none of them named: "spent two days practicing boarding",
# "treated 1,400 residents over five days".
_SEVERAL_DAYS_RE = re.compile(
    r"\b(?:spent|over|for)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+days\b",
    re.IGNORECASE,
)


def _through_inner_event(
    trip: EventMention,
    mentions: Sequence[EventMention],
    text: str,
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    lexicon_dir: Path | None,
) -> EventMention:
    """An undated trip takes, at month precision, the date of an event its sentence tells inside it."""
    if trip.date_source != "none" or trip.status != "occurred":
        return trip
    rule = rule_for(trip.event_type, trip.trigger.text, lexicon_dir)
    if rule is None or not rule.spans_days:
        return trip
    sentence = trip.sentence
    clauses = split_clauses(text, sentence, [t for t in timexes if sentence.start <= t.start < sentence.end])
    for inner in mentions:
        if inner.sentence.start != sentence.start or inner.trigger.start <= trip.trigger.end:
            continue
        if inner.date_source != "clause" or inner.timex is None or inner.status != "occurred":
            continue
        clause = clauses[clause_index(clauses, inner.trigger.start)]
        if clause.start >= trip.trigger.end and _DURING_RE.match(clause.text):
            dated = date_mention(trip, inner.timex, "sentence", by_tid, timexes, text)
            why = f" (an event during it, '{inner.trigger.text}')"
            return to_month(replace(dated, explanation=dated.explanation + why))
    return trip


_ATTRIBUTION_RE = re.compile(r"\b(?:said|says|told)\b")
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|told reporters|announced)\s+(?:here\s+)?$")
_DAY_RE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^XXXX-WXX-\d$")


def _reporting_date(text: str, timexes: Sequence[TimeExpression]) -> TimeExpression | None:
    """The day the article's sources spoke, from its first "said today" ("said Tuesday", "told
    reporters yesterday")."""
    for t in timexes:
        if (
            t.type == "DATE"
            and _DAY_RE.match(t.value)
            and _SAID_BEFORE_RE.search(text, max(0, t.start - 30), t.start)
        ):
            return t
    return None


def date_by_passage(
    mentions: list[EventMention],
    text: str,
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    lexicon_dir: Path | None,
    no_passage: frozenset[str] = frozenset(),
) -> list[EventMention]:
    mentions = [_through_inner_event(m, mentions, text, by_tid, timexes, lexicon_dir) for m in mentions]
    references = [m for m in mentions if _is_reference(m, lexicon_dir)]
    # The principal date: the most recent reported episode (news reports the latest contact and recalls
    # earlier ones as background); ties go to the first mention. Without any, a header date line.
    principal = max(references, key=_recency, default=None)
    # What someone said on a day is no principal date of the episodes told in other paragraphs ('called it
    # Tuesday "a useful step"' after a session of last week; a paragraph later: "During the session, ...").
    episodes = [m for m in references if m.event_type != "STATEMENT"]
    principal_episode = max(episodes, key=_recency, default=principal)
    header = None
    if principal is None and mentions:
        header = _header_date(text, dating_expressions(timexes), mentions[0].sentence.start)
    breaks = [m.start() for m in _PARAGRAPH_BREAK_RE.finditer(text)]
    reporting = _reporting_date(text, timexes)
    out: list[EventMention] = []
    last: EventMention | None = None
    for mention in mentions:
        if mention.date_source != "none":
            out.append(mention)
            if _is_reference(mention, lexicon_dir) and not _coarser_in_same_sentence(mention, last):
                last = mention
            continue
        near = (
            last is not None
            and bisect_right(breaks, mention.sentence.start) - bisect_right(breaks, last.sentence.start) == 0
        )
        said = mention.event_type == "STATEMENT"
        reference = last if near else (principal if said else principal_episode)
        timex = reference.timex if reference is not None else header
        inside = _INSIDE_VISIT_RE.match(text, mention.sentence.start, mention.trigger.start)
        if (
            inside
            and last is not None
            and last.timex is not None
            and mention.status in ("planned", "occurred")
            and bisect_right(breaks, mention.sentence.start) - bisect_right(breaks, last.sentence.start) <= 1
        ):
            # "While in Hanoi, Cohen will meet ...", "During his visit, Shmarov will meet ...", "While in
            # port, the captain paid a call on ...": an event inside the stay told just before happens in
            # its time, known to the month
            dated = date_mention(mention, last.timex, "passage", by_tid, timexes, text)
            why = f" (inside the trip told before, from '{last.trigger.text}')"
            out.append(to_month(replace(dated, explanation=dated.explanation + why)))
            continue
        if (
            reporting is not None
            and mention.event_type == "STATEMENT"
            and _ATTRIBUTION_RE.search(text, mention.sentence.start, mention.trigger.start)
        ):
            # "..., said Cmdr. Ward, who criticized the response": spoken when the article's sources spoke
            # (what is told before the "said" is the reported content: "He urged ..., the official said")
            reference, timex = None, reporting
        flashback = (
            bool(_PLUPERFECT_RE.search(mention.sentence.text))
            or _is_perfect(mention, text)
            or mention.mention_id in no_passage
        )
        if (
            timex is not None
            and not flashback
            and (
                mention.status == "occurred"
                or (
                    _OFFER_RE.match(mention.trigger.text)
                    and not _HAS_BEFORE_RE.search(
                        text, max(0, mention.trigger.start - 12), mention.trigger.start
                    )
                )
            )
            and type_row(mention.event_type, lexicon_dir).passage
        ):
            if timex is reporting and reference is None:
                why = f"the article's reporting date: '{text[timex.start - 5 : timex.end]}'"
            elif reference is None:
                why = "the article's header date"
            elif reference is last:
                why = f"the passage's last date, from '{reference.trigger.text}'"
            else:
                why = f"the article's principal date, from '{reference.trigger.text}'"
            dated = date_mention(mention, timex, "passage", by_tid, timexes, text)
            dated = replace(dated, explanation=f"{dated.explanation} ({why})")
            rule = rule_for(mention.event_type, mention.trigger.text, lexicon_dir)
            spans = (rule is not None and rule.spans_days) or _SEVERAL_DAYS_RE.search(mention.sentence.text)
            if spans and not _is_arrival(reference, lexicon_dir):
                # (dated by the arrival that began it, the first day is known: "The delegation ... arrived on
                # March 5"; by something that happened during it, only the month)
                dated = to_month(dated)
        else:
            dated = replace(mention, explanation="undated: no date governs it in its sentence or passage")
        out.append(dated)
    return out
