"""Updating events with new documents gives what a full rebuild gives, loading only the events it touches."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.store import Store
from pipeline.store_codec import dumps
from pipeline.store_events import STATE_KEY
from tests.store.builders import GATES, MAKAROV, RUSSIA, SERDYUKOV, analysis, day, document, mention

S1 = "Gates hosted meetings with Serdyukov today at the Pentagon."
S2 = "The Pentagon meetings with Serdyukov went well, officials said today."
S3 = "Gates visited Russia in March 2008 and met Makarov."
S4 = "Serdyukov will tour Fort Belvoir tomorrow."


def _batches():
    """Three articles in publication order: a meeting, a report of the same meeting, other events."""
    a = document(f"{S1} {S3}", date(2010, 9, 15), "a.txt")
    b = document(S2, date(2010, 9, 16), "b.txt")
    c = document(S4, date(2010, 9, 17), "c.txt")
    month = {"value": "2008-03", "start": date(2008, 3, 1), "end": date(2008, 3, 31), "precision": "month"}
    return [
        analysis(
            a,
            mention(a, S1, "meetings", "MEETING", **day("2010-09-15"), date_text="today"),
            mention(a, S3, "visited", "VISIT", actors=(GATES, RUSSIA), **month, date_text="March 2008"),
            mention(a, S3, "met", "MEETING", actors=(GATES, MAKAROV), **month, date_text="March 2008"),
        ),
        analysis(b, mention(b, S2, "meetings", "MEETING", **day("2010-09-15"), date_text="today")),
        analysis(c, mention(c, S4, "tour", "VISIT", "planned", (SERDYUKOV,), **day("2010-09-18"))),
    ]


def _events(store):
    return sorted(store.events(), key=lambda e: e["event_id"])


@pytest.fixture
def full(tmp_path):
    with Store(tmp_path / "full.duckdb") as store:
        batches = _batches()
        store.add(batches)
        store.rebuild_events()
        yield _events(store)


def test_new_articles_one_by_one_give_the_events_of_a_full_rebuild(tmp_path, full):
    with Store(tmp_path / "inc.duckdb") as store:
        for a in _batches():
            store.add([a])
            store.update_events([a])
        assert _events(store) == full
        meeting = next(e for e in full if e["type"] == "MEETING" and e["n_docs"] == 2)
        assert meeting["date_value"] == "2010-09-15"


def test_an_older_article_arriving_late_still_gives_the_full_result(tmp_path, full):
    with Store(tmp_path / "late.duckdb") as store:
        first, second, third = _batches()
        for a in (third, second, first):  # reading order differs: the update falls back to a rebuild
            store.add([a])
            store.update_events([a])
        assert _events(store) == full


def test_update_loads_only_the_events_sharing_a_block(tmp_path, monkeypatch):
    import pipeline.store_events as store_events

    with Store(tmp_path / "blocks.duckdb") as store:
        first, second, third = _batches()
        store.add([first])
        store.update_events([first])
        loaded = []
        real = store_events._affected

        def spy(*args):
            rows = real(*args)
            loaded.extend(event_id for _, event_id in rows)
            return rows

        monkeypatch.setattr(store_events, "_affected", spy)
        monkeypatch.setattr(store_events, "rebuild", lambda *a, **k: pytest.fail("rebuilt everything"))
        store.add([second])
        store.update_events([second])
        (meeting,) = [e for e in store.events() if e["n_docs"] == 2]
        assert set(loaded) == {meeting["event_id"]}  # not the 2008 visit or meeting


def test_payloads_made_by_other_rules_or_an_older_store_are_rebuilt_once(tmp_path, full):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        batches = _batches()
        store.add(batches)
        # an older store: whole analyses as JSON, no dedup payloads, no dedup state
        store.con.execute("DELETE FROM dedup_mentions")
        store.con.execute("DELETE FROM dedup_actors")
        store.con.execute("DELETE FROM meta WHERE key = ?", [STATE_KEY])
        for a in batches:
            store.con.execute("INSERT INTO analyses VALUES (?, ?)", [a.document.doc_id, dumps(a)])
        store.rebuild_events()
        assert _events(store) == full
        assert (
            store.counts()["event_mentions"]
            == store.con.execute("SELECT count(*) FROM dedup_mentions").fetchall()[0][0]
        )
        store.set_meta(STATE_KEY, "rules of another day")
        store.rebuild_events()
        assert _events(store) == full
