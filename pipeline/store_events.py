"""The store's events: rebuilt from every stored mention, or updated for the mentions of new documents.

Dedup is greedy in reading order (``pipeline.dedup``), so a new mention can only join the events that share
one of its blocks. ``update`` loads just those events (``dedup_keys``), restores their clustering state by
replaying their mentions, adds the new mentions and rewrites the events that changed. That gives exactly
what a full rebuild would give when the new documents come after every stored one in reading order and do
not change how stored actors unify; otherwise (and when the stored dedup state was made by other rules) it
falls back to ``rebuild``. Nothing here re-reads an analysis: stored mentions come back from their dedup
payloads (``store_rows.mention_payload``), actor records from ``dedup_actors``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline.dedup import (
    Clustering,
    TextFeatures,
    canonical_from_records,
    features,
    mention_text_features,
    text_features,
)
from pipeline.dedup_event import build_event
from pipeline.dedup_match import Cluster, Features
from pipeline.dedup_rules import DedupRules, load_rules
from pipeline.model import Actor, Document, DocumentAnalysis
from pipeline.store_codec import loads
from pipeline.store_rows import (
    EVENT_TABLES,
    Rows,
    actor_records,
    canonical_rows,
    event_rows,
    mention_payload,
    merge_rows,
    read_payload,
)

if TYPE_CHECKING:
    from pipeline.store import Store
    from pipeline.store_stream import StreamingDedup

# Bump when what dedup computes changes (``text_features``, clustering, how an event is built): the next
# ingest then recomputes the stored payloads and rebuilds every event once.
STATE_VERSION = "3"
STATE_KEY = "dedup_state"


def fingerprint(lexicon_dir: Path | None) -> str:
    """Identifies the dedup rules (``dedup.yaml``) and code the stored payloads and events were made with."""
    rules = load_rules(lexicon_dir)
    values = {f.name: _canonical(getattr(rules, f.name)) for f in dataclasses.fields(rules)}
    text = json.dumps([STATE_VERSION, values], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _canonical(value: object) -> object:
    """A JSON form of a rules value that does not depend on set iteration order."""
    if isinstance(value, (set, frozenset)):
        return sorted(json.dumps(_canonical(v), sort_keys=True) for v in value)
    if isinstance(value, (tuple, list)):
        return [_canonical(v) for v in value]
    return value


def rebuild(
    store: Store,
    known: Sequence[DocumentAnalysis] = (),
    text: Mapping[str, Sequence[TextFeatures]] | None = None,
    stream: StreamingDedup | None = None,
) -> int:
    """Re-run dedup over every stored mention and replace the event tables; returns the event count.
    ``stream``: the mentions of ``known`` clustered while they were analysed, used when that is exactly
    the clustering this would build."""
    rules = load_rules(store.lexicon_dir)
    _refresh_payloads(store, rules)
    held = {a.document.doc_id: a for a in known}
    records = _merged_records(_stored_records(store, exclude=held), held.values())
    canonical = canonical_from_records(records, store.fuzzy_threshold)
    stored = [item for item, _ in _stored_items(store, canonical, rules, exclude=held)]
    documents = {**_stored_documents(store), **{d: a.document for d, a in held.items()}}
    clustering = None
    if stream is not None and not stored and stream.lexicon_dir == store.lexicon_dir:
        clustering = stream.clustering_for(list(held.values()), canonical)
    if clustering is not None:  # the rows of the events that did not change since the stream built them
        parts = [
            stream.rows_of(cid, cluster) or cluster_rows(cluster, rules, store.lexicon_dir, documents)
            for cid, cluster in enumerate(clustering.clusters)
        ]
        rows = merge_rows([canonical_rows(canonical), *parts])
    else:
        items = held_items(held.values(), canonical, rules, text or {}) + stored
        clustering = Clustering(rules)
        for item in sorted(items, key=lambda m: m.order):
            clustering.add(item)
        events, keys = _events(clustering, range(len(clustering.clusters)), rules, store.lexicon_dir)
        rows = merge_rows([canonical_rows(canonical), event_rows(events, documents, keys)])
    with store._transaction():
        for table in EVENT_TABLES:
            store.con.execute(f"DELETE FROM {table}")
        store._insert_all(rows)
    return len(clustering.clusters)


def update(
    store: Store,
    new: Sequence[DocumentAnalysis],
    text: Mapping[str, Sequence[TextFeatures]] | None = None,
    stream: StreamingDedup | None = None,
) -> int:
    """Add the mentions of ``new`` (just stored) to the events; returns the event count."""
    rules = load_rules(store.lexicon_dir)
    new_ids = {a.document.doc_id for a in new}
    if not new or not _consistent(store, new_ids):
        return rebuild(store, new, text, stream)
    stored = _stored_records(store, exclude=new_ids)
    before = canonical_from_records((a for _, actors in stored for a in actors), store.fuzzy_threshold)
    canonical = canonical_from_records(_merged_records(stored, new), store.fuzzy_threshold)
    if any(_view(canonical[i]) != _view(a) for i, a in before.items()):
        return rebuild(store, new, text)  # a new name changes how stored actors unify
    items = sorted(held_items(new, canonical, rules, text or {}), key=lambda m: m.order)
    latest = _latest_stored(store, new_ids)
    if not items or (latest is not None and items[0].order[:3] <= latest):
        return rebuild(store, new, text)  # an older document: reading order changes
    clustering = Clustering(rules)
    lookup = {_key(k) for item in items for k in clustering.lookup_keys(item)}
    restored: dict[str, int] = {}
    for item, event_id in sorted(_affected(store, lookup, canonical, rules), key=lambda x: x[0].order):
        restored[event_id] = clustering.place(item, restored.get(event_id))
    touched = {clustering.add(item) for item in items}
    events, keys = _events(clustering, sorted(touched), rules, store.lexicon_dir)
    old = [event_id for event_id, cid in restored.items() if cid in touched]
    doc_ids = {m.doc_id for e in events for m in e.mentions} - new_ids
    documents = {**_stored_documents(store, doc_ids), **{a.document.doc_id: a.document for a in new}}
    rows = merge_rows([canonical_rows(canonical), event_rows(events, documents, keys)])
    with store._transaction():
        store.con.execute("DELETE FROM actors")
        store.con.execute("DELETE FROM actor_canonical")
        with _registered(store, "_dateline_old", "event_id", old):
            for table in ("events", "event_actors", "event_mention_links", "dedup_keys"):
                store.con.execute(
                    f"DELETE FROM {table} WHERE event_id IN (SELECT event_id FROM _dateline_old)"
                )
        store._insert_all(rows)
    return store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]


# ---------------------------------------------------------------- state checks


def _consistent(store: Store, new_ids: set[str]) -> bool:
    """The stored events were made from every stored mention but the new ones, with the current rules."""
    if store.meta(STATE_KEY) != fingerprint(store.lexicon_dir):
        return False
    if not store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]:
        return False
    with _registered(store, "_dateline_new", "doc_id", new_ids):
        ((linked_new, unlinked_old),) = store.con.execute(
            "SELECT (SELECT count(*) FROM event_mention_links "
            "        WHERE doc_id IN (SELECT doc_id FROM _dateline_new)),"
            " (SELECT count(*) FROM dedup_mentions d "
            "  WHERE d.doc_id NOT IN (SELECT doc_id FROM _dateline_new)"
            "  AND NOT EXISTS (SELECT 1 FROM event_mention_links l WHERE l.mention_id = d.mention_id))"
        ).fetchall()
    return linked_new == 0 and unlinked_old == 0


def _latest_stored(store: Store, exclude: set[str]) -> tuple | None:
    """Reading-order key (undated last, date, doc_id) of the last stored document with mentions."""
    with _registered(store, "_dateline_new", "doc_id", exclude):
        rows = store.con.execute(
            "SELECT published IS NULL, published, doc_id FROM dedup_mentions "
            "WHERE doc_id NOT IN (SELECT doc_id FROM _dateline_new) "
            "ORDER BY 1 DESC, coalesce(published, DATE '0001-01-01') DESC, doc_id DESC LIMIT 1"
        ).fetchall()
    if not rows:
        return None
    undated, published, doc_id = rows[0]
    return (bool(undated), published or date.min, doc_id)


def _view(actor: Actor) -> tuple:
    """What events show and dedup compares of a canonical actor (its aliases only go to ``actors``)."""
    return actor.actor_id, actor.name, actor.kind, actor.country, actor.sector


# ---------------------------------------------------------------- reading the store


def _stored_records(store: Store, exclude: Iterable[str]) -> list[tuple[str, list[Actor]]]:
    with _registered(store, "_dateline_skip", "doc_id", exclude):
        rows = store.con.execute(
            "SELECT doc_id, actor_id, name, kind, country, sector, aliases FROM dedup_actors "
            "WHERE doc_id NOT IN (SELECT doc_id FROM _dateline_skip) ORDER BY doc_id, ordinal"
        ).fetchall()
    out: list[tuple[str, list[Actor]]] = []
    for doc_id, *actor in rows:
        if not out or out[-1][0] != doc_id:
            out.append((doc_id, []))
        out[-1][1].append(Actor(*actor[:5], tuple(actor[5] or ())))
    return out


def _merged_records(
    stored: list[tuple[str, list[Actor]]], analyses: Iterable[DocumentAnalysis]
) -> list[Actor]:
    """Actor records of stored and new documents in doc_id order (the order a rebuild reads them in)."""
    docs = [*stored, *((a.document.doc_id, actor_records(a)) for a in analyses)]
    return [actor for _, actors in sorted(docs, key=lambda d: d[0]) for actor in actors]


def held_items(
    analyses: Iterable[DocumentAnalysis],
    canonical: Mapping[str, Actor],
    rules: DedupRules,
    text: Mapping[str, Sequence[TextFeatures]],
    memo: dict | None = None,
) -> list[Features]:
    """The mentions of ``analyses`` ready for clustering (``memo``: see ``dedup.features``)."""
    out = []
    memo = {} if memo is None else memo
    for a in analyses:
        words = text.get(a.document.doc_id)
        if words is None or len(words) != len(a.event_mentions):
            words = text_features(a, rules)
        out += [
            features(m, a.document.published, w, canonical, rules, memo)
            for m, w in zip(a.event_mentions, words, strict=True)
        ]
    return out


def _stored_items(
    store: Store, canonical: Mapping[str, Actor], rules: DedupRules, exclude: Iterable[str]
) -> list[tuple[Features, None]]:
    with _registered(store, "_dateline_skip", "doc_id", exclude):
        rows = store.con.execute(
            "SELECT payload, published FROM dedup_mentions "
            "WHERE doc_id NOT IN (SELECT doc_id FROM _dateline_skip)"
        ).fetchall()
    return [(_item(payload, published, canonical, rules), None) for payload, published in rows]


def _affected(
    store: Store, lookup: set[str], canonical: Mapping[str, Actor], rules: DedupRules
) -> list[tuple[Features, str]]:
    """Every mention of the stored events that share a block with a new mention, with its event_id."""
    with _registered(store, "_dateline_keys", "key", lookup):
        rows = store.con.execute(
            "SELECT l.event_id, d.payload, d.published FROM event_mention_links l "
            "JOIN dedup_mentions d ON d.mention_id = l.mention_id "
            "WHERE l.event_id IN (SELECT DISTINCT event_id FROM dedup_keys "
            '  WHERE "key" IN (SELECT "key" FROM _dateline_keys))'
        ).fetchall()
    return [(_item(payload, published, canonical, rules), eid) for eid, payload, published in rows]


def _item(
    payload: str, published: date | None, canonical: Mapping[str, Actor], rules: DedupRules
) -> Features:
    mention, words = read_payload(payload)
    return features(mention, published, words, canonical, rules)


def _stored_documents(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, Document]:
    """Stored documents without their text (event records need their provenance only)."""
    fields = ("doc_id", "source", "title", "url", "published", "published_source", "published_note")
    fields += ("publisher",)
    sql = f"SELECT {', '.join(fields)} FROM documents"
    if doc_ids is None:
        rows = store.con.execute(sql).fetchall()
    else:
        with _registered(store, "_dateline_docs", "doc_id", doc_ids):
            rows = store.con.execute(f"{sql} WHERE doc_id IN (SELECT doc_id FROM _dateline_docs)").fetchall()
    return {r[0]: Document(**dict(zip(fields, r, strict=True)), text="") for r in rows}


# ---------------------------------------------------------------- payloads made by other rules


def _refresh_payloads(store: Store, rules: DedupRules) -> None:
    """Recompute the text features of every stored payload when they were made with other rules; a store
    written before payloads existed gets them (and its actor records) from its analyses JSON. Then record
    the current fingerprint."""
    current = fingerprint(store.lexicon_dir)
    if store.meta(STATE_KEY) == current:
        return
    con = store.con
    spans: dict[str, list[tuple[int, int]]] = {}
    for table in ("actor_mentions", "time_expressions"):
        for doc_id, start, end in con.execute(f'SELECT doc_id, "start", "end" FROM {table}').fetchall():
            spans.setdefault(doc_id, []).append((start, end))
    mentions: dict[str, list] = {}
    for doc_id, published, payload in con.execute(
        "SELECT doc_id, published, payload FROM dedup_mentions ORDER BY doc_id"
    ).fetchall():
        mentions.setdefault(doc_id, [published, []])[1].append(read_payload(payload)[0])
    rows: dict[str, list[tuple]] = {"dedup_mentions": [], "dedup_actors": []}
    with_records = {r[0] for r in con.execute("SELECT DISTINCT doc_id FROM dedup_actors").fetchall()}
    legacy = con.execute(
        "SELECT analysis FROM analyses WHERE doc_id NOT IN (SELECT doc_id FROM dedup_mentions)"
    ).fetchall()
    for (analysis_json,) in legacy:  # written before payloads existed
        a = loads(analysis_json)
        mentions[a.document.doc_id] = [a.document.published, list(a.event_mentions)]
        if a.document.doc_id not in with_records:
            rows["dedup_actors"] += [
                (a.document.doc_id, i, r.actor_id, r.name, r.kind, r.country, r.sector, list(r.aliases))
                for i, r in enumerate(actor_records(a))
            ]
    for doc_id, (published, items) in mentions.items():
        words = mention_text_features(items, spans.get(doc_id, ()), rules)
        rows["dedup_mentions"] += [
            (doc_id, m.mention_id, published, mention_payload(m, w))
            for m, w in zip(items, words, strict=True)
        ]
    with store._transaction():
        con.execute("DELETE FROM dedup_mentions")
        store._insert_all(rows)
        store.set_meta(STATE_KEY, current)


# ---------------------------------------------------------------- helpers


def _events(clustering: Clustering, cids: Iterable[int], rules: DedupRules, lexicon_dir: Path | None):  # noqa: ANN202
    events, keys = [], {}
    for cid in cids:
        cluster = clustering.clusters[cid]
        event = build_event(cluster.members, rules, lexicon_dir)
        events.append(event)
        keys[event.event_id] = sorted(_key(k) for k in cluster.keys)
    return events, keys


def cluster_rows(
    cluster: Cluster, rules: DedupRules, lexicon_dir: Path | None, documents: Mapping[str, Document]
) -> Rows:
    """The event-table rows of one cluster's event (as ``_events`` and ``event_rows`` make them)."""
    event = build_event(cluster.members, rules, lexicon_dir)
    return event_rows([event], documents, {event.event_id: sorted(_key(k) for k in cluster.keys)})


@lru_cache(maxsize=1 << 16)
def _key(key: tuple) -> str:
    """A block key as stored in ``dedup_keys`` (cached: the events of one article share most of theirs)."""
    return json.dumps(key, separators=(",", ":"))


class _registered:  # noqa: N801 - used as a context manager
    """A one-column Arrow table registered under ``name`` for the duration of a block."""

    def __init__(self, store: Store, name: str, column: str, values: Iterable[str]) -> None:
        self.con, self.name = store.con, name
        self.table = pa.table({column: pa.array(sorted(set(values)), pa.string())})

    def __enter__(self) -> None:
        self.con.register(self.name, self.table)

    def __exit__(self, *exc: object) -> None:
        self.con.unregister(self.name)
