"""Look-ups beside the timeline: the sidebar's choices, one event's row, mentions and actors (its detail),
and every filtered event for export. Split from ``dashboard.queries`` (the timeline's SQL) to keep modules
small; the same rule holds: values reach SQL only as bound parameters."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from dashboard.queries import Filters, where_clause
from dashboard.snapshot_db import NO_ACTOR_LANE

_PUBLIC = (
    "events.* EXCLUDE (eid, d, m, search_text, ars) "
    "REPLACE (event_type::VARCHAR AS event_type, status::VARCHAR AS status)"
)


def export_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every filtered event (dated first, then undated) with its snapshot columns, for CSV / JSON export."""
    where, params = where_clause(filters)
    where_nd, params_nd = where_clause(filters.without_dates())
    sql = f"""SELECT {_PUBLIC} FROM events
              WHERE (start IS NOT NULL AND {where}) OR (start IS NULL AND {where_nd})
              ORDER BY start NULLS LAST, event_id"""
    return con.execute(sql, {**params, **params_nd}).df()


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event row as a dict, or None when the id is unknown (e.g. a stale link)."""
    frame = con.execute(f"SELECT {_PUBLIC} FROM events WHERE event_id = ?", [event_id]).df()
    return None if frame.empty else frame.iloc[0].to_dict()


def mentions(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    """Every mention of one event with its document's publication date and where that date came from."""
    sql = """SELECT m.*, d.title, d.source, d.url, d.publisher,
                    d.published, d.published_source, d.published_note
             FROM mentions m LEFT JOIN documents d USING (doc_id)
             WHERE m.event_id = ? ORDER BY d.published NULLS LAST, m.doc_id, m.trigger_start"""
    return con.execute(sql, [event_id]).df()


def event_actors(con: duckdb.DuckDBPyConnection, event_id: str) -> pd.DataFrame:
    sql = "SELECT name, role, kind, country, sector FROM event_actors WHERE event_id = ? ORDER BY role, name"
    return con.execute(sql, [event_id]).df()


def options(con: duckdb.DuckDBPyConnection, limit: int = 1000) -> dict[str, Any]:
    """Choices for the sidebar: the busiest actors, countries, types, statuses, documents; the date extent."""

    def column(sql: str, *params: Any) -> list[Any]:
        return [row[0] for row in con.execute(sql, list(params)).fetchall()]

    first, last, n_events = con.execute('SELECT min(start), max("end"), count(*) FROM events').fetchone()
    docs = con.execute(
        """SELECT doc_id, coalesce(title, source, doc_id) AS title, published FROM documents
           ORDER BY published DESC NULLS LAST, title LIMIT ?""",
        [limit],
    ).df()
    return {
        "actors": column(
            f"""SELECT actor::VARCHAR FROM lanes WHERE actor != '{NO_ACTOR_LANE}'
                GROUP BY actor ORDER BY count(*) DESC, actor::VARCHAR LIMIT ?""",
            limit,
        ),
        "countries": column(
            """SELECT country FROM countries WHERE country IS NOT NULL
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ?""",
            limit,
        ),
        "types": column(
            "SELECT event_type::VARCHAR FROM events GROUP BY event_type ORDER BY count(*) DESC, 1"
        ),
        "statuses": column("SELECT status::VARCHAR FROM events GROUP BY status ORDER BY count(*) DESC, 1"),
        "documents": docs,
        "first": first,
        "last": last,
        "n_events": int(n_events),
    }
