"""Wording features that tell whether two event mentions state the same happening.

Dedup compares what a sentence says *besides* its actors and its dates (those are compared separately), so the
features here drop the characters covered by actor mentions and time expressions before comparing words.
Stems are crude on purpose (suffix strip + 6-letter prefix): "meetings"/"meet", "signed"/"signing",
"exercises"/"exercise" must meet; a real lemmatiser would cost more than the whole pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import fuzz

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]|\s-\s")
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def normalise(text: str) -> str:
    """Lower-case, curly apostrophes straightened: the form every comparison works on."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """'meetings' -> 'meet', 'signed' -> 'sign', 'exercises' -> 'exerci'; possessives dropped."""
    word = word.split("'")[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the given (start, end) ranges, relative to it, blanked out."""
    chars = list(text)
    n = len(chars)
    for start, end in spans:
        start, end = max(start, 0), min(end, n)
        if end > start:
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def content_stems(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """The stems of the content words of ``text``."""
    return frozenset(stem(t) for t in tokens(text) if t not in stopwords and len(t) > 1 and not t.isdigit())


@lru_cache(maxsize=1 << 14)
def trigger_stems(trigger: str, stopwords: frozenset[str]) -> frozenset[str]:
    """``content_stems`` of a trigger's text, cached: a few hundred trigger wordings ("met", "the visit")
    make most of the mentions of any corpus."""
    return content_stems(trigger, stopwords)


def overlap_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two word sets, 0-100 (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 200.0 * len(a & b) / (len(a) + len(b))


def sentence_similarity(a: str, b: str) -> float:
    """Near-copies of one sentence (a caption re-edited in a reprint) score close to 100."""
    if not a or not b:
        return 0.0
    return float(fuzz.token_sort_ratio(a, b))


def trigger_similarity(a: str, b: str, stopwords: frozenset[str]) -> float:
    """Similarity of two trigger texts (see ``stem_similarity``)."""
    return stem_similarity(content_stems(a, stopwords), content_stems(b, stopwords), a, b)


def stem_similarity(
    sa: frozenset[str], sb: frozenset[str], a: str = "", b: str = "", floor: float = 80.0
) -> float:
    """100 when two triggers share a stem ("meet" / "today's meetings"); a fuzzy ratio when they are spelled
    nearly alike ("recieved"/"received"); else 0 (unrelated words score 20-40 by chance: noise)."""
    if not sa.isdisjoint(sb):
        return 100.0
    # (with the cutoff a ratio under the floor is 0 at once: the maximum is the same when it reaches it)
    score = max(
        (fuzz.ratio(x, y, score_cutoff=floor) for x in sa or {normalise(a)} for y in sb or {normalise(b)}),
        default=0.0,
    )
    return float(score) if score >= floor else 0.0


_NON_SPACE = re.compile(r"\S+")
_NAME_TOKEN = re.compile(r"[A-Z][A-Za-z0-9'\u2019&.-]*|[0-9]+")


def name_bigrams(masked_text: str) -> frozenset[str]:
    """Word pairs of the capitalised names left in a sentence once actors and dates are blanked out:
    "the VIGILANT EAGLE exercise series" and "the Vigilant Eagle Exercise Series" share "vigilant eagle";
    "Vigilant Eagle 13" also gives "eagle 13". The sentence's first word is skipped (capitalised by
    position), and punctuation ends a name ("Anchorage, Alaska" is two)."""
    pairs: set[str] = set()
    last: str | None = None  # the last word of the current run of names
    previous_end, previous_closed = -1, True
    for match in _NON_SPACE.finditer(masked_text):
        raw = match.group()
        start, end = match.span()
        first = raw[0]
        if ("A" <= first <= "Z" or "0" <= first <= "9" or first in _NAME_STRIP) and start > 0:
            word = raw.strip(_NAME_STRIP)
            if word and _NAME_TOKEN.fullmatch(word):
                adjacent = start - previous_end <= 1 and not previous_closed and first not in '("'
                if last is not None and adjacent:
                    pairs.add(normalise(f"{last} {word}").rstrip("."))
                last = word
            else:
                last = None
        else:
            last = None  # no name starts with anything else (most words: one test, no strip)
        previous_end, previous_closed = end, raw[-1] in _NAME_CLOSERS
    return frozenset(pairs)


_NAME_STRIP = ',;:()"\u201c\u201d'
_NAME_CLOSERS = ',;:)"\u201d'


def numbered_names_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """'eagle 13' against 'eagle 14': two editions of one named series."""
    numbers_a = {tuple(p.split(" ", 1)) for p in a if p.split(" ")[-1].isdigit()}
    numbers_b = {tuple(p.split(" ", 1)) for p in b if p.split(" ")[-1].isdigit()}
    return any(w == v and n != m for w, n in numbers_a for v, m in numbers_b) and not numbers_a & numbers_b


def words_before(sentence_text: str, offset: int, window: int) -> list[str]:
    """The last ``window`` tokens before ``offset`` in the sentence, stopping at a clause break."""
    before = sentence_text[: max(offset, 0)]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return tokens(before)[-window:] if window > 0 else []


def words_after(sentence_text: str, offset: int, window: int) -> list[str]:
    """The first ``window`` tokens after ``offset`` in the sentence, stopping at a clause break."""
    after = sentence_text[max(offset, 0) :]
    first_break = _CLAUSE_BREAK.search(after)
    if first_break:
        after = after[: first_break.start()]
    return tokens(after)[:window] if window > 0 else []


def has_any(words: Sequence[str], vocabulary: frozenset[str]) -> bool:
    """Is one of ``words`` in ``vocabulary``? (The set test runs in C: this runs several times a mention.)"""
    return not vocabulary.isdisjoint(words)
