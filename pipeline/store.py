"""The DuckDB event store: documents and their analyses in, deduplicated events and a Parquet snapshot out.

Idempotent by ``doc_id`` (sha256 of the cleaned text): adding a document already stored adds nothing. Each
batch is one transaction. Events are not updated incrementally: ``rebuild_events`` re-runs dedup over every
stored analysis (kept as JSON, see ``store_codec``), because one new article can merge events of older ones.
The dashboard never opens this file (DuckDB locks it against other processes); it reads the snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.model import Document, DocumentAnalysis
from pipeline.snapshot import write_snapshot
from pipeline.store_codec import loads
from pipeline.store_rows import Rows, canonical_rows, document_rows, event_rows

SCHEMA_FILE = Path(__file__).with_name("store_schema.sql")
SCHEMA_VERSION = "1"
_DOCUMENT_TABLES = (
    "documents",
    "analyses",
    "sentences",
    "time_expressions",
    "document_actors",
    "actor_mentions",
    "event_mentions",
)
_EVENT_TABLES = ("actors", "actor_canonical", "events", "event_actors", "event_mention_links")


class StoreError(Exception):
    """A store that cannot be used as asked (missing, locked by another process, ...)."""


class Store:
    """One open DuckDB store. Use as a context manager, or call ``close``."""

    def __init__(
        self,
        db_path: Path | str,
        read_only: bool = False,
        lexicon_dir: Path | None = None,
        fuzzy_threshold: float = 85.0,
    ) -> None:
        self.db_path = Path(db_path)
        self.lexicon_dir = lexicon_dir
        self.fuzzy_threshold = fuzzy_threshold
        if read_only and not self.db_path.exists():
            raise StoreError(f"no event store at {self.db_path}; run `dateline ingest PATH...` first")
        if not read_only:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.db_path), read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"cannot open the event store {self.db_path}: {exc}") from exc
        self.con.execute("SET enable_progress_bar=false")
        if not read_only:
            self.con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
            if not self.con.execute("SELECT count(*) FROM meta WHERE key = 'schema_version'").fetchone()[0]:
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def snapshot_dir(self) -> Path:
        return self.db_path.with_suffix(".parquet")

    # ------------------------------------------------------------ documents

    def doc_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def documents(self, dated: bool | None = None) -> list[Document]:
        """Stored documents (all, only dated, or only undated), for near-duplicate date inheritance."""
        where = {None: "", True: "WHERE published IS NOT NULL", False: "WHERE published IS NULL"}[dated]
        fields = ("doc_id", "source", "text", "title", "url", "published", "published_source")
        fields += ("published_note", "publisher")
        rows = self.con.execute(
            f"SELECT {', '.join(fields)} FROM documents {where} ORDER BY doc_id"
        ).fetchall()
        return [Document(**dict(zip(fields, row, strict=True))) for row in rows]

    def add(self, analyses: Iterable[DocumentAnalysis]) -> int:
        """Store the analyses of documents not stored yet, in one transaction; returns how many were new."""
        known = self.doc_ids()
        fresh: dict[str, DocumentAnalysis] = {}
        for analysis in analyses:
            doc_id = analysis.document.doc_id
            if doc_id not in known and doc_id not in fresh:
                fresh[doc_id] = analysis
        self._write_documents(list(fresh.values()), replace=False)
        return len(fresh)

    def replace(self, analyses: Sequence[DocumentAnalysis]) -> int:
        """Replace stored documents by new analyses of them (a document re-dated by a near-copy)."""
        self._write_documents(list(analyses), replace=True)
        return len(analyses)

    def _write_documents(self, analyses: list[DocumentAnalysis], replace: bool) -> None:
        if not analyses:
            return
        rows = document_rows(analyses, datetime.now())
        with self._transaction():
            if replace:
                ids = [[a.document.doc_id] for a in analyses]
                for table in _DOCUMENT_TABLES:
                    self.con.executemany(f"DELETE FROM {table} WHERE doc_id = ?", ids)
            self._insert_all(rows)

    def analyses(self, exclude: Iterable[str] = ()) -> list[DocumentAnalysis]:
        """Every stored analysis, but those of the ``exclude`` doc_ids (the caller holds them already)."""
        skip = pa.table({"doc_id": pa.array(sorted(set(exclude)), pa.string())})
        self.con.register("_dateline_skip", skip)
        try:
            rows = self.con.execute(
                "SELECT analysis FROM analyses WHERE doc_id NOT IN (SELECT doc_id FROM _dateline_skip) "
                "ORDER BY doc_id"
            ).fetchall()
        finally:
            self.con.unregister("_dateline_skip")
        return [loads(r[0]) for r in rows]

    # ------------------------------------------------------------ events

    def rebuild_events(self, known: Sequence[DocumentAnalysis] = ()) -> int:
        """Re-run dedup over every stored analysis and replace the event tables; returns the event count.

        ``known``: analyses just stored, which need not be read back and decoded.
        """
        from pipeline.dedup import canonical_actors, deduplicate

        held = {a.document.doc_id: a for a in known}
        analyses = sorted([*self.analyses(exclude=held), *held.values()], key=lambda a: a.document.doc_id)
        canonical = canonical_actors(analyses, self.fuzzy_threshold)
        events = deduplicate(analyses, self.lexicon_dir, self.fuzzy_threshold, canonical=canonical)
        documents = {a.document.doc_id: a.document for a in analyses}
        rows = {**canonical_rows(canonical), **event_rows(events, documents)}
        with self._transaction():
            for table in _EVENT_TABLES:
                self.con.execute(f"DELETE FROM {table}")
            self._insert_all(rows)
        return len(events)

    def write_snapshot(self, target: Path | None = None) -> Path:
        """Publish the Parquet snapshot atomically (default: ``<db stem>.parquet/`` beside the store)."""
        return write_snapshot(self.con, Path(target) if target else self.snapshot_dir)

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002 - the contract's option name
        status: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict[str, Any]]:
        """Contract records (``pipeline.export.event_record``) of the events matching every filter given.

        ``actor`` matches an actor's name or alias case-insensitively (substring) or its country code;
        ``since`` and ``until`` keep dated events whose interval reaches into the range.
        """
        clauses, params = _filters(actor, type, status, since, until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.con.execute(
            f'SELECT record FROM events e {where} ORDER BY e."start" NULLS LAST, e.event_id', params
        ).fetchall()
        return [json.loads(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "event_mentions", "events", "actors")
        }

    # ------------------------------------------------------------ internals

    def _transaction(self) -> _Transaction:
        return _Transaction(self.con)

    def _insert_all(self, rows: Rows) -> None:
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            arrow = pa.Table.from_pylist(table_rows)
            columns = ", ".join(f'"{c}"' for c in arrow.column_names)
            self.con.register("_dateline_rows", arrow)
            try:
                self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _dateline_rows")
            finally:
                self.con.unregister("_dateline_rows")


def _filters(
    actor: str | None, type_: str | None, status: str | None, since: date | None, until: date | None
) -> tuple[list[str], list[Any]]:
    """SQL conditions and their parameters (values are never formatted into the SQL text)."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append(
            "EXISTS (SELECT 1 FROM event_actors ea LEFT JOIN actors a ON a.actor_id = ea.actor_id "
            "WHERE ea.event_id = e.event_id AND (contains(lower(ea.name), lower(?)) "
            "OR upper(coalesce(ea.country, '')) = upper(?) "
            "OR contains(lower(array_to_string(coalesce(a.aliases, []), '|')), lower(?))))"
        )
        params += [actor, actor, actor]
    if type_:
        clauses.append("upper(e.event_type) = upper(?)")
        params.append(type_)
    if status:
        clauses.append("lower(e.status) = lower(?)")
        params.append(status)
    if since:
        clauses.append('e."end" >= ?')
        params.append(since)
    if until:
        clauses.append('e."start" <= ?')
        params.append(until)
    return clauses, params


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK if the block raises: a batch is stored whole or not at all."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
