"""Near-duplicate documents, and publication dates inherited from them.

Reprints of wire and press-service stories often drop the dateline (the seed reprint states no date at all)
while the original is dated. Two documents are compared by their sets of word 5-gram shingles; for an undated
document U and a dated D, ``containment = |U ∩ D| / |U|`` is the share of U's text found in D — high for a
reprint of parts of D even when D is much longer (Jaccard would be low there).

Scale: no all-pairs comparison. Shingles are hashed; an inverted index maps a (sampled, when the batch is
large) shingle hash to the documents holding it, so only documents sharing shingles become candidates, and
each candidate is then verified on the full shingle sets. Shingles found in very many documents (boilerplate
such as agency footers) are not used to find candidates.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.model import Document

SHINGLE_WORDS = 5
MIN_SHINGLES = 8  # texts shorter than this (about a dozen words) are never called copies
_INDEX_BUDGET = 2_000_000  # postings kept in memory before the index switches to sampling
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NearDuplicate:
    """``doc_id`` is largely contained in ``other_id``: ``containment`` of doc's shingles found in other."""

    doc_id: str
    other_id: str
    containment: float
    jaccard: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Hashes of the word ``size``-grams of ``text`` (case-folded words; punctuation and spacing ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1))


def _similarity(small: frozenset[int], big: frozenset[int]) -> tuple[float, float]:
    common = len(small & big)
    union = len(small) + len(big) - common
    return (common / len(small) if small else 0.0), (common / union if union else 0.0)


class _Index:
    """Inverted index from sampled shingle hash to the positions of the documents holding it."""

    def __init__(self, sets: Sequence[frozenset[int]], members: Sequence[int]) -> None:
        total = sum(len(sets[i]) for i in members)
        self.modulus = 1 + total // _INDEX_BUDGET
        self.max_postings = max(50, len(members) // 100)
        self.postings: dict[int, list[int]] = defaultdict(list)
        for i in members:
            for h in self.sample(sets[i]):
                self.postings[h].append(i)

    def sample(self, shingle_set: frozenset[int]) -> list[int]:
        if self.modulus == 1:
            return list(shingle_set)
        return [h for h in shingle_set if h % self.modulus == 0]

    def candidates(self, shingle_set: frozenset[int], floor: float) -> list[int]:
        """Documents sharing enough sampled shingles to possibly reach ``floor`` containment."""
        sampled = self.sample(shingle_set)
        if not sampled:
            return []
        counts: Counter[int] = Counter()
        for h in sampled:
            posting = self.postings.get(h)
            if posting and len(posting) <= self.max_postings:
                counts.update(posting)
        needed = max(1, int(0.5 * floor * len(sampled)))  # slack: sampling and skipped boilerplate
        return [i for i, n in counts.most_common() if n >= needed]


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
    sets = [shingles(d.text) for d in docs]
    members = [i for i, s in enumerate(sets) if len(s) >= MIN_SHINGLES]
    index = _Index(sets, members)
    pairs: dict[tuple[str, str], NearDuplicate] = {}
    for i in members:
        for j in index.candidates(sets[i], limit):
            if docs[i].doc_id == docs[j].doc_id or len(sets[j]) < len(sets[i]):
                continue
            if len(sets[j]) == len(sets[i]) and j < i:
                continue
            containment, jaccard = _similarity(sets[i], sets[j])
            if containment >= limit:
                key = (docs[i].doc_id, docs[j].doc_id)
                pairs[key] = NearDuplicate(
                    docs[i].doc_id, docs[j].doc_id, round(containment, 4), round(jaccard, 4)
                )
    return sorted(pairs.values(), key=lambda p: (-p.containment, p.doc_id, p.other_id))


def inherit_dates(docs: Sequence[Document], threshold: float | None = None) -> list[Document]:
    """Return ``docs`` (same order) where each undated document that is largely a copy of a dated one takes
    its date, with ``published_source="near_duplicate"`` and a note naming the source and the similarity.

    Only dates from metadata, HTML or a dateline are passed on (never a date that was itself inherited).
    The best source is the most similar; on a tie, the earliest published (the original, not a later reprint).
    """
    limit = _threshold(threshold)
    sets = [shingles(d.text) for d in docs]
    dated = [
        i for i, d in enumerate(docs) if d.published is not None and d.published_source != "near_duplicate"
    ]
    undated = [i for i, d in enumerate(docs) if d.published is None and len(sets[i]) >= MIN_SHINGLES]
    if not dated or not undated:
        return list(docs)
    index = _Index(sets, [i for i in dated if sets[i]])
    result = list(docs)
    for i in undated:
        best: tuple[float, int] | None = None
        for j in index.candidates(sets[i], limit):
            containment, _ = _similarity(sets[i], sets[j])
            if containment < limit or docs[j].doc_id == docs[i].doc_id:
                continue
            if best is None or (containment, -docs[j].published.toordinal()) > (  # type: ignore[union-attr]
                best[0],
                -docs[best[1]].published.toordinal(),  # type: ignore[union-attr]
            ):
                best = (containment, j)
        if best is not None:
            source = docs[best[1]]
            result[i] = replace(
                docs[i],
                published=source.published,
                published_source="near_duplicate",
                published_note=f"inherited from near-duplicate {source.doc_id} (similarity {best[0]:.2f})",
            )
    return result
