"""One frozen settings object with documented defaults (dateparser's ``settings.py`` is the model).

Paths resolve relative to the project root so the same code runs from a checkout or an editable install;
environment variables override where an operator needs them to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A checkout (or an editable install) has the rules in data/lexicon/; an installed wheel has them as the
# data-only package `dateline_lexicon`, and keeps its store under the working directory.
_CHECKOUT = (PROJECT_ROOT / "data" / "lexicon").is_dir()


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def _default_lexicon() -> Path:
    if _CHECKOUT:
        return PROJECT_ROOT / "data" / "lexicon"
    import dateline_lexicon  # the wheel's copy of data/lexicon

    return (
        Path(dateline_lexicon.__file__).resolve().parent
        if dateline_lexicon.__file__
        else Path(next(iter(dateline_lexicon.__path__)))
    )


def _default_db() -> Path:
    return (PROJECT_ROOT if _CHECKOUT else Path.cwd()) / "data" / "store" / "dateline.duckdb"


@dataclass(frozen=True)
class Settings:
    """Every tunable of the pipeline, in one place.

    lexicon_dir: rules and vocabularies (``data/lexicon``; ``DATELINE_LEXICON`` overrides).
    db_path: the DuckDB event store (``data/store/dateline.duckdb``; ``DATELINE_DB`` overrides).
    snapshot_dir: Parquet snapshot the dashboard reads (next to the database, ``<db stem>.parquet/``).
    near_duplicate_threshold: shingle similarity above which two documents count as copies of one story.
    fuzzy_name_threshold: rapidfuzz score above which two person names are one actor ("Serdykov"/"Serdyukov").
    workers: processes used by ``dateline ingest`` (1 = in-process).
    engine: where the per-document analysis runs: ``local`` (processes here) or ``dask`` (a dask.distributed
        cluster at ``dask_scheduler``, or a LocalCluster of ``workers`` processes when none is given).
    """

    lexicon_dir: Path = field(default_factory=lambda: _env_path("DATELINE_LEXICON", _default_lexicon()))
    db_path: Path = field(default_factory=lambda: _env_path("DATELINE_DB", _default_db()))
    near_duplicate_threshold: float = 0.5
    fuzzy_name_threshold: float = 85.0
    workers: int = 1
    engine: str = "local"
    dask_scheduler: str | None = field(default_factory=lambda: os.environ.get("DATELINE_DASK_SCHEDULER"))

    @property
    def snapshot_dir(self) -> Path:
        return self.db_path.with_suffix(".parquet")


DEFAULT_SETTINGS = Settings()
