"""Parameterised DuckDB SQL over the Parquet snapshot, returning pandas frames.

Pure functions of a connection and a ``Filters`` value: no Streamlit here, so the benchmark and the tests call
exactly what the app calls. Every value from a widget or the URL reaches SQL as a bound parameter; the only
things formatted into SQL text are table names and the bin expressions of the ``BIN_UNITS`` whitelist.

Scale (1M events, 2 shared cores): ``open_snapshot`` prepares the snapshot once per version: types and actors
become ENUMs (group-bys on small integers), each event gets integer day / month numbers (time bins are integer
division, not ``date_trunc`` per row), and actors, countries and documents are exploded into index tables
that filters semi-join; free-text search reads the posting lists of a word index (``dashboard.text_index``)
instead of every sentence. ``st.altair_chart`` ships its whole frame to the browser, so above
``MAX_EVENT_MARKS`` dated events the timeline gets counts per (lane, time bin) instead of one row per event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from dashboard.snapshot_db import AGG_LANES, EPOCH
from dashboard.snapshot_db import SnapshotMissing as SnapshotMissing  # re-exported for the app
from dashboard.snapshot_db import open_snapshot as open_snapshot
from dashboard.snapshot_db import snapshot_version as snapshot_version
from dashboard.text_index import text_clause

MAX_EVENT_MARKS = 1500  # above this many dated events the timeline draws time bins
MAX_LANES = 12  # busiest lanes shown; events in none of them go to OTHER_LANE
MAX_BINS = 160  # target number of time bins across the visible range
TABLE_LIMIT = 500  # rows of the linked table / event picker
OTHER_LANE = "(other actors)"
USE_AGGREGATES = True  # read the ``agg_*`` tables when a view allows it (tests compare the raw path)
MONTH_UNITS = ("month", "quarter", "year", "decade")  # bins the month pre-aggregates can make

# unit -> (approximate days per bin, integer bin key, first day of bin ``k``, first day of the next bin)
BIN_UNITS: dict[str, tuple[int, str, str, str]] = {
    "day": (1, "d", f"{EPOCH} + k", f"{EPOCH} + k + 1"),
    "week": (7, "d // 7", f"{EPOCH} + k * 7", f"{EPOCH} + k * 7 + 7"),
    "month": (
        31,
        "m",
        "make_date(k // 12, k % 12 + 1, 1)",
        "make_date(k // 12, k % 12 + 1, 1) + INTERVAL 1 MONTH",
    ),
    "quarter": (
        92,
        "m // 3",
        "make_date(k // 4, k % 4 * 3 + 1, 1)",
        "make_date(k // 4, k % 4 * 3 + 1, 1) + INTERVAL 3 MONTH",
    ),
    "year": (366, "m // 12", "make_date(k, 1, 1)", "make_date(k + 1, 1, 1)"),
    "decade": (3653, "m // 120", "make_date(k * 10, 1, 1)", "make_date(k * 10 + 10, 1, 1)"),
}

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


def where_clause(filters: Filters) -> tuple[str, dict[str, Any]]:
    """SQL condition and its named parameters (never formatted into the SQL text). Names follow the filter
    fields, so a condition can appear twice in one statement, and with / without dates side by side.

    Unknown actors / types (a stale or hostile link) match nothing: ``TRY_CAST`` to the ENUM gives NULL."""
    clauses: list[str] = ["TRUE"]
    params: dict[str, Any] = {}
    if filters.actors:
        clauses.append(
            "eid IN (SELECT eid FROM lanes"
            " WHERE actor IN (SELECT TRY_CAST(unnest($actors::VARCHAR[]) AS eactor)))"
        )
        params["actors"] = list(filters.actors)
    if filters.countries:
        clauses.append(
            "eid IN (SELECT eid FROM countries WHERE country IN (SELECT unnest($countries::VARCHAR[])))"
        )
        params["countries"] = list(filters.countries)
    if filters.types:
        clauses.append("event_type IN (SELECT TRY_CAST(unnest($types::VARCHAR[]) AS etype))")
        params["types"] = list(filters.types)
    if filters.statuses:
        clauses.append("status IN (SELECT TRY_CAST(unnest($statuses::VARCHAR[]) AS estatus))")
        params["statuses"] = list(filters.statuses)
    if filters.since:
        clauses.append('"end" >= $since')
        params["since"] = filters.since
    if filters.until:
        clauses.append("start <= $until")
        params["until"] = filters.until
    if filters.text.strip():  # substrings of ``search_text``, found through the word index
        text, text_params = text_clause(filters.text.lower().split())
        clauses.append(text)
        params.update(text_params)
    if filters.doc_ids:
        clauses.append(
            "eid IN (SELECT eid FROM event_docs WHERE doc_id IN (SELECT unnest($docs::VARCHAR[])))"
        )
        params["docs"] = list(filters.doc_ids)
    return " AND ".join(clauses), params


def counts(con: duckdb.DuckDBPyConnection, filters: Filters, src: str = "events") -> dict[str, Any]:
    """Dated and undated events matching the filters (undated ones ignore the date range), the extent of the
    dated ones, and (``whole_*``) the extent without the date range: one scan, one round trip."""
    src = _source(src)
    if _aggregable(filters, src):
        where, params = where_clause(filters)
        n_dated, first, last, undated = con.execute(
            f"""SELECT (SELECT sum(n) FROM agg_months WHERE {where}), (SELECT min(first) FROM agg_months
                        WHERE {where}), (SELECT max(last) FROM agg_months WHERE {where}),
                       (SELECT sum(n) FROM agg_undated WHERE {where})""",
            params,
        ).fetchone()
        return {
            "dated": int(n_dated or 0),
            "undated": int(undated or 0),
            "first": first,
            "last": last,
            "whole_first": first,
            "whole_last": last,
        }
    where_nd, params = where_clause(filters.without_dates())
    in_range = ['"end" >= $since'] * bool(filters.since) + ["start <= $until"] * bool(filters.until)
    params.update({k: v for k, v in (("since", filters.since), ("until", filters.until)) if v})
    dated = " AND ".join(["start IS NOT NULL", *in_range])
    row = con.execute(
        f"""SELECT count(*) FILTER (WHERE {dated}), min(start) FILTER (WHERE {dated}),
                   max("end") FILTER (WHERE {dated}), count(*) FILTER (WHERE start IS NULL),
                   min(start), max("end")
            FROM {src} WHERE {where_nd}""",
        params,
    ).fetchone()
    n_dated, first, last, undated, whole_first, whole_last = row
    return {
        "dated": int(n_dated),
        "undated": int(undated),
        "first": first,
        "last": last,
        "whole_first": whole_first,
        "whole_last": whole_last,
    }


def bin_unit(first: date | None, last: date | None) -> str:
    """The smallest unit of ``BIN_UNITS`` that cuts [first, last] into at most MAX_BINS bins."""
    span = (last - first).days + 1 if first and last else 1
    return next((unit for unit, (days, *_) in BIN_UNITS.items() if span / days <= MAX_BINS), "decade")


def _source(src: str) -> str:
    """The relation queries read: the prepared ``events`` or a selection made by ``view.narrow`` (``sel``,
    or ``sel_`` and 32 hex digits); formatted into SQL, so nothing else passes."""
    if src not in ("events", "sel") and not re.fullmatch(r"sel_[0-9a-f]{32}", src):
        raise ValueError(f"unknown source table {src!r}")
    return src


def _aggregable(filters: Filters, src: str) -> bool:
    """Only type / status filters on the whole snapshot: the ``agg_*`` tables answer exactly."""
    return USE_AGGREGATES and src == "events" and not (_costly(filters) or filters.since or filters.until)


def _costly(filters: Filters) -> bool:
    """Filters that need a scan of the sentences or an index table (not columns of ``lanes``)."""
    return bool(filters.actors or filters.countries or filters.text.strip() or filters.doc_ids)


def _pairs_sql(lanes: str, src: str) -> str:
    """CTEs ``f`` (filtered dated events) and ``pairs`` (one row per event and lane it is drawn in): the
    MAX_LANES busiest lanes, plus OTHER_LANE for events in none of them. Needs ``{where}`` formatted in.
    Actor lanes come from each event's ``ars`` (actor ranks): no join with the million rows of ``lanes``."""
    f = f"f AS (SELECT eid, d, m, event_type, ars FROM {_source(src)} WHERE start IS NOT NULL AND {{where}})"
    if lanes == "type":
        return f""" {f},
            top AS (SELECT event_type::VARCHAR AS lane,
                           row_number() OVER (ORDER BY count(*) DESC, event_type::VARCHAR) AS lane_order
                    FROM f GROUP BY event_type),
            pairs AS (SELECT f.eid, lane, lane_order FROM f JOIN top ON f.event_type::VARCHAR = top.lane)"""
    return f""" {f},
        l AS (SELECT eid, unnest(ars) AS ar FROM f),
        top AS (SELECT ar, row_number() OVER (ORDER BY count(*) DESC, ar) AS lane_order
                FROM l GROUP BY ar ORDER BY lane_order LIMIT {MAX_LANES}),
        pairs AS (SELECT l.eid, r.actor::VARCHAR AS lane, lane_order
                  FROM l JOIN top USING (ar) JOIN actor_ranks r USING (ar)
                  UNION ALL
                  SELECT eid, '{OTHER_LANE}', {MAX_LANES + 1} FROM f
                  WHERE NOT list_has_any(ars, (SELECT list(ar) FROM top)))"""


