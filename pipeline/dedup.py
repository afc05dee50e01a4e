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

import hashlib
import importlib
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from pipeline.dedup_match import Cluster, Features
from pipeline.dedup_rules import DedupRules, load_rules
from pipeline.events import similarity as sim
from pipeline.model import PRECISIONS, Actor, ActorRole, DocumentAnalysis, Event, EventMention

# How directly a mention's own text dates it, best first (anchor.py's date_source values).
_SOURCE_RANK = {"clause": 0, "sentence": 0, "dct": 1, "passage": 2}
_UNDATED_PRECISIONS = ("vague", "none")


def deduplicate(
    analyses: Sequence[DocumentAnalysis],
    lexicon_dir: Path | None = None,
    fuzzy_threshold: float = 85.0,
    canonical: Mapping[str, Actor] | None = None,
) -> list[Event]:
    """All event mentions of ``analyses`` grouped into Events, sorted by date then id (undated last).

    ``canonical`` (actor_id -> canonical Actor) is computed with ``canonical_actors`` when not given.
    """
    rules = load_rules(lexicon_dir)
    if canonical is None:
        canonical = canonical_actors(analyses, fuzzy_threshold)
    prepared = sorted(
        (m for analysis in analyses for m in _prepare(analysis, canonical, rules)), key=lambda m: m.order
    )
    clusters: list[Cluster] = []
    index: dict[tuple, list[int]] = {}
    for item in prepared:
        keys, lookup = _block_keys(item, rules)
        best, best_score = None, -1.0
        for cid in _candidates(lookup, index, rules):
            score = clusters[cid].fit(item, rules)
            if score is not None and score > best_score:
                best, best_score = cid, score
        if best is None:
            best = len(clusters)
            clusters.append(Cluster())
        cluster = clusters[best]
        cluster.add(item, rules.evidence_sample)
        for key in keys - cluster.keys:
            cluster.keys.add(key)
            index.setdefault(key, []).append(best)
    events = [_event(c.members, rules, lexicon_dir) for c in clusters]
    return sorted(events, key=lambda e: (e.start is None, e.start or date.min, e.event_id))


# ---------------------------------------------------------------- actors


def canonical_actors(analyses: Sequence[DocumentAnalysis], threshold: float = 85.0) -> dict[str, Actor]:
    """actor_id -> the one canonical Actor across documents (``unify_actors``; identity if not available)."""
    seen: dict[str, Actor] = {}
    for analysis in analyses:
        for actor in analysis.actors:
            seen.setdefault(actor.actor_id, actor)
        for mention in analysis.event_mentions:
            for role in mention.actors:
                seen.setdefault(
                    role.actor_id, Actor(role.actor_id, role.name, role.kind, role.country, role.sector)
                )
    try:
        from pipeline.events.actors import unify_actors
    except ModuleNotFoundError as exc:
        if exc.name not in ("pipeline.events.actors",):
            raise
        return dict(seen)
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


def _prepare(analysis: DocumentAnalysis, canonical: Mapping[str, Actor], rules: DedupRules) -> list[Features]:
    doc = analysis.document
    out = []
    for mention in analysis.event_mentions:
        roles = _canonical_roles(mention.actors, canonical)
        mention = _replace_actors(mention, roles)
        sent = mention.sentence
        hidden = [
            (s.start - sent.start, s.end - sent.start)
            for s in (*analysis.actor_mentions, *analysis.timexes)
            if s.start < sent.end and s.end > sent.start
        ]
        offset = mention.trigger.start - sent.start
        masked = sim.mask(sent.text, hidden)
        before = sim.words_before(masked, offset, rules.additive_window)
        trigger_words = sim.tokens(mention.trigger.text)
        out.append(
            Features(
                mention=mention,
                order=(doc.published is None, doc.published or date.min, doc.doc_id, mention.trigger.start),
                published=doc.published,
                group=rules.type_group(mention.event_type),
                people=frozenset(r.actor_id for r in roles if r.kind != "country"),
                persons=frozenset(r.actor_id for r in roles if r.kind == "person"),
                countries=frozenset(r.country for r in roles if r.country),
                interval=_interval(mention),
                rank=_rank(mention.precision),
                sentence_norm=" ".join(sim.tokens(sent.text)),
                words=sim.content_stems(masked, rules.stopwords),
                names=sim.name_bigrams(masked),
                trigger_stems=sim.content_stems(mention.trigger.text, rules.stopwords),
                additive=sim.has_any(before, rules.additive_cues),
                anaphoric=sim.has_any(before[-1:] + trigger_words[:1], rules.anaphoric_determiners),
            )
        )
    return out


def _replace_actors(mention: EventMention, roles: tuple[ActorRole, ...]) -> EventMention:
    return replace(mention, actors=roles) if roles != mention.actors else mention


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
    words = [w.encode() for w in item.words or {item.sentence_norm}]
    for band in (1, 2):  # two bands of three min-hashes: near-copies meet, unrelated sentences do not
        keys.add(("sig", item.group, band, tuple(sorted(zlib.crc32(w, band) for w in words)[:3])))
    keys.update(("name", item.group, name) for name in item.names)
    if item.interval is None:
        return keys, keys
    own, seen = _periods(item.interval, rules)
    actors = item.people or item.countries or frozenset({"-"})
    index = keys | {("act", item.group, a, p) for a in actors for p in own}
    lookup = keys | {("act", item.group, a, p) for a in actors for p in seen}
    return index, lookup


