"""Countries and organisations in a token stream: names, demonyms, capitals as metonyms, institutions from the
lexicon, "<country> <institution>" templates ("Russian Federation Air Force" -> Russian Air Force), ships
("USS The Sullivans (DDG 68)") and numbered units ("2nd Bomb Wing").

Each finder claims the tokens it uses so that later finders (and person detection) do not reuse them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.events.actor_lexicon import ActorLexicon, Org, Place
from pipeline.events.names import Tok, slug
from pipeline.model import Actor

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_DIRECTIONS = frozenset(
    ["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"]
)


@dataclass(frozen=True)
class Found:
    """An actor found at tokens [i, j); ``aliases`` are extra surface forms later mentions may use."""

    i: int
    j: int
    actor: Actor
    how: str
    aliases: tuple[str, ...] = ()


def country_actor(lex: ActorLexicon, code: str) -> Actor:
    name = lex.country_name.get(code, code)
    return Actor(slug(name), name, "country", code, None)


def org_actor(org: Org) -> Actor:
    return Actor(slug(org.name), org.name, "org", org.country, org.sector)


def _country_prefix(lex: ActorLexicon, toks: Sequence[Tok], i: int) -> tuple[int, str] | None:
    m = lex.places.match(toks, i) if toks[i].key in lex.places.lengths else None
    if m and m[1].code and m[1].how in ("name", "demonym") and not toks[m[0] - 1].poss:
        return m[0], m[1].code
    return None


def _template(lex: ActorLexicon, toks: Sequence[Tok], i: int, pre: tuple[int, str] | None) -> Found | None:
    """Country + institution: Russian Navy, the United States Navy, U.S. troops, Russian Defense Ministry."""
    if not pre or pre[0] >= len(toks) or not toks[pre[0]].joined:
        return None
    j, code = pre
    if toks[j].text == "-" or (i > 0 and toks[i - 1].text == "-" and toks[i].joined):
        return None  # "U.S.-Russia military relationship": a compound adjective, not an institution
    m = lex.suffixes.match(toks, j)
    if not m:
        return None
    end, tpl = m
    name = dict(tpl.by_country).get(code) or f"{lex.country_prefix.get(code, code)} {tpl.name}"
    return Found(i, end, Actor(slug(name), name, "org", code, tpl.sector), "name")


_NAME_ABBREVIATIONS = frozenset(["St", "Ste", "Mt", "Ft"])


def _name_run(toks: Sequence[Tok], j: int, limit: int = 5) -> int:
    """End of a run of joined capitalised tokens starting at ``j`` (ship and unit names; "St. Albans")."""
    k = j
    while k < len(toks) and k - j < limit and toks[k].joined and (toks[k].cap or toks[k].text[:1].isdigit()):
        k += 1
        if toks[k - 1].poss:
            break
        if (
            toks[k - 1].key in _NAME_ABBREVIATIONS
            and k < len(toks)
            and toks[k].text == "."
            and toks[k].joined
        ):
            k += 1
    return k


def _hull(text: str, toks: Sequence[Tok], k: int) -> int:
    """Extend past a hull number in parentheses: "(DDG 68)", "(T-AO 201)"."""
    if k < len(toks) and toks[k].text == "(":
        for m in range(k + 1, min(k + 8, len(toks))):
            if toks[m].text == ")":
                return (
                    m + 1 if re.fullmatch(r"\([A-Z][A-Z\- ]*\d+\)", text[toks[k].start : toks[m].end]) else k
                )
    return k


def _ship(
    lex: ActorLexicon, text: str, toks: Sequence[Tok], i: int, pre: tuple[int, str] | None
) -> Found | None:
    t = toks[i]
    code = lex.ship_prefixes.get(t.key)
    start_name = i + 1
    if code is None:
        if not pre or pre[0] >= len(toks):
            return None
        m = lex.ship_types.match(toks, pre[0])
        if not m:
            return None
        code, start_name = pre[1], m[0]
        if start_name < len(toks) and toks[start_name].key in lex.ship_prefixes:
            inner = _ship(lex, text, toks, start_name, None)  # "the British Frigate HMS St. Albans (F 83)"
            return Found(i, inner.j, inner.actor, inner.how, inner.aliases) if inner else None
    k = _name_run(toks, start_name)
    if k == start_name:
        return None
    bare = text[toks[start_name].start : toks[k - 1].start + len(toks[k - 1].key)]
    end = _hull(text, toks, k)
    if t.key in lex.ship_prefixes:
        name = text[t.start : toks[end - 1].end] if end > k else f"{t.key} {bare}"
    else:
        kind = text[toks[i + (pre[0] - i)].start : toks[start_name - 1].end].lower()
        name = f"{lex.country_prefix.get(code, code)} {kind} {bare}"
    return Found(i, end, Actor(slug(name), name, "org", code, "MIL"), "name", (bare,))


def _unit(
    lex: ActorLexicon, text: str, toks: Sequence[Tok], i: int, pre: tuple[int, str] | None
) -> Found | None:
    """ "2nd Bomb Wing", "U.S. 6th Fleet": ordinal + capitalised words ending with a unit head."""
    code, j = None, i
    if pre and pre[0] < len(toks) and toks[pre[0]].joined:
        j, code = pre[0], pre[1]
    if j >= len(toks) or not _ORDINAL.fullmatch(toks[j].text):
        return None
    k = _name_run(toks, j + 1, 4)
    for end in range(k, j + 1, -1):
        for start in range(j + 1, end):
            m = lex.unit_heads.match(toks, start)
            if m and m[0] == end:
                name = text[toks[j].start : toks[end - 1].start + len(toks[end - 1].key)]
                if code:
                    name = f"{lex.country_prefix.get(code, code)} {name}"
                return Found(i, end, Actor(slug(name), name, "org", code or lex.home_country, "MIL"), "name")
    return None


def _is_name_part(lex: ActorLexicon, toks: Sequence[Tok], i: int, starts: set[int]) -> bool:
    """A capitalised word right before token i (same line, not a sentence start) makes it part of a longer
    name."""
    if i == 0 or i in starts or not toks[i].joined:
        return False
    p = toks[i - 1]
    if not (p.cap and p.word) or p.poss or p.text in _DIRECTIONS or p.text in lex.determiners:
        return False
    return lex.places.match(toks, i - 1) is None and lex.pieces.match(toks, i - 1) is None


def _place(lex: ActorLexicon, toks: Sequence[Tok], i: int, starts: set[int]) -> tuple[int, Place] | None:
    m = lex.places.match(toks, i) if toks[i].key in lex.places.lengths else None
    if not m:
        return None
    j, place = m
    if place.code is None:
        return m
    nxt = toks[j] if j < len(toks) and toks[j].joined else None
    next_cap = nxt is not None and nxt.cap and nxt.word and nxt.key.rstrip(".") not in lex.calendar
    if place.how != "demonym" and _is_name_part(lex, toks, i, starts):
        return j, Place(None, "none")
    if place.how == "metonym":
        line_start = i == 0 or not toks[i].joined
        dateline = line_start and j < len(toks) and toks[j].text == ","
        if dateline or next_cap or toks[i].text.isupper():
            return j, Place(None, "none")
    if place.homonym == "us_state" and _us_state(lex, toks, i, j, place.code):
        return j, Place(None, "none")
    if place.homonym == "given_name" and next_cap and lex.places.match(toks, j) is None:
        return j, Place(None, "none")
    return m


def _us_state(lex: ActorLexicon, toks: Sequence[Tok], i: int, j: int, code: str | None) -> bool:
    """ "Atlanta, Georgia", "state of Georgia", "Georgia National Guard" are the US state."""
    before = lex.homonym_before.get("us_state", frozenset())
    after = lex.homonym_after.get("us_state", frozenset())
    for n in range(1, 4):
        if i - n >= 0 and tuple(t.key for t in toks[i - n : i]) in before:
            return True
        if j + n <= len(toks) and toks[j].joined and tuple(t.key for t in toks[j : j + n]) in after:
            return True
    if i >= 2 and toks[i - 1].text == "," and toks[i - 2].cap and toks[i - 2].word:
        city = toks[i - 2].key
        return (
            city not in lex.homonym_cities.get(code or "", frozenset())
            and lex.places.match(toks, i - 2) is None
        )
    return False


def find_places(
    lex: ActorLexicon, text: str, toks: Sequence[Tok], claimed: list[bool], starts: set[int]
) -> list[Found]:
    """All organisation and country mentions on unclaimed tokens, claiming what they use."""
    found: list[Found] = []
    i = 0
    place_starts = lex.place_starts
    # nothing starts at the other tokens (see ``ActorLexicon.place_starts``), nor a number or a unit
    heads = [k for k, t in enumerate(toks) if (t.key in place_starts and t.word) or t.text[0].isdigit()]
    for head in heads:
        if head < i or claimed[head]:
            continue
        i = head
        hit = _org_at(lex, text, toks, i, starts)
        if hit is not None:
            if hit.actor.kind != "none":
                found.append(hit)
            for k in range(hit.i, hit.j):
                claimed[k] = True
            i = hit.j
            continue
        m = _place(lex, toks, i, starts)
        if m:
            j, place = m
            if place.code:
                how = {"name": "name", "demonym": "demonym", "metonym": "metonym"}[place.how]
                found.append(Found(i, j, country_actor(lex, place.code), how))
            for k in range(i, j):
                claimed[k] = True
            i = j
    return found


_NONE = Actor("", "", "none")


def _org_at(lex: ActorLexicon, text: str, toks: Sequence[Tok], i: int, starts: set[int]) -> Found | None:
    # (each table is asked only when a phrase of it starts with the token: most tokens start none)
    key = toks[i].key
    ign = lex.ignore.match(toks, i) if key in lex.ignore.lengths else None
    if ign:
        return Found(i, ign[0], _NONE, "none")
    options: list[Found] = []
    pre = _country_prefix(lex, toks, i)
    if pre or toks[i].key in lex.ship_prefixes or toks[i].text[:1].isdigit():
        for hit in (
            _ship(lex, text, toks, i, pre),
            _unit(lex, text, toks, i, pre),
            _template(lex, toks, i, pre),
        ):
            if hit:
                options.append(hit)
    m = lex.orgs.match(toks, i) if key in lex.orgs.lengths else None
    if m:
        options.append(Found(i, m[0], org_actor(m[1]), "name"))
    b = lex.bare_services.match(toks, i) if key in lex.bare_services.lengths else None
    if b and not _is_name_part(lex, toks, i, starts):
        j = b[0]
        nxt = toks[j] if j < len(toks) and toks[j].joined else None
        if toks[j - 1].poss or nxt is None or not (nxt.cap and nxt.word):
            options.append(Found(i, j, org_actor(b[1]), "name"))
    if not options:
        return None
    best = max(options, key=lambda f: f.j)
    nxt = toks[best.j] if best.j < len(toks) and toks[best.j].joined else None
    if nxt is not None and nxt.cap and nxt.key in lex.not_name_tokens and not toks[best.j - 1].poss:
        return None  # "Russian General Staff Academy" is another institution
    return best


def fold_ship_names(found: list[Found]) -> list[Found]:
    """A ship named without its hull number in a headline ("USS The Sullivans Gains from ...") is the ship
    named
    in full later ("USS The Sullivans (DDG 68)"): keep the known name, drop the spill-over word."""
    full = [f for f in found if f.aliases and f.actor.name.endswith(")")]
    out = []
    for f in found:
        if f.aliases and not f.actor.name.endswith(")"):
            for g in full:
                if f.aliases[0] != g.aliases[0] and f.aliases[0].startswith(g.aliases[0] + " "):
                    f = Found(
                        f.i, f.j - len(f.aliases[0][len(g.aliases[0]) :].split()), g.actor, f.how, g.aliases
                    )
                    break
        out.append(f)
    return out
