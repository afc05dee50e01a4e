"""Publication date: golden header cases, strict parsing, and the order of trust between sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from pipeline.pubdate import find_header_date, find_publication_date, parse_date

FIXTURES = Path(__file__).parent / "fixtures"
CASES = yaml.safe_load((FIXTURES / "datelines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_header_date_golden(case: dict) -> None:
    found = find_header_date(case["text"])
    if case["date"] is None:
        assert found is None
        return
    assert found is not None
    assert found.value == case["date"]
    assert found.kind == case["kind"]
    assert case["text"][found.start : found.end].strip() == found.text


def test_header_date_only_looks_at_the_top() -> None:
    body = "\n".join(f"Paragraph {i} of the story." for i in range(40))
    assert find_header_date(body + "\nWASHINGTON, Sept. 15, 2010 — Late dateline.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2010-09-15", date(2010, 9, 15)),
        ("2010-09-15T10:00:00Z", date(2010, 9, 15)),
        ("Sept. 15, 2010", date(2010, 9, 15)),
        ("September 15 2010", date(2010, 9, 15)),
        ("15 Sept 2010", date(2010, 9, 15)),
        ("9/15/2010", date(2010, 9, 15)),
        ("28/9/2004", date(2004, 9, 28)),
        ("Wed, 15 Sep 2010 10:00:00 GMT", date(2010, 9, 15)),
        ("2019", None),
        ("September 2010", None),
        ("sometime in spring", None),
        ("", None),
    ],
)
def test_parse_date_requires_day_month_and_year(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


DATELINED = "Talks Open\n\nHELSINKI, Finland, Oct. 21, 2008 – The chiefs met here today."
HTML = '<html><head><meta property="article:published_time" content="2008-10-22"></head><body></body></html>'


def test_metadata_beats_html_and_dateline_and_notes_the_disagreement() -> None:
    value, source, note = find_publication_date(DATELINED, {"published": "2008-10-20"}, HTML)
    assert (value, source) == (date(2008, 10, 20), "metadata")
    assert note is not None and "2008-10-21" in note


def test_html_metadata_beats_dateline() -> None:
    value, source, _ = find_publication_date(DATELINED, {}, HTML)
    assert (value, source) == (date(2008, 10, 22), "html")


def test_dateline_when_no_metadata() -> None:
    value, source, note = find_publication_date(DATELINED, {"published": None}, None)
    assert (value, source) == (date(2008, 10, 21), "dateline")
    assert note is not None and "HELSINKI" in note


def test_unreadable_metadata_date_falls_back_and_says_so() -> None:
    value, source, note = find_publication_date(DATELINED, {"published": "last spring"}, None)
    assert (value, source) == (date(2008, 10, 21), "dateline")
    assert note is not None and "last spring" in note


def test_no_date_is_not_today() -> None:
    assert find_publication_date("Talks Open\n\nThe chiefs met today.", {}, None) == (None, "none", None)


def test_html_body_dates_are_not_guessed() -> None:
    page = "<html><body><article><p>The treaty of May 26, 1972 was discussed.</p></article></body></html>"
    value, source, _ = find_publication_date("The treaty of May 26, 1972 was discussed.", {}, page)
    assert (value, source) == (None, "none")
