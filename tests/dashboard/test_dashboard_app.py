"""The Streamlit app driven by AppTest over the hand-made snapshot (see snapshot_fixture.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_helpers import event_marks, html_of
from snapshot_fixture import write_snapshot


def test_chart_shows_every_dated_event_in_actor_lanes(store: Path, make_app) -> None:
    at = make_app()
    assert not at.exception
    marks = event_marks(at)
    assert set(marks["event_id"]) == {"ev-visit", "ev-war", "ev-memo", "ev-tour", "ev-yearly", "ev-script"}
    assert set(marks["lane"]) == {"Ana Brill", "Tomas Vey", "Portugal"}
    # the undated event is not on the time axis but listed apart
    assert "ev-dialogue" not in set(marks["event_id"])
    assert any("Undated events (1)" in e.label for e in at.expander)


def test_actor_filter_changes_the_chart_data_and_the_url(store: Path, make_app) -> None:
    at = make_app()
    at.multiselect(key="actor").select("Tomas Vey").run()
    marks = event_marks(at)
    assert set(marks["event_id"]) == {"ev-memo", "ev-tour", "ev-yearly"}
    assert at.query_params["actor"] == "Tomas Vey"


def test_type_status_and_search_filters_narrow_the_chart(store: Path, make_app) -> None:
    at = make_app()
    at.multiselect(key="type").select("VISIT").run()
    assert set(event_marks(at)["event_id"]) == {"ev-visit", "ev-tour"}
    at.multiselect(key="status").select("planned").run()
    assert set(event_marks(at)["event_id"]) == {"ev-tour"}
    at.multiselect(key="type").unselect("VISIT").run()
    at.multiselect(key="status").unselect("planned").run()
    at.text_input(key="q").input("camp alder").run()
    assert set(event_marks(at)["event_id"]) == {"ev-tour"}


def test_query_params_restore_a_view(store: Path, make_app) -> None:
    at = make_app(country="FIN", **{"from": "2011-01-01", "to": "2011-12-31"}, lanes="type", event="ev-memo")
    assert not at.exception
    assert at.multiselect(key="country").value == ["FIN"]
    assert str(at.date_input(key="from").value) == "2011-01-01"
    assert at.radio(key="lanes").value == "type"
    marks = event_marks(at)
    assert set(marks["event_id"]) == {"ev-memo", "ev-yearly"}
    assert set(marks["lane"]) == {"AGREEMENT_SIGNED", "MEETING"}
    assert "Brill and Vey sign memorandum" in html_of(at)


def test_selecting_an_event_shows_its_sentences_highlighted_and_dated(store: Path, make_app) -> None:
    at = make_app()
    assert "dl-sentence" not in html_of(at)
    at.selectbox(key="event").select("ev-tour").run()
    body = html_of(at)
    assert 'class="dl-trigger"' in body and ">tour</mark>" in body
    assert 'class="dl-date"' in body and ">tomorrow</mark>" in body
    assert "tomorrow = publication date 2011-05-10 + 1 day" in body
    assert body.count('class="dl-mention"') == 2  # both documents that state it
    assert "inherited from a near-duplicate article: inherited from near-duplicate docA" in body
    assert "2011-05-11" in body
    assert at.query_params["event"] == "ev-tour"
    actors = at.dataframe[-1].value
    assert actors.loc[0, "code"] == "PRTMIL"


def test_untrusted_text_is_shown_as_text(store: Path, make_app) -> None:
    at = make_app(event="ev-script")
    body = html_of(at)
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in body
    for raw in ("<script", "<b>loud</b>", "<b>Scripted</b>", "<i>Scripted</i>"):
        assert raw not in body
    assert "**bold**" in body and "[click](javascript:alert(1))" in body
    assert "href" not in body  # the document's javascript: URL is not made a link
    assert "&lt;b&gt;Scripted&lt;/b&gt; statement" in body


def test_hostile_url_values_reach_sql_as_parameters(store: Path, make_app) -> None:
    at = make_app(q="x' OR '1'='1", actor="a'); DROP TABLE events; --", event="' OR 1=1 --")
    assert not at.exception
    assert not at.get("vega_lite_chart")
    assert any("No dated event matches" in w.value for w in at.warning)
    at.multiselect(key="actor").set_value([]).run()
    at.text_input(key="q").input("").run()
    assert len(set(event_marks(at)["event_id"])) == 6  # the table is still there


def test_missing_snapshot_says_what_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app) -> None:
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "nothing.duckdb"))
    at = make_app()
    assert not at.exception
    assert "dateline ingest" in at.info[0].value and "No event snapshot" in at.info[0].value


def test_empty_store_says_what_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app) -> None:
    db = tmp_path / "empty.duckdb"
    write_snapshot(db.with_suffix(".parquet"), empty=True)
    monkeypatch.setenv("DATELINE_DB", str(db))
    at = make_app()
    assert not at.exception
    assert "The event store is empty" in at.info[0].value


def test_a_new_snapshot_shows_on_the_next_rerun(store: Path, make_app) -> None:
    at = make_app()
    assert len(set(event_marks(at)["event_id"])) == 6
    from snapshot_fixture import EVENTS

    write_snapshot(store.with_suffix(".parquet"), events=EVENTS[:2])
    at.run()
    assert set(event_marks(at)["event_id"]) == {"ev-visit", "ev-war"}


def _submit_article(at, text: str) -> None:
    at.sidebar.text_area[0].input(text)
    next(b for b in at.sidebar.button if "Add to the timeline" in b.label).click()
    at.run()


def test_adding_an_article_refreshes_the_timeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app
) -> None:
    db = tmp_path / "new.duckdb"
    monkeypatch.setenv("DATELINE_DB", str(db))
    calls = []

    def fake_ingest_text(text, title, published, settings):  # the store writes a snapshot, like the real one
        calls.append((text, title, published, settings.db_path))
        write_snapshot(settings.snapshot_dir)
        return "1 document(s) added"

    monkeypatch.setattr("pipeline.run.ingest_text", fake_ingest_text)
    at = make_app()
    assert "No event snapshot" in at.info[0].value
    _submit_article(at, "Vey plans to tour Camp Alder tomorrow.")
    assert not at.exception
    assert calls == [("Vey plans to tour Camp Alder tomorrow.", None, None, db)]
    assert len(set(event_marks(at)["event_id"])) == 6


def test_a_locked_store_gets_a_clear_message(store: Path, monkeypatch: pytest.MonkeyPatch, make_app) -> None:
    def locked(*args, **kwargs):
        raise RuntimeError('cannot open the event store: IO Error: Could not set lock on file "x.duckdb"')

    monkeypatch.setattr("pipeline.run.ingest_text", locked)
    at = make_app()
    _submit_article(at, "Some article text.")
    assert not at.exception
    assert any("locked by another process" in e.value for e in at.sidebar.error)
