"""A present perfect whose result is a state still holds ("has massed troops"); "over the past year" dates
such a state from a year before the publication date, to the month."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_forces_named_before_their_massing_in_a_present_perfect_are_still_there() -> None:
    text = "The minister asked Moscow to withdraw the armored units it has massed along the Latvian border."
    massing = first_with(mentions_of(text, date(2021, 4, 20)), "massed")
    assert (massing.event_type, massing.status) == ("MILITARY_FORCE", "ongoing")


def test_a_deployment_over_the_past_year_began_a_year_before_to_the_month() -> None:
    text = "Moscow has stationed about 4,000 troops in Transnistria over the past year, the official said."
    stationing = first_with(mentions_of(text, date(2016, 10, 5)), "stationed")
    assert (stationing.status, stationing.date_value) == ("ongoing", "2015-10")


def test_a_suspension_reported_in_the_present_perfect_is_the_news_not_a_state() -> None:
    text = "Azerbaijan has suspended a 2009 agreement on military inspections, the ministry said on Monday."
    suspension = first_with(mentions_of(text, date(2016, 10, 5)), "suspended")
    assert suspension.status == "occurred"
