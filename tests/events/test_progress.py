"""Events reported while they run become "ongoing" once dated (``progress.mark_ongoing``)."""

from __future__ import annotations

from datetime import date

from pipeline.events.anchor import anchor_events
from pipeline.events.extract import extract_events
from pipeline.model import EventMention
from tests.events.analysed import first_with, mentions_of
from tests.events.helpers import actor, doc, sentences, timex

DCT = date(2015, 6, 10)  # a Wednesday


def run(text: str, timexes: list, actors=(), mentions=()) -> list[EventMention]:
    document = doc(text, DCT)
    sents = sentences(text)
    ordered = sorted(timexes, key=lambda t: t.start)
    found = extract_events(document, sents, ordered, list(actors), sorted(mentions, key=lambda m: m.start))
    return anchor_events(found, ordered, sents, document)


def one(mentions: list[EventMention], trigger: str) -> EventMention:
    hits = [m for m in mentions if m.trigger.text.startswith(trigger)]
    assert hits, [m.trigger.text for m in mentions]
    return hits[0]


def test_a_recent_arrival_whose_traveller_acts_again_later_is_a_trip_in_progress() -> None:
    text = "Admiral Okafor arrived in Accra on Monday.\nOkafor will tour the naval base in Sekondi tomorrow."
    okafor, said = actor(text, "Okafor", "okafor", "Ngozi Okafor")
    monday = timex(text, "Monday", "2015-06-08")
    tomorrow = timex(text, "tomorrow", "2015-06-11")
    mentions = run(text, [monday, tomorrow], [okafor], said)
    arrival = one(mentions, "arrived")
    assert (arrival.status, arrival.date_value) == ("ongoing", "2015-06-08")
    assert one(mentions, "tour").status == "planned"


def test_an_arrival_with_nothing_after_it_just_occurred() -> None:
    text = "Admiral Okafor arrived in Accra on Monday.\nThe two navies have trained together since 2009."
    okafor, said = actor(text, "Okafor", "okafor", "Ngozi Okafor")
    monday = timex(text, "Monday", "2015-06-08")
    mentions = run(text, [monday, timex(text, "2009", "2009", anchor=None)], [okafor], said)
    assert one(mentions, "arrived").status == "occurred"


def test_an_activity_whose_stated_length_runs_past_the_publication_date_is_ongoing() -> None:
    text = "Peruvian and Chilean marines started a 10-day amphibious exercise on Monday."
    mentions = run(text, [timex(text, "Monday", "2015-06-08"), timex(text, "10-day", "P10D", "DURATION")])
    assert one(mentions, "started").status == "ongoing"


def test_an_activity_that_ended_before_the_publication_date_occurred() -> None:
    text = "Peruvian and Chilean marines held a two-day exercise on Monday."
    mentions = run(text, [timex(text, "Monday", "2015-06-08"), timex(text, "two-day", "P2D", "DURATION")])
    assert one(mentions, "held").status == "occurred"


def test_a_dated_range_covering_the_publication_date_is_running() -> None:
    text = "The drills, held June 9-12 off Callao, involve 14 ships."
    june9 = timex(text, "June 9", "2015-06-09")
    twelve = timex(text, "12", "2015-06-12")
    drills = one(run(text, [june9, twelve]), "drills")
    assert (drills.status, drills.start, drills.end) == ("ongoing", date(2015, 6, 9), date(2015, 6, 12))


def test_an_exercise_begun_last_month_with_a_length_long_past_is_over() -> None:
    text = (
        "Russian, Chinese and Iranian warships began a four-day naval exercise in the Gulf of Oman late "
        "last month."
    )
    exercise = mentions_of(text, date(2020, 1, 16))[0]
    assert (exercise.status, exercise.date_value) == ("occurred", "2019-12")


def test_a_named_exercise_that_runs_through_a_later_day_runs_now() -> None:
    text = "Rapid Trident 2014 runs through Sept. 26 at the peacekeeping center near Lviv."
    exercise = mentions_of(text, date(2014, 9, 17))[0]
    assert exercise.status == "ongoing"
    assert exercise.date_value != "2014-09-26"  # its end is no start


def test_a_trip_returned_from_ended_on_the_return_and_began_its_length_before() -> None:
    text = (
        "Panetta, who returned June 7 from a nine-day trip to Asia, hosted the Indonesian minister yesterday."
    )
    trip = first_with(mentions_of(text, date(2012, 6, 13)), "returned")
    assert (trip.status, trip.date_value) == ("occurred", "2012-05-30")


def test_a_flight_is_not_running_for_what_others_do_at_its_destination() -> None:
    text = (
        "This afternoon the admiral flew to Gao, Mali, where Army doctors and Malian medics are running a "
        "two-week medical program that has already treated 2,000 villagers."
    )
    flight = first_with(mentions_of(text, DCT), "flew to")
    assert (flight.status, flight.date_value) == ("occurred", "2015-06-10"), flight.explanation
    # the length of the noun in that clause is not the flight's
    short = first_with(
        mentions_of("Today the admiral flew to Gao, where medics run a two-week clinic.", DCT), "flew"
    )
    assert short.status == "occurred", short.explanation


def test_an_arrival_is_still_running_when_the_traveller_acts_tomorrow_in_a_clause_on_the_place() -> None:
    text = "The secretary arrived in Tokyo yesterday, where he will meet his counterpart tomorrow."
    arrival = first_with(mentions_of(text, DCT), "arrived")
    assert arrival.status == "ongoing", arrival.explanation


def test_the_length_of_an_earlier_stop_is_not_the_length_of_the_visit() -> None:
    text = (
        "The frigates arrived here Monday for a port visit, their second stop this month after a four-day "
        "call at Guam that ended June 2."
    )
    visit = first_with(mentions_of(text, DCT), "arrived")
    assert visit.date_value == "2015-06-08", visit.explanation
