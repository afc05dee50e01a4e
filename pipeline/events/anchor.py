"""Date each event mention by the time expression that governs it, and say why.

Order of evidence (issue 3): a date in the trigger's clause; else one elsewhere in its sentence; else the
reference time of its passage (``passage.py``); else undated. Never the publication date by default: only an
expression that says "today" (it is in the text, resolved to the DCT) or a present-tense dateline sentence
dates an event by it. Plans take dates from their own clause or the one it hangs on: "Serdyukov also will
tour the U.S. Naval Academy" must not inherit the "tomorrow" of the sentence before. Durations and SETs never
date an event. A date belongs to the nearest predicate: across another verb trigger, an infinitive, a modal
or a question word it is not this trigger's ("agreed to hold talks in June" dates the talks, not the
agreement); nor is the date of the reporting ("..., officials said today"), nor one pre-modifying a plain
noun ("Year 2000 computer glitches"). A date after the publication date makes an event planned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from pipeline.events.after_event import dated_from_event
from pipeline.events.clause_roles import in_sequel_clause, own_relative, predicate_past_relative
from pipeline.events.clauses import clause_index, dateline_timex, split_clauses
from pipeline.events.conjuncts import share_conjunct_dates
from pipeline.events.date_modifiers import pre_modifies
from pipeline.events.date_status import as_series, plan_ahead, status_from_date
from pipeline.events.dating import (
    date_mention,
    dating_expressions,
    edition,
    fronted_when,
    inside_wording,
    is_vague,
    later_than_past_verb,
    moved_to,
    over_the_past,
    range_start,
    since_then,
    vague_when_undated,
    value_interval,
    when_clause,
    when_told_after,
)
from pipeline.events.deferred import REFERENCE_ONLY, deferred_references
from pipeline.events.departures import leaving_after
from pipeline.events.governs import eligible, verb_before_later_dates
from pipeline.events.offsets import offset_from
from pipeline.events.passage import date_by_passage
from pipeline.events.plan_passage import plans_told_after
from pipeline.events.progress import mark_ongoing
from pipeline.events.refer import (
    dated_as_antecedent,
    dated_as_arrival,
    dated_during,
    definite_reference,
    told_on_arrival,
)
from pipeline.events.reported import (
    announced_move,
    attributed_at_end,
    reported_right_after,
    said_after,
    said_at_occasion,
)
from pipeline.events.triggers import find_triggers
from pipeline.model import Document, EventMention, Span, TimeExpression

_PARTICIPLE_END_RE = re.compile(
    r"\b(?:reached|signed|struck|concluded|inked|held|staged|conducted)$", re.IGNORECASE
)
_DEMONSTRATIVE_RE = re.compile(r"\b(?:this|that|these|those)\s+$", re.IGNORECASE)
_SAME_EPISODE_RE = re.compile(
    r"\b(?:after|following)\s+(?:their|the|his|her)\s+(?:[\w\-]+\s+)?(?:meeting|meetings|talks|session|discussions)$",
    re.IGNORECASE,
)
_SINCE_RE = re.compile(r"\b(?:since|began in|started in|began|started)\s*$", re.IGNORECASE)


def _choose(
    mention: EventMention,
    candidates: Sequence[TimeExpression],
    clauses: Sequence[Span],
    verbs: Sequence[Span],
    text: str,
    trigger_starts: Sequence[int] = (),
    dct: date | None = None,
) -> tuple[TimeExpression | None, str]:
    """The governing expression among a sentence's candidates; whether it is in the clause or sentence."""
    reported = (
        reported_right_after(mention, candidates, clauses, text)
        or said_at_occasion(mention, candidates, text)
        or said_after(mention, candidates, text)
        or announced_move(mention, candidates, text)
        or attributed_at_end(mention, candidates, text)
    )
    if reported is not None:
        return reported, "sentence"
    trig = mention.trigger
    home = clause_index(clauses, trig.start)
    best: tuple | None = None
    usable = [
        t
        for t in candidates
        if eligible(mention, t, clauses, verbs, text, trigger_starts)
        and not later_than_past_verb(mention, t, text, dct)
    ]
    for t in usable:
        distance = abs(clause_index(clauses, t.start) - home)
        chars = t.start - trig.end if t.start >= trig.end else trig.start - t.end
        since = mention.status == "recurring" and bool(
            _SINCE_RE.search(mention.sentence.text[: t.start - mention.sentence.start])
        )
        if mention.status == "recurring" and distance and not since:
            continue  # a series is dated by its start ("since 2004") or its own clause, not a neighbour's
        # Closer clause first; in a recurring event "since 2004" first; a specific date before a vague one;
        # a preceding clause (the one a subordinate clause hangs on) before a following one; then distance.
        # A noun's own relative clause tells its time ("the exercise, which begins tomorrow").
        there = clauses[clause_index(clauses, t.start)]
        # (not past a date of the trigger's own: "signed a work plan [in January] that listed events for
        # this year")
        own = (
            distance == 1
            and own_relative(trig, there, text, verb=verb_before_later_dates(trig, verbs, text))
            and not any(trig.end <= u.start < there.start for u in usable)
        ) or predicate_past_relative(clauses, home, clause_index(clauses, t.start))
        key = (
            # the year of an exercise's own name ("Desert Aegis 2019") only when nothing else dates it
            # (not a day the wording holds: "[arrived in Washington yesterday for a three-day visit]")
            1
            if trig.start <= t.start < trig.end
            and trig.end - trig.start > t.end - t.start
            and len(t.value) == 4
            else 0,
            1 if mention.status == "planned" and _before(t, dct) else 0,
            0 if own else 1,
            0 if since else 1,
            distance,
            1 if is_vague(t) else 0,
            # a list item's own date before a neighbour's ("talks later this month, a visit ... in May")
            1
            if "," in (text[t.end : trig.start] if t.start < trig.start else text[trig.end : t.start])
            else 0,
            0 if distance == 0 or t.start < trig.start else 1,
            # a year modifying the subject's noun ("the 2011 work plan, signed ... in December 2010") after
            # a date of the predicate
            1 if t.start < trig.start and pre_modifies(t, text) else 0,
            # "under an agreement reached in Helsinki June 18": a participle's own adjunct follows it
            1 if t.start < trig.start and _PARTICIPLE_END_RE.search(trig.text) else 0,
            chars,
        )
        if best is None or key < best[0]:
            best = (key, t)
    if best is None:
        return None, "none"
    # A finer date inside the chosen one must be as fit: not a past day for a plan ("will begin training
    # ... this spring, an official told lawmakers yesterday").
    fit = [t for t in usable if not (mention.status == "planned" and _before(t, dct))]
    chosen = _finer(best[1], fit, clauses)
    return chosen, "clause" if best[0][4] == 0 else "sentence"


