"""A plan told right after another dated plan is part of it: "And tomorrow the secretary hosts the commander
of the Brazilian Navy at the Pentagon. The admiral and the secretary are expected to discuss maritime
security" (the discussion is tomorrow's). Only the sentence right after, in the same paragraph, and not a
plan told as another one ("Serdyukov also will tour the Naval Academy": "also" opens a new plan, which keeps
no date it is not told)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.dedup_rules import load_rules
from pipeline.events.dating import date_mention, is_vague
from pipeline.events.types import event_type as type_row
from pipeline.model import EventMention, TimeExpression

_BETWEEN_SENTENCES_RE = re.compile(r"[^\S\n]*\n?[^\S\n]*")  # the next sentence, in the same paragraph
_WORD_RE = re.compile(r"[\w’']+")


def plans_told_after(
    mentions: Sequence[EventMention],
    text: str,
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    lexicon_dir: Path | None,
) -> list[EventMention]:
    """The mentions, with undated plans of the sentence right after a dated plan dated as that plan."""
    additive = load_rules(lexicon_dir).additive_cues
    out: list[EventMention] = []
    last: EventMention | None = None
    for mention in mentions:
        if mention.status == "planned" and mention.date_source in ("clause", "sentence"):
            if mention.timex is not None and not is_vague(mention.timex):
                last = mention
            out.append(mention)
            continue
        undated_plan = (
            mention.status == "planned"
            and mention.date_source == "none"
            and not additive.intersection(_words_before(mention, text))
            and type_row(mention.event_type, lexicon_dir).passage
        )
        if (
            undated_plan
            and last is not None
            and last.timex is not None
            and _next_sentence(last, mention, text)
        ):
            dated = date_mention(mention, last.timex, "passage", by_tid, timexes, text)
            why = f"the plan told just before, from '{last.trigger.text}'"
            mention = replace(dated, explanation=f"{dated.explanation} ({why})")
        elif undated_plan and (asked := _question_date(mention, text, timexes)) is not None:
            dated = date_mention(mention, asked, "passage", by_tid, timexes, text)
            mention = replace(dated, explanation=f"{dated.explanation} (the question it answers)")
        out.append(mention)
    return out


# An answer right after its question: "Q: On Brazil, will the talks tomorrow cover the submarine program?" /
# "CAPT. HARROWER: The admiral and the secretary are expected to discuss maritime security ...".
_QUESTION_BEFORE_RE = re.compile(r"\?[\"”]?\s*(?:[A-Z][A-Za-z.\s]{0,40}?(?:\([^)]*\))?:?\s*)?$")


def _question_date(
    mention: EventMention, text: str, timexes: Sequence[TimeExpression]
) -> TimeExpression | None:
    """The date a question right before the answer's sentence asks about, if any (a plan's day)."""
    start = mention.sentence.start
    window = text[max(0, start - 300) : start]
    asked = _QUESTION_BEFORE_RE.search(window)
    if asked is None:
        return None
    end = start - len(window) + asked.start() + 1
    question_start = max(text.rfind("\n", 0, end - 1), text.rfind(". ", 0, end - 1)) + 1
    dates = [t for t in timexes if question_start <= t.start < end and t.type == "DATE" and not is_vague(t)]
    return dates[0] if dates else None


def _next_sentence(plan: EventMention, mention: EventMention, text: str) -> bool:
    if mention.sentence.start == plan.sentence.start:
        return False  # (a plan of the same sentence has its own clause's date, or none on purpose)
    gap = text[plan.sentence.end : mention.sentence.start]
    return plan.sentence.end <= mention.sentence.start and bool(_BETWEEN_SENTENCES_RE.fullmatch(gap))


def _words_before(mention: EventMention, text: str) -> set[str]:
    before = text[mention.sentence.start : mention.trigger.start]
    return {w.lower() for w in _WORD_RE.findall(before)}
