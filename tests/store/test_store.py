"""The DuckDB store: idempotent batches, event rebuild, filters as parameters, the snapshot layout."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from pipeline.model import ActorMention, Span, TimeExpression
from pipeline.snapshot import table_path
from pipeline.snapshot_schema import SNAPSHOT_TABLES
from pipeline.store import Store, StoreError
from pipeline.store_codec import dumps, loads
from tests.store.builders import GATES, RUSSIA, SERDYUKOV, analysis, day, document, mention

S1 = "Gates hosted meetings with Serdyukov today at the Pentagon."
S2 = "Gates last visited Russia in March 2008."


def _sample():
    d = document(f"{S1} {S2}", date(2010, 9, 15), "seed.txt")
    a = analysis(
        d,
        mention(d, S1, "meetings", "MEETING", **day("2010-09-15"), date_text="today"),
        mention(
            d,
            S2,
            "visited",
            "VISIT",
            actors=(GATES, RUSSIA),
            value="2008-03",
            start=date(2008, 3, 1),
            end=date(2008, 3, 31),
            precision="month",
            date_text="March 2008",
        ),
    )
    return a


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store" / "t.duckdb") as s:
        yield s


def test_codec_round_trip_keeps_every_field():
    a = _sample()
    richer = a.__class__(
        document=a.document,
        sentences=(Span(0, len(S1), S1),),
        timexes=(
            TimeExpression(
                37,
                42,
                "today",
                "DATE",
                "2010-09-15",
                "deictic",
                "t1",
                anchor="dct",
                explanation="today = publication date",
            ),
        ),
        actors=a.actors,
        actor_mentions=(ActorMention(0, 5, "Gates", "robert-m-gates", "surname"),),
        event_mentions=a.event_mentions,
        warnings=("x",),
    )
    assert loads(dumps(richer)) == richer


def test_adding_the_same_documents_twice_adds_nothing(store):
    assert store.add([_sample()]) == 1
    assert store.add([_sample(), _sample()]) == 0
    assert store.counts()["documents"] == 1 and store.counts()["event_mentions"] == 2


def test_a_failing_batch_leaves_nothing_behind(store, monkeypatch):
    def boom(rows):
        store.con.execute("INSERT INTO documents (doc_id) VALUES ('half')")
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_all", boom)
    with pytest.raises(RuntimeError):
        store.add([_sample()])
    assert store.counts()["documents"] == 0


def test_replace_re_dates_a_stored_document(store):
    a = _sample()
    store.add([a])
    redated = a.__class__(
        document=a.document.__class__(**{**a.document.__dict__, "published": date(2011, 1, 1)})
    )
    store.replace([redated])
    (doc,) = store.documents()
    assert doc.published == date(2011, 1, 1)
    assert store.counts()["event_mentions"] == 0
    assert store.documents(dated=False) == []


def test_rebuild_then_filters(store):
    store.add([_sample()])
    assert store.rebuild_events() == 2
    assert {e["type"] for e in store.events()} == {"MEETING", "VISIT"}
    assert [e["type"] for e in store.events(actor="SERDY")] == ["MEETING"]
    assert {e["type"] for e in store.events(actor="rus")} == {"MEETING", "VISIT"}  # country code
    assert store.events(actor="'; DROP TABLE events; --") == []
    assert [e["type"] for e in store.events(type="visit")] == ["VISIT"]
    assert store.events(status="planned") == []
    assert [e["type"] for e in store.events(since=date(2010, 1, 1))] == ["MEETING"]
    assert [e["type"] for e in store.events(until=date(2008, 3, 15))] == ["VISIT"]
    assert [e["date_value"] for e in store.events()] == ["2008-03", "2010-09-15"]  # oldest first
    assert store.counts()["events"] == 2


def test_rebuild_is_repeatable_and_the_same_from_analyses_in_hand(store):
    store.add([_sample()])
    store.rebuild_events()
    first = store.events()
    store.rebuild_events()
    assert store.events() == first
    store.rebuild_events(known=[_sample()])
    assert store.events() == first


def test_snapshot_has_exactly_the_schema_layout(store):
    store.add([_sample()])
    store.rebuild_events()
    target = store.write_snapshot()
    con = duckdb.connect()
    for table, columns in SNAPSHOT_TABLES.items():
        path = str(table_path(target, table)).replace("'", "''")
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        assert [(r[0], r[1]) for r in described] == list(columns.items())
    names = con.execute(
        f"SELECT actor_names FROM read_parquet('{table_path(target, 'events')}') WHERE event_type = 'MEETING'"
    ).fetchone()[0]
    assert names == [GATES.name, SERDYUKOV.name]


def test_snapshot_is_swapped_whole_and_old_versions_are_cleaned(store):
    store.add([_sample()])
    store.rebuild_events()
    target = store.write_snapshot()
    first = target.resolve()
    for _ in range(3):
        store.write_snapshot()
    assert target.is_symlink() and target.resolve() != first
    assert (target / "manifest.json").is_file()
    versions = [p for p in target.parent.iterdir() if p.name.startswith(".t.parquet.v")]
    assert len(versions) == 2  # the live one and the previous one


def test_reading_a_missing_store_says_to_ingest(tmp_path):
    with pytest.raises(StoreError, match="dateline ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)
