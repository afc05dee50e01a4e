"""The analysis of a batch in worker processes: a pool of forked workers (when the batch pays for it) fed
in rounds as the files are read, or the same work in this process.

Workers are forked from a parent that has loaded the analysis resources once; each document comes back
analysed with its store rows made (``store_rows.prepare_document``) and without what the parent already
has, so that little crosses the process boundary.
"""

from __future__ import annotations

import importlib
import multiprocessing
import multiprocessing.pool
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.model import Document, DocumentAnalysis

if TYPE_CHECKING:
    from pipeline.dask_engine import DaskRunner
    from pipeline.store_rows import Prepared

# Below this many documents a process pool costs more (start-up, pickling) than it saves.
POOL_MIN_DOCUMENTS = 32
# Pipe buffer between the pool and this process (Linux's default limit for a user).
_PIPE_BYTES = 1 << 20


def default_workers(n_documents: int) -> int:
    """Processes to use when the caller does not say: all cores (at most 4) for a large batch, else one."""
    if n_documents < POOL_MIN_DOCUMENTS:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _start_pool(n: int, lexicon_dir: Path | None) -> multiprocessing.pool.Pool:
    """``n`` forked workers that share this process's loaded resources: it loads them first (once, instead
    of once per worker; the workers' own warm-up then finds everything loaded)."""
    _warm_up(lexicon_dir)
    context = multiprocessing.get_context("fork")
    pool = _Pool(n, initializer=_warm_up, initargs=(lexicon_dir,), context=context)
    _widen_pipes(pool)
    return pool


