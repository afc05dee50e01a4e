"""Text cleaning: entities (also broken), mojibake, whitespace, page chrome, Markdown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.cleaning import clean_text, markdown_to_text, split_front_matter


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("between our defense establishments& ldquo;", "between our defense establishments“"),
        ("Gates&#8217 visit", "Gates’ visit"),
        ("Gates&#8217;s visit", "Gates’s visit"),
        ("Gates&amp;rsquo;s visit", "Gates’s visit"),
        ("&ldquo;Yes,&rdquo; he said", "“Yes,” he said"),
        ("Fish &amp; Chips", "Fish & Chips"),
        ("AT&T and R&D stay", "AT&T and R&D stay"),
        ("the ministerâ€™s visit", "the minister’s visit"),
        ("café and naïve stay", "café and naïve stay"),
        ("one<br>two", "one\ntwo"),
        ("<p>Hello <b>world</b></p>", "Hello world"),
        ("a < b and c > d", "a < b and c > d"),
    ],
)
def test_entities_tags_and_encoding(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_whitespace_is_normalised_but_paragraphs_are_kept() -> None:
    raw = "  Title\u00a0 here  \r\n\r\n\r\n\r\n  First\tline\u200b \nsecond line  \n \n Last  "
    assert clean_text(raw) == "Title here\n\nFirst line\nsecond line\n\nLast"


def test_page_chrome_lines_are_removed() -> None:
    raw = (
        "An official website of the United States government\nHere's how you know\n"
        "United States Department of Defense United States Department of Defense\n\n"
        "Headline\n\nBody sentence.\nClick to enlarge\n\n"
        "More news and articles can be found on Facebook and Twitter.\n\n"
        "Follow on Facebook and/or on Twitter\nShare this article\n"
        "Image: getty%209%2016%2010%20Robert%20Gates.jpg\nVIRIN: 191218-D-HD608-0004"
    )
    assert clean_text(raw) == "Headline\n\nBody sentence."


def test_a_closing_pointer_to_the_command_site_is_chrome() -> None:
    raw = (
        "Sailors painted a school in Cam Ranh.\n\n"
        "For more news from Commander, U.S. 7th Fleet, visit www.c7f.navy.mil.\n"
        "For more information, see the fleet's page."
    )
    assert clean_text(raw) == "Sailors painted a school in Cam Ranh."


def test_a_visit_told_after_for_more_stays() -> None:
    raw = "For more than a week, the minister will visit bases in the north."
    assert clean_text(raw) == raw


def test_chrome_words_inside_an_article_sentence_stay() -> None:
    raw = "Officials said readers can click to enlarge the map on the ministry's site."
    assert clean_text(raw) == raw


def test_inline_photo_credit_is_removed() -> None:
    assert clean_text("they said.  (photo: Getty)\nNext") == "they said.\nNext"


@given(st.text(alphabet=st.sampled_from(list("ab &;#8217ldquo\u00a0 \n\t.â€™<p>")), max_size=120))
def test_cleaning_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


def test_markdown_front_matter_and_markup() -> None:
    front, body = split_front_matter(
        "---\ntitle: T\npublished: 2021-06-16\n---\n# Head\n\nText **bold** [link](u)."
    )
    assert front["title"] == "T"
    text, title = markdown_to_text(body)
    assert title == "Head"
    assert text.strip() == "Head\n\nText bold link."


def test_markdown_keeps_snake_case_words() -> None:
    text, _ = markdown_to_text("The file_name_here and _emphasis_ here.")
    assert text == "The file_name_here and emphasis here."


def test_bad_front_matter_is_reported() -> None:
    with pytest.raises(ValueError, match="front matter"):
        split_front_matter("---\ntitle: [unclosed\n---\nText")
