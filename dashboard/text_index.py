"""A word index over ``events.search_text``, so a free-text search reads the posting lists of its rarest term
instead of running ``contains`` on every event's sentences (the slowest filter at 1M events).

Semantics stay those of the plain scan: every whitespace-separated, lower-cased term must be a substring of
``search_text`` ("serdyuk" finds "serdyukov", "u.s." finds "u.s.-led"). Why the index is exact: a term holds
no space, so each of its occurrences lies inside one space-separated token; the events of the tokens that
contain the term are exactly the events that contain it.

Built once per snapshot in ``open_snapshot`` (one tokenising pass). Tokens occurring more than
``BROAD_SHARE`` times the number of events keep their count but no posting list (their lists would be most
of the table). Two ways to use it:

- ``search_condition`` (the page, through ``view.narrow``, which has a connection): a plan per search from
  the index's counts (``plan_search``): the rarest term's posting lists as a bit mask the table scan
  filters on, or ``contains`` on every event when even the rarest term is common, or no filter at all when
  every term is in every event. At 1M synthetic events (bench.dashboard_bench, load 2.3-3.4), selecting a
  search: 'topic 42' 31-32 ms (scan 58-70), 'topic 42 4999' 16 (scan 44), 'actor' (every event) 2 (scan 27).
- ``text_clause`` (``queries.where_clause``: exports and other callers without a connection): one static
  SQL plan; a search made only of words found in most events costs more than the scan there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

BROAD_SHARE = 0.5  # tokens occurring more often than this share of the events get no posting list
SCAN_SHARE = 0.3  # a search whose rarest term's lists hold more eids than this share of events scans


def build_text_index(con: duckdb.DuckDBPyConnection) -> None:
    """``text_index(token, df, eids, listed, everywhere)``: every space-separated token of
    ``events.search_text``, its number of occurrences, the events it occurs in (NULL when broad), whether
    they are listed (reading the lists to ask costs 3x the rest of a plan) and whether every event contains
    it as a substring; ``text_all``: one list of every event; ``text_meta``: the number of events and the
    highest ``eid``. A token twice in one event is listed twice: harmless, the lists feed a semi-join or a
    bit mask."""
    (n_events,) = con.execute("SELECT count(*) FROM events").fetchone()
    broad = max(1, int(n_events * BROAD_SHARE))
    con.execute(
        f"""CREATE TABLE text_index AS SELECT token, count(*)::INTEGER AS df,
                CASE WHEN count(*) <= {broad} THEN list(eid) END AS eids, count(*) <= {broad} AS listed,
                false AS everywhere
            FROM (SELECT eid, unnest(string_split(search_text, ' ')) AS token FROM events)
            GROUP BY token"""
    )
    # only a token occurring at least once per event can be in every event; a counterexample usually
    # comes within the first rows, so each check is a full scan only when the token really is everywhere
    frequent = con.execute("SELECT token FROM text_index WHERE df >= $n", {"n": n_events}).fetchall()
    for (token,) in frequent:
        missing = con.execute(
            "SELECT 1 FROM events WHERE NOT contains(search_text, $t) LIMIT 1", {"t": token}
        ).fetchone()
        if missing is None:
            con.execute("UPDATE text_index SET everywhere = true WHERE token = $t", {"t": token})
    con.execute("CREATE TABLE text_all AS SELECT list(eid) AS eids FROM events")
    con.execute(
        "CREATE TABLE text_meta AS SELECT count(*)::INTEGER AS n, coalesce(max(eid), 0) AS top FROM events"
    )


def text_clause(terms: list[str]) -> tuple[str, dict[str, Any]]:
    """SQL condition on ``events`` for "every term is a substring of ``search_text``", and its parameters.

    ``m``: the tokens containing each term; ``c``: per term, whether a token in every event contains it
    (``taut``: the term filters nothing), whether all its tokens have posting lists, their total count;
    ``p``: the rarest listed term (``pick``) and the terms its lists do not settle (``todo``). Candidates are
    the lists of ``pick`` (every event when no term is listed); only when ``todo`` is not empty are the
    candidates' sentences read, with ``contains`` (its term comes through a scalar subquery, which keeps
    the check on the candidates instead of the scan of all events)."""
    if not terms:
        return "TRUE", {}
    params: dict[str, Any] = {"text_terms": list(terms)}
    checks = []
    for i, term in enumerate(terms):  # no LIKE: "%" or "_" are matched literally
        checks.append(
            f"contains(e.search_text, (SELECT CASE WHEN list_contains(todo, $text{i})"
            f" THEN $text{i}::VARCHAR ELSE '' END FROM p))"
        )
        params[f"text{i}"] = term
    sql = f"""eid IN (
        WITH m AS MATERIALIZED (
                 SELECT u.t, x.df, x.eids, coalesce(x.everywhere, false) AS everywhere
                 FROM (SELECT DISTINCT unnest($text_terms::VARCHAR[]) AS t) u
                 LEFT JOIN text_index x ON contains(x.token, u.t)),
             c AS (SELECT t, bool_or(everywhere) AS taut, count(df) = count(eids) AS listed,
                          coalesce(sum(df), 0) AS df
                   FROM m GROUP BY t),
             p AS MATERIALIZED (
                 SELECT pick, list_filter(needed, lambda x: x IS DISTINCT FROM pick) AS todo
                 FROM (SELECT arg_min(t, (df, t)) FILTER (WHERE listed AND NOT taut) AS pick,
                              coalesce(list(t) FILTER (WHERE NOT taut), []) AS needed FROM c)),
             cand AS (SELECT unnest(m.eids) AS eid, len(p.todo) > 0 AS verify FROM m JOIN p ON m.t = p.pick
                      UNION ALL
                      SELECT unnest(a.eids), len(p.todo) > 0 FROM text_all a, p WHERE p.pick IS NULL)
        SELECT eid FROM cand WHERE NOT verify
        UNION ALL
        SELECT e.eid FROM events e
        WHERE e.eid IN (SELECT eid FROM cand WHERE verify) AND {" AND ".join(checks)})"""
    return sql, params


@dataclass(frozen=True)
class TextPlan:
    """How one search runs, chosen from the index's counts: ``kind`` is "all" (every term is in every
    event: no filter), "none" (a term is in no token: no event), "index" (the posting lists of ``pick``
    give the candidates) or "scan" (``contains`` on every event); ``check``: the terms ``contains`` must
    still verify; ``df``: occurrences of the tokens containing ``pick``; ``top``: the highest ``eid``."""

    kind: str
    pick: str | None = None
    check: tuple[str, ...] = ()
    df: int = 0
    top: int = 0


def plan_search(con: duckdb.DuckDBPyConnection, terms: list[str]) -> TextPlan:
    """The cheaper of the two ways to find the events holding every term. The index costs about its
    rarest term's posting lists, the scan about the whole table: the index while the rarest listed term
    occurs at most ``SCAN_SHARE`` times the number of events, then the scan. Measured at 1M synthetic
    events (``view.narrow``, wall time, load 2.6): terms in 4-10 % of the events 17-24 ms by the index
    against 25-33 by the scan; in 69-77 %, 53-70 against 45-47 (the scan runs on both cores, the lists
    are read on one): the two cross near a third. A term every event contains is dropped (it filters
    nothing), so a search made only of such words costs nothing; a term in no token is in no event."""
    wanted = list(dict.fromkeys(terms))
    # one pass over the tokens, one set of aggregates per term (a join on ``contains`` costs 4x more)
    aggs = ", ".join(
        f"coalesce(bool_or(everywhere) FILTER (WHERE contains(token, $t{i})), false),"
        f" count(*) FILTER (WHERE contains(token, $t{i}) AND NOT listed) = 0,"
        f" coalesce(sum(df) FILTER (WHERE contains(token, $t{i})), 0)::BIGINT"
        for i in range(len(wanted))
    )
    row = con.execute(
        f"SELECT (SELECT (n, top) FROM text_meta), {aggs} FROM text_index",
        {f"t{i}": t for i, t in enumerate(wanted)},
    ).fetchone()
    n_events, top = row[0]
    stats = {t: (row[1 + 3 * i], row[2 + 3 * i], int(row[3 + 3 * i])) for i, t in enumerate(wanted)}
    needed = [t for t in wanted if not stats[t][0]]
    if not needed:
        return TextPlan("all")
    if n_events == 0 or any(stats[t][2] == 0 for t in needed):  # the index is exact: a term in no token
        return TextPlan("none")
    df, pick = (
        min((stats[t][2], t) for t in needed if stats[t][1])
        if any(stats[t][1] for t in needed)
        else (0, None)
    )
    if pick is None or df > SCAN_SHARE * n_events:
        return TextPlan("scan", None, tuple(needed))
    return TextPlan("index", pick, tuple(t for t in needed if t != pick), df, top)


def search_condition(con: duckdb.DuckDBPyConnection, terms: list[str]) -> tuple[str, dict[str, Any]]:
    """SQL condition on ``events`` for "every term is a substring of ``search_text``", planned by
    ``plan_search`` for this connection. The index plan sets the connection's variable ``text_mask``: one
    bit per event, from the posting lists of the rarest term. ``getvariable`` is a constant when the
    statement is bound, so the condition becomes a filter of the table scan (only the matching rows'
    columns are read), where a semi-join against the candidate list reads every column of every event
    first (at 1M events, copying a search's 82k events: 30 ms of CPU by the semi-join, 23 by the mask plus 4
    to build it; the scan uses both cores better). Use the condition on the same connection, before the
    next search."""
    plan = plan_search(con, terms)
    if plan.kind == "all":
        return "TRUE", {}
    if plan.kind == "none":
        return "FALSE", {}
    params = {f"search{i}": term for i, term in enumerate(plan.check)}
    checks = [f"contains(search_text, ${name})" for name in params]
    if plan.kind == "index":
        con.execute(  # the bit range must be constants: an integer of our own formatted in
            f"""SET VARIABLE text_mask = (SELECT bitstring_agg(e, 0, {int(plan.top)})
                FROM (SELECT unnest(eids) AS e FROM text_index WHERE contains(token, $pick)))""",
            {"pick": plan.pick},
        )
        checks.insert(0, "get_bit(getvariable('text_mask'), eid) = 1")  # bit i: eid i
    return " AND ".join(checks), params
