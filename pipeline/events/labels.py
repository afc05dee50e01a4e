"""Short human labels for event mentions ("Gates visits Russia"), from the templates in event_types.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.events.types import event_type as type_row
from pipeline.model import ActorRole

_STATUS_PREFIX = {"planned": "Planned: ", "cancelled": "Cancelled: ", "recurring": "Recurring: "}


def short_name(role: ActorRole) -> str:
    """A person by surname, anything else by its name."""
    if role.kind == "person":
        parts = [p for p in role.name.replace(",", " ").split() if p[:1].isupper()]
        return parts[-1] if parts else role.name
    return role.name


def make_label(
    event_type: str, roles: Sequence[ActorRole], status: str = "occurred", lexicon_dir: Path | None = None
) -> str:
    """Fill the type's template with its first actor and first recipient."""
    row = type_row(event_type, lexicon_dir)
    actor = next((r for r in roles if r.role == "actor"), None)
    recipients = [r for r in roles if r.role == "recipient"]
    # A person meets a person: "Gates meets Serdyukov" rather than "Gates meets Russia" when both are named.
    same_kind = [r for r in recipients if actor is not None and r.kind == actor.kind]
    recipient = (same_kind or recipients or [None])[0]
    if actor and recipient:
        text = row.label.format(actor=short_name(actor), recipient=short_name(recipient))
    elif actor or recipient:
        one = actor or recipient
        assert one is not None
        text = row.label_one.format(actor=short_name(one), recipient=short_name(one))
    else:
        text = row.label_none
    return _STATUS_PREFIX.get(status, "") + text


def replan(label: str) -> str:
    """The label of a mention that turned out to be a plan."""
    return label if label.startswith("Planned: ") else "Planned: " + label
