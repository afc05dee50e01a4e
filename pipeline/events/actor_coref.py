"""Within one document: group person candidates into persons, then find their later mentions by surname
("Gates", "Serdyukov’s"), misspelling ("Serdykov", rapidfuzz), role noun ("the secretary", "The chairman") and
"his counterpart" (the other principal of the passage).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from pipeline.events.actor_lexicon import ActorLexicon, PhraseTable, Piece
from pipeline.events.actor_people import FOREIGN, TITLE_HINT, Candidate, Clues
from pipeline.events.names import PersonName, Tok, phrase_keys, same_person, surname_score, translit_key


@dataclass
class Person:
    """One person of the document, with every name form seen and the clues gathered from all its titles."""

    forms: list[PersonName]
    clues: Clues
    surnames: Counter[str] = field(default_factory=Counter)
    positions: list[int] = field(default_factory=list)  # token indices of mentions

    def canonical(self) -> PersonName:
        """Fullest form seen, with the most frequent surname spelling ("Serdykov" -> "Serdyukov")."""
        best = max(self.forms, key=lambda f: (f.fullness[0], -self.forms.index(f)))
        common = self.surnames.most_common(1)[0][0] if self.surnames else best.surname
        if self.surnames.get(common, 0) > self.surnames.get(best.surname, 0):
            return PersonName(best.given, common, best.suffix)
        return best


@dataclass(frozen=True)
class PersonMention:
    i: int
    j: int
    person: int
    how: str


def _country_clash(a: Clues, b: Clues, home: str | None) -> bool:
    """Two strong, different countries; FOREIGN (see titles.yaml) clashes only with the home country."""
    ca, cb = a.country, b.country
    if ca is None or cb is None or ca == cb or min(a.strength, b.strength) < TITLE_HINT:
        return False
    if FOREIGN in (ca, cb):
        return home in (ca, cb)
    return True


def cluster(
    cands: Sequence[Candidate], lex: ActorLexicon, threshold: float
) -> tuple[list[Person], list[int]]:
    """Assign every candidate to a person; full names first so "Secretary Gates" joins "Robert M. Gates"."""
    persons: list[Person] = []
    owner = [-1] * len(cands)
    order = sorted(range(len(cands)), key=lambda c: (not cands[c].name.given, cands[c].i))
    for c in order:
        cand = cands[c]
        best, best_key = -1, (-1.0, -1)
        for p, person in enumerate(persons):
            if _country_clash(person.clues, cand.clues, lex.home_country):
                continue
            if not any(same_person(cand.name, f, lex.nicknames, threshold) for f in person.forms):
                continue
            score = max(surname_score(cand.name.surname, f.surname) for f in person.forms)
            last_before = max((pos for pos in person.positions if pos < cand.i), default=-1)
            if (score, last_before) > best_key:
                best, best_key = p, (score, last_before)
        if best < 0:
            persons.append(Person([cand.name], Clues()))
            best = len(persons) - 1
        person = persons[best]
        if cand.name.given and cand.name not in person.forms:
            person.forms.append(cand.name)
        person.clues.merge(cand.clues)
        person.surnames[cand.name.surname] += 1
        person.positions.append(cand.i)
        owner[c] = best
    return persons, owner


def _neighbours_ok(lex: ActorLexicon, toks: Sequence[Tok], i: int, starts: set[int]) -> bool:
    """A bare surname must stand alone: not "Gates Foundation", not "Michelle Obama" for Barack."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (
        nxt
        and nxt.joined
        and nxt.cap
        and nxt.word
        and not toks[i].poss
        and nxt.key.rstrip(".") not in lex.calendar
    ):
        return False
    if i > 0 and i not in starts and toks[i].joined:
        p = toks[i - 1]
        if p.cap and p.word and not p.poss and lex.pieces.match(toks, i - 1) is None:
            return p.key in lex.determiners or p.key in lex.not_name_first
    return True


