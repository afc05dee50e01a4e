"""The DuckDB event store: documents and their analyses in, deduplicated events and a Parquet snapshot out.

Idempotent by ``doc_id`` (sha256 of the cleaned text): adding a document already stored adds nothing. Each
batch is one transaction, inserted column-wise through Arrow. After a batch, ``update_events`` adds its
mentions to the events they can join (``pipeline/store_events.py``: only the events sharing a dedup block
with them are loaded), or rebuilds every event when that would not give the same result;
``rebuild_events`` always re-runs dedup over everything stored. Each event mention is kept whole as JSON
(``store_rows.mention_payload``) beside the relational tables. The dashboard never opens this file (DuckDB
locks it against other processes); it reads the snapshot.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.model import Document, DocumentAnalysis
from pipeline.snapshot import write_snapshot
from pipeline.store_arrow import arrow_tables
from pipeline.store_rows import COLUMNS, DOCUMENT_TABLES, Prepared, Rows, document_rows, merge_rows

SCHEMA_FILE = Path(__file__).with_name("store_schema.sql")
SCHEMA_VERSION = "1"
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


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
            if self.meta("schema_version") is None:
                self.set_meta("schema_version", SCHEMA_VERSION)
            self._stamp_new_store()
        self._schemas: dict[str, pa.Schema] = {}

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

    def meta(self, key: str) -> str | None:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    def _stamp_new_store(self) -> None:
        """An empty store holds no dedup payload made by other rules: say so, so none is recomputed."""
        from pipeline.store_events import STATE_KEY, fingerprint

        if (
            self.meta(STATE_KEY) is None
            and not self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        ):
            self.set_meta(STATE_KEY, fingerprint(self.lexicon_dir))

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

    def add(
        self, analyses: Iterable[DocumentAnalysis], prepared: Mapping[str, Prepared] | None = None
    ) -> int:
        """Store the analyses of documents not stored yet, in one transaction; returns how many were new.

        ``prepared``: doc_id -> its rows made by ``store_rows.prepare_document`` (in a worker process)."""
        known = self.doc_ids()
        fresh: dict[str, DocumentAnalysis] = {}
        for analysis in analyses:
            doc_id = analysis.document.doc_id
            if doc_id not in known and doc_id not in fresh:
                fresh[doc_id] = analysis
        self._write_documents(list(fresh.values()), replace=False, prepared=prepared)
        return len(fresh)

    def add_in_background(
        self, analyses: Iterable[DocumentAnalysis], prepared: Mapping[str, Prepared] | None = None
    ) -> Callable[[], int]:
        """``add``, written by a thread on a second connection; returns ``wait`` (the count, or the thread's
        exception raised). DuckDB inserts and commits without holding the GIL, so the caller goes on with
        work that does not read these rows (dedup does not: it is given the analyses) and waits before
        anything that does (the snapshot). When the stored dedup payloads were made by other rules, dedup
        will rewrite that table: then the rows are written here, before returning."""
        from pipeline.store_events import STATE_KEY, fingerprint

        if self.meta(STATE_KEY) != fingerprint(self.lexicon_dir):
            # the next dedup rewrites every stored payload (other rules made them): not beside a writer
            added = self.add(analyses, prepared)
            return lambda: added
        known = self.doc_ids()
        fresh: dict[str, DocumentAnalysis] = {}
        for analysis in analyses:
            doc_id = analysis.document.doc_id
            if doc_id not in known and doc_id not in fresh:
                fresh[doc_id] = analysis
        rows = self._rows(list(fresh.values()), prepared)
        for table in rows:
            self._schema(table)  # read on this connection, not from the thread
        outcome: list[BaseException | None] = []
        cursor = self.con.cursor()

        def write() -> None:
            try:
                with _Transaction(cursor):
                    self._insert_all(rows, cursor)
                outcome.append(None)
            except BaseException as exc:  # noqa: BLE001 - handed to ``wait``
                outcome.append(exc)
            finally:
                cursor.close()

        thread = threading.Thread(target=write, name="dateline-store", daemon=True)
        thread.start()

        def wait() -> int:
            thread.join()
            if outcome and outcome[0] is not None:
                raise outcome[0]
            return len(fresh)

        return wait

    def replace(
        self, analyses: Sequence[DocumentAnalysis], prepared: Mapping[str, Prepared] | None = None
    ) -> int:
        """Replace stored documents by new analyses of them (a document re-dated by a near-copy)."""
        self._write_documents(list(analyses), replace=True, prepared=prepared)
        return len(analyses)

    def _write_documents(
        self, analyses: list[DocumentAnalysis], replace: bool, prepared: Mapping[str, Prepared] | None
    ) -> None:
        if not analyses:
            return
        rows = self._rows(analyses, prepared)
        with self._transaction():
            if replace:
                ids = pa.table({"doc_id": pa.array([a.document.doc_id for a in analyses], pa.string())})
                self.con.register("_dateline_replaced", ids)
                try:
                    for table in DOCUMENT_TABLES:
                        self.con.execute(
                            f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _dateline_replaced)"
                        )
                finally:
                    self.con.unregister("_dateline_replaced")
            self._insert_all(rows)

    def _rows(self, analyses: list[DocumentAnalysis], prepared: Mapping[str, Prepared] | None) -> Rows:
        """The per-document rows of ``analyses``: made by the workers (``prepared``), or here."""
        from pipeline.dedup import text_features
        from pipeline.dedup_rules import load_rules

        prepared = prepared or {}
        if any(p.rows is None for p in prepared.values()):  # sent as Arrow tables: see ``store_writer``
            raise ValueError("store rows sent as Arrow tables can only be written by a BackgroundWriter")
        missing = [a for a in analyses if a.document.doc_id not in prepared]
        parts = [prepared[a.document.doc_id].rows for a in analyses if a.document.doc_id in prepared]
        if missing:
            rules = load_rules(self.lexicon_dir)
            text = {a.document.doc_id: text_features(a, rules) for a in missing}
            parts.append(document_rows(missing, datetime.now(), text))
        return merge_rows(parts)

    # ------------------------------------------------------------ events

    def rebuild_events(
        self, known: Sequence[DocumentAnalysis] = (), text: Mapping[str, Sequence[Any]] | None = None
    ) -> int:
        """Re-run dedup over every stored mention and replace the event tables; returns the event count.

        ``known``: analyses just stored (they need not be read back); ``text``: doc_id -> their dedup text
        features (``pipeline.dedup.text_features``), when already computed.
        """
        from pipeline.store_events import rebuild

        return rebuild(self, known, text)

    def update_events(
        self,
        new: Sequence[DocumentAnalysis],
        text: Mapping[str, Sequence[Any]] | None = None,
        stream: Any = None,
    ) -> int:
        """Add the mentions of ``new`` (just stored) to the events; the same result as ``rebuild_events``,
        at the cost of the events they can join only (see ``pipeline/store_events.py``). ``stream``: a
        ``store_stream.StreamingDedup`` that clustered them while they were analysed."""
        from pipeline.store_events import update

        return update(self, new, text, stream)

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
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("documents", "event_mentions", "events", "actors")
        }

    # ------------------------------------------------------------ internals

    def _transaction(self) -> _Transaction:
        return _Transaction(self.con)

    def _insert_all(self, rows: Rows, con: duckdb.DuckDBPyConnection | None = None) -> None:
        """Insert tuple rows (columns in ``store_rows.COLUMNS`` order), one Arrow table per table (on
        ``con``, a cursor of this store's connection, when given)."""
        schemas = {table: self._schema(table) for table, table_rows in rows.items() if table_rows}
        self._insert_arrow(arrow_tables(rows, schemas), con)

    def _insert_arrow(
        self, tables: Mapping[str, pa.Table], con: duckdb.DuckDBPyConnection | None = None
    ) -> None:
        """Insert Arrow tables (``store_arrow.arrow_tables``) into the tables they are named after."""
        con = con or self.con
        for table, arrow in tables.items():
            names = ", ".join(f'"{c}"' for c in COLUMNS[table])
            con.register("_dateline_rows", arrow)
            try:
                con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _dateline_rows")
            finally:
                con.unregister("_dateline_rows")

    def _schema(self, table: str) -> pa.Schema:
        """The Arrow schema of ``COLUMNS[table]``, from the table's DuckDB types (read once)."""
        if table not in self._schemas:
            types = {r[0]: r[1] for r in self.con.execute(f"DESCRIBE {table}").fetchall()}
            self._schemas[table] = pa.schema([(c, _ARROW_TYPES[types[c]]) for c in COLUMNS[table]])
        return self._schemas[table]


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
