"""Participants of an event mention, from the actor mentions around its trigger.

Convention (PLOVER/ICEWS practice, and the dev gold): the first-named participant is the actor, the others
are recipients; a visitor is the actor and the host the recipient, also for hosted meetings. The speaker a
sentence is attributed to ("..., Morrell said") is not a participant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from pipeline.model import Actor, ActorMention, ActorRole, Span

MAX_PARTICIPANTS = 4
_SUBJECT_GAP = 45  # characters between coordinated subjects ("Gates, left, and Russian Defense Minister ...")
# "..., Pentagon Press Secretary Geoff Morrell said." / "said Smith" / "according to a senior official"
_SPEAKER_AFTER_RE = re.compile(
    r"^[\s,]*(?:(?!(?:was|were|is|are|be|been|being|has|had)\b)\w+\s+){0,2}?"
    r"(?:said|says|told reporters|explained|noted|added|stated|announced|reported)\b",
    re.IGNORECASE,
)
_SPEAKER_CUES_BEFORE = ("said", "says", "according to", "explained", "added", "noted")
_SPEAKER_BEFORE_RE = re.compile(rf"(?:\b(?:{'|'.join(_SPEAKER_CUES_BEFORE)})[\s,]*)$", re.IGNORECASE)
_ASCII_SPACES_AND_COMMAS = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f,"  # what "[\s,]" matches in an ASCII text
# Where a visit or trip goes: the place after these words is the host.
_DESTINATION_BEFORE_RE = re.compile(r"\b(?:to|in|at|into)\s+(?:the\s+)?$", re.IGNORECASE)
_OBJECT_GAP_RE = re.compile(r"\s+(?:the\s+)?")
_AUXILIARY_BEFORE_RE = re.compile(r"\b(?:will|would|to|can|could|may|might|shall|should|must|did)\s+$", re.I)
_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an|another|any|no|some)\s+$", re.IGNORECASE)
_CLAUSE_PRONOUN_RE = re.compile(r"\b(?:he|she)\s+(?:[a-z]+\s+){0,2}$")
_RELATIVE_WHO_RE = re.compile(r"^[\s,]*who\b", re.IGNORECASE)
# A second predicate with no subject of its own: "..., and will tour", "and has since visited".
_COORDINATED_PREDICATE_RE = re.compile(
    r"^[\s,]*(?:and|but)\s+(?:also\s+)?(?:will|would|shall|has|have|had|then|later)\b", re.IGNORECASE
)
_PRONOUN_SUBJECT_RE = re.compile(
    r"^\W*(?:[A-Za-z][\w ]{0,40},\s*"
    r"|(?:on|in|at|during|later|earlier|yesterday|then)\b(?:\s+[\w.]+){0,3}?\s+)?"
    r"(he|she|they|the two(?: men| leaders| sides| officials| ministers| defense leaders)?"
    r"|both(?: men| sides)?|the leaders|the men|the ministers|the officials)\b",
    re.IGNORECASE,
)


def _is_speaker(text: str, mention: ActorMention, sentence: Span) -> bool:
    after = text[mention.end : min(sentence.end, mention.end + 40)]
    before = text[max(sentence.start, mention.start - 25) : mention.start]
    if _SPEAKER_AFTER_RE.match(after):
        return True
    # (an ASCII text that does not end with a cue cannot match: the common case, told without the regex)
    end = before.rstrip(_ASCII_SPACES_AND_COMMAS).lower()
    if before.isascii() and not end.endswith(_SPEAKER_CUES_BEFORE):
        return False
    return bool(_SPEAKER_BEFORE_RE.search(before))


def _role(actor: Actor, role: str) -> ActorRole:
    return ActorRole(actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, role)


def pronoun_subject(text: str, sentence: Span) -> str | None:
    """ "plural" or "singular" when the sentence's subject is a pronoun or a bare plural ("He met ...",
    "The two discussed ...", "Among other things, the leaders agreed ..."), else None."""
    m = _PRONOUN_SUBJECT_RE.match(text[sentence.start : sentence.end])
    if not m:
        return None
    return "singular" if m.group(1).lower() in ("he", "she") else "plural"


def carried_roles(history: Sequence[tuple[ActorRole, ...]], number: str) -> tuple[ActorRole, ...]:
    """The participants a pronoun subject refers to: the last event's with two or more for a plural."""
    for roles in reversed(history):
        people = [r for r in roles if r.kind != "country"]
        persons = [r for r in people if r.kind == "person"]  # "he" is a person, not "the U.S. Army"
        if number == "singular" and persons:
            return (replace(persons[0], role="actor"),)
        if number == "plural" and len(people) >= 2:
            return tuple(roles)
    return ()


def _window(
    text: str, trigger: Span, scoped: Sequence[ActorMention], stops: Sequence[Span]
) -> list[ActorMention]:
    """The mentions that can be this trigger's participants: its subject (the nearest mention before it, with
    the mentions coordinated with it: "Gates and Serdyukov signed"), mentions inside the trigger ("hosted
    Philippine Defense Secretary Galvez"), and those after it up to the next verb trigger."""
    before = [m for m in scoped if m.end <= trigger.start]
    inside = [m for m in scoped if trigger.start <= m.start < trigger.end]
    after = [m for m in scoped if m.start >= trigger.end]
    chosen: list[ActorMention] = []
    if before:
        chosen.append(before[-1])
        # "the first time [a Russian] defense minister has visited": an indefinite subject is nobody named
        # before it, so no earlier mention joins it.
        indefinite = bool(_INDEFINITE_BEFORE_RE.search(text, max(0, before[-1].start - 12), before[-1].start))
        for m in [] if indefinite else reversed(before[:-1]):
            head = chosen[0]
            blocked = any(m.end <= v.start and v.end <= head.start for v in stops)
            if head.start - m.end > _SUBJECT_GAP or blocked:
                break
            chosen.insert(0, m)
    chosen += inside
    for m in after:
        if any(trigger.end <= v.start and v.end <= m.start for v in stops):
            break
        chosen.append(m)
        if len(chosen) >= MAX_PARTICIPANTS + 2:
            break
    return chosen


