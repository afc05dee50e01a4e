"""Which questions report something. A question asks and mostly reports nothing ("Q: Can you tell us about
the exercise?", "Will you meet the minister?"), but a question about how, when or why something happened
takes the happening for granted: "Q: Mr. Secretary, how did your meeting with General Wei go this morning?"
tells of a meeting this morning, and the answer after it is about that meeting (its date dates the answer's
passage too)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A speaker label and a form of address before the question proper: "Q:", "Q.", "Mr. Secretary,".
_LABEL_RE = re.compile(
    r"^\s*(?:Q\s*[:.]\s*)?(?:(?:Mr|Mrs|Ms|Madam|Dr)\.?\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?,\s*)?"
)
_WORD_RE = re.compile(r"[a-z’']+")


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"”'’)").endswith("?")


def asks_only(text: str, presupposing: Sequence[tuple[str, ...]]) -> bool:
    """True for a question that reports nothing; False for a statement or a question whose opening words
    (``presupposing``: "how did", "when was", ...) take its events for granted."""
    if not is_question(text):
        return False
    opening = _WORD_RE.findall(text[_LABEL_RE.match(text).end() :].lower())[:5]
    return not any(tuple(opening[: len(cue)]) == cue for cue in presupposing)
