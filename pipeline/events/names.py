"""Tokens and person-name utilities shared by actor resolution and cross-document unification.

Names are compared on a transliteration key ("Anatoliy" / "Anatoly" -> "anatoli", "Sergey" / "Sergei" ->
"sergei") and then with rapidfuzz, so spelling variants of Russian names meet without a list of people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

# "U.S." and "j.g." stay one token; "Serdyukov’s" is one token whose key drops the possessive; punctuation is
# one token per character.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*|[^\w\s]")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class Tok:
    """A token with its offsets; ``key`` drops a possessive "'s", ``joined`` says the gap before it is a space
    or
    nothing on the same line (phrases never span a comma, a newline or a paragraph)."""

    start: int
    end: int
    text: str
    key: str
    poss: bool
    joined: bool
    low: str = ""  # key.lower(), precomputed: every token is looked up in several tables

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalpha()


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into tokens with offsets (see TOKEN_RE)."""
    toks: list[Tok] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(text):
        raw = m.group()
        poss = raw.endswith(_POSSESSIVE) and len(raw) > 2
        key = raw[:-2] if poss else raw
        gap = text[prev_end : m.start()]
        joined = len(gap) <= 1 and "\n" not in gap and toks != []
        toks.append(Tok(m.start(), m.end(), raw, key, poss, joined, key.lower()))
        prev_end = m.end()
    return toks


def phrase_keys(phrase: str, lower: bool = False) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: its tokens as ``tokenize`` would key them."""
    keys = tuple(t.key for t in tokenize(phrase))
    return tuple(k.lower() for k in keys) if lower else keys


def slug(name: str) -> str:
    """Stable id of a canonical name: "Robert M. Gates" -> "robert-m-gates", "U.S. Navy" -> "us-navy"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"(?<=\w)\.(?=\w)", "", ascii_name)  # U.S. -> US
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def translit_key(token: str) -> str:
    """A spelling-tolerant key for a name token: accents dropped, y/j/i merged, doubled letters collapsed."""
    s = unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’.\-]", "", s)
    s = s.replace("y", "i").replace("j", "i").replace("kh", "h").replace("ck", "k")
    return re.sub(r"(.)\1+", r"\1", s)


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
    return bool(re.fullmatch(r"(?:[A-Z]\.)+(?:[A-Z]\.?)?", token))


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
