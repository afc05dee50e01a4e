"""Anchoring: which time expression dates an event mention, and what interval and explanation it gets.

Documents are written one sentence a line, with hand-made TIMEX3s (the tagger is tested elsewhere).
"""

from __future__ import annotations

from datetime import date

from pipeline.events.anchor import anchor_events
from pipeline.events.extract import extract_events
from pipeline.model import EventMention
from tests.events.helpers import doc, sentences, timex


def run(text: str, timexes: list, published: date | None = date(2010, 9, 15)) -> list[EventMention]:
    document = doc(text, published)
    sents = sentences(text)
    mentions = extract_events(document, sents, sorted(timexes, key=lambda t: t.start), [], [])
    return anchor_events(mentions, sorted(timexes, key=lambda t: t.start), sents, document)


def one(mentions: list[EventMention], trigger: str, nth: int = 0) -> EventMention:
    hits = [m for m in mentions if m.trigger.text.startswith(trigger)]
    assert len(hits) > nth, [m.trigger.text for m in mentions]
    return hits[nth]


GATES = (
    "Gates last visited Russia in March 2008, but U.S.-Russian relations cooled later that year after "
    "Russia invaded neighboring Georgia."
)


def test_clause_date_and_later_that_year() -> None:
    march = timex(GATES, "March 2008", "2008-03", tid="t1", anchor=None)
    later = timex(GATES, "later that year", "2008", tid="t2", anchor="t1")
    mentions = run(GATES, [march, later])
    visit = one(mentions, "visited")
    assert (visit.date_value, visit.start, visit.end, visit.precision) == (
        "2008-03",
        date(2008, 3, 1),
        date(2008, 3, 31),
        "month",
    )
    assert visit.date_source == "clause"
    invasion = one(mentions, "invaded")
    assert invasion.date_value == "2008"
    assert (invasion.start, invasion.end) == (date(2008, 4, 1), date(2008, 12, 31))
    assert "later" in invasion.explanation and "March 2008" in invasion.explanation


def test_a_date_across_a_verb_trigger_belongs_to_that_verb() -> None:
    text = (
        "Gates hosted five hours of meetings with Serdyukov today, followed by a private riverboat dinner "
        "marking the first time a Russian defense minister has visited the Pentagon since 2005, Morrell said."
    )
    today = timex(text, "today", "2010-09-15")
    since = timex(text, "2005", "2005", anchor=None)
    hours = timex(text, "five hours", "PT5H", type_="DURATION")
    mentions = run(text, [today, since, hours])
    assert one(mentions, "hosted").date_value == "2010-09-15"
    assert one(mentions, "dinner").date_value == "2010-09-15"
    assert one(mentions, "visited").date_value == "2005"


def test_a_plan_does_not_inherit_the_date_of_the_sentence_before() -> None:
    text = (
        "Serdyukov plans to tour Fort Belvoir, Va., tomorrow to learn more about base closures.\n"
        "Serdyukov also will tour the U.S. Naval Academy in Annapolis, Md."
    )
    tomorrow = timex(
        text, "tomorrow", "2010-09-16", explanation="tomorrow = publication date 2010-09-15 + 1 day"
    )
    belvoir, academy = one(run(text, [tomorrow]), "tour", 0), one(run(text, [tomorrow]), "tour", 1)
    assert (belvoir.status, belvoir.date_value) == ("planned", "2010-09-16")
    assert belvoir.explanation == "dated by 'tomorrow' (same clause) = publication date 2010-09-15 + 1 day"
    assert (academy.status, academy.date_value, academy.date_source) == ("planned", None, "none")


def test_occurred_events_take_the_passage_date_but_background_force_does_not() -> None:
    text = (
        "Rumsfeld met Ivanov in Moscow today.\n"
        "Both men agreed on the threat of proliferation.\n"
        "Russia invaded Chechnya."
    )
    mentions = run(text, [timex(text, "today", "2001-11-03")], published=date(2001, 11, 3))
    agreed = one(mentions, "agreed")
    assert (agreed.date_value, agreed.date_source) == ("2001-11-03", "passage")
    assert "met" in agreed.explanation
    assert one(mentions, "invaded").date_value is None