# "discussed the recent visit of the USS Carl Vinson": an earlier occasion, not the passage's
_EARLIER_ONE_RE = re.compile(r"\b(?:recent|previous|earlier|prior)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_DAY_VALUE_RE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d|W\d\d-\d)$")


def _day_right_after(mention: EventMention, dating: Sequence[TimeExpression]) -> TimeExpression | None:
    """A day standing right after the wording ("was called off [Oct. 18]", "... on Monday")."""
    for t in dating:
        gap = t.start - mention.trigger.end
        if 0 <= gap <= 4 and _DAY_VALUE_RE.match(t.value) and t.start < mention.sentence.end:
            return t
    return None


def _before(t: TimeExpression, dct: date | None) -> bool:
    """Does the expression end before the publication date? (A plan is rarely dated in the past.)"""
    _, end, _ = value_interval(t.value, t.mod)
    return dct is not None and end is not None and end < dct


def _finer(
    chosen: TimeExpression, others: Sequence[TimeExpression], clauses: Sequence[Span]
) -> TimeExpression:
    """A finer date of the same clause inside the chosen one ("Last year's exercise was held in October")."""
    home = clause_index(clauses, chosen.start)
    c_start, c_end, _ = value_interval(chosen.value, chosen.mod)
    if c_start is None or c_end is None:
        return chosen
    best = chosen
    width = (c_end - c_start).days
    for t in others:
        if t is chosen or clause_index(clauses, t.start) != home or t.tid == chosen.anchor:
            continue  # "broke off in March 2010 and revived later that year": not March, the reference
        start, end, _ = value_interval(t.value, t.mod)
        if start and end and c_start <= start and end <= c_end and (end - start).days < width:
            best, width = t, (end - start).days
    return best


