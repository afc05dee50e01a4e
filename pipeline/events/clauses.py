"""Clauses inside a sentence, and the sentence-level tests event extraction needs (headline, dateline).

A clause here is a stretch of a sentence between strong boundaries: semicolons, colons, dashes, parentheses
and the conjunctions that open a new predicate ("but", "after", "because", ", and" ...). It is the scope in
which a date governs an event and a status cue ("will", "cancelled") applies. Boundaries never fall inside
a time expression, so "Feb. 17, 2017, in Baku" stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.model import Span, TimeExpression

# Punctuation that closes a clause, and words that open one. "since" does not: "have spoken by phone since
# Milley took office" keeps the perfect-with-since that makes a series in one clause.
# The look-ahead states what every alternative starts with: the engine tries the alternatives only there.
_BOUNDARY_RE = re.compile(
    r"(?=[\s;:(),])(?:"
    r"\s*;\s*|:\s+|\s+[–—]\s+|\s+--?\s+|\s*\(\s*|\s*\)\s*"
    # (", or MEDRETE," glosses the noun before it: no new clause)
    r"|,\s+(?:and|or(?!\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}\s*,)|but|while|whereas|although|though|which|who"
    r"|where|when|despite|(?:the\s+)?(?:latest|last|first|most|some|all|many|one|none|each|both|several)\s+of\s+"
    r"(?:which|whom))\s+"
    r"|\s+(?:but|while|whereas|although|because|after|before|until|when|where|that|so that)\s+"
    # A second predicate of the same subject with its own auxiliary: "leaves on Friday [and will] stop ...
    # on Saturday", "first trained together in 1992 [and have] exercised annually since 2002".
    r"|\s+and\s+(?=(?:will|would|shall|has|have|had|then|later)\s+[a-z]))",
    re.IGNORECASE,
)
# What closes a dateline after its date: a dash or bar, maybe after the agency ("May 16 (Reuters) -").
# A range's hyphen ("June 9-12") is not one: a hyphen or en dash needs a space before it.
_DATELINE_TAIL_RE = re.compile(r"^\s*(?:\([A-Za-z .&]{1,30}\)\s*)?\)?(?:\s*—|\s+(?:–|--?|\|))")
_HEADLINE_END_RE = re.compile(r"[.!?;\"”'’)]\s*$")
_CAP_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "via",
        "over",
        "after",
        "before",
    ]
)


def split_clauses(text: str, sentence: Span, timexes: Sequence[TimeExpression] = ()) -> list[Span]:
    """Clauses of one sentence, covering it from start to end, in order."""
    inside = [(t.start, t.end) for t in timexes if sentence.start <= t.start < sentence.end]
    cuts: list[int] = [sentence.start]
    for m_start, m_end in _boundaries(text[sentence.start : sentence.end]):
        at = sentence.start + m_start
        end = sentence.start + m_end
        if any(s <= at < e or s < end <= e for s, e in inside):
            continue
        if at > cuts[-1]:
            cuts.append(at)
    cuts.append(sentence.end)
    return [Span(a, b, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


@lru_cache(maxsize=256)
def _boundaries(body: str) -> tuple[tuple[int, int], ...]:
    """Boundary matches of a sentence's text (cached: extraction and anchoring split the same sentences)."""
    found = [m.span() for m in _BOUNDARY_RE.finditer(body)]
    if ", wh" in body:
        found = sorted(found + _relative_closings(body, found))
    if _FRONTED_OPENER_RE.search(body):
        closings = [
            m.span(1) for pos in (0, *(b for _, b in found)) if (m := _FRONTED_CLOSE_RE.match(body, pos))
        ]
        found = sorted({*found, *closings})
    return tuple(found)


_FRONTED_OPENER_RE = re.compile(
    r"\b(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Aa]lthough|[Tt]hough|[Bb]ecause|[Oo]nce|[Uu]ntil|[Ii]f)\s"
)
# A fronted subordinate clause ends at the comma before the main clause's subject: "In May 1998, after India
# conducted a series of nuclear tests[, ]the United States imposed sanctions" (its words are not the main
# predicate's: "a series of" there makes no series of sanctions).
_FRONTED_CLOSE_RE = re.compile(
    r"(?:[^,;:]{0,40},\s+)?(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Aa]lthough|[Tt]hough|[Bb]ecause|[Oo]nce|[Uu]ntil|"
    r"[Ii]f)\s+[^,;:]{3,120}?(,\s+)(?=(?:the|a|an|he|she|they|we|it|its|their|his|her|[A-Z])\w*\b)"
)


