"""Periods that date a series or a state: a "since then" fronted in its sentence, the comparison frame
of "the first ... since 1998", which belongs to its own event and dates no series of another clause, and the
most recent of the events counted. Each text written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of

_TEXT = (
    "The two ministers endorsed the plan when they met in Oslo last October. Since then, the coast guards "
    "have exchanged liaison officers, and a Russian cutter made a port call in Kodiak in May, the first "
    "since 1996."
)


def test_a_fronted_since_then_starts_the_series_at_the_date_told_before() -> None:
    exchange = first_with(mentions_of(_TEXT, date(2004, 9, 8)), "liaison")
    assert exchange.status == "recurring"
    assert exchange.date_value == "2003-10"


def test_the_first_since_a_year_gives_that_year_to_no_other_clause() -> None:
    mentions = mentions_of(_TEXT, date(2004, 9, 8))
    assert first_with(mentions, "liaison").date_value != "1996"
    assert first_with(mentions, "port call").date_value == "2004-05"


def test_the_most_recent_of_the_events_counted_before_is_one_of_them_with_its_own_day() -> None:
    text = (
        "Chinese fighters have carried out a dozen unsafe intercepts of U.S. aircraft since March, a "
        "spokesman said today. The most recent occurred May 17 over the East China Sea."
    )
    mentions = mentions_of(text, date(2016, 6, 8))
    latest = first_with(mentions, "recent")
    assert (latest.event_type, latest.status) == ("MILITARY_FORCE", "occurred")
    assert latest.date_value == "2016-05-17"


def test_a_state_the_next_clause_says_still_holds_goes_on() -> None:
    text = "Uzbekistan closed its border crossings in May after the clashes, and they remain closed."
    closed = first_with(mentions_of(text, date(2010, 9, 1)), "closed")
    assert (closed.status, closed.date_value) == ("ongoing", "2010-05")


def test_a_visit_put_off_and_not_rescheduled_is_cancelled_and_keeps_the_month_it_was_set_for() -> None:
    text = (
        "A visit by a Polish logistics delegation to Scott Air Force Base, which had been set for May, was "
        "put off and hasn't been rescheduled."
    )
    visit = first_with(mentions_of(text, date(2012, 6, 7)), "visit")
    assert (visit.status, visit.date_value) == ("cancelled", "2012-05")


def test_a_drill_called_off_on_a_day_with_no_day_of_its_own_is_dated_by_that_day() -> None:
    text = "A cross-deck landing drill with the Indian frigate was called off Oct. 18 because of high seas."
    called_off = [m for m in mentions_of(text, date(2009, 10, 22)) if m.status == "cancelled"]
    assert "2009-10-18" in {m.date_value for m in called_off}


def test_a_force_escorting_since_a_date_is_there_still_and_a_month_ends_a_ships_name() -> None:
    text = (
        "Chinese warships have escorted merchant convoys in the gulf since January 2009. Capt. Li came "
        "aboard Gray Oct. 16 to plan the escort."
    )
    mentions = mentions_of(text, date(2009, 10, 22))
    assert first_with(mentions, "escorted").status == "ongoing"
    assert first_with(mentions, "aboard").trigger.text == "came aboard Gray"


def test_months_counted_from_a_day_give_a_month() -> None:
    text = "Washington withdrew from the treaty Aug. 2, six months after announcing it was suspending it."
    suspending = first_with(mentions_of(text, date(2019, 8, 20)), "suspending")
    assert suspending.date_value == "2019-02"


def test_a_rocket_launched_yesterday_is_over_but_strikes_begun_weeks_ago_go_on() -> None:
    text = "North Korea launched a long-range rocket yesterday. Russian warplanes began airstrikes Sept. 30."
    mentions = mentions_of(text, date(2015, 10, 7))
    assert first_with(mentions, "rocket").status == "occurred"
    assert first_with(mentions, "airstrikes").status == "ongoing"


def test_predicates_coordinated_under_one_subject_share_the_date_told_with_one_of_them() -> None:
    text = (
        "Minsk recalled its military representative last month and expelled two NATO officers. Coast guard "
        "vessels fired on and seized three navy ships on Sunday."
    )
    mentions = mentions_of(text, date(2014, 4, 9))
    assert first_with(mentions, "expelled").date_value == "2014-03"
    assert first_with(mentions, "fired on").date_value == "2014-04-06"


def test_talks_held_annually_since_a_year_that_took_place_on_days_are_that_edition() -> None:
    text = "The defense consultative talks, held annually since 1994, took place in Hanoi Oct. 12-13."
    took_place = first_with(mentions_of(text, date(2011, 10, 14)), "took place")
    assert (took_place.status, took_place.date_value) == ("occurred", "2011-10-12")


def test_a_passive_second_conjunct_shares_the_date_of_the_first() -> None:
    text = "Two Tu-95 bombers flew into the air defense identification zone on Saturday and were intercepted."
    assert first_with(mentions_of(text, date(2019, 6, 10)), "intercepted").date_value == "2019-06-08"


def test_and_again_on_a_day_is_another_event_of_the_same_kind_on_that_day() -> None:
    text = "Hale called his Chinese counterpart on Dec. 30 and again on Jan. 3."
    calls = sorted(
        (m.date_value for m in mentions_of(text, date(2014, 1, 6)) if m.event_type == "PHONE_CALL"),
        key=str,
    )
    assert calls == ["2013-12-30", "2014-01-03"]


def test_a_destination_after_to_is_no_infinitive_between_an_activity_and_its_start() -> None:
    text = "Navy helicopters have flown relief supplies to survivors in the prefecture since Sunday."
    flights = first_with(mentions_of(text, date(2011, 3, 14)), "flown")
    assert (flights.status, flights.date_value) == ("ongoing", "2011-03-13")


def test_a_perfect_inside_the_wording_with_since_is_a_state_begun_then() -> None:
    text = "Georgian soldiers have deployed to Afghanistan with U.S. Marines since 2009."
    deployed = first_with(mentions_of(text, date(2014, 9, 24)), "deployed")
    assert (deployed.status, deployed.date_value) == ("ongoing", "2009")


def test_next_in_a_stretch_of_the_story_plans_nothing() -> None:
    text = (
        "Rumsfeld last visited Ulaanbaatar in October 2005. The Mongolian minister returned the visit the "
        "next spring, touring Fort Lewis. The Marines spent the next six weeks training Senegalese soldiers."
    )
    mentions = mentions_of(text, date(2006, 10, 4))
    assert first_with(mentions, "touring").status == "occurred"
    assert first_with(mentions, "training").status == "occurred"


def test_an_annual_series_told_with_one_edition_s_span_is_that_edition() -> None:
    talks = first_with(
        mentions_of("The two held their annual staff talks in Tokyo from June 18 to 20.", date(2012, 7, 2)),
        "talks",
    )
    assert (talks.status, talks.date_value) == ("occurred", "2012-06-18")


def test_an_exercise_ended_after_a_length_of_training_began_that_long_before() -> None:
    text = "Thai and U.S. troops wrapped up Cobra Gold 2019 in Sattahip on Feb. 22 after two weeks of drills."
    ended = first_with(mentions_of(text, date(2019, 2, 25)), "Cobra Gold")
    assert ended.date_value == "2019-02-09"


def test_this_year_s_edition_of_an_annual_series_told_with_a_future_is_a_plan() -> None:
    text = "Foal Eagle and Key Resolve, the allies' annual spring drills, will be scaled down this year."
    drills = first_with(mentions_of(text, date(2018, 3, 1)), "drills")
    assert (drills.status, drills.date_value) == ("planned", "2018")
