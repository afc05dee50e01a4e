"""Rows of the store's tables (``pipeline/store_schema.sql``) from analyses and events: plain dicts."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pipeline.export import event_record, mention_record
from pipeline.model import Actor, Document, DocumentAnalysis, Event
from pipeline.store_codec import dumps

Rows = dict[str, list[dict[str, Any]]]


def document_rows(analyses: Sequence[DocumentAnalysis], now: datetime) -> Rows:
    """Rows of the per-document tables for ``analyses``."""
    rows: Rows = {
        t: []
        for t in (
            "documents",
            "analyses",
            "sentences",
            "time_expressions",
            "document_actors",
            "actor_mentions",
            "event_mentions",
        )
    }
    for analysis in analyses:
        doc = analysis.document
        d = doc.doc_id
        rows["documents"].append(
            {
                "doc_id": d,
                "source": doc.source,
                "title": doc.title,
                "url": doc.url,
                "publisher": doc.publisher,
                "published": doc.published,
                "published_source": doc.published_source,
                "published_note": doc.published_note,
                "n_chars": len(doc.text),
                "text": doc.text,
                "ingested_at": now,
            }
        )
        rows["analyses"].append({"doc_id": d, "analysis": dumps(analysis)})
        rows["sentences"].extend({"doc_id": d, "start": s.start, "end": s.end} for s in analysis.sentences)
        rows["time_expressions"].extend(
            {
                "doc_id": d,
                "tid": t.tid,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "anchor": t.anchor,
                "rule": t.rule,
                "explanation": t.explanation,
                "underspecified": bool(t.underspecified),
            }
            for t in analysis.timexes
        )
        rows["document_actors"].extend({"doc_id": d, **actor_row(a)} for a in analysis.actors)
        rows["actor_mentions"].extend(
            {
                "doc_id": d,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "actor_id": m.actor_id,
                "how": m.how,
            }
            for m in analysis.actor_mentions
        )
        for m in analysis.event_mentions:
            rec = mention_record(m, doc)
            rows["event_mentions"].append(
                {
                    "mention_id": m.mention_id,
                    "doc_id": d,
                    **{k: rec[k] for k in _MENTION_COPY if k in rec},
                    "sentence_end": m.sentence.end,
                    "event_type": m.event_type,
                    "start": m.start,
                    "end": m.end,
                    "precision": m.precision,
                    "timex_tid": m.timex.tid if m.timex else None,
                    "confidence": float(m.confidence),
                    "label": m.label,
                }
            )
    return rows


_MENTION_COPY = (
    "sentence",
    "sentence_start",
    "trigger",
    "trigger_start",
    "trigger_end",
    "date_text",
    "date_start",
    "date_end",
    "date_value",
    "date_rule",
    "date_source",
    "status",
    "explanation",
)


def actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": list(actor.aliases),
    }


def canonical_rows(canonical: Mapping[str, Actor]) -> Rows:
    actors = {a.actor_id: a for a in canonical.values()}
    return {
        "actors": [actor_row(a) for a in actors.values()],
        "actor_canonical": [{"actor_id": k, "canonical_id": a.actor_id} for k, a in canonical.items()],
    }


def event_rows(events: Sequence[Event], documents: Mapping[str, Document]) -> Rows:
    """Rows of the rebuilt event tables; ``events.record`` is the contract JSON of each event."""
    rows: Rows = {"events": [], "event_actors": [], "event_mention_links": []}
    for event in events:
        record = event_record(event, documents)
        main = record["mentions"][0] if record["mentions"] else {}
        text = " ".join([event.label, *(m.sentence.text for m in event.mentions)]).lower()
        rows["events"].append(
            {
                "event_id": event.event_id,
                "event_type": event.event_type,
                "plover": event.plover,
                "cameo": event.cameo,
                "label": event.label,
                "date_value": event.date_value,
                "start": event.start,
                "end": event.end,
                "precision": event.precision,
                "status": event.status,
                "n_docs": event.n_docs,
                "n_mentions": len(event.mentions),
                "main_mention_id": event.mentions[0].mention_id if event.mentions else None,
                "date_text": main.get("date_text"),
                "explanation": main.get("explanation"),
                "search_text": text,
                "record": json.dumps(record, ensure_ascii=False),
            }
        )
        rows["event_actors"].extend(
            {
                "event_id": event.event_id,
                "actor_id": a.actor_id,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "sector": a.sector,
                "role": a.role,
                "ordinal": i,
            }
            for i, a in enumerate(event.actors)
        )
        for i, (mention, rec) in enumerate(zip(event.mentions, record["mentions"], strict=True)):
            rows["event_mention_links"].append(
                {
                    "event_id": event.event_id,
                    "mention_id": mention.mention_id,
                    "doc_id": mention.doc_id,
                    "ordinal": i,
                    "is_main": i == 0,
                    **{k: rec[k] for k in _MENTION_COPY if k in rec},
                }
            )
    return rows
