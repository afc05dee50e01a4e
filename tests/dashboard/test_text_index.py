"""The word index behind free-text search selects exactly the events the plain ``contains`` scan selects:
same rows for case, punctuation, partial words, several words, words in every event, broad words without
posting lists, wildcards and no match. Real DuckDB throughout."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_fixture import QUERIES, TEXTS, plain_contains, snapshot_with_texts

from dashboard import lookups, queries, text_index, view
from dashboard.queries import Filters


def indexed(con: duckdb.DuckDBPyConnection, text: str) -> set[str]:
    where, params = queries.where_clause(Filters(text=text))
    return {row[0] for row in con.execute(f"SELECT event_id FROM events WHERE {where}", params).fetchall()}


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return queries.open_snapshot(snapshot_with_texts(tmp_path, TEXTS))


@pytest.mark.parametrize("text", QUERIES)
def test_index_selects_the_rows_of_the_plain_scan(con, text: str) -> None:
    assert indexed(con, text) == plain_contains(con, text)


def test_partial_names_and_several_words_find_what_a_user_expects(con) -> None:
    texts = {row[0]: row[1] for row in con.execute("SELECT event_id, search_text FROM events").fetchall()}
    found = {texts[i] for i in indexed(con, "Serdyuk")}
    assert found == {TEXTS[0], TEXTS[3]}
    assert {texts[i] for i in indexed(con, "gates MOSCOW")} == {TEXTS[0]}
    assert indexed(con, "gates kabul") == set()


@pytest.mark.parametrize("share", [0.0, 0.2, 1.0])  # every token broad / some / none
@pytest.mark.parametrize("text", QUERIES)
def test_broad_tokens_without_posting_lists_give_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, share: float, text: str
) -> None:
    monkeypatch.setattr(text_index, "BROAD_SHARE", share)
    con = queries.open_snapshot(snapshot_with_texts(tmp_path, TEXTS))
    assert indexed(con, text) == plain_contains(con, text)


def test_a_word_in_every_event_filters_nothing(tmp_path: Path) -> None:
    con = queries.open_snapshot(snapshot_with_texts(tmp_path, ["topic 1 x", "topic 2 y", "a topic 12"]))
    everywhere = con.execute("SELECT token FROM text_index WHERE everywhere").fetchall()
    assert everywhere == [("topic",)]
    assert indexed(con, "topic") == plain_contains(con, "topic") and len(indexed(con, "topic")) == 21
    assert indexed(con, "opic 1") == plain_contains(con, "opic 1") and len(indexed(con, "opic 1")) == 14
    assert indexed(con, "topic y") == plain_contains(con, "topic y")


def test_the_timeline_table_and_export_use_the_same_rows(con) -> None:
    for text in ("serdyuk", "gates moscow", "visit", "a"):
        expected = plain_contains(con, text)
        cur = con.cursor()
        data = view.timeline(cur, Filters(text=text), max_marks=10_000)
        shown = set(data["table"]["event_id"]) | set(data["undated_table"]["event_id"])
        assert shown == expected
        assert set(lookups.export_events(con, Filters(text=text))["event_id"]) == expected


WORDS = st.sampled_from(["ab", "abc", "b", "ca", "a.b", "x%", "", "ab-c", "c"])


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.lists(WORDS, max_size=5).map(" ".join), min_size=1, max_size=12),
    query=st.lists(
        st.sampled_from(["a", "b", "ab", "bc", "a.", "%", "c", "ab-", "zz"]), min_size=1, max_size=3
    ),
    share=st.sampled_from([0.0, 0.3, 0.5, 1.0]),
)
def test_index_matches_substring_search_on_random_texts(
    texts: list[str], query: list[str], share: float
) -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events AS SELECT i::INTEGER AS eid, t AS search_text"
        " FROM (SELECT unnest($t) AS t, generate_subscripts($t, 1) AS i)",
        {"t": texts},
    )
    text_index.BROAD_SHARE, saved = share, text_index.BROAD_SHARE
    try:
        text_index.build_text_index(con)
    finally:
        text_index.BROAD_SHARE = saved
    where, params = text_index.text_clause(query)
    got = {row[0] for row in con.execute(f"SELECT eid FROM events WHERE {where}", params).fetchall()}
    assert got == {i + 1 for i, t in enumerate(texts) if all(q in t for q in query)}
