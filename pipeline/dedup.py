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
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from pipeline.dedup_rules import DedupRules, load_rules
from pipeline.events import similarity as sim
from pipeline.model import PRECISIONS, Actor, ActorRole, DocumentAnalysis, Event, EventMention

# How directly a mention's own text dates it, best first (anchor.py's date_source values).
_SOURCE_RANK = {"clause": 0, "sentence": 0, "dct": 1, "passage": 2}
_UNDATED_PRECISIONS = ("vague", "none")


@dataclass
class _Mention:
    """A mention with everything the comparisons need, computed once."""

    mention: EventMention
    order: tuple  # (undated doc last, published, doc_id, trigger start): reading order across the corpus
    published: date | None
    group: str  # type group: equal groups may merge
    people: frozenset[str]  # canonical ids of persons and organisations
    persons: frozenset[str]  # canonical ids of persons only: two different people mean two events
    countries: frozenset[str]  # countries of every actor, and country actors
    interval: tuple[date, date] | None
    rank: int  # index in PRECISIONS (smaller is finer)
    sentence_norm: str
    words: frozenset[str]  # sentence content stems minus actors and dates
    additive: bool
    anaphoric: bool


@dataclass
class _Cluster:
    members: list[_Mention] = field(default_factory=list)
    keys: set = field(default_factory=set)


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
    clusters: list[_Cluster] = []
    index: dict[tuple, list[int]] = {}
    for item in prepared:
        best, best_score = None, -1.0
        for cid in sorted(_candidates(item, index, rules)):  # ties go to the earliest event
            score = _fit(item, clusters[cid], rules)
            if score is not None and score > best_score:
                best, best_score = cid, score
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster())
        cluster = clusters[best]
        cluster.members.append(item)
        for key in _block_keys(item, rules) - cluster.keys:
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


