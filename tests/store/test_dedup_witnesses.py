"""The members a mention's evidence is looked for in: its own article's, then the event's sample, each
member once and in that order (``dedup_match._witnesses``)."""

from __future__ import annotations

from types import SimpleNamespace

from pipeline.dedup_match import Cluster, _witnesses


def _item(doc_id: str, n: int) -> SimpleNamespace:
    return SimpleNamespace(mention=SimpleNamespace(doc_id=doc_id), n=n)


def test_the_article_s_own_members_come_first_then_the_rest_of_the_sample_once():
    a1, a2, b1, c1 = _item("a", 1), _item("a", 2), _item("b", 1), _item("c", 1)
    cluster = Cluster(by_doc={"a": [a1, a2], "b": [b1], "c": [c1]}, sample=[b1, a2, c1])
    assert [w.n for w in _witnesses(cluster, _item("a", 9))] == [1, 2, 1, 1]
    assert list(_witnesses(cluster, _item("a", 9))) == [a1, a2, b1, c1]


def test_a_mention_of_another_article_sees_the_sample():
    b1, c1 = _item("b", 1), _item("c", 1)
    cluster = Cluster(by_doc={"b": [b1], "c": [c1]}, sample=[c1, b1])
    assert list(_witnesses(cluster, _item("z", 1))) == [c1, b1]
