"""Process a batch of articles end to end: load, date near-copies, analyse, store, dedup, snapshot.

The per-document stages are pure (``pipeline.analyze.analyze``), so they run in a process pool when the batch
is large enough to pay for it; everything that needs the whole corpus (near-duplicate dates, dedup) runs
here, in the parent. A bad file never stops a batch: it gets one line on stderr and is counted.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.config import DEFAULT_SETTINGS, Settings
from pipeline.model import Document, DocumentAnalysis

# Below this many documents a process pool costs more (start-up, pickling) than it saves.
POOL_MIN_DOCUMENTS = 32


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
    documents: list[Document] = []
    failed_paths: set[str] = set()
    files: list[Path] = []
    for path in paths:
        try:
            files.extend(discover([path]))
        except DocumentError as exc:
            _fail(report, failed_paths, str(exc.path), exc.message)
    seen: set[Path] = set()
    for file in files:
        if file.resolve() in seen:
            continue
        seen.add(file.resolve())
        report.files += 1
        loaded = load_file_partial(file, settings.lexicon_dir)
        documents.extend(loaded.documents)
        for error in loaded.errors:
            where = f"{error.path}:{error.line}" if error.line is not None else str(error.path)
            _fail(report, failed_paths, where, error.message, key=str(error.path))
    report.timings["load"] = time.perf_counter() - started
    return _ingest_documents(documents, settings, progress, workers, report, started, reanalyse)


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
    return _ingest_documents([document], settings, False, 1, IngestReport(), time.perf_counter())


def _fail(report: IngestReport, failed: set[str], where: str, reason: str, key: str | None = None) -> None:
    line = f"dateline: skipped {where}: {reason}"
    print(line, file=sys.stderr, flush=True)
    report.failures.append(line)
    if (key or where) not in failed:
        failed.add(key or where)
        report.failed_files += 1


def _ingest_documents(
    documents: list[Document],
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
    with store:
        known = store.doc_ids()
        fresh: dict[str, Document] = {}
        present: dict[str, Document] = {}  # stored already, analysed again when ``reanalyse``
        for doc in documents:
            if doc.doc_id in known or doc.doc_id in fresh:
                report.already_present += 1
                if reanalyse and doc.doc_id in known:
                    present.setdefault(doc.doc_id, doc)
            else:
                fresh[doc.doc_id] = doc
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
        todo = [d for d in dated if d.doc_id in fresh or d.doc_id in present] + redated
        analyses, errors = analyze_all(todo, settings.lexicon_dir, progress, workers)
        clock = _lap(report, "analyse", clock)
        for doc, reason in errors:
            _fail(report, set(), doc.source, f"analysis failed: {reason}")
        new = [a for a in analyses if a.document.doc_id in fresh]
        again = [a for a in analyses if a.document.doc_id in known]
        report.documents_added = store.add(new)
        store.replace(again)
        report.redated = len(redated)
        report.reanalysed = sum(1 for a in again if a.document.doc_id in present)
        clock = _lap(report, "store", clock)
        if new or again or not store.counts()["events"]:
            report.events = store.rebuild_events(known=[*new, *again])
            clock = _lap(report, "dedup", clock)
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


def analyze_all(
    documents: Sequence[Document], lexicon_dir: Path | None, progress: bool = True, workers: int | None = None
) -> tuple[list[DocumentAnalysis], list[tuple[Document, str]]]:
    """Analyse every document (in a process pool when worth it); failures are returned, not raised."""
    from tqdm import tqdm

    if not documents:
        return [], []
    n = workers if workers is not None else default_workers(len(documents))
    bar = tqdm(total=len(documents), desc="analysing", unit="doc", file=sys.stderr, disable=not progress)
    jobs = [(doc, lexicon_dir) for doc in documents]
    results: list[tuple[DocumentAnalysis | None, str | None]] = []
    try:
        if n > 1 and len(documents) >= POOL_MIN_DOCUMENTS:
            chunk = max(1, min(64, len(documents) // (n * 8)))
            with ProcessPoolExecutor(max_workers=n) as executor:
                for result in executor.map(_analyze_one, jobs, chunksize=chunk):
                    results.append(result)
                    bar.update()
        else:
            for job in jobs:
                results.append(_analyze_one(job))
                bar.update()
    finally:
        bar.close()
    analyses = [a for a, _ in results if a is not None]
    errors = [(doc, err) for doc, (a, err) in zip(documents, results, strict=True) if a is None]
    return analyses, errors


def _analyze_one(job: tuple[Document, Path | None]) -> tuple[DocumentAnalysis | None, str | None]:
    """One document through the pure per-document stages; an exception becomes a message."""
    from pipeline.analyze import analyze

    document, lexicon_dir = job
    try:
        return analyze(document, lexicon_dir), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return None, f"{type(exc).__name__}: {exc}"
