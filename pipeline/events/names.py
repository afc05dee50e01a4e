"""Tokens and person-name utilities shared by actor resolution and cross-document unification.

Names are compared on a transliteration key ("Anatoliy" / "Anatoly" -> "anatoli", "Sergey" / "Sergei" ->
"sergei") and then with rapidfuzz, so spelling variants of Russian names meet without a list of people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import NamedTuple

from rapidfuzz import fuzz

# "U.S." and "j.g." stay one token; "Serdyukov’s" is one token whose key drops the possessive; punctuation is
# one token per character.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*|[^\w\s]")
_POSSESSIVE = ("'s", "’s")


class Tok(NamedTuple):
    """A token with its offsets; ``key`` drops a possessive "'s", ``joined`` says the gap before it is a space
    or nothing on the same line (phrases never span a comma, a newline or a paragraph). A tuple, not a
    dataclass: a document has thousands and building them was a tenth of actor resolution."""

    start: int
    end: int
    text: str
    key: str
    poss: bool
    joined: bool
    low: str = ""  # key.lower(), precomputed: every token is looked up in several tables
    cap: bool = False  # starts with an upper-case letter (set by ``tokenize``)
    word: bool = False  # starts with a letter (set by ``tokenize``)


class Tokens(list):
    """The tokens of one text, with the per-token arrays phrase lookups use (``PhraseTable.match``):
    ``keys``/``lows`` (token keys, lower-cased keys) and ``reach`` (``reach[i]``: the end of the longest
    run from ``i`` that a multi-token phrase may cover: no possessive inside, every gap a single space)."""

    keys: list[str]
    lows: list[str]
    reach: list[int]


def tokenize(text: str) -> Tokens:
    """Split ``text`` into tokens with offsets (see TOKEN_RE). Built column by column with comprehensions
    (a document has thousands of tokens; this runs once per document and every actor finder uses it)."""
    found = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    if not found:
        toks = Tokens()
        toks.keys, toks.lows, toks.reach = [], [], []
        return toks
    starts, ends, raws = zip(*found, strict=True)
    posses = [len(r) > 2 and r.endswith(_POSSESSIVE) for r in raws]
    keys = [r[:-2] if p else r for r, p in zip(raws, posses, strict=True)]
    lows = [k.lower() for k in keys]
    # joined: the gap before the token is nothing or one character that is not a newline (never the first)
    joins = [False] + [
        s - e == 0 or (s - e == 1 and text[e] != "\n") for s, e in zip(starts[1:], ends, strict=False)
    ]
    caps = [r[0].isupper() for r in raws]
    words = [r[0].isalpha() for r in raws]
    toks = Tokens(map(_new_tok, zip(starts, ends, raws, keys, posses, joins, lows, caps, words, strict=True)))
    n = len(keys)
    reach = [0] * n
    for i in range(n - 1, -1, -1):
        if posses[i]:
            reach[i] = i
        elif i + 1 < n and joins[i + 1] and not posses[i + 1]:
            reach[i] = reach[i + 1]
        else:
            reach[i] = i + 1
    toks.keys, toks.lows, toks.reach = keys, lows, reach
    return toks


_new_tok = partial(tuple.__new__, Tok)  # a Tok from a ready tuple, without the Python-level __new__


@lru_cache(maxsize=16384)
def phrase_keys(phrase: str, lower: bool = False) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: its tokens as ``tokenize`` would key them (pure and immutable,
    so cached: the lexicon compiler and coreference ask for the same phrases again and again)."""
    keys = tuple(t.key for t in tokenize(phrase))
    return tuple(k.lower() for k in keys) if lower else keys


