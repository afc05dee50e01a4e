"""Dates near a plan that are not the planned event's own: the year a plan covers ("sign a plan of military
contacts [for 1996]"), a date the plan no longer holds ("first set for January"), a plan's old date the
sentence then moves ("which had been scheduled for this spring, has been postponed until June"), and the day a
plan was shelved ("an exercise ..., shelved last year, will take place next month")."""

from __future__ import annotations

import re

from pipeline.model import EventMention, TimeExpression

__all__ = ["plan_date_elsewhere"]

_PLAN_FOR_YEAR_RE = re.compile(
    r"\b(?:plan|plans|program|programs|programme|schedule|calendar|budget)\b[^.;,]{0,30}"
    r"(?<!set)(?<!scheduled)(?<!planned)(?<!slated)(?<!due)(?<!expected)\s+for\s+(?:fiscal\s+)?$",
    re.IGNORECASE,
)
# A date the plan no longer holds: "Chen's visit, [first set for] January, finally took place in May".
_SUPERSEDED_RE = re.compile(
    r"\b(?:first|originally|initially|previously|once)\s+(?:set|scheduled|planned|slated|due|expected)\s+"
    r"(?:for|in|on)\s+$",
    re.IGNORECASE,
)
# A plan's date the sentence then moves: "which [had been scheduled for] this spring, has been postponed
# until June".
_HAD_BEEN_SET_RE = re.compile(
    r"\bhad\s+been\s+(?:scheduled|set|planned|slated|due)\s+(?:for|in|on)\s+$", re.I
)
_MOVED_TO_RE = re.compile(
    r"\b(?:postponed|delayed|put\s+off|pushed\s+back|moved|rescheduled|deferred)\s+(?:until|till|to|for)\b",
    re.I,
)
# A participle of a noun's cancelling right before a date: the date is the cancelling's, not the event's.
_SHELVED_RE = re.compile(
    r",\s*(?:shelved|postponed|cancell?ed|scrapped|suspended|delayed|called off|put off|dropped|frozen|"
    r"halted|deferred)\s+(?:in\s+|on\s+|at\s+)?$",
    re.IGNORECASE,
)


def plan_date_elsewhere(mention: EventMention, t: TimeExpression, text: str) -> bool:
    """Does the date belong to the plan's coverage, its superseded schedule or its shelving, not the event?"""
    trig = mention.trigger
    if (
        t.start >= trig.end
        and len(t.value) == 4
        and _PLAN_FOR_YEAR_RE.search(text, max(trig.start, t.start - 60), t.start)
    ):
        return True  # "sign a plan of military contacts [for 1996]": the year the plan covers
    if _SUPERSEDED_RE.search(text, max(0, t.start - 40), t.start) and mention.status != "cancelled":
        return True  # (a plan called off is dated by the date it had: "originally scheduled for Aug. 21")
    if (
        mention.status == "planned"
        and _HAD_BEEN_SET_RE.search(text, max(0, t.start - 40), t.start)
        and _MOVED_TO_RE.search(text, t.end, mention.sentence.end)
    ):
        return True  # "which had been scheduled for [this spring], has been postponed until June": June
    # "an exercise ..., [shelved] last year, will take place next month": the shelving's
    return t.start >= trig.end and bool(_SHELVED_RE.search(text, trig.end, t.start))
