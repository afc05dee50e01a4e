"""Undated activities in the simple present go on; the purpose of a movement shares its date; new wordings
of inspections, hotline tests, withdrawals, information sharing and dialogues."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import first_with, mentions_of

DAY = date(2007, 8, 16)


def test_an_undated_activity_in_the_simple_present_is_ongoing() -> None:
    attend = first_with(mentions_of("Georgian officers also attend U.S. staff colleges.", DAY), "attend")
    assert (attend.event_type, attend.status, attend.date_value) == ("PERSONNEL_EXCHANGE", "ongoing", None)


def test_a_planned_or_captioned_present_is_not_a_habit() -> None:
    planned = first_with(mentions_of("Two cadets will attend the course in May.", DAY), "attend")
    caption = first_with(
        mentions_of("Photo: Polish soldiers train with U.S. Marines at Drawsko.", DAY), "train"
    )
    assert planned.status == "planned"
    assert caption.status != "ongoing"


def test_the_purpose_of_a_movement_does_not_take_its_date_away() -> None:
    text = "A Mongolian company rotated in to guard a coalition base in Iraq earlier this month."
    rotation = first_with(mentions_of(text, DAY), "rotated")
    assert (rotation.event_type, rotation.date_value) == ("MILITARY_FORCE", "2007-08")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "A Russian team inspected missile silos at Malmstrom Air Force Base last week.",
            "inspected",
            "VISIT",
        ),
        ("The direct line between the two staffs was tested yesterday.", "tested", "PHONE_CALL"),
        ("Moscow withdrew its exchange officers in protest on Monday.", "withdrew", "SUSPENSION"),
        (
            "The two centers have exchanged notifications on missile launches since 2011.",
            "exchanged",
            "COOPERATION",
        ),
        (
            "The two sides held their annual defense policy dialogue in Hanoi on Monday.",
            "dialogue",
            "MEETING",
        ),
        ("Engineers will break ground tomorrow on a clinic in Darkhan.", "break ground", "COOPERATION"),
    ],
)
def test_more_wordings_of_contacts(text: str, word: str, expected: str) -> None:
    assert first_with(mentions_of(text, DAY), word).event_type == expected


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("We will test the line every Monday so the duty officers know the drill.", "JOINT_EXERCISE"),
        ("The admiral urged Beijing yesterday to pull its ships back to port.", "MILITARY_FORCE"),
        ("The treaty lets each side carry out short-notice inspections of the other's bases.", "VISIT"),
        ("Both sides stayed under the limits on deployed warheads by the Feb. 5 deadline.", "MILITARY_FORCE"),
        ("Photo: Sailors haul a raft aboard the rescue tug Kapitan Belov.", "COOPERATION"),
    ],
)
def test_look_alikes_of_events_are_not_events(text: str, not_type: str) -> None:
    assert not_type not in {m.event_type for m in mentions_of(text, DAY)}


def test_a_demand_in_one_clause_leaves_the_state_of_the_next_one() -> None:
    text = "He urged Moscow to pull back the troops it has massed near the border."
    massing = first_with(mentions_of(text, DAY), "massed")
    assert (massing.event_type, massing.status) == ("MILITARY_FORCE", "ongoing")


def test_an_offer_in_a_report_of_a_call_is_a_plan_made_that_day() -> None:
    text = (
        "Secretary Hall spoke by phone with Peru's defense minister this morning. Hall offered additional "
        "airlift and engineering teams."
    )
    offer = first_with(mentions_of(text, date(2010, 3, 5)), "offered")
    assert (offer.event_type, offer.status, offer.date_value) == ("COOPERATION", "planned", "2010-03-05")


def test_an_offer_in_the_present_perfect_keeps_no_date_of_the_passage() -> None:
    text = "Hall met the minister today. The United States has offered to share its downsizing expertise."
    offer = first_with(mentions_of(text, date(2010, 3, 5)), "offered")
    assert offer.date_value is None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Japan hosts about 50,000 U.S. troops.", "hosts", ("MILITARY_FORCE", "ongoing")),
        ("The two sides are negotiating an access agreement.", "negotiating", ("MEETING", "ongoing")),
        ("Talks ended Monday in Manila; the next is set for Washington.", "next", ("MEETING", "planned")),
    ],
)
def test_wordings_of_stationing_negotiation_series_and_assistance(
    text: str, word: str, expected: tuple[str, str]
) -> None:
    mention = first_with(mentions_of(text, DAY), word)
    assert (mention.event_type, mention.status) == expected


def test_a_verb_coordinated_under_a_plan_is_planned_but_a_past_one_is_not() -> None:
    mentions = mentions_of(
        "Hall will meet the minister this afternoon and dine tonight with the chief of staff. Kenya's "
        "minister said Nairobi would send 800 more troops in the coming weeks and called on other members to "
        "contribute helicopters.",
        DAY,
    )
    assert first_with(mentions, "dine").status == "planned"
    assert first_with(mentions, "called on").status != "planned"


def test_a_relative_clause_after_a_programs_object_dates_the_program() -> None:
    text = (
        "The officers discussed border security and a U.S. program to train Pakistan's Frontier Corps that "
        "is to start this summer."
    )
    program = first_with(mentions_of(text, date(2008, 2, 12)), "program")
    assert (program.status, program.date_value) == ("planned", "2008-SU")
