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
from pipeline.dedup_match import Cluster
from pipeline.dedup_rules import load_rules
from pipeline.model import Actor, Document, DocumentAnalysis
from pipeline.store_rows import Rows

# Times the clustering may start over (a new name changing a used actor) before the stream gives up.
MAX_RESTARTS = 3
# Every BUILD_EVERY documents clustered, the events no mention joined in the last SETTLE documents get
# their rows made ahead of the end (made again at the end if a mention joins them later).
BUILD_EVERY = 100
SETTLE = 200


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
        self.unknown: set[str] = set()  # actor_ids of clustered mentions without a canonical form then
        self.documents: dict[str, Document] = {}
        self._reset()

    def _reset(self) -> None:
        self.clustering = Clustering(self.rules)
        self.memo: dict = {}
        self.touched: dict[int, int] = {}  # event number -> position of the last document that joined it
        self.built: dict[int, tuple[int, Rows]] = {}  # event number -> (its size then, its rows)
        self.next_build = self.position + BUILD_EVERY

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
        if self.active and self.position >= self.next_build:
            self._build_settled()
            self.next_build = self.position + BUILD_EVERY

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
        self.used, self.unknown = {}, set()
        self._reset()
        for entry in self.done:
            self._cluster(entry)

    def _cluster(self, entry: tuple[DocumentAnalysis, Sequence | None]) -> None:
        from pipeline.store_events import held_items

        analysis, text = entry
        canonical = self.unifier.unified
        self.documents[analysis.document.doc_id] = analysis.document
        texts = {analysis.document.doc_id: text} if text is not None else {}
        for item in sorted(held_items([analysis], canonical, self.rules, texts, self.memo), key=_order):
            self.touched[self.clustering.add(item)] = self.position
        for mention in analysis.event_mentions:
            for role in mention.actors:
                if role.actor_id not in self.used:
                    if role.actor_id in canonical:
                        self.used[role.actor_id] = view(canonical[role.actor_id])
                    else:
                        self.unknown.add(role.actor_id)

    def _build_settled(self) -> None:
        from pipeline.store_events import cluster_rows

        horizon = self.position - SETTLE
        for cid in [cid for cid, position in self.touched.items() if position <= horizon]:
            del self.touched[cid]
            cluster = self.clustering.clusters[cid]
            rows = cluster_rows(cluster, self.rules, self.lexicon_dir, self.documents)
            self.built[cid] = (len(cluster.members), rows)

    def rows_of(self, cid: int, cluster: Cluster) -> Rows | None:
        """The rows made ahead for event ``cid``, if no mention joined it since."""
        built = self.built.get(cid)
        return built[1] if built is not None and built[0] == len(cluster.members) else None

    def _give_up(self) -> None:
        self.active = False
        self.done, self.ready, self.used, self.documents = [], {}, {}, {}
        self._reset()

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
        # (an actor of a mention is in ``used`` or was in ``unknown``: only those can lack their form)
        if any(i not in self.used and i in canonical for i in self.unknown):
            return None
        return self.clustering


def _order(item: object) -> tuple:
    return item.order  # type: ignore[attr-defined]
