"""A search is planned per query (``text_index.plan_search``): the word index, the scan, or no filter at all.
Whichever plan runs, the page shows the events of the plain ``contains`` scan: both plans are forced on the
same store for selective, common, multi-word, quoted / punctuated and no-hit searches, through the path the
page takes (``view.narrow`` and ``view.timeline``). Real DuckDB throughout."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_fixture import QUERIES, TEXTS, plain_contains, snapshot_with_texts

from dashboard import queries, text_index, view
from dashboard.queries import Filters

# SCAN_SHARE that forces each plan: no rarest term is above infinity, every one is above -1
PLANS = {"index": float("inf"), "scan": -1.0}
SEARCHES = [
    *QUERIES,
    "serdyukov gates moscow",  # multi-word, selective
    "the visit u.s.",  # common words with punctuation
    "a e",  # two words in most events
    '"yes" o\'brien',  # quotes
    "(afp) zzz",  # one term matches, the other nothing
    "visit visit",  # a repeated term
]


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return queries.open_snapshot(snapshot_with_texts(tmp_path, TEXTS))


def narrowed(con: duckdb.DuckDBPyConnection, text: str) -> set[str]:
    """The events the page selects for a search (``view.narrow``)."""
    src, rest = view.narrow(con, Filters(text=text))
    if src == "events":  # the search filters nothing: the page reads every event
        assert not rest.text.strip()
        return {row[0] for row in con.execute("SELECT event_id FROM events").fetchall()}
    rows = con.execute(f"SELECT event_id FROM events WHERE eid IN (SELECT eid FROM {src})").fetchall()
    return {row[0] for row in rows}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("text", SEARCHES)
def test_each_plan_selects_the_rows_of_the_plain_scan(
    con, monkeypatch: pytest.MonkeyPatch, plan: str, text: str
) -> None:
    monkeypatch.setattr(text_index, "SCAN_SHARE", PLANS[plan])
    assert narrowed(con, text) == plain_contains(con, text)


@pytest.mark.parametrize("plan", PLANS)
def test_the_forced_plan_is_the_one_that_runs(con, monkeypatch: pytest.MonkeyPatch, plan: str) -> None:
    monkeypatch.setattr(text_index, "SCAN_SHARE", PLANS[plan])
    chosen = text_index.plan_search(con, ["gates", "moscow"])  # in 2 texts / in 1
    assert chosen.kind == plan
    assert chosen.check == (("gates",) if plan == "index" else ("gates", "moscow"))
    assert chosen.pick == ("moscow" if plan == "index" else None)  # the rarer term gives the candidates
    assert text_index.plan_search(con, ["gates", "zzz"]).kind == "none"  # no token holds "zzz"


def test_the_plan_follows_the_rarest_terms_count(tmp_path: Path) -> None:
    """Default share: a selective term reads the index, a term whose lists hold more entries than
    ``SCAN_SHARE`` of the events scans, a word in every event is dropped (the page keeps its
    pre-aggregated views)."""
    texts = ["topic aa aab ab", "topic aa x", "topic ab aa", "a topic b", "topic b"]  # "x": 1 in 5
    con = queries.open_snapshot(snapshot_with_texts(tmp_path, texts))
    assert text_index.plan_search(con, ["x"]).kind == "index"
    assert text_index.SCAN_SHARE >= 0.2
    assert text_index.plan_search(con, ["a"]).kind == "scan"  # 8 tokens in 5 texts hold "a"
    assert text_index.plan_search(con, ["topic", "x"]) == text_index.plan_search(con, ["x"])
    assert text_index.plan_search(con, ["topic", "opic"]).kind == "all"
    assert view.narrow(con, Filters(text="Topic", types=("VISIT",))) == (
        "events",
        Filters(types=("VISIT",)),
    )
    for text in ("x", "a", "topic", "a x", "b aa"):
        assert narrowed(con, text) == plain_contains(con, text)


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("text", ["serdyuk", "gates moscow", "visit", "a", "the visit u.s.", "zzz"])
def test_the_page_shows_the_same_events_and_marks_under_both_plans(
    con, monkeypatch: pytest.MonkeyPatch, plan: str, text: str
) -> None:
    """The whole view (marks made on a second cursor, the selection a shared table) against the plain
    queries on ``events``; the shared table is gone afterwards."""
    monkeypatch.setattr(text_index, "SCAN_SHARE", PLANS[plan])
    f = Filters(text=text)
    expected = plain_contains(con, text)
    for max_marks in (10_000, 0):  # events, then time bins
        data = view.timeline(con.cursor(), f, "actor", max_marks=max_marks)
        shown = set(data["table"]["event_id"]) | set(data["undated_table"]["event_id"])
        assert shown == expected
        assert data["dated"] + data["undated"] == len(expected)
        if data["binned"]:
            plain = queries.binned_marks(con, f, "actor", data["unit"])
        else:
            plain = queries.event_marks(con, f, "actor")
        pd.testing.assert_frame_equal(data["marks"], plain)
    assert not con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'sel%'").fetchall()


def test_a_failing_view_drops_its_shared_selection(con, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("overview failed")

    monkeypatch.setattr(view, "overview", broken)
    with pytest.raises(RuntimeError, match="overview failed"):
        view.timeline(con.cursor(), Filters(text="visit"))
    assert not con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'sel%'").fetchall()


@pytest.mark.parametrize("name", ["sel_1; DROP TABLE events", "lanes", "sel_" + "g" * 32, "sel_" + "a" * 31])
def test_only_selection_names_reach_the_sql(name: str) -> None:
    with pytest.raises(ValueError):
        queries.counts(duckdb.connect(), Filters(), name)


WORDS = st.sampled_from(["ab", "abc", "b", "ca", "a.b", "x%", "", "ab-c", "c"])


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.lists(WORDS, max_size=5).map(" ".join), min_size=1, max_size=12),
    query=st.lists(
        st.sampled_from(["a", "b", "ab", "bc", "a.", "%", "c", "ab-", "zz"]), min_size=1, max_size=3
    ),
    share=st.sampled_from([0.0, 0.5, 1.0]),
    plan=st.sampled_from(sorted(PLANS)),
)
def test_both_plans_match_substring_search_on_random_texts(
    texts: list[str], query: list[str], share: float, plan: str
) -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events AS SELECT i::INTEGER AS eid, t AS search_text"
        " FROM (SELECT unnest($t) AS t, generate_subscripts($t, 1) AS i)",
        {"t": texts},
    )
    saved = text_index.BROAD_SHARE, text_index.SCAN_SHARE
    text_index.BROAD_SHARE, text_index.SCAN_SHARE = share, PLANS[plan]
    try:
        text_index.build_text_index(con)
        where, params = text_index.search_condition(con, query)
        got = {row[0] for row in con.execute(f"SELECT eid FROM events WHERE {where}", params).fetchall()}
    finally:
        text_index.BROAD_SHARE, text_index.SCAN_SHARE = saved
    assert got == {i + 1 for i, t in enumerate(texts) if all(q in t for q in query)}


def test_views_of_parallel_sessions_do_not_mix(con) -> None:
    """Streamlit sessions run in threads on cursors of one database, each view with its own shared
    selection and a second cursor: four at once give what each gives alone."""
    views = [Filters(text=t) for t in ("serdyuk", "visit", "gates moscow", "a", "zzz")]
    views += [Filters(actors=("Ana Brill",)), Filters(types=("VISIT",), text="the")]
    alone = [view.timeline(con.cursor(), f, max_marks=0) for f in views]

    def run(i: int) -> dict:
        return view.timeline(con.cursor(), views[i % len(views)], max_marks=0)

    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(run, range(4 * len(views))))
    for i, data in enumerate(together):
        expected = alone[i % len(views)]
        assert (data["dated"], data["undated"]) == (expected["dated"], expected["undated"])
        pd.testing.assert_frame_equal(data["marks"], expected["marks"])
        pd.testing.assert_frame_equal(data["table"], expected["table"])
    assert not con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'sel%'").fetchall()
