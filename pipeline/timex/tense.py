"""Which way a date named without a year points: the tense and modality of its clause.

"will meet on Wednesday" -> the next Wednesday; "met on Wednesday" -> the last one. The nearest cue word
(``data/lexicon/timex/tense.yaml``) around the expression decides, within its clause; no cue -> None (the
resolver then takes the nearest date in either direction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z])|\n")
_QUOTES = re.compile(r"[\"“”]")
_RIGHT_PENALTY = 25  # a cue after the expression is weaker than one before it ("On Friday he will")
_REACH = 80  # characters: a cue farther away belongs to another clause
_AUX_REACH = 16  # "will be held": a future auxiliary this close before a past form makes it future


@dataclass(frozen=True)
class TenseCues:
    regex: re.Pattern[str]
    not_past: frozenset[str]
    before: re.Pattern[str]  # preposition right before the expression
    boundary: re.Pattern[str]
    adjective: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or "(?!)"


def compile_cues(spec: dict[str, Any]) -> TenseCues:
    """One regex with a group per cue kind; -ed words are past unless listed in ``not_past``."""
    parts = [
        rf"(?P<future>{_alternation(spec.get('future', []))})",
        rf"(?P<past>{_alternation(spec.get('past', []) + spec.get('past_reporting', []))})",
        r"(?P<ed>[a-z]{2,}ed)",
    ]
    regex = re.compile(r"(?<![\w’'])(?:" + "|".join(parts) + r")(?![\w’'])", re.IGNORECASE)
    before = re.compile(
        rf"(?:(?P<past>{_alternation(spec.get('past_prepositions', []))})"
        rf"|(?P<future>{_alternation(spec.get('future_prepositions', []))}))\s+$",
        re.IGNORECASE,
    )
    return TenseCues(
        regex,
        frozenset(w.lower() for w in spec.get("not_past", [])),
        before,
        re.compile(spec.get("clause_boundary", "(?!)")),
        re.compile(spec.get("adjective_markers", "(?!)"), re.IGNORECASE),
    )


def _window(text: str, start: int, end: int, cues: TenseCues) -> tuple[int, int]:
    """The clause, roughly: same sentence and quotation, nearby, up to a clause boundary after it."""
    begin = max(0, start - _REACH)
    for found in _SENTENCE_END.finditer(text, begin, start):
        begin = found.end()
    for quote in _QUOTES.finditer(text, begin, start):
        begin = quote.end()
    stop = min(len(text), end + _REACH - _RIGHT_PENALTY)
    for pattern in (_SENTENCE_END, _QUOTES, cues.boundary):
        if found := pattern.search(text, end, stop):
            stop = found.start()
    return begin, stop


def clause_tense(text: str, start: int, end: int, cues: TenseCues) -> str | None:
    """ "past", "future" or None for the expression at ``text[start:end]``."""
    if found := cues.before.search(text, max(0, start - 12), start):
        return found.lastgroup
    begin, stop = _window(text, start, end, cues)
    best: tuple[int, str] | None = None
    futures: list[int] = []  # end offsets of future cues left of the expression
    for found in cues.regex.finditer(text, begin, stop):
        if start <= found.start() < end:
            continue
        kind = found.lastgroup or ""
        if kind == "ed":
            word = found.group()
            if word.lower() in cues.not_past or word[:1].isupper():
                continue
            if cues.adjective.search(text, max(0, found.start() - 20), found.start()):
                continue
            kind = "past"
        if kind == "future" and found.end() <= start:
            futures.append(found.end())
        elif kind == "past" and futures and found.start() - futures[-1] <= _AUX_REACH:
            kind = "future"  # "will be held", "is expected to be signed"
        left = found.end() <= start
        distance = start - found.end() if left else found.start() - end + _RIGHT_PENALTY
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None
