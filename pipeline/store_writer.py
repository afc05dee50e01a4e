"""New documents written by a thread while their batch is still being analysed.

``Store.add_in_background`` starts writing once every analysis is back, and on 2,000 documents that write
(turning the rows into Arrow tables, inserting, committing) outlasted the events' dedup: it was the end of
the ingest. Here the rows go to the thread in parts as the analyses come back, inside one transaction that
``finish`` commits (a batch is still stored whole or not at all; ``abort`` rolls it back). DuckDB inserts
without holding the GIL; the Arrow conversion holds it, in small parts.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.model import DocumentAnalysis
from pipeline.store_arrow import arrow_tables
from pipeline.store_rows import DOCUMENT_TABLES, Prepared

if TYPE_CHECKING:
    from pipeline.store import Store

# Analyses handed to the thread at a time (fewer, larger Arrow tables).
PART = 128


class BackgroundWriter:
    """``Store.add`` of analyses given in parts (``put``), written by a thread on a cursor of the store."""

    def __init__(self, store: Store, hold: bool = False) -> None:
        """``hold``: this thread converts each part of rows to Arrow tables as it comes (``put``), and the
        writing thread inserts nothing before ``release`` (or ``finish``/``abort``), then what has queued
        up in one go. For a process whose cores are busy analysing until then: the conversion holds the
        GIL, and in the writing thread it would hold up whatever this thread does next (dedup); DuckDB's
        insert does not."""
        self.store = store
        self.hold = hold
        self.go = threading.Event()
        self.inserted = threading.Event()  # every row given is inserted (or the thread gave up): see finish
        if not hold:
            self.go.set()
        self.known = store.doc_ids()
        self.fresh: set[str] = set()
        self.pending: list[DocumentAnalysis] = []
        self.prepared: dict[str, Prepared] = {}
        self.pending_tables: dict[str, list[pa.Table]] = {}
        self.pending_docs = 0  # documents in ``pending_tables``
        for table in DOCUMENT_TABLES:
            store._schema(table)  # read on the store's connection, not from the thread
        self.parts: queue.SimpleQueue = queue.SimpleQueue()
        self.outcome: list[BaseException | None] = []
        self.rollback = False
        self.cursor = store.con.cursor()
        self.thread = threading.Thread(target=self._write, name="dateline-store", daemon=True)
        self.thread.start()

    def put(self, analysis: DocumentAnalysis, prepared: Prepared | None) -> None:
        """One analysed document (stored unless it is stored already or was given before); its rows are
        ``prepared.rows``, made here when missing, or were given to ``put_tables`` (``rows`` None)."""
        doc_id = analysis.document.doc_id
        if doc_id in self.known or doc_id in self.fresh:
            return
        self.fresh.add(doc_id)
        if prepared is not None and prepared.rows is None:
            raise ValueError(f"the rows of {doc_id} were not given to put_tables")
        self.pending.append(analysis)
        if prepared is not None:
            self.prepared[doc_id] = prepared
        if len(self.pending) + self.pending_docs >= PART:
            self._flush()

    def put_tables(self, tables: dict[str, pa.Table]) -> None:
        """The rows of several documents as Arrow tables (``store_arrow.arrow_tables``): stored unless a
        document is stored already or was given before."""
        if not tables:
            return
        ids = tables["documents"].column("doc_id").to_pylist()
        repeated = [d for d in ids if d in self.known or d in self.fresh]
        if repeated:
            drop = pa.array(sorted(set(repeated)), pa.string())
            tables = {t: a.filter(pc.invert(pc.is_in(a.column("doc_id"), drop))) for t, a in tables.items()}
        self.fresh.update(ids)
        for table, arrow in tables.items():
            self.pending_tables.setdefault(table, []).append(arrow)
        self.pending_docs += len(ids) - len(set(repeated))
        if len(self.pending) + self.pending_docs >= PART:
            self._flush()

    def _flush(self) -> None:
        if self.pending or self.pending_tables:
            if self.hold and self.pending:  # converted here, see ``__init__``
                rows = self.store._rows(self.pending, self.prepared)
                converted = arrow_tables(rows, {t: self.store._schema(t) for t in rows if rows[t]})
                for table, arrow in converted.items():
                    self.pending_tables.setdefault(table, []).append(arrow)
                self.pending, self.prepared = [], {}
            tables = {t: pa.concat_tables(parts) for t, parts in self.pending_tables.items()}
            self.parts.put((self.pending, self.prepared, tables))
            self.pending, self.prepared, self.pending_tables, self.pending_docs = [], {}, {}, 0

    def release(self) -> None:
        """Let a held writer insert what it was given by now (in one go) and what follows."""
        self.go.set()

    def finish(self) -> Callable[[], int]:
        """Hand over what is left, wait until the thread has inserted it, and let it commit; returns
        ``wait``: the number of documents written, or the thread's exception raised.

        The last rows are inserted before this returns, while this thread holds no GIL: inserted beside
        dedup, each DuckDB call of the writing thread waited for the GIL, and the last 128 documents took
        0.13 s instead of 0.03 s, all of it before the commit (the end of the ingest). The commit, one
        call, then runs beside dedup."""
        self._flush()
        self.parts.put(None)
        self.go.set()
        self.inserted.wait()
        return self._wait

    def abort(self) -> None:
        """Nothing of this batch is stored."""
        self.rollback = True
        self.parts.put(None)
        self.go.set()
        self.thread.join()

    def _wait(self) -> int:
        self.thread.join()
        if self.outcome and self.outcome[0] is not None:
            raise self.outcome[0]
        return len(self.fresh)

    def _next_part(self) -> tuple | None:
        """The next part to insert; a held writer inserts every part given so far as one (each DuckDB call
        of this thread waits for the GIL, which dedup holds meanwhile: a few calls, not a few per part)."""
        part = self.parts.get()
        if part is None or not self.hold:
            return part
        analyses, prepared, tables = part
        merged = {t: [a] for t, a in tables.items()}
        done = False
        while not done:
            try:
                more = self.parts.get_nowait()
            except queue.Empty:
                break
            if more is None:
                done = True
                break
            analyses, prepared = analyses + more[0], {**prepared, **more[1]}
            for t, a in more[2].items():
                merged.setdefault(t, []).append(a)
        if done:
            self.parts.put(None)  # seen again by the loop: the end
        return analyses, prepared, {t: pa.concat_tables(a) for t, a in merged.items()}

    def _write(self) -> None:
        cursor = self.cursor
        drained = False
        self.go.wait()
        try:
            cursor.execute("BEGIN TRANSACTION")
            try:
                while (part := self._next_part()) is not None:
                    analyses, prepared, tables = part
                    if not self.rollback:
                        self.store._insert_arrow(tables, cursor)
                        self.store._insert_all(self.store._rows(analyses, prepared), cursor)
                drained = True
                self.inserted.set()
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            cursor.execute("ROLLBACK" if self.rollback else "COMMIT")
            self.outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to ``wait``
            self.outcome.append(exc)
            while not drained and self.parts.get() is not None:  # let ``finish`` and ``abort`` return
                pass
        finally:
            self.inserted.set()
            cursor.close()