def test_never_silently_the_publication_date() -> None:
    mentions = run("The two ministers met in Helsinki.", [])
    assert (mentions[0].date_value, mentions[0].date_source) == (None, "none")
    assert mentions[0].explanation.startswith("undated")


def test_durations_and_sets_do_not_date_but_a_set_makes_it_recurring() -> None:
    text = "He met with Rodionov for close to three hours.\nThe chiefs meet every spring."
    hours = timex(text, "close to three hours", "PT3H", type_="DURATION")
    spring = timex(text, "every spring", "XXXX-SP", type_="SET")
    mentions = run(text, [hours, spring])
    assert one(mentions, "met").date_value is None
    meet = one(mentions, "meet")
    assert (meet.status, meet.date_value) == ("recurring", None)


def test_a_range_gives_the_interval_and_its_first_day() -> None:
    text = "Rumsfeld attended talks during his June 6-8 stay in Brussels."
    first = timex(text, "June 6", "2001-06-06")
    last = timex(text, "8", "2001-06-08", nth=0)
    stay = one(run(text, [first, last], published=date(2001, 6, 11)), "stay")
    assert (stay.date_value, stay.start, stay.end) == ("2001-06-06", date(2001, 6, 6), date(2001, 6, 8))


def test_present_tense_dateline_sentence_is_dated_by_its_dateline() -> None:
    text = "MOSCOW, Sept. 13, 1999 – Cohen and Russian officials are working together here on arms control."
    line = timex(text, "Sept. 13, 1999", "1999-09-13", anchor=None)
    work = run(text, [line], published=date(1999, 9, 13))[0]
    assert (work.status, work.date_value, work.date_source) == ("ongoing", "1999-09-13", "dct")


def test_a_photo_caption_in_the_present_is_dated_by_its_dateline() -> None:
    text = "SOUDA BAY, Greece (May 4, 2016) -- The guided-missile destroyer USS Ross arrives in Souda Bay."
    line = timex(text, "May 4, 2016", "2016-05-04", anchor=None)
    arrival = run(text, [line], published=date(2016, 5, 9))[0]
    assert (arrival.date_value, arrival.date_source) == ("2016-05-04", "dct")


def test_a_photo_caption_dates_its_events_by_its_date_whatever_their_words() -> None:
    text = "MOMBASA, Kenya (June 19, 2004) - A seaman paints a classroom during a community service project."
    line = timex(text, "June 19, 2004", "2004-06-19", anchor=None)
    project = one(run(text, [line], published=date(2004, 6, 21)), "community service project")
    assert project.date_value == "2004-06-19"


def test_a_ship_arriving_for_a_port_visit_is_visiting_not_goods_delivered() -> None:
    text = "The aircraft carrier USS Nimitz arrives in Busan for a scheduled port visit."
    assert one(run(text, []), "arrives").event_type == "VISIT"


def test_past_tense_dateline_sentence_is_not_dated_by_its_dateline() -> None:
    text = "MOSCOW, Sept. 13, 1999 – Cohen visited a radar station."
    line = timex(text, "Sept. 13, 1999", "1999-09-13", anchor=None)
    visit = run(text, [line], published=date(1999, 9, 13))[0]
    assert visit.date_value is None


def test_a_date_after_publication_makes_an_event_planned() -> None:
    text = "NORAD and the Russian Air Force conduct a joint exercise from Aug. 26 over the Bering Sea."
    aug = timex(text, "Aug. 26", "2013-08-26")
    exercise = run(text, [aug], published=date(2013, 8, 23))[0]
    assert (exercise.status, exercise.date_value) == ("planned", "2013-08-26")


def test_a_plan_is_not_dated_in_the_past_by_a_bare_month() -> None:
    text = "The two leaders agreed to meet in person in June."
    june = timex(text, "June", "2020-06", explanation="June = past tense: the last one = 2020-06")
    meet = one(run(text, [june], published=date(2021, 3, 4)), "to meet")
    assert (meet.status, meet.date_value) == ("planned", "2021-06")