def anchor_events(
    mentions: Sequence[EventMention],
    timexes: Sequence[TimeExpression],
    sentences: Sequence[Span],
    document: Document,
    lexicon_dir: Path | None = None,
) -> list[EventMention]:
    """Fill timex, date_value, start, end, precision, date_source and explanation of each mention.

    Two passes: first every mention is dated by its own sentence; then occurred mentions left undated take
    the reference time of their passage: the last explicitly dated occurred event earlier in the same
    paragraph, else the article's principal time (the date most of its explicitly dated occurred events
    share: "today" in a report of today's talks, not the "last year" of a flashback).
    """
    text = document.text
    dating = sorted(dating_expressions(timexes), key=lambda t: t.start)
    starts = [t.start for t in dating]
    by_tid = {t.tid: t for t in timexes if t.tid}
    found = find_triggers(text, lexicon_dir)
    # a wording dated as its event ("... was canceled in 2008") takes no date from the event it tells of
    # (a wording that refers back, "that was to [take place] later this month", is its noun's own predicate)
    verbs = [
        Span(m.start, m.end, "")
        for m in found
        if m.rule.pos == "verb" and m.rule.dated and m.rule.event_type != "REFER"
    ]
    trigger_starts = [m.start for m in found]
    verb_starts = {v.start for v in verbs}
    undated = {m.start for m in found if not m.rule.dated}  # "... was scrapped last month": not its date
    clause_cache: dict[int, list[Span]] = {}
    first_pass: list[EventMention] = []
    no_passage: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.trigger.start):
        if mention.trigger.start in undated:
            told_of = dated_as_antecedent(mention, first_pass)
            day = _day_right_after(mention, dating)
            if told_of.timex is None and day is not None:
                # "A landing drill ... was called off Oct. 18 because of high seas": no day of its own was
                # told, the day it was called off is the best one known
                told_of = date_mention(
                    mention, day, "clause", by_tid, timexes, text, "; the day it was called off"
                )
            first_pass.append(told_of)
            no_passage.add(mention.mention_id)
            continue
        if mention.status == "occurred" and told_on_arrival(mention, text):
            first_pass.append(dated_as_arrival(mention, first_pass))
            continue
        sent = mention.sentence
        lo, hi = bisect_right(starts, sent.start - 1), bisect_right(starts, sent.end - 1)
        in_sentence = [t for t in dating[lo:hi] if t.start < sent.end]
        line = dateline_timex(sent, in_sentence, text)
        candidates = [t for t in in_sentence if t is not line]
        if sent.start not in clause_cache:
            clause_cache[sent.start] = split_clauses(text, sent, in_sentence)
        clauses = clause_cache[sent.start]
        if (
            mention.status == "occurred"
            and _DEMONSTRATIVE_RE.search(text, max(0, mention.trigger.start - 8), mention.trigger.start)
            and mention.trigger.start not in verb_starts  # ("the agreement [that created] the center")
        ):
            # "Related to this meeting, ... October 15": the meeting is the one told before (a date right
            # after it is its own: "to open this conference today")
            candidates = [t for t in candidates if 0 <= t.start - mention.trigger.end <= 2]
        chosen, source = (
            when_clause(mention, candidates, text)
            or when_told_after(mention, candidates, text)
            or inside_wording(mention, candidates, text)
            or fronted_when(mention, candidates, text)
            or edition(mention, candidates, text)
            or moved_to(mention, candidates, text)
            or offset_from(mention, candidates, timexes, text, document.published),
            "clause",
        )
        if chosen is None:
            chosen, source = _choose(
                mention, candidates, clauses, verbs, text, trigger_starts, document.published
            )
        chosen = range_start(chosen, dating, text)
        if (
            mention.status in ("planned", "ongoing")
            and source == "sentence"
            and _too_far(chosen, mention, clauses)
        ):
            # A plan is dated by its own clause or the clause it hangs on, not by any date of the sentence.
            chosen = None
        elif source == "sentence" and _later_coordinated(chosen, mention, clauses):
            # "has ordered four helicopters, and delivery is expected in 2017": the next predicate's date.
            chosen = None
        if chosen is not None:
            dated = date_mention(mention, chosen, source, by_tid, timexes, text)
            dated = status_from_date(dated, document, lexicon_dir)
            dated = plan_ahead(dated, document, timexes, by_tid, text)
        elif (start := since_then(mention, dating, text)) is not None:
            dated = date_mention(mention, start, "sentence", by_tid, timexes, text, "; since then")
        elif (span := over_the_past(mention, timexes, document.published)) is not None:
            dated = date_mention(mention, span, "clause", by_tid, timexes, text)
            dated = replace(dated, end=document.published)
        elif (
            line is not None
            and mention.status in ("ongoing", "occurred")
            and (
                _present_tense(mention, mention.trigger.start in verb_starts)
                # a photo caption's "(June 19, 2004) -" is the moment it shows, whatever its words
                or text[max(0, line.start - 1) : line.start] == "("
            )
        ):
            dated = date_mention(
                mention, line, "dct", by_tid, timexes, text, "; present-tense dateline sentence"
            )
        else:
            dated = mention
            if in_sequel_clause(mention, clauses) and not _SAME_EPISODE_RE.search(
                text, max(sent.start, mention.trigger.start - 25), mention.trigger.end
            ):
                # "after a port visit to Constanta": earlier, not then ("a news conference after their
                # meeting" is the same day's)
                no_passage.add(mention.mention_id)
            elif mention.status == "occurred" and (
                _PERFECT_RE.search(text, max(sent.start, mention.trigger.start - 25), mention.trigger.start)
                or _EARLIER_ONE_RE.search(
                    text, max(sent.start, mention.trigger.start - 30), mention.trigger.start
                )
            ):
                no_passage.add(
                    mention.mention_id
                )  # "has also ordered", "the recent visit of the carrier": before, not the passage's
        first_pass.append(dated)
    first_pass = leaving_after(first_pass, clause_cache, by_tid, timexes, text)
    # wordings that refer back ("will take part", "the next edition") speak of the event they refer to
    referring = {m.start for m in found if m.rule.event_type == "REFER" and m.rule.dated}
    resolved: list[EventMention] = []  # in text order, so that a chain of references resolves
    for m in first_pass:
        resolved.append(definite_reference(m, resolved, text, m.trigger.start in referring))
    first_pass = share_conjunct_dates(dated_during(resolved, text), text)
    first_pass = dated_from_event(first_pass, by_tid, timexes, text)
    references = deferred_references(found, first_pass, dating, sentences, document, by_tid, timexes)
    with_references = sorted([*first_pass, *references], key=lambda m: m.trigger.start)
    dated_all = date_by_passage(with_references, text, by_tid, timexes, lexicon_dir, frozenset(no_passage))
    dated_all = [m for m in dated_all if not m.mention_id.endswith(f":{REFERENCE_ONLY}")]
    dated_all = plans_told_after(dated_all, text, by_tid, timexes, lexicon_dir)
    dated_all = [as_series(m, document.published) for m in dated_all]
    marked = mark_ongoing(dated_all, document.published, timexes, text, lexicon_dir)
    return marked if document.published is not None else [vague_when_undated(m) for m in marked]


