"""What one mention of a sentence tells about another told with it: the traveller and place of "from
Moscow" after an arrival, a noun cancelled by a predicate of its sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.model import ActorMention, ActorRole, EventMention, Span


def cancel_noun_subject(told: list[tuple], referent: EventMention) -> None:
    """The noun a cancelling predicate of its sentence tells of is cancelled ("A live-fire exercise for the
    trainers and the graduates, planned as the final event, was canceled"), whatever came between."""
    for i, (mention, match, clause) in enumerate(told):
        if mention is referent and mention.status in ("occurred", "planned") and match.rule.pos != "verb":
            told[i] = (replace(mention, status="cancelled"), match, clause)


def origin_roles(
    roles: tuple[ActorRole, ...], trigger: Span, scoped: Sequence[ActorMention], told: Sequence[tuple]
) -> tuple[ActorRole, ...]:
    """ "arrived in Kiev on Sunday from Moscow": the traveller is the arrival's, the place the one named."""
    travel = [m for m, _, _ in told if m.event_type == "VISIT"]
    if not travel:
        return roles
    travellers = tuple(r for r in travel[-1].actors if r.role == "actor")
    inside = {m.actor_id for m in scoped if trigger.start <= m.start < trigger.end}
    places = tuple(replace(r, role="recipient") for r in roles if r.actor_id in inside)
    return travellers + places or roles


def at_home(roles: Sequence[ActorRole]) -> bool:
    countries = {r.role: r.country for r in roles if r.country}
    return bool(countries.get("actor")) and countries.get("actor") == countries.get("recipient")
