"""Parameterised DuckDB SQL over the Parquet snapshot, returning pandas frames.

Pure functions of a connection and a ``Filters`` value: no Streamlit here, so the benchmark and the tests call
exactly what the app calls. Every value that comes from a widget or the URL reaches SQL as a bound parameter;
the only things formatted into SQL text are table names and bin units from the whitelists below.

Scale: ``st.altair_chart`` ships its whole frame to the browser, so above ``MAX_EVENT_MARKS`` dated events the
timeline gets counts per (lane, time bin) computed here with ``date_trunc`` instead of one row per event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline.snapshot_schema import SNAPSHOT_TABLES

MAX_EVENT_MARKS = 1500  # above this many dated events the timeline draws time bins
MAX_LANES = 12  # lanes beyond the busiest ones are merged into OTHER_LANE
MAX_BINS = 160  # target number of time bins across the visible range
TABLE_LIMIT = 500  # rows of the linked table / event picker
OTHER_LANE = "(other actors)"
NO_ACTOR_LANE = "(no actor)"

# date_trunc unit -> (approximate days per bin, interval of one bin). Smallest unit giving <= MAX_BINS wins.
BIN_UNITS: tuple[tuple[str, int, str], ...] = (
    ("day", 1, "1 day"),
    ("week", 7, "7 days"),
    ("month", 31, "1 month"),
    ("quarter", 92, "3 months"),
    ("year", 366, "1 year"),
    ("decade", 3653, "10 years"),
)

TABLE_COLUMNS = (
    "event_id",
    "start",
    "end",
    "date_value",
    "precision",
    "label",
    "event_type",
    "status",
    "actor_names",
    "n_docs",
    "date_text",
)


class SnapshotMissing(Exception):
    """The snapshot directory (or one of its tables) does not exist yet: nothing has been ingested."""


@dataclass(frozen=True)
class Filters:
    """What the analyst asked to see. Empty tuples / None mean "no restriction"."""

    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    text: str = ""
    doc_ids: tuple[str, ...] = ()

    def without_dates(self) -> Filters:
        return Filters(
            self.actors, self.countries, self.types, self.statuses, None, None, self.text, self.doc_ids
        )


def snapshot_version(snapshot_dir: Path) -> tuple[int, int] | None:
    """(mtime_ns, inode) of the snapshot's events table: changes whenever the store swaps a new one in."""
    try:
        stat = (snapshot_dir / "events.parquet").stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_ino


