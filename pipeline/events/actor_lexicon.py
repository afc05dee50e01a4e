"""Actor vocabularies from ``data/lexicon/actors/*.yaml``, compiled once per process into token-phrase tables.

A phrase table maps a tuple of token keys to a payload and is indexed by its first key, so looking up
every token
of a document costs one dict probe per token (no giant regex alternations).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

import pycountry
import yaml

from pipeline.events.names import Tok, phrase_keys

T = TypeVar("T")


@dataclass
class PhraseTable(Generic[T]):
    """Token-tuple -> payload, longest match first; ``lower`` tables compare lower-cased keys."""

    lower: bool = False
    entries: dict[tuple[str, ...], T] = field(default_factory=dict)
    lengths: dict[str, list[int]] = field(default_factory=dict)

    def add(self, phrase: str, payload: T, overwrite: bool = False) -> None:
        key = phrase_keys(phrase, self.lower)
        if not key or (key in self.entries and not overwrite):
            return
        self.entries[key] = payload
        lens = self.lengths.setdefault(key[0], [])
        if len(key) not in lens:
            lens.append(len(key))
            lens.sort(reverse=True)

    def match(self, toks: Sequence[Tok], i: int) -> tuple[int, T] | None:
        """Longest phrase starting at token ``i``: (end token index, payload). Phrases never cross a gap
        that is not a single space, and only a one-token phrase may carry a possessive."""
        lens = self.lengths.get(toks[i].low if self.lower else toks[i].key)
        if not lens:
            return None
        reach = getattr(toks, "reach", None)
        if reach is None:  # a plain token list (not from ``tokenize``)
            return self._match_plain(toks, i, lens)
        names = toks.lows if self.lower else toks.keys  # type: ignore[attr-defined]
        limit = reach[i]
        entries = self.entries
        for n in lens:
            j = i + n
            if n > 1 and j > limit:
                continue
            payload = entries.get(tuple(names[i:j]))
            if payload is not None:
                return j, payload
        return None

    def _match_plain(self, toks: Sequence[Tok], i: int, lens: list[int]) -> tuple[int, T] | None:
        for n in lens:
            j = i + n
            if j > len(toks):
                continue
            span = toks[i:j]
            if any(not t.joined or t.poss for t in span[1:]) or any(t.poss for t in span[:-1]):
                continue
            key = tuple(t.low for t in span) if self.lower else tuple(t.key for t in span)
            payload = self.entries.get(key)
            if payload is not None:
                return j, payload
        return None


@dataclass(frozen=True)
class Place:
    """A country-ish phrase.

    how: name | demonym | metonym (capital) | none (a region or US state: not an actor)."""

    code: str | None
    how: str
    homonym: str | None = None


@dataclass(frozen=True)
class Org:
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class Piece:
    """One piece of a title chain.

    kind: office | rank | honorific | modifier | service | counterpart | country | org."""

    kind: str
    sector: str | None = None
    country: str | None = None
    role: str | None = None
    lower_ok: bool = False
    weak: bool = False  # country is only the home-country default ("President Bush")

    @property
    def head(self) -> bool:
        return self.kind in ("office", "rank", "honorific", "counterpart")


@dataclass(frozen=True)
class Template:
    name: str
    sector: str | None
    by_country: tuple[tuple[str, str], ...] = ()


@dataclass
class ActorLexicon:
    """Every actor vocabulary, compiled."""

    places: PhraseTable[Place]
    orgs: PhraseTable[Org]
    ignore: PhraseTable[bool]
    pieces: PhraseTable[Piece]
    suffixes: PhraseTable[Template]
    bare_services: PhraseTable[Org]
    ship_types: PhraseTable[bool]
    unit_heads: PhraseTable[bool]
    country_name: dict[str, str]
    country_prefix: dict[str, str]
    homonym_before: dict[str, frozenset[tuple[str, ...]]]
    homonym_after: dict[str, frozenset[tuple[str, ...]]]
    homonym_cities: dict[str, frozenset[str]]
    us_places: frozenset[str]
    ship_prefixes: dict[str, str]
    role_nouns: dict[str, bool]  # noun -> ambiguous
    determiners: frozenset[str]
    evidence_verbs: frozenset[str]
    not_name_first: frozenset[str]
    not_name_tokens: frozenset[str]
    calendar: frozenset[str]
    name_suffixes: frozenset[str]
    particles: frozenset[str]
    nicknames: dict[str, str]
    home_country: str | None
    family_name_first: frozenset[str] = frozenset()  # countries whose names put the family name first
    abbreviations: frozenset[str] = frozenset()  # "adm", "gen", "mr": a period after them ends no phrase
    # Token keys that can start a place, organisation, ignored phrase, bare service or ship name: the
    # finders skip every other token with one set probe (most tokens of a text start none of them).
    place_starts: frozenset[str] = frozenset()


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def default_lexicon_dir() -> Path:
    from pipeline.config import DEFAULT_SETTINGS

    return DEFAULT_SETTINGS.lexicon_dir


def load_lexicon(lexicon_dir: Path | None = None) -> ActorLexicon:
    """The compiled actor lexicon of ``lexicon_dir`` (default: settings), cached per process."""
    return _load_cached(_resolved(lexicon_dir))


@lru_cache(maxsize=32)
def _resolved(lexicon_dir: Path | str | None) -> Path:
    """The absolute lexicon folder (resolving a path costs system calls; this runs once per document)."""
    return Path(lexicon_dir or default_lexicon_dir()).resolve()


def _pycountry_names(code: str) -> Iterable[str]:
    rec = pycountry.countries.get(alpha_3=code)
    if rec is None:
        return ()
    names = [getattr(rec, "common_name", None), rec.name, getattr(rec, "official_name", None)]
    return [n for n in names if n and "," not in n and "(" not in n]


@lru_cache(maxsize=8)
def _load_cached(lexicon_dir: Path) -> ActorLexicon:
    base = lexicon_dir / "actors"
    countries, titles, orgs_doc = (
        _load(base / f) for f in ("countries.yaml", "titles.yaml", "organizations.yaml")
    )
    nick_doc = _load(base / "nicknames.yaml") if (base / "nicknames.yaml").exists() else {}

    places: PhraseTable[Place] = PhraseTable()
    orgs: PhraseTable[Org] = PhraseTable()
    country_name: dict[str, str] = {}
    country_prefix: dict[str, str] = {}
    homonym_cities: dict[str, frozenset[str]] = {}
    for code, spec in (countries.get("countries") or {}).items():
        country_name[code] = spec["name"]
        demonyms = spec.get("demonyms") or []
        country_prefix[code] = spec.get("prefix") or (demonyms[0] if demonyms else spec["name"])
        homonym = spec.get("homonym")
        for name in [spec["name"], *(spec.get("aliases") or [])]:
            places.add(name, Place(code, "name", homonym))
        for dem in demonyms:
            places.add(dem, Place(code, "demonym"))
        for cap in spec.get("capitals") or []:
            places.add(cap, Place(code, "metonym"))
        if spec.get("cities"):
            homonym_cities[code] = frozenset(spec["cities"])
    for code in country_name:  # pycountry's names last: never override a listed alias
        for name in _pycountry_names(code):
            places.add(name, Place(code, "name"))
    for name in countries.get("not_countries") or []:
        places.add(name, Place(None, "none"), overwrite=True)
    us_states: dict[str, str] = countries.get("us_states") or {}
    for state, abbr in us_states.items():
        places.add(abbr, Place(None, "none"))
        if state not in country_name.values():
            places.add(state, Place(None, "none"))
    for spec in (countries.get("igos") or {}).values():
        org = Org(spec["name"], "IGO", None)
        for name in [spec["name"], *(spec.get("aliases") or [])]:
            orgs.add(name, org)

    for spec in orgs_doc.get("organizations") or []:
        org = Org(spec["name"], spec.get("country"), spec.get("sector"))
        for name in [spec["name"], *(spec.get("aliases") or [])]:
            orgs.add(name, org)
    ignore: PhraseTable[bool] = PhraseTable()
    for phrase in orgs_doc.get("ignore") or []:
        ignore.add(phrase, True)
    suffixes: PhraseTable[Template] = PhraseTable(lower=True)
    for spec in orgs_doc.get("templates") or []:
        tpl = Template(spec["name"], spec.get("sector"), tuple((spec.get("by_country") or {}).items()))
        for suf in spec["suffixes"]:
            suffixes.add(suf, tpl)
    bare: PhraseTable[Org] = PhraseTable()
    home = (titles.get("defaults") or {}).get("home_country")
    for spec in orgs_doc.get("bare_services") or []:
        for name in spec["names"]:
            bare.add(name, Org(spec["name"], home, spec.get("sector")))
    ship_types: PhraseTable[bool] = PhraseTable(lower=True)
    for name in orgs_doc.get("ship_types") or []:
        ship_types.add(name, True)
    unit_heads: PhraseTable[bool] = PhraseTable()
    for name in orgs_doc.get("unit_heads") or []:
        unit_heads.add(name, True)

    pieces = _title_pieces(titles, home)
    hom = countries.get("homonyms") or {}
    ship_prefixes = dict(orgs_doc.get("ship_prefixes") or {})
    place_starts = frozenset([*places.lengths, *orgs.lengths, *ignore.lengths, *bare.lengths, *ship_prefixes])
    return ActorLexicon(
        places=places,
        orgs=orgs,
        ignore=ignore,
        pieces=pieces,
        suffixes=suffixes,
        bare_services=bare,
        ship_types=ship_types,
        unit_heads=unit_heads,
        country_name=country_name,
        country_prefix=country_prefix,
        homonym_before={
            k: frozenset(phrase_keys(p) for p in (v.get("before") or [])) for k, v in hom.items()
        },
        homonym_after={k: frozenset(phrase_keys(p) for p in (v.get("after") or [])) for k, v in hom.items()},
        homonym_cities=homonym_cities,
        us_places=frozenset([*us_states, *us_states.values()]),
        ship_prefixes=ship_prefixes,
        role_nouns={k: bool((v or {}).get("ambiguous")) for k, v in (titles.get("role_nouns") or {}).items()},
        determiners=frozenset(titles.get("determiners") or []),
        evidence_verbs=frozenset(titles.get("evidence_verbs") or []),
        not_name_first=frozenset(titles.get("not_name_first") or []),
        not_name_tokens=frozenset(titles.get("not_name_tokens") or []),
        calendar=frozenset(w.rstrip(".") for w in titles.get("calendar_words") or []),
        name_suffixes=frozenset(titles.get("name_suffixes") or []),
        particles=frozenset(titles.get("name_particles") or []),
        nicknames={v: k for k, vs in (nick_doc.get("nicknames") or {}).items() for v in vs},
        home_country=home,
        family_name_first=frozenset(countries.get("family_name_first") or []),
        abbreviations=frozenset(
            key[k - 1] for key in pieces.entries for k in range(1, len(key)) if key[k] == "."
        ),
        place_starts=place_starts,
    )


def _title_pieces(titles: dict[str, Any], home: str | None) -> PhraseTable[Piece]:
    pieces: PhraseTable[Piece] = PhraseTable(lower=True)
    rank_sector = titles.get("rank_sector", "MIL")
    for kind, section in (
        ("office", "offices"),
        ("rank", "ranks"),
        ("modifier", "modifiers"),
        ("service", "services"),
    ):
        for spec in titles.get(section) or []:
            sector = spec.get("sector") or (rank_sector if kind == "rank" else None)
            country = spec.get("country")
            weak = country == "HOME"
            country = home if weak else country
            piece = Piece(kind, sector, country, spec.get("role"), bool(spec.get("lower")), weak)
            for name in spec["names"]:
                pieces.add(name, piece)
    for name in titles.get("honorifics") or []:
        pieces.add(name, Piece("honorific"))
    for name in titles.get("counterpart") or []:
        pieces.add(name, Piece("counterpart", role="counterpart", lower_ok=True))
    return pieces
