"""Search texts and queries shared by the search tests: events whose ``search_text`` is chosen, and the
reference answer (``contains`` on every event, what the dashboard did before the word index)."""

from __future__ import annotations

from pathlib import Path

import duckdb
from snapshot_fixture import write_snapshot

TEXTS = [
    "minister anatoly serdyukov met secretary gates in moscow.",
    "gates visited u.s.-led forces near kandahar (afp).",
    "the u.s. and russia signed the new start treaty",
    "serdyuk is a different name; 100% sure",
    "troops deployed to the black sea under_score",
    "",
    "a  double  space\tand a tab\nand a newline",
    'o\'brien said "yes" to the visit',
    "visit visit visit",
]
QUERIES = [
    "serdyuk",  # part of a name: finds serdyukov too
    "SERDYUKOV",  # case
    "u.s.",  # punctuation inside a token
    "u.s.-led",
    "(afp)",
    "gates moscow",  # several words, all required
    "moscow gates",
    "gates kabul",  # one of them matches nothing
    "zzz",
    "100%",  # no LIKE wildcards
    "_",
    "under_score",
    "a",  # in most texts
    "e",
    "the visit",
    "visit",
    "o'brien",
    '"yes"',
    "space and",
    "sea.",
    "   ",  # no term: no filter
]


def plain_contains(con: duckdb.DuckDBPyConnection, text: str) -> set[str]:
    """The reference: ``contains`` on every event, as the dashboard did before the index."""
    terms = text.lower().split()
    where = " AND ".join(["TRUE", *(f"contains(search_text, $t{i})" for i in range(len(terms)))])
    rows = con.execute(
        f"SELECT event_id FROM events WHERE {where}", {f"t{i}": t for i, t in enumerate(terms)}
    )
    return {row[0] for row in rows.fetchall()}


def snapshot_with_texts(tmp_path: Path, texts: list[str]) -> Path:
    """The fixture snapshot, its events repeated once per text with that text as ``search_text``."""
    snap = write_snapshot(tmp_path / "s.parquet")
    path = str(snap / "events.parquet")
    con = duckdb.connect()
    con.execute(
        f"""CREATE TABLE e AS SELECT * REPLACE (event_id || '#' || i AS event_id, t AS search_text)
            FROM read_parquet('{path}'), (SELECT unnest($texts) AS t, generate_subscripts($texts, 1) AS i)""",
        {"texts": texts},
    )
    con.execute(f"COPY e TO '{path}' (FORMAT parquet)")
    return snap
