"""Rows of the store's tables (``pipeline/store_schema.sql``) from analyses and events, as tuples in the
column order of ``COLUMNS`` (the store inserts them column-wise through Arrow).

``prepare_document`` builds every per-document row, including the per-mention dedup payloads (each mention
whole, as JSON), so that it can run in the worker process that made the analysis: the parent only inserts.
The ``analyses`` table (whole analyses as JSON) is no longer written: it was 11 times the size of the texts
and nothing but dedup read it; stores that have it keep it for ``store_events`` to read once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.dedup import actor_records, text_features
from pipeline.export import event_record, mention_record
from pipeline.model import Actor, Document, DocumentAnalysis, Event, EventMention
from pipeline.store_codec import from_jsonable, to_jsonable

Rows = dict[str, list[tuple]]

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
_ACTOR = ("actor_id", "name", "kind", "country", "sector", "aliases")

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "source",
        "title",
        "url",
        "publisher",
        "published",
        "published_source",
        "published_note",
        "n_chars",
        "text",
        "ingested_at",
    ),
    "analyses": ("doc_id", "analysis"),
    "sentences": ("doc_id", "start", "end"),
    "time_expressions": (
        "doc_id",
        "tid",
        "start",
        "end",
        "text",
        "type",
        "value",
        "mod",
        "anchor",
        "rule",
        "explanation",
        "underspecified",
    ),
    "document_actors": ("doc_id", *_ACTOR),
    "actor_mentions": ("doc_id", "start", "end", "text", "actor_id", "how"),
    "event_mentions": (
        "mention_id",
        "doc_id",
        *_MENTION_COPY,
        "sentence_end",
        "event_type",
        "start",
        "end",
        "precision",
        "timex_tid",
        "confidence",
        "label",
    ),
    "dedup_mentions": ("doc_id", "mention_id", "published", "payload"),
    "dedup_actors": ("doc_id", "ordinal", *_ACTOR),
    "actors": _ACTOR,
    "actor_canonical": ("actor_id", "canonical_id"),
    "events": (
        "event_id",
        "event_type",
        "plover",
        "cameo",
        "label",
        "date_value",
        "start",
        "end",
        "precision",
        "status",
        "n_docs",
        "n_mentions",
        "main_mention_id",
        "date_text",
        "explanation",
        "search_text",
        "record",
    ),
    "event_actors": ("event_id", "actor_id", "name", "kind", "country", "sector", "role", "ordinal"),
    "event_mention_links": ("event_id", "mention_id", "doc_id", "ordinal", "is_main", *_MENTION_COPY),
    "dedup_keys": ("event_id", "key"),
}
DOCUMENT_TABLES = (
    "documents",
    "analyses",
    "sentences",
    "time_expressions",
    "document_actors",
    "actor_mentions",
    "event_mentions",
    "dedup_mentions",
    "dedup_actors",
)
EVENT_TABLES = ("actors", "actor_canonical", "events", "event_actors", "event_mention_links", "dedup_keys")


@dataclass(frozen=True)
class Prepared:
    """Everything stored for one analysed document, made where the analysis was made."""

    rows: Rows | None  # None: sent with the other rows of its chunk as Arrow tables (``analysis_pool``)
    text: tuple  # ``pipeline.dedup.text_features`` of its event mentions, in order


def prepare_document(analysis: DocumentAnalysis, now: datetime, lexicon_dir: Path | None) -> Prepared:
    from pipeline.dedup_rules import load_rules

    text = tuple(text_features(analysis, load_rules(lexicon_dir)))
    return Prepared(document_rows([analysis], now, {analysis.document.doc_id: text}), text)


def merge_rows(parts: Sequence[Rows]) -> Rows:
    out: Rows = {}
    for part in parts:
        for table, rows in part.items():
            out.setdefault(table, []).extend(rows)
    return out


def document_rows(
    analyses: Sequence[DocumentAnalysis], now: datetime, text: Mapping[str, Sequence[Any]]
) -> Rows:
    """Rows of the per-document tables for ``analyses``; ``text``: doc_id -> text features of its mentions."""
    rows: Rows = {t: [] for t in DOCUMENT_TABLES}
    for analysis in analyses:
        doc = analysis.document
        d = doc.doc_id
        rows["documents"].append(
            (
                d,
                doc.source,
                doc.title,
                doc.url,
                doc.publisher,
                doc.published,
                doc.published_source,
                doc.published_note,
                len(doc.text),
                doc.text,
                now,
            )
        )
        rows["sentences"].extend((d, s.start, s.end) for s in analysis.sentences)
        rows["time_expressions"].extend(
            (
                d,
                t.tid,
                t.start,
                t.end,
                t.text,
                t.type,
                t.value,
                t.mod,
                t.anchor,
                t.rule,
                t.explanation,
                bool(t.underspecified),
            )
            for t in analysis.timexes
        )
        rows["document_actors"].extend((d, *actor_row(a)) for a in analysis.actors)
        rows["actor_mentions"].extend(
            (d, m.start, m.end, m.text, m.actor_id, m.how) for m in analysis.actor_mentions
        )
        for m in analysis.event_mentions:
            rec = mention_record(m, doc)
            rows["event_mentions"].append(
                (
                    m.mention_id,
                    d,
                    *(rec[k] for k in _MENTION_COPY),
                    m.sentence.end,
                    m.event_type,
                    m.start,
                    m.end,
                    m.precision,
                    m.timex.tid if m.timex else None,
                    float(m.confidence),
                    m.label,
                )
            )
        for m, words in zip(analysis.event_mentions, text[d], strict=True):
            rows["dedup_mentions"].append((d, m.mention_id, doc.published, mention_payload(m, words)))
        rows["dedup_actors"].extend((d, i, *actor_row(a)) for i, a in enumerate(actor_records(analysis)))
    return rows


def mention_payload(mention: EventMention, text: Sequence[Any]) -> str:
    """A mention (every field, ``store_codec``) and its dedup text features as JSON (sets as sorted lists):
    what the store keeps of an analysis besides its relational tables."""
    norm, words, names, trigger, additive, anaphoric = text
    features = [norm, sorted(words), sorted(names), sorted(trigger), additive, anaphoric]
    return _json({"m": to_jsonable(mention), "t": features})


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def read_payload(payload: str) -> tuple[EventMention, tuple]:
    data = json.loads(payload)
    norm, words, names, trigger, additive, anaphoric = data["t"]
    text = (norm, frozenset(words), frozenset(names), frozenset(trigger), additive, anaphoric)
    return from_jsonable(EventMention, data["m"]), text


def actor_row(actor: Actor) -> tuple:
    return (actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, list(actor.aliases))


def canonical_rows(canonical: Mapping[str, Actor]) -> Rows:
    actors = {a.actor_id: a for a in canonical.values()}
    return {
        "actors": [actor_row(a) for a in actors.values()],
        "actor_canonical": [(k, a.actor_id) for k, a in canonical.items()],
    }


def event_rows(
    events: Sequence[Event], documents: Mapping[str, Document], keys: Mapping[str, Sequence[str]]
) -> Rows:
    """Rows of the event tables; ``events.record`` is the contract JSON of each event, ``keys`` the dedup
    blocks each event is indexed under (event_id -> keys)."""
    rows: Rows = {t: [] for t in ("events", "event_actors", "event_mention_links", "dedup_keys")}
    for event in events:
        record = event_record(event, documents)
        main = record["mentions"][0] if record["mentions"] else {}
        text = " ".join([event.label, *(m.sentence.text for m in event.mentions)]).lower()
        rows["events"].append(
            (
                event.event_id,
                event.event_type,
                event.plover,
                event.cameo,
                event.label,
                event.date_value,
                event.start,
                event.end,
                event.precision,
                event.status,
                event.n_docs,
                len(event.mentions),
                event.mentions[0].mention_id if event.mentions else None,
                main.get("date_text"),
                main.get("explanation"),
                text,
                json.dumps(record, ensure_ascii=False),
            )
        )
        rows["event_actors"].extend(
            (event.event_id, a.actor_id, a.name, a.kind, a.country, a.sector, a.role, i)
            for i, a in enumerate(event.actors)
        )
        rows["event_mention_links"].extend(
            (event.event_id, mention.mention_id, mention.doc_id, i, i == 0, *(rec[k] for k in _MENTION_COPY))
            for i, (mention, rec) in enumerate(zip(event.mentions, record["mentions"], strict=True))
        )
        rows["dedup_keys"].extend((event.event_id, key) for key in keys.get(event.event_id, ()))
    return rows
