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
from typing import Any

from pipeline.model import Document

# Documents per task: large enough that scheduling costs little, small enough to spread over the workers.
_BATCH = 16


class DaskUnavailable(RuntimeError):
    """dask.distributed is not installed (it is the optional extra ``dateline[dask]``)."""


def _client(address: str | None, workers: int, stack: ExitStack) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DaskUnavailable("the Dask engine needs dask.distributed: pip install 'dateline[dask]'") from exc
    if address:
        return stack.enter_context(Client(address))
    cluster = stack.enter_context(
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    )
    return stack.enter_context(Client(cluster))


def _work_batch(jobs: list[tuple[Document, Path | None, datetime]]) -> list[tuple]:
    """Run on a worker: the local engine's per-document work, for a batch of documents."""
    from pipeline.run import _work  # the same function the process pool runs

    return [_work(job) for job in jobs]


def dask_outcomes(
    documents: Sequence[Document],
    lexicon_dir: Path | None,
    now: datetime,
    address: str | None = None,
    workers: int = 2,
) -> Iterator[tuple]:
    """``(analysis, store rows, error)`` per document, in order, computed on a Dask cluster."""
    jobs = [(doc, lexicon_dir, now) for doc in documents]
    batches = [jobs[i : i + _BATCH] for i in range(0, len(jobs), _BATCH)]
    with ExitStack() as stack:
        client = _client(address, workers, stack)
        futures = client.map(_work_batch, batches, pure=False)
        for future in futures:
            yield from future.result()
