"""A date that pre-modifies a noun ("the [2011] work plan", "its [1999] air war") rather than standing as
an adjunct of its clause ("met [Feb. 17, 2017], in Baku"): it tells that noun's time, and an event's only
when the noun is the event's own."""

from __future__ import annotations

import re

from pipeline.events.clause_roles import PREPOSITION_BEFORE_RE
from pipeline.model import TimeExpression

__all__ = ["NEXT_WORD_RE", "modified_head", "pre_modifies"]

# Words after which a date is an adjunct of the clause, not a pre-modifier of the next noun.
_FUNCTION_WORD_LIST = """
a an the to and or but nor at in on of for with by from into onto over under after before
during until through since than that which who whom whose when where while as so then about
between among against near is was were are be been being will would shall should can could may
might must has have had do does did he she it they we i you his her its their our this these
those there here said says according also not no yet both each
off outside inside aboard along across around beyond alongside toward towards via amid amidst despite past
up down out within without behind beside besides upon throughout like unlike onboard ashore abroad overseas
home together again too ahead back later earlier instead"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_PHRASE_WORD_RE = re.compile(r"\s*(?:([A-Za-z0-9][\w'’\-]*)|([^\sA-Za-z0-9]))")
NEXT_WORD_RE = re.compile(r"^ ([A-Za-z][\w\-]*)")


def pre_modifies(t: TimeExpression, text: str) -> bool:
    """Does the date pre-modify a noun ("the [2011] work plan") rather than stand as an adjunct?"""
    return modified_head(t, text) is not None


def modified_head(t: TimeExpression, text: str) -> tuple[int, int] | None:
    """The noun phrase a date pre-modifies ("its [1999] air war", "the [1972] Anti-Ballistic Missile Treaty",
    "[Year 2000] computer glitches"), as (start, end); None when the date is an adjunct ("met Feb. 17, 2017,
    in ...")."""
    if not t.text[-1:].isdigit() or PREPOSITION_BEFORE_RE.search(text, max(0, t.start - 12), t.start):
        return None
    m = NEXT_WORD_RE.match(text[t.end : t.end + 40])
    if not m or m.group(1).lower() in _FUNCTION_WORDS:
        return None
    end = t.end + 1
    words = list(_PHRASE_WORD_RE.finditer(text, t.end + 1, min(len(text), t.end + 60)))
    for i, word in enumerate(words):
        coordinated = (  # "the Sept. 14 [drone and missile attack]": modifiers joined by "and" or "or"
            word.group(1)
            and word.group(1).lower() in ("and", "or")
            and i + 2 < len(words)
            and all(w.group(1) and w.group(1).lower() not in _FUNCTION_WORDS for w in words[i + 1 : i + 3])
        )
        if not coordinated and (word.group(2) or word.group(1).lower() in _FUNCTION_WORDS):
            break
        end = word.end()
    return t.end + 1, end
