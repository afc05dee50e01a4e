"""The decisions of dedup: may a mention join an event (hard constraints), and how sure is it (evidence)?

Hard constraints hold against every mention of the event (complete linkage), but they are checked against the
event's summaries (its distinct dated intervals, its statuses, the mentions of the same sentence), so the cost
does not grow with the size of the event. Evidence needs one member only; it is looked for among the mentions
of the same article and the event's first ``evidence_sample`` mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from pipeline.dedup_rules import DedupRules
from pipeline.events import similarity as sim
from pipeline.model import PRECISIONS, EventMention


@dataclass
class Features:
    """A mention with everything the comparisons need, computed once."""

    mention: EventMention
    order: tuple  # (undated doc last, published, doc_id, trigger start): reading order across the corpus
    published: date | None
    group: str  # type group: equal groups may merge
    people: frozenset[str]  # canonical ids of persons and organisations
    persons: frozenset[str]  # canonical ids of persons only: two different people mean two events
    countries: frozenset[str]  # countries of every actor, and country actors
    participants: frozenset[str]  # canonical ids of every actor, countries included
    counterparts: frozenset[str]  # recipients that are persons or organisations (the one met, the host)
    places: frozenset[str]  # recipients and their countries (where a visit goes, who hosts it)
    interval: tuple[date, date] | None
    rank: int  # index in PRECISIONS (smaller is finer)
    sentence_norm: str
    words: frozenset[str]  # sentence content stems minus actors and dates
    trigger_stems: frozenset[str]
    names: frozenset[str]  # word pairs of capitalised names that are not actors ("vigilant eagle")
    additive: bool
    anaphoric: bool

    @property
    def doc_id(self) -> str:
        return self.mention.doc_id

    @property
    def sentence_key(self) -> tuple[str, int]:
        return self.mention.doc_id, self.mention.sentence.start


@dataclass
class Cluster:
    """An event being built: its mentions and the summaries the hard constraints are checked against."""

    members: list[Features] = field(default_factory=list)
    keys: set = field(default_factory=set)  # blocking keys it is indexed under
    intervals: dict[tuple[date, date, str], set[str]] = field(default_factory=dict)  # -> doc_ids
    statuses: set[str] = field(default_factory=set)
    by_sentence: dict[tuple[str, int], list[Features]] = field(default_factory=dict)
    by_doc: dict[str, list[Features]] = field(default_factory=dict)
    sample: list[Features] = field(default_factory=list)  # first members that say something different
    signatures: set[tuple] = field(default_factory=set)
    first_day: int = 0  # earliest start and latest end (ordinals) of the members' dates, when any
    last_day: int = 0
    places: set[str] = field(default_factory=set)  # union of the members' places
    involved: set[str] = field(
        default_factory=set
    )  # members' actors and places (not the visitors' countries)
    # (people, counterparts) of the members -> their sentences
    parties: dict[tuple[frozenset[str], frozenset[str]], set[tuple[str, int]]] = field(default_factory=dict)

    def add(self, item: Features, sample_size: int = 24) -> None:
        self.members.append(item)
        signature = (item.sentence_norm, item.trigger_stems, item.people, item.interval is None)
        if len(self.sample) < sample_size and signature not in self.signatures:
            self.signatures.add(signature)
            self.sample.append(item)
        if item.interval is not None:
            start, end = item.interval[0].toordinal(), item.interval[1].toordinal()
            if not self.intervals:
                self.first_day, self.last_day = start, end
            else:
                self.first_day, self.last_day = min(self.first_day, start), max(self.last_day, end)
            key = (*item.interval, item.mention.precision)
            self.intervals.setdefault(key, set()).add(item.doc_id)
        self.statuses.add(item.mention.status)
        self.places.update(item.places)
        self.involved.update(item.participants, item.places)
        if item.persons:
            self.parties.setdefault((item.people, item.counterparts), set()).add(item.sentence_key)
        self.by_sentence.setdefault(item.sentence_key, []).append(item)
        self.by_doc.setdefault(item.doc_id, []).append(item)

    def fit(self, item: Features, rules: DedupRules) -> float | None:
        """How well ``item`` fits (higher is better), or None when it must not join."""
        if not self.members or item.group != self.members[0].group:
            return None
        # "planned" may meet "occurred" only between dated statements; an undated member of a dated event
        # ("The exercise will focus on ...") speaks of that event's date
        both_dated = item.interval is not None and bool(self.intervals)
        if both_dated:
            # outside the span of every date of the event (plus the tolerance): the earliest or the latest
            # of them cannot agree (most candidates from other weeks or years stop here)
            slack = rules.day_tolerance
            start, end = item.interval[0].toordinal() - slack, item.interval[1].toordinal() + slack
            if end < self.first_day or start > self.last_day:
                return None
            for interval, docs in self.intervals.items():
                if not _dates_agree(item, interval, docs, rules):
                    return None
        status = item.mention.status
        # (all members of the same status as the item, the common case: nothing to check)
        if (len(self.statuses) > 1 or status not in self.statuses) and not all(
            rules.status_ok(status, s, both_dated) for s in self.statuses
        ):
            return None
        same_sentence = self.by_sentence.get(item.sentence_key)
        if same_sentence and not all(_same_sentence_ok(item, other, rules) for other in same_sentence):
            return None
        if not self._one_article_statuses_ok(item, rules):
            return None
        if not self._participants_ok(item, rules):
            return None
        # a new status joins a specific one (ongoing, cancelled) only when the text says it is the same
        status_change = item.mention.status not in self.statuses and bool(
            rules.specific_statuses & (self.statuses | {item.mention.status})
        )
        best = None
        for other in _witnesses(self, item):
            score = evidence(item, other, rules)
            if score is None or (best is not None and score <= best):
                continue  # (a lower score changes nothing: the check below is only needed for a better one)
            if status_change and not _refers_to(item, other, rules, "status_change", False):
                continue
            best = score
        return best

    def _one_article_statuses_ok(self, item: Features, rules: DedupRules) -> bool:
        """One article tells what is planned apart from what happened: "will meet later this month" is not the
        interception "met them" of yesterday, though both fall in the month."""
        for other in self.by_doc.get(item.doc_id, ()):
            pair = frozenset((item.mention.status, other.mention.status))
            if other.sentence_key != item.sentence_key and pair in rules.status_pairs_across_documents:
                return False
        return True

    def _participants_ok(self, item: Features, rules: DedupRules) -> bool:
        """Visits of other places and meetings with other counterparts are other events (complete linkage);
        so is a mention dated finer than the event when it happens in another place."""
        # another place: none of the item's places is anywhere in the event, nor the other way round (a
        # recipient on one side may be the traveller or a member of the party on the other); "made the trip"
        # with the party as recipient still refers back, unless it names a country to go to
        if (
            item.mention.event_type in rules.place_types
            and item.places
            and self.places
            and not item.places & self.involved
            and not self.places & (item.places | item.participants)
            and not (_refers_back(item, rules) and not _names_country(item))
        ):
            return False
        if rules.finer_date_needs_same_place and item.places and item.interval is not None and self.intervals:
            finer = all(item.rank < _rank_of(precision) for *_, precision in self.intervals)
            if finer and not item.places & self.involved:
                return False
        # "Makarov joined the meetings": a back reference adds a participant to the same meeting
        if item.mention.event_type in rules.counterpart_types and not _refers_back(item, rules):
            for (parties, counterparts), sentences in self.parties.items():
                if sentences == {item.sentence_key}:
                    continue  # one sentence naming both is governed by the same-sentence rule
                if item.persons and parties and not item.people & parties:
                    return False  # nobody in common: a meeting of other people
                if item.counterparts and counterparts and not _counterparts_agree(item, counterparts):
                    return False
        return True


def _refers_back(item: Features, rules: DedupRules) -> bool:
    """A back reference before the trigger ("the visit") or inside it ("made the trip")."""
    return item.anaphoric or sim.has_any(sim.tokens(item.mention.trigger.text), rules.anaphoric_determiners)


def _names_country(item: Features) -> bool:
    return any(r.role == "recipient" and r.kind == "country" for r in item.mention.actors)


def _rank_of(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


def _counterparts_agree(item: Features, counterparts: frozenset[str]) -> bool:
    """One meeting has one set of participants: both mentions name a common counterpart, or the roles are
    swapped ("A met B" / "B hosted A")."""
    return bool(item.counterparts & counterparts or counterparts & item.participants)


def _refers_to(item: Features, other: Features, rules: DedupRules, threshold: str, loose: bool) -> bool:
    """Whether the wording of ``item`` clearly states ``other`` again: same sentence, a back reference
    ("the visit"; unless ``loose``, its noun must be a word of the other sentence: "the campaign" does not
    refer back to "rocket attacks"), the same trigger word or near-identical wording."""
    ma, mb = item.mention, other.mention
    if ma.doc_id == mb.doc_id and ma.sentence.start == mb.sentence.start:
        return True
    if item.anaphoric and (loose or item.trigger_stems & (other.words | other.trigger_stems)):
        return True
    trig = sim.stem_similarity(item.trigger_stems, other.trigger_stems, ma.trigger.text, mb.trigger.text)
    if trig >= rules.threshold("same_sentence_trigger"):
        return True
    return _text_similarity(item, other) >= rules.threshold(threshold)


def _witnesses(cluster: Cluster, item: Features) -> Iterable[Features]:
    """The members evidence is looked for in: the article's own, then the sample (copies of one sentence
    in many articles count once)."""
    own = cluster.by_doc.get(item.mention.doc_id)
    if not own:  # the sample alone: its members are distinct
        return cluster.sample
    seen = {id(other) for other in own}
    return [*own, *(other for other in cluster.sample if id(other) not in seen)]


def _dates_agree(item: Features, interval: tuple[date, date, str], docs: set[str], rules: DedupRules) -> bool:
    """Intervals overlap; across articles, day dates may also be ``day_tolerance`` days apart."""
    (start, end), (other_start, other_end, precision) = item.interval, interval
    if start <= other_end and other_start <= end:
        return True
    if (
        rules.day_tolerance
        and precision == "day"
        and item.mention.precision == "day"
        and item.doc_id not in docs
    ):
        gap = (other_start - end).days if other_start > end else (start - other_end).days
        return gap <= rules.day_tolerance
    return False


def _same_sentence_ok(a: Features, b: Features, rules: DedupRules) -> bool:
    """Two triggers of one sentence are one event unless the text sets them apart."""
    trig = sim.stem_similarity(
        a.trigger_stems, b.trigger_stems, a.mention.trigger.text, b.mention.trigger.text
    )
    if trig >= rules.threshold("same_sentence_trigger"):
        return True
    # "meetings ..., followed by a private dinner", "invaded and still occupies": two things said; but "froze
    # its contacts ..., and that freeze is still in place" speaks of the first again
    later = a if a.mention.trigger.start > b.mention.trigger.start else b
    same_status = a.mention.status == b.mention.status or later.anaphoric
    return same_status and not _separated(a.mention, b.mention, rules)


def _separated(a: EventMention, b: EventMention, rules: DedupRules) -> bool:
    """Whether the words between two triggers of one sentence order them in time ("followed by")."""
    first, second = (a, b) if a.trigger.start <= b.trigger.start else (b, a)
    offset = a.sentence.start
    between = a.sentence.text[first.trigger.end - offset : second.trigger.start - offset]
    words = f" {' '.join(sim.tokens(between))} "
    return any(f" {phrase} " in words for phrase in rules.separators)


def evidence(a: Features, b: Features, rules: DedupRules) -> float | None:
    """Score that ``a`` and ``b`` are one event (None: not enough evidence). Cheap tests first: this runs
    for every candidate witness."""
    ma, mb = a.mention, b.mention
    same_doc = ma.doc_id == mb.doc_id
    same_sentence = same_doc and ma.sentence.start == mb.sentence.start
    shared_people = not a.people.isdisjoint(b.people)
    # different named people are different events; organisations ("a senior Pentagon official") are not
    if (
        not shared_people
        and not same_sentence
        and a.persons
        and b.persons
        and a.persons.isdisjoint(b.persons)
    ):
        return None
    dated = a.interval is not None and b.interval is not None
    if (
        not shared_people
        and dated
        and not same_doc
        and a.countries
        and b.countries
        and a.countries.isdisjoint(b.countries)
    ):
        return None  # no person or organisation in common, and other countries
    if (
        bool(a.places) != bool(b.places)
        and ma.event_type in rules.place_types
        and not _refers_to(a, b, rules, "unknown_place", True)
    ):
        return None  # a visit to an unknown place joins a known one only when the text refers back to it
    text = _text_similarity(a, b)
    trig = sim.stem_similarity(a.trigger_stems, b.trigger_stems, ma.trigger.text, mb.trigger.text)
    score = trig / 100 + text / 100 + (1.0 if shared_people else 0.0) + (1.0 if dated else 0.0)
    if same_doc:
        if same_sentence:
            return score + 2.0
        if a.additive and text < rules.threshold("additive"):
            return None  # "They also signed an agreement ..." starts a new event
        if (
            dated
            and a.interval != b.interval
            and "passage" in (ma.date_source, mb.date_source)
            and not (shared_people or a.anaphoric)
            and max(trig, text) < rules.threshold("same_document_undated")
        ):
            return None  # a date only inherited from the passage is no evidence of one happening
        if dated or a.anaphoric or text >= rules.threshold("same_document_undated"):
            return score + 0.5
        return None
    # across articles a shared name ("Vigilant Eagle", "Permanent Joint Council") speaks for the wording
    named = bool(a.names & b.names)
    if not dated:
        return score + named if named or text >= rules.threshold("cross_document_undated") else None
    if shared_people or named or text >= rules.threshold("cross_document_weak_actors"):
        return score + named
    return None


def _text_similarity(a: Features, b: Features) -> float:
    """Shared content words, or (for edited copies of one sentence) a fuzzy ratio of the whole sentence."""
    text = sim.overlap_similarity(a.words, b.words)
    if text < 85.0 and a.sentence_norm and b.sentence_norm:
        # ``sim.sentence_similarity`` (token_sort_ratio), with each side's sorted words made once per
        # sentence and a cutoff (a lower ratio would not change the maximum): 5 times cheaper
        sa, sb = sorted_words(a.sentence_norm), sorted_words(b.sentence_norm)
        if sa or sb:
            text = max(text, fuzz.ratio(sa, sb, score_cutoff=text))
        else:
            text = max(text, sim.sentence_similarity(a.sentence_norm, b.sentence_norm))
    return text


@lru_cache(maxsize=1 << 16)
def sorted_words(text: str) -> str:
    """The words of ``text`` sorted and joined by spaces: what ``fuzz.token_sort_ratio`` compares."""
    return " ".join(sorted(text.split()))
