"""A table's keys written as a trie match exactly what the flat alternation of the keys matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.timex import timex_dir
from pipeline.timex.alternation import OPTIONAL_DOT, alternation, ignorecase_atoms, key_atoms
from pipeline.timex.rules import _widen_spaces, load_grammar

GRAMMAR = load_grammar(timex_dir().resolve())
# What follows the table in a rule: nothing, a word end, more words, or a pattern that backtracks into it.
_AFTER = ["", r"(?!\w)", r"\s+b", r"[ab .]*", r".*?x", r"\.", r"&nbsp;a"]
_KEY_CHARS = "abAB -'’&.\u00a0"


def _flat(keys: list[tuple[str, bool]]) -> str:
    return "|".join("".join(r for _, r in key_atoms(k)) + (r"\.?" if dot else "") for k, dot in keys)


def _trie(keys: list[tuple[str, bool]]) -> str:
    return alternation([key_atoms(k) + ([OPTIONAL_DOT] if dot else []) for k, dot in keys])


def _found(pattern: str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group("key")) for m in re.finditer(pattern, text)]


_KEYS = st.lists(
    st.tuples(st.text(_KEY_CHARS, min_size=1, max_size=4), st.booleans()), min_size=1, max_size=6
)


def _assert_same(keys: list[tuple[str, bool]], text: str, after: str) -> None:
    for widen in (False, True):  # the rules widen "\s" to "&nbsp;" entities too
        flat, trie = f"(?P<key>{_flat(keys)}){after}", f"(?P<key>{_trie(keys)}){after}"
        if widen:
            flat, trie = _widen_spaces(flat), _widen_spaces(trie)
        assert _found(trie, text) == _found(flat, text)


@settings(max_examples=400, deadline=None)
@given(_KEYS, st.sampled_from(_AFTER), st.data())
def test_the_trie_matches_like_the_flat_alternation(
    keys: list[tuple[str, bool]], after: str, data: st.DataObject
) -> None:
    # texts made of the keys themselves (spaces as one, two or an entity), so that keys compete
    spaces = st.sampled_from([" ", "  ", "&nbsp;"])
    pieces = [k + ("." if dot else "") for k, dot in keys] + ["a", "b", " ", "&nbsp;", "x"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=5))).replace(" ", data.draw(spaces))
    _assert_same(keys, text, after)


@pytest.mark.parametrize(
    ("keys", "text", "after"),
    [
        # a no-break space is a space: keys starting with one are not regrouped past those starting with " "
        ([("b\u00a0", True), (" b'", True), ("\u00a0a", True), (" a", False)], "\u00a0a.", ""),
        # an optional dot matches nothing: nothing is regrouped past it
        ([("ba'", True), ("b", True), ("'. ", False), ("ba", False)], "'.&nbsp;ba", ""),
        # spaces followed by spaces: a shorter run of them is another match
        ([(".&b", False), ("b ", False), ("b b", False), ("\u00a0", True)], " bb  b b", r"\s+b"),
    ],
)
def test_keys_that_compete_keep_their_order(keys: list[tuple[str, bool]], text: str, after: str) -> None:
    _assert_same(keys, text, after)


def test_keys_sharing_first_letters_are_tried_once_per_letter() -> None:
    assert _trie([("may", False), ("march", True), ("mar", True)]) == r"ma(?:y|r(?:ch\.?|\.?))"


@pytest.mark.parametrize("name", sorted(GRAMMAR.tables))
def test_every_table_of_the_lexicon_matches_as_before(name: str) -> None:
    table = GRAMMAR.tables[name]
    keys = sorted(table.values, key=len)
    # every key in its three cases, glued, spaced, cut short and followed by a dot
    text = " | ".join(f"{k} {k.title()} {k.upper()}x {k[:-1]}. {k}. {k}s" for k in keys)
    for after in ("", r"(?!\w)", r"\s+\w+"):
        trie = re.compile(_widen_spaces(f"(?P<key>{table.regex}){after}"))
        flat = re.compile(_widen_spaces(f"(?P<key>{table.flat}){after}"))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


_WORD_CHARS = "abkisAKS '’-\u017f\u212a\u0131\u0130"  # with letters that match others ignoring case


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(_WORD_CHARS, min_size=1, max_size=4), min_size=1, max_size=6, unique=True),
    st.sampled_from(["", r"(?![\w’'])", r"\s+s", r"[a-z]*"]),
    st.data(),
)
def test_the_trie_of_words_matches_like_their_flat_alternation_ignoring_case(
    words: list[str], after: str, data: st.DataObject
) -> None:
    # (as the tense cues write them: the words, spaces as \s+, in this order, in a regex that ignores case)
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    trie = alternation([ignorecase_atoms(w) for w in words])
    pieces = [*words, *(w.upper() for w in words), *(w.swapcase() for w in words), "s", "K", " ", "x"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=5)))
    got = [(m.span(), m.group("w")) for m in re.finditer(f"(?P<w>{trie}){after}", text, re.IGNORECASE)]
    assert got == [
        (m.span(), m.group("w")) for m in re.finditer(f"(?P<w>{flat}){after}", text, re.IGNORECASE)
    ]


def test_letters_that_match_others_ignoring_case_are_not_regrouped() -> None:
    # "ſ" is an "s" ignoring case: "sab" may not be tried before "ſa", which matches "sa" first
    trie = alternation([ignorecase_atoms(w) for w in ["sx", "\u017fa", "sab"]])
    assert re.match(f"(?:{trie})", "sab", re.IGNORECASE).span() == (0, 2)
    assert [a[0] for a in ignorecase_atoms("\u017fK’")] == ["cased", "char", "char"]
    # ... nor are "S" and "s"
    trie = alternation([ignorecase_atoms(w) for w in ["sx", "Sa", "sab"]])
    assert re.match(f"(?:{trie})", "sab", re.IGNORECASE).span() == (0, 2)