def test_a_date_modifying_a_plain_noun_dates_nothing() -> None:
    text = "Cohen and Sergeyev discussed Year 2000 computer glitches."
    y2k = timex(text, "Year 2000", "2000", anchor=None)
    assert run(text, [y2k], published=date(1999, 9, 13))[0].date_value is None


def test_the_date_of_the_reporting_does_not_date_the_event() -> None:
    text = "Russia invaded Georgia, Pentagon officials said today."
    invasion = run(text, [timex(text, "today", "2010-09-15")])[0]
    assert invasion.date_value is None


def test_flashbacks_and_indefinite_pasts_take_no_passage_date() -> None:
    text = (
        "Gates met Serdyukov at the Pentagon today.\n"
        "Gates had invited Serdyukov to Washington.\n"
        "The two have previously visited each other's headquarters."
    )
    mentions = run(text, [timex(text, "today", "2010-09-15")])
    assert one(mentions, "met").date_value == "2010-09-15"
    assert one(mentions, "invited").date_value is None
    assert one(mentions, "visited").date_value is None


def test_a_trip_dated_only_by_its_passage_is_known_to_the_month() -> None:
    text = "Rumsfeld met Ivanov in Moscow today.\nThe secretary traveled to Russia and Ukraine."
    mentions = run(text, [timex(text, "today", "2001-11-03")], published=date(2001, 11, 3))
    trip = one(mentions, "traveled")
    assert (trip.date_value, trip.start, trip.end, trip.precision) == (
        "2001-11",
        date(2001, 11, 1),
        date(2001, 11, 30),
        "month",
    )


def test_a_demonstrative_refers_back_to_the_event_told_before() -> None:
    text = (
        "The working group met in Colorado Springs on October 12.\n"
        "Related to this meeting, a Russian delegation visited the Air Force Academy on October 15."
    )
    oct12 = timex(text, "October 12", "2012-10-12")
    oct15 = timex(text, "October 15", "2012-10-15")
    mentions = run(text, [oct12, oct15], published=date(2012, 11, 1))
    assert one(mentions, "meeting").date_value == "2012-10-12"
    assert one(mentions, "visited").date_value == "2012-10-15"


def test_the_triggers_own_auxiliary_does_not_block_a_date_before_it() -> None:
    text = "On Friday, the minister will also tour the submarine base before sailing to Busan on Sunday."
    friday = timex(text, "Friday", "2010-09-17")
    sunday = timex(text, "Sunday", "2010-09-19")
    assert one(run(text, [friday, sunday]), "tour").date_value == "2010-09-17"


def test_the_first_since_a_year_does_not_date_the_present_event() -> None:
    text = "Lopez met her Chilean counterpart in Lima, on the first trip there by a minister since 2011."
    mentions = run(text, [timex(text, "2011", "2011", anchor=None)])
    assert one(mentions, "met").date_value is None
    assert one(mentions, "trip").date_value is None


def test_a_date_on_the_object_of_a_verb_names_the_object() -> None:
    text = "Caracas has renounced a 1998 border agreement with Bogota."
    assert one(run(text, [timex(text, "1998", "1998", anchor=None)]), "renounced").date_value is None


def test_an_event_after_which_something_happened_on_a_day_is_not_that_day() -> None:
    text = "The destroyer docked in Mombasa on Thursday after a port call at Djibouti."
    mentions = run(text, [timex(text, "Thursday", "2010-09-09")])
    assert one(mentions, "docked").date_value == "2010-09-09"
    assert one(mentions, "port call").date_value is None


def test_talks_reported_right_after_they_ended_take_the_day_of_the_report() -> None:
    text = "Seoul and Canberra will hold naval drills next year, the ministers said on Monday after talks."
    mentions = run(text, [timex(text, "next year", "2011"), timex(text, "Monday", "2010-09-13")])
    assert one(mentions, "talks").date_value == "2010-09-13"
    assert one(mentions, "hold naval drills").date_value == "2011"


