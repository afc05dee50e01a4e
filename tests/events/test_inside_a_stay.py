"""Events told from inside a stay of several days ("While in port, ...", "While the exercise ran, ...") or
told to have taken several unnamed days ("spent three days rehearsing") are dated by the stay to the month:
the text names no day of theirs. Each text written for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import mentions_of


def _one(text: str, published: date | None, trigger_start: str):
    found = [m for m in mentions_of(text, published) if m.trigger.text.startswith(trigger_start)]
    assert found, [m.trigger.text for m in mentions_of(text, published)]
    return found[0]


def test_a_call_paid_while_in_port_is_known_to_the_month_of_the_port_visit() -> None:
    text = (
        "SPLIT, Croatia -- The frigate USS Carney arrived here Monday for a five-day port visit, the first "
        "by a U.S. warship this year.\n\n"
        "While in port, the ship's commanding officer, Cmdr. Dana Whitfield, paid a call on Rear Adm. Ivo "
        "Kralj, commander of the Croatian navy."
    )
    call = _one(text, date(2011, 4, 13), "paid a call")
    assert (call.status, call.date_value) == ("occurred", "2011-04"), call.explanation


def test_treatment_given_while_an_exercise_ran_keeps_the_month_without_a_publication_date() -> None:
    text = (
        "The exercise began Aug. 9 near Sukhbaatar and ran for two weeks.\n\n"
        "While the exercise ran, Army doctors and Mongolian medics treated more than 900 patients in "
        "three villages."
    )
    treated = _one(text, None, "treated")
    assert treated.date_value == "XXXX-08", treated.explanation


def test_an_activity_that_took_several_unnamed_days_is_known_to_the_month() -> None:
    text = (
        "The amphibious ship USS Gunston Hall pulled into Mombasa on Tuesday.\n\n"
        "Marines from the ship and Kenyan sailors spent three days rehearsing small-boat boarding drills in "
        "the harbor."
    )
    drills = [m for m in mentions_of(text, date(2008, 3, 14)) if m.event_type == "JOINT_EXERCISE"]
    assert drills and all(m.date_value == "2008-03" for m in drills), [m.explanation for m in drills]


def test_a_call_after_a_meeting_told_with_its_day_keeps_that_day_outside_a_stay() -> None:
    text = (
        "Cmdr. Dana Whitfield met Rear Adm. Ivo Kralj, commander of the Croatian navy, in Split on Monday. "
        "Whitfield also paid a call on the city's mayor, Ivo Baldasar."
    )
    call = _one(text, date(2011, 4, 13), "paid a call")
    assert call.date_value == "2011-04-11", call.explanation


def test_a_visit_dated_only_through_a_meeting_during_it_is_known_to_the_month() -> None:
    text = (
        "NEW DELHI -- Adm. Karen Doyle, the U.S. chief of naval operations, met Indian Navy chief Adm. Sunil "
        "Mehta here today to discuss submarine rescue.\n\n"
        "The talks came during a visit to India by Doyle, her first since taking command."
    )
    visits = [m for m in mentions_of(text, date(2012, 2, 8)) if m.trigger.text == "visit"]
    assert [v.date_value for v in visits] == ["2012-02"], [v.explanation for v in visits]


def test_a_visit_dated_by_the_arrival_that_began_it_keeps_the_day() -> None:
    text = (
        "The first Royal Thai Army delegation to visit the U.S. Army's Fort Hood arrived on Feb. 2. The "
        "officers will stay a week."
    )
    visits = [m for m in mentions_of(text, date(2012, 2, 8)) if m.trigger.text == "visit"]
    assert [v.date_value for v in visits] == ["2012-02-02"], [v.explanation for v in visits]
