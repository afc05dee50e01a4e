"""Which way a date named without a year points: the tense and modality of its clause.

"will meet on Wednesday" -> the next Wednesday; "met on Wednesday" -> the last one. The nearest cue word
(``data/lexicon/timex/tense.yaml``) in the expression's sentence decides; no cue -> None (the resolver then
takes the nearest date in either direction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z])|\n\s*\n|\n")
_WINDOW = 220
_RIGHT_PENALTY = 25  # a cue after the expression is weaker than one before it ("On Friday he will")


@dataclass(frozen=True)
class TenseCues:
    regex: re.Pattern[str]
    not_past: frozenset[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def compile_cues(spec: dict[str, Any]) -> TenseCues:
    """One regex with a group per cue kind; -ed words are past unless listed in ``not_past``."""
    parts = [
        rf"(?P<future>{_alternation(spec.get('future', []))})",
        rf"(?P<past>{_alternation(spec.get('past', []))})",
        rf"(?P<reporting>{_alternation(spec.get('reporting', []))})",
        r"(?P<ed>[a-z]{2,}ed)",
    ]
    regex = re.compile(r"(?<![\w’'])(?:" + "|".join(parts) + r")(?![\w’'])", re.IGNORECASE)
    return TenseCues(regex, frozenset(w.lower() for w in spec.get("not_past", [])))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _WINDOW)
    begin = left
    for found in _SENTENCE_END.finditer(text, left, start):
        begin = found.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + _WINDOW))
    return begin, stop.start() if stop else min(len(text), end + _WINDOW)


def clause_tense(text: str, start: int, end: int, cues: TenseCues) -> str | None:
    """ "past", "future" or None for the expression at ``text[start:end]``."""
    begin, stop = _sentence(text, start, end)
    best: tuple[int, str] | None = None
    for region, offset in ((text[begin:start], begin), (text[end:stop], end)):
        for found in cues.regex.finditer(region):
            kind = found.lastgroup
            if kind == "reporting":
                continue
            if kind == "ed":
                if found.group().lower() in cues.not_past or found.group()[:1].isupper():
                    continue
                kind = "past"
            absolute = found.start() + offset
            distance = start - (found.end() + offset) if absolute < start else absolute - end + _RIGHT_PENALTY
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None
