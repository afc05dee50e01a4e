"""Deliveries told by the goods: an amount delivered, goods named before their (passive) delivery or arrival,
past an aside that sets them off, and a continuing flow since a date."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of

DAY = date(2016, 9, 14)


def test_an_amount_of_equipment_delivered_since_a_season_is_an_ongoing_delivery() -> None:
    text = (
        "Since last winter, the Pentagon has delivered about $45 million in radios and other equipment to "
        "Tunisia."
    )
    delivery = first_with(mentions_of(text, DAY), "delivered")
    assert (delivery.event_type, delivery.status, delivery.date_value) == (
        "COOPERATION",
        "ongoing",
        "2015-WI",
    )


def test_goods_named_before_their_passive_delivery() -> None:
    text = (
        "Jordan ordered 12 UH-60 helicopters, the first of which will be delivered in the spring of next "
        "year."
    )
    delivery = first_with(mentions_of(text, DAY), "delivered")
    assert (delivery.event_type, delivery.status, delivery.date_value) == (
        "COOPERATION",
        "planned",
        "2017-SP",
    )


def test_goods_that_reach_a_country_past_an_aside() -> None:
    text = (
        "The six patrol boats, paid for with U.S. maritime security funds, are scheduled to reach Ghana in "
        "November."
    )
    delivery = first_with(mentions_of(text, DAY), "reach")
    assert (delivery.event_type, delivery.status, delivery.date_value) == (
        "COOPERATION",
        "planned",
        "2016-11",
    )


def test_relief_flown_in_by_the_ton_is_aid_and_bombs_are_not() -> None:
    aid = mentions_of(
        "Air Force C-17s have flown more than 900 tons of tents and food into Dhaka since Friday.", DAY
    )
    assert [m.event_type for m in aid if "tons" in m.trigger.text] == ["COOPERATION"]
    bombs = mentions_of("B-52s carried 40 tons of bombs over the valley.", DAY)
    assert not [m for m in bombs if "tons" in m.trigger.text]


def test_a_relief_facility_put_up_by_troops_is_aid() -> None:
    text = "U.S. Marines are due to start building a refugee camp near Kukes next week."
    camp = first_with(mentions_of(text, DAY), "refugee camp")
    assert (camp.event_type, camp.status) == ("COOPERATION", "planned"), camp.explanation
