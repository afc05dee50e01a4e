"""What a move answers or follows keeps its own past date, even told inside a plan ("will send forces in
response to the Sept. 14 attacks"): each text written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_an_attack_answered_by_a_plan_is_past_and_dated_by_the_date_before_it() -> None:
    text = "The Pentagon will send two destroyers to the gulf in response to the Sept. 14 attacks on tankers."
    attacks = first_with(mentions_of(text, date(2019, 9, 21)), "attacks")
    assert (attacks.status, attacks.date_value) == ("occurred", "2019-09-14")


def test_an_attack_answered_on_a_weekday_is_the_last_such_day() -> None:
    text = (
        "U.S. warships fired cruise missiles at the airfield early Friday in retaliation for the chemical "
        "attack on the town on Tuesday."
    )
    attack = first_with(mentions_of(text, date(2017, 4, 8)), "attack")
    assert (attack.status, attack.date_value) == ("occurred", "2017-04-04")


def test_a_question_on_what_came_out_of_a_dated_dialogue_dates_the_answer() -> None:
    text = (
        "Q: Mr. Secretary, what came out of yesterday's 2+2 dialogue with the Indian ministers?\n\n"
        "SEC. ESPER: A lot. Secretary Pompeo and I hosted Defence Minister Rajnath Singh at the State "
        "Department, and we signed the Industrial Security Annex."
    )
    found = {m.trigger.text: m.date_value for m in mentions_of(text, date(2019, 12, 19))}
    assert found["dialogue"] == "2019-12-18"
    assert found["signed the Industrial Security Annex"] == "2019-12-18"
