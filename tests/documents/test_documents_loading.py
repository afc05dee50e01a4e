"""Loading documents: discovery, each input format, metadata sidecars, errors, and the sample articles."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from pipeline.documents import (
    DocumentError,
    discover,
    load_file,
    load_file_partial,
    load_paths,
    make_document,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_discover_walks_sorted_skips_hidden_meta_and_unsupported() -> None:
    names = [p.relative_to(FIXTURES).as_posix() for p in discover([FIXTURES])]
    assert names == sorted(names)
    assert "nested/published_line.txt" in names and "visit.html" in names and "batch.jsonl" in names
    assert not any(n.startswith(".") or "/." in n for n in names)
    assert not any(n.endswith((".meta.json", ".csv", ".yaml")) for n in names)


def test_discover_lists_a_file_once_and_reports_a_missing_path() -> None:
    assert discover([FIXTURES / "plain.md", FIXTURES / "plain.md"]) == [FIXTURES / "plain.md"]
    assert discover([FIXTURES / "with_meta.meta.json"]) == []
    with pytest.raises(DocumentError, match="no such file or directory"):
        discover([FIXTURES / "missing-folder"])


def test_txt_with_meta_json() -> None:
    (doc,) = load_file(FIXTURES / "with_meta.txt")
    assert doc.title == "Officials Announce Troop Exchange"
    assert doc.url == "https://example.org/exchange"
    assert doc.publisher == "Example Press Service"
    assert (doc.published, doc.published_source) == (date(2015, 11, 3), "metadata")
    assert doc.doc_id == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def test_txt_with_dateline_only() -> None:
    (doc,) = load_file(FIXTURES / "dateline_only.txt")
    assert (doc.published, doc.published_source) == (date(2008, 10, 21), "dateline")
    assert doc.title == "Helsinki Talks Open"


def test_txt_with_published_line_in_a_subfolder() -> None:
    (doc,) = load_file(FIXTURES / "nested" / "published_line.txt")
    assert (doc.published, doc.published_source) == (date(2014, 3, 3), "dateline")


def test_txt_without_any_date_is_undated() -> None:
    (doc,) = load_file(FIXTURES / "no_date.txt")
    assert (doc.published, doc.published_source) == (None, "none")


def test_html_text_title_and_page_date() -> None:
    (doc,) = load_file(FIXTURES / "visit.html")
    assert doc.title == "Navy Chief Visits Japan to Discuss Maritime Cooperation"
    assert doc.text.startswith(doc.title + "\n")
    assert "Richardson’s spokesman" in doc.text  # "&#8217s" repaired
    assert "Skip to main content" not in doc.text and "Home" not in doc.text.split("\n")
    assert (doc.published, doc.published_source) == (date(2019, 4, 2), "html")
    assert "2019-04-01" in (doc.published_note or "")  # the dateline's other day is kept as a trace


def test_html_without_date_is_undated() -> None:
    (doc,) = load_file(FIXTURES / "nodate.html")
    assert doc.title == "Talks Continue"
    assert (doc.published, doc.published_source) == (None, "none")


def test_markdown_front_matter_and_dateline() -> None:
    (briefing,) = load_file(FIXTURES / "briefing.md")
    assert (briefing.title, briefing.publisher) == ("Defense Ministers Meet in Brussels", "Example Wire")
    assert (briefing.published, briefing.published_source) == (date(2021, 6, 16), "metadata")
    assert "**" not in briefing.text and "](" not in briefing.text and "---" not in briefing.text
    (plain,) = load_file(FIXTURES / "plain.md")
    assert (plain.title, plain.published, plain.published_source) == (
        "Exercise Ends in Poland",
        date(2016, 6, 24),
        "dateline",
    )


def test_jsonl_returns_good_lines_and_reports_bad_ones() -> None:
    result = load_file_partial(FIXTURES / "batch.jsonl")
    sources = [d.source.rsplit("#", 1)[1] for d in result.documents]
    assert sources == ["a1", "a2", "a6"]
    assert [(e.line, e.path.name) for e in result.errors] == [
        (3, "batch.jsonl"),
        (4, "batch.jsonl"),
        (7, "batch.jsonl"),
    ]
    assert str(result.errors[0]).startswith(f"{FIXTURES / 'batch.jsonl'}:3: not valid JSON")
    a1, a2, a6 = result.documents
    assert (a1.title, a1.url, a1.published) == (
        "Ministers Sign Accord",
        "https://example.org/a1",
        date(2012, 3, 5),
    )
    assert (a2.published, a2.published_source) == (date(2012, 5, 2), "dateline")
    assert a6.published is None and "sometime in spring" in (a6.published_note or "")


def test_strict_load_raises_first_error_but_keeps_the_good_documents() -> None:
    with pytest.raises(DocumentError) as caught:
        load_file(FIXTURES / "batch.jsonl")
    assert caught.value.line == 3
    assert caught.value.partial is not None and len(caught.value.partial.documents) == 3


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("bad_meta.txt", "bad_meta.meta.json:2: metadata is not valid JSON"),
        ("empty.txt", "empty.txt: the file is empty"),
        ("nested/notes.csv", "unsupported file type"),
        ("missing.txt", "missing.txt: cannot read the file"),
    ],
)
def test_bad_files_say_what_and_where(name: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message.replace(".", r"\.")):
        load_file(FIXTURES / name)


def test_load_paths_collects_documents_and_errors() -> None:
    result = load_paths([FIXTURES, FIXTURES / "nope"])
    assert len(result.documents) == 11
    messages = [str(e) for e in result.errors]
    assert any("nope: no such file or directory" in m for m in messages)
    assert any("bad_meta.meta.json:2" in m for m in messages)


def test_same_article_gets_the_same_id_whatever_the_noise() -> None:
    a = make_document("Headline\n\nThe ministers met&nbsp;today.\n", "a.txt", {})
    b = make_document("  Headline  \r\n\r\n\r\nThe ministers met\u00a0today.", "b.txt", {"title": "Other"})
    assert a.doc_id == b.doc_id and a.text == b.text


def test_empty_text_is_an_error() -> None:
    with pytest.raises(DocumentError, match="no article text"):
        make_document("  \n Click to enlarge \n", "c.txt", {})


def test_seed_001_dated_by_its_metadata(seeds_dir: Path) -> None:
    (doc,) = load_file(seeds_dir / "001_41e0a3642f2b72d8.txt")
    assert (doc.published, doc.published_source) == (date(2010, 9, 15), "metadata")
    assert "Click to enlarge" not in doc.text and "Follow on Facebook" not in doc.text
    assert "establishments“" in doc.text and "&" not in doc.text


def test_seed_001_dateline_alone_gives_the_same_day(seeds_dir: Path) -> None:
    text = (seeds_dir / "001_41e0a3642f2b72d8.txt").read_text(encoding="utf-8")
    doc = make_document(text, "seed-001-without-metadata", {})
    assert (doc.published, doc.published_source) == (date(2010, 9, 15), "dateline")


def test_seed_000_alone_is_undated(seeds_dir: Path) -> None:
    (doc,) = load_file(seeds_dir / "000_dabf0e6dfbbbeb29.txt")
    assert (doc.published, doc.published_source) == (None, "none")
    assert "Image:" not in doc.text and "(photo: Getty)" not in doc.text


@pytest.mark.parametrize("name", ["014", "015", "017", "023"])
def test_corpus_articles_with_null_published_have_no_dateline(articles_dir: Path, name: str) -> None:
    (doc,) = load_file(articles_dir / "corpus" / f"{name}.txt")
    assert (doc.published, doc.published_source) == (None, "none")


def test_corpus_datelines_agree_with_the_metadata(articles_dir: Path) -> None:
    result = load_paths([articles_dir / "corpus"])
    assert not result.errors and len(result.documents) == 25
    for doc in result.documents:
        if doc.published is not None:
            stripped = make_document(doc.text, doc.source, {})
            assert stripped.published in (None, doc.published), doc.source
            assert "says" not in (doc.published_note or ""), doc.source


def test_a_first_line_ending_as_a_sentence_inside_a_quote_is_no_headline() -> None:
    lede = 'Hagel met Chang in Beijing on Tuesday, calling the talks "productive."\n\nThey will meet again.'
    assert make_document(lede, "a.txt").title is None
    assert make_document("Is the Alliance Ready?\n\nThe ministers met today.", "b.txt").title == (
        "Is the Alliance Ready?"
    )
