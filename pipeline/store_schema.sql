-- The Dateline event store (DuckDB). Per-document tables are appended by `Store.add`; the event tables
-- (actors, events, event_actors, event_mention_links, dedup_keys) are updated by `Store.update_events` for
-- the new mentions, or rebuilt by `Store.rebuild_events` from everything stored.
-- No PRIMARY KEY constraints: idempotence is enforced by the store (doc_id lookups), and DuckDB's key
-- checks reject a delete + re-insert of one key inside a transaction (needed when a document is re-dated).

CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR, source VARCHAR, title VARCHAR, url VARCHAR, publisher VARCHAR,
    published DATE, published_source VARCHAR, published_note VARCHAR, n_chars INTEGER, text VARCHAR,
    ingested_at TIMESTAMP
);

-- The whole DocumentAnalysis as JSON (pipeline/store_codec.py): what dedup is re-run on.
CREATE TABLE IF NOT EXISTS analyses (doc_id VARCHAR, analysis VARCHAR);

CREATE TABLE IF NOT EXISTS sentences (doc_id VARCHAR, "start" INTEGER, "end" INTEGER);

CREATE TABLE IF NOT EXISTS time_expressions (
    doc_id VARCHAR, tid VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR, value VARCHAR,
    mod VARCHAR, anchor VARCHAR, rule VARCHAR, explanation VARCHAR, underspecified BOOLEAN
);

-- Actors as each document resolved them; `actors` below holds the canonical ones across documents.
CREATE TABLE IF NOT EXISTS document_actors (
    doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
    aliases VARCHAR[]
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR, actor_id VARCHAR, how VARCHAR
);

CREATE TABLE IF NOT EXISTS event_mentions (
    mention_id VARCHAR, doc_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER, sentence VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, "trigger" VARCHAR, event_type VARCHAR, status VARCHAR,
    date_value VARCHAR, "start" DATE, "end" DATE, precision VARCHAR, date_source VARCHAR, timex_tid VARCHAR,
    date_text VARCHAR, date_start INTEGER, date_end INTEGER, date_rule VARCHAR, explanation VARCHAR,
    confidence DOUBLE, label VARCHAR
);

-- Rebuilt (or, for the events the new mentions touch, updated) after every ingest.
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, aliases VARCHAR[]
);
CREATE TABLE IF NOT EXISTS actor_canonical (actor_id VARCHAR, canonical_id VARCHAR);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR, event_type VARCHAR, plover VARCHAR, cameo VARCHAR, label VARCHAR, date_value VARCHAR,
    "start" DATE, "end" DATE, precision VARCHAR, status VARCHAR, n_docs INTEGER, n_mentions INTEGER,
    main_mention_id VARCHAR, date_text VARCHAR, explanation VARCHAR, search_text VARCHAR,
    record VARCHAR  -- the contract JSON (pipeline/export.py event_record)
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
    ordinal INTEGER
);

-- One row per (event, mention), with the mention's provenance copied in (what the snapshot's `mentions` needs).
CREATE TABLE IF NOT EXISTS event_mention_links (
    event_id VARCHAR, mention_id VARCHAR, doc_id VARCHAR, ordinal INTEGER, is_main BOOLEAN,
    sentence VARCHAR, sentence_start INTEGER, "trigger" VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    date_text VARCHAR, date_start INTEGER, date_end INTEGER, date_value VARCHAR, date_rule VARCHAR,
    date_source VARCHAR, status VARCHAR, explanation VARCHAR
);

-- What dedup needs of each stored mention, so that updating the events never re-reads an analysis: the
-- mention as JSON and its wording features (pipeline/store_rows.py mention_payload).
CREATE TABLE IF NOT EXISTS dedup_mentions (doc_id VARCHAR, mention_id VARCHAR, published DATE, payload VARCHAR);
-- The actor records cross-document unification reads, per document, in order (store_rows.actor_records).
CREATE TABLE IF NOT EXISTS dedup_actors (
    doc_id VARCHAR, ordinal INTEGER, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR,
    sector VARCHAR, aliases VARCHAR[]
);
-- The dedup blocks each event is indexed under (JSON of the block key): a new mention is compared only with
-- the events sharing one of its blocks, so an ingest loads those events, not the whole store.
CREATE TABLE IF NOT EXISTS dedup_keys (event_id VARCHAR, "key" VARCHAR);
