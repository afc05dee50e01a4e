"""Person candidates: titled names ("Russian Defense Minister Anatoliy Serdyukov"), names with an
appositive role ("Lernes Hebert (Principal Director, ...)") and names followed by a verb of saying or doing
("Lernes Hebert said").

No list of people: evidence is a title chain, an honorific, a role appositive or a verb. Country and sector
come from the chain's pieces, else from an appositive before or after the name, else from the chain's title
hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.events.actor_lexicon import ActorLexicon, Piece
from pipeline.events.names import PersonName, Tok, is_initial, parse_name

# Strength of a country clue, strongest first.
EXPLICIT, APPOSITIVE, ORG_HINT, APPOS_HINT, TITLE_HINT, SERVICE_HINT = 30, 25, 20, 15, 10, 5
# Placeholder country of a minister or a "General Staff" without a demonym: resolved per document (see
# actors.py).
FOREIGN = "FOREIGN"
_ROLE_GLUE = frozenset(["of", "the", "for", "his", "her", "their", "its"])
_NOT_NAME_ENDINGS = frozenset(["led", "run", "era", "age", "and", "or", "the", "to", "for"])
_CLAUSE_END = frozenset([".", ";", ":", "(", ")", "!", "?", "“", "”", '"', "—", "–"])


@dataclass
class Clues:
    """What a run of title pieces says about a person."""

    sectors: set[str] = field(default_factory=set)
    country: str | None = None
    strength: int = 0
    roles: set[str] = field(default_factory=set)
    eli: bool = False
    has_title: bool = False

    def add_country(self, code: str | None, strength: int) -> None:
        if code and strength > self.strength:
            self.country, self.strength = code, strength

    def merge(self, other: Clues) -> None:
        self.sectors |= other.sectors
        self.roles |= other.roles
        self.eli |= other.eli
        self.has_title |= other.has_title
        self.add_country(other.country, other.strength)


@dataclass
class Candidate:
    """A person seen at tokens [i, j) (title included); the name itself is tokens [ni, j)."""

    i: int
    j: int
    ni: int
    name: PersonName
    clues: Clues
    evidence: str  # title | appositive | verb


def _piece_at(lex: ActorLexicon, toks: Sequence[Tok], i: int) -> tuple[int, Piece] | None:
    """The longest title piece, country or organisation starting at token ``i``."""
    t = toks[i]
    opts: list[tuple[int, Piece]] = []
    m = lex.pieces.match(toks, i) if t.low in lex.pieces.lengths else None
    if m:
        opts.append(m)
    p = lex.places.match(toks, i) if t.key in lex.places.lengths else None
    if p and p[1].code and p[1].how in ("name", "demonym"):
        opts.append((p[0], _piece("country", None, p[1].code)))
    o = lex.orgs.match(toks, i) if t.key in lex.orgs.lengths else None
    if o:
        opts.append((o[0], _piece("org", o[1].sector, o[1].country)))
    if len(opts) < 2:
        return opts[0] if opts else None
    return max(opts, key=lambda x: x[0])


@lru_cache(maxsize=1024)
def _piece(kind: str, sector: str | None, country: str | None) -> Piece:
    """The piece a country or an organisation stands for in a title chain (immutable: made once)."""
    return Piece(kind, sector=sector, country=country)


def _apply(clues: Clues, piece: Piece, home: str | None) -> None:
    if piece.kind == "country":
        clues.add_country(piece.country, EXPLICIT)
        return
    if piece.kind == "org":
        clues.add_country(piece.country, ORG_HINT)
        return
    if piece.sector == "ELI":
        clues.eli = True
    elif piece.sector:
        clues.sectors.update(piece.sector.split("+"))
    if piece.kind == "service":
        clues.add_country(home, SERVICE_HINT)
    clues.add_country(piece.country, SERVICE_HINT if piece.weak else TITLE_HINT)
    if piece.role:
        clues.roles.add(piece.role)
    if piece.kind in ("office", "rank", "counterpart"):
        clues.has_title = True


def analyse_phrase(lex: ActorLexicon, toks: Sequence[Tok], i: int, j: int, explicit: int) -> Clues:
    """Clues in an appositive or role phrase (tokens [i, j)): "chief of the Russian General Staff"."""
    clues = Clues()
    k = i
    while k < j:
        m = _piece_at(lex, toks, k)
        if m and m[0] <= j:
            piece = m[1]
            if piece.kind == "country":
                clues.add_country(piece.country, explicit)
            elif piece.kind == "org":
                clues.add_country(piece.country, APPOS_HINT)
            elif piece.kind != "honorific":
                _apply(clues, piece, None)
            k = m[0]
        else:
            k += 1
    return clues


def parse_name_at(lex: ActorLexicon, toks: Sequence[Tok], j: int) -> int | None:
    """End token of a person name starting at ``j`` ("Robert M. Gates", "Joseph F. Dunford Jr."), or None."""
    n, k, words, last = len(toks), j, 0, j
    while k < n and k - j < 8:
        t = toks[k]
        if k > j and not t.joined:
            break
        if t.text == "-" and k > j and k + 1 < n and toks[k + 1].joined and t.joined:
            nxt = toks[k + 1]
            if nxt.cap:
                k += 1
                continue
            if nxt.text.isalpha() and len(nxt.text) <= 3 and nxt.low not in _NOT_NAME_ENDINGS:
                k += 2  # "Jeong Kyeong-doo", "Prayut Chan-o-cha"
                last = k
                continue
        if t.key in lex.particles and words and k + 1 < n and toks[k + 1].cap and toks[k + 1].joined:
            k += 1
            continue
        if (
            len(t.text) == 1
            and t.text.isupper()
            and k + 1 < n
            and toks[k + 1].text == "."
            and toks[k + 1].joined
        ):
            k += 2  # initial "M."
            continue
        if is_initial(t.text) and t.text.isupper():
            k += 1
            continue
        if not (t.cap and t.word) or t.key.rstrip(".") in lex.calendar or t.key in lex.not_name_tokens:
            break
        if t.key.isupper() and len(t.key) > 3:
            break
        if lex.places.match(toks, k) or lex.orgs.match(toks, k) or (k > j and lex.pieces.match(toks, k)):
            break
        k += 1
        words, last = words + 1, k
        if t.poss:
            break
    if words == 0:
        return None
    k = last  # a name ends with a word, never with an initial
    # Suffix: "Dunford Jr." / "Dunford, Jr."
    s = k + 1 if k < n and toks[k].text == "," else k
    if s < n and toks[s].key in lex.name_suffixes and not toks[k - 1].poss:
        k = s + 2 if s + 1 < n and toks[s + 1].text == "." and toks[s + 1].joined else s + 1
    if any(toks[m].key in lex.not_name_tokens for m in range(j, k)):
        return None
    return k


def name_of(text: str, toks: Sequence[Tok], i: int, j: int, lex: ActorLexicon) -> PersonName:
    raw = text[toks[i].start : toks[j - 1].end]
    if toks[j - 1].poss:
        raw = raw[:-2]
    return parse_name(raw, lex.name_suffixes)


def _appositive_after(lex: ActorLexicon, toks: Sequence[Tok], j: int) -> tuple[int, Clues] | None:
    """ ", chief of the Russian General Staff" / " (Principal Director, ...)" / " of the Russian army"."""
    n = len(toks)
    if j >= n:
        return None
    opener = toks[j].text
    if opener in (",", "("):
        start = j + 1
    elif opener == "of" and toks[j].joined:
        start = j
    else:
        return None
    stops = {")"} if opener == "(" else {",", ")", *_CLAUSE_END}
    end = start
    while end < n and end - start < 16 and toks[end].key != "who":
        if toks[end].text in stops and not (
            toks[end].text == "." and toks[end - 1].key.lower() in lex.abbreviations
        ):
            break
        if toks[end].key == "and" and not (
            toks[end - 1].text.islower() and toks[end + 1 : end + 2] and toks[end + 1].text.islower()
        ):
            break  # "energetic and thoughtful" goes on; "..., and Russian ..." ends the phrase
        end += 1
    if end == start:
        return None
    first = toks[start]
    plain = first.text.islower() and first.key not in lex.determiners and first.key not in ("a", "an", "of")
    if plain and lex.pieces.match(toks, start) is None:
        return None  # ", met with the Russian Deputy Minister ..." is a verb phrase, not an appositive
    if _holds_person(lex, toks, start, end):
        return None  # ", Defense Minister Igor Sergeyev and ...": the next item of a list
    clues = analyse_phrase(lex, toks, start, end, APPOSITIVE)
    if opener == "of":
        return (end, clues) if clues.country else None
    if not clues.has_title:
        return None
    # The role word must come early: ", gave the Russian officers the tour" is not an appositive.
    first_title = next((k for k in range(start, end) if lex.pieces.match(toks, k)), end)
    return (end, clues) if first_title - start <= 5 else None


def _holds_person(lex: ActorLexicon, toks: Sequence[Tok], start: int, end: int) -> bool:
    """True when tokens [start, end) contain a title followed by a name: another person, not a role."""
    k = start
    while k < end:
        m = _piece_at(lex, toks, k)
        if (
            m
            and m[1].head
            and m[0] < end
            and toks[m[0]].joined
            and parse_name_at(lex, toks, m[0]) is not None
        ):
            return True
        k = m[0] if m else k + 1
    return False


def _appositive_before(lex: ActorLexicon, toks: Sequence[Tok], i: int, starts: set[int]) -> Clues | None:
    """ "his Finnish counterpart, Gen. Jarmo Lindberg" / "Chief of the General Staff of ... Russia, General
    ..."."""
    if i < 2 or toks[i - 1].text != ",":
        return None
    k = i - 2
    while k > 0 and i - k < 20 and k not in starts:
        t = toks[k - 1]
        if t.text in _CLAUSE_END or t.text == "," or t.key in ("and", "with", "by") or not toks[k].joined:
            break
        if t.word and t.text.islower() and t.key not in _ROLE_GLUE and lex.pieces.match(toks, k - 1) is None:
            break  # "... Neller met his Japanese counterpart, Gen. Koji Yamazaki": the verb ends the phrase
        k -= 1
    while k < i - 1 and toks[k].key in lex.determiners:
        k += 1
    # A role phrase starts with a title, a country or an institution: "his Finnish counterpart," or "Chief of
    # the General Staff of ... the Russian Federation,", not "the first time a Russian minister visited ...,".
    if i - 1 - k > 14 or k >= i - 1 or _piece_at(lex, toks, k) is None or _holds_person(lex, toks, k, i - 1):
        return None
    clues = analyse_phrase(lex, toks, k, i - 1, APPOSITIVE)
    return clues if clues.has_title else None


