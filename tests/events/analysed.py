"""Helpers for tests that run the whole per-document analysis on a short text and look at its mentions."""

from __future__ import annotations

from datetime import date

from pipeline.analyze import analyze
from pipeline.model import Document, EventMention


def mentions_of(text: str, published: date | None) -> list[EventMention]:
    """The event mentions the real analysis finds in ``text`` published on ``published``."""
    document = Document(doc_id="scope", source="scope.txt", text=text, title=None, published=published)
    return list(analyze(document).event_mentions)


def first_with(mentions: list[EventMention], word: str) -> EventMention:
    """The first mention whose trigger holds ``word`` (fails with the triggers found when there is none)."""
    found = [m for m in mentions if word in m.trigger.text]
    assert found, f"no mention with {word!r}: {[m.trigger.text for m in mentions]}"
    return found[0]


def actor_names(mention: EventMention) -> list[str]:
    return [r.name for r in mention.actors if r.role == "actor"]
