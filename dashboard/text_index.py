"""A word index over ``events.search_text``, so a free-text search reads the posting lists of its rarest term
instead of running ``contains`` on every event's sentences (the slowest filter at 1M events).

Semantics stay those of the plain scan: every whitespace-separated, lower-cased term must be a substring of
``search_text`` ("serdyuk" finds "serdyukov", "u.s." finds "u.s.-led"). Why the index is exact: a term holds
no space, so each of its occurrences lies inside one space-separated token; the events of the tokens that
contain the term are exactly the events that contain it.

Built once per snapshot in ``open_snapshot`` (one tokenising pass). Tokens occurring more than ``BROAD_SHARE``
times the number of events keep their count but no posting list (their lists would be most of the table);
a term matching one is decided by ``contains`` on the candidates, unless the token is in every event (then
the term filters nothing). When no term has posting lists, the candidates are all events.
"""

from __future__ import annotations

from typing import Any

import duckdb

BROAD_SHARE = 0.5  # tokens occurring more often than this share of the events get no posting list


def build_text_index(con: duckdb.DuckDBPyConnection) -> None:
    """``text_index(token, df, eids, everywhere)``: every space-separated token of ``events.search_text``,
    its number of occurrences, the events it occurs in (NULL when broad) and whether every event contains it
    as a substring; ``text_all``: one list of every event. A token twice in one event is listed twice:
    harmless, the lists feed a semi-join."""
    (n_events,) = con.execute("SELECT count(*) FROM events").fetchone()
    broad = max(1, int(n_events * BROAD_SHARE))
    con.execute(
        f"""CREATE TABLE text_index AS SELECT token, count(*)::INTEGER AS df,
                CASE WHEN count(*) <= {broad} THEN list(eid) END AS eids, false AS everywhere
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


def text_clause(terms: list[str]) -> tuple[str, dict[str, Any]]:
    """SQL condition on ``events`` for "every term is a substring of ``search_text``", and its parameters.

    The candidates are the posting lists of the rarest term that has lists (exact for that term); terms in
    every event are dropped; the remaining terms are checked with ``contains`` on the candidates only (the
    term comes through a scalar subquery, which keeps the check out of the scan of all events). Without
    terms left to check, no sentence is read at all."""
    if not terms:
        return "TRUE", {}
    params: dict[str, Any] = {"text_terms": list(terms)}
    checks = []
    for i, term in enumerate(terms):
        # no LIKE: "%" or "_" are matched literally
        checks.append(
            f"contains(e.search_text, (SELECT CASE WHEN $text{i} IN (SELECT t FROM todo)"
            f" THEN $text{i}::VARCHAR ELSE '' END))"
        )
        params[f"text{i}"] = term
    sql = f"""eid IN (
        WITH terms AS (SELECT DISTINCT unnest($text_terms::VARCHAR[]) AS t),
             m AS MATERIALIZED (SELECT u.t, x.df, x.eids, x.everywhere
                                FROM text_index x JOIN terms u ON contains(x.token, u.t)),
             cost AS MATERIALIZED (
                 SELECT u.t, coalesce(bool_or(m.everywhere), false) AS taut,
                        count(m.df) = count(m.eids) AS listed, coalesce(sum(m.df), 0) AS df
                 FROM terms u LEFT JOIN m USING (t) GROUP BY u.t),
             pick AS MATERIALIZED (SELECT t FROM cost WHERE listed AND NOT taut ORDER BY df, t LIMIT 1),
             todo AS MATERIALIZED (SELECT t FROM cost WHERE NOT taut AND t NOT IN (SELECT t FROM pick)),
             cand AS MATERIALIZED (
                 SELECT unnest(m.eids) AS eid FROM m JOIN pick USING (t)
                 UNION ALL SELECT unnest(eids) FROM text_all WHERE NOT EXISTS (SELECT 1 FROM pick))
        SELECT eid FROM cand WHERE NOT EXISTS (SELECT 1 FROM todo)
        UNION ALL
        SELECT e.eid FROM events e
        WHERE e.eid IN (SELECT eid FROM cand WHERE EXISTS (SELECT 1 FROM todo)) AND {" AND ".join(checks)})"""
    return sql, params
