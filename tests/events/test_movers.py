"""An arrival's type comes from who arrives: officials visit, forces deploy, relief is aid (movers.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import first_with, mentions_of

DAY = date(2012, 4, 18)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Chilean delegation arrived in Santiago on Monday for two days of talks.", "arrived", "VISIT"),
        ("A Canadian infantry battalion began arriving in Latvia last week.", "arriving", "MILITARY_FORCE"),
        (
            "About 200 paratroopers from Vicenza, Italy, landed at Riga airport on Tuesday.",
            "landed",
            "MILITARY_FORCE",
        ),
        ("A Navy field hospital team is due in Port-au-Prince on Friday.", "due", "COOPERATION"),
        ("Army instructors will arrive in Bamako next month to run the course.", "arrive", "COOPERATION"),
        (
            "Air Force cargo planes landed at Kathmandu on Sunday with tents and water purification units.",
            "landed",
            "COOPERATION",
        ),
        (
            "Brig. Gen. Ana Ortiz, commander of Task Force Bravo forces, flew to Tegucigalpa on Monday.",
            "flew",
            "VISIT",
        ),
        (
            "About 150 paratroopers of the 173rd Airborne arrived in Poland for training with Polish troops.",
            "arrived",
            "JOINT_EXERCISE",
        ),
        (
            "Four F-16s arrived at Lask Air Base last Thursday for a two-week training rotation with "
            "the Polish air force.",
            "rotation",
            "JOINT_EXERCISE",
        ),
    ],
)
def test_the_mover_decides_what_an_arrival_is(text: str, word: str, expected: str) -> None:
    assert first_with(mentions_of(text, DAY), word).event_type == expected


def test_a_delegation_named_after_its_service_is_visiting() -> None:
    text = "A Russian Ground Forces delegation arrived here Monday for a five-day look at Army schools."
    assert first_with(mentions_of(text, DAY), "arrived").event_type == "VISIT"


def test_a_named_traveller_whose_aside_met_troops_is_visiting() -> None:
    text = "Hall, who met troops in Kandahar, arrived in Kabul on Tuesday."
    assert first_with(mentions_of(text, DAY), "arrived").event_type == "VISIT"


def test_an_arrival_after_another_predicate_keeps_its_travellers_type() -> None:
    text = "The minister addressed the troops at Camp Bondsteel and then flew to Skopje on Tuesday."
    assert first_with(mentions_of(text, DAY), "flew").event_type == "VISIT"


def test_a_ship_arriving_with_relief_supplies_is_aid_but_a_ship_alone_is_not() -> None:
    relief = "The hospital ship USNS Comfort arrived off Haiti on Saturday with medical supplies."
    plain = "The destroyer USS Ross arrived in Constanta on Saturday."
    assert first_with(mentions_of(relief, DAY), "arrived").event_type == "COOPERATION"
    assert first_with(mentions_of(plain, DAY), "arrived").event_type != "COOPERATION"


def test_a_port_named_alone_gives_the_host_country() -> None:
    text = (
        "The frigate USS Halyard called at Dar es Salaam in March, and the cutter docked in Vladivostok "
        "in May."
    )
    mentions = mentions_of(text, DAY)
    hosts = {m.trigger.text: {r.name for r in m.actors if r.role == "recipient"} for m in mentions}
    assert "Tanzania" in hosts["called at"]
    assert "Russia" in next(v for k, v in hosts.items() if k.startswith("docked"))


def test_a_sentence_initial_determiner_is_no_travellers_name() -> None:
    text = "The exercise, which drew troops from seven countries, arrived at its last phase on Monday."
    assert all(m.event_type != "VISIT" for m in mentions_of(text, DAY))


def test_troops_of_a_clause_before_an_after_are_not_the_ones_arriving() -> None:
    text = (
        "Marines jumped near Adazi on Saturday alongside Latvian soldiers, two days after the first U.S. "
        "company arrived there from Vilseck."
    )
    arrived = [m for m in mentions_of(text, date(2014, 4, 28)) if "arrived" in m.trigger.text]
    assert [(m.trigger.text, m.date_value) for m in arrived] == [("company arrived", "2014-04-24")]
