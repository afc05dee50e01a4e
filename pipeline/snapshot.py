"""Write the Parquet snapshot the dashboard reads, atomically.

Layout (``pipeline/snapshot_schema.py``): the directory ``<db stem>.parquet/`` holds one ``<table>.parquet``
per entry of ``SNAPSHOT_TABLES`` plus ``manifest.json`` (version, time, row counts). That path is a symbolic
link to a versioned sibling directory: a new version is written in full beside the old one, then the link is
swapped with ``os.replace`` (a single rename), so a reader resolves either the old snapshot or the new one,
never a half-written one. The previous version is kept (a reader may still be reading it); older ones go.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import duckdb

from pipeline.snapshot_schema import SNAPSHOT_TABLES

MANIFEST = "manifest.json"

# Where each snapshot table comes from in the store (see pipeline/store_schema.sql).
_SOURCES: dict[str, str] = {
    "events": """
        SELECT e.*,
            coalesce((SELECT list(a.name ORDER BY a.ordinal) FROM event_actors a
                      WHERE a.event_id = e.event_id), []) AS actor_names,
            coalesce((SELECT list(DISTINCT a.country) FILTER (WHERE a.country IS NOT NULL) FROM event_actors a
                      WHERE a.event_id = e.event_id), []) AS actor_countries,
            coalesce((SELECT list(DISTINCT l.doc_id) FROM event_mention_links l
                      WHERE l.event_id = e.event_id), []) AS doc_ids
        FROM events e ORDER BY e."start" NULLS LAST, e.event_id""",
    "mentions": "SELECT * FROM event_mention_links ORDER BY event_id, ordinal",
    "event_actors": "SELECT * FROM event_actors ORDER BY event_id, ordinal",
    "documents": "SELECT * FROM documents ORDER BY published NULLS LAST, doc_id",
}


def table_path(snapshot_dir: Path, table: str) -> Path:
    """Path of one snapshot table (what the dashboard reads)."""
    return Path(snapshot_dir) / f"{table}.parquet"


def _select(table: str) -> str:
    columns = ", ".join(f'CAST(src."{c}" AS {t}) AS "{c}"' for c, t in SNAPSHOT_TABLES[table].items())
    return f"SELECT {columns} FROM ({_SOURCES[table]}) AS src"


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_snapshot(con: duckdb.DuckDBPyConnection, target: Path) -> Path:
    """Write every snapshot table from ``con`` and publish them at ``target`` in one rename."""
    target = Path(target)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time_ns()}-{os.getpid()}"
    version = parent / f".{target.name}.v{stamp}"
    version.mkdir()
    try:
        counts = {}
        for table in SNAPSHOT_TABLES:
            con.execute(
                f"COPY ({_select(table)}) TO {_sql_path(table_path(version, table))} (FORMAT parquet)"
            )
            counts[table] = con.execute(
                f"SELECT count(*) FROM read_parquet({_sql_path(table_path(version, table))})"
            ).fetchone()[0]
        manifest = {"version": stamp, "written_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "rows": counts}
        (version / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        link = parent / f".{target.name}.link{stamp}"
        os.symlink(version.name, link)
        if target.exists() and not target.is_symlink():
            # a plain directory from an older layout: move it aside once (not atomic, only on upgrade)
            target.rename(parent / f".{target.name}.v0-legacy")
        os.replace(link, target)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    _remove_old_versions(target, keep={version.name})
    return target


def _remove_old_versions(target: Path, keep: set[str]) -> None:
    versions = sorted(p for p in target.parent.glob(f".{target.name}.v*") if p.name not in keep)
    for old in versions[:-1]:  # keep the newest previous one for readers still on it
        shutil.rmtree(old, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}.link*"):
        stale.unlink(missing_ok=True)
