"""Date each event mention by the time expression that governs it, and say why.

Order of evidence (issue 3): a date in the trigger's clause; else one elsewhere in its sentence; else the
reference time of the passage (the date of the last earlier event that occurred and was dated by its own
sentence: "the enclosing visit"); else undated. Never the publication date by default: only an expression
that says "today" (it is in the text, resolved to the DCT) or a present-tense dateline sentence dates an event
by it. Planned, recurring, ongoing and cancelled events take dates from their own sentence only: "Serdyukov
also will tour the U.S. Naval Academy" must not inherit the "tomorrow" of the sentence before.
Durations and SETs never date an event. A date standing across a verb trigger belongs to that verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from pipeline.events.clauses import clause_index, dateline_timex, split_clauses
from pipeline.events.triggers import find_triggers
from pipeline.events.types import event_type as type_row
from pipeline.model import Document, EventMention, Span, TimeExpression

VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_RANGE_LINK_RE = re.compile(r"^\s*(?:[-–—]|to|through|until|till|and)\s*$", re.IGNORECASE)
_LATER_RE = re.compile(r"\blater\b", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)
_SINCE_RE = re.compile(r"\b(?:since|began in|started in|began|started)\s*$", re.IGNORECASE)


def _value_interval(value: str, mod: str | None) -> tuple[date | None, date | None, str]:
    from pipeline.timex.interval import value_interval

    return value_interval(value, mod)


def _dating(timexes: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Expressions that can date an event: DATEs and TIMEs (durations and sets cannot)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and t.value]


def _is_vague(t: TimeExpression) -> bool:
    return t.value in VAGUE_VALUES or t.value.startswith("P")


def _blocked(trigger: Span, timex: TimeExpression, verbs: Sequence[Span]) -> bool:
    """True when another verb trigger stands between the trigger and the date (the date is its own)."""
    low, high = (trigger.end, timex.start) if timex.start >= trigger.end else (timex.end, trigger.start)
    return any(low <= v.start and v.end <= high for v in verbs if v.start != trigger.start)


def _choose(
    mention: EventMention,
    candidates: Sequence[TimeExpression],
    clauses: Sequence[Span],
    verbs: Sequence[Span],
) -> tuple[TimeExpression | None, str]:
    """The governing expression among a sentence's candidates; whether it is in the clause or sentence."""
    trig = mention.trigger
    home = clause_index(clauses, trig.start)
    best: tuple | None = None
    for t in candidates:
        if _blocked(trig, t, verbs):
            continue
        distance = abs(clause_index(clauses, t.start) - home)
        chars = t.start - trig.end if t.start >= trig.end else trig.start - t.end
        since = mention.status == "recurring" and bool(
            _SINCE_RE.search(mention.sentence.text[: t.start - mention.sentence.start])
        )
        # Closer clause first; in a recurring event "since 2004" first; a specific date before a vague one;
        # a preceding clause (the one a subordinate clause hangs on) before a following one; then distance.
        key = (
            0 if since else 1,
            distance,
            1 if _is_vague(t) else 0,
            0 if distance == 0 or t.start < trig.start else 1,
            chars,
        )
        if best is None or key < best[0]:
            best = (key, t)
    if best is None:
        return None, "none"
    return best[1], "clause" if best[0][1] == 0 else "sentence"


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
    where = {"clause": "same clause", "sentence": "same sentence", "passage": "passage", "dct": "dateline"}[
        source
    ]
    return f"dated by '{t.text}' ({where}) = {how or t.value}{extra}"