def _periods(interval: tuple[date, date], rules: DedupRules) -> tuple[list, list]:
    """Periods a date is indexed under and those it must look in: a short date under its months (and it
    looks in their years, where the long dates are), a long one under its years (looking in their months)."""
    tol = timedelta(days=rules.day_tolerance)
    start, end = interval[0] - tol, interval[1] + tol
    years = list(range(start.year, end.year + 1))
    if (end - start).days <= 62:
        months, (y, m) = [], (start.year, start.month)
        while (y, m) <= (end.year, end.month):
            months.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return months, months + years
    if len(years) <= rules.max_block_years:
        return years, years + [(y, m) for y in years for m in range(1, 13)]
    return ["wide"], ["wide"]


def _candidates(keys: set[tuple], index: dict[tuple, list[int]], rules: DedupRules) -> list[int]:
    """Events sharing a block with the mention (undated mentions meet other articles only by wording: an
    undated cross-article merge needs near-identical sentences anyway)."""
    found: set[int] = set()
    for key in keys:
        found.update(index.get(key, ())[-rules.max_block_candidates :])
    return sorted(found)  # ties go to the earliest event


# ---------------------------------------------------------------- building the event


def _event(members: list[Features], rules: DedupRules, lexicon_dir: Path | None) -> Event:
    earliest = min(members, key=lambda m: m.order)
    main = min(
        members,
        key=lambda m: (
            m.interval is None,
            m.rank if m.interval is not None else _vagueness(m.mention.date_value),
            m.rank,
            _SOURCE_RANK.get(m.mention.date_source, 3),
            m.order,
        ),
    )
    mentions = [main.mention] + [m.mention for m in sorted(members, key=lambda m: m.order) if m is not main]
    actors: dict[str, ActorRole] = {}
    for mention in mentions:
        for role in sorted(mention.actors, key=lambda r: r.role != "actor"):
            actors.setdefault(role.actor_id, role)
    first = earliest.mention
    key = f"{first.doc_id}:{first.trigger.start}:{first.trigger.end}:{first.event_type}"
    plover, cameo = _codes(main.mention.event_type, lexicon_dir)
    m = main.mention
    status = _status(members, rules)
    return Event(
        event_id="ev_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        event_type=m.event_type,
        plover=plover,
        cameo=cameo,
        label=_label(m, status, mentions, lexicon_dir),
        date_value=m.date_value if main.interval is not None else m.date_value or _undated_value(mentions),
        start=main.interval[0] if main.interval else None,
        end=main.interval[1] if main.interval else None,
        precision=m.precision if main.interval else "none",
        status=status,
        actors=tuple(actors.values()),
        mentions=tuple(mentions),
        n_docs=len({x.doc_id for x in mentions}),
    )


def _label(
    main: EventMention, status: str, mentions: Sequence[EventMention], lexicon_dir: Path | None
) -> str:
    """The main mention's label; rebuilt when later reports changed the status ("Planned: ..." happened)."""
    if main.status != status:
        try:
            from pipeline.events.labels import make_label
        except ModuleNotFoundError as exc:
            if exc.name != "pipeline.events.labels":
                raise
        else:
            return make_label(main.event_type, main.actors, status, lexicon_dir)
    return main.label or next((x.label for x in mentions if x.label), "") or main.trigger.text


def _vagueness(value: str | None) -> int:
    """Among undated values, one with structure (XXXX-SU: "this summer" without a year) says more than a
    reference (FUTURE_REF), which says more than nothing."""
    if value is None:
        return 2
    return 1 if value.endswith("_REF") else 0


def _undated_value(mentions: Sequence[EventMention]) -> str | None:
    """An undated event keeps a vague value (FUTURE_REF, XXXX-XX-XX) when its mentions agree on one."""
    values = Counter(x.date_value for x in mentions if x.date_value)
    return values.most_common(1)[0][0] if values else None


def _status(members: Sequence[Features], rules: DedupRules) -> str:
    """The latest article's word wins ("will conduct" then "took place" -> occurred). An undated article
    counts as the latest: it can only be placed by what it reports, and a report that an event happened (or
    was cancelled) was written after the announcement of it."""

    def when(m: Features) -> tuple[bool, date]:
        return m.published is None, m.published or date.min

    latest = max(when(m) for m in members)
    statuses = {m.mention.status for m in members if when(m) == latest}
    return min(statuses, key=rules.status_rank)


def _codes(event_type: str, lexicon_dir: Path | None) -> tuple[str, str]:
    """PLOVER and CAMEO codes from ``pipeline.events.types`` (empty until that module exists)."""
    try:
        types = importlib.import_module("pipeline.events.types")
    except ModuleNotFoundError as exc:
        if exc.name != "pipeline.events.types":
            raise
        return "", ""
    return types.codes(event_type, lexicon_dir)