# A clause coordinated with its own subject hangs on no other: "..., and planners will meet in Hawaii".
_COORDINATED_RE = re.compile(r"^\s*(?:[;:]|,\s*(?:and|but|or)\b)", re.IGNORECASE)


def _too_far(chosen: TimeExpression | None, mention: EventMention, clauses: Sequence[Span]) -> bool:
    if chosen is None:
        return False
    home = clause_index(clauses, mention.trigger.start)
    there = clause_index(clauses, chosen.start)
    if abs(there - home) > 1:
        return True
    own = clauses[max(home, there)]  # the later of the two: its opening joins them
    return bool(_COORDINATED_RE.match(own.text))


# A present perfect right before a verb trigger: the past it reports has no time of its own.
_PERFECT_RE = re.compile(
    r"\b(?:has|have|'ve)\s+(?:also\s+|already\s+|now\s+|since\s+|recently\s+)?$", re.IGNORECASE
)


def _later_coordinated(chosen: TimeExpression | None, mention: EventMention, clauses: Sequence[Span]) -> bool:
    """A date in a later clause coordinated with its own subject (", and delivery is expected in 2017")."""
    if chosen is None:
        return False
    home, there = clause_index(clauses, mention.trigger.start), clause_index(clauses, chosen.start)
    # (a clause without a verb is a coordinated object: "toured Fort Bliss, Texas, and the National Training
    # Center on Monday")
    return there > home and any(
        _COORDINATED_RE.match(c.text) and _FINITE_RE.search(c.text) for c in clauses[home + 1 : there + 1]
    )


_FINITE_RE = re.compile(r"\b(?:is|are|was|were|will|would|shall|has|have|had|be|been|[a-z]{3,}ed)\b")


def _present_tense(mention: EventMention, is_verb: bool) -> bool:
    """Progressive or present-tense wording ("are working together here", "meets with", a caption's
    "arrives in Da Nang")."""
    if mention.status == "ongoing":
        return True
    before = mention.sentence.text[: mention.trigger.start - mention.sentence.start].split()
    word = mention.trigger.text.split()[0] if mention.trigger.text.split() else ""
    return (
        bool(before and before[-1].lower() in ("is", "are", "am") and word.lower().endswith("ing"))
        or bool(re.match(r"^(?:meets|visits|holds|hosts|signs|tours|talks)$", word, re.IGNORECASE))
        or (is_verb and bool(re.match(r"^[a-z]+[^s]s$", word)))
    )