class _Pool(multiprocessing.pool.Pool):
    """A pool whose worker-maintenance thread is not woken by every result waiting in the pipe (the standard
    pool wakes it then, and it spins until the result thread has read them: 0.6 s of this process's CPU
    over 2,000 documents, while this process works too). It still wakes when a worker exits (its sentinel)
    and when the pool changes state; a pool without ``maxtasksperchild`` has nothing else to maintain."""

    def _get_sentinels(self) -> list:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def _widen_pipes(pool: multiprocessing.pool.Pool) -> None:
    """Room for several chunks of results in the pipe back to this process (64 KiB by default, under one
    chunk's results): a worker that cannot write its results waits, holding the queue's lock, until this
    process reads them, and this process is busy too (clustering, writing the store) while the pool runs."""
    try:
        import fcntl

        for queue in (pool._outqueue, pool._inqueue):  # type: ignore[attr-defined]
            fcntl.fcntl(queue._writer.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (AttributeError, ImportError, OSError):  # not Linux, or a limit: the default pipes work
        pass


def analyze_all(
    documents: Sequence[Document], lexicon_dir: Path | None, progress: bool = True, workers: int | None = None
) -> tuple[list[DocumentAnalysis], dict[str, Prepared], list[tuple[Document, str]]]:
    """Analyse every document (in a process pool when worth it), with its store rows; failures are
    returned, not raised."""
    with Analyser(lexicon_dir, progress, workers) as analyser:
        analyser.decide(len(documents))
        analyser.submit(documents)
        analyser.expect(len(documents))
        return analyser.results()


class Analyser:
    """Documents analysed in a process pool (when the batch is worth it), submitted in rounds as they are
    read; ``results`` waits for all of them. ``decide`` (before the first round) starts the pool when the
    number of documents says it pays."""

    def __init__(
        self,
        lexicon_dir: Path | None,
        progress: bool,
        workers: int | None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> None:
        from tqdm import tqdm

        self.lexicon_dir = lexicon_dir
        self.workers = workers
        self.engine, self.scheduler = engine, scheduler
        self.dask: DaskRunner | None = None
        self.n = 1
        self.decided = False
        self.start_seconds = 0.0  # loading resources and forking the workers
        self.now = datetime.now()
        self.rounds: list[tuple[list[Document], Iterator | AsyncResult | None]] = []
        self.pool: multiprocessing.pool.Pool | None = None
        self.schemas: dict[str, Any] | None = None  # Arrow schemas of the store: rows come back as Arrow
        self.bar = tqdm(total=None, desc="analysing", unit="doc", file=sys.stderr, disable=not progress)

    def decide(self, expected: int) -> None:
        """Pool or not, and how many processes, for a batch of (at least) ``expected`` documents."""
        self.decided = True
        self.n = self.workers if self.workers is not None else default_workers(expected)
        if self.engine == "dask" and expected > 0:  # no cluster for a batch with nothing new
            from pipeline.dask_engine import DaskRunner

            clock = time.perf_counter()
            self.dask = DaskRunner(self.scheduler, max(1, self.n))
            self.start_seconds = time.perf_counter() - clock
        elif self.n > 1 and expected >= POOL_MIN_DOCUMENTS:
            clock = time.perf_counter()
            self.pool = _start_pool(self.n, self.lexicon_dir)
            self.start_seconds = time.perf_counter() - clock
            # The parent needs pandas (pyarrow imports it to convert the rows it inserts) and the dedup
            # rules: they load while the workers analyse rather than after.
            threading.Thread(target=_warm_parent, args=(self.lexicon_dir,), daemon=True).start()

    def expect(self, total: int) -> None:
        self.bar.total = total
        self.bar.refresh()

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.bar.close()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        if self.dask is not None:
            self.dask.close()
            self.dask = None

    @property
    def pooled(self) -> bool:
        return self.pool is not None

    def submit(self, documents: Sequence[Document]) -> None:
        jobs = [(doc, self.lexicon_dir, self.now) for doc in documents]
        if self.dask is not None and jobs:
            self.rounds.append((list(documents), self.dask.submit(documents, self.lexicon_dir, self.now)))
        elif self.pool is not None and jobs:
            # Chunks of a few documents (few round trips, results streaming back in submission order),
            # smaller at the end of the batch so the last ones finish together.
            start = 0
            for size in _chunk_sizes(len(jobs), self.n):
                part = jobs[start : start + size]
                task = (_work_chunk, (part,)) if self.schemas is None else (_work_arrow, (part, self.schemas))
                self.rounds.append((list(documents[start : start + size]), self.pool.apply_async(*task)))
                start += size
        else:
            self.rounds.append((list(documents), None))

    def backlog(self) -> int:
        """Documents handed to the pool whose analysis has not come back yet."""
        return sum(
            len(docs)
            for docs, pending in self.rounds
            if isinstance(pending, AsyncResult) and not pending.ready()
        )

    def stream(
        self, on_tables: Callable[[dict[str, Any]], None] | None = None
    ) -> Iterator[tuple[Document, DocumentAnalysis | None, Prepared | None, str | None]]:
        """Every submitted document with its outcome (analysis, store rows, error), in submission order, as
        they come back. With ``schemas`` set, the pool sends the store rows of a chunk as Arrow tables,
        handed to ``on_tables`` before the chunk's documents (whose ``Prepared.rows`` are then None)."""
        while self.rounds:
            documents, pending = self.rounds.pop(0)
            if pending is None:
                outcomes: Iterable = map(_work, _jobs(documents, self))
            elif isinstance(pending, AsyncResult):
                outcomes = pending.get()
                if isinstance(outcomes, tuple):  # (outcomes, Arrow tables of their rows)
                    outcomes, tables = outcomes
                    if on_tables is None:
                        raise RuntimeError("rows sent as Arrow tables to a caller that does not take them")
                    on_tables(tables)
            else:
                outcomes = pending
            for doc, (analysis, rows, error) in zip(documents, outcomes, strict=True):
                self.bar.update()
                if analysis is not None and analysis.document is None:  # slimmed: the document is ours
                    analysis = replace(analysis, document=doc)
                yield doc, analysis, rows, error

    def results(self) -> tuple[list[DocumentAnalysis], dict[str, Prepared], list[tuple[Document, str]]]:
        analyses: list[DocumentAnalysis] = []
        prepared: dict[str, Prepared] = {}
        errors: list[tuple[Document, str]] = []
        for doc, analysis, rows, error in self.stream():
            if analysis is None:
                errors.append((doc, error or ""))
                continue
            analyses.append(analysis)
            if rows is not None:
                prepared[analysis.document.doc_id] = rows
        return analyses, prepared, errors


def _chunk_sizes(n_jobs: int, workers: int) -> Iterator[int]:
    """Chunks of 16 documents, then 4, then single ones for the last few of a batch."""
    left = n_jobs
    while left:
        size = 16 if left > workers * 32 else 4 if left > workers * 4 else 1
        size = min(size, left)
        yield size
        left -= size


def _work_chunk(
    jobs: list[tuple[Document, Path | None, datetime]],
) -> list[tuple[DocumentAnalysis | None, Prepared | None, str | None]]:
    return [_work_slim(job) for job in jobs]


def _work_arrow(
    jobs: list[tuple[Document, Path | None, datetime]], schemas: dict[str, Any]
) -> list | tuple[list, dict[str, Any]]:
    """``_work_chunk`` with the store rows of the chunk as Arrow tables (see ``Analyser.stream``); a chunk
    whose rows do not convert goes back as ``_work_chunk`` sends it."""
    from pipeline.store_arrow import arrow_tables
    from pipeline.store_rows import Prepared, merge_rows

    outcomes = _work_chunk(jobs)
    try:
        tables = arrow_tables(merge_rows([p.rows for _, p, _ in outcomes if p is not None]), schemas)
    except Exception:  # noqa: BLE001 - the parent converts them itself
        return outcomes
    slim = [(a, Prepared(None, p.text) if p is not None else None, e) for a, p, e in outcomes]
    return slim, tables


def _jobs(documents: Sequence[Document], analyser: Analyser) -> Iterator[tuple]:
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
