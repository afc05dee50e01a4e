"""Near-duplicate documents, and publication dates inherited from them.

Reprints of wire and press-service stories often drop the dateline (the seed reprint states no date at all)
while the original is dated. Two documents are compared by their sets of word 5-gram shingles; for an undated
document U and a dated D, ``containment = |U ∩ D| / |U|`` is the share of U's text found in D — high for a
reprint of parts of D even when D is much longer (Jaccard would be low there).

Scale: no all-pairs comparison. Shingles are hashed; an inverted index maps a shingle hash to the
documents holding it, so only documents sharing shingles become candidates, and each candidate pair is then
verified on the full shingle sets. When a batch holds more than about two million shingles, only hashes
divisible by a modulus are kept (a uniform sample, the same for every document), which bounds memory.
Shingles found in very many documents (boilerplate such as agency footers) are not used to find candidates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from pipeline.model import Document

SHINGLE_WORDS = 5
MIN_SHINGLES = 8  # texts shorter than this (about a dozen words) are never called copies
_INDEX_BUDGET = 2_000_000  # postings kept in memory before the index switches to sampling
# Dated sources verified on their full texts per undated document: the most promising by shared shingles
# (then the earliest). A story reprinted hundreds of times otherwise made every undated copy re-read every
# dated copy (37 s for 10,000 articles of 27 stories, 2 s with this bound).
_VERIFIED_SOURCES = 8
_FULL_SETS_KEPT = 512  # full shingle sets of verified sources kept for the next undated copy
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearDuplicate:
    """``doc_id`` is largely contained in ``other_id``: ``containment`` of doc's shingles found in other."""

    doc_id: str
    other_id: str
    containment: float
    jaccard: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of the word ``size``-grams of ``text`` (case-folded words; punctuation and spacing ignored).

    Python's tuple hash: fast, stable within a process (which is all a comparison needs), not across
    processes, so never store these values.
    """
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([hash(tuple(words))]) if words else frozenset()
    return frozenset(map(hash, zip(*(words[k:] for k in range(size)), strict=False)))


def _similarity(small: frozenset[int], big: frozenset[int]) -> tuple[float, float]:
    common = len(small & big)
    union = len(small) + len(big) - common
    return (common / len(small) if small else 0.0), (common / union if union else 0.0)


class _Shingled:
    """Per-call view of a batch: each document's shingle count and its (sampled) shingles, plus an inverted
    index over chosen members. Full shingle sets are recomputed only for candidate pairs (a bounded number
    of them kept), so memory stays proportional to the sample whatever the batch size."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = docs
        words = sum(len(d.text) for d in docs) // 6  # about one shingle per word
        self.modulus = 1 + words // _INDEX_BUDGET
        self.sizes: list[int] = []
        self.sampled: list[frozenset[int]] = []
        for doc in docs:
            full = shingles(doc.text)
            self.sizes.append(len(full))
            self.sampled.append(
                full if self.modulus == 1 else frozenset(h for h in full if h % self.modulus == 0)
            )
        self.postings: dict[int, list[int]] = defaultdict(list)
        self.max_postings = 500
        self._kept: dict[int, frozenset[int]] = {}

    def index(self, members: Sequence[int], wanted: Sequence[int] | None = None) -> None:
        """Index ``members``; with ``wanted``, only the shingles those documents have (the only ones
        ``candidates`` will be asked about: the same lists, a fraction of the work)."""
        self.max_postings = max(500, len(members) // 20)  # longer lists are boilerplate (agency footers)
        postings = self.postings
        if wanted is None:
            for i in members:
                for h in self.sampled[i]:
                    postings[h].append(i)
            return
        kept = frozenset().union(*(self.sampled[i] for i in wanted))
        for i in members:
            for h in self.sampled[i] & kept:
                postings[h].append(i)

    def full(self, i: int) -> frozenset[int]:
        if self.modulus == 1:
            return self.sampled[i]
        kept = self._kept.get(i)
        if kept is None:
            kept = shingles(self.docs[i].text)
            if len(self._kept) < _FULL_SETS_KEPT:
                self._kept[i] = kept
        return kept

    def candidates(self, i: int, floor: float) -> list[int]:
        """Indexed documents sharing enough sampled shingles with document ``i`` to reach ``floor``, the
        most shared first."""
        return [j for j, _ in self.shared(i, floor)]

    def shared(self, i: int, floor: float) -> list[tuple[int, int]]:
        """``candidates`` with the number of sampled shingles each shares with document ``i``."""
        sampled = self.sampled[i]
        counts: Counter[int] = Counter()
        for h in sampled:
            posting = self.postings.get(h)
            if posting and len(posting) <= self.max_postings:
                counts.update(posting)
        needed = max(1, int(0.5 * floor * len(sampled)))  # slack for sampling and skipped boilerplate
        return [(j, n) for j, n in counts.most_common() if n >= needed and j != i]


def _threshold(threshold: float | None) -> float:
    if threshold is not None:
        return threshold
    from pipeline.config import Settings

    return Settings().near_duplicate_threshold


def find_near_duplicates(docs: Sequence[Document], threshold: float | None = None) -> list[NearDuplicate]:
    """Every pair whose smaller text is at least ``threshold`` contained in the other, most similar first.

    Each pair appears once, with ``doc_id`` the document with fewer shingles. Identical texts (same doc_id)
    are one document and are not reported.
    """
    limit = _threshold(threshold)
    batch = _Shingled(docs)
    members = [i for i, n in enumerate(batch.sizes) if n >= MIN_SHINGLES]
    batch.index(members)
    pairs: dict[tuple[str, str], NearDuplicate] = {}
    for i in members:
        mine: frozenset[int] | None = None
        for j in batch.candidates(i, limit):
            if docs[i].doc_id == docs[j].doc_id or (batch.sizes[j], j) < (batch.sizes[i], i):
                continue
            mine = mine if mine is not None else batch.full(i)
            containment, jaccard = _similarity(mine, batch.full(j))
            if containment >= limit:
                key = (docs[i].doc_id, docs[j].doc_id)
                pairs[key] = NearDuplicate(key[0], key[1], round(containment, 4), round(jaccard, 4))
    return sorted(pairs.values(), key=lambda p: (-p.containment, p.doc_id, p.other_id))


def inherit_dates(docs: Sequence[Document], threshold: float | None = None) -> list[Document]:
    """Return ``docs`` (same order) where each undated document that is largely a copy of a dated one takes
    its date, with ``published_source="near_duplicate"`` and a note naming the source and the similarity.

    Only dates from metadata, HTML or a dateline are passed on (never a date that was itself inherited).
    The best source is the most similar; on a tie, the earliest published (the original, not a later reprint).
    """
    limit = _threshold(threshold)
    dated = [
        i for i, d in enumerate(docs) if d.published is not None and d.published_source != "near_duplicate"
    ]
    if not dated or all(d.published is not None for d in docs):
        return list(docs)
    batch = _Shingled(docs)
    undated = [i for i, d in enumerate(docs) if d.published is None and batch.sizes[i] >= MIN_SHINGLES]
    batch.index([i for i in dated if batch.sizes[i]], wanted=undated)
    result = list(docs)
    for i in undated:
        options: list[tuple[float, date, int]] = []
        mine: frozenset[int] | None = None
        shared = [(j, n) for j, n in batch.shared(i, limit) if docs[j].doc_id != docs[i].doc_id]
        shared.sort(key=lambda c: (-c[1], docs[c[0]].published or date.max, c[0]))
        for j, _ in shared[:_VERIFIED_SOURCES]:
            mine = mine if mine is not None else batch.full(i)
            containment, _ = _similarity(mine, batch.full(j))
            if containment >= limit:
                options.append((containment, docs[j].published or date.max, j))
        best = min(options, key=lambda o: (-o[0], o[1]), default=None)
        if best is not None:
            source = docs[best[2]]
            result[i] = replace(
                docs[i],
                published=source.published,
                published_source="near_duplicate",
                published_note=f"inherited from near-duplicate {source.doc_id} (similarity {best[0]:.2f})",
            )
    return result
