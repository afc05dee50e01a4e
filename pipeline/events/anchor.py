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
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from pipeline.events.clauses import clause_index, dateline_timex, split_clauses
from pipeline.events.status import is_future_wording, status_cues
from pipeline.events.triggers import find_triggers
from pipeline.events.types import event_type as type_row
from pipeline.model import Document, EventMention, Span, TimeExpression

VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_RANGE_LINK_RE = re.compile(r"^\s*(?:[-–—]|to|through|until|till|and)\s*$", re.IGNORECASE)
_LATER_RE = re.compile(r"\blater\b", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\bearlier\b", re.IGNORECASE)
_CENTURY_RE = re.compile(r"^\d{2}$")
_SINCE_RE = re.compile(r"\b(?:since|began in|started in|began|started)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _interval_function() -> Callable[[str, str | None], tuple[date | None, date | None, str]]:
    try:
        from pipeline.timex.interval import value_interval
    except ImportError:  # the tagger package is optional for this stage; plain dates still work
        return lambda value, mod: _plain_interval(value)
    return value_interval


def _value_interval(value: str, mod: str | None) -> tuple[date | None, date | None, str]:
    return _interval_function()(value, mod)


_PLAIN_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q([1-4]))?(?:T.*)?$")


def _plain_interval(value: str) -> tuple[date | None, date | None, str]:
    """Fallback when ``pipeline.timex.interval`` is not installed: years, quarters, months, ISO weeks, days.

    Anything else (seasons, decades, REF values, XXXX) is left undated rather than guessed.
    """
    m = _PLAIN_RE.match(value or "")
    if not m:
        return None, None, "vague" if value in VAGUE_VALUES else "none"
    year, month, day, week, quarter = m.groups()
    y = int(year)
    try:
        if day:
            d = date(y, int(month), int(day))
            return d, d, "day"
        if month:
            first = date(y, int(month), 1)
            nxt = date(y + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1), "month"
        if week:
            monday = date.fromisocalendar(y, int(week), 1)
            return monday, monday + timedelta(days=6), "week"
        if quarter:
            q = int(quarter)
            first = date(y, 3 * q - 2, 1)
            nxt = date(y + (q == 4), (3 * q) % 12 + 1, 1)
            return first, nxt - timedelta(days=1), "quarter"
        return date(y, 1, 1), date(y, 12, 31), "year"
    except ValueError:
        return None, None, "none"


def _dating(timexes: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Expressions that can date an event: DATEs and TIMEs (durations and sets cannot), finer than a century
    ("the 21st century" frames an aim, it does not date a meeting)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and t.value and not _CENTURY_RE.match(t.value)]


# Words after which a date is an adjunct of the clause, not a pre-modifier of the next noun.
_FUNCTION_WORD_LIST = """
a an the to and or but nor at in on of for with by from into onto over under after before
during until through since than that which who whom whose when where while as so then about
between among against near is was were are be been being will would shall should can could may
might must has have had do does did he she it they we i you his her its their our this these
those there here said says according also not no yet both each"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_NEXT_WORD_RE = re.compile(r"^ ([A-Za-z][\w\-]*)")


def _modified_head(t: TimeExpression, text: str) -> int | None:
    """Where the noun phrase starts that a date pre-modifies ("its [1999] air war", "the [1972] ... Treaty",
    "[Year 2000] computer glitches"); None when the date is an adjunct ("met Feb. 17, 2017, in ...").
    """
    if not t.text[-1:].isdigit():
        return None
    m = _NEXT_WORD_RE.match(text[t.end : t.end + 40])
    if not m or m.group(1).lower() in _FUNCTION_WORDS:
        return None
    return t.end + 1


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
    text: str,
    trigger_starts: Sequence[int] = (),
) -> tuple[TimeExpression | None, str]:
    """The governing expression among a sentence's candidates; whether it is in the clause or sentence."""
    trig = mention.trigger
    home = clause_index(clauses, trig.start)
    best: tuple | None = None
    for t in candidates:
        if _blocked(trig, t, verbs):
            continue
        head = _modified_head(t, text)
        if head is not None and not any(head <= s <= head + 30 for s in trigger_starts):
            continue  # a date modifying a plain noun ("Year 2000 computer glitches") dates no event
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
    chosen = _finer(best[1], [t for t in candidates if not _blocked(trig, t, verbs)], clauses)
    return chosen, "clause" if best[0][1] == 0 else "sentence"


def _finer(
    chosen: TimeExpression, others: Sequence[TimeExpression], clauses: Sequence[Span]
) -> TimeExpression:
    """A finer date of the same clause inside the chosen one ("Last year's exercise was held in October")."""
    home = clause_index(clauses, chosen.start)
    c_start, c_end, _ = _value_interval(chosen.value, chosen.mod)
    if c_start is None or c_end is None:
        return chosen
    best = chosen
    width = (c_end - c_start).days
    for t in others:
        if t is chosen or clause_index(clauses, t.start) != home:
            continue
        start, end, _ = _value_interval(t.value, t.mod)
        if start and end and c_start <= start and end <= c_end and (end - start).days < width:
            best, width = t, (end - start).days
    return best


def _range_start(
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
    found = find_triggers(text, lexicon_dir)
    verbs = [Span(m.start, m.end, "") for m in found if m.rule.pos == "verb"]
    trigger_starts = [m.start for m in found]
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
        chosen, source = _choose(mention, candidates, clauses, verbs, text, trigger_starts)
        chosen = _range_start(chosen, dating, text)
        too_far = (
            chosen is not None
            and abs(clause_index(clauses, chosen.start) - clause_index(clauses, mention.trigger.start)) > 1
        )
        if mention.status == "planned" and source == "sentence" and too_far:
            # A plan is dated by its own clause or the clause it hangs on, not by any date of the sentence.
            chosen = None
        if chosen is not None:
            dated = _dated(mention, chosen, source, by_tid, timexes, text)
            dated = _status_from_date(dated, document, lexicon_dir)
            dated = _plan_ahead(dated, document, timexes, by_tid, text)
        elif line is not None and mention.status in ("ongoing", "occurred") and _present_tense(mention):
            dated = _dated(mention, line, "dct", by_tid, timexes, text, "; present-tense dateline sentence")
        else:
            dated = mention
        first_pass.append(dated)
    return _passages(first_pass, text, document, by_tid, timexes, lexicon_dir)


# "had agreed", "had been frozen": a pluperfect sentence is a flashback, not the passage's reference time.
_PLUPERFECT_RE = re.compile(
    r"\bhad\s+(?:(?:already|also|just|previously|first|not|never)\s+)?"
    r"(?:been\s+)?\w+(?:ed|en|met|held|made|sent|begun|done|gone|seen|taken|spoken|given|led|won|fought)\b",
    re.IGNORECASE,
)


def _is_reference(mention: EventMention, lexicon_dir: Path | None) -> bool:
    """Can this mention give its date to the undated mentions of its passage?"""
    return (
        mention.status == "occurred"
        and not _PLUPERFECT_RE.search(mention.sentence.text)
        and mention.date_source in ("clause", "sentence")
        and mention.timex is not None
        and mention.start is not None
        and not _is_vague(mention.timex)
        and type_row(mention.event_type, lexicon_dir).passage
    )


_HEADER_LEFTOVER_RE = re.compile(r"[A-Za-z]+")
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*")


def _header_date(text: str, timexes: Sequence[TimeExpression], before: int) -> TimeExpression | None:
    """A line that is only a date (a transcript's or release's "June 12, 2003") before the first event."""
    for t in timexes:
        if t.start >= before or t.type not in ("DATE", "TIME") or _is_vague(t):
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


def _passages(
    mentions: list[EventMention],
    text: str,
    document: Document,
    by_tid: dict,
    timexes: Sequence[TimeExpression],
    lexicon_dir: Path | None,
) -> list[EventMention]:
    references = [m for m in mentions if _is_reference(m, lexicon_dir)]
    # The principal date: the most recent reported episode (news reports the latest contact and recalls
    # earlier ones as background); ties go to the first mention. Without any, a header date line.
    principal = max(references, key=lambda m: (m.start or date.min, -m.trigger.start), default=None)
    header = None
    if principal is None and mentions:
        header = _header_date(text, _dating(timexes), mentions[0].sentence.start)
    breaks = [m.start() for m in _PARAGRAPH_BREAK_RE.finditer(text)]
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
            and bisect_right(breaks, mention.sentence.start) - bisect_right(breaks, last.sentence.start) <= 1
        )
        reference = last if near else principal
        timex = reference.timex if reference is not None else header
        if (
            timex is not None
            and mention.status == "occurred"
            and type_row(mention.event_type, lexicon_dir).passage
        ):
            if reference is None:
                why = "the article's header date"
            elif reference is last:
                why = f"the passage's last date, from '{reference.trigger.text}'"
            else:
                why = f"the article's principal date, from '{reference.trigger.text}'"
            dated = _dated(mention, timex, "passage", by_tid, timexes, text)
            dated = replace(dated, explanation=f"{dated.explanation} ({why})")
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


_PAST_WORDS_RE = re.compile(r"\b(?:last|ago|yesterday|previous|earlier|past|before)\b", re.IGNORECASE)
_YEAR_IN_TEXT_RE = re.compile(r"\b\d{4}\b|'\d{2}\b")
_MONTH_NAME_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_MONTH_DAY_RE = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")


def _plan_ahead(mention: EventMention, document: Document, timexes, by_tid, text) -> EventMention:
    """A plan dated by a bare month or day the tagger put in the past ("agreed to meet ... in June", read in
    March) is about the next such month: a plan cannot be dated before the time of writing."""
    t, dct = mention.timex, document.published
    if (
        mention.status != "planned"
        or t is None
        or dct is None
        or mention.start is None
        or mention.start >= dct
    ):
        return mention
    m = _MONTH_DAY_RE.match(t.value)
    if not m or t.anchor != "dct" or _YEAR_IN_TEXT_RE.search(t.text) or _PAST_WORDS_RE.search(t.text):
        return mention
    if not _MONTH_NAME_RE.search(t.text):
        return mention  # "Tuesday" is the last or next week's, not next year's
    moved = replace(t, value=f"{int(m.group(1)) + 1}{m.group(2)}")
    start, _, _ = _value_interval(moved.value, moved.mod)
    if start is None or start < dct:
        return mention
    dated = _dated(mention, moved, mention.date_source, by_tid, timexes, text)
    return replace(dated, explanation=dated.explanation + "; a plan: the next one after the publication date")


def _status_from_date(mention: EventMention, document: Document, lexicon_dir: Path | None) -> EventMention:
    """An event its own sentence dates after the publication date is planned, whatever the tense.

    Without a publication date, the date's wording decides ("tomorrow", "later this summer").
    """
    if mention.status not in ("occurred", "ongoing") or mention.timex is None:
        return mention
    dct = document.published
    if dct is not None and mention.start is not None:
        future = mention.start > dct
    else:
        future = is_future_wording(mention.timex.text, status_cues(lexicon_dir))
    if future:
        return replace(mention, status="planned", label=_replan(mention.label))
    return mention


def _replan(label: str) -> str:
    return label if label.startswith("Planned: ") else "Planned: " + label
