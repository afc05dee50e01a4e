"""Properties every analysis keeps, whatever the text: spans point into it, values come from the model's
vocabularies, a date always has an explanation and the publication date is never used silently."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.analyze import analyze
from pipeline.model import EVENT_STATUSES, EVENT_TYPES, PRECISIONS, Document

WORDS = [
    "Gates",
    "Serdyukov",
    "met",
    "visited",
    "will",
    "tour",
    "signed",
    "an",
    "agreement",
    "exercise",
    "today",
    "tomorrow",
    "last",
    "year",
    "in",
    "March",
    "2008",
    "the",
    "Russia",
    "invaded",
    "cancelled",
    "annual",
    "talks",
    "said",
    ",",
    ".",
    "\n\n",
    "called",
    "off",
    "since",
    "2005",
    "later",
    "that",
    "phone",
    "by",
    "spoke",
    "–",
    "WASHINGTON",
    "Sept.",
    "15",
    "not",
    "could",
    "meet",
    "had",
    "hosted",
    "dinner",
    "(",
    ")",
    "“",
    "”",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=80), st.booleans())
def test_analysis_invariants(words: list[str], dated: bool) -> None:
    text = " ".join(words)
    published = date(2010, 9, 15) if dated else None
    analysis = analyze(Document("prop", "prop.txt", text, published=published))
    for m in analysis.event_mentions:
        assert text[m.trigger.start : m.trigger.end] == m.trigger.text
        assert m.sentence.start <= m.trigger.start and m.trigger.end <= m.sentence.end
        assert m.event_type in EVENT_TYPES and m.status in EVENT_STATUSES and m.precision in PRECISIONS
        assert m.explanation
        if m.start is not None:  # every date comes from an expression written in the text
            assert m.timex is not None and m.end is not None and m.start <= m.end
            assert text[m.timex.start : m.timex.end] == m.timex.text and m.timex.text in m.explanation
        if m.date_source == "none":
            assert m.date_value is None and m.start is None


def test_empty_and_headline_only_documents() -> None:
    assert analyze(Document("e", "e.txt", "", published=date(2010, 9, 15))).event_mentions == ()
    headline = Document(
        "h", "h.txt", "Dunford to Meet With Russian Chief", title="Dunford to Meet With Russian Chief"
    )
    assert analyze(headline).event_mentions == ()
