"""Talks that are the purpose of a planned trip are that trip, not a second event; talks on a trip told as
done stay their own. Each text written for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import mentions_of


def test_talks_a_planned_trip_is_for_are_that_trip() -> None:
    text = "The minister will travel to Warsaw next week for talks with his Polish counterpart."
    assert [(m.event_type, m.status) for m in mentions_of(text, date(2017, 3, 9))] == [("VISIT", "planned")]


def test_talks_on_a_trip_told_as_done_stay_their_own() -> None:
    text = "Gen. Ashby visited Beijing on March 5 for talks with his Chinese counterpart."
    types = sorted(m.event_type for m in mentions_of(text, date(2017, 3, 9)))
    assert types == ["MEETING", "VISIT"]
