"""Events called off in the words of a decision about them rather than with "cancelled": each text written
for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_one_planned_visit_suspended_is_that_visit_called_off_not_a_suspension_of_ties() -> None:
    text = "After the coup, the Pentagon suspended an upcoming visit to Washington by the army chief."
    found = [(m.event_type, m.status) for m in mentions_of(text, date(2014, 5, 27))]
    assert found == [("VISIT", "cancelled")]


def test_ties_suspended_stay_a_suspension() -> None:
    text = "After the coup, the Pentagon suspended military cooperation with the junta."
    found = [(m.event_type, m.status) for m in mentions_of(text, date(2014, 5, 27))]
    assert ("SUSPENSION", "occurred") in found


def test_a_plan_whose_first_date_was_dropped_and_that_finally_took_place_occurred_then() -> None:
    text = "The general's visit to Washington, first set for January, finally took place in May."
    visit = mentions_of(text, date(2011, 8, 12))[0]
    assert (visit.event_type, visit.status, visit.date_value) == ("VISIT", "occurred", "2011-05")


def test_what_was_supposed_to_happen_did_not() -> None:
    text = "The two ministers were supposed to meet in Brussels in March."
    meeting = mentions_of(text, date(2016, 4, 14))[0]
    assert (meeting.status, meeting.date_value) == ("cancelled", "2016-03")


def test_talks_first_set_for_one_month_that_took_place_in_another_occurred_then() -> None:
    talks = mentions_of("The talks, first set for March, took place on June 11.", date(2020, 7, 1))[0]
    assert (talks.status, talks.date_value) == ("occurred", "2020-06-11")


def test_a_called_off_plan_is_dated_by_the_relative_clause_that_describes_it() -> None:
    text = (
        "A command post exercise that was to have brought the two staffs together at Fort Hood, Texas, "
        "in June has been dropped because of its cost, officials said."
    )
    exercise = first_with(mentions_of(text, date(1997, 3, 12)), "exercise")
    assert (exercise.status, exercise.date_value) == ("cancelled", "1997-06")


def test_a_meeting_postponed_in_an_aside_and_held_in_the_main_predicate_occurred() -> None:
    text = (
        "The Korea-U.S. Integrated Defense Dialogue, postponed twice because of the political crisis, "
        "was held in Seoul on Tuesday."
    )
    dialogue = first_with(mentions_of(text, date(2017, 3, 2)), "Dialogue")
    assert (dialogue.status, dialogue.date_value) == ("occurred", "2017-02-28")


def test_an_arrival_a_delegation_had_been_due_to_make_did_not_happen() -> None:
    text = "The delegation had been due to arrive on Monday, but the visit was put off."
    arrival = first_with(mentions_of(text, date(2019, 1, 30)), "arrive")
    assert arrival.status == "cancelled"


def test_a_calling_off_after_a_relative_clause_tells_of_the_clause_s_noun() -> None:
    text = "The exercise, which has been held every year since 2004, was canceled this year."
    called_off = first_with(mentions_of(text, date(2010, 9, 15)), "was canceled")
    assert (called_off.status, called_off.date_value) == ("cancelled", "2010")


def test_a_called_off_visit_is_dated_by_the_month_its_planning_participle_names() -> None:
    text = (
        "A Navy port visit to St. Petersburg, planned before the suspension for June, has been canceled, "
        "officials said Monday."
    )
    visit = first_with(mentions_of(text, date(2014, 4, 29)), "port visit")
    assert (visit.status, visit.date_value) == ("cancelled", "2014-06")


def test_a_modified_noun_postponed_past_its_relative_clause_is_planned_for_the_new_date() -> None:
    text = (
        "The U.S.-Japan security consultative meeting, which had been scheduled for this spring, has been "
        "postponed until June because of the disaster."
    )
    found = {(m.status, m.date_value) for m in mentions_of(text, date(2011, 3, 24))}
    assert found == {("planned", "2011-06")}


def test_a_plural_subject_before_a_participle_is_no_modified_noun() -> None:
    text = "NATO foreign ministers meeting in Brussels yesterday agreed to suspend the council's sessions."
    meeting = first_with(mentions_of(text, date(2008, 8, 20)), "meeting")
    assert (meeting.status, meeting.date_value) == ("occurred", "2008-08-19")
