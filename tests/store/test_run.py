"""The ingest driver with a stand-in analyser: batches, bad files, re-ingest, near-copy re-dating."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import pipeline.analysis_pool as analysis_pool
import pipeline.run as run
from pipeline.config import Settings
from pipeline.model import DocumentAnalysis, EventMention, Span
from pipeline.store import Store

WORDS = (
    "Defense Secretary Robert Gates met Russian Defense Minister Anatoliy Serdyukov at the Pentagon to "
    "discuss military cooperation, the arms treaty, missile defense, operations in Afghanistan and the "
    "northern supply route, officials said. The two leaders agreed to resume bilateral exercises and a "
    "troop exchange, and planned further talks on transparency, reform of the armed forces and regional "
    "security next spring."
)


def fake_analysis(job):
    """One MEETING mention on the first 'met' of the text; a text containing EXPLODE fails."""
    doc, _ = job
    if "EXPLODE" in doc.text:
        return None, "ValueError: cannot analyse"
    i = doc.text.find("met")
    mentions = ()
    if i >= 0:
        sent = Span(0, len(doc.text), doc.text)
        trigger = Span(i, i + 3, "met")
        mentions = (
            EventMention(f"{doc.doc_id}:{i}:MEETING", doc.doc_id, sent, trigger, "MEETING", "occurred"),
        )
    return DocumentAnalysis(document=doc, event_mentions=mentions), None


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_pool, "_analyze_one", fake_analysis)
    return replace(Settings(), db_path=tmp_path / "db" / "t.duckdb")


def _write(folder, name, text, published=None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    if published:
        (folder / name).with_suffix(".meta.json").write_text(
            f'{{"published": "{published}"}}', encoding="utf-8"
        )


def test_batch_with_a_bad_file_and_a_missing_path(tmp_path, settings, capsys):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "Headline\n\n" + WORDS, "2010-09-15")
    _write(folder, "b.txt", "Other news\n\nGates met reporters. " + WORDS[::-1], "2010-09-16")
    _write(folder, "c.txt", "EXPLODE\n\n" + WORDS.upper(), "2010-09-17")
    (folder / "d.jsonl").write_text('{"text": "ok"}\nnot json\n', encoding="utf-8")
    report = run.ingest([tmp_path / "missing", folder], settings, progress=False)
    err = capsys.readouterr().err
    assert report.files == 4 and report.documents_added == 3  # a, b and the good JSONL line
    assert report.failed == 3 and report.failed_files == 3
    assert "dateline: skipped" in err and "missing" in err and "c.txt" in err and "d.jsonl:2" in err
    assert (
        report.events == 2 and report.snapshot is not None and (report.snapshot / "events.parquet").is_file()
    )


def test_reingest_adds_nothing_and_keeps_the_snapshot(tmp_path, settings):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "Headline\n\n" + WORDS, "2010-09-15")
    first = run.ingest([folder], settings, progress=False)
    version = first.snapshot.resolve()
    again = run.ingest([folder, folder / "a.txt"], settings, progress=False)
    assert (again.documents_added, again.already_present, again.events) == (0, 1, first.events)
    assert again.snapshot is None and first.snapshot.resolve() == version


def test_stored_undated_copy_is_re_dated_by_a_later_dated_original(tmp_path, settings):
    _write(tmp_path / "one", "copy.txt", "Reprint\n\n" + WORDS)
    _write(tmp_path / "two", "original.txt", "Gates, Serdyukov meet\n\nWASHINGTON -- " + WORDS, "2010-09-15")
    run.ingest([tmp_path / "one"], settings, progress=False)
    report = run.ingest([tmp_path / "two"], settings, progress=False)
    assert report.documents_added == 1 and report.redated == 1
    with Store(settings.db_path, read_only=True) as store:
        copy = next(d for d in store.documents() if d.source.endswith("copy.txt"))
    assert copy.published == date(2010, 9, 15) and copy.published_source == "near_duplicate"


def test_ingest_text_once(settings):
    first = run.ingest_text("Gates met Serdyukov. " + WORDS, "Pasted", date(2010, 9, 15), settings)
    again = run.ingest_text("Gates met Serdyukov. " + WORDS, "Pasted", "2010-09-15", settings)
    assert (first.documents_added, again.documents_added, again.already_present) == (1, 0, 1)
    with Store(settings.db_path, read_only=True) as store:
        (doc,) = store.documents()
    assert doc.published == date(2010, 9, 15) and doc.title == "Pasted"


def test_process_pool_gives_the_same_store_as_one_process(tmp_path, settings):
    folder = tmp_path / "many"
    for i in range(run.POOL_MIN_DOCUMENTS):
        _write(
            folder,
            f"{i:03}.txt",
            f"Story {i}\n\nGates met officials in city number {i}. {WORDS}",
            "2010-09-15",
        )
    one = run.ingest([folder], replace(settings, db_path=tmp_path / "one.duckdb"), progress=False, workers=1)
    two = run.ingest([folder], replace(settings, db_path=tmp_path / "two.duckdb"), progress=False, workers=2)
    assert one.documents_added == two.documents_added == run.POOL_MIN_DOCUMENTS
    with (
        Store(tmp_path / "one.duckdb", read_only=True) as a,
        Store(tmp_path / "two.duckdb", read_only=True) as b,
    ):
        assert a.events() == b.events()


def test_reanalyse_replaces_stored_analyses(tmp_path, settings, monkeypatch):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "Headline\n\n" + WORDS, "2010-09-15")
    run.ingest([folder], settings, progress=False)

    def no_events(job):
        analysis, error = fake_analysis(job)
        return replace(analysis, event_mentions=()), error

    monkeypatch.setattr(analysis_pool, "_analyze_one", no_events)
    skipped = run.ingest([folder], settings, progress=False)
    again = run.ingest([folder], settings, progress=False, reanalyse=True)
    assert (skipped.events, skipped.reanalysed) == (1, 0)
    assert (again.documents_added, again.already_present, again.reanalysed, again.events) == (0, 1, 1, 0)
