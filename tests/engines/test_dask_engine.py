"""The Dask engine runs the same per-document work as the local one, on a real ``LocalCluster``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pipeline.documents import load_file
from pipeline.run import _work

pytest.importorskip("distributed")

from pipeline.dask_engine import dask_outcomes  # noqa: E402 - after the skip

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def documents() -> list:
    paths = sorted((ROOT / "data" / "articles" / "corpus").glob("*.txt"))[:12]
    return [d for p in paths for d in load_file(p)]


def test_a_local_cluster_gives_the_local_engines_results_in_order(documents: list) -> None:
    now = datetime(2026, 1, 1)
    remote = list(dask_outcomes(documents, None, now, workers=2))
    local = [_work((d, None, now)) for d in documents]
    assert len(remote) == len(documents)
    assert [a.document.doc_id for a, _, _ in remote] == [d.doc_id for d in documents]
    assert [a.event_mentions for a, _, _ in remote] == [a.event_mentions for a, _, _ in local]
    assert [rows for _, rows, _ in remote] == [rows for _, rows, _ in local]


def test_ingest_with_the_dask_engine_stores_what_the_local_engine_stores(tmp_path: Path) -> None:
    import subprocess
    import sys

    def events(db: Path, *engine: str) -> str:
        cli = [sys.executable, "-m", "pipeline.cli"]
        ingest = [*cli, "ingest", str(ROOT / "data" / "articles" / "seeds"), "--db", str(db), "--no-progress"]
        subprocess.run([*ingest, *engine], check=True, capture_output=True, text=True)
        listing = [*cli, "events", "--db", str(db), "--format", "jsonl"]
        return subprocess.run(listing, check=True, capture_output=True, text=True).stdout

    remote = events(tmp_path / "dask.duckdb", "--engine", "dask", "--workers", "2")
    local = events(tmp_path / "local.duckdb")
    assert remote == local
    assert "Fort Belvoir" in remote
