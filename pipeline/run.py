"""Process a batch of articles end to end: load, date near-copies, analyse, store, dedup, snapshot.

The per-document stages are pure (``pipeline.analyze.analyze``), so they run in a process pool when the batch
is large enough to pay for it; each worker also makes the document's store rows and dedup text features
(``store_rows.prepare_document``), so the parent only inserts them. Everything that needs the whole corpus
(near-duplicate dates, dedup) runs here, in the parent. A bad file never stops a batch: it gets one line on
stderr and is counted.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import multiprocessing.pool
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.config import DEFAULT_SETTINGS, Settings
from pipeline.model import Document, DocumentAnalysis

if TYPE_CHECKING:
    from pipeline.store_rows import Prepared

# Below this many documents a process pool costs more (start-up, pickling) than it saves.
POOL_MIN_DOCUMENTS = 32
# Documents read are sent to the workers in rounds of at least this many (a file may hold one).
_ROUND = 16
# Young-generation collections while ingesting: ten times rarer than Python's default (700).
_GC_YOUNG_THRESHOLD = 10_000


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


@contextmanager
def _few_full_collections() -> Iterator[None]:
    """No full garbage collection during an ingest (the pool's workers inherit this), then the caller's
    settings back. An ingest keeps millions of small objects alive (analyses, rows, dedup features) and
    makes few reference cycles; every full collection walks all of them, which cost 30 % of the storing
    and dedup time of 2,000 documents. Young cycles are still collected."""
    before = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, before[1], 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@_few_full_collections()
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


@_few_full_collections()
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
    from pipeline.store import Store

    store = Store(
        settings.db_path, lexicon_dir=settings.lexicon_dir, fuzzy_threshold=settings.fuzzy_name_threshold
    )
    with store, _Analyser(settings.lexicon_dir, progress, workers) as analyser:
        known = store.doc_ids()
        fresh: dict[str, Document] = {}
        present: dict[str, Document] = {}  # stored already, analysed again when ``reanalyse``
        # Dated documents keep their dates whatever the near-copies say: they are analysed (in the pool)
        # as soon as their file is read, and while the near-copies are looked for; the others follow once
        # their dates are known. The pool starts once enough new documents are seen to pay for it.
        waiting: list[Document] = []
        first: list[Document] = []
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
            if analyser.decided and len(waiting) >= _ROUND:
                analyser.submit(waiting)
                first += waiting
                waiting = []
        if not analyser.decided:
            analyser.decide(len(fresh) + len(present))
        # reading the files (the workers analysing meanwhile), and starting the workers
        report.timings["load"] = time.perf_counter() - started - analyser.start_seconds
        report.timings["workers_start"] = analyser.start_seconds
        waiting += [d for d in present.values() if d.published is not None]
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
        analyser.submit(
            [d for d in dated if (d.doc_id in fresh or d.doc_id in present) and d.doc_id not in started_ids]
            + redated
        )
        analyses, prepared, errors = analyser.results()
        analyser.close()
        clock = _lap(report, "analyse", clock)
        for doc, reason in errors:
            _fail(report, set(), doc.source, f"analysis failed: {reason}")
        new = [a for a in analyses if a.document.doc_id in fresh]
        again = [a for a in analyses if a.document.doc_id in known]
        report.redated = len(redated)
        report.reanalysed = sum(1 for a in again if a.document.doc_id in present)
        if new and not again:
            # the new documents are written (by a thread) while dedup runs: it does not read them back
            stored = store.add_in_background(new, prepared)
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
                    report.events = store.update_events(new, text=text)
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


def _lap(report: IngestReport, phase: str, since: float) -> float:
    now = time.perf_counter()
    report.timings[phase] = report.timings.get(phase, 0.0) + now - since
    return now


def default_workers(n_documents: int) -> int:
    """Processes to use when the caller does not say: all cores (at most 4) for a large batch, else one."""
    if n_documents < POOL_MIN_DOCUMENTS:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _start_pool(n: int, lexicon_dir: Path | None) -> multiprocessing.pool.Pool:
    """``n`` forked workers that share this process's loaded resources: it loads them first (once, instead
    of once per worker; the workers' own warm-up then finds everything loaded)."""
    _warm_up(lexicon_dir)
    return multiprocessing.get_context("fork").Pool(n, initializer=_warm_up, initargs=(lexicon_dir,))


def analyze_all(
    documents: Sequence[Document], lexicon_dir: Path | None, progress: bool = True, workers: int | None = None
) -> tuple[list[DocumentAnalysis], dict[str, Prepared], list[tuple[Document, str]]]:
    """Analyse every document (in a process pool when worth it), with its store rows; failures are
    returned, not raised."""
    with _Analyser(lexicon_dir, progress, workers) as analyser:
        analyser.decide(len(documents))
        analyser.submit(documents)
        analyser.expect(len(documents))
        return analyser.results()


class _Analyser:
    """Documents analysed in a process pool (when the batch is worth it), submitted in rounds as they are
    read; ``results`` waits for all of them. ``decide`` (before the first round) starts the pool when the
    number of documents says it pays."""

    def __init__(self, lexicon_dir: Path | None, progress: bool, workers: int | None) -> None:
        from tqdm import tqdm

        self.lexicon_dir = lexicon_dir
        self.workers = workers
        self.n = 1
        self.decided = False
        self.start_seconds = 0.0  # loading resources and forking the workers
        self.now = datetime.now()
        self.rounds: list[tuple[list[Document], Iterator | None]] = []
        self.pool: multiprocessing.pool.Pool | None = None
        self.bar = tqdm(total=None, desc="analysing", unit="doc", file=sys.stderr, disable=not progress)

    def decide(self, expected: int) -> None:
        """Pool or not, and how many processes, for a batch of (at least) ``expected`` documents."""
        self.decided = True
        self.n = self.workers if self.workers is not None else default_workers(expected)
        if self.n > 1 and expected >= POOL_MIN_DOCUMENTS:
            clock = time.perf_counter()
            self.pool = _start_pool(self.n, self.lexicon_dir)
            self.start_seconds = time.perf_counter() - clock
            # The parent needs pandas (pyarrow imports it to convert the rows it inserts) and the dedup
            # rules: they load while the workers analyse rather than after.
            threading.Thread(target=_warm_parent, args=(self.lexicon_dir,), daemon=True).start()

    def expect(self, total: int) -> None:
        self.bar.total = total
        self.bar.refresh()

    def __enter__(self) -> _Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.bar.close()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def submit(self, documents: Sequence[Document]) -> None:
        jobs = [(doc, self.lexicon_dir, self.now) for doc in documents]
        if self.pool is not None and jobs:
            # Big chunks (few round trips), but at least 8 per worker so the last ones finish together.
            chunk = max(1, min(64, len(jobs) // (self.n * 8)))
            self.rounds.append((list(documents), self.pool.imap(_work_slim, jobs, chunksize=chunk)))
        else:
            self.rounds.append((list(documents), None))

    def results(self) -> tuple[list[DocumentAnalysis], dict[str, Prepared], list[tuple[Document, str]]]:
        analyses: list[DocumentAnalysis] = []
        prepared: dict[str, Prepared] = {}
        errors: list[tuple[Document, str]] = []
        for documents, pending in self.rounds:
            outcomes = pending if pending is not None else map(_work, _jobs(documents, self))
            for doc, (analysis, rows, error) in zip(documents, outcomes, strict=True):
                self.bar.update()
                if analysis is None:
                    errors.append((doc, error or ""))
                    continue
                if analysis.document is None:  # slimmed by the worker: the document is ours
                    analysis = replace(analysis, document=doc)
                analyses.append(analysis)
                if rows is not None:
                    prepared[analysis.document.doc_id] = rows
        self.rounds = []
        return analyses, prepared, errors


def _jobs(documents: Sequence[Document], analyser: _Analyser) -> Iterator[tuple]:
    return ((doc, analyser.lexicon_dir, analyser.now) for doc in documents)


def _warm_parent(lexicon_dir: Path | None) -> None:
    """What the parent loads after the analysis (storing, dedup), loaded while it waits for the workers."""
    try:
        importlib.import_module("pandas")
        from pipeline.dedup_event import event_codes
        from pipeline.dedup_rules import load_rules

        load_rules(lexicon_dir)
        event_codes("MEETING", "met", lexicon_dir)
        importlib.import_module("pipeline.store_events")
    except Exception:  # noqa: BLE001 - warming up is an optimisation; the real work reports errors
        pass


def _warm_up(lexicon_dir: Path | None) -> None:
    """Worker initializer: load every resource the analysis uses once, before the first real document."""
    from pipeline.documents import make_document

    try:
        sample = "WASHINGTON, Sept. 15, 2010 - Defense Secretary Robert Gates met Russia's minister today."
        _work((make_document(sample, "warm-up", {}, None, lexicon_dir), lexicon_dir, datetime.now()))
    except Exception:  # noqa: BLE001 - warming up is an optimisation; the real work reports errors
        pass


def _work(
    job: tuple[Document, Path | None, datetime],
) -> tuple[DocumentAnalysis | None, Prepared | None, str | None]:
    """One document analysed and its store rows made (in the worker: the parent only inserts them)."""
    from pipeline.store_rows import prepare_document

    document, lexicon_dir, now = job
    analysis, error = _analyze_one((document, lexicon_dir))
    if analysis is None:
        return None, None, error
    try:
        return analysis, prepare_document(analysis, now, lexicon_dir), None
    except Exception:  # noqa: BLE001 - the parent makes the rows itself
        return analysis, None, None


def _work_slim(
    job: tuple[Document, Path | None, datetime],
) -> tuple[DocumentAnalysis | None, Prepared | None, str | None]:
    """``_work`` in a pool worker: what crosses the process boundary is pickled there and unpickled by the
    parent, so the analysis goes back without what the parent has (the document) or no longer needs once
    the store rows are made (sentences, time expressions, actor mentions: dedup reads their text features)."""
    analysis, rows, error = _work(job)
    if analysis is not None and rows is not None:
        slim = replace(analysis, document=None, sentences=(), timexes=(), actor_mentions=())
        return slim, rows, error
    return analysis, rows, error


def _analyze_one(job: tuple[Document, Path | None]) -> tuple[DocumentAnalysis | None, str | None]:
    """One document through the pure per-document stages; an exception becomes a message."""
    from pipeline.analyze import analyze

    document, lexicon_dir = job
    try:
        return analyze(document, lexicon_dir), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return None, f"{type(exc).__name__}: {exc}"
