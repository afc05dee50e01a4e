"""Plans told from inside a trip ("While in Hanoi, ...", "During his visit, ...") happen in the trip's time,
and the year a plan covers is not when it is signed. Each text written for this test, through the whole
per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_a_plan_told_from_inside_a_trip_takes_the_trips_month() -> None:
    text = (
        "HANOI, Vietnam, March 13, 2000 – Defense Secretary William S. Cohen arrived here today for a "
        "three-day visit.\n\nWhile in Hanoi, Cohen will meet with Defense Minister Gen. Pham Van Tra and "
        "discuss the search for the missing."
    )
    mentions = mentions_of(text, date(2000, 3, 13))
    assert first_with(mentions, "meet").date_value == "2000-03"
    assert first_with(mentions, "discuss").date_value == "2000-03"


def test_the_year_a_plan_covers_does_not_date_its_signing() -> None:
    text = (
        "Ukrainian Defense Minister Valeriy Shmarov is in the United States this week for talks. During his "
        "visit, Shmarov will meet with Perry at the Pentagon and sign a plan of military contacts for 1996."
    )
    found = {m.trigger.text: m.date_value for m in mentions_of(text, date(1995, 11, 8))}
    assert found["sign a plan"] == "1995-W45"
    assert found["meet"] == "1995-W45"


def test_a_plan_for_next_years_exercises_still_dates_them() -> None:
    text = "On Wednesday they met to review plans for next year's exercises, including a rescue drill."
    assert first_with(mentions_of(text, date(2011, 8, 19)), "drill").date_value == "2012"


def test_a_meeting_a_news_conference_came_after_is_the_same_days() -> None:
    text = (
        "BOGOTA, Colombia, April 24, 2012 – Defense Secretary Leon E. Panetta praised Colombia today for its "
        "progress.\n\nSpeaking at a joint news conference with Colombian Defense Minister Juan Carlos Pinzon "
        "after their meeting at the Defense Ministry, Panetta said the aid would go on."
    )
    assert first_with(mentions_of(text, date(2012, 4, 24)), "meeting").date_value == "2012-04-24"


def test_a_meeting_in_a_where_clause_on_a_dated_visit_is_on_that_visit_not_on_a_later_date() -> None:
    text = (
        "The accord follows Moreno's June 3 visit to Quito, where he met the Ecuadorian president for an "
        "hour, and three days of staff talks at the Pentagon this week."
    )
    met = first_with(mentions_of(text, date(2009, 6, 19)), "met")
    assert met.date_value == "2009-06-03", met.explanation


def test_a_meeting_on_a_trip_told_by_its_return_is_known_to_the_month() -> None:
    text = (
        "Secretary Hale got back last night from a five-nation swing through West Africa, where he met with "
        "the presidents of Ghana and Senegal."
    )
    met = first_with(mentions_of(text, date(2009, 6, 19)), "met")
    assert met.date_value == "2009-06", met.explanation
