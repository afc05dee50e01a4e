"""Events named by a noun that is the subject of the sentence: their predicate ("is expected to begin in
the spring", "are expected in Washington next month", "came in the early hours of Jan. 8") tells their
time. Each text written for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_a_gerund_with_of_is_a_noun_whose_predicates_infinitive_dates_it() -> None:
    text = (
        "Training of Ukrainian National Guard units by U.S. paratroopers is expected to begin in the spring."
    )
    training = first_with(mentions_of(text, date(2015, 1, 14)), "Training")
    assert (training.status, training.date_value) == ("planned", "2015-SP")


def test_talks_expected_in_a_city_are_held_there_and_are_no_travellers_visit() -> None:
    text = (
        "Mattis met Japanese Defense Minister Tomomi Inada in Tokyo earlier this year, and the two "
        "governments' 2+2 talks are expected in Washington next month."
    )
    found = [(m.event_type, m.status, m.date_value) for m in mentions_of(text, date(2017, 7, 26))]
    assert ("MEETING", "planned", "2017-08") in found
    assert all(kind != "VISIT" for kind, _, _ in found)


def test_the_hours_of_a_day_are_that_days_time() -> None:
    text = "The Iranian missile attack on Al Asad Air Base came in the early hours of Jan. 8."
    assert first_with(mentions_of(text, date(2020, 1, 16)), "attack").date_value == "2020-01-08"
