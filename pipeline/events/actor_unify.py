"""Cross-document actor unification: one canonical Actor per real-world actor.

Persons are blocked by the first letters of their surname's transliteration key, then grouped by complete
linkage (a name joins a group only if it is compatible with every member), so "George W. Bush" and
"George H.W. Bush" are not chained together through a bare "George Bush". Surname-only actors
("Rodionov") join a group only when exactly one group fits.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.events.actor_lexicon import load_lexicon
from pipeline.events.names import PersonName, parse_name, same_person, slug, translit_key
from pipeline.model import Actor


@dataclass
class _Seen:
    """Every Actor record that carried one actor_id."""

    first: Actor
    count: int = 0
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)

    def add(self, a: Actor) -> None:
        self.count += 1
        if a.country:
            self.countries[a.country] += 1
        if a.sector:
            self.sectors[a.sector] += 1
        self.aliases.update(a.aliases)
        self.aliases.add(a.name)


def _compatible_country(a: _Seen, b: _Seen, na: PersonName, nb: PersonName) -> bool:
    """Countries agree, or one is unknown. Two full names with the same first name and surname are one
    person even when one document gave a default country ("President Vladimir Putin" read as home)."""
    ca = a.countries.most_common(1)[0][0] if a.countries else None
    cb = b.countries.most_common(1)[0][0] if b.countries else None
    if ca is None or cb is None or ca == cb:
        return True
    return bool(
        na.first
        and nb.first
        and translit_key(na.first) == translit_key(nb.first)
        and translit_key(na.surname) == translit_key(nb.surname)
    )


def _merge(ids: list[str], seen: dict[str, _Seen], names: dict[str, PersonName] | None) -> Actor:
    records = [seen[i] for i in ids]
    countries: Counter[str] = sum((r.countries for r in records), Counter())
    sectors: Counter[str] = sum((r.sectors for r in records), Counter())
    aliases = set().union(*(r.aliases for r in records))
    if names is None:
        best = max(records, key=lambda r: (r.count, len(r.first.name)))
        name, kind = best.first.name, best.first.kind
    else:
        weight = {i: seen[i].count for i in ids}
        fullest = max(ids, key=lambda i: (names[i].fullness[0], weight[i], names[i].fullness[1]))
        surnames: Counter[str] = Counter()
        for i in ids:
            surnames[names[i].surname] += weight[i]
        surname = max(surnames, key=lambda s: (surnames[s], s == names[fullest].surname))
        n = names[fullest]
        name, kind = PersonName(n.given, surname, n.suffix).text, "person"
    country = countries.most_common(1)[0][0] if countries else None
    sector = sectors.most_common(1)[0][0] if sectors else None
    return Actor(slug(name), name, kind, country, sector, tuple(sorted(aliases - {name})))


def unify_actors(
    actors: Iterable[Actor], threshold: float = 85.0, lexicon_dir: Path | None = None
) -> dict[str, Actor]:
    """Map every actor_id seen to ONE canonical Actor across documents (fuzzy on person names)."""
    seen: dict[str, _Seen] = {}
    for a in actors:
        seen.setdefault(a.actor_id, _Seen(a)).add(a)
    nicknames = load_lexicon(lexicon_dir).nicknames
    result: dict[str, Actor] = {}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    names: dict[str, PersonName] = {}
    for aid, rec in seen.items():
        if rec.first.kind != "person":
            result[aid] = _merge([aid], seen, None)
            continue
        names[aid] = parse_name(rec.first.name)
        blocks[_block(names[aid])].append(aid)
    for ids in blocks.values():
        result.update(_unify_block(ids, seen, names, nicknames, threshold))
    return result


def _block(name: PersonName) -> tuple[str, str]:
    return ("person", translit_key(name.surname)[:2])


def _unify_block(ids, seen, names, nicknames, threshold) -> dict[str, Actor]:  # noqa: ANN001
    """The canonical Actor of every person of one block: it depends on the names of that block only."""
    result: dict[str, Actor] = {}
    for group in _group(ids, seen, names, nicknames, threshold):
        canonical = _merge(group, seen, names)
        for aid in group:
            result[aid] = canonical
    return result


class IncrementalUnifier:
    """``unify_actors`` of a set of records (one per actor_id) kept up to date as records come and change:
    only the blocks a new or changed record falls in are grouped again, so following a growing corpus (the
    ingest clustering events while documents are still being analysed) costs little. ``unified`` is what
    ``unify_actors`` gives for the current records (grouping and merging depend on the set of records of a
    block, not on their order)."""

    def __init__(self, threshold: float = 85.0, lexicon_dir: Path | None = None) -> None:
        self.threshold = threshold
        self.nicknames = load_lexicon(lexicon_dir).nicknames
        self.seen: dict[str, _Seen] = {}
        self.names: dict[str, PersonName] = {}
        self.blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.unified: dict[str, Actor] = {}
        self.dirty: set[tuple[str, str]] = set()
        self.changed: set[str] = set()  # ids whose canonical Actor may differ since ``refresh`` last ran

    def put(self, actor: Actor) -> None:
        """Make ``actor`` the one record of its actor_id (replacing an earlier one)."""
        aid = actor.actor_id
        old = self.seen.get(aid)
        if old is not None:
            if old.first == actor:
                return
            if aid in self.names:
                block = _block(self.names.pop(aid))
                self.blocks[block].discard(aid)
                self.dirty.add(block)
        record = _Seen(actor)
        record.add(actor)
        self.seen[aid] = record
        self.changed.add(aid)
        if actor.kind != "person":
            self.unified[aid] = _merge([aid], self.seen, None)
            return
        self.names[aid] = parse_name(actor.name)
        block = _block(self.names[aid])
        self.blocks[block].add(aid)
        self.dirty.add(block)

    def refresh(self) -> set[str]:
        """Group the blocks that changed again; returns the ids whose canonical Actor changed."""
        for block in self.dirty:
            grouped = _unify_block(self.blocks[block], self.seen, self.names, self.nicknames, self.threshold)
            for aid, actor in grouped.items():
                if self.unified.get(aid) != actor:
                    self.unified[aid] = actor
                    self.changed.add(aid)
        self.dirty.clear()
        changed, self.changed = self.changed, set()
        return changed


def _group(ids, seen, names, nicknames, threshold) -> list[list[str]]:  # noqa: ANN001
    full = sorted(
        (i for i in ids if names[i].given), key=lambda i: (-names[i].fullness[0], -seen[i].count, i)
    )
    groups: list[list[str]] = []
    for i in full:
        for g in groups:
            if all(
                same_person(names[i], names[m], nicknames, threshold)
                and _compatible_country(seen[i], seen[m], names[i], names[m])
                for m in g
            ):
                g.append(i)
                break
        else:
            groups.append([i])
    for i in sorted(i for i in ids if not names[i].given):
        fits = [
            g
            for g in groups
            if all(
                same_person(names[i], names[m], nicknames, threshold)
                and _compatible_country(seen[i], seen[m], names[i], names[m])
                for m in g
            )
        ]
        if len(fits) == 1:
            fits[0].append(i)
        else:
            groups.append([i])
    return groups