def surname_mentions(
    persons: Sequence[Person],
    toks: Sequence[Tok],
    claimed: list[bool],
    starts: set[int],
    lex: ActorLexicon,
    threshold: float,
) -> list[PersonMention]:
    """Full names, surnames and misspelled surnames on unclaimed tokens."""
    forms: PhraseTable[int] = PhraseTable()
    by_surname: dict[str, list[int]] = {}
    for p, person in enumerate(persons):
        for f in person.forms:
            forms.add(f.text, p)
            forms.add(" ".join([f.first or "", f.surname]).strip(), p)
        for s in {f.surname for f in person.forms}:
            by_surname.setdefault(translit_key(s), []).append(p)
        if person.clues.country in lex.family_name_first:  # "Wei Fenghe" -> "Wei"
            for s in {f.given[0] for f in person.forms if len(f.given) == 1}:
                by_surname.setdefault(translit_key(s), []).append(p)
    keys = list(by_surname)
    out: list[PersonMention] = []
    for i in [k for k, t in enumerate(toks) if t.cap and t.word]:
        if claimed[i]:
            continue
        t = toks[i]
        m = forms.match(toks, i)
        if m and len(phrase_keys(toks[i].text)) and m[0] - i > 1:
            out.append(PersonMention(i, m[0], m[1], "name"))
            for k in range(i, m[0]):
                claimed[k] = True
            continue
        if not _neighbours_ok(lex, toks, i, starts):
            continue
        key = translit_key(t.key)
        how = "surname"
        owners = by_surname.get(key)
        if owners is None and len(key) >= 5 and keys and not _known_word(lex, toks, i):
            hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
            if hit and hit[0][:1] == key[:1]:
                owners, how = by_surname[hit[0]], "fuzzy"
        if not owners:
            continue
        p = max(owners, key=lambda o: max((pos for pos in persons[o].positions if pos < i), default=-1))
        if how == "fuzzy" or any(translit_key(f.surname) == key for f in persons[p].forms):
            persons[p].surnames[t.key] += 1  # spelling votes; a family name used first ("Wei") is no vote
        persons[p].positions.append(i)
        out.append(PersonMention(i, i + 1, p, how))
        claimed[i] = True
    return out


def _known_word(lex: ActorLexicon, toks: Sequence[Tok], i: int) -> bool:
    k = toks[i].key
    return (
        k in lex.not_name_first
        or k in lex.not_name_tokens
        or k.rstrip(".") in lex.calendar
        or lex.pieces.match(toks, i) is not None
        or lex.places.match(toks, i) is not None
    )


def role_mentions(
    persons: Sequence[Person],
    mentions: list[PersonMention],
    toks: Sequence[Tok],
    claimed: list[bool],
    sent_of: Sequence[int],
    lex: ActorLexicon,
) -> list[PersonMention]:
    """ "the secretary" -> the last person titled secretary; "his (Russian) counterpart" -> the other
    principal."""
    timeline = sorted((m.i, m.person) for m in mentions)
    objects = {m.i for m in mentions if _is_object(toks, m.j)}
    starts_at = {m.i: m.person for m in mentions}
    out: list[PersonMention] = []
    n = len(toks)
    determiners = lex.determiners
    for i in [k for k, t in enumerate(toks[: n - 1]) if t.key in determiners]:
        if claimed[i]:
            continue
        k, country = i + 1, None
        while k < n and k - i <= 4 and toks[k].joined and not claimed[k]:
            place = lex.places.match(toks, k)
            if place and place[1].code and place[1].how in ("name", "demonym"):
                country, k = place[1].code, place[0]
                continue
            word = toks[k].key.lower()
            if word in lex.role_nouns or word == "counterpart":
                break
            if not (toks[k].word and toks[k].text.islower()) or toks[k].key in _FUNCTION_WORDS or k - i > 3:
                k = n
                break
            k += 1
        if k >= n or not toks[k].joined or claimed[k]:
            continue
        piece = lex.pieces.match(toks, k)
        role = toks[k].key.lower()
        end = piece[0] if piece and piece[1].role == role else k + 1
        nxt = toks[end] if end < n and toks[end].joined else None
        if nxt is not None and nxt.cap and nxt.word:
            continue  # a title before a name, handled elsewhere
        ambiguous = lex.role_nouns.get(role) and nxt is not None and nxt.word and nxt.text.islower()
        if ambiguous and nxt.key not in lex.evidence_verbs:
            continue  # "the general public"
        hint = piece[1] if piece and piece[1].role == role else None
        if end + 1 < n and toks[end].text == "," and end + 1 in starts_at:
            p: int | None = starts_at[end + 1]  # "his counterpart, Sergeyev,"
        elif role == "counterpart":
            p = _counterpart(persons, timeline, i, country, sent_of, objects)
        else:
            if hint is not None and (hint.weak or hint.country == FOREIGN):
                hint = Piece(hint.kind, hint.sector, None, hint.role)  # a default, not a clue
            p = _role_holder(persons, timeline, i, role, country or (hint.country if hint else None), hint)
        if p is None:
            continue
        start = i if toks[i].key.lower() == "the" else i
        out.append(PersonMention(start, end, p, "role"))
        timeline.insert(bisect_right(timeline, (i, p)), (i, p))
        for m in range(start, end):
            claimed[m] = True
    return out


