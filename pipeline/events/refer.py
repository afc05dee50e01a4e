"""Wordings that refer back to an event told before and take its type.

"The next edition is planned for 2021" (after "have held the exercise every two years"), "next year's round
will be in Canberra" (after "the ministerial talks"), "The rescue drill, held every year ..., will take place
in mid-October": the noun or predicate names no type of its own (rules under ``REFER`` in
event_triggers.yaml); its antecedent is the nearest earlier mention, in the same sentence or the few before,
of a type the wording can refer to.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.events.triggers import TriggerRule
from pipeline.model import EventMention, Span

# How many sentences back an antecedent may stand.
REACH = 3


def antecedent(rule: TriggerRule, trigger: Span, earlier: Sequence[EventMention]) -> EventMention | None:
    """The event mention ``trigger`` refers back to among ``earlier`` (those of the last ``REACH``
    sentences and of its own), or None: then it is no mention at all."""
    for mention in reversed(earlier):
        if mention.trigger.start < trigger.start and mention.event_type in rule.refers_to:
            return mention
    return None
