"""How a clause stands to an event trigger: the trigger's own relative clause ("the exercise, which begins
tomorrow"), a sequel clause ("after a port visit to Constanta"), a clause hanging on a place the traveller
came from ("returned from Brussels, where he attended ..."). Their dates are, or are not, the trigger's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.clauses import clause_index
from pipeline.model import EventMention, Span, TimeExpression

# (not a demonstrative opening a date: "[That fall], NATO suspended ...")
_RELATIVE_RE = re.compile(
    # ("the launches, [the latest of which] came yesterday")
    r"^[\s,]*(?:(?:the\s+)?(?:latest|last|first|most|some|all|many|one|none|each|both|several)\s+of\s+)?"
    r"(?:that|which|whom)\b(?!\s+(?:fall|autumn|spring|summer|winter|year|month|week|weekend|day|morning|afternoon|"
    r"evening|night|time|same|very|period|decade|quarter|season)\b)",
    re.IGNORECASE,
)
# A preposition right before: "trained together on [that scale]" is no relative clause.
PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:in|on|at|since|by|from|until|till|through|during|before|after|of|for|to|between|and|or)\s+$",
    re.IGNORECASE,
)

# Between a noun trigger and its own relative clause: nothing, or the name it carries ("the exercise
# Saber Strike, which starts next month").
# ... or after a short phrase of its own: "an exercise [with the Russian navy] that was to start yesterday".
# (two such phrases too: "a visit [by a Russian logistics delegation] [to Scott Air Force Base], which had
# been set for May")
_PREPOSITION = (
    r"(?:with|of|between|by|in|off|near|at|to|from|on|aboard"
    r"|against|over|into|across|along|around|inside|under)"
)
_PP_GAP_RE = re.compile(
    rf"^(?:\s+{_PREPOSITION}\s+(?:the\s+|a\s+|an\s+)?[\w’'\-.]+(?:\s+[\w’'\-.]+){{0,4}}){{1,2}}"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*,?\s*$"  # ("Norfolk, Va.,")
)
_NAME_GAP_RE = re.compile(
    r"^(?:\s+[A-Z][\w\-’']*(?:\s+(?:[A-Z][\w\-’']*|\d+))*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)?\s*,?\s*$"
)


_APPOSITION_RE = re.compile(
    r",\s+(?:a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*$"
    # ... or a longer one that names the event again: "PANAMAX 2014, [a multinational exercise focused on
    # defending the Panama Canal], which begins Monday"; "Flintlock 2017, [U.S. Africa Command's annual
    # special operations exercise], which opened here Feb. 27"
    r"|,\s+(?:an?\s+|the\s+|[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}['’]s\s+)[^,;:()]{0,60}?\b"
    r"(?:exercise|exercises|drill|drills|maneuvers|manoeuvres|series|war\s+games|conference|summit|talks|"
    r"dialogue|meeting|visit|tour|mission|deployment)\b[^,;:()]{0,60}\s*$"
)


def own_relative(trigger: Span, clause: Span, text: str, verb: bool = False) -> bool:
    """Is this clause a relative clause of the trigger's own (right after it, maybe after its name)? A verb's
    only right after its wording: past a phrase, the clause is about the phrase's noun ("flew relief supplies
    into Sendai airport, [which had reopened the day before]")."""
    if not _RELATIVE_RE.match(clause.text):
        return False
    if trigger.start < clause.start < trigger.end:
        return True  # the trigger runs into it ("a series [that began]")
    if verb:
        return clause.start >= trigger.end and not text[trigger.end : clause.start].strip(" ,")
    gap = text[trigger.end : clause.start]
    # ... or through an apposition naming it again: "dioxin remediation at Bien Hoa Air Base, [a project]
    # that began in 2019"
    gap = _APPOSITION_RE.sub("", gap)
    # ("a two-day conference [here] that ended Tuesday")
    gap = _HERE_RE.sub("", gap)
    if _DOCUMENT_LAST_RE.search(gap):
        return False  # "an inspection ... under the New START Treaty, [which entered into force Feb. 5]"
    return clause.start >= trigger.end and bool(
        _NAME_GAP_RE.match(gap) or _PP_GAP_RE.match(gap) or _PARTICIPLE_GAP_RE.match(gap)
    )


# A phrase that ends on a treaty or a law: a relative clause after it tells of the document (closest noun).
_DOCUMENT_LAST_RE = re.compile(
    r"\b(?:treaty|agreement|accord|accords|convention|pact|memorandum|protocol|act|law)\s*,?\s*$",
    re.IGNORECASE,
)


# ... or after a participle of its own: "a multinational exercise [focused on defending the Panama Canal],
# which begins Monday".
_PARTICIPLE_GAP_RE = re.compile(r"^\s+[a-z]+(?:ed|ing)\b[^,;:()]{0,60},?\s*$")


