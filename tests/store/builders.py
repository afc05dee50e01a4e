"""Tiny hand-built DocumentAnalysis objects, so store and dedup tests do not depend on the extractors."""

from __future__ import annotations

import hashlib
from datetime import date

from pipeline.model import Actor, ActorRole, Document, DocumentAnalysis, EventMention, Span, TimeExpression

GATES = ActorRole("robert-m-gates", "Robert M. Gates", "person", "USA", "GOV", "actor")
SERDYUKOV = ActorRole("anatoliy-serdyukov", "Anatoliy Serdyukov", "person", "RUS", "GOV", "recipient")
MAKAROV = ActorRole("nikolai-makarov", "Nikolai Makarov", "person", "RUS", "MIL", "recipient")
RUSSIA = ActorRole("russia", "Russia", "country", "RUS", None, "recipient")


def document(text: str, published: date | None = None, source: str = "a.txt") -> Document:
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        doc_id=doc_id,
        source=source,
        text=text,
        title=source,
        published=published,
        published_source="metadata" if published else "none",
    )


def sentence_of(doc: Document, sentence: str) -> Span:
    start = doc.text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def mention(
    doc: Document,
    sentence: str,
    trigger: str,
    event_type: str,
    status: str = "occurred",
    actors: tuple[ActorRole, ...] = (GATES, SERDYUKOV),
    value: str | None = None,
    start: date | None = None,
    end: date | None = None,
    precision: str = "none",
    date_text: str | None = None,
    date_source: str = "sentence",
    label: str = "",
) -> EventMention:
    sent = sentence_of(doc, sentence)
    t0 = doc.text.index(trigger, sent.start)
    timex = None
    if date_text:
        d0 = doc.text.index(date_text, sent.start)
        timex = TimeExpression(d0, d0 + len(date_text), date_text, "DATE", value or "", "test", tid="t1")
    return EventMention(
        mention_id=f"{doc.doc_id}:{t0}:{event_type}",
        doc_id=doc.doc_id,
        sentence=sent,
        trigger=Span(t0, t0 + len(trigger), trigger),
        event_type=event_type,
        status=status,
        actors=actors,
        timex=timex,
        date_value=value,
        start=start,
        end=end if end else start,
        precision=precision if start or precision != "none" else "none",
        date_source=date_source if value else "none",
        explanation=f"dated by {date_text}" if date_text else "",
        label=label,
    )


def analysis(doc: Document, *mentions: EventMention) -> DocumentAnalysis:
    actors = {}
    for m in mentions:
        for r in m.actors:
            actors[r.actor_id] = Actor(r.actor_id, r.name, r.kind, r.country, r.sector)
    return DocumentAnalysis(document=doc, event_mentions=tuple(mentions), actors=tuple(actors.values()))


def day(text: str) -> dict:
    """Keyword arguments of ``mention`` for a day-precision date."""
    d = date.fromisoformat(text)
    return {"value": text, "start": d, "end": d, "precision": "day"}
