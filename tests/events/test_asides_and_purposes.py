"""Asides and purposes: a which-clause on a noun keeps its own date when the noun's predicate follows it, and
the purpose of a movement shares the movement's date. Each text written for this test, through the whole
per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_a_which_clause_on_a_noun_keeps_its_date_and_the_noun_takes_its_predicate_s() -> None:
    mentions = mentions_of(
        "Talks on the access agreement, which broke down in June, will resume in Manila next week.",
        date(2016, 10, 3),
    )
    talks = first_with(mentions, "Talks")
    assert (talks.status, talks.date_value) == ("planned", "2016-W41")
    begun = first_with(
        mentions_of("The exercise, which began on Monday, drew 2,000 troops.", date(2016, 10, 5)), "exercise"
    )
    assert begun.date_value == "2016-10-03"


def test_the_purpose_of_a_movement_named_with_its_movers_shares_its_date() -> None:
    text = "A team of U.S. Army engineers deployed to Kazakhstan to help seal the tunnels last spring."
    deployed = first_with(mentions_of(text, date(2000, 9, 15)), "deployed")
    assert deployed.date_value == "2000-SP"


def test_a_planned_movement_shares_the_date_of_its_purpose() -> None:
    mentions = mentions_of(
        "France will send a frigate to sail with the Truman strike group next month.", date(2016, 6, 9)
    )
    assert first_with(mentions, "send").date_value == "2016-07"
    text = "The Army will deploy a battalion to Poland to train with Polish troops next month."
    assert first_with(mentions_of(text, date(2016, 6, 9)), "deploy").date_value == "2016-07"


def test_a_noun_reads_its_own_predicate_past_a_long_relative_clause_on_it() -> None:
    text = (
        "Thai and U.S. marines trained together near Sattahip last October, and the two navies' Cobra Reef "
        "exercise, which resumed in 2004 after a two-year pause that followed the coup, is scheduled for the "
        "Gulf of Thailand in late September."
    )
    mentions = mentions_of(text, date(2006, 6, 29))
    exercise = first_with(mentions, "exercise")
    assert (exercise.status, exercise.date_value) == ("planned", "2006-09"), exercise.explanation
    # the relative clause closed before that predicate keeps its own words out of its date
    assert all(m.date_value != "2006-09" for m in mentions if m.trigger.start < exercise.trigger.start), [
        (m.trigger.text, m.date_value) for m in mentions
    ]
