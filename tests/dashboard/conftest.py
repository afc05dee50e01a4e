"""Fixtures of the dashboard tests: a hand-made snapshot (no pipeline needed) and an AppTest over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from snapshot_fixture import write_snapshot
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """DATELINE_DB pointing at a store whose snapshot holds the fixture events."""
    db = tmp_path / "store.duckdb"
    write_snapshot(db.with_suffix(".parquet"))
    monkeypatch.setenv("DATELINE_DB", str(db))
    return db


@pytest.fixture
def make_app() -> Callable[..., AppTest]:
    def make(**query_params: str | list[str]) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(query_params)
        return at.run()

    return make
