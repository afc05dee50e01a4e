"""The next edition of a series told before, named by a plain noun ("Next year's mission", "A larger
iteration"): a planned event of the series' type, dated by its own words; and an exercise begun years before
the time of writing: the series. Each text written for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import mentions_of


def test_next_years_mission_is_a_planned_mission_of_the_series_not_the_visit_told_last() -> None:
    text = (
        "Navy medics and Cambodian army doctors closed a 10-day medical mission in Kampot on Friday.\n\n"
        "Such teams have come to Cambodia every year since 2008. Next year's mission is planned for "
        "Battambang province."
    )
    told = [m for m in mentions_of(text, date(2013, 6, 17)) if m.trigger.text == "mission"]
    assert [(m.event_type, m.status, m.date_value) for m in told] == [("COOPERATION", "planned", "2014")], [
        m.explanation for m in told
    ]


def test_a_larger_iteration_is_the_next_edition_of_the_exercise() -> None:
    text = (
        "Moldovan and U.S. soldiers opened Fire Shield 2015 near Bulboaca last Tuesday, a 10-day exercise. "
        "A larger iteration with Romanian troops is planned for next year."
    )
    told = [m for m in mentions_of(text, date(2015, 6, 24)) if m.trigger.text == "iteration"]
    assert [(m.event_type, m.status, m.date_value) for m in told] == [("JOINT_EXERCISE", "planned", "2016")]


def test_a_mission_told_alone_refers_to_nothing() -> None:
    text = "Next year's mission is planned for Battambang province, the embassy said."
    assert not [m for m in mentions_of(text, date(2013, 6, 17)) if m.trigger.text == "mission"]


def test_an_exercise_begun_years_before_is_the_series() -> None:
    text = (
        "Cobra Gold, the largest exercise of the two allies, began in 1982 as a small bilateral staff drill."
    )
    told = [
        m for m in mentions_of(text, date(2015, 4, 20)) if m.event_type == "JOINT_EXERCISE" and m.date_value
    ]
    assert told and {(m.status, m.date_value) for m in told} == {("recurring", "1982")}, [
        m.explanation for m in told
    ]


def test_an_exercise_begun_this_year_is_one_edition() -> None:
    text = "The exercise began Feb. 15 near Misawa and runs through March 3."
    told = [m for m in mentions_of(text, date(2017, 2, 24)) if m.event_type == "JOINT_EXERCISE"]
    assert told and all(m.status != "recurring" for m in told), [m.explanation for m in told]


def test_an_ordinal_before_annual_names_one_edition() -> None:
    text = "The two ministers concluded the 23rd annual Defense Policy Talks here, officials said."
    told = [m for m in mentions_of(text, date(2015, 8, 12)) if m.event_type == "MEETING"]
    assert told and all(m.status == "occurred" for m in told), [(m.trigger.text, m.status) for m in told]


def test_events_told_as_suspended_after_their_plan_are_cancelled() -> None:
    text = (
        "The cadet exchange visits scheduled for this fall are also suspended, and the ministry has "
        "suspended all planning for next month's naval wargame, Pacific Guardian."
    )
    told = {(m.event_type, m.status) for m in mentions_of(text, date(2018, 6, 19))}
    assert {("PERSONNEL_EXCHANGE", "cancelled"), ("JOINT_EXERCISE", "cancelled")} <= told, told
