"""The writer that stores documents while their batch is analysed: all of the batch, or nothing."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from pipeline.documents import make_document
from pipeline.store import Store
from pipeline.store_writer import PART, BackgroundWriter
from tests.store.test_ingest_overlap import _content_docs
from tests.store.test_run import WORDS, fake_analysis

NOW = datetime(2026, 1, 1, 12, 0)


def _analyses(n: int) -> list:
    docs = [
        make_document(f"Gates met envoy {i}. " + WORDS, f"{i}.txt", {"published": "2010-09-15"})
        for i in range(n)
    ]
    return [fake_analysis((d, None))[0] for d in docs]


def test_parts_are_committed_together_and_repeats_skipped(tmp_path):
    analyses = _analyses(PART + 3)
    with Store(tmp_path / "a.duckdb") as store:
        writer = BackgroundWriter(store)
        for a in [*analyses, analyses[0]]:
            writer.put(a, None)
        assert writer.finish()() == PART + 3
    with Store(tmp_path / "b.duckdb") as other:
        assert other.add(analyses) == PART + 3
    assert _content_docs(tmp_path / "a.duckdb") == _content_docs(tmp_path / "b.duckdb")


def test_abort_stores_nothing(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        writer = BackgroundWriter(store)
        for a in _analyses(PART + 1):  # one part already written in the transaction
            writer.put(a, None)
        writer.abort()
        assert store.doc_ids() == set()


def test_a_failed_write_is_raised_and_stores_nothing(tmp_path, monkeypatch):
    with Store(tmp_path / "a.duckdb") as store:
        writer = BackgroundWriter(store)
        monkeypatch.setattr(store, "_insert_all", _boom)
        for a in _analyses(PART + 1):
            writer.put(a, None)
        with pytest.raises(RuntimeError, match="disk full"):
            writer.finish()()
        assert store.doc_ids() == set()


def test_finish_returns_once_every_row_is_inserted(tmp_path, monkeypatch):
    with Store(tmp_path / "a.duckdb") as store:
        writer = BackgroundWriter(store, hold=True)
        inserted: list[int] = []
        insert = store._insert_arrow

        def slow_insert(tables, con=None):  # a slow disk: finish must still wait for it
            time.sleep(0.2)
            insert(tables, con)
            inserted.append(sum(t.num_rows for t in tables.values()))

        monkeypatch.setattr(store, "_insert_arrow", slow_insert)
        for a in _analyses(3):  # fewer than a part: all of it is handed over by finish
            writer.put(a, None)
        wait = writer.finish()
        assert inserted  # inserted before the commit is waited for
        assert wait() == 3


def _boom(*args, **kwargs):
    raise RuntimeError("disk full")


def test_rows_given_as_arrow_tables_store_what_add_stores(tmp_path):
    from pipeline.store_arrow import arrow_tables
    from pipeline.store_rows import DOCUMENT_TABLES, merge_rows, prepare_document

    analyses = _analyses(5)
    prepared = [prepare_document(a, NOW, None) for a in analyses]
    with Store(tmp_path / "a.duckdb") as store:
        schemas = {t: store._schema(t) for t in DOCUMENT_TABLES}
        writer = BackgroundWriter(store)
        writer.put_tables(arrow_tables(merge_rows([p.rows for p in prepared[:3]]), schemas))
        writer.put_tables(arrow_tables(merge_rows([p.rows for p in prepared[2:]]), schemas))  # one again
        assert writer.finish()() == 5
    with Store(tmp_path / "b.duckdb") as other:
        given = {a.document.doc_id: p for a, p in zip(analyses, prepared, strict=True)}
        assert other.add(analyses, given) == 5
    assert _content_docs(tmp_path / "a.duckdb") == _content_docs(tmp_path / "b.duckdb")
