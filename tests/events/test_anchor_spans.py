"""Anchoring by a period counted back from the time of writing, and vague dates without publication date.

Hand-made sentences in my own wording; TIMEX3s are given by hand (the tagger is tested elsewhere).
"""

from __future__ import annotations

from datetime import date

from tests.events.helpers import timex
from tests.events.test_anchor import one, run


def test_a_series_over_the_past_months_starts_that_long_before_publication() -> None:
    text = "Navy staffs have met their Indian counterparts regularly over the past 14 months."
    span = timex(text, "the past 14 months", "P14M", type_="DURATION", anchor=None)
    talks = one(run(text, [span], date(2012, 5, 20)), "met")
    assert talks.status == "recurring"
    assert (talks.date_value, talks.start, talks.end) == ("2011-03", date(2011, 3, 1), date(2012, 5, 20))
    assert "P14M" in talks.explanation


def test_a_single_past_event_is_not_dated_by_a_period_after_it() -> None:
    text = "Navy staffs met their Indian counterparts in Goa, the first such talks in the past 14 months."
    span = timex(text, "the past 14 months", "P14M", type_="DURATION", anchor=None)
    talks = one(run(text, [span], date(2012, 5, 20)), "met")
    assert talks.status == "occurred"
    assert talks.date_value != "2011-03"


def test_undated_events_without_publication_date_are_past_or_future_refs() -> None:
    text = "The two navies held a search-and-rescue drill.\nThe frigate will visit Manila."
    mentions = run(text, [], published=None)
    assert one(mentions, "held").date_value == "PAST_REF"
    assert one(mentions, "visit").date_value == "FUTURE_REF"


def test_undated_events_with_publication_date_stay_undated() -> None:
    text = "The two navies held a search-and-rescue drill.\nThe frigate will visit Manila."
    mentions = run(text, [], published=date(2012, 5, 20))
    assert one(mentions, "held").date_value is None
    assert one(mentions, "visit").date_value is None


def test_a_when_clause_takes_the_date_it_hangs_on() -> None:
    text = (
        "It was the heaviest shelling of the base since March, when two Kenyan soldiers died in an attack "
        "near Kismayo."
    )
    march = timex(text, "March", "2012-03")
    raid = one(run(text, [march], date(2012, 6, 2)), "attack")
    assert raid.date_value == "2012-03" and raid.date_source == "clause"
    assert "March" in raid.explanation


def test_a_date_without_when_clause_does_not_reach_past_a_full_stop() -> None:
    text = "The base was shelled in March.\nTwo Kenyan soldiers died in an attack near Kismayo."
    march = timex(text, "March", "2012-03")
    raid = one(run(text, [march], date(2012, 6, 2)), "attack")
    assert raid.date_source != "clause"


def test_a_relative_clause_with_a_date_names_one_edition_of_a_series() -> None:
    text = "Thai marines joined the yearly amphibious exercise, which Indonesia hosted in Surabaya Aug. 12."
    day = timex(text, "Aug. 12", "XXXX-08-12")
    drill = one(run(text, [day], published=None), "joined")
    assert drill.date_value == "XXXX-08-12"
    assert drill.status == "occurred"


def test_a_series_since_a_year_keeps_its_start_over_a_present_relative_clause() -> None:
    text = (
        "Since 2009, the two navies have marked the date in a yearly exercise that recalls the rescue "
        "of 1987."
    )
    since = timex(text, "2009", "2009", anchor=None)
    rescue = timex(text, "1987", "1987", anchor=None)
    drill = one(run(text, [since, rescue], date(2013, 5, 2)), "exercise")
    assert drill.date_value != "1987"


def test_an_undated_series_without_publication_date_is_present_ref() -> None:
    text = "The two coast guards hold talks every year."
    talks = one(run(text, [], published=None), "hold talks")
    assert talks.status == "recurring"
    assert talks.date_value == "PRESENT_REF"