def _prepare(analysis: DocumentAnalysis, canonical: Mapping[str, Actor], rules: DedupRules) -> list[_Mention]:
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
        before = sim.words_before(sim.mask(sent.text, hidden), offset, rules.additive_window)
        trigger_words = sim.tokens(mention.trigger.text)
        out.append(
            _Mention(
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
                words=sim.content_stems(sim.mask(sent.text, hidden), rules.stopwords),
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


def _block_keys(item: _Mention, rules: DedupRules) -> set[tuple]:
    m = item.mention
    keys: set[tuple] = {("doc", m.doc_id, item.group), ("sent", item.group, item.sentence_norm)}
    actors = item.people or item.countries or frozenset({"-"})
    if item.interval is None:
        periods: list = ["undated"]
    else:
        tol = timedelta(days=rules.day_tolerance)
        first, last = (item.interval[0] - tol).year, (item.interval[1] + tol).year
        periods = list(range(first, last + 1)) if last - first < rules.max_block_years else ["wide"]
    keys.update(("act", item.group, a, p) for a in actors for p in periods)
    return keys


def _candidates(item: _Mention, index: dict[tuple, list[int]], rules: DedupRules) -> list[int]:
    found: dict[int, None] = {}
    keys = _block_keys(item, rules)
    if item.interval is not None:
        # a dated mention may also complete an undated event with the same actors
        keys |= {("act", k[1], k[2], "undated") for k in keys if k[0] == "act"}
    else:
        keys |= {("act", item.group, a, p) for a in (item.people or item.countries) for p in ("wide",)}
    for key in keys:
        ids = index.get(key, ())
        for cid in ids[-rules.max_block_candidates :]:
            found[cid] = None
    return list(found)


# ---------------------------------------------------------------- decisions


def _fit(item: _Mention, cluster: _Cluster, rules: DedupRules) -> float | None:
    """How well ``item`` fits ``cluster`` (higher is better), or None when it must not join it."""
    best = None
    # "planned" may meet "occurred" only between dated statements; an undated member of a dated event
    # ("The exercise will focus on ...") speaks of that event's date
    both_dated = item.interval is not None and any(m.interval is not None for m in cluster.members)
    for other in cluster.members:
        if not _compatible(item, other, rules, both_dated):
            return None
        score = _evidence(item, other, rules)
        if score is not None and (best is None or score > best):
            best = score
    return best


def _compatible(a: _Mention, b: _Mention, rules: DedupRules, both_dated: bool) -> bool:
    """Hard constraints, checked against every member: type, status, dates, same-sentence triggers."""
    if a.group != b.group:
        return False
    same_doc = a.mention.doc_id == b.mention.doc_id
    dated = a.interval is not None and b.interval is not None
    if dated and not _dates_agree(a, b, 0 if same_doc else rules.day_tolerance):
        return False
    if not rules.status_ok(a.mention.status, b.mention.status, both_dated):
        return False
    if same_doc and a.mention.sentence.start == b.mention.sentence.start:
        trig = sim.trigger_similarity(a.mention.trigger.text, b.mention.trigger.text, rules.stopwords)
        if trig < rules.threshold("same_sentence_trigger") and (
            a.mention.status != b.mention.status or _separated(a.mention, b.mention, rules)
        ):
            # "meetings ..., followed by a private dinner", "invaded and still occupies": two things said
            return False
    return True


def _separated(a: EventMention, b: EventMention, rules: DedupRules) -> bool:
    """Whether the words between two triggers of one sentence order them in time ("followed by")."""
    first, second = (a, b) if a.trigger.start <= b.trigger.start else (b, a)
    offset = a.sentence.start
    between = a.sentence.text[first.trigger.end - offset : second.trigger.start - offset]
    words = f" {' '.join(sim.tokens(between))} "
    return any(f" {phrase} " in words for phrase in rules.separators)


def _dates_agree(a: _Mention, b: _Mention, tolerance: int) -> bool:
    x, y = a.interval, b.interval
    if x[0] <= y[1] and y[0] <= x[1]:
        return True
    if tolerance and a.mention.precision == "day" and b.mention.precision == "day":
        gap = (y[0] - x[1]).days if y[0] > x[1] else (x[0] - y[1]).days
        return gap <= tolerance
    return False


def _evidence(a: _Mention, b: _Mention, rules: DedupRules) -> float | None:
    """Score that ``a`` and ``b`` are one event (None: not enough evidence)."""
    ma, mb = a.mention, b.mention
    trig = sim.trigger_similarity(ma.trigger.text, mb.trigger.text, rules.stopwords)
    text = max(
        sim.overlap_similarity(a.words, b.words), sim.sentence_similarity(a.sentence_norm, b.sentence_norm)
    )
    shared_people = bool(a.people & b.people)
    # different named people are different events; organisations ("a senior Pentagon official") are not
    actors_conflict = bool(a.persons and b.persons and not a.persons & b.persons and not shared_people)
    dated = a.interval is not None and b.interval is not None
    score = trig / 100 + text / 100 + (1.0 if shared_people else 0.0) + (1.0 if dated else 0.0)
    if ma.doc_id == mb.doc_id:
        if ma.sentence.start == mb.sentence.start:
            return score + 2.0
        if actors_conflict:
            return None
        if a.additive and text < rules.threshold("additive"):
            return None  # "They also signed an agreement ..." starts a new event
        if dated or a.anaphoric or text >= rules.threshold("same_document_undated"):
            return score + 0.5
        return None
    # different articles
    if not dated:
        return score if text >= rules.threshold("cross_document_undated") else None
    if shared_people:
        return score
    if actors_conflict:
        return None
    # no person or organisation in common: the wording must agree, and the countries if both name some
    countries_agree = bool(a.countries & b.countries) or not (a.countries and b.countries)
    if countries_agree and text >= rules.threshold("cross_document_weak_actors"):
        return score
    return None


# ---------------------------------------------------------------- building the event


def _event(members: list[_Mention], rules: DedupRules, lexicon_dir: Path | None) -> Event:
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


def _status(members: Sequence[_Mention], rules: DedupRules) -> str:
    """The latest article's word wins ("will conduct" then "took place" -> occurred). An undated article
    counts as the latest: it can only be placed by what it reports, and a report that an event happened (or
    was cancelled) was written after the announcement of it."""

    def when(m: _Mention) -> tuple[bool, date]:
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
