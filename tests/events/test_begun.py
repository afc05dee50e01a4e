"""An activity told by its recent start, with no end, is still running; an old or pluperfect one is not."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_a_deployment_that_began_arriving_two_months_ago_is_ongoing() -> None:
    text = "Officials discussed the Canadian battalion that began arriving in Latvia in February."
    arrival = first_with(mentions_of(text, date(2018, 4, 12)), "arriving")
    assert (arrival.status, arrival.date_value) == ("ongoing", "2018-02")


def test_work_that_has_begun_in_an_undated_article_is_ongoing() -> None:
    text = "Last week, a team of Navy engineers began rebuilding a clinic in the province."
    work = first_with(mentions_of(text, None), "rebuilding")
    assert work.status == "ongoing"


def test_a_start_decades_ago_or_in_a_past_perfect_is_history() -> None:
    old = "The partnership dates to 1986, when the two navies began exchanging cadets."
    pluperfect = "By then, the two armies had begun training together in Bavaria last March."
    assert first_with(mentions_of(old, date(2018, 4, 12)), "exchanging").status == "occurred"
    assert first_with(mentions_of(pluperfect, date(2018, 4, 12)), "training").status == "occurred"


def test_started_before_a_when_clause_does_not_make_the_clause_a_start() -> None:
    text = "The relationship he started when he visited Oslo last month has grown."
    assert first_with(mentions_of(text, date(2018, 4, 12)), "visited").status == "occurred"


def test_talks_told_by_their_end_and_length_cover_the_days_up_to_it() -> None:
    text = "Norwegian and U.S. planners wrapped up three days of talks at Camp Lejeune today."
    talks = first_with(mentions_of(text, date(2018, 4, 12)), "talks")
    assert (talks.status, talks.date_value, talks.end) == ("occurred", "2018-04-10", date(2018, 4, 12))


def test_a_conference_that_ended_today_is_not_running() -> None:
    text = "The four-day conference on Arctic search and rescue ended Thursday in Reykjavik."
    conference = first_with(mentions_of(text, date(2018, 4, 12)), "conference")
    assert conference.status == "occurred"


def test_a_date_right_after_followed_is_the_events_own() -> None:
    text = "The ministers signed the plan in March 2010, and the first drill followed that spring."
    drill = first_with(mentions_of(text, date(2012, 6, 13)), "drill")
    assert drill.date_value == "2010-SP"


def test_an_air_campaign_that_began_a_week_ago_is_ongoing_but_a_flashback_launch_is_not() -> None:
    text = (
        "Russian warplanes began airstrikes in Syria Sept. 30, officials said. On Sunday, government troops "
        "had launched an offensive along the river."
    )
    mentions = mentions_of(text, date(2015, 10, 7))
    assert first_with(mentions, "began").status == "ongoing"
    assert first_with(mentions, "launched").status == "occurred"


def test_the_third_call_is_a_phone_call_to_come() -> None:
    text = "U.S. and Russian officers held a second video call today. A third call is expected next week."
    call = [m for m in mentions_of(text, date(2015, 10, 7)) if m.trigger.text == "call"]
    assert call and (call[0].event_type, call[0].status) == ("PHONE_CALL", "planned")