def find_titled(
    lex: ActorLexicon, text: str, toks: Sequence[Tok], claimed: list[bool], starts: set[int]
) -> list[Candidate]:
    """Persons introduced by a title chain or honorific, claiming chain and name tokens."""
    out: list[Candidate] = []
    i, n = 0, len(toks)
    pieces, places, orgs = lex.pieces.lengths, lex.places.lengths, lex.orgs.lengths
    # the tokens a title piece can start with (``_piece_at`` finds nothing at the others)
    heads = [
        k for k, t in enumerate(toks) if t.word and (t.low in pieces or t.key in places or t.key in orgs)
    ]
    for head in heads:
        if head < i or claimed[head]:
            continue
        i = head
        k, chain, first = i, None, None
        last: Piece | None = None
        last_tok = i
        while k < n and not claimed[k] and (k == i or toks[k].joined):
            m = _piece_at(lex, toks, k)
            if not m or toks[m[0] - 1].poss:
                break
            chain = Clues() if chain is None else chain  # (most heads start no chain: no clues to keep)
            _apply(chain, m[1], lex.home_country)
            first = i if first is None else first
            last, last_tok, k = m[1], k, m[0]
            if m[1].kind == "office" and k + 1 < n and toks[k].low == "to" and toks[k + 1].joined:
                dest = lex.places.match(toks, k + 1)  # "U.S. Ambassador to Russia John Tefft"
                if dest and dest[1].code:
                    k = dest[0]
        if last is None or not last.head or k >= n or not toks[k].joined:
            i += 1
            continue
        if not last.lower_ok and toks[last_tok].text[:1].islower():
            i += 1
            continue
        end = parse_name_at(lex, toks, k)
        if end is None or any(claimed[m] for m in range(k, end)):
            i += 1
            continue
        before = _appositive_before(lex, toks, i, starts)
        if before:
            chain.merge(before)
        after = _appositive_after(lex, toks, end)
        if after:
            chain.merge(after[1])
            for m in range(end, after[0]):
                claimed[m] = True
        name = name_of(text, toks, k, end, lex)
        out.append(Candidate(i, end, k, name, chain, "title"))
        for m in range(i, end):
            claimed[m] = True
        i = end
    return out