def test_a_noun_with_a_future_predicate_is_planned_and_dated_by_it() -> None:
    text = "The new naval hotline will be operational by June."
    hotline = one(run(text, [timex(text, "June", "2011-06")]), "hotline")
    assert (hotline.status, hotline.date_value) == ("planned", "2011-06")


def test_a_plan_in_a_coordinated_clause_takes_no_date_of_the_other_clause() -> None:
    text = "Turkey may send a frigate next year, and staff officers will meet in Ankara in the coming weeks."
    weeks = timex(text, "the coming weeks", "PXW", "DURATION")
    mentions = run(text, [timex(text, "next year", "2011"), weeks])
    meet = one(mentions, "meet")
    assert (meet.status, meet.date_value) == ("planned", None)


def test_each_item_of_a_list_of_plans_keeps_its_own_date() -> None:
    text = "The chiefs agreed to hold a drill in May and to exchange cadets from September."
    mentions = run(text, [timex(text, "May", "2011-05"), timex(text, "September", "2011-09")])
    exchange = one(mentions, "exchange cadets")
    assert (exchange.status, exchange.date_value) == ("planned", "2011-09")
    assert one(mentions, "hold a drill").date_value == "2011-05"


def test_the_date_of_agreeing_does_not_date_what_was_agreed() -> None:
    text = "The ministers agreed on Monday to set up a hotline."
    hotline = one(run(text, [timex(text, "Monday", "2010-09-13")]), "set up")
    assert (hotline.status, hotline.date_value) == ("planned", None)


def test_a_date_in_a_before_clause_is_that_clauses() -> None:
    text = "The minister will tour the shipyard before flying home on Friday."
    mentions = run(text, [timex(text, "Friday", "2010-09-17")])
    assert one(mentions, "tour").date_value is None


def test_a_date_in_a_relative_clause_belongs_to_its_antecedent() -> None:
    text = "The drill is the fifth in a series that began in March 2009 off Crete."
    mentions = run(text, [timex(text, "March 2009", "2009-03", anchor=None)])
    assert one(mentions, "drill").date_value is None
    series = one(mentions, "series")
    assert (series.event_type, series.status, series.date_value) == ("JOINT_EXERCISE", "recurring", "2009-03")


def test_a_demonstrative_after_a_preposition_opens_no_relative_clause() -> None:
    text = "The two fleets last trained together on that scale in 2015."
    trained = one(
        run(text, [timex(text, "2015", "2015", anchor=None)], published=date(2016, 5, 2)), "trained"
    )
    assert trained.date_value == "2015"


def test_a_trip_dated_only_by_an_event_during_it_is_known_to_the_month() -> None:
    text = "The admiral reached Lima on Sunday after a three-day stop in Quito, where he met Ruiz on Tuesday."
    mentions = run(text, [timex(text, "Sunday", "2010-09-12"), timex(text, "Tuesday", "2010-09-07")])
    stop = one(mentions, "three-day stop")
    assert (stop.date_value, stop.precision) == ("2010-09", "month")
    assert "during it" in stop.explanation


def test_without_publication_date_the_days_of_writing_are_the_principal_date() -> None:
    text = (
        "Spain and Morocco signed a border accord on Tuesday.\n"
        "\n"
        "Their navies held a joint patrol in 2015.\n"
        "\n"
        "The signing ends a long dispute."
    )
    tuesday = timex(text, "Tuesday", "XXXX-WXX-2")
    mentions = run(text, [tuesday, timex(text, "2015", "2015", anchor=None)], published=None)
    assert one(mentions, "The signing").date_value == "XXXX-WXX-2"  # Tuesday of an unknown week


def test_a_statement_made_after_a_dated_event_takes_its_date() -> None:
    text = '"We are pleased with the outcome," Ruiz told reporters after the May 3 meeting of the council.'
    mentions = run(text, [timex(text, "May 3", "2010-05-03")])
    assert one(mentions, "are pleased").date_value == "2010-05-03"
