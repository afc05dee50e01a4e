"""Shared fixtures: paths to the sample corpus and a per-test output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SEEDS = ARTICLES / "seeds"


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def output_dir(request: pytest.FixtureRequest) -> Path:
    """A folder kept after the run (tests/output/<test name>) for screenshots and reports."""
    path = ROOT / "tests" / "output" / request.node.name
    path.mkdir(parents=True, exist_ok=True)
    return path