def open_snapshot(snapshot_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding the snapshot: ``events`` copied in (filtered on every rerun), the other
    tables as views over their Parquet files (only read for one event's detail).

    The store publishes a snapshot by swapping a symlink to a versioned directory; resolving it here pins this
    connection to one version, so the events table and the views never mix two ingests."""
    snapshot_dir = snapshot_dir.resolve()
    missing = [name for name in SNAPSHOT_TABLES if not (snapshot_dir / f"{name}.parquet").is_file()]
    if missing:
        raise SnapshotMissing(f"{snapshot_dir} has no {', '.join(missing)} table")
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar=false")
    for name in SNAPSHOT_TABLES:
        path = str(snapshot_dir / f"{name}.parquet").replace("'", "''")
        kind = "TABLE" if name == "events" else "VIEW"
        con.execute(f"CREATE {kind} {name} AS SELECT * FROM read_parquet('{path}')")
    return con


def where_clause(filters: Filters) -> tuple[str, list[Any]]:
    """SQL condition over ``events`` and its parameters (never formatted into the SQL text)."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if filters.actors:
        clauses.append("list_has_any(actor_names, ?::VARCHAR[])")
        params.append(list(filters.actors))
    if filters.countries:
        clauses.append("list_has_any(actor_countries, ?::VARCHAR[])")
        params.append(list(filters.countries))
    if filters.types:
        clauses.append("list_contains(?::VARCHAR[], event_type)")
        params.append(list(filters.types))
    if filters.statuses:
        clauses.append("list_contains(?::VARCHAR[], status)")
        params.append(list(filters.statuses))
    if filters.since:
        clauses.append('"end" >= ?')
        params.append(filters.since)
    if filters.until:
        clauses.append("start <= ?")
        params.append(filters.until)
    for term in filters.text.lower().split():
        # contains() has no wildcards, so "%" or "_" typed by the analyst are matched literally.
        clauses.append(
            "contains(coalesce(search_text, '') || ' ' || lower(array_to_string(actor_names, ' ')), ?)"
        )
        params.append(term)
    if filters.doc_ids:
        clauses.append("list_has_any(doc_ids, ?::VARCHAR[])")
        params.append(list(filters.doc_ids))
    return " AND ".join(clauses), params


def counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """Dated and undated events matching the filters (undated ones ignore the date range), and the extent."""
    where, params = where_clause(filters)
    dated, first, last = con.execute(
        f'SELECT count(*), min(start), max("end") FROM events WHERE start IS NOT NULL AND {where}', params
    ).fetchone()
    where_nd, params_nd = where_clause(filters.without_dates())
    (undated,) = con.execute(
        f"SELECT count(*) FROM events WHERE start IS NULL AND {where_nd}", params_nd
    ).fetchone()
    return {"dated": int(dated), "undated": int(undated), "first": first, "last": last}


def bin_unit(first: date | None, last: date | None) -> tuple[str, str]:
    """The smallest ``date_trunc`` unit that cuts [first, last] into at most MAX_BINS bins."""
    span = (last - first).days + 1 if first and last else 1
    for unit, days, interval in BIN_UNITS:
        if span / days <= MAX_BINS:
            return unit, interval
    return BIN_UNITS[-1][0], BIN_UNITS[-1][2]


def _lanes_sql(lanes: str, where: str) -> str:
    """One row per (event, lane) of the filtered dated events, minor lanes merged into OTHER_LANE."""
    if lanes == "type":
        lane_expr = "event_type"
    else:
        lane_expr = f"unnest(CASE WHEN len(actor_names) = 0 THEN ['{NO_ACTOR_LANE}'] ELSE actor_names END)"
    return f"""
        raw AS (SELECT *, {lane_expr} AS raw_lane FROM events WHERE start IS NOT NULL AND {where}),
        ranked AS (SELECT raw_lane, row_number() OVER (ORDER BY count(*) DESC, raw_lane) AS lane_rank
                   FROM raw GROUP BY raw_lane),
        laned AS (SELECT DISTINCT ON (raw.event_id, lane) raw.*,
                         CASE WHEN lane_rank <= {MAX_LANES} THEN raw.raw_lane ELSE '{OTHER_LANE}' END AS lane,
                         least(lane_rank, {MAX_LANES + 1}) AS lane_order
                  FROM raw JOIN ranked USING (raw_lane))
    """


def event_marks(con: duckdb.DuckDBPyConnection, filters: Filters, lanes: str = "actor") -> pd.DataFrame:
    """One row per (event, lane): what the timeline draws when few enough events are visible."""
    where, params = where_clause(filters)
    sql = f"""WITH {_lanes_sql(lanes, where)}
        SELECT event_id, lane, lane_order, label, event_type, status, precision, date_value, date_text,
               start, "end", array_to_string(actor_names, ', ') AS actors, n_docs
        FROM laned ORDER BY lane_order, start, event_id"""
    return con.execute(sql, params).df()


def binned_marks(
    con: duckdb.DuckDBPyConnection, filters: Filters, lanes: str, unit: str, interval: str
) -> pd.DataFrame:
    """Counts per (lane, time bin): the dominant event type gives the colour, the rest goes in the tooltip."""
    where, params = where_clause(filters)
    sql = f"""WITH {_lanes_sql(lanes, where)},
        per_type AS (SELECT lane, lane_order, date_trunc(?, start)::DATE AS bin, event_type, count(*) AS n
                     FROM laned GROUP BY ALL)
        SELECT lane, lane_order, bin AS start, (bin + ?::INTERVAL)::DATE AS "end",
               sum(n)::INTEGER AS n_events,
               arg_max(event_type, n) AS event_type,
               string_agg(event_type || ' ' || n, ', ' ORDER BY n DESC) AS breakdown
        FROM per_type GROUP BY lane, lane_order, bin ORDER BY lane_order, bin"""
    return con.execute(sql, [*params, unit, interval]).df()


def overview(con: duckdb.DuckDBPyConnection, filters: Filters, unit: str, interval: str) -> pd.DataFrame:
    """Events per (time bin, type) over the whole date extent: the strip the analyst brushes to zoom."""
    where, params = where_clause(filters.without_dates())
    sql = f"""SELECT date_trunc(?, start)::DATE AS start, (date_trunc(?, start) + ?::INTERVAL)::DATE AS "end",
                     event_type, count(*)::INTEGER AS n_events
              FROM events WHERE start IS NOT NULL AND {where} GROUP BY ALL ORDER BY 1, 3"""
    return con.execute(sql, [unit, unit, interval, *params]).df()


def event_table(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, dated: bool = True, limit: int = TABLE_LIMIT
) -> pd.DataFrame:
    """The linked table (dated events in date order) or the list of undated events."""
    if dated:
        where, params = where_clause(filters)
        cond = "start IS NOT NULL"
    else:
        where, params = where_clause(filters.without_dates())
        cond = "start IS NULL"
    cols = ", ".join(f'"{c}"' for c in TABLE_COLUMNS)
    sql = f"SELECT {cols} FROM events WHERE {cond} AND {where} ORDER BY start, label, event_id LIMIT ?"
    return con.execute(sql, [*params, limit]).df()


def export_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every filtered event (dated first, then undated) with its columns, for CSV / JSON export."""
    where, params = where_clause(filters)
    where_nd, params_nd = where_clause(filters.without_dates())
    sql = f"""SELECT * EXCLUDE (search_text) FROM events
              WHERE (start IS NOT NULL AND {where}) OR (start IS NULL AND {where_nd})
              ORDER BY start NULLS LAST, event_id"""
    return con.execute(sql, [*params, *params_nd]).df()


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event row as a dict, or None when the id is unknown (e.g. a stale link)."""
    frame = con.execute("SELECT * EXCLUDE (search_text) FROM events WHERE event_id = ?", [event_id]).df()
    return None if frame.empty else frame.iloc[0].to_dict()


def mentions(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    """Every mention of one event with its document's publication date and where that date came from."""
    sql = """SELECT m.*, d.title, d.source, d.url, d.publisher,
                    d.published, d.published_source, d.published_note
             FROM mentions m LEFT JOIN documents d USING (doc_id)
             WHERE m.event_id = ? ORDER BY d.published NULLS LAST, m.doc_id, m.trigger_start"""
    return con.execute(sql, [event_id]).df()


def event_actors(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    sql = """SELECT name, role, kind, country, sector FROM event_actors WHERE event_id = ?
             ORDER BY role, name"""
    return con.execute(sql, [event_id]).df()


def options(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> dict[str, Any]:
    """Choices for the sidebar: the busiest actors, countries, types, statuses, documents; the date extent."""

    def column(sql: str, *params: Any) -> list[Any]:
        return [row[0] for row in con.execute(sql, list(params)).fetchall()]

    first, last = con.execute('SELECT min(start), max("end") FROM events').fetchone()
    docs = con.execute(
        """SELECT doc_id, coalesce(title, source, doc_id) AS title, published FROM documents
           ORDER BY published DESC NULLS LAST, title LIMIT ?""",
        [limit],
    ).df()
    return {
        "actors": column(
            """SELECT a FROM (SELECT unnest(actor_names) AS a FROM events)
               GROUP BY a ORDER BY count(*) DESC, a LIMIT ?""",
            limit,
        ),
        "countries": column(
            """SELECT c FROM (SELECT unnest(actor_countries) AS c FROM events) WHERE c IS NOT NULL
               GROUP BY c ORDER BY count(*) DESC, c LIMIT ?""",
            limit,
        ),
        "types": column("SELECT event_type FROM events GROUP BY 1 ORDER BY count(*) DESC, 1"),
        "statuses": column("SELECT status FROM events GROUP BY 1 ORDER BY count(*) DESC, 1"),
        "documents": docs,
        "first": first,
        "last": last,
        "n_events": column("SELECT count(*) FROM events")[0],
    }


def timeline(
    con: duckdb.DuckDBPyConnection, filters: Filters, lanes: str = "actor", max_marks: int = MAX_EVENT_MARKS
) -> dict[str, Any]:
    """Everything the chart needs: individual events when at most ``max_marks`` are dated and visible,
    otherwise counts per (lane, time bin); plus the overview strip over the whole date extent."""
    seen = counts(con, filters)
    whole = counts(con, filters.without_dates()) if (filters.since or filters.until) else seen
    over_unit, over_interval = bin_unit(whole["first"], whole["last"])
    result: dict[str, Any] = {
        **seen,
        "overview": overview(con, filters, over_unit, over_interval),
        "overview_unit": over_unit,
        "binned": seen["dated"] > max_marks,
        "unit": None,
    }
    if result["binned"]:
        unit, interval = bin_unit(seen["first"], seen["last"])
        result["marks"] = binned_marks(con, filters, lanes, unit, interval)
        result["unit"] = unit
    else:
        result["marks"] = event_marks(con, filters, lanes)
    return result
