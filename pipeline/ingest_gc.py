"""Garbage collection during an ingest: as little as possible, then the caller's settings back.

An ingest keeps millions of small objects alive (analyses, rows, dedup features) and makes few reference
cycles (``gc.collect()`` after one finds none); every collection scans the objects kept since the last.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Young-generation collections while ingesting: one per million new container objects (Python's default is
# 700); the pool's workers, which free their documents' objects as they go, then seldom reach one.
YOUNG_THRESHOLD = 1_000_000


@contextmanager
def few_collections() -> Iterator[None]:
    """No full collection during an ingest (the pool's workers inherit this) and rare young ones, then the
    caller's settings back (``no_collections`` included). Full collections walk everything kept: they cost
    30 % of the storing and dedup time of 2,000 documents. Young ones are scanned again by the next older
    generation's: at 10,000 they took 0.35 s of this process's 4.5 s of CPU over 2,000 documents."""
    before, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(YOUNG_THRESHOLD, before[1], 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if enabled:
            gc.enable()


def no_collections() -> None:
    """No collection at all in this process until ``few_collections`` ends, once a pool's workers are
    started (they keep ``few_collections``' thresholds): the objects this process makes then live on.
    2,000 documents reached one young collection there, which held the GIL 0.25-0.4 s to scan a million
    objects and freed 389."""
    gc.disable()
