"""A wheel must carry every rule file: data/lexicon/ ships as the data-only package `dateline_lexicon`,
and only the files its package-data globs name go into the wheel."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

from pipeline.config import PROJECT_ROOT

LEXICON = PROJECT_ROOT / "data" / "lexicon"


def _shipped(relative: str, globs: list[str]) -> bool:
    """setuptools' reading of a package-data glob: "*.yaml" at the top, "**/*.yaml" in any subfolder."""
    folder, _, name = relative.rpartition("/")
    for pattern in globs:
        if pattern.startswith("**/") and folder and fnmatch(name, pattern[3:]):
            return True
        if "/" not in pattern and not folder and fnmatch(name, pattern):
            return True
    return False


def _setuptools() -> dict:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_lexicon_package_maps_to_data_lexicon() -> None:
    config = _setuptools()
    assert "dateline_lexicon" in config["packages"]
    assert config["package-dir"]["dateline_lexicon"] == "data/lexicon"


def test_every_rule_file_is_named_by_the_package_data_globs() -> None:
    globs = _setuptools()["package-data"]["dateline_lexicon"]
    files = [p for p in LEXICON.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(files) > 20
    unshipped = [
        str(p.relative_to(LEXICON)) for p in files if not _shipped(p.relative_to(LEXICON).as_posix(), globs)
    ]
    assert not unshipped, f"rule files a wheel would not ship: {unshipped}"


def test_the_store_schema_ships_with_the_pipeline() -> None:
    globs = _setuptools()["package-data"]["pipeline"]
    assert (Path(PROJECT_ROOT) / "pipeline" / "store_schema.sql").exists()
    assert _shipped("store_schema.sql", globs)
