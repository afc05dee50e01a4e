"""A whole short report, as news tells it: a signing and the agreement's content, a visit under way and its
program, a fronted date over coordinated verbs, a weekday plan written on that weekday, and the same report
without its publication date."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of

REPORT = (
    "Defense Secretary Paul Harlan and Ukrainian Defense Minister Taras Bondar signed a memorandum of "
    "understanding on defense cooperation here Sept. 8.\n\n"
    "The agreement calls for expanded military contacts, including joint peacekeeping training, exchanges of "
    "officers and regular meetings of the two defense ministers.\n\n"
    "Bondar arrived in Washington Sept. 7 for a four-day visit. On Friday, he is scheduled to tour the "
    "Norfolk Naval Base.\n\n"
    "Last year, Harlan visited Kyiv and toured the Yavoriv training area."
)


def test_the_agreement_a_signing_just_told_is_that_signing() -> None:
    agreement = first_with(mentions_of(REPORT, date(1995, 9, 8)), "agreement")
    assert (agreement.event_type, agreement.date_value) == ("AGREEMENT_SIGNED", "1995-09-08")


def test_what_an_agreement_calls_for_is_planned() -> None:
    mentions = mentions_of(REPORT, date(1995, 9, 8))
    assert first_with(mentions, "exchanges").status == "planned"
    assert first_with(mentions, "meetings").status == "planned"


def test_a_weekday_plan_written_on_that_weekday_is_next_weeks() -> None:
    tour = first_with(mentions_of(REPORT, date(1995, 9, 8)), "tour")  # a Friday
    assert (tour.status, tour.date_value) == ("planned", "1995-09-15")


def test_a_fronted_date_dates_every_predicate_of_its_sentence() -> None:
    toured = first_with(mentions_of(REPORT, date(1995, 9, 8)), "toured")
    assert toured.date_value == "1994"


def test_without_a_publication_date_the_day_of_the_news_is_the_passages_reference() -> None:
    mentions = mentions_of(REPORT.replace("Last year, ", "In 1994, "), None)
    signing = first_with(mentions, "signed")
    assert signing.date_value == "XXXX-09-08"
    assert first_with(mentions, "toured").date_value == "1994"


READOUT = (
    "Secretary Hall spoke by phone today with Turkish Defense Minister Kaya. The secretary thanked the "
    "minister and discussed the upcoming NATO summit in Warsaw next month.\n\n"
    "The two leaders agreed to meet on the sidelines of the summit."
)


def test_a_future_date_in_the_object_of_a_past_verb_is_not_the_verbs() -> None:
    discussed = first_with(mentions_of(READOUT, date(2016, 6, 9)), "discussed")
    assert discussed.date_value == "2016-06-09"


def test_a_definite_noun_names_only_an_event_told_with_a_general_noun_or_its_own_word() -> None:
    summit = first_with(mentions_of(READOUT, date(2016, 6, 9)), "summit")
    assert summit.status != "occurred"


FIELD_STORY = (
    "VAZIANI, Georgia -- About 300 U.S. Marines and 600 Georgian soldiers completed two weeks of training "
    "here Friday, capping the fifth Agile Spirit exercise since the series began in 2011.\n\n"
    "The Marines flew in from Camp Lejeune, N.C., on July 24 and will return home next week."
)


def test_a_date_in_a_since_clause_bounds_the_series_not_this_edition() -> None:
    exercise = first_with(mentions_of(FIELD_STORY, None), "exercise")
    assert exercise.date_value == "XXXX-WXX-5"


def test_a_since_clause_sets_no_narrative_year_without_a_publication_date() -> None:
    flew = first_with(mentions_of(FIELD_STORY, None), "flew")
    assert flew.date_value == "XXXX-07-24"


def test_flying_in_from_a_home_base_is_no_visit_to_it() -> None:
    assert not [m for m in mentions_of(FIELD_STORY, None) if "Lejeune" in m.trigger.text]


def test_weeks_of_training_completed_on_a_day_cover_the_weeks_up_to_it() -> None:
    training = first_with(mentions_of(FIELD_STORY, date(2016, 8, 8)), "weeks of training")
    assert (training.event_type, training.status, training.date_value) == (
        "JOINT_EXERCISE",
        "occurred",
        "2016-07-23",
    )


BRIEFING = (
    "MR. DAVIS: The secretary returned last night from Brussels, where he attended the NATO defense "
    "ministers' meeting. While there, he met with his Russian counterpart for about an hour on Thursday.\n\n"
    "Q: What about the exercise in the Baltic?\n\n"
    "MR. DAVIS: The exercise will go ahead as planned in June. About 2,000 U.S. troops will take part."
)


def test_what_was_done_where_a_traveller_came_from_is_not_dated_by_the_return() -> None:
    attended = first_with(mentions_of(BRIEFING, date(2013, 2, 25)), "attended")
    assert attended.date_value != "2013-02-24"


def test_a_wording_that_refers_back_takes_the_date_of_the_event_it_refers_to() -> None:
    part = first_with(mentions_of(BRIEFING, date(2013, 2, 25)), "take part")
    assert (part.event_type, part.status, part.date_value) == ("JOINT_EXERCISE", "planned", "2013-06")


CTR_STORY = (
    "WASHINGTON, Nov. 20, 1997 -- A team of U.S. Defense Department engineers arrived in Severodvinsk this "
    "week to help Russian workers dismantle two more submarines.\n\n"
    "Earlier this year, U.S. and Russian officials signed an agreement extending the program through 2001."
)


def test_engineers_sent_to_a_partner_cooperate() -> None:
    arrival = first_with(mentions_of(CTR_STORY, date(1997, 11, 20)), "arrived")
    assert arrival.event_type == "COOPERATION"


def test_a_later_year_in_the_object_of_a_signing_is_not_the_signings() -> None:
    signing = first_with(mentions_of(CTR_STORY, date(1997, 11, 20)), "signed")
    assert signing.date_value == "1997"


SUSPENSION_STORY = (
    "WASHINGTON, Aug. 20, 2008 -- The Defense Department has suspended military-to-military activities with "
    "Russia following the Russian invasion of Georgia, a Pentagon spokesman said today.\n\n"
    "The United States canceled a search-and-rescue exercise with the Russian navy that was to start "
    "yesterday off Vladivostok, and a planned visit by a U.S. Navy ship to Severomorsk next month will not "
    "take place, the spokesman said."
)


def test_the_event_a_suspension_follows_is_not_suspended() -> None:
    invasion = first_with(mentions_of(SUSPENSION_STORY, date(2008, 8, 20)), "invasion")
    assert invasion.status == "occurred"


def test_a_cancelled_exercise_is_dated_by_its_own_relative_clause_past_a_short_phrase() -> None:
    exercise = first_with(mentions_of(SUSPENSION_STORY, date(2008, 8, 20)), "exercise")
    assert (exercise.status, exercise.date_value) == ("cancelled", "2008-08-19")


def test_a_plan_that_will_not_take_place_is_cancelled() -> None:
    visit = first_with(mentions_of(SUSPENSION_STORY, date(2008, 8, 20)), "visit")
    assert (visit.status, visit.date_value) == ("cancelled", "2008-09")


HISTORY = (
    "The cooperation stalled in 1999 over Kosovo but resumed the next year, when the navies signed a plan "
    "for annual staff talks. Those talks have been held every year since."
)


def test_a_signing_of_a_plan_for_annual_talks_is_one_signing_not_a_series() -> None:
    signing = first_with(mentions_of(HISTORY, date(2005, 6, 8)), "signed")
    assert (signing.status, signing.date_value) == ("occurred", "2000")


def test_a_bare_since_finds_its_date_in_the_sentence_before() -> None:
    held = first_with(mentions_of(HISTORY, date(2005, 6, 8)), "held")
    assert (held.status, held.date_value) == ("recurring", "2000")


def test_an_adjective_of_time_on_another_noun_dates_nothing_but_one_on_the_event_does() -> None:
    text = (
        "Gen. Hale met Gen. Orlov today in Helsinki. The two discussed the current state of relations. "
        "As you may remember, we have had a recent meeting in Washington."
    )
    mentions = mentions_of(text, date(2018, 5, 17))
    assert first_with(mentions, "discussed").date_value == "2018-05-17"
    assert first_with(mentions, "meeting").date_value == "PAST_REF"


def test_what_such_events_do_in_general_is_no_event() -> None:
    text = '"These exercises build trust," said Adm. Hale, who visited Vladivostok last year.'
    mentions = mentions_of(text, date(2004, 6, 24))
    assert not [m for m in mentions if m.event_type == "JOINT_EXERCISE"]
    assert first_with(mentions, "visited").date_value == "2003"


CALLS_STORY = (
    "WASHINGTON, March 14, 2014 – Defense Secretary Hall spoke by phone today with Russian Defense Minister "
    "Orlov, the second call between the two men this month.\n\n"
    "The two ministers first spoke March 6. Last week, the Pentagon put all military-to-military "
    "engagements with Russia on hold, including exercises, bilateral meetings and port visits."
)


def test_an_earlier_call_told_by_a_bare_spoke() -> None:
    spoke = [m for m in mentions_of(CALLS_STORY, date(2014, 3, 14)) if m.trigger.text == "spoke"]
    assert spoke and (spoke[0].event_type, spoke[0].date_value) == ("PHONE_CALL", "2014-03-06")


def test_what_a_suspension_includes_is_called_off_not_held() -> None:
    mentions = mentions_of(CALLS_STORY, date(2014, 3, 14))
    assert first_with(mentions, "on hold").event_type == "SUSPENSION"
    assert first_with(mentions, "exercises").status == "cancelled"
    assert first_with(mentions, "port visits").status == "cancelled"


def test_a_fronted_date_dates_the_plan_its_sentence_holds() -> None:
    text = 'Tomorrow, they will hold "two-plus-two" talks with the Russian defense and foreign ministers.'
    talks = first_with(mentions_of(text, date(2007, 10, 22)), "talks")
    assert (talks.status, talks.date_value) == ("planned", "2007-10-23")


def test_a_chain_of_definite_nouns_reaches_the_dated_plan() -> None:
    text = (
        "Gen. Casey will travel to Russia next month, Army officials said yesterday. Casey said the visit "
        "would focus on peacekeeping. He said he hoped to sign an agreement on a new exchange program during "
        "the trip."
    )
    trip = first_with(mentions_of(text, date(2011, 1, 10)), "trip")
    assert (trip.status, trip.date_value) == ("planned", "2011-02")


OBSERVERS = (
    "FORT POLK, La. -- Four Russian army officers watched U.S. soldiers train here this week, the first such "
    "visit in five years.\n\n"
    "The officers arrived Sunday and will leave Friday. On Tuesday they toured a mock village.\n\n"
    "The visit was arranged under the 2011 work plan, signed in Moscow in December 2010."
)


def test_an_arrival_with_its_departure_still_to_come_is_ongoing() -> None:
    arrival = first_with(mentions_of(OBSERVERS, date(2011, 4, 14)), "arrived")
    assert (arrival.status, arrival.date_value) == ("ongoing", "2011-04-10")


def test_a_definite_noun_names_the_event_told_with_its_word_before_a_later_one() -> None:
    visits = [m for m in mentions_of(OBSERVERS, date(2011, 4, 14)) if m.trigger.text == "visit"]
    assert [m.date_value for m in visits] == ["2011-W15", "2011-W15"]


def test_a_year_modifying_another_events_noun_dates_neither_this_event_nor_beats_its_adjunct() -> None:
    text = "The visit was arranged under the 2011 work plan, signed in Moscow in December 2010."
    mentions = mentions_of(text, date(2011, 4, 14))
    assert first_with(mentions, "signed").date_value == "2010-12"
    assert first_with(mentions, "visit").date_value != "2011"


def test_a_state_since_another_events_year_starts_then() -> None:
    text = "Russia had boycotted the meetings since NATO launched its 1999 air war against Yugoslavia."
    boycott = first_with(mentions_of(text, date(2002, 5, 28)), "boycotted")
    assert boycott.date_value == "1999"


def test_the_items_of_a_readouts_list_are_events_not_headlines() -> None:
    text = (
        "Deputy Secretary Hall met today with Norwegian State Secretary Berg at the Pentagon.\n\n"
        "During the meeting, the two leaders:\n"
        "- discussed Russia's activity in the High North;\n"
        "- agreed to expand prepositioning in Norway's Trondheim caves;\n"
    )
    mentions = mentions_of(text, date(2015, 9, 10))
    assert first_with(mentions, "discussed").date_value == "2015-09-10"
    assert first_with(mentions, "agreed").event_type == "AGREEMENT"


def test_an_event_told_as_an_amount_before_a_date_takes_that_date_moved() -> None:
    text = "The council last met in June 2014, three months after Russia annexed Crimea."
    annexed = first_with(mentions_of(text, date(2016, 4, 20)), "annexed")
    assert annexed.date_value == "2014-03"


def test_a_trigger_never_reads_across_a_sentence_end_after_a_short_word() -> None:
    text = "Another meeting will be held later this year. The exercise was held in May."
    triggers = [m.trigger.text for m in mentions_of(text, date(2016, 4, 20))]
    assert not [t for t in triggers if "." in t], triggers


def test_later_this_year_lies_ahead_though_the_year_holds_the_publication_date() -> None:
    meeting = first_with(
        mentions_of("Another meeting will be held later this year.", date(2016, 4, 20)), "meeting"
    )
    assert meeting.status == "planned"


def test_what_officers_met_to_plan_with_a_date_of_its_own_is_a_plan() -> None:
    text = (
        "Officers from both commands met here Tuesday and Wednesday to plan a search-and-rescue exercise in "
        "the Bering Strait next summer."
    )
    exercise = first_with(mentions_of(text, date(2015, 11, 6)), "exercise")
    assert (exercise.status, exercise.date_value) == ("planned", "2016-SU")


KFOR = (
    "CAMP BONDSTEEL, Kosovo, July 12, 1999 -- A Russian airborne battalion joined the U.S. sector of the "
    "NATO-led Kosovo Force this week under an agreement reached in Helsinki June 18 by Secretary Cohen and "
    "Minister Sergeyev.\n\n"
    "Maj. Gen. John Craddock welcomed the Russians at a ceremony Monday."
)


def test_a_force_joined_past_a_long_name_and_an_agreement_dated_after_its_participle() -> None:
    mentions = mentions_of(KFOR, date(1999, 7, 12))
    joined = first_with(mentions, "joined")
    reached = first_with(mentions, "agreement reached")
    assert (joined.event_type, joined.date_value) == ("COOPERATION", "1999-W28")
    assert (reached.event_type, reached.date_value) == ("AGREEMENT", "1999-06-18")
    assert first_with(mentions, "welcomed").event_type == "VISIT"


def test_a_question_about_how_something_went_reports_it_and_dates_the_answer() -> None:
    text = (
        "Q: Mr. Secretary, how did your meeting with General Wei go this morning?\n\n"
        "SEC. HALE: It was a candid conversation. We agreed to keep the channels open."
    )
    mentions = mentions_of(text, date(2019, 11, 18))
    assert first_with(mentions, "meeting").date_value == "2019-11-18"
    assert first_with(mentions, "agreed").date_value == "2019-11-18"


def test_a_yes_no_question_reports_nothing() -> None:
    text = "Q: Will you meet the minister next week? Can you tell us about the exercise?"
    assert mentions_of(text, date(2019, 11, 18)) == []


def test_a_plan_told_right_after_a_dated_plan_is_part_of_it_unless_told_as_another() -> None:
    text = (
        "Tomorrow the secretary hosts the commander of the Brazilian Navy at the Pentagon. The admiral and "
        "the secretary are expected to discuss maritime security.\n\n"
        "The admiral will tour Norfolk Naval Station on Friday. He also will visit the Naval Academy."
    )
    mentions = mentions_of(text, date(2017, 3, 8))
    assert first_with(mentions, "discuss").date_value == "2017-03-09"
    assert first_with(mentions, "visit").date_value is None  # ("He also will visit the Naval Academy")


def test_an_answer_s_plan_takes_the_day_its_question_asks_about() -> None:
    text = (
        "Q: On Brazil, will the talks tomorrow cover the submarine program?\n\n"
        "CAPT. HARROWER: The admiral and the secretary are expected to discuss maritime security."
    )
    assert first_with(mentions_of(text, date(2017, 3, 8)), "discuss").date_value == "2017-03-09"
