"""Merge the mentions of one happening, in one or several articles, into a single Event.

Greedy clustering in reading order (oldest article first, then text order). A mention joins the best event it
is compatible with, else starts a new one. *Compatible* is checked against every mention already in the event
(type, status, dates: complete linkage, so a chain can never join "planned 2010" to "occurred 2012"); the
*evidence* that they are the same (shared actors, same wording, a word like "the meetings" that refers back)
needs one member only. Candidates come from blocks (type + actor + year, the article, the exact sentence), so
the work grows with the size of a block, not with the number of events. The rules (cue words, thresholds,
status pairs) live in ``data/lexicon/dedup.yaml``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from pipeline.dedup_event import build_event
from pipeline.dedup_match import Cluster, Features
from pipeline.dedup_rules import DedupRules, load_rules
from pipeline.events import similarity as sim
from pipeline.model import PRECISIONS, Actor, ActorRole, DocumentAnalysis, Event, EventMention

_UNDATED_PRECISIONS = ("vague", "none")


# What dedup reads from a mention's own text (``text_features``): computed once, where the analysis is made
# (a worker process), and kept in the store so that updating events never reads the text again:
# (normalised sentence, content stems, name pairs, trigger stems, additive cue before, anaphoric before).
TextFeatures = tuple[str, frozenset[str], frozenset[str], frozenset[str], bool, bool]


def deduplicate(
    analyses: Sequence[DocumentAnalysis],
    lexicon_dir: Path | None = None,
    fuzzy_threshold: float = 85.0,
    canonical: Mapping[str, Actor] | None = None,
    text: Mapping[str, Sequence[TextFeatures]] | None = None,
) -> list[Event]:
    """All event mentions of ``analyses`` grouped into Events, sorted by date then id (undated last).

    ``canonical`` (actor_id -> canonical Actor) is computed with ``canonical_actors`` when not given;
    ``text`` (doc_id -> ``text_features`` of its mentions) is computed when not given.
    """
    rules = load_rules(lexicon_dir)
    if canonical is None:
        canonical = canonical_actors(analyses, fuzzy_threshold)
    text = text or {}
    prepared = [
        m
        for analysis in analyses
        for m in _prepare(analysis, canonical, rules, text.get(analysis.document.doc_id))
    ]
    clustering = Clustering(rules)
    for item in sorted(prepared, key=lambda m: m.order):
        clustering.add(item)
    return sort_events([build_event(c.members, rules, lexicon_dir) for c in clustering.clusters])


def sort_events(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.start is None, e.start or date.min, e.event_id))


class Clustering:
    """Greedy clustering state: the events built so far and the blocks they are indexed under. Mentions
    must come in reading order (``Features.order``); ``place`` puts a mention into a known event (restoring
    stored events before new mentions are added: the state is then what ``add`` would have built)."""

    def __init__(self, rules: DedupRules) -> None:
        self.rules = rules
        self.clusters: list[Cluster] = []
        self.index: dict[tuple, list[int]] = {}

    def add(self, item: Features) -> int:
        """Put ``item`` into the best event it fits, else a new one; returns that event's number."""
        keys, lookup = _block_keys(item, self.rules)
        best, best_score = None, -1.0
        clusters = self.clusters
        dated = item.interval is not None
        low = high = 0
        if dated:  # ``Cluster.fit``'s first test, done here once per mention: most candidates stop at it
            slack = self.rules.day_tolerance
            low, high = item.interval[0].toordinal() - slack, item.interval[1].toordinal() + slack
        for cid in _candidates(lookup, self.index, self.rules):
            cluster = clusters[cid]
            if dated and cluster.intervals and (high < cluster.first_day or low > cluster.last_day):
                continue  # dated outside every date of the event: fit would say None
            score = cluster.fit(item, self.rules)
            if score is not None and score > best_score:
                best, best_score = cid, score
        return self._put(item, keys, best)

    def place(self, item: Features, cid: int | None) -> int:
        """Put ``item`` into event ``cid`` (None: a new one) without comparing."""
        return self._put(item, _block_keys(item, self.rules)[0], cid)

    def lookup_keys(self, item: Features) -> set[tuple]:
        return _block_keys(item, self.rules)[1]

    def _put(self, item: Features, keys: set[tuple], cid: int | None) -> int:
        if cid is None:
            cid = len(self.clusters)
            self.clusters.append(Cluster())
        cluster = self.clusters[cid]
        cluster.add(item, self.rules.evidence_sample)
        for key in keys - cluster.keys:
            cluster.keys.add(key)
            self.index.setdefault(key, []).append(cid)
        return cid


# ---------------------------------------------------------------- actors


def canonical_actors(analyses: Sequence[DocumentAnalysis], threshold: float = 85.0) -> dict[str, Actor]:
    """actor_id -> the one canonical Actor across documents (``unify_actors``; identity if not available)."""
    return canonical_from_records((r for a in analyses for r in actor_records(a)), threshold)


