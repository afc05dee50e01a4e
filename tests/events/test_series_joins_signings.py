"""Wordings met in new articles: signings told in a relative clause, series told after an edition ("held
every two years since"), training by instructors, joining a mission, background relative clauses."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of

DAY = date(2011, 6, 8)


def test_a_signing_told_in_a_relative_clause_after_its_document() -> None:
    text = "The visits fall under a five-year cooperation plan, which the two ministries signed in February."
    signing = first_with(mentions_of(text, DAY), "signed")
    assert (signing.event_type, signing.status, signing.date_value) == (
        "AGREEMENT_SIGNED",
        "occurred",
        "2011-02",
    )


def test_a_series_held_every_year_since_then_is_dated_by_its_start() -> None:
    text = "Steppe Guardian began as a small staff drill in 2004 and has been held every autumn since."
    series = first_with(mentions_of(text, DAY), "held")
    assert (series.event_type, series.status, series.date_value) == ("JOINT_EXERCISE", "recurring", "2004")


def test_training_by_another_countrys_instructors_is_assistance() -> None:
    text = "The Mongolian battalion has trained with U.S. Marine instructors twice a year since 2006."
    training = first_with(mentions_of(text, DAY), "trained")
    assert (training.event_type, training.status, training.date_value) == ("COOPERATION", "recurring", "2006")


def test_troops_that_join_a_multinational_mission_cooperate_but_not_a_recruit_joining_the_air_force() -> None:
    mission = first_with(
        mentions_of("Armenian soldiers joined the UN peacekeeping force in Lebanon in 2008.", DAY), "joined"
    )
    assert (mission.event_type, mission.date_value) == ("COOPERATION", "2008")
    assert not mentions_of("The colonel joined the Air Force in 1988.", DAY)


def test_a_background_relative_clause_does_not_date_the_next_sentence() -> None:
    text = (
        "The port is guarded by Ugandan troops, who joined the peacekeeping mission in 2007.\n\n"
        "The minister urged other members to contribute helicopters to the mission."
    )
    appeal = first_with(mentions_of(text, DAY), "urged")
    assert appeal.date_value != "2007"


def test_an_annual_exercise_an_undated_article_says_someone_will_join_is_a_plan() -> None:
    text = "Peruvian pilots will join U.S. and Chilean air crews in an annual rescue exercise in October."
    edition = first_with(mentions_of(text, None), "join")
    assert (edition.status, edition.date_value) == ("planned", "XXXX-10")


def test_the_month_of_an_announcement_does_not_date_what_was_announced() -> None:
    text = "Officials announced in April that the exercise would take place in August."
    mentions = mentions_of(text, date(2012, 6, 13))
    assert all(m.date_value in (None, "2012-08") for m in mentions if m.event_type == "JOINT_EXERCISE")


def test_the_cancelling_of_an_event_named_before_is_one_cancelled_event_dated_by_the_plan() -> None:
    text = (
        "A visit by Dutch marines to a Canadian base, set for October, has also been called off, "
        "officials said last week."
    )
    mentions = [m for m in mentions_of(text, date(2011, 9, 8)) if m.event_type == "VISIT"]
    assert mentions and all((m.status, m.date_value) == ("cancelled", "2011-10") for m in mentions)
    assert any("called off" in m.trigger.text for m in mentions)


def test_a_meeting_in_a_relative_clause_keeps_its_past_and_the_main_plan_is_its_own() -> None:
    text = (
        "The joint commission, which last met in Oslo in November, is slated to convene there again in May."
    )
    mentions = mentions_of(text, date(2019, 2, 6))
    met = first_with(mentions, "met")
    convene = first_with(mentions, "convene")
    assert (met.status, met.date_value) == ("occurred", "2018-11")
    assert (convene.event_type, convene.status, convene.date_value) == ("MEETING", "planned", "2019-05")


def test_the_date_of_a_shelving_does_not_date_the_event_shelved() -> None:
    text = "A joint mine-clearing drill in the Baltic, shelved last year, will take place next month."
    drills = [m for m in mentions_of(text, date(2009, 7, 9)) if m.event_type == "JOINT_EXERCISE"]
    assert drills and all(m.date_value in (None, "2009-08") for m in drills)


def test_a_definite_noun_right_after_a_plan_speaks_of_that_plan() -> None:
    text = "Adm. Kovalev will tour Naval Station Norfolk tomorrow. The visit is his first to a U.S. base."
    visit = first_with(mentions_of(text, date(2012, 6, 13)), "visit")
    assert (visit.status, visit.date_value) == ("planned", "2012-06-14")


def test_an_indefinite_noun_after_a_plan_is_another_event() -> None:
    text = "Adm. Kovalev will tour Naval Station Norfolk tomorrow. A visit to Moscow followed in 2010."
    visit = first_with(mentions_of(text, date(2012, 6, 13)), "visit")
    assert visit.date_value == "2010"


def test_a_plan_postponed_to_a_new_time_stays_planned_and_takes_that_time() -> None:
    mentions = mentions_of(
        "The two ministers agreed to postpone Baltic Shield 2012, a staff exercise planned for April, until "
        "the fall. A visit to Riga set for May was postponed to June. The drill was postponed indefinitely.",
        date(2012, 3, 5),
    )
    guard = first_with(mentions, "Baltic Shield")
    visit = first_with(mentions, "visit")
    drill = first_with(mentions, "drill")
    assert (guard.status, guard.date_value) == ("planned", "2012-FA")
    assert (visit.status, visit.date_value) == ("planned", "2012-06")
    assert drill.status == "cancelled"


def test_a_cancelling_wording_does_not_hide_the_cancelled_events_only_date() -> None:
    text = "A planned port visit by a Russian ship to San Diego was canceled in 2008."
    visits = [m for m in mentions_of(text, date(2011, 4, 14)) if m.event_type == "VISIT"]
    assert visits and all((m.status, m.date_value) == ("cancelled", "2008") for m in visits)
