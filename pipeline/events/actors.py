"""Actors of one document (people, organisations, countries) and their unification across documents.

``resolve_actors`` finds titled people without any list naming them, organisations and countries from the
lexicon (``data/lexicon/actors/``), then every later mention (surname, honorific, misspelling, role noun,
counterpart, demonym, capital as metonym). ``unify_actors`` merges one person's spellings across documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pipeline.events.actor_coref import Person, PersonMention, cluster, role_mentions, surname_mentions
from pipeline.events.actor_lexicon import ActorLexicon, PhraseTable, load_lexicon
from pipeline.events.actor_people import FOREIGN, find_titled, find_untitled
from pipeline.events.actor_places import Found, find_places, fold_ship_names
from pipeline.events.actor_unify import unify_actors
from pipeline.events.names import Tok, slug, tokenize
from pipeline.model import Actor, ActorMention, Span

__all__ = ["actors_in_span", "resolve_actors", "unify_actors"]

FUZZY_THRESHOLD = 85.0
_SECTOR_ORDER = ("GOV", "MIL", "LEG", "JUD", "BUS", "MED", "NGO")


def actors_in_span(mentions: Iterable[ActorMention], start: int, end: int) -> list[ActorMention]:
    """Mentions overlapping the character span [start, end), in text order."""
    return sorted((m for m in mentions if m.start < end and m.end > start), key=lambda m: (m.start, m.end))


def _sentence_starts(text: str, toks: Sequence[Tok], sentences: Sequence[Span]) -> tuple[set[int], list[int]]:
    """Token indices that begin a sentence or a line, and the sentence number of every token (one walk over
    tokens and sentence offsets together: both are in text order)."""
    offsets = sorted({s.start for s in sentences} | {0})
    starts: set[int] = set()
    sent_of: list[int] = []
    prev, s, last = -1, 0, len(offsets) - 1
    following = offsets[1] if last else None
    prev_end = 0
    for k, t in enumerate(toks):
        while following is not None and following <= t.start:
            s += 1
            following = offsets[s + 1] if s < last else None
        # (a token joined to the one before has no line break before it: no need to look)
        if s != prev or k == 0 or (not t.joined and text.find("\n", prev_end, t.start) >= 0):
            starts.add(k)
        prev, prev_end = s, t.end
        sent_of.append(s)
    return starts, sent_of


def _claim_furniture(lex: ActorLexicon, toks: Sequence[Tok], starts: set[int], claimed: list[bool]) -> None:
    """Bylines ("By Jim Garamone"), photo credits and publisher names are not actors."""
    ignore_starts = lex.ignore.lengths
    # (only where an ignored phrase or a byline can start)
    for i in [k for k, t in enumerate(toks) if t.key in ignore_starts or t.key == "By" or t.key == "by"]:
        t = toks[i]
        m = lex.ignore.match(toks, i)
        if m:
            for k in range(i, m[0]):
                claimed[k] = True
        if t.key in ("By", "by") and (i in starts or (i > 0 and toks[i - 1].key.lower() == "photo")):
            k = i + 1
            while k < len(toks) and toks[k].joined and toks[k].text not in (",", "(", "—", "–"):
                claimed[k] = True
                k += 1


def _sector(person: Person) -> str | None:
    if person.clues.eli:
        return "ELI"
    secs = [s for s in _SECTOR_ORDER if s in person.clues.sectors]
    secs += sorted(person.clues.sectors - set(_SECTOR_ORDER))
    return "+".join(secs) or None


def _foreign_resolver(
    lex: ActorLexicon, found: Sequence[Found], sent_of: Sequence[int]
) -> Callable[[int], str | None]:
    """FOREIGN -> the one non-home country named in the token's sentence, else the document's most named
    one."""
    home = lex.home_country
    per_sentence: dict[int, set[str]] = {}
    counts: Counter[str] = Counter()
    for f in found:
        code = f.actor.country
        if f.actor.kind == "country" and code and code != home:
            per_sentence.setdefault(sent_of[f.i], set()).add(code)
            counts[code] += 1
    first = {}
    for f in found:
        if f.actor.kind == "country" and f.actor.country:
            first.setdefault(f.actor.country, f.i)

    def resolve(tok: int) -> str | None:
        here = per_sentence.get(sent_of[tok], set())
        if len(here) == 1:
            return next(iter(here))
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -first[c]))

    return resolve


def _foreign_org(lex: ActorLexicon, f: Found, resolve: Callable[[int], str | None]) -> Found:
    """ "General Staff" in a story about Russia -> Russian General Staff (RUS)."""
    code = resolve(f.i)
    a = f.actor
    name = f"{lex.country_prefix.get(code, code)} {a.name}" if code else a.name
    return Found(f.i, f.j, Actor(slug(name), name, a.kind, code, a.sector), f.how, f.aliases)


def _person_actor(person: Person, lex: ActorLexicon, resolve: Callable[[int], str | None]) -> Actor:
    name = person.canonical()
    country = person.clues.country
    if country == FOREIGN:
        country = resolve(min(person.positions))
    if country is None and "MIL" in person.clues.sectors:
        country = lex.home_country  # an unmarked officer in US defence news
    aliases = sorted({f.text for f in person.forms} - {name.text} | set(person.surnames))
    return Actor(slug(name.text), name.text, "person", country, _sector(person), tuple(aliases))


def _alias_mentions(
    found: Sequence[Found], toks: Sequence[Tok], claimed: list[bool]
) -> list[tuple[int, int, Actor, str]]:
    """Short forms of ships and other named organisations seen in full earlier ("The Sullivans", "Moskva")."""
    table: PhraseTable[Actor] = PhraseTable()
    for f in found:
        for alias in f.aliases:
            table.add(alias, f.actor)
    out = []
    if not table.entries:
        return out
    for i in range(len(toks)):
        if claimed[i]:
            continue
        m = table.match(toks, i)
        if m and not any(claimed[k] for k in range(i, m[0])):
            out.append((i, m[0], m[1], "alias"))
            for k in range(i, m[0]):
                claimed[k] = True
    return out


def resolve_actors(
    text: str, sentences: Sequence[Span], lexicon_dir: Path | None = None
) -> tuple[list[Actor], list[ActorMention]]:
    """Canonical actors of one document and every mention of them (offsets into ``text``).

    Every ``ActorMention.actor_id`` is the id of one of the returned actors. ``how`` is one of: name (full
    name, or title chain + name), honorific ("Mr. Serdyukov", "Minister Rodionov"), surname, fuzzy (misspelt
    surname), role ("the secretary", "his counterpart"), alias (short form of an organisation), demonym
    ("Russian"), metonym (a capital standing for its country: "Moscow").
    """
    lex = load_lexicon(lexicon_dir)
    toks = tokenize(text)
    starts, sent_of = _sentence_starts(text, toks, sentences)
    claimed = [False] * len(toks)
    _claim_furniture(lex, toks, starts, claimed)
    cands = find_titled(lex, text, toks, claimed, starts)
    found = fold_ship_names(find_places(lex, text, toks, claimed, starts))
    cands += find_untitled(lex, text, toks, claimed, starts)
    persons, owner = cluster(cands, lex, FUZZY_THRESHOLD)
    pmentions = [
        PersonMention(c.i, c.j, owner[k], "name" if c.name.given else "honorific")
        for k, c in enumerate(cands)
    ]
    pmentions += surname_mentions(persons, toks, claimed, starts, lex, FUZZY_THRESHOLD)
    pmentions += role_mentions(persons, pmentions, toks, claimed, sent_of, lex)

    resolve = _foreign_resolver(lex, found, sent_of)
    found = [_foreign_org(lex, f, resolve) if f.actor.country == FOREIGN else f for f in found]
    person_actors = [_person_actor(p, lex, resolve) for p in persons]
    actors: dict[str, Actor] = {a.actor_id: a for a in person_actors}
    raw: list[tuple[int, int, Actor, str]] = [(m.i, m.j, person_actors[m.person], m.how) for m in pmentions]
    raw += [(f.i, f.j, f.actor, f.how) for f in found]
    raw += _alias_mentions(found, toks, claimed)
    surfaces: dict[str, set[str]] = {}
    mentions: list[ActorMention] = []
    for i, j, actor, how in sorted(raw, key=lambda r: (toks[r[0]].start, -r[1])):
        start, end = toks[i].start, toks[j - 1].end
        surface = text[start:end]
        actors.setdefault(actor.actor_id, actor)
        if actor.kind != "person":
            surfaces.setdefault(actor.actor_id, set()).add(surface)
        mentions.append(ActorMention(start, end, surface, actor.actor_id, how))
    for aid, forms in surfaces.items():
        a = actors[aid]
        extra = tuple(sorted(forms - {a.name}))
        actors[aid] = Actor(a.actor_id, a.name, a.kind, a.country, a.sector, extra)
    return list(actors.values()), mentions
