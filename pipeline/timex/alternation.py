"""A table's keys as one regex alternation that the engine tries by their first characters.

A table of a few hundred keys ("seventy-three", "Seventy-three", "SEVENTY-THREE", ...) written as a flat
alternation makes the regex engine try every key at every position a rule is tried. Written as a trie
("s(?:eventy(?:[-‐‑](?:three|seven)...)...)") it tries only the keys that share the text's next character.

The trie matches exactly what the flat alternation matches, in the same order of preference (the first
key that lets the whole rule match still wins): keys are only regrouped past keys whose next atom cannot
match the same character, a common first atom is only factored out of keys that keep their order, and
nothing is regrouped around an atom that may match nothing or spaces followed by something space-like.
Keys written with ``key_atoms`` hold for case-sensitive matching only (a rule that turns on IGNORECASE gets
the flat alternation); words written with ``ignorecase_atoms`` hold for a regex compiled with IGNORECASE.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# An atom: (kind, regex). Kinds: "char" (one literal character), "class" (one character of a set),
# "space" (\s+: spaces, or "&nbsp;"-like entities once spaces are widened), "dot" (an optional "."),
# "cased" (a character outside ASCII that matches others ignoring case: never regrouped).
Atom = tuple[str, str]
SPACE: Atom = ("space", r"\s+")
APOSTROPHE: Atom = ("class", "['’]")
HYPHEN: Atom = ("class", "[-‐‑]")
OPTIONAL_DOT: Atom = ("dot", r"\.?")
_CLASS_CHARS = {APOSTROPHE[1]: frozenset("'’"), HYPHEN[1]: frozenset("-‐‑")}


def key_atoms(text: str) -> list[Atom]:
    """The atoms of a key as ``rules._key_regex`` writes it: a space is ``\\s+``, an apostrophe or a
    hyphen any of its forms, every other character itself."""
    out: list[Atom] = []
    for ch in text:
        if ch == " ":
            out.append(SPACE)
        elif ch in "'’":
            out.append(APOSTROPHE)
        elif ch in "-‐‑":
            out.append(HYPHEN)
        else:
            out.append(("char", re.escape(ch)))
    return out


def ignorecase_atoms(text: str) -> list[Atom]:
    """The atoms of a word as ``re.escape(word)`` with ``\\s+`` for its spaces writes it, for a regex that
    ignores case: an ASCII character stands for its lower case (they match the same characters), a
    character outside ASCII with a case of its own may match others ("ſ" is an "s") and stays apart."""
    out: list[Atom] = []
    for ch in text:
        if ch == " ":
            out.append(SPACE)
        elif ch.isascii():
            out.append(("char", re.escape(ch.lower())))
        elif ch.lower() == ch == ch.upper() and ch.casefold() == ch:
            out.append(("char", re.escape(ch)))
        else:
            out.append(("cased", re.escape(ch)))
    return out


def _chars(atom: Atom) -> frozenset[str] | None:
    """The characters the atom's first match can start with (None: space-like, see ``_conflict``)."""
    if atom[0] == "char":
        return frozenset([re.sub(r"\\(.)", r"\1", atom[1], flags=re.DOTALL)])
    return _CLASS_CHARS[atom[1]] if atom[0] == "class" else None


def _space_like(chars: frozenset[str]) -> bool:
    return any(ch.isspace() or ch == "&" for ch in chars)


def _conflict(a: Atom, b: Atom) -> bool:
    """May two different atoms match at the same position?"""
    if a[0] == "cased" or b[0] == "cased":
        return True
    ca, cb = _chars(a), _chars(b)
    if ca is None or cb is None:  # a space: it meets a space-like character
        other = ca if cb is None else cb
        return other is None or _space_like(other)
    return bool(ca & cb)


def _groupable(alt: Sequence[Atom]) -> bool:
    """Can the key's first atom be regrouped and factored out? Not an optional dot nor the end of the key
    (they match nothing), nor spaces followed by anything a shorter run of spaces would leave."""
    if not alt or alt[0][0] in ("dot", "cased"):
        return False
    if alt[0] != SPACE:
        return True
    if len(alt) < 2 or alt[1][0] not in ("char", "class"):
        return False
    after = _chars(alt[1])
    return after is not None and not _space_like(after)


def _flat(alt: Sequence[Atom]) -> str:
    return "".join(regex for _, regex in alt)


def alternation(alternatives: Sequence[Sequence[Atom]]) -> str:
    """The regex (without enclosing group) matching like ``"|".join(...)`` of the keys, in this order."""
    return "|".join(_parts(alternatives))


def _parts(alternatives: Sequence[Sequence[Atom]]) -> list[str]:
    parts: list[str] = []
    block: list[tuple[Atom, list[Sequence[Atom]]]] = []  # groups whose first atoms are pairwise exclusive

    def flush() -> None:
        for atom, members in block:
            if len(members) == 1:
                parts.append(_flat(members[0]))
            else:
                inner = _parts([m[1:] for m in members])
                parts.append(atom[1] + (inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"))
        block.clear()

    for alt in alternatives:
        if not _groupable(alt):
            flush()
            parts.append(_flat(alt))
            continue
        group = next((members for atom, members in block if atom == alt[0]), None)
        if group is not None:
            group.append(alt)  # moves it only past keys that cannot match here
            continue
        if any(_conflict(atom, alt[0]) for atom, _ in block):
            flush()
        block.append((alt[0], [alt]))
    flush()
    return parts