@lru_cache(maxsize=8192)
def slug(name: str) -> str:
    """Stable id of a canonical name: "Robert M. Gates" -> "robert-m-gates", "U.S. Navy" -> "us-navy"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = _INNER_DOT.sub("", ascii_name)  # U.S. -> US
    return _NON_ALNUM.sub("-", ascii_name.lower()).strip("-")


_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TRANSLIT_DROP = re.compile(r"['’.\-]")
_DOUBLED = re.compile(r"(.)\1+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+(?:[A-Z]\.?)?")


@lru_cache(maxsize=8192)
def translit_key(token: str) -> str:
    """A spelling-tolerant key for a name token: accents dropped, y/j/i merged, doubled letters collapsed."""
    s = unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode().lower()
    s = _TRANSLIT_DROP.sub("", s)
    s = s.replace("y", "i").replace("j", "i").replace("kh", "h").replace("ck", "k")
    return _DOUBLED.sub(r"\1", s)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A parsed person name: given names (initials keep their period), surname, optional suffix."""

    given: tuple[str, ...]
    surname: str
    suffix: str = ""

    @property
    def text(self) -> str:
        parts = [*self.given, self.surname]
        name = " ".join(parts)
        return f"{name} {self.suffix}" if self.suffix else name

    @property
    def first(self) -> str | None:
        """First given name that is not an initial ("Robert" in "Robert M. Gates"), else None."""
        for g in self.given:
            if not is_initial(g):
                return g
        return None

    @property
    def fullness(self) -> tuple[int, int]:
        return (len(self.given) + (1 if self.suffix else 0), len(self.text))


def is_initial(token: str) -> bool:
    """ "M." or "H.W." are initials."""
    return _INITIALS.fullmatch(token) is not None


def parse_name(
    text: str, suffixes: frozenset[str] = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
) -> PersonName:
    """Parse "Joseph F. Dunford Jr." into given ("Joseph", "F."), surname "Dunford", suffix "Jr."."""
    parts = text.replace(",", " ").split()
    suffix = ""
    if len(parts) > 1 and (parts[-1] in suffixes or parts[-1].rstrip(".") + "." in suffixes):
        suffix = parts.pop()
    surname = parts[-1] if parts else text
    # Lower-case particles belong to the surname ("Ursula von der Leyen" -> "von der Leyen").
    i = len(parts) - 1
    while i > 1 and parts[i - 1].islower():
        i -= 1
    surname = " ".join(parts[i:])
    return PersonName(tuple(parts[:i]), surname, suffix)


def _given_variants(name: str, nicknames: Mapping[str, str]) -> set[str]:
    key = translit_key(name)
    return {key, translit_key(nicknames.get(name, name))}


def given_compatible(a: PersonName, b: PersonName, nicknames: Mapping[str, str], threshold: float) -> bool:
    """First names agree when either is missing, they share an initial-only form, are nickname variants, or
    are
    fuzzy-equal after transliteration ("Yevgeny" / "Yevginiy")."""
    fa, fb = a.first, b.first
    if fa is None or fb is None:
        ia = a.given[0][0] if a.given else None
        ib = b.given[0][0] if b.given else None
        return ia is None or ib is None or ia.upper() == ib.upper()
    va, vb = _given_variants(fa, nicknames), _given_variants(fb, nicknames)
    if va & vb:
        return _middles_compatible(a, b)
    ka, kb = translit_key(fa), translit_key(fb)
    if min(len(ka), len(kb)) >= 4 and fuzz.ratio(ka, kb) >= threshold:
        return _middles_compatible(a, b)
    return False


def _middles_compatible(a: PersonName, b: PersonName) -> bool:
    """ "George W. Bush" and "George H.W. Bush" differ by their middle initials: not the same person."""
    ma = [g for g in a.given[1:] if is_initial(g)]
    mb = [g for g in b.given[1:] if is_initial(g)]
    return not (ma and mb and ma != mb)


def surname_score(a: str, b: str) -> float:
    """0-100 similarity of two surnames on their transliteration keys."""
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return 100.0
    if ka[:1] != kb[:1] or min(len(ka), len(kb)) < 4:
        return 0.0
    return fuzz.ratio(ka, kb)


def same_person(a: PersonName, b: PersonName, nicknames: Mapping[str, str], threshold: float = 85.0) -> bool:
    """True when two names can denote one person: surname equal or fuzzy-equal, and compatible given names."""
    if surname_score(a.surname, b.surname) < threshold:
        return False
    return given_compatible(a, b, nicknames, threshold)
