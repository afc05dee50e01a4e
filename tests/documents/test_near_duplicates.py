"""Near-duplicates: the reprint inherits the original's date, flagged; nothing else changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pipeline.documents import load_file, load_paths, make_document
from pipeline.near_duplicates import find_near_duplicates, inherit_dates

STORY = (
    "The defense ministers of the two countries met in the capital for five hours of talks on missile "
    "defense, arms control and regional security. They signed an agreement creating a working group on "
    "military reform and agreed to resume joint exercises next year, officials said. The ministers will "
    "meet again in the spring to review progress on the exchange program for junior officers."
)
OTHER = (
    "Heavy rain flooded the river valley overnight and the army sent engineers with boats and trucks to "
    "evacuate villages. Rescue teams worked through the night while the weather service warned of more "
    "storms over the weekend across the northern provinces and the coast."
)


def _doc(text: str, source: str, published: str | None = None):
    return make_document(text, source, {"published": published})


def test_seed_reprint_inherits_the_seed_date(seeds_dir: Path) -> None:
    docs = inherit_dates(load_paths([seeds_dir]).documents)
    by_name = {Path(d.source).name: d for d in docs}
    reprint, original = by_name["000_dabf0e6dfbbbeb29.txt"], by_name["001_41e0a3642f2b72d8.txt"]
    assert (reprint.published, reprint.published_source) == (date(2010, 9, 15), "near_duplicate")
    assert original.doc_id in (reprint.published_note or "") and "similarity" in (
        reprint.published_note or ""
    )
    assert original.published_source == "metadata"


def test_reprint_alone_stays_undated(seeds_dir: Path) -> None:
    docs = inherit_dates(load_file(seeds_dir / "000_dabf0e6dfbbbeb29.txt"))
    assert docs[0].published is None


def test_unrelated_undated_document_inherits_nothing() -> None:
    docs = inherit_dates([_doc(STORY, "a", "2011-05-04"), _doc(OTHER, "b")])
    assert docs[1].published is None and docs[1].published_source == "none"


def test_partial_copy_inherits_and_most_similar_source_wins() -> None:
    copy = "Reprinted from a press service: " + STORY[: len(STORY) * 2 // 3]
    far = _doc(STORY[:120] + " " + OTHER, "far", "2011-01-01")
    near = _doc(STORY, "near", "2011-05-04")
    docs = inherit_dates([far, _doc(copy, "copy"), near])
    assert docs[1].published == date(2011, 5, 4)
    assert near.doc_id in (docs[1].published_note or "")
    assert docs[0] is far and docs[2] is near


def test_on_a_tie_the_earliest_original_wins() -> None:
    later = _doc(STORY + " Updated.", "later", "2011-06-01")
    first = _doc(STORY + " Original.", "first", "2011-05-04")
    docs = inherit_dates([later, first, _doc(STORY, "copy")])
    assert docs[2].published == date(2011, 5, 4)


def test_among_many_equal_reprints_the_earliest_wins_wherever_it_is_read() -> None:
    # more equally similar dated copies than are verified on their full texts, the earliest read last
    copies = [_doc(f"{STORY} Reprint {k}.", f"r{k}", f"2011-06-{k + 1:02d}") for k in range(20)]
    first = _doc(STORY + " Original.", "first", "2011-05-04")
    docs = inherit_dates([*copies, first, _doc(STORY, "copy")])
    assert docs[-1].published == date(2011, 5, 4)
    assert first.doc_id in (docs[-1].published_note or "")


def test_inherited_dates_are_not_passed_on() -> None:
    inherited = replace(_doc(STORY, "x"), published=date(2011, 5, 4), published_source="near_duplicate")
    docs = inherit_dates([inherited, _doc(STORY + " More.", "y")])
    assert docs[1].published is None


def test_threshold_is_respected() -> None:
    half = STORY[: len(STORY) // 2] + " " + OTHER  # about 40 % of its shingles are copied
    docs = [_doc(STORY, "a", "2011-05-04"), _doc(half, "b")]
    assert inherit_dates(docs, threshold=0.45)[1].published is None
    assert inherit_dates(docs, threshold=0.35)[1].published == date(2011, 5, 4)


def test_find_near_duplicates_reports_each_pair_once(seeds_dir: Path) -> None:
    docs = load_paths([seeds_dir]).documents + [_doc(OTHER, "other")]
    pairs = find_near_duplicates(docs)
    assert len(pairs) == 1
    small = min(docs[:2], key=lambda d: len(d.text))
    assert pairs[0].doc_id == small.doc_id and pairs[0].containment > 0.8 > pairs[0].jaccard


def test_sampled_index_for_large_batches_still_finds_the_reprint(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.near_duplicates as near

    monkeypatch.setattr(near, "_INDEX_BUDGET", 200)  # forces a modulus > 1 on the two seeds
    docs = load_paths([seeds_dir]).documents
    assert near._Shingled(docs).modulus > 1
    dated = inherit_dates(docs)
    assert [d.published_source for d in dated].count("near_duplicate") == 1
