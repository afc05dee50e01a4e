"""The dates and status of contacts told in other words (a reception on arrival, officers posted since a date,
forces kept without a break, a dropped exchange, a disinvited guest, a closing parade): each text written for
this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import mentions_of

DAY = date(2012, 6, 13)


def test_a_visitor_received_by_a_host_on_arrival_meets_on_the_day_of_the_arrival() -> None:
    text = (
        "A Kenyan army delegation arrived here Monday for a week of talks. Gen. Otieno was received by "
        "Lt. Gen. Hart on arrival. The generals discussed training yesterday."
    )
    found = {m.trigger.text: m for m in mentions_of(text, date(2011, 5, 18))}
    reception = found["was received by"]
    assert reception.event_type == "MEETING"
    assert reception.date_value == "2011-05-16", reception.explanation
    assert found["discussed"].date_value == "2011-05-17"


def test_received_somewhere_is_still_a_visit() -> None:
    text = "The Mongolian delegation was received at the Pentagon on Tuesday."
    assert [m.event_type for m in mentions_of(text, DAY)] == ["VISIT"]


def test_officers_posted_since_a_date_are_still_there_and_expected_patrols_are_plans_with_their_date() -> (
    None
):
    text = (
        "Two Russian liaison officers have been at KFOR headquarters in Pristina since early July. "
        "They expect the first joint patrols to go out next week."
    )
    mentions = mentions_of(text, date(1999, 7, 14))
    officers = [m for m in mentions if m.event_type == "PERSONNEL_EXCHANGE"][0]
    assert (officers.status, officers.date_value) == ("ongoing", "1999-07")
    patrols = [m for m in mentions if "patrols" in m.trigger.text][0]
    assert (patrols.status, patrols.date_value) == ("planned", "1999-W29")


def test_officers_now_at_a_school_are_there_now_not_at_the_date_of_the_clause_before() -> None:
    text = (
        "A delegation is expected to visit Hawaii in the fall, and two Mongolian officers are now at the "
        "Expeditionary Warfare School in Quantico, Va."
    )
    officers = [m for m in mentions_of(text, None) if m.event_type == "PERSONNEL_EXCHANGE"]
    assert [(m.status, m.date_value) for m in officers] == [("ongoing", "PRESENT_REF")]


def test_forces_kept_or_rotating_without_a_break_since_a_date_are_there_still() -> None:
    text = (
        "American companies have rotated through Poland without a break since April 2014. The Air Force has "
        "kept an aviation detachment at Lask Air Base since November 2012. A river crossing with Polish "
        "engineers planned for this week was called off and will not be rescheduled."
    )
    found = {m.trigger.text: (m.status, m.date_value) for m in mentions_of(text, date(2016, 5, 12))}
    assert found["rotated through"] == ("ongoing", "2014-04")
    assert found["kept an aviation detachment"] == ("ongoing", "2012-11")
    assert found["river crossing"] == ("cancelled", "2016-W19")
    assert found["was called off"][0] == "cancelled"


def test_a_purpose_coordinated_after_a_date_shares_it() -> None:
    text = "Gen. Dorofeyev is to arrive Thursday to watch the final phase and meet with the general."
    meeting = [m for m in mentions_of(text, date(2010, 8, 18)) if m.event_type == "MEETING"]
    assert [(m.status, m.date_value) for m in meeting] == [("planned", "2010-08-19")]


def test_an_exchange_planned_for_the_spring_that_was_dropped_is_cancelled() -> None:
    text = "An exchange of helicopter crews at Anadyr planned for this spring was dropped for lack of money."
    exchange = [m for m in mentions_of(text, date(2012, 9, 13)) if m.event_type == "PERSONNEL_EXCHANGE"]
    assert [(m.status, m.date_value) for m in exchange] == [("cancelled", "2012-SP")]


def test_a_since_aside_before_a_modal_leaves_the_plan_planned_and_a_call_discussing_is_a_call() -> None:
    text = (
        "Carter is to visit Hanoi in March. The visit, the first by a U.S. defense secretary since 2005, "
        "will include a stop at Cam Ranh Bay. The chiefs of staff discussed Syria in a phone call yesterday."
    )
    found = {m.trigger.text: m for m in mentions_of(text, date(2015, 6, 10))}
    assert found["stop at"].status == "planned"
    call = found["discussed Syria in a phone call"]
    assert (call.event_type, call.date_value) == ("PHONE_CALL", "2015-06-09")


def test_a_guest_disinvited_leaves_the_exercise_planned() -> None:
    text = "The Pentagon has disinvited China from this summer's Rim of the Pacific exercise."
    exercise = [m for m in mentions_of(text, date(2018, 5, 24)) if m.event_type == "JOINT_EXERCISE"]
    assert [m.status for m in exercise] == ["planned"]


def test_a_body_founded_even_by_both_sides_is_no_event_of_its_own() -> None:
    assert mentions_of("The staff college was founded in 1802 by an act of Congress.", DAY) == []
    assert mentions_of("The joint commission was established in 1994 by the two governments.", DAY) == []


def test_crews_marching_in_an_exercises_closing_parade_are_no_ceremony_of_their_own() -> None:
    text = "Our crews will march in the closing parade alongside their Ukrainian colleagues."
    assert all(m.event_type != "COOPERATION" for m in mentions_of(text, DAY))