def event_marks(
    con: duckdb.DuckDBPyConnection, filters: Filters, lanes: str = "actor", src: str = "events"
) -> pd.DataFrame:
    """One row per (event, lane): what the timeline draws when few enough events are visible."""
    where, params = where_clause(filters)
    sql = f"""WITH {_pairs_sql(lanes, src).format(where=where)}
        SELECT e.event_id, p.lane, p.lane_order, e.label, e.event_type::VARCHAR AS event_type,
               e.status::VARCHAR AS status,
               e.precision, e.date_value, e.date_text, e.start, e."end",
               array_to_string(e.actor_names, ', ') AS actors, e.n_docs
        FROM pairs p JOIN events e USING (eid) ORDER BY p.lane_order, e.start, e.event_id"""
    return con.execute(sql, params).df()


def binned_marks(
    con: duckdb.DuckDBPyConnection, filters: Filters, lanes: str, unit: str, src: str = "events"
) -> pd.DataFrame:
    """Counts per (lane, time bin) for the MAX_LANES busiest lanes: the commonest type gives the colour, the
    rest goes in the tooltip. No OTHER_LANE here (at 1M events the anti-join costs more than all the rest);
    the overview strip counts every event.

    Two statements: the busiest lanes first, then the bins of those lanes only (``lanes`` is sorted by
    actor, so DuckDB skips the row groups of the others)."""
    where, params = where_clause(filters)
    _, key, start, end = BIN_UNITS[unit]
    direct = src == "events" and not _costly(filters)
    agg = unit in MONTH_UNITS and _aggregable(filters, src)
    weight = "sum(n)" if agg else "count(*)"  # pre-aggregated rows carry their count ``n``
    if lanes == "type":
        rows = f"""SELECT event_type::VARCHAR AS lane, {key} AS k, event_type FROM {_source(src)}
                   WHERE start IS NOT NULL AND {where}"""
        if agg:
            rows = (
                f"SELECT event_type::VARCHAR AS lane, {key} AS k, event_type, n FROM agg_months WHERE {where}"
            )
    else:
        if direct:  # cheap filters apply to ``lanes`` itself
            scope = f"SELECT ar, {key} AS k, event_type FROM lanes WHERE d IS NOT NULL AND {where}"
        else:  # a narrowed selection: its events' own actor ranks
            scope = f"""SELECT unnest(ars) AS ar, {key} AS k, event_type FROM {_source(src)}
                        WHERE start IS NOT NULL AND {where}"""
        if not direct:  # a narrowed selection is small: its busiest lanes in the same statement
            rows = f"""WITH s AS MATERIALIZED ({scope}),
                            top AS (SELECT ar FROM s GROUP BY ar ORDER BY count(*) DESC, ar LIMIT {MAX_LANES})
                       SELECT r.actor::VARCHAR AS lane, k, event_type
                       FROM s JOIN top USING (ar) JOIN actor_ranks r USING (ar)"""
        elif where == "TRUE":  # no filter: the busiest lanes are the first ranks (``ar``)
            top = list(range(1, MAX_LANES + 1))
        elif agg:
            top = [
                int(row[0])
                for row in con.execute(
                    f"SELECT ar FROM agg_actors WHERE {where}"
                    f" GROUP BY ar ORDER BY sum(n) DESC, ar LIMIT {MAX_LANES}",
                    params,
                ).fetchall()
            ]
        else:
            top = [
                int(row[0])
                for row in con.execute(
                    f"SELECT ar FROM ({scope}) GROUP BY ar ORDER BY count(*) DESC, ar LIMIT {MAX_LANES}",
                    params,
                ).fetchall()
            ]
        if direct:
            agg = agg and max(top, default=0) <= AGG_LANES  # the busiest lanes are pre-aggregated ranks
            weight = "sum(n)" if agg else "count(*)"
            ranks = ", ".join(map(str, top or [0]))  # integers of our own: constants prune row groups
            rows = (
                f"""SELECT r.actor::VARCHAR AS lane, {key} AS k, event_type, n FROM agg_lane_months
                    JOIN actor_ranks r USING (ar) WHERE ar IN ({ranks}) AND {where}"""
                if agg
                else f"""SELECT r.actor::VARCHAR AS lane, k, event_type FROM ({scope})
                         JOIN actor_ranks r USING (ar) WHERE ar IN ({ranks})"""  # lanes is sorted by ar
            )
    # the three commonest types of a bin with arg_max / max(n, 3) (ordered list aggregates cost 3x more);
    # ties go to the type name, so a bin's colour does not depend on the plan
    sql = f"""WITH per_type AS (SELECT lane, k, event_type, {weight}::INTEGER AS n
                              FROM ({rows}) GROUP BY ALL),
        per_bin AS (SELECT lane, k, sum(n)::INTEGER AS n_events,
                           arg_max(event_type, row(n, event_type::VARCHAR), 3)::VARCHAR[] AS ts,
                           max(n, 3) AS ns, count(*) AS n_types
                    FROM per_type GROUP BY lane, k),
        totals AS (SELECT lane, row_number() OVER (ORDER BY sum(n_events) DESC, lane) AS lane_order
                   FROM per_bin GROUP BY lane),  -- a dozen lanes: cheaper than windows over the bins
        ordered AS (SELECT * FROM per_bin JOIN totals USING (lane))
        SELECT lane, lane_order, ({start})::DATE AS start, ({end})::DATE AS "end",
               n_events, ts[1] AS event_type,
               array_to_string(list_transform(list_zip(ts, ns), lambda x: x[1] || ' ' || x[2]), ', ')
               || CASE WHEN n_types > 3 THEN ', …' ELSE '' END AS breakdown
        FROM ordered ORDER BY lane_order, k"""
    return con.execute(sql, params).df()


