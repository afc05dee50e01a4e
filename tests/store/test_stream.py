"""Dedup that follows the analyses (``pipeline.store_stream``) must give exactly the events of
``deduplicate``, whatever order the analyses come back in, or hand nothing over."""

from __future__ import annotations

import random
from datetime import date

from pipeline.dedup import canonical_actors, deduplicate, sort_events
from pipeline.dedup_event import build_event
from pipeline.dedup_rules import load_rules
from pipeline.events.actor_unify import IncrementalUnifier, unify_actors
from pipeline.model import Actor, ActorRole
from pipeline.store_stream import MAX_RESTARTS, StreamingDedup
from tests.store.builders import GATES, RUSSIA, SERDYUKOV, analysis, document, mention

BARE_GATES = ActorRole("gates", "Gates", "person", None, None, "actor")


def _meeting(i: int, day: date, actors: tuple[ActorRole, ...], extra: str = "") -> object:
    sentence = f"The minister met his counterpart in Moscow on {day:%B} {day.day}{extra}."
    doc = document(f"Story {i}\n\n{sentence} Filler text {i}.", day, f"{i}.txt")
    return analysis(
        doc,
        mention(
            doc,
            sentence,
            "met",
            "MEETING",
            actors=actors,
            value=day.isoformat(),
            start=day,
            precision="day",
            date_text=f"{day:%B} {day.day}",
        ),
    )


def _corpus() -> list:
    days = [date(2010, 9, 15), date(2010, 9, 15), date(2010, 9, 16), date(2010, 10, 2), date(2011, 1, 5)]
    out = [_meeting(i, d, (GATES, SERDYUKOV)) for i, d in enumerate(days)]
    out.append(_meeting(9, date(2010, 9, 15), (GATES, RUSSIA), " about missile defence"))
    return out


def _streamed(analyses: list, order: list, expected: list | None = None) -> StreamingDedup:
    stream = StreamingDedup(None)
    stream.expect([a.document for a in (expected or analyses)])
    for a in order:
        stream.add(a, None)
    return stream


def _events(stream: StreamingDedup, analyses: list) -> list | None:
    clustering = stream.clustering_for(analyses, canonical_actors(analyses))
    if clustering is None:
        return None
    rules = load_rules(None)
    return sort_events(build_event(c.members, rules, None) for c in clustering.clusters)


def test_any_arrival_order_gives_the_events_of_deduplicate():
    analyses = _corpus()
    expected = deduplicate(analyses)
    assert len(expected) < len(analyses)  # some mentions merged: the order matters
    for seed in range(5):
        order = analyses[:]
        random.Random(seed).shuffle(order)
        assert _events(_streamed(analyses, order), analyses) == expected


def test_a_name_that_changes_a_used_actor_starts_the_clustering_over():
    # the earliest story says only "Gates"; a later one, arriving after it was clustered, gives his full
    # name: the canonical form of "Gates" changes, so the first clustering cannot be kept
    analyses = [_meeting(20, date(2010, 9, 14), (BARE_GATES, SERDYUKOV)), *_corpus()]
    stream = _streamed(analyses, analyses)
    assert stream.restarts == 1
    assert _events(stream, analyses) == deduplicate(analyses)


def test_too_many_restarts_hand_nothing_over():
    analyses = [_meeting(20, date(2010, 9, 14), (BARE_GATES, SERDYUKOV)), *_corpus()]
    stream = StreamingDedup(None)
    stream.expect([a.document for a in analyses])
    stream.restarts = MAX_RESTARTS
    for a in analyses:
        stream.add(a, None)
    assert not stream.active
    assert _events(stream, analyses) is None


def test_a_missing_or_extra_document_hands_nothing_over():
    analyses = _corpus()
    incomplete = _streamed(analyses, analyses[:-1])
    assert _events(incomplete, analyses) is None
    complete = _streamed(analyses, analyses)
    assert _events(complete, analyses[:-1]) is None


def test_incremental_unifier_agrees_with_unify_actors():
    names = ["Robert Gates", "Robert M. Gates", "Gates", "Bill Gates", "Mike Mullen", "Mullen", "Russia"]
    records = [
        Actor(
            name.lower().replace(" ", "-").replace(".", ""), name, "country" if name == "Russia" else "person"
        )
        for name in names
    ]
    unifier = IncrementalUnifier()
    for k, actor in enumerate(records, 1):
        unifier.put(actor)
        unifier.refresh()
        assert unifier.unified == unify_actors(records[:k])
    changed = Actor("mullen", "Mullen", "person", "USA", "MIL")
    unifier.put(changed)
    assert unifier.refresh()
    assert unifier.unified == unify_actors([*records[:5], changed, records[6]])


def test_rows_made_ahead_are_the_rows_rebuild_makes(tmp_path, monkeypatch):
    import pipeline.store_stream as store_stream
    from pipeline.store import Store
    from pipeline.store_events import rebuild
    from tests.store.test_ingest_overlap import _content

    monkeypatch.setattr(store_stream, "BUILD_EVERY", 1)
    monkeypatch.setattr(store_stream, "SETTLE", 0)  # every event made ahead, again after each change
    analyses = [_meeting(20, date(2010, 9, 14), (BARE_GATES, SERDYUKOV)), *_corpus()]
    stream = _streamed(analyses, analyses[::-1])
    assert stream.built
    for name, given in (("streamed", stream), ("rebuilt", None)):
        with Store(tmp_path / f"{name}.duckdb") as store:
            store.add(analyses)
            rebuild(store, analyses, stream=given)
    assert _content(tmp_path / "streamed.duckdb") == _content(tmp_path / "rebuilt.duckdb")
