"""Which date of a sentence governs an event, through the whole per-document analysis (tagger, actors,
triggers, anchoring): the reporting tail, a second predicate with its own auxiliary, a noun after a
determiner, an anaphoric year kept over its reference, and weekdays in articles without a date."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with as _dated
from tests.events.analysed import mentions_of as _mentions


def test_the_date_of_telling_lawmakers_does_not_date_the_plan() -> None:
    text = (
        "About 400 U.S. Marines will begin training Estonian conscripts near Tapa this summer, "
        "a Pentagon spokesman told a Senate panel on Tuesday."
    )
    plan = _dated(_mentions(text, date(2017, 4, 6)), "training")
    assert (plan.date_value, plan.status) == ("2017-SU", "planned")


def test_a_second_predicate_with_its_own_auxiliary_takes_its_own_date() -> None:
    text = "The admiral arrives in Oslo on Monday and will visit the Arctic base at Bodo on Wednesday."
    visit = _dated(_mentions(text, date(2019, 3, 8)), "visit")
    assert visit.date_value == "2019-03-13"  # Wednesday after Friday 2019-03-08, not Monday the 11th


def test_a_first_exercise_and_the_yearly_series_after_it_are_dated_apart() -> None:
    text = "The two air forces first trained together in 1998 and have exercised regularly since 2004."
    mentions = _mentions(text, date(2011, 6, 1))
    first, series = _dated(mentions, "trained together"), _dated(mentions, "exercised")
    assert (first.date_value, first.status) == ("1998", "occurred")
    assert (series.date_value, series.status) == ("2004", "recurring")


def test_a_meeting_after_a_determiner_takes_the_anaphoric_year_not_its_reference() -> None:
    text = (
        "Officials from both navies met in Manila today, reviving talks that Beijing suspended in "
        "February 2014 and resumed later that year with a meeting of the fleet commanders in Singapore."
    )
    meeting = _dated(_mentions(text, date(2016, 9, 20)), "meeting")
    assert meeting.date_value == "2014"
    assert meeting.start == date(2014, 3, 1)  # later than February 2014


def test_without_a_publication_date_a_planned_weekday_is_not_read_from_an_old_date() -> None:
    text = (
        "The two countries signed a maritime security accord on June 3, 2011.\n\n"
        "The general leaves for Quito on Thursday for talks with Ecuadorian commanders."
    )
    trip = _dated(_mentions(text, None), "leaves for")
    assert trip.date_value == "XXXX-WXX-4"  # a Thursday of the unknown week of writing, kept as TIMEX3 says


def test_without_a_publication_date_a_weekday_in_a_past_narrative_takes_the_told_week() -> None:
    text = (
        "On Tuesday, June 7, 2011, the frigate sailed from Split. "
        "On Friday, the crew held drills with Croatian ships."
    )
    drill = _dated(_mentions(text, None), "drills")
    assert drill.date_value == "2011-06-10"


def test_leaving_right_after_a_dated_stop_is_that_days_plan() -> None:
    text = "On Thursday the minister will inspect the new radar site at Sines before sailing for the Azores."
    mentions = _mentions(text, date(2018, 5, 14))
    leaving = _dated(mentions, "sailing")
    assert (leaving.date_value, leaving.status) == ("2018-05-17", "planned")


def test_leaving_after_an_undated_stop_stays_undated() -> None:
    text = "The minister inspected the new radar site at Sines before sailing for the Azores."
    leaving = _dated(_mentions(text, date(2018, 5, 14)), "sailing")
    assert leaving.date_value is None


def test_a_date_naming_a_landmark_after_which_the_event_happened_dates_it() -> None:
    text = "Marine helicopters flew relief missions for weeks after the December 2004 tsunami in Aceh."
    relief = _dated(_mentions(text, date(2006, 1, 9)), "relief")
    assert relief.date_value == "2004-12"


def test_a_date_naming_a_plain_noun_still_dates_nothing() -> None:
    text = "The two staffs discussed Year 2000 computer glitches."
    mentions = _mentions(text, date(1999, 3, 2))
    assert all(m.date_value != "2000" for m in mentions)


def test_what_hangs_on_an_after_clause_is_not_at_the_main_clauses_day() -> None:
    text = (
        "Adm. Ray Cole arrived in Oslo yesterday after a two-day stop in Brussels, where he consulted "
        "with NATO allies."
    )
    consulted = _dated(_mentions(text, date(2009, 6, 26)), "consulted")
    assert consulted.date_value is None


def test_a_named_exercise_takes_its_own_relative_clause_not_anothers() -> None:
    text = (
        "The two ministers discussed the rotational presence of U.S. forces in the Baltic states, which "
        "began in 2014, and the exercise Saber Strike, which starts next month."
    )
    exercise = _dated(_mentions(text, date(2016, 5, 4)), "exercise")
    assert (exercise.date_value, exercise.status) == ("2016-06", "planned")


def test_an_exercise_ahead_of_which_people_met_is_dated_by_its_own_relative_clause() -> None:
    text = (
        "Adm. John Reed met Norwegian navy chief Rear Adm. Nils Stang here yesterday, ahead of the "
        "Arctic Shield exercise, which begins tomorrow."
    )
    exercise = _dated(_mentions(text, date(2018, 10, 24)), "exercise")
    assert (exercise.date_value, exercise.status) == ("2018-10-25", "planned")


def test_a_purpose_right_after_a_trips_date_shares_it() -> None:
    text = "The minister will travel to Jakarta next week to meet Indonesian commanders."
    meeting = _dated(_mentions(text, date(2014, 9, 9)), "to meet")
    assert (meeting.status, meeting.date_value) == ("planned", "2014-W38")


def test_the_day_of_an_agreement_told_as_its_activity_dates_the_talks_after_it() -> None:
    text = (
        "WASHINGTON - Defense Secretary Paul Ward and Polish Defense Minister Jan Nowak agreed Monday to "
        "hold a joint exercise in Kansas next fall.\n\n"
        "The two met for three hours at the Pentagon."
    )
    mentions = _mentions(text, date(1994, 10, 5))
    assert _dated(mentions, "met").date_value == "1994-10-03"
    assert all(m.event_type != "AGREEMENT" for m in mentions)  # the agreement is its activity


def test_without_a_date_the_meeting_after_an_arrival_takes_its_own_weekday() -> None:
    text = (
        "Lt. Gen. Harold Webb flew in Tuesday and met Mongolian Defense Minister Bat Tsend on Wednesday. "
        "The exercise, which began Aug. 4, drew about 900 troops."
    )
    mentions = _mentions(text, None)
    assert _dated(mentions, "met").date_value == "XXXX-WXX-3"
    exercise = _dated(mentions, "exercise")
    assert (exercise.date_value, exercise.precision) == ("XXXX-08-04", "day")


def test_a_fronted_before_phrase_does_not_make_the_main_clause_a_sequel() -> None:
    text = (
        "ITAGUAI, Brazil – Adm. John Dorsey met Brazilian navy chief Adm. Julio Lacerda here on Tuesday.\n\n"
        "Before the ceremony, the two admirals met for an hour with their staffs."
    )
    mentions = _mentions(text, date(2012, 10, 17))
    second = [m for m in mentions if m.sentence.text.startswith("Before")]
    assert second and second[0].date_value == "2012-10-16"
