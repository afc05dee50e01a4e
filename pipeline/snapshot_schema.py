"""Layout of the Parquet snapshot the dashboard reads (the store writes it, nothing else does).

The snapshot is a directory ``<db stem>.parquet/`` (see ``Settings.snapshot_dir``) replaced atomically after
every ingest (written to a sibling temp directory, then renamed). The dashboard reads it through DuckDB,
never the live database file, which DuckDB locks against other processes. Dates are DATE columns; lists are
LIST(VARCHAR).
"""

from __future__ import annotations

SNAPSHOT_TABLES: dict[str, dict[str, str]] = {
    # One row per deduplicated event.
    "events": {
        "event_id": "VARCHAR",
        "event_type": "VARCHAR",
        "plover": "VARCHAR",
        "cameo": "VARCHAR",
        "label": "VARCHAR",
        "date_value": "VARCHAR",  # TIMEX3 value, NULL when undated
        "start": "DATE",  # interval covered (inclusive); NULL when undated
        "end": "DATE",
        "precision": "VARCHAR",  # day | month | year | ... | none
        "status": "VARCHAR",
        "n_docs": "INTEGER",
        "n_mentions": "INTEGER",
        "actor_names": "VARCHAR[]",
        "actor_countries": "VARCHAR[]",
        "doc_ids": "VARCHAR[]",
        "date_text": "VARCHAR",  # the date expression of the main mention ("tomorrow")
        "explanation": "VARCHAR",  # how the main mention was dated
        "search_text": "VARCHAR",  # label + sentences, lower-cased, for free-text search
    },
    # One row per mention of an event (the provenance).
    "mentions": {
        "event_id": "VARCHAR",
        "mention_id": "VARCHAR",
        "doc_id": "VARCHAR",
        "sentence": "VARCHAR",
        "sentence_start": "INTEGER",
        "trigger": "VARCHAR",
        "trigger_start": "INTEGER",  # offsets into the document text
        "trigger_end": "INTEGER",
        "date_text": "VARCHAR",
        "date_start": "INTEGER",
        "date_end": "INTEGER",
        "date_value": "VARCHAR",
        "date_rule": "VARCHAR",
        "date_source": "VARCHAR",
        "status": "VARCHAR",
        "explanation": "VARCHAR",
    },
    # One row per (event, actor).
    "event_actors": {
        "event_id": "VARCHAR",
        "actor_id": "VARCHAR",
        "name": "VARCHAR",
        "kind": "VARCHAR",
        "country": "VARCHAR",
        "sector": "VARCHAR",
        "role": "VARCHAR",
    },
    # One row per document.
    "documents": {
        "doc_id": "VARCHAR",
        "source": "VARCHAR",
        "title": "VARCHAR",
        "url": "VARCHAR",
        "publisher": "VARCHAR",
        "published": "DATE",
        "published_source": "VARCHAR",
        "published_note": "VARCHAR",
        "n_chars": "INTEGER",
    },
}