def overview(
    con: duckdb.DuckDBPyConnection, filters: Filters, unit: str, src: str = "events"
) -> pd.DataFrame:
    """Events per time bin over the whole date extent, coloured by the bin's commonest type: the strip the
    analyst brushes to zoom. One bar per bin, not one per (bin, type): ~10x fewer marks to ship and draw."""
    where, params = where_clause(filters.without_dates())
    _, key, start, end = BIN_UNITS[unit]
    g = f"SELECT {key} AS k, event_type, count(*)::INTEGER AS n FROM {_source(src)} WHERE start IS NOT NULL"
    if unit in MONTH_UNITS and _aggregable(filters.without_dates(), src):  # the strip ignores the dates
        g = f"SELECT {key} AS k, event_type, sum(n)::INTEGER AS n FROM agg_months WHERE TRUE"
    sql = f"""WITH g AS ({g} AND {where} GROUP BY ALL),
                   b AS (SELECT k, sum(n)::INTEGER AS n_events,
                                arg_max(event_type, row(n, event_type::VARCHAR))::VARCHAR AS event_type
                         FROM g GROUP BY k)
              SELECT ({start})::DATE AS start, ({end})::DATE AS "end", event_type, n_events
              FROM b ORDER BY k"""
    return con.execute(sql, params).df()


def event_table(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    dated: bool = True,
    limit: int = TABLE_LIMIT,
    src: str = "events",
) -> pd.DataFrame:
    """The linked table (dated events in date order) or the list of undated events."""
    where, params = where_clause(filters if dated else filters.without_dates())
    cond = "start IS NOT NULL" if dated else "start IS NULL"
    cols = ", ".join(
        f'"{c}"::VARCHAR AS "{c}"' if c in ("event_type", "status") else f'"{c}"' for c in TABLE_COLUMNS
    )
    # eid breaks ties while picking: sorting a million labels costs more than the whole filter
    picked = f"SELECT eid FROM {_source(src)} WHERE {cond} AND {where} ORDER BY start, eid LIMIT $limit"
    eids = [row[0] for row in con.execute(picked, {**params, "limit": limit}).fetchall()]
    # the range lets DuckDB skip row groups (eids of one date range are contiguous), the list picks the rows
    sql = f"""SELECT {cols} FROM events WHERE eid BETWEEN $lo AND $hi AND eid IN (SELECT unnest($eids))
              ORDER BY start, label, event_id"""
    return con.execute(sql, {"eids": eids, "lo": min(eids, default=0), "hi": max(eids, default=-1)}).df()
