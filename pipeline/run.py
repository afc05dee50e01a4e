"""Process a batch of articles end to end: load, date near-copies, analyse, store, dedup, snapshot.

The per-document stages are pure (``pipeline.analyze.analyze``), so they run in a process pool when the batch
is large enough to pay for it; each worker also makes the document's store rows and dedup text features
(``store_rows.prepare_document``), so the parent only inserts them. Everything that needs the whole corpus
(near-duplicate dates, dedup) runs here, in the parent. A bad file never stops a batch: it gets one line on
stderr and is counted.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.analysis_pool import POOL_MIN_DOCUMENTS, Analyser, _work, analyze_all, default_workers
from pipeline.config import DEFAULT_SETTINGS, Settings
from pipeline.ingest_gc import few_collections, no_collections
from pipeline.model import Document, DocumentAnalysis

if TYPE_CHECKING:
    from pipeline.store import Store
    from pipeline.store_rows import Prepared
    from pipeline.store_stream import StreamingDedup
    from pipeline.store_writer import BackgroundWriter

# ``_work`` (one document analysed with its store rows) is also what ``pipeline.dask_engine`` runs.
__all__ = [
    "POOL_MIN_DOCUMENTS",
    "IngestReport",
    "_work",
    "analyze_all",
    "default_workers",
    "ingest",
    "ingest_text",
]

# Documents read are sent to the workers in rounds of at least this many (a file may hold one).
_ROUND = 16
# Documents the workers are given ahead (per worker) while dedup follows the analyses.
_BACKLOG = 128
# A held store writer starts inserting when this many documents are left to analyse (see ``_collect``).
_RELEASE_AHEAD = 256


@dataclass
class IngestReport:
    """What one ingest did. ``failures`` holds one human-readable line per problem."""

    files: int = 0
    documents_added: int = 0
    already_present: int = 0
    redated: int = 0
    reanalysed: int = 0
    failures: list[str] = field(default_factory=list)
    failed_files: int = 0
    events: int = 0
    snapshot: Path | None = None
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase (load, analyse, store, ...)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        return (
            f"{self.documents_added} document(s) added, {self.already_present} already present, "
            f"{self.failed} failed; {self.events} event(s) in the store"
            + (f"; {self.redated} re-dated from a near-copy" if self.redated else "")
            + (f"; {self.reanalysed} re-analysed" if self.reanalysed else "")
        )


@few_collections()
def ingest(
    paths: Iterable[Path | str],
    settings: Settings = DEFAULT_SETTINGS,
    progress: bool = True,
    workers: int | None = None,
    reanalyse: bool = False,
) -> IngestReport:
    """Ingest files and folders into ``settings.db_path``; bad files are reported and skipped.

    Documents already stored are skipped, unless ``reanalyse`` (after an upgrade of the rules or the code):
    then they are analysed again and replaced.
    """
    from pipeline.documents import DocumentError, discover, load_file_partial

    started = time.perf_counter()
    report = IngestReport()
    failed_paths: set[str] = set()
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(discover([path]))
        except DocumentError as exc:
            _fail(report, failed_paths, str(exc.path), exc.message)
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)

    def batches() -> Iterator[list[Document]]:
        """The documents of each file, read as the analysis of the earlier ones goes on."""
        for file in unique.values():
            report.files += 1
            loaded = load_file_partial(file, settings.lexicon_dir)
            for error in loaded.errors:
                where = f"{error.path}:{error.line}" if error.line is not None else str(error.path)
                _fail(report, failed_paths, where, error.message, key=str(error.path))
            yield loaded.documents

    return _ingest_documents(batches(), settings, progress, workers, report, started, reanalyse)


@few_collections()
def ingest_text(
    text: str,
    title: str | None = None,
    published: date | str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> IngestReport:
    """Ingest one pasted article (the dashboard's "add an article"); ``DocumentError`` if it is empty."""
    from pipeline.documents import make_document

    when = published.isoformat() if isinstance(published, date) else published
    metadata = {"title": title, "published": when}
    source = f"dashboard:{title}" if title else "dashboard:pasted article"
    document = make_document(
        text, source, {k: v for k, v in metadata.items() if v}, None, settings.lexicon_dir
    )
    return _ingest_documents([[document]], settings, False, 1, IngestReport(), time.perf_counter())


def _fail(report: IngestReport, failed: set[str], where: str, reason: str, key: str | None = None) -> None:
    line = f"dateline: skipped {where}: {reason}"
    print(line, file=sys.stderr, flush=True)
    report.failures.append(line)
    if (key or where) not in failed:
        failed.add(key or where)
        report.failed_files += 1


def _ingest_documents(
    batches: Iterable[list[Document]],
    settings: Settings,
    progress: bool,
    workers: int | None,
    report: IngestReport,
    started: float,
    reanalyse: bool = False,
) -> IngestReport:
    from pipeline.near_duplicates import inherit_dates
    from pipeline.store_stream import reading_key

    engine = Analyser(settings.lexicon_dir, progress, workers, settings.engine, settings.dask_scheduler)
    with ExitStack() as opened:
        # A store not created yet holds no document: it is created once the workers are started (importing
        # DuckDB and Arrow and creating it took 0.3 s before them, while the other cores waited).
        store = None if _absent(settings.db_path) else opened.enter_context(_open_store(settings))
        analyser = opened.enter_context(engine)
        known = store.doc_ids() if store is not None else set()
        fresh: dict[str, Document] = {}
        present: dict[str, Document] = {}  # stored already, analysed again when ``reanalyse``
        # Dated documents keep their dates whatever the near-copies say: they are analysed (in the pool)
        # as soon as their file is read, and while the near-copies are looked for; the others follow once
        # their dates are known. The pool starts once enough new documents are seen to pay for it.
        waiting: list[Document] = []
        first: list[Document] = []
        stream: StreamingDedup | None = None
        for batch in batches:
            for doc in batch:
                if doc.doc_id in known or doc.doc_id in fresh:
                    report.already_present += 1
                    if reanalyse and doc.doc_id in known:
                        present.setdefault(doc.doc_id, doc)
                else:
                    fresh[doc.doc_id] = doc
                    if doc.published is not None:
                        waiting.append(doc)
            if not analyser.decided and len(fresh) >= POOL_MIN_DOCUMENTS:
                analyser.decide(len(fresh))
                store = store or opened.enter_context(_open_store(settings))
                stream = _stream(analyser, known, reanalyse, settings, store)
            # while dedup follows the analyses, only enough is handed out to keep the workers busy: the
            # rest goes in reading order once every date is known
            if analyser.decided and len(waiting) >= _ROUND and not _busy(analyser, stream):
                analyser.submit(waiting)
                first += waiting
                waiting = []
        if not analyser.decided:
            analyser.decide(len(fresh) + len(present))
            store = store or opened.enter_context(_open_store(settings))
            stream = _stream(analyser, known, reanalyse, settings, store)
        assert store is not None  # (opened when the analyser decided)
        # reading the files (the workers analysing meanwhile), and starting the workers
        report.timings["load"] = time.perf_counter() - started - analyser.start_seconds
        report.timings["workers_start"] = analyser.start_seconds
        waiting += [d for d in present.values() if d.published is not None]
        if stream is not None:
            # work for the workers while the near-copies are looked for (that takes about a tenth of
            # the analysis time), in reading order
            waiting.sort(key=reading_key)
            head = max(0, max(_BACKLOG * analyser.n, len(fresh) // 6) - analyser.backlog())
            waiting = waiting[:head]
        analyser.submit(waiting)
        first += waiting
        analyser.expect(len(fresh) + len(present))
        # Near-copies: a new undated article may take a stored article's date and a new dated article may
        # re-date a stored undated one; only the documents that can take part are loaded.
        pool = [*fresh.values(), *present.values()]
        if pool:
            pool += [d for d in store.documents(dated=False) if d.doc_id not in present]
            if any(d.published is None for d in pool):
                pool += [d for d in store.documents(dated=True) if d.doc_id not in present]
        clock = time.perf_counter()
        dated = inherit_dates(pool, settings.near_duplicate_threshold) if pool else []
        clock = _lap(report, "near_duplicates", clock)
        redated = [d for d in dated if d.doc_id in known and d.published_source == "near_duplicate"]
        redated = [d for d in redated if d.published is not None and d.doc_id not in present]
        started_ids = {d.doc_id for d in first}
        later = [
            d for d in dated if (d.doc_id in fresh or d.doc_id in present) and d.doc_id not in started_ids
        ]
        later += redated
        if stream is not None:
            later.sort(key=reading_key)
            stream.expect([*first, *later])
        analyser.submit(later)
        if analyser.pooled:  # the workers are started: see ``pipeline.ingest_gc``
            no_collections()
        writer = _writer(analyser, stream, known, reanalyse, store)
        try:
            analyses, prepared, errors = _collect(analyser, stream, writer, len(later) + len(first))
        except BaseException:
            if writer is not None:
                writer.abort()
            raise
        analyser.close()
        clock = _lap(report, "analyse", clock)
        for doc, reason in errors:
            _fail(report, set(), doc.source, f"analysis failed: {reason}")
        new = [a for a in analyses if a.document.doc_id in fresh]
        again = [a for a in analyses if a.document.doc_id in known]
        report.redated = len(redated)
        report.reanalysed = sum(1 for a in again if a.document.doc_id in present)
        if writer is not None and (again or not new):
            writer.abort()
            writer = None
        if new and not again:
            # the new documents are written (by a thread) while dedup runs: it does not read them back
            stored = writer.finish() if writer is not None else store.add_in_background(new, prepared)
            clock = _lap(report, "store", clock)
        else:
            report.documents_added = store.add(new, prepared)
            store.replace(again, prepared)
            clock = _lap(report, "store", clock)
            stored = None
        if new or again or not store.counts()["events"]:
            text = {doc_id: p.text for doc_id, p in prepared.items()}
            try:
                if new and not again:  # only the events the new mentions can join (or all, when it must)
                    report.events = store.update_events(new, text=text, stream=stream)
                else:
                    report.events = store.rebuild_events(known=[*new, *again], text=text)
                clock = _lap(report, "dedup", clock)
            finally:
                if stored is not None:  # never close the store under the writing thread
                    report.documents_added = stored()
                    clock = _lap(report, "store", clock)
            report.snapshot = store.write_snapshot()
            clock = _lap(report, "snapshot", clock)
        else:
            report.events = store.counts()["events"]
            if not store.snapshot_dir.exists():
                report.snapshot = store.write_snapshot()
    report.seconds = time.perf_counter() - started
    return report


def _absent(db_path: Path) -> bool:
    """No store file (nor a write-ahead log) at ``db_path``: the store to create will be empty."""
    return not db_path.exists() and not db_path.with_name(db_path.name + ".wal").exists()


def _open_store(settings: Settings) -> Store:
    from pipeline.store import Store

    return Store(
        settings.db_path, lexicon_dir=settings.lexicon_dir, fuzzy_threshold=settings.fuzzy_name_threshold
    )


def _stream(
    analyser: Analyser, known: set[str], reanalyse: bool, settings: Settings, store: Store
) -> StreamingDedup | None:
    """Dedup that follows the analyses, for a first ingest into an empty store analysed by a pool: this
    process clusters the mentions while the workers analyse, and little of dedup is left for the end,
    when nothing else runs. When a core is left for this process besides the workers', the workers also
    send the store rows as Arrow tables (``analyser.schemas``, see ``_writer``).

    On 2 cores with 2 workers (2,000 documents) the dedup tail goes from ~2 s to ~0.75 s, but the
    analysis takes ~1.3 s longer (this process clusters beside the workers): runs started on an idle
    machine gave 190-207 articles/s against 181-195 without (within the noise). The workers send Arrow
    tables only with a spare core: forked workers pay Arrow's first conversion each (~2 s more CPU over
    2,000 documents on this machine)."""
    if known or reanalyse or not analyser.pooled:
        return None
    from pipeline.store_events import STATE_KEY, fingerprint
    from pipeline.store_rows import DOCUMENT_TABLES
    from pipeline.store_stream import StreamingDedup

    if _spare_core(analyser.n) and store.meta(STATE_KEY) == fingerprint(store.lexicon_dir):
        analyser.schemas = {table: store._schema(table) for table in DOCUMENT_TABLES}
    return StreamingDedup(settings.lexicon_dir, settings.fuzzy_name_threshold)


def _writer(
    analyser: Analyser, stream: StreamingDedup | None, known: set[str], reanalyse: bool, store: Store
) -> BackgroundWriter | None:
    """Who writes the new documents of a first ingest analysed by a pool. With their rows sent as Arrow
    tables (``_stream``), a thread as they come back. Otherwise their rows are made into Arrow tables
    here as they come back (this process mostly waits then) and a thread inserts them once the analysis
    is over, while dedup ends (DuckDB inserts without the GIL; converting in that thread held dedup up:
    0.3 s of 2,000 documents). None (``Store.add_in_background`` after the analysis) for other ingests,
    and when the stored dedup payloads were made by other rules (dedup then rewrites them, not beside a
    writer)."""
    from pipeline.store_writer import BackgroundWriter

    if stream is not None and analyser.schemas is not None:
        return BackgroundWriter(store)
    if known or reanalyse or not analyser.pooled:
        return None
    from pipeline.store_events import STATE_KEY, fingerprint

    if store.meta(STATE_KEY) != fingerprint(store.lexicon_dir):
        return None
    return BackgroundWriter(store, hold=True)


def _spare_core(workers: int) -> bool:
    return (os.cpu_count() or 1) > workers


def _busy(analyser: Analyser, stream: StreamingDedup | None) -> bool:
    return stream is not None and analyser.backlog() >= _BACKLOG * analyser.n


def _collect(
    analyser: Analyser, stream: StreamingDedup | None, writer: BackgroundWriter | None, total: int
) -> tuple[list[DocumentAnalysis], dict[str, Prepared], list[tuple[Document, str]]]:
    """Every analysis as it comes back (fed to ``stream`` and ``writer``), its store rows and the
    failures. A held ``writer`` is let go once the last ``_RELEASE_AHEAD`` of ``total`` documents are
    being analysed: it inserts what it has while they finish, and only the last rows and the commit are
    left for the end."""
    analyses: list[DocumentAnalysis] = []
    prepared: dict[str, Prepared] = {}
    errors: list[tuple[Document, str]] = []
    on_tables = writer.put_tables if writer is not None else None
    for seen, (doc, analysis, rows, error) in enumerate(analyser.stream(on_tables), 1):
        if writer is not None and total - seen == _RELEASE_AHEAD:
            writer.release()
        if analysis is None:
            errors.append((doc, error or ""))
            if stream is not None:
                stream.skip(doc.doc_id)
            continue
        analyses.append(analysis)
        if rows is not None:
            prepared[analysis.document.doc_id] = rows
        if stream is not None:
            stream.add(analysis, rows.text if rows is not None else None)
        if writer is not None:
            writer.put(analysis, rows)
    return analyses, prepared, errors


def _lap(report: IngestReport, phase: str, since: float) -> float:
    now = time.perf_counter()
    report.timings[phase] = report.timings.get(phase, 0.0) + now - since
    return now
