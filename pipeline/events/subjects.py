"""Who acts when the text names the subject indirectly: a pronoun, a possessive, "they" in a later clause.

``roles.assign_roles`` finds the participants named around a trigger; news prose often names the actor
earlier ("Cohen ... The secretary traveled to Belgium during his trip", "when he visited Bergen", "and they
plan to meet again"). These rules put the person or pair told before in the actor's place and keep the
participants found around the trigger as recipients.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from pipeline.events.roles import MAX_PARTICIPANTS, carried_roles, pronoun_subject
from pipeline.model import Actor, ActorMention, ActorRole, Span

# A pronoun subject inside the sentence, right before the trigger ("when [he] visited", "where [she] met").
_PRONOUN_BEFORE_RE = re.compile(r"\b(?:he|she)\s+(?:[a-z]+\s+){0,2}$")
_THEY_BEFORE_RE = re.compile(r"\b(?:they|both)\s+(?:[a-z]+\s+){0,3}$")
# A possessive pronoun before a noun trigger ("during [his] trip", "[her] first visit to Hanoi").
_POSSESSIVE_BEFORE_RE = re.compile(r"\b(?:his|her)\s+(?:[a-z\-]+\s+){0,2}$")
# A date owning a noun trigger: "today's visit", "Tuesday's talks", "last week's exercise".
_DATE_OWNER_RE = re.compile(
    r"\b(?:today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year)"
    r"['’]s\s+(?:[a-z\-]+\s+)?$",
    re.IGNORECASE,
)
# "Cohen's latest trip": a name's possessive, at most two words before a noun trigger.
_OWNER_GAP_RE = re.compile(r"^(?:['’]s|['’])\s+(?:[a-z\-]+\s+){0,2}$")


def _as_actor(actor: Actor) -> tuple[ActorRole, ...]:
    return (ActorRole(actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, "actor"),)


def _possessor(
    text: str, start: int, mentions: Sequence[ActorMention], actors: Mapping[str, Actor]
) -> tuple[ActorRole, ...]:
    """The person or organisation whose possessive stands right before a noun trigger, as its actor."""
    for m in mentions:
        actor = actors.get(m.actor_id)
        if actor is None or actor.kind == "country" or not m.end <= start <= m.end + 30:
            continue
        gap = text[m.end : start]
        if m.text.endswith(("'s", "’s")):
            gap = "'s" + gap
        if _OWNER_GAP_RE.match(gap):
            return _as_actor(actor)
    return ()


def _first_person(mentions: Sequence[ActorMention], actors: Mapping[str, Actor]) -> tuple[ActorRole, ...]:
    """The first person named among ``mentions``, as an actor (none: empty)."""
    for m in mentions:
        actor = actors.get(m.actor_id)
        if actor is not None and actor.kind == "person":
            return _as_actor(actor)
    return ()


def _with_subject(roles: tuple[ActorRole, ...], subject: tuple[ActorRole, ...]) -> tuple[ActorRole, ...]:
    """``subject`` as the actor; the participants found around the trigger as recipients."""
    if not subject:
        return roles
    head = subject[0]
    others = tuple(replace(r, role="recipient") for r in roles if r.actor_id != head.actor_id)
    return ((head,) + others)[:MAX_PARTICIPANTS]


def implied_subject(
    text: str,
    trigger: Span,
    clause: Span,
    sentence: Span,
    noun: bool,
    mentions: Sequence[ActorMention],
    actors: Mapping[str, Actor],
    roles: tuple[ActorRole, ...],
    history: Sequence[tuple[ActorRole, ...]],
) -> tuple[ActorRole, ...]:
    """The participants of a trigger once an indirect subject is read; ``roles`` when there is none.

    ``mentions`` are the actor mentions of the sentence, ``history`` the participants of the events told
    before in the document (most recent last).
    """
    named_before = any(sentence.start <= m.start and m.end <= trigger.start for m in mentions)
    number = None if named_before else pronoun_subject(text, sentence)
    if number and (carried := carried_roles(history, number)):
        # "They agreed ...", "Among other things, the leaders agreed ...": the participants told before,
        # not the people named in the object.
        return carried
    near = max(clause.start, trigger.start - 30)
    if not named_before and _PRONOUN_BEFORE_RE.search(text, near, trigger.start):
        # "... when he visited Bergen, Norway, last month": the person told before visits.
        return _with_subject(roles, carried_roles(history, "singular"))
    if _THEY_BEFORE_RE.search(text, near, trigger.start) and (plural := carried_roles(history, "plural")):
        # "The two officers last met in March, and [they] plan to meet again": the same two.
        return plural
    if not noun:
        return roles
    if _DATE_OWNER_RE.search(text, max(sentence.start, trigger.start - 20), trigger.start):
        # "Gates hopes [today's] visit will establish ...": the subject of "hopes" is no participant of
        # the visit; only those named after it are.
        after = {m.actor_id for m in mentions if m.start >= trigger.end}
        return tuple(r for r in roles if r.actor_id in after)
    if owner := _possessor(text, trigger.start, mentions, actors):
        # "Defense Secretary William S. Cohen's latest trip to Europe": the owner travels.
        return _with_subject(roles, owner)
    if _POSSESSIVE_BEFORE_RE.search(text, max(sentence.start, trigger.start - 25), trigger.start):
        # "The secretary traveled to Belgium and Russia during [his] trip": his is the subject's.
        before = [m for m in mentions if m.end <= trigger.start]
        return _with_subject(roles, _first_person(before, actors) or carried_roles(history, "singular"))
    return roles