# The agent of an event noun, after it: "a visit [by] a U.S. defense secretary", "talks hosted [by] Norway".
_BY_AGENT_RE = re.compile(r"\bby\s+(?:a\s+|an\s+|the\s+)?(?:[\w.’'\-]+\s+){0,2}$", re.IGNORECASE)


def assign_roles(
    text: str,
    trigger: Span,
    clause: Span,
    sentence: Span,
    mentions: Sequence[ActorMention],
    actors: Mapping[str, Actor],
    host_subject: bool = False,
    event_type: str = "",
    stops: Sequence[Span] = (),
) -> tuple[ActorRole, ...]:
    """Participants of the event stated by ``trigger``.

    ``mentions`` are the actor mentions of the sentence, in order; ``stops`` the other verb triggers of the
    sentence (their participants are theirs). Mentions in the trigger's clause come first; without any, the
    sentence's. ``host_subject`` marks wordings where the subject hosts ("X hosted meetings with Y": Y is the
    actor, X the recipient). Demonyms ("Russian history") come after names among the recipients.
    """
    usable = [m for m in mentions if m.actor_id in actors and not _is_speaker(text, m, sentence)]
    scoped = [m for m in usable if clause.start <= m.start < clause.end] or usable
    if _RELATIVE_WHO_RE.match(clause.text):
        # "Minister Peter Callander, who arrived ...": the relative pronoun's antecedent is the subject.
        antecedent = [m for m in usable if m.end <= clause.start and clause.start - m.end <= 3]
        scoped = antecedent[-1:] + [m for m in scoped if m not in antecedent]
        if antecedent and any(clause.start <= v.start and v.end <= trigger.start for v in stops):
            # "Macierewicz, who arrived in Washington on Tuesday, toured ...": the relative clause is over.
            scoped = antecedent[-1:] + [m for m in scoped if m.start >= trigger.start]
    elif _COORDINATED_PREDICATE_RE.match(clause.text) and not any(
        clause.start <= m.start < trigger.start for m in usable
    ):
        # "Ashby met Saldarriaga here yesterday [and will tour] a base tomorrow": the first clause's subject.
        first_verb = min((v.start for v in stops if sentence.start <= v.start < clause.start), default=None)
        subject = [m for m in usable if first_verb is not None and m.end <= first_verb]
        if subject:
            scoped = subject + [m for m in scoped if m.start >= clause.start]
    elif clause.start > sentence.start and _CLAUSE_PRONOUN_RE.search(text, clause.start, trigger.start):
        # "Hollins arrived ... from Moscow, where he had met Rudakov": "he" is the sentence's first person.
        people = [m for m in usable if m.end <= clause.start and actors[m.actor_id].kind == "person"]
        if people and not any(clause.start <= m.start < trigger.start for m in scoped):
            scoped = people[:1] + [m for m in scoped if m is not people[0]]
    ordered: list[tuple[ActorMention, str]] = []
    seen: set[str] = set()
    noun = not any(v.start == trigger.start for v in stops)
    for m in _window(text, trigger, scoped, [v for v in stops if v.start != trigger.start]) or scoped:
        if m.actor_id in seen:
            continue
        seen.add(m.actor_id)
        before_trigger = m.end <= trigger.start
        if host_subject:
            role = "recipient" if before_trigger else "actor"
        elif (
            noun and not before_trigger and _BY_AGENT_RE.search(text, max(trigger.end, m.start - 30), m.start)
        ):
            role = "actor"  # "the first visit to Russia by a U.S. defense secretary": the agent of the noun
        elif event_type == "VISIT" and not before_trigger:
            # a destination after a preposition, or the object of the visiting verb ("it will visit the U.S.
            # Naval Academy": the place visited, whoever "it" is)
            verb = not noun or _AUXILIARY_BEFORE_RE.search(text, max(0, trigger.start - 12), trigger.start)
            object_of_verb = bool(verb) and _OBJECT_GAP_RE.fullmatch(text, trigger.end, m.start) is not None
            destination = _DESTINATION_BEFORE_RE.search(text[max(0, m.start - 12) : m.start])
            role = "recipient" if destination or object_of_verb else ""
        else:
            role = ""
        ordered.append((m, role))
    has_actor = any(r == "actor" for _, r in ordered)
    assigned: list[tuple[ActorMention, str]] = []
    for m, role in ordered:
        if not role:
            role = "recipient" if has_actor else "actor"
        has_actor = has_actor or role == "actor"
        assigned.append((m, role))
    assigned.sort(key=lambda pair: (pair[1] != "actor", pair[0].how == "demonym"))
    return tuple(_role(actors[m.actor_id], role) for m, role in assigned[:MAX_PARTICIPANTS])
