"""One view of the page from the filters: the narrowed selection, then every query the page needs.

Split from ``dashboard.queries`` (the single queries): here is the order they run in, which run side by
side (two cursors), and what a lane switch can reuse.
"""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import replace
from typing import Any

import duckdb

from dashboard.queries import (
    MAX_EVENT_MARKS,
    Filters,
    _costly,
    _source,
    bin_unit,
    binned_marks,
    counts,
    event_marks,
    event_table,
    overview,
    where_clause,
)
from dashboard.text_index import search_condition


def narrow(con: duckdb.DuckDBPyConnection, filters: Filters, name: str = "sel") -> tuple[str, Filters]:
    """Evaluate the non-date filters once into the table ``name`` and return it with the date filters left
    to apply; without such filters: ``events`` and the filters as they are. ``sel`` is a temp table (this
    connection only); another name (``shared_name()``) makes a table every cursor of the database sees,
    which the caller drops.

    A text search is planned here, where a connection is at hand (``text_index.search_condition``: word
    index or scan, whichever costs less; words in every event are dropped, so a search made only of them
    keeps the pre-aggregated views), and evaluated once instead of once per query of ``timeline``. An
    actor or country filter alone reads its rows of ``lanes`` / ``countries`` (sorted by it, carrying the
    columns ``sel`` needs) instead of gathering scattered rows of ``events``: 3-4x faster at 1M."""
    search, search_params = "TRUE", {}
    if filters.text.strip():
        search, search_params = search_condition(con, filters.text.lower().split())
        if search == "TRUE":  # every term is in every event: the search filters nothing
            filters = replace(filters, text="")
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
        where, params = where_clause(replace(filters.without_dates(), text=""))
        sql = f'SELECT eid, d, m, event_type, start, "end", ars FROM events WHERE {where} AND {search}'
        params.update(search_params)
    kind = "TEMP TABLE" if name == "sel" else "TABLE"
    con.execute(f"CREATE OR REPLACE {kind} {_source(name)} AS {sql}", params)
    return name, dates_only  # the rest is applied in the selection


def shared_name() -> str:
    """A name for a selection other cursors read (``queries._source`` accepts it)."""
    return f"sel_{uuid.uuid4().hex}"


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
    switching lanes then queries only the marks.

    The marks (the costliest query) run on a second cursor in a thread while this one makes the overview
    and the tables: a narrowed selection is one row group, which DuckDB scans on one core, so the two run
    side by side on the machine's two cores (at 1M events a text search's view: 30 -> 20 ms for the queries
    after ``narrow``). The selection is then a table of the database, dropped on the way out. Give it a
    connection (cursor) no other thread uses at the same time."""
    src, rest = narrow(con, filters, shared_name())
    try:
        if base is not None:
            return _with_marks(con, base, rest, lanes, max_marks, src)
        seen = counts(con, rest, src)
        over_unit = bin_unit(seen.pop("whole_first"), seen.pop("whole_last"))
        # the pool (left first) waits for the thread before its cursor closes
        with closing(con.cursor()) as other, ThreadPoolExecutor(max_workers=1) as pool:
            marks = pool.submit(_with_marks, other, seen, rest, lanes, max_marks, src)
            base = {
                **seen,
                "overview": overview(con, rest, over_unit, src),
                "overview_unit": over_unit,
                "table": event_table(con, rest, src=src),
                "undated_table": event_table(con, rest, dated=False, src=src),
            }
            return {**base, **marks.result()}
    finally:
        if src != "events":
            con.execute(f"DROP TABLE IF EXISTS {_source(src)}")


def _with_marks(
    con: duckdb.DuckDBPyConnection,
    base: dict[str, Any],
    rest: Filters,
    lanes: str,
    max_marks: int,
    src: str,
) -> dict[str, Any]:
    """``base`` (needs its counts) with the main view's marks: events or time bins."""
    result: dict[str, Any] = {**base, "binned": base["dated"] > max_marks, "unit": None}
    if result["binned"]:
        result["unit"] = bin_unit(base["first"], base["last"])
        result["marks"] = binned_marks(con, rest, lanes, result["unit"], src)
    else:
        result["marks"] = event_marks(con, rest, lanes, src)
    return result
