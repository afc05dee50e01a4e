"""Dates and statuses that depend on how clauses and sentences hang together: what an event grew out of, a
noun's own relative clause past a place or an apposition, what happens on arrival or during a trip, a fronted
date, a coordinated object or predicate, an attribution's speaker, items listed after a cancelling verb, a
perfect with "since", a past plan's month. Each text written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_what_an_event_grew_out_of_keeps_its_own_date() -> None:
    text = (
        "Polish and U.S. medics trained together near Gdansk last week. The drill grew out of a video "
        "teleconference between the two commands in February."
    )
    mentions = mentions_of(text, date(2013, 6, 12))
    assert first_with(mentions, "drill").date_value != "2013-02"
    assert first_with(mentions, "teleconference").date_value == "2013-02"


def test_a_signing_that_capped_days_of_talks_is_over_and_so_are_the_talks() -> None:
    text = (
        "WASHINGTON, May 22, 1996 -- U.S. and Russian officials signed an agreement here today.\n\n"
        "The signing capped three days of talks between the two delegations."
    )
    mentions = mentions_of(text, date(1996, 5, 22))
    signing, talks = first_with(mentions, "signing"), first_with(mentions, "talks")
    assert signing.status == "occurred" and signing.date_value == "1996-05-22"
    assert (talks.status, talks.date_value) == ("occurred", "1996-05-20")


def test_cancelled_plans_take_the_dates_of_their_own_relative_clauses() -> None:
    text = (
        "A Russian destroyer's call at Norfolk, Va., that had been scheduled for October has been called "
        "off, as has a search-and-rescue drill with the Pacific Fleet that was to take place off Alaska "
        "later this month. The frigate's visit to Mayport, which had been set for November, was scrapped."
    )
    mentions = mentions_of(text, date(2008, 9, 4))
    call, drill = first_with(mentions, "call at"), first_with(mentions, "drill")
    assert (call.status, call.date_value) == ("cancelled", "2008-10")
    assert (drill.status, drill.date_value) == ("cancelled", "2008-09")
    visit = first_with(mentions, "visit")
    assert (visit.status, visit.date_value) == ("cancelled", "2008-11")


def test_a_date_of_the_signing_itself_comes_before_one_in_the_plans_relative_clause() -> None:
    text = "The two militaries signed a work plan in Moscow in January that listed 50 events for this year."
    assert first_with(mentions_of(text, date(2008, 9, 4)), "signed").date_value == "2008-01"


def test_a_speaker_named_in_an_attribution_spoke_when_the_article_says_its_sources_spoke() -> None:
    text = (
        "WASHINGTON, Sept. 4, 2008 -- Exchanges with Russia will stay frozen, a spokesman said today.\n\n"
        "A U.S. team carried out an inspection at a Russian missile base last week.\n\n"
        '"This is not business as usual," said Cmdr. Ellis Ward, who criticized the response. '
        "He urged Moscow to pull back its troops, the official said."
    )
    mentions = mentions_of(text, date(2008, 9, 4))
    assert first_with(mentions, "criticized").date_value == "2008-09-04"


def test_a_session_that_followed_days_later_a_line_to_set_up_and_a_campaign_under_way_since() -> None:
    text = (
        "The talks began on Oct. 1, and a second session followed nine days later. Aircrews will rely on a "
        "communication line that the two militaries will set up, and both sides will hold video conferences "
        "as needed. The air campaign, under way since August 2014, will continue."
    )
    mentions = mentions_of(text, date(2015, 10, 20))
    assert first_with(mentions, "session").date_value == "2015-10-10"
    assert first_with(mentions, "communication line").status == "planned"
    assert first_with(mentions, "video conferences").status == "planned"
    campaign = first_with(mentions, "air campaign")
    assert (campaign.status, campaign.date_value) == ("ongoing", "2014-08")


def test_a_relative_clause_verb_keeps_its_date_but_gives_none_to_its_passage() -> None:
    text = (
        "Officials signed the agreement that created the center in September.\n"
        "The minister met the general on Wednesday. He thanked the contingents that served in Iraq from 2003 "
        "to 2008.\nThe general asked for help."
    )
    mentions = mentions_of(text, date(1999, 12, 30))
    assert first_with(mentions, "created").date_value == "1999-09"
    assert first_with(mentions, "asked for").date_value == "1999-12-29"


def test_a_flashback_to_a_last_visit_gives_no_date_to_its_passage() -> None:
    text = (
        "WASHINGTON, March 22, 2011 - Gates met with President Medvedev in the Kremlin today. During his "
        "last visit in 2008, Gates signed a framework agreement. Officials said the two leaders also "
        "discussed missile defense. Gates arrived yesterday from St. Petersburg, where he toured a school."
    )
    mentions = mentions_of(text, date(2011, 3, 22))
    assert first_with(mentions, "discussed").date_value == "2011-03-22"
    assert "from St" not in {m.trigger.text for m in mentions}  # the name is whole: "St. Petersburg"


def test_contacts_suspended_after_a_war_are_a_past_suspension_and_troops_visited_are_no_deployment() -> None:
    text = (
        "The presidents agreed yesterday to resume military contacts suspended after last August's war. "
        "Gates will visit troops deployed in Poland next week."
    )
    mentions = mentions_of(text, date(2009, 7, 7))
    suspended = first_with(mentions, "suspended")
    assert (suspended.status, suspended.date_value) == ("occurred", "2008-08")
    assert [(m.event_type, m.date_value) for m in mentions if "Poland" in m.sentence.text] == [
        ("VISIT", "2009-W29")
    ]


def test_a_stop_wrapped_up_is_over_and_a_past_visit_is_no_plan_of_the_next_verb() -> None:
    text = (
        "He wrapped up a three-day visit to the Philippines on Friday. Carter began a week-long trip to "
        "Asia on Sunday. The Indian defense minister visited Washington in December and is expected to "
        "return in the fall."
    )
    mentions = mentions_of(text, date(2016, 4, 14))
    stop = first_with(mentions, "three-day visit")
    assert (stop.status, stop.date_value) == ("occurred", "2016-04-06")
    assert first_with(mentions, "week-long trip").status == "ongoing"
    visited = first_with(mentions, "visited")
    assert (visited.status, visited.date_value) == ("occurred", "2015-12")


def test_an_annual_exercise_that_was_to_be_held_in_august_and_a_last_time_that_frames_nothing() -> None:
    text = (
        "The annual Arctic search-and-rescue exercise, which was to be held in Alaska in August, has been "
        "canceled. The exercise was last held in 2016. Crews instead conducted a communications drill by "
        "radio on Sept. 20. The commandant met his Russian counterpart in Washington in May."
    )
    mentions = mentions_of(text, date(2018, 10, 2))
    exercise = first_with(mentions, "exercise")
    assert (exercise.status, exercise.date_value) == ("cancelled", "2018-08")
    assert first_with(mentions, "communications drill").date_value == "2018-09-20"
    assert first_with(mentions, "met").date_value == "2018-05"


def test_a_desire_to_meet_soon_told_in_a_call_readout_is_a_plan() -> None:
    text = (
        "Secretary Austin spoke by phone today with Minister Kishi. Austin expressed his desire to meet in "
        "person soon."
    )
    meeting = first_with(mentions_of(text, date(2021, 2, 5)), "to meet")
    assert (meeting.status, meeting.date_value) == ("planned", "FUTURE_REF")


def test_the_visit_named_paragraphs_later_is_the_storys_first_visit_not_a_nearer_tour() -> None:
    text = (
        "NORFOLK, Va., Nov. 3, 2005 - Two Russian warships arrived here today for a five-day port visit, the "
        "first by the Russian navy to Norfolk since 1999.\n\nThe destroyer Admiral Levchenko and the tanker "
        "Sergei Osipov will take part in a search-and-rescue drill with U.S. Navy ships off the Virginia "
        "coast before departing Tuesday.\n\nRussian sailors will tour the aircraft carrier USS Theodore "
        "Roosevelt on Saturday and play a soccer game against U.S. sailors.\n\nThe visit follows a U.S. ship "
        "visit to Severomorsk in July."
    )
    mentions = [m for m in mentions_of(text, date(2005, 11, 3)) if m.trigger.text == "visit"]
    assert [m.date_value for m in mentions] == ["2005-11-03", "2005-07"]


def test_a_date_of_another_event_in_an_after_clause_does_not_date_the_main_one() -> None:
    text = (
        "WASHINGTON, Aug. 9, 2013 - Hagel and Kerry met with their Russian counterparts here today. The "
        "meeting had been in doubt after President Obama canceled a planned summit in Moscow next month."
    )
    mentions = mentions_of(text, date(2013, 8, 9))
    meeting, summit = first_with(mentions, "meeting"), first_with(mentions, "summit")
    assert (meeting.status, meeting.date_value) == ("occurred", "2013-08-09")
    assert (summit.status, summit.date_value) == ("cancelled", "2013-09")


def test_a_ratification_still_required_is_no_ratification() -> None:
    text = "Obama and Medvedev signed the treaty today. The treaty must be ratified by the U.S. Senate."
    triggers = [m.trigger.text for m in mentions_of(text, date(2010, 4, 8))]
    assert not [t for t in triggers if "ratified" in t], triggers


def test_a_meeting_held_at_an_occasion_takes_the_occasions_date() -> None:
    text = "The Lithuanian minister is to meet Gates at a NATO meeting in Brussels next month."
    found = {m.trigger.text: m.date_value for m in mentions_of(text, date(2007, 5, 16))}
    assert found == {"to meet": "2007-06", "meeting": "2007-06"}


def test_days_of_talks_that_ended_past_a_long_name_are_over_and_began_days_before() -> None:
    text = (
        "Two days of staff talks between U.S. Pacific Command and the Chinese People's Liberation Army "
        "ended Wednesday in Hawaii."
    )
    talks = first_with(mentions_of(text, date(2012, 10, 4)), "talks")
    assert (talks.status, talks.date_value) == ("occurred", "2012-10-02")


def test_an_arrival_tonight_with_meetings_tomorrow_is_a_visit_going_on() -> None:
    text = (
        "ST. PETERSBURG, Russia, May 30, 2003 - Rumsfeld arrived here tonight for talks with Ivanov. The "
        "two ministers will meet tomorrow at the Admiralty."
    )
    arrival = first_with(mentions_of(text, date(2003, 5, 30)), "arrived")
    assert (arrival.status, arrival.date_value) == ("ongoing", "2003-05-30")


def test_an_exercise_that_ends_next_week_runs_now_and_missiles_fired_at_drones_are_the_drills() -> None:
    text = (
        "German soldiers fired Patriot missiles at drone targets Thursday during Roving Sands, a joint air "
        "defense exercise that ends next week. North Korea fired two ballistic missiles into the sea Sunday."
    )
    mentions = mentions_of(text, date(2004, 5, 14))
    exercise = first_with(mentions, "exercise")
    assert (exercise.status, exercise.date_value) == ("ongoing", "2004-05-13")
    assert [m.trigger.text for m in mentions if m.event_type == "MILITARY_FORCE"] == [
        "fired two ballistic missiles"
    ]


def test_what_happens_during_a_trip_told_before_takes_the_trips_date() -> None:
    text = (
        "Carter, who visited Hanoi last month, signed a joint vision statement with his counterpart during "
        "the trip. The two sides agreed in 2011 to expand cooperation. During the visit, Carter toured a "
        "coast guard ship."
    )
    mentions = mentions_of(text, date(2015, 7, 2))
    for trigger in ("signed a joint vision statement", "trip", "toured"):
        assert first_with(mentions, trigger).date_value == "2015-06", trigger


def test_what_officials_hope_to_do_is_a_plan() -> None:
    text = "Dorsey said he hopes to host Lacerda at Mayport next year. Officials also hope to restart talks."
    mentions = mentions_of(text, date(2015, 3, 4))
    assert first_with(mentions, "host Lacerda").status == "planned"
    assert first_with(mentions, "talks").status == "planned"


def test_a_relative_clause_of_an_apposition_dates_the_noun_it_names_again() -> None:
    text = (
        "The Secretary highlighted funding for dioxin remediation at Bien Hoa Air Base, a project that "
        "began in 2019 and is expected to run through 2030."
    )
    remediation = first_with(mentions_of(text, date(2019, 11, 20)), "dioxin remediation")
    assert (remediation.status, remediation.date_value) == ("ongoing", "2019")


def test_every_item_listed_after_a_suspension_is_called_off() -> None:
    text = (
        "The Pentagon has suspended all military-to-military engagements with Russia, including exercises, "
        "bilateral meetings, port visits and planning conferences, Kirby said."
    )
    found = {m.trigger.text: m.status for m in mentions_of(text, date(2014, 3, 4))}
    assert [found[t] for t in ("exercises", "meetings", "port visits", "conferences")] == ["cancelled"] * 4
    text = "The agreement calls for expanded contacts, including exercises and meetings."
    assert {m.status for m in mentions_of(text, date(2014, 3, 4)) if m.trigger.text != "agreement"} == {
        "planned"
    }


def test_a_perfect_with_since_past_its_object_goes_on_and_a_ship_carrying_relief_brings_aid() -> None:
    text = (
        "Air Force C-17s have flown 62 relief missions to Tbilisi since Aug. 13. The USS McFaul arrived in "
        "Batumi on Sunday carrying blankets, hygiene kits and baby food."
    )
    mentions = mentions_of(text, date(2008, 8, 27))
    flights = first_with(mentions, "relief missions")
    assert (flights.status, flights.date_value) == ("ongoing", "2008-08-13")
    assert first_with(mentions, "arrived").event_type == "COOPERATION"


def test_a_visit_scrubbed_is_cancelled() -> None:
    text = "A port visit to Vladivostok was scrubbed after the incident."
    assert {m.status for m in mentions_of(text, date(2019, 3, 12))} == {"cancelled"}


def test_a_fronted_date_after_a_preposition_dates_every_past_predicate_of_its_sentence() -> None:
    text = (
        "In August, Russian forces pushed into Georgia, and NATO froze its contacts with Moscow. On Monday, "
        "the ministers met in Brussels and agreed to resume talks."
    )
    mentions = mentions_of(text, date(2009, 2, 10))
    assert first_with(mentions, "froze").date_value == "2008-08"
    talks = first_with(mentions, "talks")
    assert (talks.status, talks.date_value) == ("planned", None)


def test_a_date_after_a_coordinated_object_is_the_verbs_but_not_one_after_a_coordinated_predicate() -> None:
    text = (
        "Chen toured Fort Bliss, Texas, and the National Training Center on Monday and Tuesday. The Army has "
        "ordered four helicopters, and delivery is expected in 2017."
    )
    mentions = mentions_of(text, date(2012, 4, 25))
    assert first_with(mentions, "toured").date_value == "2012-04-23"
    assert first_with(mentions, "ordered").date_value is None


def test_what_the_navy_plans_more_of_is_planned() -> None:
    text = "The Navy plans more freedom of navigation operations."
    assert [m.status for m in mentions_of(text, date(2015, 11, 4))] == ["planned"]


def test_what_a_traveller_did_where_he_came_from_takes_no_date_of_the_arrival() -> None:
    text = (
        "Cohen met Sergeyev here today. Cohen arrived Tuesday from Ukraine, where he visited a shipyard and "
        "met with President Leonid Kuchma."
    )
    mentions = [m for m in mentions_of(text, date(2000, 6, 15)) if "Ukraine" in m.sentence.text]
    assert {m.trigger.text: m.date_value for m in mentions if m.trigger.text in ("visited", "met")} == {
        "visited": None,
        "met": None,
    }


def test_what_happens_during_his_visit_takes_the_date_of_the_visit_planned_before() -> None:
    text = (
        "Gen. Halvorsen is scheduled to visit Poland this autumn, a spokesman said. During his visit, he "
        "is expected to tour the training area at Drawsko Pomorskie."
    )
    mentions = mentions_of(text, date(2015, 6, 3))
    assert first_with(mentions, "tour").date_value == "2015-FA"


def test_a_relative_clause_past_a_phrase_against_a_target_dates_the_strikes() -> None:
    text = (
        "Belgrade cut its ties to protest the alliance's air strikes against Serb positions, which began "
        "Sunday."
    )
    assert first_with(mentions_of(text, date(1995, 9, 1)), "strikes").date_value == "1995-08-27"


def test_a_fronted_place_after_an_occasion_leaves_the_invitation_in_its_passage() -> None:
    text = (
        "The two choirs sang together in the cathedral on Sunday. At a reception after the concert, the "
        "Polish conductor invited the Americans to a festival in Krakow in September."
    )
    assert first_with(mentions_of(text, date(2011, 5, 4)), "invited").date_value == "2011-05-01"


def test_the_purpose_of_a_movement_right_after_its_date_shares_it_but_not_what_was_agreed() -> None:
    text = (
        "Some 150 U.S. Army trainers will arrive in Georgia next month to train Georgian troops. Officers "
        "agreed Tuesday to hold a command post exercise next year."
    )
    mentions = mentions_of(text, date(2002, 3, 20))
    assert first_with(mentions, "train Georgian").date_value == "2002-04"
    assert first_with(mentions, "hold").date_value == "2003"


def test_a_participle_aside_keeps_its_own_date_and_status_and_the_noun_takes_its_predicates() -> None:
    text = (
        "The deployment of 1,000 U.S. troops to Lithuania, agreed by the two presidents in June, will begin "
        "next year."
    )
    mentions = mentions_of(text, date(2019, 10, 15))
    deployment, agreed = first_with(mentions, "deployment"), first_with(mentions, "agreed")
    assert (deployment.status, deployment.date_value) == ("planned", "2020")
    assert (agreed.status, agreed.date_value) == ("occurred", "2019-06")


def test_a_document_initialed_in_an_aside_and_to_be_signed_later_is_two_signings() -> None:
    text = (
        "The agreement, initialed in Kyiv in July, is expected to be signed by the two ministers in December."
    )
    signings = sorted(
        (m.status, m.date_value)
        for m in mentions_of(text, date(2006, 9, 29))
        if m.event_type == "AGREEMENT_SIGNED"
    )
    assert signings == [("occurred", "2006-07"), ("planned", "2006-12")]


def test_a_gloss_after_or_is_no_new_clause_and_the_plan_keeps_its_date() -> None:
    text = "Army medics will hold a medical readiness training exercise, or MEDRETE, in Accra Aug. 22-26."
    drill = first_with(mentions_of(text, date(2016, 8, 19)), "exercise")
    assert (drill.status, drill.date_value) == ("planned", "2016-08-22")


def test_a_when_clause_opening_the_sentence_dates_its_main_clause() -> None:
    text = "When the ministers last met, in Washington in December, they discussed co-producing an engine."
    discussed = first_with(mentions_of(text, date(2015, 5, 27)), "discussed")
    assert discussed.date_value == "2014-12"


def test_a_definite_noun_after_an_event_running_now_names_it() -> None:
    text = (
        "The U.S. and Sri Lankan navies are conducting their first exercise on maritime awareness this week. "
        "The exercise follows a Navy port visit to Trincomalee in March."
    )
    mentions = [m for m in mentions_of(text, date(2017, 8, 9)) if m.event_type == "JOINT_EXERCISE"]
    assert {(m.status, m.date_value) for m in mentions} == {("ongoing", "2017-W32")}


def test_an_infinitive_of_occurrence_after_a_wording_ending_on_its_event_noun_hands_it_the_date() -> None:
    text = "Russian jets will take part in Vigilant Eagle 2010, a joint exercise to be held Aug. 8-11."
    exercise = first_with(mentions_of(text, date(2010, 8, 2)), "take part")
    assert exercise.date_value == "2010-08-08"
