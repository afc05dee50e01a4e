"""Events as the records of the command-line contract (``dateline events --format jsonl``).

One function shared by the CLI, the Parquet snapshot and the development scorers, so the JSON a script reads
and the row the dashboard shows never drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipeline.model import Document, Event, EventMention


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def mention_record(mention: EventMention, document: Document | None) -> dict[str, Any]:
    """A mention with enough provenance to find it again: document, sentence, trigger, date expression."""
    sentence = mention.sentence
    timex = mention.timex
    return {
        "doc_id": mention.doc_id,
        "source": document.source if document else None,
        "title": document.title if document else None,
        "published": _iso(document.published) if document else None,
        "published_source": document.published_source if document else None,
        "sentence": sentence.text,
        "sentence_start": sentence.start,
        "sentence_end": sentence.end,
        "trigger": mention.trigger.text,
        "trigger_start": mention.trigger.start,
        "trigger_end": mention.trigger.end,
        "date_text": timex.text if timex else None,
        "date_start": timex.start if timex else None,
        "date_end": timex.end if timex else None,
        "date_value": mention.date_value,
        "date_rule": timex.rule if timex else None,
        "date_source": mention.date_source,
        "status": mention.status,
        "explanation": mention.explanation,
    }


def event_record(event: Event, documents: Mapping[str, Document]) -> dict[str, Any]:
    """The contract's JSON object for one deduplicated event."""
    return {
        "event_id": event.event_id,
        "type": event.event_type,
        "plover": event.plover,
        "cameo": event.cameo,
        "label": event.label,
        "date_value": event.date_value,
        "start": _iso(event.start),
        "end": _iso(event.end),
        "precision": event.precision,
        "status": event.status,
        "actors": [
            {"name": a.name, "country": a.country, "sector": a.sector, "role": a.role, "kind": a.kind}
            for a in event.actors
        ],
        "n_docs": event.n_docs,
        "mentions": [mention_record(m, documents.get(m.doc_id)) for m in event.mentions],
    }
