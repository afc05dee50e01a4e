"""Sentence splitting: golden cases, exact offsets, and the seed article's tricky sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cleaning import clean_text
from pipeline.sentences import load_abbreviations, split_sentences

FIXTURES = Path(__file__).parent / "fixtures"
CASES = yaml.safe_load((FIXTURES / "sentences.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_sentences_golden(case: dict) -> None:
    assert [s.text for s in split_sentences(case["text"])] == case["sentences"]


@given(st.text(alphabet=st.sampled_from(list('ab .!?\n"”’(M)U.S')), max_size=200))
def test_spans_are_exact_ordered_trimmed_and_disjoint(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip() and span.text
        assert span.start >= previous_end
        previous_end = span.end


def test_seed_article_sentences(seeds_dir: Path) -> None:
    text = clean_text((seeds_dir / "001_41e0a3642f2b72d8.txt").read_text(encoding="utf-8"))
    sentences = [s.text for s in split_sentences(text)]
    assert sentences[0] == "Gates, Serdyukov Renew U.S.-Russia Military Ties"
    # the photo caption's first line is a sentence of its own, without a period
    assert (
        "Defense Secretary Robert M. Gates, left, and Russian Defense Minister Anatoly Serdykov, right"
        in sentences
    )
    assert "Serdyukov also will tour the U.S. Naval Academy in Annapolis, Md." in sentences
    assert any(s.startswith("Serdyukov plans to tour Fort Belvoir, Va., tomorrow") for s in sentences)
    assert "I conclude that our dialogue was very fruitful and constructive.”" in sentences


def test_unknown_section_in_abbreviation_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "abbreviations.txt"
    path.write_text("[prefix]\nMr.\n[titles]\nGen.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"abbreviations.txt:3: unknown section \[titles\]"):
        load_abbreviations(path)
