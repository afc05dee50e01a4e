"""Periods that date a series or a state: a "since then" fronted in its sentence, and the comparison frame
of "the first ... since 1998", which belongs to its own event and dates no series of another clause. Each
text written for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of

_TEXT = (
    "The two ministers endorsed the plan when they met in Oslo last October. Since then, the coast guards "
    "have exchanged liaison officers, and a Russian cutter made a port call in Kodiak in May, the first "
    "since 1996."
)


def test_a_fronted_since_then_starts_the_series_at_the_date_told_before() -> None:
    exchange = first_with(mentions_of(_TEXT, date(2004, 9, 8)), "liaison")
    assert exchange.status == "recurring"
    assert exchange.date_value == "2003-10"


def test_the_first_since_a_year_gives_that_year_to_no_other_clause() -> None:
    mentions = mentions_of(_TEXT, date(2004, 9, 8))
    assert first_with(mentions, "liaison").date_value != "1996"
    assert first_with(mentions, "port call").date_value == "2004-05"