def find_untitled(
    lex: ActorLexicon, text: str, toks: Sequence[Tok], claimed: list[bool], starts: set[int]
) -> list[Candidate]:
    """Two- or three-word capitalised names with an appositive role or a verb right after, or "said NAME"."""
    out: list[Candidate] = []
    i, n = 0, len(toks)
    not_first, determiners = lex.not_name_first, lex.determiners
    firsts = [
        k
        for k, t in enumerate(toks)
        if t.cap and t.word and t.key not in not_first and t.key not in determiners
    ]
    for first in firsts:
        if first < i or claimed[first]:
            continue
        i = first
        if i > 0 and toks[i - 1].key.lower() == "by" and (i - 1 in starts or not toks[i - 1].joined):
            i += 1  # byline: the writer is not an actor
            continue
        end = parse_name_at(lex, toks, i)
        if end is None or any(claimed[m] for m in range(i, end)):
            i += 1
            continue
        words = sum(1 for m in range(i, end) if toks[m].word and len(toks[m].key) > 1)
        if not 2 <= words <= 4 or lex.pieces.match(toks, i):
            i += 1
            continue
        clues = Clues()
        evidence = None
        after = _appositive_after(lex, toks, end)
        if after and toks[end].text in (",", "("):
            clues.merge(after[1])
            evidence = "appositive"
        elif (
            end < n
            and toks[end].joined
            and toks[end].key in lex.evidence_verbs
            and not toks[end - 1].poss
            or i > 0
            and toks[i - 1].key in ("said", "says")
            and (end >= n or toks[end].text in (".", ","))
        ):
            evidence = "verb"
        if evidence is None:
            i += 1
            continue
        out.append(Candidate(i, end, i, name_of(text, toks, i, end, lex), clues, evidence))
        for m in range(i, after[0] if evidence == "appositive" and after else end):
            claimed[m] = True
        i = end
    return out
