"""The on-disk cache of compiled rule patterns: a pattern read back from the file must behave exactly as
``re.compile`` makes it, and a file that is missing, damaged or cannot be written only costs time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.events.trigger_rules import compile_phrase
from pipeline.pattern_cache import PatternCache

_TEXT = (
    "The Russian Defense Minister Anatoliy Serdyukov met with his American counterpart on Sept. 15, 2010, "
    "and the two signed a memorandum of understanding; the 2005 visit to the Pentagon was the last."
)
_PATTERNS = [
    (r"(?P<month>Sept?\.?|September)\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})", 0),
    (r"(?<![\w’'\-])(?:signed|met(?:\s+with)?)(?![\w’'\-])", re.IGNORECASE),
    (r"(?<![\w’'\-])(?:signed|met(?:\s+with)?)(?![\w’'\-])", 0),
    (r"(?x) (?P<word> [A-Z][a-z]+ ) \s+ counterpart", 0),
]


def _same(left: re.Pattern[str], right: re.Pattern[str]) -> None:
    assert (left.pattern, left.flags, left.groups, left.groupindex) == (
        right.pattern,
        right.flags,
        right.groups,
        right.groupindex,
    )
    found = [(m.span(), m.groupdict()) for m in left.finditer(_TEXT)]
    assert found == [(m.span(), m.groupdict()) for m in right.finditer(_TEXT)]
    assert found  # (a pattern that finds nothing would compare nothing)


def test_patterns_read_back_from_the_file_behave_as_compiled_ones(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    first = PatternCache(path)
    for pattern, flags in _PATTERNS:
        _same(first.compile(pattern, flags), re.compile(pattern, flags))
    first.save()
    assert path.stat().st_size > 0
    again = PatternCache(path)
    assert len(again.stored) == len(_PATTERNS)  # the same text under two flags is two entries
    for pattern, flags in _PATTERNS:
        _same(again.compile(pattern, flags), re.compile(pattern, flags))
    assert again.missed == 0


def test_a_trigger_rule_keeps_its_matches_through_the_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("pipeline.pattern_cache._DEFAULT", PatternCache(tmp_path / "p.marshal"))
    compiled, first_words = compile_phrase("signed|inked a? memorandum|agreement")
    monkeypatch.setattr("pipeline.pattern_cache._DEFAULT", None)
    monkeypatch.setenv("DATELINE_CACHE_DIR", "off")
    plain, _ = compile_phrase("signed|inked a? memorandum|agreement")
    assert first_words == {"signed", "inked"}
    _same(compiled, plain)


def test_a_damaged_file_is_compiled_again_and_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal data")
    cache = PatternCache(path)
    assert cache.stored == {}
    _same(cache.compile(*_PATTERNS[0]), re.compile(*_PATTERNS[0]))
    cache.save()
    assert len(PatternCache(path).stored) == 1


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    cache = PatternCache(path)
    cache.compile(*_PATTERNS[0])
    cache.save()
    damaged = PatternCache(path)
    key = (_PATTERNS[0][0], _PATTERNS[0][1])
    flags, code, groups, groupindex, indexgroup = damaged.stored[key]
    damaged.stored[key] = (flags, [999_999, *code[1:]], groups, groupindex, indexgroup)
    _same(damaged.compile(*_PATTERNS[0]), re.compile(*_PATTERNS[0]))
    assert damaged.missed == 1


def test_a_bad_pattern_raises_as_re_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        PatternCache(tmp_path / "p.marshal").compile("(unclosed")


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = PatternCache(blocker / "sub" / "patterns.marshal")
    _same(cache.compile(*_PATTERNS[1]), re.compile(*_PATTERNS[1]))
    cache.save()  # no exception
    assert not list(tmp_path.glob("**/.patterns-*"))
