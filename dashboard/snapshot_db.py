"""The Parquet snapshot, loaded into an in-memory DuckDB prepared for filtering a million events.

Why the preparation (measured on 2 shared cores): event types, statuses and actors become ENUMs, so group-bys
run on small integers; each event gets integer day / month numbers, so a time bin is an integer division
rather than a ``date_trunc`` per row; actors, countries and documents are exploded into index tables that
filters semi-join instead of scanning lists; events are stored in date order, so date ranges and the first
rows of the table skip row groups.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from dashboard.text_index import build_text_index
from pipeline.snapshot_schema import SNAPSHOT_TABLES

NO_ACTOR_LANE = "(no actor)"
AGG_LANES = 200  # actor ranks pre-aggregated per month: the busiest lanes of most type / status filters
EPOCH = "DATE '0001-01-01'"  # a Monday: day numbers from it make Monday-based weeks by integer division


class SnapshotMissing(Exception):
    """The snapshot directory (or one of its tables) does not exist yet: nothing has been ingested."""


def snapshot_version(snapshot_dir: Path) -> tuple[int, int] | None:
    """(mtime_ns, inode) of the snapshot's events table: changes whenever the store swaps a new one in."""
    try:
        stat = (snapshot_dir / "events.parquet").stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ino


def open_snapshot(snapshot_dir: Path, text_index: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB prepared for fast filtering (see the module docstring); ``mentions``,
    ``event_actors`` and ``documents`` stay views over their Parquet files (read for one event's detail).
    ``text_index=False`` leaves out the word index of free-text search (``dashboard.text_index``: the
    benchmark builds it separately to time it; searching needs it).

    The store publishes a snapshot by swapping a symlink to a versioned directory; resolving it here pins this
    connection to one version, so the tables and the views never mix two ingests."""
    missing = [name for name in SNAPSHOT_TABLES if not (snapshot_dir / f"{name}.parquet").is_file()]
    if missing:
        raise SnapshotMissing(f"{snapshot_dir} has no {', '.join(missing)} table")
    snapshot_dir = snapshot_dir.resolve()
    paths = {name: str(snapshot_dir / f"{name}.parquet").replace("'", "''") for name in SNAPSHOT_TABLES}
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar=false")
    src = f"read_parquet('{paths['events']}')"
    con.execute(
        f"CREATE TYPE etype AS ENUM (SELECT DISTINCT event_type FROM {src} WHERE event_type IS NOT NULL)"
    )
    con.execute(f"CREATE TYPE estatus AS ENUM (SELECT DISTINCT status FROM {src} WHERE status IS NOT NULL)")
    con.execute(
        f"""CREATE TYPE eactor AS ENUM (SELECT DISTINCT a FROM (SELECT unnest(actor_names) AS a FROM {src}
            UNION ALL SELECT '{NO_ACTOR_LANE}') WHERE a IS NOT NULL)"""
    )
    con.execute(
        # in date order, so eid order is date order: date ranges and the table's first rows skip row groups
        f"""CREATE TABLE events AS SELECT (row_number() OVER ())::INTEGER AS eid,
                * REPLACE (event_type::etype AS event_type, status::estatus AS status,
                           coalesce(search_text, '') AS search_text),
                (start - {EPOCH})::INTEGER AS d, (year(start) * 12 + month(start) - 1)::INTEGER AS m
            FROM (SELECT * FROM {src} ORDER BY start NULLS LAST, event_id)"""
    )
    con.execute(
        f"""CREATE TABLE pairs0 AS SELECT eid, d,
                unnest(CASE WHEN len(actor_names) = 0 THEN ['{NO_ACTOR_LANE}']
                            ELSE list_distinct(list_filter(actor_names, lambda x: x IS NOT NULL)) END)::eactor
                    AS actor
            FROM events"""
    )
    # ``ar`` ranks an actor by its number of dated events (ties by name): the busiest lanes are the lowest
    # ranks, and each event carries its lanes as ranks (``ars``), so a narrowed selection finds its lanes
    # without a join against the million rows of ``lanes``
    con.execute(
        """CREATE TABLE actor_ranks AS SELECT (row_number() OVER (
                ORDER BY count(*) FILTER (WHERE d IS NOT NULL) DESC, actor::VARCHAR))::INTEGER AS ar, actor
           FROM pairs0 GROUP BY actor ORDER BY ar"""
    )
    con.execute(
        """CREATE OR REPLACE TABLE events AS SELECT e.*, a.ars FROM events e
           JOIN (SELECT eid, list(ar ORDER BY ar) AS ars FROM pairs0 JOIN actor_ranks USING (actor)
                 GROUP BY eid) a USING (eid) ORDER BY eid"""
    )
    con.execute("DROP TABLE pairs0")
    # one row per (event, actor) and per (event, country), with the columns the filters and the timeline
    # need, sorted by actor rank / country: type / status / date filters apply to them directly, and an
    # actor or country filter reads only its own row groups (zone maps on ``ar IN (...)``, ``country``)
    cols = 'eid, d, m, event_type, status, start, "end", ars'
    con.execute(
        f"""CREATE TABLE lanes AS SELECT l.*, r.actor FROM (SELECT {cols}, unnest(ars) AS ar FROM events) l
            JOIN actor_ranks r USING (ar) ORDER BY ar, eid"""
    )
    con.execute(
        f"""CREATE TABLE countries AS SELECT * FROM
            (SELECT {cols}, unnest(list_distinct(actor_countries)) AS country FROM events)
            WHERE country IS NOT NULL ORDER BY country, eid"""
    )
    # pre-aggregates for views without costly or date filters (the first page, type / status filters):
    # counts, the overview and the binned actor lanes read thousands of rows instead of a million
    con.execute(
        """CREATE TABLE agg_months AS SELECT m, event_type, status, count(*)::INTEGER AS n,
                  min(start) AS first, max("end") AS last
           FROM events WHERE start IS NOT NULL GROUP BY ALL ORDER BY m"""
    )
    con.execute(
        "CREATE TABLE agg_undated AS SELECT event_type, status, count(*)::INTEGER AS n"
        " FROM events WHERE start IS NULL GROUP BY ALL"
    )
    con.execute(
        "CREATE TABLE agg_actors AS SELECT ar, event_type, status, count(*)::INTEGER AS n"
        " FROM lanes WHERE d IS NOT NULL GROUP BY ALL ORDER BY ar"
    )
    con.execute(
        f"""CREATE TABLE agg_lane_months AS SELECT ar, m, event_type, status, count(*)::INTEGER AS n
            FROM lanes WHERE d IS NOT NULL AND ar <= {AGG_LANES} GROUP BY ALL ORDER BY ar, m"""
    )
    con.execute("CREATE TABLE event_docs AS SELECT eid, unnest(doc_ids) AS doc_id FROM events")
    if text_index:
        build_text_index(con)
    for name in ("mentions", "event_actors", "documents"):
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{paths[name]}')")
    return con