def actor_records(analysis: DocumentAnalysis) -> list[Actor]:
    """The actors of one document as unification sees them: its actors, then the actors of its event roles
    not among them (first record of each id)."""
    seen: dict[str, Actor] = {}
    for actor in analysis.actors:
        seen.setdefault(actor.actor_id, actor)
    for mention in analysis.event_mentions:
        for role in mention.actors:
            if role.actor_id not in seen:
                seen[role.actor_id] = Actor(role.actor_id, role.name, role.kind, role.country, role.sector)
    return list(seen.values())


def canonical_from_records(records: Iterable[Actor], threshold: float = 85.0) -> dict[str, Actor]:
    """``canonical_actors`` from the documents' ``actor_records`` in document order (first record of an id
    wins), as the store keeps them."""
    seen: dict[str, Actor] = {}
    for actor in records:
        seen.setdefault(actor.actor_id, actor)
    from pipeline.events.actors import unify_actors  # heavy: loaded only when actors are unified

    unified = unify_actors(list(seen.values()), threshold=threshold)
    return {actor_id: unified.get(actor_id, actor) for actor_id, actor in seen.items()}


def _canonical_roles(roles: Sequence[ActorRole], canonical: Mapping[str, Actor]) -> tuple[ActorRole, ...]:
    out: dict[str, ActorRole] = {}
    for role in roles:
        actor = canonical.get(role.actor_id)
        if actor is not None:
            role = ActorRole(actor.actor_id, actor.name, actor.kind, actor.country, actor.sector, role.role)
        out.setdefault(role.actor_id, role)
    return tuple(out.values())


# ---------------------------------------------------------------- features


def text_features(analysis: DocumentAnalysis, rules: DedupRules) -> list[TextFeatures]:
    """What dedup needs from the text of each event mention of ``analysis`` (in order): the sentence with
    actors and dates blanked out, reduced to stems and name pairs, and the cue words before the trigger.
    Mentions of one sentence share its masked text and its words (computed once per sentence)."""
    spans = [(s.start, s.end) for s in (*analysis.actor_mentions, *analysis.timexes)]
    return mention_text_features(analysis.event_mentions, spans, rules)


def mention_text_features(
    mentions: Sequence[EventMention], spans: Iterable[tuple[int, int]], rules: DedupRules
) -> list[TextFeatures]:
    """``text_features`` of ``mentions``, ``spans`` being the (start, end) of the document's actor mentions
    and time expressions (blanked out of the sentences)."""
    spans = sorted(spans)
    per_sentence: dict[tuple[int, int], tuple[str, str, frozenset[str], frozenset[str]]] = {}
    out: list[TextFeatures] = []
    for mention in mentions:
        sent = mention.sentence
        shared = per_sentence.get((sent.start, sent.end))
        if shared is None:
            hidden = [
                (start - sent.start, end - sent.start)
                for start, end in spans
                if start < sent.end and end > sent.start
            ]
            masked = sim.mask(sent.text, hidden)
            shared = (
                masked,
                " ".join(sim.tokens(sent.text)),
                sim.content_stems(masked, rules.stopwords),
                frozenset(
                    n for n in sim.name_bigrams(masked) if not set(n.split()) <= rules.generic_name_words
                ),
            )
            per_sentence[(sent.start, sent.end)] = shared
        masked, sentence_norm, words, names = shared
        before = sim.words_before(masked, mention.trigger.start - sent.start, rules.additive_window)
        trigger_words = sim.tokens(mention.trigger.text)
        out.append(
            (
                sentence_norm,
                words,
                names,
                sim.trigger_stems(mention.trigger.text, rules.stopwords),
                # "hold a [separate] mine-clearing drill": a cue inside a long trigger counts too
                # ... and one right after it: "negotiators met [again] in Washington"
                sim.has_any(before + trigger_words[1:], rules.additive_cues)
                or sim.has_any(trigger_words[1:2], rules.additive_cues_inside)
                or sim.has_any(
                    sim.words_after(masked, mention.trigger.end - sent.start, 1), rules.additive_cues_after
                ),
                sim.has_any(before[-1:] + trigger_words[:1], rules.anaphoric_determiners),
            )
        )
    return out


def _prepare(
    analysis: DocumentAnalysis,
    canonical: Mapping[str, Actor],
    rules: DedupRules,
    text: Sequence[TextFeatures] | None = None,
) -> list[Features]:
    doc = analysis.document
    if text is None or len(text) != len(analysis.event_mentions):
        text = text_features(analysis, rules)
    memo: dict = {}
    return [
        features(mention, doc.published, words, canonical, rules, memo)
        for mention, words in zip(analysis.event_mentions, text, strict=True)
    ]