_PREPOSITIONS = frozenset(
    ["to", "of", "in", "at", "on", "for", "with", "from", "by", "about", "into", "during"]
)
_FUNCTION_WORDS = _PREPOSITIONS | {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "that",
    "who",
    "which",
    "his",
    "her",
    "its",
}


def _is_object(toks: Sequence[Tok], j: int) -> bool:
    """A mention ending at token ``j`` is no subject when possessive or followed by a preposition."""
    return toks[j - 1].poss or (j < len(toks) and toks[j].key in _PREPOSITIONS)


def _role_holder(persons, timeline, i, role, country, hint) -> int | None:  # noqa: ANN001
    def fits(p: int) -> bool:
        person = persons[p]
        if country and person.clues.country and person.clues.country != country:
            return False
        if role in person.clues.roles:
            return True
        if hint is None or not hint.sector:
            return False
        return bool(set(hint.sector.split("+")) & person.clues.sectors) and (
            not hint.country or person.clues.country == hint.country
        )

    titled = [(pos, p) for pos, p in timeline if role in persons[p].clues.roles and fits(p)]
    before = [p for pos, p in titled if pos < i]
    if before:
        return before[-1]
    after = [p for pos, p in titled if pos > i]  # "the new Minister of Defense who is General Igor Rodionov"
    if after:
        return after[0]
    if hint is None or not hint.country:
        return None
    before = [p for pos, p in timeline if pos < i and fits(p)]
    if before:
        return before[-1]
    after = [p for pos, p in timeline if pos > i and fits(p)]
    return after[0] if after else None


def _counterpart(persons, timeline, i, country, sent_of, objects) -> int | None:  # noqa: ANN001
    """The other principal: not the person "his" refers to, taken as the last one named in the sentence
    that is not an object ("invited Serdyukov to ...", "Serdyukov’s actions"), else the sentence's first,
    else the last named before."""
    same_sentence = [(pos, p) for pos, p in timeline if pos < i and sent_of[pos] == sent_of[i]]
    subjects = [p for pos, p in same_sentence if pos not in objects]
    earlier = [p for pos, p in timeline if pos < i]
    if subjects:
        x: int | None = subjects[-1]
    elif same_sentence:
        x = same_sentence[0][1]
    else:
        x = earlier[-1] if earlier else None
    x_country = persons[x].clues.country if x is not None else None

    def fits(p: int) -> bool:
        c = persons[p].clues.country
        if p == x or (country and c != country):
            return False
        return not (x_country and c and c == x_country)

    before = [p for pos, p in timeline if pos < i and fits(p)]
    if before:
        return before[-1]
    after = [p for pos, p in timeline if pos > i and fits(p)]
    return after[0] if after else None
