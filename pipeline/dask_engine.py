"""The per-document analysis on a Dask cluster: the same pure work as the local process pool, elsewhere.

The corpus-wide stages (near-copy dates, dedup, store) stay with the caller; only ``analyze`` and the store
rows of each document travel, which is what lets Dateline scale past one machine (DESIGN.md, scale notes).
Without a scheduler address a ``LocalCluster`` is started for the batch and closed after it; with one, the
workers must have this package installed. Results come back in submission order, so the caller sees the
same sequence as with the local engine, and a failed document is a message, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

from pipeline.model import Document

# Documents per task: large enough that scheduling costs little, small enough to spread over the workers.
_BATCH = 16


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed (it is the optional extra ``dateline[dask]``)."""


class DaskRunner:
    """One Dask client for a whole ingest: documents are sent as they are submitted (the cluster works while
    the caller reads more files) and come back in order. A LocalCluster is started when no address is
    given, and closed with the runner."""

    def __init__(self, address: str | None = None, workers: int = 2) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise DaskUnavailable(
                "the Dask engine needs dask.distributed: pip install 'dateline[dask]'"
            ) from exc
        self._stack = ExitStack()
        if address:
            self.client = self._stack.enter_context(Client(address))
        else:
            cluster = self._stack.enter_context(
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            )
            self.client = self._stack.enter_context(Client(cluster))

    def submit(
        self, documents: Sequence[Document], lexicon_dir: Path | None, now: datetime
    ) -> Iterator[tuple]:
        """Send the documents now; iterate ``(analysis, store rows, error)`` per document, in order."""
        jobs = [(doc, lexicon_dir, now) for doc in documents]
        batches = [jobs[i : i + _BATCH] for i in range(0, len(jobs), _BATCH)]
        futures = self.client.map(_work_batch, batches, pure=False)
        return (outcome for future in futures for outcome in future.result())

    def close(self) -> None:
        self._stack.close()


def _work_batch(jobs: list[tuple[Document, Path | None, datetime]]) -> list[tuple]:
    """Run on a worker: the local engine's per-document work, for a batch of documents."""
    from pipeline.analysis_pool import _work  # the same function the process pool runs

    return [_work(job) for job in jobs]


def dask_outcomes(
    documents: Sequence[Document],
    lexicon_dir: Path | None,
    now: datetime,
    address: str | None = None,
    workers: int = 2,
) -> Iterator[tuple]:
    """``(analysis, store rows, error)`` per document, in order, computed on a Dask cluster of its own."""
    runner = DaskRunner(address, workers)
    try:
        yield from runner.submit(documents, lexicon_dir, now)
    finally:
        runner.close()