def _dated(
    mention: EventMention, t: TimeExpression, source: str, by_tid: dict, timexes, text, note: str = ""
) -> EventMention:
    start, end, precision = _value_interval(t.value, t.mod)
    extra = note
    second = _range_end(t, timexes, text)
    if second is not None:
        _, second_end, _ = _value_interval(second.value, second.mod)
        if second_end and start and second_end >= start:
            end = second_end
            extra += f"; through '{second.text}' = {second.value}"
    window = text[max(0, t.start - 12) : t.end]
    referent = by_tid.get(t.anchor) if t.anchor and t.anchor != "dct" else None
    if referent is not None and start and end:
        r_start, r_end, _ = _value_interval(referent.value, referent.mod)
        if _LATER_RE.search(window) and r_end and r_end + timedelta(days=1) <= end and r_end >= start:
            start = r_end + timedelta(days=1)
            extra += f"; 'later' than '{referent.text}' ({referent.value}): from {start.isoformat()}"
        elif (
            _EARLIER_RE.search(window) and r_start and r_start - timedelta(days=1) >= start and r_start <= end
        ):
            end = r_start - timedelta(days=1)
            extra += f"; 'earlier' than '{referent.text}' ({referent.value}): until {end.isoformat()}"
    return replace(
        mention,
        timex=t,
        date_value=t.value,
        start=start,
        end=end,
        precision=precision,
        date_source=source,
        explanation=_explain(t, source, extra),
    )


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
    dating = sorted(_dating(timexes), key=lambda t: t.start)
    starts = [t.start for t in dating]
    by_tid = {t.tid: t for t in timexes if t.tid}
    verbs = [Span(m.start, m.end, "") for m in find_triggers(text, lexicon_dir) if m.rule.pos == "verb"]
    clause_cache: dict[int, list[Span]] = {}
    first_pass: list[EventMention] = []
    for mention in sorted(mentions, key=lambda m: m.trigger.start):
        sent = mention.sentence
        lo, hi = bisect_right(starts, sent.start - 1), bisect_right(starts, sent.end - 1)
        in_sentence = [t for t in dating[lo:hi] if t.start < sent.end]
        line = dateline_timex(sent, in_sentence, text)
        candidates = [t for t in in_sentence if t is not line]
        if sent.start not in clause_cache:
            clause_cache[sent.start] = split_clauses(text, sent, in_sentence)
        clauses = clause_cache[sent.start]
        chosen, source = _choose(mention, candidates, clauses, verbs)
        too_far = (
            chosen is not None
            and abs(clause_index(clauses, chosen.start) - clause_index(clauses, mention.trigger.start)) > 1
        )
        if mention.status == "planned" and source == "sentence" and too_far:
            # A plan is dated by its own clause or the clause it hangs on, not by any date of the sentence.
            chosen = None
        if chosen is not None:
            dated = _status_from_date(_dated(mention, chosen, source, by_tid, timexes, text), document)
        elif line is not None and mention.status in ("ongoing", "occurred") and _present_tense(mention):
            dated = _dated(mention, line, "dct", by_tid, timexes, text, "; present-tense dateline sentence")
        else:
            dated = mention
        first_pass.append(dated)
    return _passages(first_pass, text, document, by_tid, timexes, lexicon_dir)


def _is_reference(mention: EventMention) -> bool:
    """Can this mention give its date to the undated mentions of its passage?"""
    return (
        mention.status == "occurred"
        and mention.date_source in ("clause", "sentence")
        and mention.timex is not None
        and not _is_vague(mention.timex)
    )


def _passages(
    mentions: list[EventMention],
    text: str,
    document: Document,
    by_tid: dict,
    timexes: Sequence[TimeExpression],
    lexicon_dir: Path | None,
) -> list[EventMention]:
    references = [m for m in mentions if _is_reference(m)]
    principal: EventMention | None = None
    if references:
        counts: dict[str, int] = {}
        for m in references:
            counts[m.date_value or ""] = counts.get(m.date_value or "", 0) + 1
        top = max(counts.values())
        principal = next(m for m in references if counts[m.date_value or ""] == top)
    out: list[EventMention] = []
    last: EventMention | None = None
    for mention in mentions:
        if mention.date_source != "none":
            out.append(mention)
            if _is_reference(mention):
                last = mention
            continue
        same_paragraph = last is not None and "\n" not in text[last.sentence.end : mention.sentence.start]
        reference = last if same_paragraph else principal
        if (
            reference is not None
            and reference.timex is not None
            and mention.status == "occurred"
            and type_row(mention.event_type, lexicon_dir).passage
        ):
            why = "the paragraph's last date" if reference is last else "the article's principal date"
            dated = _dated(mention, reference.timex, "passage", by_tid, timexes, text)
            dated = replace(
                dated, explanation=f"{dated.explanation} ({why}, from '{reference.trigger.text}')"
            )
        else:
            dated = replace(mention, explanation="undated: no date governs it in its sentence or passage")
        out.append(dated)
    return out


def _present_tense(mention: EventMention) -> bool:
    """Progressive or present-tense wording ("are working together here", "meets with")."""
    if mention.status == "ongoing":
        return True
    before = mention.sentence.text[: mention.trigger.start - mention.sentence.start].split()
    word = mention.trigger.text.split()[0] if mention.trigger.text.split() else ""
    return bool(
        before and before[-1].lower() in ("is", "are", "am") and word.lower().endswith("ing")
    ) or bool(re.match(r"^(?:meets|visits|holds|hosts|signs|tours|talks)$", word, re.IGNORECASE))


def _status_from_date(mention: EventMention, document: Document) -> EventMention:
    """An event dated after the publication date by its own sentence is planned, whatever the tense."""
    dct = document.published
    if dct is None or mention.start is None or mention.status != "occurred":
        return mention
    if mention.start > dct:
        return replace(mention, status="planned", label=_replan(mention.label))
    return mention


def _replan(label: str) -> str:
    return label if label.startswith("Planned: ") else "Planned: " + label
