"""Rule-based sentence splitter with exact character offsets.

News text is not running prose: headlines, photo captions, bylines and datelines sit on lines of their own
and end without a period, so a line break ends a sentence (unless the next line starts in lower case, i.e.
the line was wrapped mid-sentence, or the paragraph is hard-wrapped at a fixed width). Inside a line, a
``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets after it) ends a sentence when followed by
space and a character that can start one. A period after an abbreviation from
``data/lexicon/abbreviations.txt`` does not: ``[prefix]`` entries ("Gen.", "Sept.", "Mr.") never end a
sentence; ``[ambiguous]`` ones ("U.S.", "Md.", "p.m."), single initials ("Robert M. Gates") and dotted
acronyms end one only before a usual sentence opener ("The", "He", ...). Spans are trimmed of whitespace
and of a leading list bullet.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.model import Span

# Terminal punctuation, then closing quotes/brackets, then the whitespace that must follow.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z.]*$")
_INITIAL = re.compile(r"[A-Z]\.")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")
_BULLET = re.compile(r"[•·▪◦‣∙*\-–—]\s+")
_NOT_STARTER = ",;:)]}…."  # "officials. …" or ". . ." continue the sentence
_WRAP_MIN, _WRAP_MAX = 45, 100  # line lengths of a hard-wrapped paragraph


@dataclass(frozen=True)
class Abbreviations:
    """The splitter's vocabulary: prefix and ambiguous abbreviations, and sentence-opening words."""

    prefix: frozenset[str]
    ambiguous: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=8)
def load_abbreviations(path: Path) -> Abbreviations:
    """Read the sectioned word list (``[prefix]``, ``[ambiguous]``, ``[starters]``); unknown sections fail."""
    sections: dict[str, set[str]] = {"prefix": set(), "ambiguous": set(), "starters": set()}
    current: set[str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name not in sections:
                raise ValueError(f"{path}:{number}: unknown section [{name}] (expected {sorted(sections)})")
            current = sections[name]
        elif current is None:
            raise ValueError(f"{path}:{number}: words before any [section]")
        else:
            current.update(line.split())
    return Abbreviations(
        frozenset(sections["prefix"]), frozenset(sections["ambiguous"]), frozenset(sections["starters"])
    )


def _abbreviations(lexicon_dir: Path | None) -> Abbreviations:
    if lexicon_dir is None:
        return _default_abbreviations(os.environ.get("DATELINE_LEXICON"))
    return load_abbreviations(lexicon_dir / "abbreviations.txt")


@lru_cache(maxsize=4)
def _default_abbreviations(_env: str | None) -> Abbreviations:
    """The configured lexicon's list, keyed by the variable the settings read it from (building the settings
    for every document cost more than splitting a short one)."""
    from pipeline.cleaning import default_lexicon_dir

    return load_abbreviations(default_lexicon_dir() / "abbreviations.txt")


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """A paragraph hard-wrapped at a fixed width: 3+ lines of similar, moderate length, many continuing in
    lower case (a list of names or titles has short or capitalised lines and is left alone)."""
    if len(lines) < 3:
        return False
    lengths = [end - start for start, end in lines[:-1]]
    if max(lengths) > _WRAP_MAX or sum(n >= _WRAP_MIN for n in lengths) < 0.8 * len(lengths):
        return False
    lower = sum(text[start:end].lstrip()[:1].islower() for start, end in lines[1:])
    return lower >= 0.3 * (len(lines) - 1)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Stretches of text inside which sentences run on: lines, joined when wrapped."""
    paragraphs: list[list[tuple[int, int]]] = [[]]
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs[-1].append((offset, offset + len(line)))
        elif paragraphs[-1]:
            paragraphs.append([])
        offset += len(line) + 1
    blocks: list[tuple[int, int]] = []
    for lines in paragraphs:
        if not lines:
            continue
        if _is_wrapped(text, lines):
            blocks.append((lines[0][0], lines[-1][1]))
            continue
        start, end = lines[0]
        for next_start, next_end in lines[1:]:
            first = text[next_start:next_end].lstrip()[:1]
            if first.islower():
                end = next_end
            else:
                blocks.append((start, end))
                start, end = next_start, next_end
        blocks.append((start, end))
    return blocks


def _ends_sentence(text: str, match: re.Match[str], block_end: int, abbreviations: Abbreviations) -> bool:
    after = match.end()
    while after < block_end and text[after].isspace():
        after += 1
    if after >= block_end:
        return True
    following = text[after]
    if following.islower() or following in _NOT_STARTER:
        return False
    if following == "(" and _closing_parenthetical(text, after, block_end):
        return False  # a photo caption's "... drill. (Photo taken March 3, 2016)" belongs to the caption
    if text[match.start()] != "." or match.end() - match.start() > 1:
        return True  # "?", "!", "…", "..." or a period followed by a closing quote
    word = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    if word is None:
        return True
    token = word.group(0) + "."
    if token in abbreviations.prefix:
        return False
    if token in abbreviations.ambiguous or _INITIAL.fullmatch(token) or _DOTTED.fullmatch(token):
        next_word = _NEXT_WORD.match(text, after, block_end)
        return bool(next_word) and next_word.group(1) in abbreviations.starters
    return True


def _closing_parenthetical(text: str, start: int, block_end: int) -> bool:
    """Whether a short parenthetical opening at ``start`` closes its paragraph (a credit or date line)."""
    close = text.find(")", start, block_end)
    return close != -1 and close - start <= 160 and not text[close + 1 : block_end].strip(" .")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = _BULLET.match(text, start, end)
    if bullet and bullet.end() < end:
        start = bullet.end()
    return Span(start, end, text[start:end]) if start < end else None


def split_sentences(text: str, lexicon_dir: Path | None = None) -> list[Span]:
    """Split ``text`` into sentences; each Span's offsets index ``text`` exactly (``text[s.start:s.end]``)."""
    abbreviations = _abbreviations(lexicon_dir)
    spans: list[Span] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for match in _CANDIDATE.finditer(text, block_start, block_end):
            if _ends_sentence(text, match, block_end, abbreviations):
                span = _trimmed(text, start, match.end())
                if span:
                    spans.append(span)
                start = match.end()
        span = _trimmed(text, start, block_end)
        if span:
            spans.append(span)
    return spans
