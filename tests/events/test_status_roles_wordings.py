"""Status, participants and wordings, through the whole per-document analysis (tagger, actors, triggers,
anchoring): plans, cancellations and running activities, indirect subjects, and the trigger vocabulary of
contacts beyond visits and meetings."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import actor_names as _actor_names
from tests.events.analysed import first_with as _dated
from tests.events.analysed import mentions_of as _mentions


def test_a_program_whose_relative_clause_runs_since_a_year_is_ongoing_from_it() -> None:
    text = "The ministers reviewed a pilot training program that has qualified 140 aviators since 2012."
    program = _dated(_mentions(text, date(2016, 2, 3)), "program")
    assert (program.status, program.date_value) == ("ongoing", "2012")


def test_what_groundwork_is_laid_for_is_a_plan_without_the_passage_date() -> None:
    text = (
        "Two Norwegian frigates visited Norfolk last month.\n\n"
        "The port call laid the groundwork for a cadet exchange program between the two navies."
    )
    exchange = _dated(_mentions(text, date(2014, 11, 5)), "exchange")
    assert (exchange.status, exchange.date_value) == ("planned", None)


def test_a_frequency_in_the_next_predicate_does_not_make_an_invitation_a_series() -> None:
    text = (
        "The ministers invited the four Gulf partners to send observers to the drills and agreed to hold "
        "annual consultations with them."
    )
    invitation = _dated(_mentions(text, date(2011, 3, 9)), "invited")
    assert invitation.status == "occurred"


def test_goods_that_arrive_or_ship_are_a_delivery_not_a_visit() -> None:
    text = (
        "Officials said the first radars would ship to Estonia before the end of the month, and the "
        "remaining components will arrive in July. The minister will arrive in Tallinn on Friday."
    )
    mentions = _mentions(text, date(2019, 4, 17))
    found = [(m.trigger.text, m.event_type, m.date_value) for m in mentions]
    assert ("ship to", "COOPERATION", "2019-04") in found
    assert ("arrive in", "COOPERATION", "2019-07") in found  # the components
    assert ("arrive in", "VISIT", "2019-04-19") in found  # the minister


def test_an_arrival_whose_delegation_goes_on_with_plans_is_still_running() -> None:
    text = (
        "Brazilian Army Gen. Paulo Ramos arrived in Washington on Sunday with a 10-member delegation.\n\n"
        "Tomorrow the delegation will meet officials at the State Department. The group leaves for "
        "Brasilia on Friday."
    )
    arrival = _dated(_mentions(text, date(2014, 3, 11)), "arrived")
    assert (arrival.date_value, arrival.status) == ("2014-03-09", "ongoing")


def test_without_a_date_a_timetable_verb_is_a_plan_and_the_traveller_still_there() -> None:
    text = (
        "HANOI, Vietnam - Adm. Grace Whitfield, who arrived in Hanoi on Monday, met Vietnamese Defense "
        "Minister Tran Van Long here yesterday.\n\n"
        "Whitfield leaves for Manila on Thursday for talks with Philippine commanders."
    )
    mentions = _mentions(text, None)
    leaving, arrival = _dated(mentions, "leaves for"), _dated(mentions, "arrived")
    assert (leaving.date_value, leaving.status) == ("XXXX-WXX-4", "planned")
    assert (arrival.date_value, arrival.status) == ("XXXX-WXX-1", "ongoing")


def test_without_a_date_a_stay_begun_today_for_days_is_running() -> None:
    text = "The destroyer USS Halsey docked in Cam Ranh at 8 a.m. today for a four-day port visit."
    visit = _dated(_mentions(text, None), "port visit")
    assert (visit.date_value, visit.status) == ("XXXX-XX-XX", "ongoing")


def test_force_posture_wordings_are_uses_of_force_not_visits() -> None:
    text = (
        "American tankers have flown from Manas Air Base in Kyrgyzstan since 2001. "
        "A British-led battalion will deploy to northeastern Estonia next year. "
        "Moscow has moved about 8,000 troops into Transnistria."
    )
    found = {m.trigger.text: (m.event_type, m.date_value) for m in _mentions(text, date(2016, 6, 13))}
    assert [v for k, v in found.items() if k.startswith("flown from")] == [("MILITARY_FORCE", "2001")]
    assert [v for k, v in found.items() if "deploy" in k] == [("MILITARY_FORCE", "2017")]
    assert any(k.startswith("moved") and v[0] == "MILITARY_FORCE" for k, v in found.items())


def test_training_alongside_partner_troops_is_an_exercise() -> None:
    text = "Marines have trained alongside Romanian troops at Babadag since 2015."
    training = _dated(_mentions(text, date(2017, 5, 2)), "trained")
    assert training.event_type == "JOINT_EXERCISE"


def test_a_coordinated_predicate_keeps_the_first_subject() -> None:
    text = (
        "Army Gen. Carlos Mendez met Peruvian Defense Minister Luis Vargas here yesterday and will tour "
        "a riverine base in Iquitos tomorrow."
    )
    tour = _dated(_mentions(text, date(2012, 5, 8)), "tour")
    assert _actor_names(tour) == ["Carlos Mendez"]


def test_a_pronoun_before_the_trigger_is_the_person_told_before() -> None:
    text = (
        "Defense Secretary Alan Whitcomb met Danish Defense Minister Karin Holm in Copenhagen today.\n\n"
        "The talks build on the ties that he started when he visited Aalborg, Denmark, last month."
    )
    visit = _dated(_mentions(text, date(2001, 3, 5)), "visited")
    assert _actor_names(visit) == ["Alan Whitcomb"]


def test_the_owner_of_a_trip_is_its_traveller() -> None:
    text = (
        "Keeping the Russians engaged emerged as the theme for Defense Secretary Tom Ridley's latest trip "
        "to Europe.\n\n"
        "The secretary traveled to Belgium, Poland and Russia during his trip."
    )
    mentions = _mentions(text, date(2000, 6, 15))
    trips = [m for m in mentions if m.trigger.text == "trip"]
    assert len(trips) == 2
    assert all(_actor_names(m) == ["Tom Ridley"] for m in trips)


def test_a_plan_to_talk_is_a_planned_meeting_and_troops_sent_are_force() -> None:
    text = (
        "The two ministers are expected to discuss border security in Quito.\n\n"
        "Lima would send 600 more troops to the mission, and Ecuador sent its army to the frontier in May."
    )
    found = {m.trigger.text: (m.event_type, m.status) for m in _mentions(text, date(2016, 6, 1))}
    assert found["expected to discuss"] == ("MEETING", "planned")
    assert found["send 600 more troops"] == ("MILITARY_FORCE", "planned")
    assert found["sent its army"] == ("MILITARY_FORCE", "occurred")


def test_todays_visit_that_will_have_effects_is_not_a_plan() -> None:
    text = "Ruiz hopes today's visit will open a new chapter in defense ties, an aide said."
    visit = _dated(_mentions(text, date(2012, 4, 2)), "visit")
    assert (visit.status, visit.date_value) == ("occurred", "2012-04-02")


def test_a_standing_body_that_convenes_is_a_meeting() -> None:
    text = "A U.S.-Russian working group will convene next month to draft a plan for 2010."
    meeting = _dated(_mentions(text, date(2009, 6, 26)), "convene")
    assert (meeting.event_type, meeting.status, meeting.date_value) == ("MEETING", "planned", "2009-07")


def test_they_in_a_later_clause_are_the_two_told_before() -> None:
    text = (
        "Gen. Peter Lang met Gen. Anton Reiss, the German army chief, in Bonn today.\n\n"
        "The two officers last met in March, and they plan to meet again in Washington in the fall."
    )
    plan = _dated(_mentions(text, date(2009, 6, 26)), "to meet")
    assert {r.name for r in plan.actors} >= {"Peter Lang", "Anton Reiss"}


def test_a_named_exercise_held_every_year_since_a_year_is_a_series() -> None:
    text = (
        "In May 2011 American and Polish gunners met for the first Baltic Shield exercise.\n\n"
        "Baltic Shield has been held every year since 2011."
    )
    series = _dated(_mentions(text, date(2016, 3, 1)), "has been held")
    assert (series.event_type, series.status, series.date_value) == ("JOINT_EXERCISE", "recurring", "2011")


def test_the_frequency_of_the_series_an_exercise_belongs_to_is_not_its_own() -> None:
    text = (
        "Sailors of the two navies completed a search-and-rescue exercise in the Baltic Sea on June 12.\n\n"
        "The exercise, part of the annual BALTOPS series, included communication drills."
    )
    mentions = _mentions(text, date(2010, 6, 14))
    later = [m for m in mentions if m.sentence.text.startswith("The exercise")]
    assert later and all(m.status == "occurred" for m in later)


def test_an_activity_said_to_run_until_a_later_day_is_ongoing_not_planned_for_that_day() -> None:
    text = (
        "Chinese and Thai marines began amphibious drills near Sattahip on Tuesday.\n\n"
        "The drills run through Friday, and the commanders said the exercises would end with a parade."
    )
    mentions = _mentions(text, date(2014, 3, 15))
    start = _dated(mentions, "began")
    later = [m for m in mentions if m.sentence.text.startswith("The drills")]
    assert (start.date_value, start.status) == ("2014-03-11", "ongoing")
    assert later and all(m.status == "ongoing" and m.date_value != "2014-03-21" for m in later)


def test_an_activity_since_a_date_goes_on_while_meetings_since_a_date_recur() -> None:
    text = (
        "U.S. and Polish troops have trained side by side continuously since April 2014.\n\n"
        "The two defense chiefs have spoken by phone since October."
    )
    mentions = _mentions(text, date(2016, 6, 13))
    assert _dated(mentions, "trained").status == "ongoing"
    assert _dated(mentions, "spoken").status == "recurring"


def test_a_conference_wrapped_up_for_a_future_exercise_is_over_and_the_exercise_planned() -> None:
    text = (
        "Officers from both armies wrapped up a three-day planning conference here Aug. 6 for a joint "
        "exercise to be held in Poland next summer.\n\n"
        'General Novak said the exercise would be the first of its kind. "This is a new chapter," he said.'
    )
    mentions = _mentions(text, date(2012, 8, 8))
    conference = _dated(mentions, "conference")
    # its three days up to Aug. 6, dated by the first (as "ended a two-day summit here today")
    assert (conference.status, conference.date_value, conference.end) == (
        "occurred",
        "2012-08-04",
        date(2012, 8, 6),
    )
    exercises = [m for m in mentions if m.event_type == "JOINT_EXERCISE"]
    assert exercises and all(m.status == "planned" for m in exercises)


def test_a_ship_arriving_in_port_for_a_celebration_visits_and_a_possessive_is_no_perfect() -> None:
    text = (
        "The command ship USS Blue Ridge arrived in Vladivostok, Russia, July 24 to participate in Navy Day "
        "celebrations.\n\n"
        "Blue Ridge's visit marks the first time a U.S. Navy ship has taken part in the celebrations since "
        "2003. The visit follows a port call by the Russian destroyer Admiral Tributs to Guam in May."
    )
    mentions = _mentions(text, date(2009, 7, 25))
    arrival = _dated(mentions, "arrived")
    assert (arrival.event_type, arrival.date_value) == ("VISIT", "2009-07-24")
    assert all(m.date_value != "2003" for m in mentions)  # the last time before, not this visit
    port_call = _dated(mentions, "port call")
    assert (port_call.event_type, port_call.date_value) == ("VISIT", "2009-05")


def test_a_readout_call_told_with_the_day_and_a_deployment_announced_last_week() -> None:
    text = (
        "Secretary of Defense Karen Holt spoke today with Latvian Minister of Defense Artis Ozols about "
        "security in the region.\n\n"
        "The Secretary noted the deployment of additional U.S. forces to Estonia announced last week. "
        "Russia moved troops to its border, officials said today."
    )
    mentions = _mentions(text, date(2022, 2, 11))
    call = _dated(mentions, "spoke")
    assert (call.event_type, call.date_value) == ("PHONE_CALL", "2022-02-11")
    assert _dated(mentions, "deployment").date_value == "2022-W05"
    assert _dated(mentions, "moved troops").date_value != "2022-02-11"  # the day of the saying, not the move


def test_postponed_and_would_have_plans_are_cancelled_and_troops_entering_are_force() -> None:
    text = (
        "The annual exercise, Baltic Trident, was to have involved about 400 sailors from the two navies.\n\n"
        "A planned visit by the Russian navy commander to Norfolk, Va., in October has also been postponed "
        "indefinitely. Russian troops entered Georgia on Aug. 8."
    )
    mentions = _mentions(text, date(2008, 8, 19))
    assert _dated(mentions, "exercise").status == "cancelled"
    visit = _dated(mentions, "visit")
    assert (visit.status, visit.date_value) == ("cancelled", "2008-10")
    entered = _dated(mentions, "entered")
    assert (entered.event_type, entered.date_value) == ("MILITARY_FORCE", "2008-08-08")


def test_an_annual_exercise_opened_today_that_runs_for_days_is_running() -> None:
    text = (
        "About 1,200 troops from 23 nations opened the annual Steppe Guard peacekeeping exercise "
        "here today.\n\n"
        "The exercise, co-sponsored by U.S. Pacific Command and the Mongolian Armed Forces, runs "
        "through July 1."
    )
    mentions = _mentions(text, date(2015, 6, 20))
    opened = _dated(mentions, "opened")
    assert (opened.status, opened.date_value) == ("ongoing", "2015-06-20")
    assert all(m.date_value != "2015-07-01" for m in mentions)  # the end, not the date


def test_the_next_in_next_fall_plans_nothing_and_a_season_plan_lies_ahead() -> None:
    text = (
        "Defense Secretary Paul Ward and Polish Defense Minister Jan Nowak agreed Monday to hold a joint "
        "exercise in Kansas next fall, a follow-up to the Dragon exercise in Poland last September.\n\n"
        "Ward said he accepted Nowak's invitation to visit Warsaw in the spring."
    )
    mentions = _mentions(text, date(1994, 10, 5))
    exercises = sorted((m.date_value, m.status) for m in mentions if m.event_type == "JOINT_EXERCISE")
    assert ("1994-09", "occurred") in exercises and ("1995-FA", "planned") in exercises
    visit = _dated(mentions, "visit")
    assert (visit.status, visit.date_value) == ("planned", "1995-SP")


def test_without_a_date_an_annual_exercise_begun_today_is_one_edition() -> None:
    text = "MANILA - About 5,000 troops began the annual Shoulder Guard exercise today at Camp Aguinaldo."
    exercise = _dated(_mentions(text, None), "began")
    assert (exercise.status, exercise.date_value) == ("occurred", "XXXX-XX-XX")


def test_the_subject_of_hoping_is_no_participant_of_todays_visit() -> None:
    text = "Holt hopes today's visit will establish a rhythm of consultations, the official said."
    visit = _dated(_mentions(text, date(2010, 9, 15)), "visit")
    assert _actor_names(visit) == []


def test_cooperation_and_exchange_wordings_beyond_visits_and_meetings() -> None:
    text = (
        "Navy doctors and Ghanaian army medics treated about 900 residents of Tamale last week.\n\n"
        "Under the plan, eight Ghanaian officers will attend U.S. staff colleges this fall. A Ghanaian "
        "officer has served on the U.S. Africa Command staff since 2015. U.S. advisers have advised "
        "Ghanaian troops since 2012. The Army cut most ties with the unit in 1999 and restored limited "
        "contacts in 2010."
    )
    found = {m.trigger.text.split()[0]: m.event_type for m in _mentions(text, date(2016, 10, 3))}
    assert found.get("treated") == "COOPERATION"
    assert found.get("attend") == "PERSONNEL_EXCHANGE"
    assert found.get("served") == "PERSONNEL_EXCHANGE"
    assert found.get("advised") == "COOPERATION"
    assert found.get("cut") == "SUSPENSION"
    assert found.get("restored") == "COOPERATION"


def test_cadet_visits_calls_about_a_decision_and_holds_on_planned_activities() -> None:
    text = (
        "Among the plans is a visit by Chilean naval cadets to Annapolis in May.\n\n"
        "The two commanders discussed the decision by phone on Tuesday. On Tuesday the Pentagon also put "
        "on hold the other military-to-military activities with Chile planned for this fall."
    )
    mentions = _mentions(text, date(2008, 8, 21))
    assert _dated(mentions, "visit").event_type == "PERSONNEL_EXCHANGE"
    assert _dated(mentions, "discussed").event_type == "PHONE_CALL"
    hold = _dated(mentions, "on hold")
    assert (hold.status, hold.date_value) == ("occurred", "2008-08-19")


def test_seeing_a_person_again_is_a_meeting_and_units_that_deploy_are_force() -> None:
    text = (
        "Hale arrived Sunday and will see Abenov again Thursday.\n\n"
        "A Kazakh engineer company is expected to deploy to Iraq later this summer. The hospital ship "
        "USNS Mercy anchored off Cam Ranh this morning."
    )
    mentions = _mentions(text, date(2015, 6, 2))
    assert (_dated(mentions, "again").event_type, _dated(mentions, "again").date_value) == (
        "MEETING",
        "2015-06-04",
    )
    assert _dated(mentions, "deploy").event_type == "MILITARY_FORCE"
    assert _dated(mentions, "anchored").event_type == "VISIT"


def test_a_counterfactual_visit_is_no_event() -> None:
    text = '"Five years ago, a visit like this one would not have been possible," the general said.'
    assert not [m for m in _mentions(text, date(2015, 2, 24)) if m.event_type == "VISIT"]


def test_the_agent_after_by_is_the_visitor_of_a_visit_noun() -> None:
    text = (
        "Defense Secretary Hall met Russian Defense Minister Orlov here today, the first visit to Russia "
        "by a U.S. defense secretary since 2010."
    )
    visit = _dated(_mentions(text, date(2013, 10, 15)), "visit")
    assert _actor_names(visit) == ["United States"]
