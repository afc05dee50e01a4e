"""Dates told by another event rather than by a time word: "A day after the closing ceremony, the delegation
traveled to Astana", "Two weeks after the workshop ended, militants attacked", "On the eve of the exercise,
commanders held a planning conference", "At that meeting, allies agreed to raise spending".

A sentence that opens with such a frame dates its undated mentions by the event the frame names, told in an
earlier sentence: the latest one told with the same word, else, for a counted frame, the latest dated event of
the sentence right before (the occasion the passage is at: "wrapped up Exercise Steppe Eagle on Aug. 24. A day
after the closing ceremony, ..."). The amount moves that date; "the eve of" is the day before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from pipeline.events.dating import date_mention
from pipeline.events.refer import dated_as
from pipeline.model import EventMention, TimeExpression
from pipeline.timex import values as V

_NOUN_PHRASE = r"(?P<np>it|(?:the|that|this|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)"
# what the named event did to end or begin ("after the workshop ended", "a year after it was signed")
_EVENT_VERB = (
    r"(?:\s+(?:ended|began|opened|closed|concluded|wrapped\s+up|took\s+place|was\s+signed|was\s+held))?"
)
_FRAME_RE = re.compile(
    r"[\"“]?(?:"
    r"(?P<amount>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|year)s?)"
    r"\s+(?P<way>after|before)|(?:on\s+)?(?P<eve>the\s+eve)\s+of|at|after|following"
    r")\s+" + _NOUN_PHRASE + _EVENT_VERB + r"\s*,\s",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_REACH = 1200  # characters back to the event a frame names


def dated_from_event(
    mentions: Sequence[EventMention],
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    text: str,
) -> list[EventMention]:
    """Undated occurred or planned mentions of a sentence opened by an event frame, dated by that event."""
    out = list(mentions)
    for i, mention in enumerate(out):
        if mention.timex is not None or mention.status not in ("occurred", "planned"):
            continue
        frame = _FRAME_RE.match(text, mention.sentence.start, mention.trigger.start)
        if frame is None:
            continue
        # ("At the Pentagon, ...": without an amount, only an event told with the same word is named)
        counted = frame.group("amount") is not None or frame.group("eve") is not None
        # (the frame's noun may be a mention already resolved: "At that meeting" named the summit told before)
        inside = [
            m for m in out if frame.start("np") <= m.trigger.start < frame.end() and m.timex is not None
        ]
        other = inside[0] if inside else _named_event(frame.group("np"), mention, out, text, counted)
        if other is None or other.timex is None:
            continue
        out[i] = _moved(mention, other, frame, by_tid, timexes, text)
    return out


def _named_event(
    noun_phrase: str, mention: EventMention, told: Sequence[EventMention], text: str, fallback: bool
) -> EventMention | None:
    """The event the frame names: told with the same word (any, for "it"), else (``fallback``) the latest
    dated one of the sentence right before."""
    start = mention.sentence.start
    earlier = [m for m in told if m.trigger.start < start and start - m.trigger.start <= _REACH]
    head = noun_phrase.split()[-1].lower()
    for other in reversed(earlier):
        if other.timex is None:
            continue
        if head == "it" or any(w[:5] == head[:5] for w in other.trigger.text.lower().split()):
            return other
    before = [m for m in earlier if m.timex is not None and m.sentence.end <= start]
    if not before or not fallback:
        return None
    last_sentence = before[-1].sentence.start
    if text[before[-1].sentence.end : start].count("\n") > 1:
        return None  # another paragraph: the occasion is not the one just told
    return next(m for m in reversed(before) if m.sentence.start == last_sentence)


def _moved(
    mention: EventMention,
    other: EventMention,
    frame: re.Match[str],
    by_tid: Mapping[str, TimeExpression],
    timexes: Sequence[TimeExpression],
    text: str,
) -> EventMention:
    """``mention`` at the date of ``other``, moved by the frame's amount."""
    if frame.group("amount") is None and frame.group("eve") is None:
        return dated_as(mention, other, mention.status, "the event it is told at or after")
    parsed = V.parse(other.date_value or "")
    if parsed is None or other.timex is None:
        return mention
    day, grain = parsed
    if frame.group("eve"):
        count, unit, sign = 1, "day", -1
    else:
        number, unit = frame.group("amount").lower().split()
        count, unit = _COUNTS.get(number) or int(number), unit.rstrip("s")
        sign = -1 if frame.group("way").lower() == "before" else 1
    if V.RANK[grain] > V.RANK[unit]:
        return mention  # "a day after" an event known to the month: no day to count from
    moved = V.shift(day, unit, sign * count)
    value = V.format_as(moved, grain)
    words = frame.group(0).rstrip(" ,")
    how = (
        f"'{other.trigger.text}' ({other.date_value}) {'-' if sign < 0 else '+'} {count} {unit}(s) = {value}"
    )
    shifted = replace(
        other.timex,
        start=frame.start(),
        end=frame.start() + len(words),
        text=words,
        type="DATE",
        value=value,
        mod=None,
        explanation=how,
    )
    return date_mention(mention, shifted, "sentence", by_tid, timexes, text)
