"""One view of the page from the filters: the narrowed selection, then every query the page needs.

Split from ``dashboard.queries`` (the single queries): here is the order they run in, and what a lane
switch can reuse.
"""

from __future__ import annotations

from typing import Any

import duckdb

from dashboard.queries import (
    MAX_EVENT_MARKS,
    Filters,
    _costly,
    bin_unit,
    binned_marks,
    counts,
    event_marks,
    event_table,
    overview,
    where_clause,
)


def narrow(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[str, Filters]:
    """Evaluate the non-date filters once into the temp table ``sel`` (this connection only) and return it
    with the date filters left to apply; without such filters: ``events`` and the filters as they are.

    A text search scans every sentence: once instead of once per query of ``timeline`` matters at 1M. An
    actor or country filter alone reads its rows of ``lanes`` / ``countries`` (sorted by it, carrying the
    columns ``sel`` needs) instead of gathering scattered rows of ``events``: 3-4x faster at 1M."""
    if not _costly(filters):
        return "events", filters
    dates_only = Filters(since=filters.since, until=filters.until)
    cheap, params = where_clause(Filters(types=filters.types, statuses=filters.statuses))
    table, cond = "", ""
    if filters.actors and not (filters.countries or filters.text.strip() or filters.doc_ids):
        ranks = con.execute(
            "SELECT ar FROM actor_ranks"
            " WHERE actor IN (SELECT TRY_CAST(unnest($actors::VARCHAR[]) AS eactor))",
            {"actors": list(filters.actors)},
        ).fetchall()
        # integers of our own formatted in: constants let DuckDB skip the row groups of other actors
        table, cond = "lanes", f"ar IN ({', '.join(str(int(r[0])) for r in ranks) or 'NULL'})"
        several = len(ranks) > 1
    elif filters.countries and not (filters.text.strip() or filters.doc_ids):
        names = {f"country{i}": c for i, c in enumerate(filters.countries)}
        table, cond = "countries", f"country IN ({', '.join('$' + n for n in names)})"
        params.update(names)
        several = len(names) > 1
    if table:
        pick = ("DISTINCT " if several else "") + 'eid, d, m, event_type, start, "end", ars'
        sql = f"SELECT {pick} FROM {table} WHERE {cond} AND {cheap}"
    else:
        where, params = where_clause(filters.without_dates())
        sql = f'SELECT eid, d, m, event_type, start, "end", ars FROM events WHERE {where}'
    con.execute(f"CREATE OR REPLACE TEMP TABLE sel AS {sql}", params)
    return "sel", dates_only  # the rest is applied in ``sel``


BASE_KEYS = ("dated", "undated", "first", "last", "overview", "overview_unit", "table", "undated_table")


def timeline(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    lanes: str = "actor",
    max_marks: int = MAX_EVENT_MARKS,
    base: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the page shows for one view: counts, the overview strip over the whole date extent, the
    main view (individual events when at most ``max_marks`` are dated and visible, otherwise counts per
    (lane, time bin)), the first rows of the linked table and the undated events.

    ``base``: the ``BASE_KEYS`` of an earlier result for the same filters (they do not depend on the lanes):
    switching lanes then queries only the marks. Uses a temp table: give it a connection (cursor) no other
    thread uses at the same time."""
    src, rest = narrow(con, filters)
    if base is None:
        seen = counts(con, rest, src)
        over_unit = bin_unit(seen.pop("whole_first"), seen.pop("whole_last"))
        base = {
            **seen,
            "overview": overview(con, rest, over_unit, src),
            "overview_unit": over_unit,
            "table": event_table(con, rest, src=src),
            "undated_table": event_table(con, rest, dated=False, src=src),
        }
    result: dict[str, Any] = {**base, "binned": base["dated"] > max_marks, "unit": None}
    if result["binned"]:
        result["unit"] = bin_unit(base["first"], base["last"])
        result["marks"] = binned_marks(con, rest, lanes, result["unit"], src)
    else:
        result["marks"] = event_marks(con, rest, lanes, src)
    return result
