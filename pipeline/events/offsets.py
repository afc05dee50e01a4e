"""Events dated as an amount before or after another event's date: "The council last met in June 2014, three
months after Russia annexed Crimea" (the annexation: June 2014 minus three months), "Moscow offered the help
a day after Katrina came ashore on the Gulf Coast Aug. 29" (the offer: Aug. 29 plus a day); with no amount,
"put those contacts on hold after Russian troops crossed into Georgia in August" takes the other's date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pipeline.model import EventMention, TimeExpression
from pipeline.timex.interval import value_interval

# "The council last met in June 2014, [three months after] Russia annexed Crimea": the other event's date is
# the told one moved by the amount.
_OFFSET_LINK_RE = re.compile(r"\s+(after|before)\s+(?:[\w’'.\-]+\s+){0,5}$", re.IGNORECASE)
_BACK_TO_TOLD_RE = re.compile(r"\s+(?:that|this|then)\b", re.IGNORECASE)
_AMOUNT_RE = re.compile(r"^P(\d+)([DWMY])$")
_UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def offset_from(
    mention: EventMention,
    candidates: Sequence[TimeExpression],
    timexes: Sequence[TimeExpression],
    text: str,
    published: date | None = None,
) -> TimeExpression | None:
    """An event told as an amount before or after a date of its sentence takes that date moved by it."""
    sentence = mention.sentence
    if any(0 <= t.start - mention.trigger.end <= 12 and t.type == "DATE" for t in candidates):
        return None  # its own date right after it: "a day after the attacks of Sept. 11, 2001"
    for amount in timexes:
        if amount.type != "DURATION" or not sentence.start <= amount.start < mention.trigger.start:
            continue
        link = _OFFSET_LINK_RE.match(text, amount.end, mention.trigger.start)
        told = [t for t in candidates if t.end <= amount.start]
        if not (link and told):
            continue
        after = link.group(1).lower() == "after"
        # (n after the event = the told date: the event is n before it; but "[two days after that] he hosted
        # Bush": n after the told date)
        sign = (1 if after else -1) if _BACK_TO_TOLD_RE.match(text, link.end(1)) else (-1 if after else 1)
        if moved := _moved(amount, told[-1], sign):
            return moved
    return (
        _offset_after(mention, candidates, timexes, text)
        or _right_after(mention, candidates, text, published)
        or _shortly_after_told(mention, candidates, text)
    )


# "Moscow offered the help [a day after] Katrina came ashore on the Gulf Coast Aug. 29": the amount right
# after the trigger, the other event's date after it.
_AMOUNT_THEN_LINK_RE = re.compile(r"\s+(after|before)\s+", re.IGNORECASE)


def _offset_after(
    mention: EventMention, candidates: Sequence[TimeExpression], timexes: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """The event told as an amount after or before another event dated later in its sentence."""
    for amount in timexes:
        if amount.type != "DURATION" or not 0 <= amount.start - mention.trigger.end <= 3:
            continue
        link = _AMOUNT_THEN_LINK_RE.match(text, amount.end)
        told = [t for t in candidates if t.start >= amount.end and t.type == "DATE"]
        if link and told:
            return _moved(amount, told[0], 1 if link.group(1).lower() == "after" else -1)
    return None


# "put those contacts on hold [after] Russian troops crossed into Georgia in August": a link in the
# trigger's clause (no comma, colon or quote between), the other event and its date after it in the same
# stretch.
_LINK_AFTER_TRIGGER_RE = re.compile(r"[^,;:()\"“”]{0,60}?\b(?:after|following)\s+", re.IGNORECASE)
_STRETCH_END_RE = re.compile(r"[,;:()\"“”]")
_AND_BETWEEN_RE = re.compile(r"\s(?:and|but)\s+(?:was|were|has|have|had|then|later)\b", re.IGNORECASE)


def _right_after(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str, published: date | None
) -> TimeExpression | None:
    """A past event told as coming after another one dated in the same stretch of its sentence ("froze
    contacts after the collision in April 2001") is dated by that date, to its precision: what came right
    after a happening of August is known to August (the date is the other event's, so a verb between does not
    take it away). A date before the link, or fronted before the trigger, is the event's own and wins."""
    if mention.status not in ("occurred", "ongoing"):
        return None
    trig = mention.trigger
    link = _LINK_AFTER_TRIGGER_RE.match(text, trig.end, mention.sentence.end)
    if link is None or any(
        t.start < link.end()
        # (not a date of the predicate coordinated before: "began in 1992 and [was suspended] after ...")
        and not (t.end <= trig.start and _AND_BETWEEN_RE.search(text, t.end, trig.start))
        for t in candidates
        if t.type == "DATE"
    ):
        return None
    stop = _STRETCH_END_RE.search(text, link.end(), mention.sentence.end)
    end = stop.start() if stop else mention.sentence.end
    told = [t for t in candidates if link.end() <= t.start and t.end <= end and t.type == "DATE"]
    if not told:
        return None
    start = value_interval(told[0].value, told[0].mod)[0]
    if published and start and start > published:
        return None  # a plan the other clause tells of ("after Obama canceled a planned summit next month")
    return told[0]


# "Russia announced the suspension April 7, [shortly after] two U.S. Navy destroyers fired Tomahawk missiles":
# the event right after the link happened the day the main clause tells (a plain "after" only to the month).
_SHORTLY_AFTER_RE = re.compile(
    r"\b(?P<near>(?:shortly|soon|just|right|immediately|hours|minutes|moments)\s+)?(?:after|before)\s+"
    r"(?:[\w’'.\-]+\s+){0,8}$",
    re.IGNORECASE,
)


# The link's main clause is a saying, not the dated event: what it reports has its own time.
_SAID_BEFORE_LINK_RE = re.compile(r"\b(?:said|says|told\s+\w+|added|noted|announced)\s+$", re.IGNORECASE)


def _shortly_after_told(
    mention: EventMention, candidates: Sequence[TimeExpression], text: str
) -> TimeExpression | None:
    """A past event told right after or before another dated earlier in its sentence shares its date: the day
    with "shortly" (or a coarser date with a plain "after")."""
    if mention.status not in ("occurred", "ongoing"):
        return None
    link = _SHORTLY_AFTER_RE.search(
        text, max(mention.sentence.start, mention.trigger.start - 80), mention.trigger.start
    )
    if link is None or any(t.start >= link.start() for t in candidates if t.type == "DATE"):
        return None
    if _SAID_BEFORE_LINK_RE.search(text, max(0, link.start() - 30), link.start()):
        return None  # "will send troops in January, the minister [said after] meeting ...": the saying's
    # (the date told right before the link, in the same stretch of the sentence)
    told = [t for t in candidates if link.start() - 60 <= t.end <= link.start() and t.type == "DATE"]
    if not told:
        return None
    grain = value_interval(told[-1].value, told[-1].mod)[2]
    return told[-1] if link.group("near") or grain not in ("day", "time") else None


def _moved(amount: TimeExpression, told: TimeExpression, sign: int) -> TimeExpression | None:
    """``amount`` retyped as the date ``told`` moved by it (``sign`` +1: later); None when the amount is no
    plain count or the told date is coarser than it ("a day after" an event known to the month)."""
    from pipeline.timex import values as V  # noqa: PLC0415 (the timex value helpers, only here)

    size = _AMOUNT_RE.match(amount.value)
    parsed = V.parse(told.value)
    if size is None or parsed is None:
        return None
    day, grain = parsed
    unit = _UNIT_NAMES[size.group(2)]
    if V.RANK[grain] > V.RANK[unit]:
        return None
    if unit in ("month", "year"):
        grain = unit  # "six months after Aug. 2": a month, not a day counted to the day
    value = V.format_as(V.shift(day, unit, sign * int(size.group(1))), grain)
    how = f"'{told.text}' ({told.value}) {'+' if sign > 0 else '-'} {amount.value} = {value}"
    return replace(amount, type="DATE", value=value, anchor=told.tid, explanation=how)
