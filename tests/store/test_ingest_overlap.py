"""What the faster ingest overlaps must not change: files read while the pool analyses, near-copies dated
after the dated documents were sent, the store written by a thread while dedup runs."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

import pipeline.run as run
from pipeline.store import Store
from tests.store.test_run import WORDS, _write, fake_analysis, settings  # noqa: F401 - fixture

TABLES = ("documents", "event_mentions", "dedup_mentions", "events", "event_mention_links")


def _corpus(folder):
    """Enough documents for a pool, over many files: dated stories, undated near-copies of two of them (they
    inherit a date after the dated ones were sent) and the same text twice (stored once)."""
    for i in range(run.POOL_MIN_DOCUMENTS + 8):
        _write(folder, f"{i:03}.txt", f"Story {i}\n\nGates met officials in city {i}. {WORDS}", "2010-09-15")
    _write(folder, "copy-a.txt", "Gates met officials in city 3. " + WORDS)
    _write(folder, "copy-b.txt", "Gates met officials in city 5. " + WORDS + " Reprinted.")
    _write(folder, "twice.txt", "Story 7\n\nGates met officials in city 7. " + WORDS, "2010-09-15")
    (folder / "batch.jsonl").write_text(
        "\n".join(
            f'{{"id": "{k}", "published": "2010-10-0{k}", "text": "Gates met envoys in town {k}. {WORDS}"}}'
            for k in range(1, 6)
        )
        + "\n",
        encoding="utf-8",
    )


def _content(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(map(repr, con.execute(f"SELECT {names} FROM {table}").fetchall()))
        return out
    finally:
        con.close()


def test_pool_and_streamed_files_store_what_one_process_stores(tmp_path, settings):  # noqa: F811
    folder = tmp_path / "in"
    _corpus(folder)
    reports = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        reports[workers] = run.ingest(
            [folder], replace(settings, db_path=db), progress=False, workers=workers
        )
    one, two = reports[1], reports[2]
    assert (one.documents_added, one.already_present) == (two.documents_added, two.already_present)
    assert one.already_present == 1 and one.documents_added == run.POOL_MIN_DOCUMENTS + 8 + 2 + 5
    assert _content(tmp_path / "w1.duckdb") == _content(tmp_path / "w2.duckdb")
    with Store(tmp_path / "w2.duckdb", read_only=True) as store:
        inherited = [d for d in store.documents() if d.published_source == "near_duplicate"]
    assert len(inherited) == 2


def test_incremental_ingest_with_a_pool_equals_one_ingest(tmp_path, settings):  # noqa: F811
    folder = tmp_path / "in"
    _corpus(folder)
    later = tmp_path / "later"
    for i in range(run.POOL_MIN_DOCUMENTS):
        _write(later, f"l{i:03}.txt", f"Later {i}\n\nGates met officials in port {i}. {WORDS}", "2010-12-01")
    both = replace(settings, db_path=tmp_path / "both.duckdb")
    run.ingest([folder, later], both, progress=False, workers=2)
    steps = replace(settings, db_path=tmp_path / "steps.duckdb")
    run.ingest([folder], steps, progress=False, workers=2)
    second = run.ingest([later], steps, progress=False, workers=2)
    assert second.documents_added == run.POOL_MIN_DOCUMENTS
    assert _content(tmp_path / "both.duckdb") == _content(tmp_path / "steps.duckdb")


def test_a_failed_background_write_is_raised_and_stores_nothing(tmp_path, monkeypatch):
    from pipeline.documents import make_document

    doc = make_document("Gates met Serdyukov. " + WORDS, "t.txt", {"published": "2010-09-15"})
    analysis, _ = fake_analysis((doc, None))
    with Store(tmp_path / "t.duckdb") as store:
        monkeypatch.setattr(store, "_insert_all", _boom)
        wait = store.add_in_background([analysis])
        with pytest.raises(RuntimeError, match="disk full"):
            wait()
        assert store.doc_ids() == set()


def test_background_write_stores_what_add_stores(tmp_path):
    from pipeline.documents import make_document

    docs = [
        make_document(f"Gates met envoy {i}. " + WORDS, f"{i}.txt", {"published": "2010-09-15"})
        for i in range(3)
    ]
    analyses = [fake_analysis((d, None))[0] for d in docs]
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        assert a.add(analyses + analyses[:1]) == 3
        assert b.add_in_background(analyses + analyses[:1])() == 3
        assert b.add_in_background(analyses)() == 0  # idempotent, as ``add``
    assert _content_docs(tmp_path / "a.duckdb") == _content_docs(tmp_path / "b.duckdb")


def _content_docs(db):
    return {
        t: rows for t, rows in _content(db).items() if t in ("documents", "event_mentions", "dedup_mentions")
    }


def _boom(*args, **kwargs):
    raise RuntimeError("disk full")


def test_new_documents_keep_their_payloads_when_dedup_rules_changed(tmp_path, settings):  # noqa: F811
    from pipeline.store_events import STATE_KEY

    first, later = tmp_path / "first", tmp_path / "later"
    for i in range(4):
        _write(first, f"f{i}.txt", f"First {i}\n\nGates met officials in city {i}. {WORDS}", "2010-09-15")
        _write(later, f"l{i}.txt", f"Later {i}\n\nGates met officials in port {i}. {WORDS}", "2010-12-01")
    steps = replace(settings, db_path=tmp_path / "steps.duckdb")
    run.ingest([first], steps, progress=False)
    with Store(steps.db_path) as store:
        store.set_meta(STATE_KEY, "made-by-older-rules")  # the next ingest rewrites every payload
    run.ingest([later], steps, progress=False)
    once = replace(settings, db_path=tmp_path / "once.duckdb")
    run.ingest([first, later], once, progress=False)
    assert _content(steps.db_path) == _content(once.db_path)
    assert len(_content(steps.db_path)["dedup_mentions"]) == 8


def test_reanalyse_with_a_pool_equals_one_process(tmp_path, settings):  # noqa: F811
    folder = tmp_path / "in"
    _corpus(folder)
    stores = {}
    for workers in (1, 2):
        target = replace(settings, db_path=tmp_path / f"r{workers}.duckdb")
        run.ingest([folder], target, progress=False, workers=workers)
        report = run.ingest([folder], target, progress=False, workers=workers, reanalyse=True)
        assert report.documents_added == 0 and report.reanalysed == report.already_present - 1
        stores[workers] = _content(target.db_path)
    assert stores[1] == stores[2]


def test_dedup_streamed_during_the_analysis_stores_what_one_process_stores(tmp_path, settings, monkeypatch):  # noqa: F811
    import pipeline.store_stream as store_stream

    monkeypatch.setattr(run, "_spare_core", lambda workers: True)  # as on a machine with a core to spare
    handed = []
    given = store_stream.StreamingDedup.clustering_for

    def clustering_for(self, analyses, canonical):
        clustering = given(self, analyses, canonical)
        handed.append(clustering is not None)
        return clustering

    monkeypatch.setattr(store_stream.StreamingDedup, "clustering_for", clustering_for)
    folder = tmp_path / "in"
    _corpus(folder)
    for workers in (1, 2):
        run.ingest(
            [folder],
            replace(settings, db_path=tmp_path / f"w{workers}.duckdb"),
            progress=False,
            workers=workers,
        )
    assert handed == [True]  # the pool's ingest took the streamed clustering
    assert _content(tmp_path / "w1.duckdb") == _content(tmp_path / "w2.duckdb")
