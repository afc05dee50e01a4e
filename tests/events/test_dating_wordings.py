"""Dates told past wordings that look like another predicate (an idiom with "to", a saying before "after"),
and contacts told in the present tense: each text written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_face_to_face_is_no_infinitive_between_a_meeting_and_its_day() -> None:
    text = "They spoke by phone in late May, and they met face to face in Helsinki on June 24."
    met = [m for m in mentions_of(text, date(2009, 7, 6)) if m.trigger.text.startswith("met")][0]
    assert met.date_value == "2009-06-24", met.explanation


def test_a_meeting_the_speaker_came_from_is_dated_by_its_own_day_not_by_what_he_announced() -> None:
    text = (
        "WASHINGTON, Nov. 23, 2004 – Mongolia will send a third contingent of about 130 troops to Iraq in "
        "January, Mongolian Defense Minister Jugder Batbayar said after meeting with the deputy secretary of "
        "defense at the Pentagon this morning."
    )
    meeting = [m for m in mentions_of(text, date(2004, 11, 23)) if m.event_type == "MEETING"][0]
    assert (meeting.status, meeting.date_value) == ("occurred", "2004-11-23"), meeting.explanation


def test_sits_down_with_in_the_present_tense_is_a_meeting_of_its_day() -> None:
    text = "This afternoon he sits down with General Baranov, the chief of the Russian General Staff."
    meetings = [m for m in mentions_of(text, date(2009, 7, 6)) if m.event_type == "MEETING"]
    assert [m.trigger.text for m in meetings] == ["sits down with"]
    assert meetings[0].date_value.startswith("2009-07-06"), meetings[0].explanation


def test_an_exercise_told_by_its_end_is_dated_by_the_day_its_sentence_says_it_began() -> None:
    text = (
        "ULAANBAATAR, Mongolia -- Khaan Quest 2006, the peacekeeping exercise co-hosted by the Mongolian "
        "Armed Forces and U.S. Pacific Command, wrapped up Saturday at the Five Hills Training Area after "
        "two weeks of field training that began Aug. 13."
    )
    named = [m for m in mentions_of(text, date(2006, 8, 28)) if m.trigger.text == "Khaan Quest 2006"][0]
    assert (named.date_value, named.end) == ("2006-08-13", date(2006, 8, 26)), named.explanation


def test_a_ship_joining_on_a_day_for_an_exercise_that_ended_later_dates_the_exercise_by_the_joining() -> None:
    text = (
        "The destroyer USS Farragut joined Russian and Norwegian warships Sept. 14 for Northern Eagle 2011, "
        "a trilateral maritime exercise off the northern coast of Norway that ended Sunday."
    )
    named = [m for m in mentions_of(text, date(2011, 9, 19)) if m.trigger.text == "Northern Eagle 2011"][0]
    assert named.date_value == "2011-09-14", named.explanation


def test_an_arrival_in_a_sentence_that_mentions_a_war_ending_is_not_told_by_its_end() -> None:
    text = (
        "The minister, who arrived in Washington Sunday for a four-day visit, is the first Vietnamese "
        "defense minister to visit the United States since the war ended in 1975."
    )
    arrival = [m for m in mentions_of(text, date(2003, 11, 10)) if m.trigger.text.startswith("arrived")][0]
    assert (arrival.status, arrival.date_value) == ("ongoing", "2003-11-09"), arrival.explanation


def test_a_series_told_by_its_first_edition_or_its_custom_recurs() -> None:
    text = "Northern Eagle was first held in 1994. The defense chiefs usually meet in Brussels."
    found = {m.trigger.text: m for m in mentions_of(text, date(2011, 9, 19))}
    first = [m for t, m in found.items() if t.startswith("Northern Eagle")][0]
    assert (first.status, first.date_value) == ("recurring", "1994"), first.explanation
    assert found["meet"].status == "recurring"


def test_a_plan_told_with_a_when_clause_takes_that_clause_s_day() -> None:
    text = (
        "Defense Secretary Harold W. Brandt will meet his Russian counterpart when defense ministers gather "
        "here next Thursday."
    )
    meet = [m for m in mentions_of(text, date(1997, 6, 5)) if m.trigger.text == "meet"][0]
    assert (meet.status, meet.date_value) == ("planned", "1997-06-12"), meet.explanation


def test_a_series_suspended_after_a_dated_happening_is_not_dated_by_its_start() -> None:
    text = "The Malabar series began in 1992 and was suspended after India's nuclear tests in 1998."
    suspension = [m for m in mentions_of(text, date(2007, 9, 10)) if m.event_type == "SUSPENSION"][0]
    assert suspension.date_value == "1998", suspension.explanation


def test_a_date_before_a_preposition_is_an_adjunct_of_the_exercise_not_a_noun_s_modifier() -> None:
    text = (
        "Russian sailors are training with the U.S. Navy in Bold Monarch 2011, the NATO submarine rescue "
        "exercise that began May 30 off the Spanish coast and ends Thursday."
    )
    exercise = [m for m in mentions_of(text, date(2011, 6, 7)) if m.trigger.text.startswith("exercise")][0]
    assert (exercise.status, exercise.date_value) == ("ongoing", "2011-05-30"), exercise.explanation


def test_a_when_clause_dates_the_predicate_it_hangs_on_not_the_trip_that_predicate_arranged() -> None:
    text = "The trip was arranged when the two ministers spoke by phone last month."
    trip = [m for m in mentions_of(text, date(1996, 10, 16)) if m.trigger.text == "trip"][0]
    assert "(same clause)" not in trip.explanation, trip.explanation


def test_a_relative_clause_after_a_treaty_dates_the_treaty_not_the_inspection_told_before_it() -> None:
    text = (
        "A Russian team arrived at Warren Air Force Base on Tuesday to carry out an inspection of the "
        "missile field under the arms control accord, which took effect March 1."
    )
    inspection = [m for m in mentions_of(text, date(2012, 5, 10)) if m.trigger.text == "inspection"][0]
    assert inspection.date_value == "2012-05-08", inspection.explanation


def test_a_relative_clause_after_a_place_still_dates_the_meeting_it_follows() -> None:
    text = "He held a meeting with Russian officers at the Pentagon, which ended Tuesday with a statement."
    meeting = [m for m in mentions_of(text, date(2012, 5, 10)) if m.trigger.text.startswith("meeting")][0]
    assert meeting.date_value == "2012-05-08", meeting.explanation


def test_a_participle_describing_the_object_leaves_the_date_to_the_main_verb() -> None:
    text = (
        "Two Canadian CF-18s intercepted a pair of Russian bombers flying about 80 miles off Labrador on "
        "Tuesday night, the command said."
    )
    intercept = [m for m in mentions_of(text, date(2016, 3, 3)) if m.trigger.text == "intercepted"][0]
    assert intercept.date_value.startswith("2016-03-01"), intercept.explanation


def test_a_participle_after_a_conjunction_is_a_predicate_of_its_own() -> None:
    text = "The battalion reached Latvia last month and began training alongside Latvian troops on Monday."
    reached = [m for m in mentions_of(text, date(2016, 3, 3)) if m.trigger.text.startswith("reached")]
    assert all(not (m.date_value or "").startswith("2016-02-29") for m in reached), reached


def test_a_hyphenated_word_after_to_is_no_infinitive_between_an_event_and_its_day() -> None:
    text = "Army helicopters began ferrying food and water to flood-stricken villages in Sindh yesterday."
    flights = [m for m in mentions_of(text, date(2010, 8, 12)) if m.event_type == "COOPERATION"]
    assert flights and flights[0].date_value == "2010-08-11", [m.explanation for m in flights]


def test_a_date_inside_a_cause_after_the_event_is_the_causes() -> None:
    text = (
        "The Pentagon called off a port visit by a Fijian patrol boat in response to the army's seizure "
        "of power in Suva last Tuesday, a spokesman said."
    )
    visit = [m for m in mentions_of(text, date(2006, 12, 11)) if m.event_type == "VISIT"][0]
    assert visit.date_value != "2006-12-05", visit.explanation


def test_a_schedule_told_with_due_to_keeps_its_date() -> None:
    text = "The next round of maritime talks is due to take place in Qingdao in the fall."
    talks = [m for m in mentions_of(text, date(2020, 2, 5)) if m.event_type == "MEETING"][0]
    assert talks.date_value == "2020-FA", talks.explanation


def test_a_compound_adjective_is_no_end_of_the_activity_before_it() -> None:
    text = (
        "The chiefs, in Accra for a three-day maritime conference that opened yesterday, held a closed-door "
        "session with the admiral this morning."
    )
    conference = [m for m in mentions_of(text, date(2014, 3, 5)) if m.trigger.text == "conference"][0]
    assert conference.date_value == "2014-03-04", conference.explanation


def test_a_date_in_an_aside_on_the_subject_with_that_is_not_the_predicates() -> None:
    text = (
        "The delegates, in Hanoi for a dialogue that began on Monday, signed a search-and-rescue memorandum "
        "at the ministry."
    )
    signed = [m for m in mentions_of(text, date(2014, 3, 5)) if m.event_type == "AGREEMENT_SIGNED"][0]
    assert signed.date_value != "2014-03-03" or "passage" in signed.explanation, signed.explanation


def test_a_date_fronted_without_a_comma_sets_the_time_of_every_predicate_of_its_sentence() -> None:
    text = (
        "Tomorrow she is to fly to Accra to meet Ghana's chief of defence staff and tour the naval base at "
        "Sekondi."
    )
    found = mentions_of(text, date(2013, 5, 7))
    assert {m.trigger.text: m.date_value for m in found} == {
        "fly to": "2013-05-08",
        "to meet": "2013-05-08",
        "tour": "2013-05-08",
    }, [m.explanation for m in found]


def test_the_means_of_a_dated_act_and_its_purpose_share_its_date() -> None:
    text = (
        "French forces attacked militant camps in northern Mali on Tuesday, using Rafale jets to conduct six "
        "airstrikes near Gao."
    )
    strikes = first_with(mentions_of(text, date(2013, 1, 17)), "conduct")
    assert strikes.date_value == "2013-01-15", strikes.explanation


def test_the_occasion_a_saying_was_made_at_is_on_the_day_of_the_saying() -> None:
    text = (
        '"Our job is to make sure each side can see the other pulling back," Col. Ana Ruiz said Tuesday at a '
        "planning conference in Quito with officers from the other guarantor nations."
    )
    conference = first_with(mentions_of(text, date(1995, 3, 10)), "conference")
    assert conference.date_value == "1995-03-07", conference.explanation


def test_the_occasion_a_visitor_comes_for_shares_the_visits_date() -> None:
    text = "The French defense minister will be here tomorrow for a working lunch with Secretary Hale."
    lunch = first_with(mentions_of(text, date(1998, 2, 12)), "lunch")
    assert (lunch.status, lunch.date_value) == ("planned", "1998-02-13"), lunch.explanation


def test_what_is_agreed_to_happen_takes_no_date_of_the_agreeing_nor_makes_its_occasion_a_plan() -> None:
    text = (
        "Planners agreed at a conference in Dakar, Senegal, in March that the exercise will be held in Mali, "
        "a spokesman said."
    )
    mentions = mentions_of(text, date(2009, 7, 24))
    conference = first_with(mentions, "conference")
    assert (conference.status, conference.date_value) == ("occurred", "2009-03"), conference.explanation
    held = first_with(mentions, "exercise")
    assert held.status == "planned" and held.date_value != "2009-03", held.explanation


def test_a_relative_clause_without_a_pronoun_tells_when_the_nouns_event_came_to_be() -> None:
    text = (
        "The minister met his counterpart today. The funds come under the Andean Initiative, a $900 million "
        "aid program Congress approved in 1999."
    )
    program = first_with(mentions_of(text, date(2013, 9, 20)), "aid program")
    assert program.date_value == "1999", program.explanation


def test_talks_a_plan_was_announced_after_are_on_the_day_of_the_announcement_past_its_place() -> None:
    text = (
        'The drills were announced June 9 in Manila after the first "two-plus-two" meeting of the allies\' '
        "foreign and defense ministers."
    )
    meeting = first_with(mentions_of(text, date(2012, 6, 20)), "meeting")
    assert (meeting.date_value, meeting.date_source) == ("2012-06-09", "sentence"), meeting.explanation
