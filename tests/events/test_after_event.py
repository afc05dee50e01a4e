"""Dates told by another event rather than a time word ("A day after the closing ceremony", "On the eve of
the exercise", "At that meeting"): each text written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_an_amount_after_an_event_told_before_moves_its_date() -> None:
    text = (
        "Kenyan and U.S. engineers held a counter-IED workshop in Nairobi on Jan. 27. Two weeks after the "
        "workshop ended, militants attacked the airfield at Manda Bay."
    )
    attacked = first_with(mentions_of(text, date(2020, 2, 14)), "attacked")
    assert attacked.date_value == "2020-02-10"
    assert "Two weeks after the workshop ended" in attacked.explanation


def test_a_counted_frame_names_the_occasion_of_the_sentence_before_when_no_word_is_shared() -> None:
    text = (
        "U.S. and Kazakh peacekeepers wrapped up Exercise Steppe Eagle on Aug. 24. A day after the closing "
        "ceremony, the U.S. delegation traveled to Astana."
    )
    assert first_with(mentions_of(text, date(2016, 8, 30)), "traveled").date_value == "2016-08-25"


def test_the_eve_of_an_event_is_the_day_before_it() -> None:
    text = (
        "Exercise Talisman Sabre opened in Queensland on July 11. On the eve of the exercise, U.S. and "
        "Australian commanders held a planning conference in Brisbane."
    )
    assert first_with(mentions_of(text, date(2019, 7, 29)), "conference").date_value == "2019-07-10"


def test_a_year_after_a_signing_counts_years() -> None:
    text = (
        "The exchange grew out of a 2012 agreement between the two armies. A year after it was signed, the "
        "first group of Mexican officers attended the Sergeants Major Academy."
    )
    assert first_with(mentions_of(text, date(2014, 5, 21)), "attended").date_value == "2013"


def test_what_is_agreed_at_a_meeting_named_before_has_its_date_not_the_articles() -> None:
    text = (
        "BRUSSELS, July 13, 2018 — Mattis met with NATO defense chiefs here today.\n\n"
        "The alliance last held a summit in Brussels in May 2017. At that meeting, allies agreed to raise "
        "defense spending."
    )
    assert first_with(mentions_of(text, date(2018, 7, 13)), "agreed").date_value == "2017-05"


def test_a_place_after_at_names_no_event() -> None:
    text = "Hagel met French officials in Paris on June 6. At the Pentagon, aides praised the trip."
    praised = first_with(mentions_of(text, date(2014, 6, 10)), "praised")
    assert "At the Pentagon" not in praised.explanation and "told at or after" not in praised.explanation


def test_an_event_after_which_another_came_keeps_its_own_date_when_it_has_one() -> None:
    text = "Ten years ago this week, NATO invoked Article 5, a day after the attacks of Sept. 11, 2001."
    attacks = first_with(mentions_of(text, date(2011, 9, 8)), "attacks")
    assert attacks.date_value == "2001-09-11"


def test_an_event_told_an_amount_after_another_dated_later_in_its_sentence_is_moved_from_it() -> None:
    text = "Moscow offered the help a day after the hurricane came ashore Aug. 29, officials said."
    offer = first_with(mentions_of(text, date(2005, 9, 7)), "offered")
    assert offer.date_value == "2005-08-30"


def test_a_past_event_right_after_another_takes_its_date_though_a_verb_stands_between() -> None:
    text = "The alliance froze its drills with Moscow after Russian tanks rolled into Crimea in March 2014."
    froze = first_with(mentions_of(text, date(2014, 6, 2)), "froze")
    assert froze.date_value == "2014-03"


def test_a_fronted_date_stays_the_event_s_own_before_an_after_clause() -> None:
    text = "In 2010, the two navies resumed port calls after a hiatus that began in August 2008."
    calls = first_with(mentions_of(text, date(2011, 5, 4)), "port calls")
    assert calls.date_value == "2010"


def test_an_event_told_shortly_after_another_s_date_shares_that_day() -> None:
    text = (
        "Moscow announced the suspension April 7, shortly after two U.S. destroyers fired cruise missiles "
        "at an airfield in Syria."
    )
    fired = first_with(mentions_of(text, date(2017, 4, 20)), "fired")
    assert fired.date_value == "2017-04-07"


def test_a_plain_after_a_day_leaves_the_earlier_event_undated() -> None:
    text = "The two ministers signed the plan on June 16, after their deputies met in Astana."
    met = first_with(mentions_of(text, date(2005, 6, 20)), "met")
    assert met.date_value != "2005-06-16"


def test_an_amount_after_that_counts_forward_from_the_day_told_before() -> None:
    text = (
        "NATO leaders met in Bucharest from April 2 to 4. On the final day, President Putin sat down with "
        "the allied leaders, and two days after that he hosted President Bush at Sochi."
    )
    assert first_with(mentions_of(text, date(2008, 4, 7)), "hosted").date_value == "2008-04-06"


def test_the_length_of_a_visit_that_ended_is_not_the_length_of_what_ended_it() -> None:
    text = (
        "The Indian frigate INS Tabar's five-day port call in San Diego ended Sunday with a passing exercise "
        "alongside the destroyer USS Dewey."
    )
    found = {m.trigger.text: m.date_value for m in mentions_of(text, date(2011, 11, 16))}
    assert found.get("port call") == "2011-11-09"
    assert found.get("exercise") == "2011-11-13"
