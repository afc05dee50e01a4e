"""The held writer of a first ingest without a spare core: the rows are made into Arrow tables as the
analyses come back and inserted in one go once the batch is handed over, beside the streamed dedup; what
is stored does not change."""

from __future__ import annotations

import time
from dataclasses import replace

import pipeline.run as run
import pipeline.store_writer as store_writer
from pipeline.store import Store
from pipeline.store_writer import PART, BackgroundWriter
from tests.store.test_ingest_overlap import _content, _content_docs, _corpus
from tests.store.test_run import settings  # noqa: F401 - fixture
from tests.store.test_writer import _analyses


def _count_inserts(store, monkeypatch) -> list[int]:
    """Rows per table given to each non-empty ``_insert_arrow`` call of ``store``."""
    calls: list[int] = []
    insert = store._insert_arrow

    def counted(tables, con=None):
        if tables:
            calls.append(sum(t.num_rows for t in tables.values()))
        return insert(tables, con)

    monkeypatch.setattr(store, "_insert_arrow", counted)
    return calls


def test_a_held_writer_inserts_once_at_the_end_and_stores_what_add_stores(tmp_path, monkeypatch):
    analyses = _analyses(2 * PART + 3)
    with Store(tmp_path / "a.duckdb") as store:
        calls = _count_inserts(store, monkeypatch)
        writer = BackgroundWriter(store, hold=True)
        for a in [*analyses, analyses[0]]:
            writer.put(a, None)
        assert calls == []  # two parts converted, nothing inserted yet
        assert writer.finish()() == 2 * PART + 3
        assert len(calls) == 1
    with Store(tmp_path / "b.duckdb") as other:
        assert other.add(analyses) == 2 * PART + 3
    assert _content_docs(tmp_path / "a.duckdb") == _content_docs(tmp_path / "b.duckdb")


def test_an_aborted_held_writer_stores_nothing(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        writer = BackgroundWriter(store, hold=True)
        for a in _analyses(PART + 1):
            writer.put(a, None)
        writer.abort()
        assert store.doc_ids() == set()


def test_a_pooled_first_ingest_without_a_spare_core_streams_dedup_and_holds_its_write(
    tmp_path,
    settings,  # noqa: F811
    monkeypatch,
):
    import pipeline.store_stream as store_stream

    folder = tmp_path / "in"
    _corpus(folder)
    holds: list[bool] = []
    real = store_writer.BackgroundWriter

    def spy(store, hold=False):
        holds.append(hold)
        return real(store, hold)

    handed: list[bool] = []
    given = store_stream.StreamingDedup.clustering_for

    def clustering_for(self, analyses, canonical):
        clustering = given(self, analyses, canonical)
        handed.append(clustering is not None)
        return clustering

    monkeypatch.setattr(store_writer, "BackgroundWriter", spy)
    monkeypatch.setattr(store_stream.StreamingDedup, "clustering_for", clustering_for)
    monkeypatch.setattr(run, "_spare_core", lambda workers: False)  # as on a 2-core machine
    for workers in (1, 2):
        run.ingest([folder], replace(settings, db_path=tmp_path / f"w{workers}.duckdb"), False, workers)
    assert holds == [True]  # the pooled ingest only: rows converted here, inserted at the end
    assert handed == [True]  # and it took the clustering made while the workers analysed
    assert _content(tmp_path / "w1.duckdb") == _content(tmp_path / "w2.duckdb")


def test_a_released_held_writer_inserts_before_the_end_and_stores_what_add_stores(tmp_path, monkeypatch):
    analyses = _analyses(2 * PART + 3)
    with Store(tmp_path / "a.duckdb") as store:
        calls = _count_inserts(store, monkeypatch)
        writer = BackgroundWriter(store, hold=True)
        for a in analyses[:PART]:
            writer.put(a, None)
        time.sleep(0.05)
        assert calls == []  # held
        writer.release()
        for _ in range(200):  # the thread inserts the part it holds, without waiting for the end
            if calls:
                break
            time.sleep(0.01)
        assert calls and store.doc_ids() == set()  # inserted, not committed: the batch is one transaction
        for a in analyses[PART:]:
            writer.put(a, None)
        assert writer.finish()() == 2 * PART + 3
    with Store(tmp_path / "b.duckdb") as other:
        assert other.add(analyses) == 2 * PART + 3
    assert _content_docs(tmp_path / "a.duckdb") == _content_docs(tmp_path / "b.duckdb")