_HERE_RE = re.compile(r"^\s+(?:here|there)(?=\s|,|$)", re.IGNORECASE)


def relative_clause(clause: Span, text: str) -> bool:
    """A clause opened by a relative pronoun ("a series [that began ...]"), not by a demonstrative after a
    preposition ("trained together on [that scale in 2019]")."""
    return bool(_RELATIVE_RE.match(clause.text)) and not PREPOSITION_BEFORE_RE.search(
        text, max(0, clause.start - 12), clause.start + 1
    )


SEQUEL_RE = re.compile(r"^\W*(?:after|before|until|following)\b", re.IGNORECASE)


HANGING_RE = re.compile(r"^[\s,]*(?:where|which|who|when)\b", re.IGNORECASE)
# The place a traveller came from, right before a clause hanging on it.
FROM_PLACE_RE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s*,?\s*$")


def in_sequel_clause(mention: EventMention, clauses: Sequence[Span]) -> bool:
    """Is the trigger in an "after ..."/"before ..." clause, or in one hanging on it ("after a stop in
    Brussels, [where he consulted] allies")? Its event is not at the main clause's time."""
    home = clause_index(clauses, mention.trigger.start)
    if SEQUEL_RE.match(clauses[home].text):
        # ... but not after a fronted phrase's comma: "Before the ceremony, the two admirals met ..."
        head = clauses[home].text[: mention.trigger.start - clauses[home].start]
        # (nor after a fronted place: "At a reception after the concert, the conductor invited ...")
        fronted = home == 0 or (home == 1 and not clauses[0].text.strip(" ,").count(" ") > 4)
        return not (fronted and "," in head)
    # ... or on the place the traveller came from ("arrived from Ukraine, [where he visited] a shipyard")
    return home > 0 and bool(
        HANGING_RE.match(clauses[home].text)
        and (SEQUEL_RE.match(clauses[home - 1].text) or FROM_PLACE_RE.search(clauses[home - 1].text))
    )


# Words that read only as a cause ...
_PLAIN_CAUSES = (
    r"because\s+of|in\s+(?:response|reaction|retaliation)\s+(?:to|for)|in\s+protest\s+(?:at|of|against|over)"
)
# ... and, before the trigger, those that may also open a schedule after it ("is due to take place")
_CAUSE_RE = re.compile(rf"\b(?:{_PLAIN_CAUSES}|due\s+to|owing\s+to|amid|in\s+light\s+of)\b", re.IGNORECASE)
_CAUSE_AFTER_RE = re.compile(rf"\b(?:{_PLAIN_CAUSES})\b", re.IGNORECASE)
_CLAUSE_PUNCTUATION_RE = re.compile(r"[,;:()]")


def in_cause(trigger: Span, t: TimeExpression, text: str) -> bool:
    """The date is in a cause of the event, which has its own time: "postponed ... until October because of
    [the fighting]", "called off a visit ... in response to the military takeover in Bangkok last Thursday"
    (after the trigger, unless a comma closes the cause first)."""
    if t.end <= trigger.start and _CAUSE_RE.search(text, t.end, trigger.start):
        return True
    cause = _CAUSE_AFTER_RE.search(text, trigger.end, t.start) if t.start >= trigger.end else None
    return cause is not None and not _CLAUSE_PUNCTUATION_RE.search(text, cause.end(), t.start)


def closed_relative(clauses: Sequence[Span], home: int, text: str) -> bool:
    """The trigger's clause is a relative one, closed before the clause of the date: that is the main
    predicate's ("a hiatus [that followed India's nuclear tests], is scheduled for late September")."""
    return (
        relative_clause(clauses[home], text)
        and _VERB_NEXT_RE.match(clauses[home].text) is not None  # (no "that" before a subject: "add that a")
        and _MAIN_PREDICATE_RE.match(clauses[home + 1].text) is not None
    )


_VERB_NEXT_RE = re.compile(
    r"^[\s,]*(?:that|which)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|has|have|had|is|are|was|were)\b"
)
_MAIN_PREDICATE_RE = re.compile(r"^\s*,\s+(?:has|have|had|is|are|was|were|will|would|[a-z]{3,}ed)\b")


def predicate_past_relative(clauses: Sequence[Span], home: int, there: int) -> bool:
    """The clause ``there`` is the predicate of the trigger's noun, told past a relative clause on it: "and
    the navies' Malabar exercise, [which resumed in 2002 after a hiatus ...], is scheduled for late September"
    (its own date, whatever date an earlier clause holds)."""
    return (
        there > home + 1
        and _RELATIVE_OPENER_RE.match(clauses[home + 1].text) is not None
        and _MAIN_PREDICATE_RE.match(clauses[there].text) is not None
        and not any(_MAIN_PREDICATE_RE.match(c.text) for c in clauses[home + 2 : there])
    )


_RELATIVE_OPENER_RE = re.compile(r"^\s*,\s+(?:which|who)\b")