def features(
    mention: EventMention,
    published: date | None,
    text: TextFeatures,
    canonical: Mapping[str, Actor],
    rules: DedupRules,
    memo: dict | None = None,
) -> Features:
    """A mention ready for comparison: its actors made canonical, its text features attached. ``memo``
    (a dict kept by the caller for one ``canonical``) shares the work on actors among the mentions that
    have the same ones (all the mentions of one sentence, often)."""
    parties = memo.get(mention.actors) if memo is not None else None
    if parties is None:
        parties = _parties(mention.actors, canonical)
        if memo is not None:
            memo[mention.actors] = parties
    roles, changed, people, persons, countries, participants, counterparts, places = parties
    if changed:
        mention = replace(mention, actors=roles)
    sentence_norm, words, names, trigger_stems, additive, anaphoric = text
    return Features(
        mention=mention,
        order=(published is None, published or date.min, mention.doc_id, mention.trigger.start),
        published=published,
        group=rules.type_group(mention.event_type),
        people=people,
        persons=persons,
        countries=countries,
        participants=participants,
        counterparts=counterparts,
        places=places,
        interval=_interval(mention),
        rank=_rank(mention.precision),
        sentence_norm=sentence_norm,
        words=words,
        names=names,
        trigger_stems=trigger_stems,
        additive=additive,
        anaphoric=anaphoric,
    )


def _parties(actors: tuple[ActorRole, ...], canonical: Mapping[str, Actor]) -> tuple:
    """(canonical roles, whether they differ from ``actors``, people, persons, countries, participants,
    counterparts, places) of a mention's actors, the sets frozen."""
    roles = _canonical_roles(actors, canonical)
    people, persons, countries = set(), set(), set()
    counterparts, places = set(), set()
    for r in roles:
        if r.role == "recipient":
            places.add(r.actor_id)
            if r.country:
                places.add(r.country)
            if r.kind != "country":
                counterparts.add(r.actor_id)
        if r.kind != "country":
            people.add(r.actor_id)
            if r.kind == "person":
                persons.add(r.actor_id)
        if r.country:
            countries.add(r.country)
    return (
        roles,
        roles != actors,
        frozenset(people),
        frozenset(persons),
        frozenset(countries),
        frozenset(r.actor_id for r in roles),
        frozenset(counterparts),
        frozenset(places),
    )


def _interval(mention: EventMention) -> tuple[date, date] | None:
    if mention.start is None or mention.precision in _UNDATED_PRECISIONS:
        return None
    return mention.start, mention.end or mention.start


def _rank(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


# ---------------------------------------------------------------- blocking


def _block_keys(item: Features, rules: DedupRules) -> tuple[set[tuple], set[tuple]]:
    """(keys the mention's event is indexed under, keys it looks candidates up in): its article; its wording
    (LSH: two bands of the three smallest word hashes, shared by near-copies of a sentence); the names in it;
    for dated mentions each actor in each month (short dates) or year (long ones) covered."""
    keys: set[tuple] = {("doc", item.doc_id, item.group)}
    for band, signature in enumerate(_signatures(item.words or frozenset({item.sentence_norm})), 1):
        keys.add(("sig", item.group, band, signature))
    keys.update(("name", item.group, name) for name in item.names)
    if item.interval is None:
        return keys, keys
    own, seen = _periods(item.interval, rules.day_tolerance, rules.max_block_years)
    actors = item.people or item.countries or frozenset({"-"})
    return keys | _act_keys(item.group, actors, own), keys | _act_keys(item.group, actors, seen)


@lru_cache(maxsize=1 << 14)
def _act_keys(group: str, actors: frozenset[str], periods: tuple) -> frozenset[tuple]:
    """Each actor in each period (cached: the mentions of an article share actors and dates)."""
    return frozenset(("act", group, a, p) for a in actors for p in periods)


@lru_cache(maxsize=1 << 16)
def _signatures(words: frozenset[str]) -> tuple[tuple[int, ...], ...]:
    """Two bands of the three smallest word hashes: near-copies meet, unrelated sentences do not. Cached:
    the mentions of one sentence, and copies of it in other articles, share their words."""
    encoded = [w.encode() for w in words]
    return tuple(tuple(sorted(zlib.crc32(w, band) for w in encoded)[:3]) for band in (1, 2))


@lru_cache(maxsize=1 << 14)
def _periods(interval: tuple[date, date], day_tolerance: int, max_block_years: int) -> tuple[tuple, tuple]:
    """Periods a date is indexed under and those it must look in: a short date under its months (and it
    looks in their years, where the long dates are), a long one under its years (looking in their months)."""
    tol = timedelta(days=day_tolerance)
    start, end = interval[0] - tol, interval[1] + tol
    years = tuple(range(start.year, end.year + 1))
    if (end - start).days <= 62:
        months, (y, m) = [], (start.year, start.month)
        while (y, m) <= (end.year, end.month):
            months.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return tuple(months), (*months, *years)
    if len(years) <= max_block_years:
        return years, (*years, *((y, m) for y in years for m in range(1, 13)))
    return ("wide",), ("wide",)


def _candidates(keys: set[tuple], index: dict[tuple, list[int]], rules: DedupRules) -> list[int]:
    """Events sharing a block with the mention (undated mentions meet other articles only by wording: an
    undated cross-article merge needs near-identical sentences anyway)."""
    found: set[int] = set()
    most = rules.max_block_candidates
    for key in keys:
        events = index.get(key)
        if events:  # (the latest ``most`` of them; most blocks are shorter, and are not copied)
            found.update(events if len(events) <= most else events[-most:])
    return sorted(found)  # ties go to the earliest event