# A relative clause on a subject ends at the comma before the main verb: "The Shebab, who have been fighting
# since 2007, [claimed] the attack", "Col. Dorrian, who took over in June, [said] ...". (A comma before a
# place or a date goes on the relative clause: "who visited Moscow, Russia, in June".)
_RELATIVE_OPENER_RE = re.compile(r",\s+(?:who|which|whose)\s+")
_MAIN_VERB_AFTER_RE = re.compile(
    r",\s+(?=(?:has|have|had|is|are|was|were|will|would|said|says|told|met|took|made|spoke|led|won|became|"
    r"remains|remained|[a-z]{3,}ed)\b)"
)


def with_subject_relative(clauses: Sequence[Span], index: int, text: str) -> Span:
    """The clause at ``index``, reaching back over a relative clause on its subject that closed right before
    it ("Macierewicz, who arrived on Tuesday, [toured] ..."): where the participants of its verb are told."""
    clause = clauses[index]
    if index > 0 and _RELATIVE_OPENER_RE.match(clauses[index - 1].text) and clause.text.startswith(","):
        start = clauses[index - 1].start
        return Span(start, clause.end, text[start : clause.end])
    return clause


_PUNCTUATED_RE = re.compile(r"\s*[,;:()–—-]")


def _relative_closings(body: str, found: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The commas that close a relative clause on the subject before the main verb."""
    out: list[tuple[int, int]] = []
    for opener in _RELATIVE_OPENER_RE.finditer(body):
        # (past the words that open a clause inside it: "which resumed in 2002 [after] a hiatus [that]
        # followed India's nuclear tests, is scheduled ...")
        stop = min(
            (a for a, b in found if a > opener.start() and _PUNCTUATED_RE.match(body, a, b)),
            default=len(body),
        )
        close = _MAIN_VERB_AFTER_RE.search(body, opener.end(), stop)
        if close is not None:
            out.append(close.span())
    return out


def clause_index(clauses: Sequence[Span], offset: int) -> int:
    """Index of the clause holding ``offset`` (the last clause when it is past the end)."""
    for i, clause in enumerate(clauses):
        if clause.start <= offset < clause.end:
            return i
    return len(clauses) - 1 if clauses and offset >= clauses[-1].end else 0


_BULLET_RE = re.compile(r"^(?:[-*•·–—]|\d+[.)])\s")


def is_headline(sentence: Span, title: str | None = None, line_alone: bool = False) -> bool:
    """Headlines and page chrome are not mentions: a title line, or a Title-Case line with no final stop."""
    body = sentence.text.strip()
    if not body:
        return True
    if title and body == title.strip():
        return True
    if _HEADLINE_END_RE.search(body) or body[:1].islower():
        return False  # a stop ends a sentence; a lower-case start goes on one ("the leaders: - discussed")
    words = _CAP_WORD_RE.findall(body)
    if not words or len(words) > 25:
        return False
    if line_alone and len(words) <= 20 and not _BULLET_RE.match(body):
        return True  # a line of its own with no final stop: a headline or subhead in sentence case
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper())
    return not content or capitalised / len(content) >= 0.6


_LINK_TAIL_RE = re.compile(r"\s*(?:[:|»>–—-]|$)")


def _link_prefix(body: str, prefixes: Sequence[str]) -> bool:
    low = body.lower()
    for prefix in prefixes:
        if low.startswith(prefix) and (
            prefix.endswith(":") or _LINK_TAIL_RE.match(low, len(prefix)) is not None
        ):
            return True
    return False


def is_link_line(sentence: Span, previous: Span | None, prefixes: Sequence[str]) -> bool:
    """Links to other stories are no reports ("Related: Hagel Visits Troops", "READ MORE: ..."); nor is the
    unpunctuated title line right after a bare "Related Articles" line."""
    body = sentence.text.strip()
    if _link_prefix(body, prefixes):
        return True
    if previous is None or _HEADLINE_END_RE.search(body):
        return False
    before = previous.text.strip().rstrip(":").strip().lower()
    return any(before == p.rstrip(":") for p in prefixes)


def dateline_timex(sentence: Span, timexes: Sequence[TimeExpression], text: str) -> TimeExpression | None:
    """The date of a dateline opening the sentence ("MOSCOW, Nov. 3, 2001 – ..."), if there is one.

    It is the publication date restated, not the date of the events in the sentence, so it only dates
    present-tense events there.
    """
    for t in timexes:
        if not sentence.start <= t.start < sentence.end:
            continue
        if t.start - sentence.start > 80:
            return None
        if _DATELINE_TAIL_RE.match(text[t.end : t.end + 40]):
            return t
        return None
    return None
