"""Dedup of a first ingest done while the workers still analyse: mentions are clustered in reading order as
soon as every earlier document (in that order) has come back, so that only building the events is left once
the last analysis arrives.

Dedup is greedy in reading order (``pipeline.dedup``), and it compares mentions through their canonical
actors, which depend on every document's actor records. Here they are unified from the records seen so far
(``IncrementalUnifier``: only the blocks a new name falls in are grouped again); when a new record changes
the canonical form of an actor already used, the clustering starts over (a few times at most, then the
stream gives up and ``store_events.rebuild`` clusters everything at the end as before). ``clustering_for``
hands the clustering over only when it is exactly what ``rebuild`` would build: the same documents in the
same order, and every actor used with the canonical form the final unification gives it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from pipeline.dedup import Clustering, actor_records
from pipeline.dedup_rules import load_rules
from pipeline.model import Actor, Document, DocumentAnalysis

# Times the clustering may start over (a new name changing a used actor) before the stream gives up.
MAX_RESTARTS = 3


def reading_key(document: Document) -> tuple:
    """A document's place in dedup's reading order (undated last, then date, then doc_id)."""
    return (document.published is None, document.published or date.min, document.doc_id)


def view(actor: Actor) -> tuple:
    """What dedup compares of a canonical actor (not its aliases)."""
    return actor.actor_id, actor.name, actor.kind, actor.country, actor.sector


class StreamingDedup:
    """Clusters the mentions of the analyses given to ``add`` (in any order) in reading order, once
    ``expect`` has said which documents will come."""

    def __init__(self, lexicon_dir: Path | None, threshold: float = 85.0) -> None:
        from pipeline.events.actor_unify import IncrementalUnifier

        self.lexicon_dir = lexicon_dir
        self.rules = load_rules(lexicon_dir)
        self.unifier = IncrementalUnifier(threshold)
        self.active = True
        self.restarts = 0
        self.order: list[str] | None = None
        self.position = 0
        self.ready: dict[str, tuple[DocumentAnalysis, Sequence | None] | None] = {}
        self.first_doc: dict[str, str] = {}  # actor_id -> doc_id its record comes from (the smallest)
        self.done: list[tuple[DocumentAnalysis, Sequence | None]] = []
        self.used: dict[str, tuple] = {}  # actor_id of a clustered mention -> view it was clustered with
        self.clustering = Clustering(self.rules)
        self.memo: dict = {}

    def expect(self, documents: Iterable[Document]) -> None:
        """Every document this ingest analyses (with its final date): the reading order to follow."""
        self.order = [d.doc_id for d in sorted(documents, key=reading_key)]
        self._advance()

    def add(self, analysis: DocumentAnalysis, text: Sequence | None) -> None:
        """One analysis back from a worker, with its mentions' text features (None: to compute)."""
        if not self.active:
            return
        doc_id = analysis.document.doc_id
        self.ready[doc_id] = (analysis, text)
        for actor in actor_records(analysis):
            first = self.first_doc.get(actor.actor_id)
            if first is None or doc_id < first:
                self.first_doc[actor.actor_id] = doc_id
                self.unifier.put(actor)
        self._advance()

    def skip(self, doc_id: str) -> None:
        """A document whose analysis failed: dedup never sees it."""
        self.ready[doc_id] = None
        self._advance()

    def _advance(self) -> None:
        if not self.active or self.order is None:
            return
        fresh = False
        while self.position < len(self.order) and self.order[self.position] in self.ready:
            entry = self.ready.pop(self.order[self.position])
            self.position += 1
            if entry is None or not entry[0].event_mentions:
                continue
            if not fresh:
                self._refresh()
                fresh = True
                if not self.active:
                    return
            self.done.append(entry)
            self._cluster(entry)

    def _refresh(self) -> None:
        """Canonical actors for the records seen so far; start over if a used one changed."""
        changed = self.unifier.refresh()
        if changed:
            self.memo = {}  # parties worked out with the canonical forms before
        unified = self.unifier.unified
        if not any(view(unified[i]) != self.used[i] for i in changed if i in self.used):
            return
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            self._give_up()
            return
        self.clustering, self.used, self.memo = Clustering(self.rules), {}, {}
        for entry in self.done:
            self._cluster(entry)

    def _cluster(self, entry: tuple[DocumentAnalysis, Sequence | None]) -> None:
        from pipeline.store_events import held_items

        analysis, text = entry
        canonical = self.unifier.unified
        texts = {analysis.document.doc_id: text} if text is not None else {}
        for item in sorted(held_items([analysis], canonical, self.rules, texts, self.memo), key=_order):
            self.clustering.add(item)
        for mention in analysis.event_mentions:
            for role in mention.actors:
                if role.actor_id not in self.used and role.actor_id in canonical:
                    self.used[role.actor_id] = view(canonical[role.actor_id])

    def _give_up(self) -> None:
        self.active = False
        self.clustering, self.done, self.ready, self.used, self.memo = Clustering(self.rules), [], {}, {}, {}

    def clustering_for(
        self, analyses: Sequence[DocumentAnalysis], canonical: Mapping[str, Actor]
    ) -> Clustering | None:
        """The clustering, if it is what clustering ``analyses`` (sorted) with ``canonical`` gives."""
        if not self.active or self.order is None or self.position < len(self.order):
            return None
        with_mentions = sorted(
            (a for a in analyses if a.event_mentions), key=lambda a: reading_key(a.document)
        )
        if [a.document.doc_id for a in with_mentions] != [a.document.doc_id for a, _ in self.done]:
            return None
        if any(
            len(a.event_mentions) != len(b.event_mentions)
            for a, (b, _) in zip(with_mentions, self.done, strict=True)
        ):
            return None
        for actor_id, seen in self.used.items():
            actor = canonical.get(actor_id)
            if actor is None or view(actor) != seen:
                return None
        for mention in (m for a, _ in self.done for m in a.event_mentions):
            if any(r.actor_id not in self.used and r.actor_id in canonical for r in mention.actors):
                return None
        return self.clustering


def _order(item: object) -> tuple:
    return item.order  # type: ignore[attr-defined]
