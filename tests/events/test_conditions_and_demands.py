"""What a clause states without asserting it happened: a condition or a future told in the present after
"until", "unless", "once"; what one side urges or demands of the other; an agreement still being
negotiated. Each text written for this test,
through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import first_with, mentions_of


def _triggers(text: str, published: date | None = date(2011, 5, 4)) -> list[str]:
    return [m.trigger.text for m in mentions_of(text, published)]


def test_a_present_verb_after_until_unless_or_once_is_a_condition_not_a_report() -> None:
    text = (
        "Joint patrols will stay suspended until Belgrade withdraws its forces from the zone, an official "
        "said. The drills resume only once the government recalls its troops."
    )
    assert not any("withdraws" in t or "recalls" in t for t in _triggers(text))


def test_a_past_verb_after_until_is_reported_and_dated() -> None:
    text = "The observers stayed in the town until the government withdrew its forces last week."
    withdrawn = [m for m in mentions_of(text, date(2011, 5, 4)) if "withdrew" in m.trigger.text]
    assert withdrawn and withdrawn[0].status == "occurred"


def test_what_one_side_urges_or_demands_of_the_other_is_no_event() -> None:
    text = (
        "We urge Moscow to pull its forces back to their bases. The minister called on Russia to withdraw "
        "its troops, and allies demand that Russia withdraws its troops."
    )
    assert not any("pull" in t or "withdraw" in t for t in _triggers(text))


def test_what_one_side_refuses_to_let_the_other_do_is_no_event() -> None:
    text = "The junta has so far refused to allow U.S. military aircraft to deliver aid to flood victims."
    assert not any("deliver" in t for t in _triggers(text))


def test_an_agreement_being_negotiated_is_talks_going_on_not_an_agreement_or_the_support_it_covers() -> None:
    text = "The two navies are also negotiating a medical support agreement that may be ready soon."
    mentions = mentions_of(text, date(2011, 5, 4))
    assert [(m.event_type, m.status) for m in mentions] == [("MEETING", "ongoing")]


def test_an_agreement_under_negotiation_told_as_a_topic_is_no_agreement_yet() -> None:
    text = "The U.S. and Ghana have begun negotiations on a status of forces agreement, officials said today."
    mentions = mentions_of(text, date(2017, 11, 9))
    assert [m.event_type for m in mentions] == ["MEETING"]


def test_overflight_rights_offered_are_an_offer_not_an_overflight_and_what_they_are_for_is_no_event() -> None:
    text = "Minister Ivanov has offered overflight rights for humanitarian flights."
    mentions = mentions_of(text, date(2001, 10, 3))
    assert [(m.event_type, m.status) for m in mentions] == [("COOPERATION", "planned")]


def test_a_meeting_now_in_doubt_is_still_a_plan_and_now_is_not_its_date() -> None:
    text = (
        "Haley had been scheduled to meet the Serbian minister in Belgrade next month; that meeting is now "
        "unlikely, officials said."
    )
    doubted = [m for m in mentions_of(text, date(1999, 3, 25)) if m.trigger.text == "meeting"]
    assert [(m.status, m.date_value) for m in doubted] == [("planned", None)]


def test_plans_for_a_joint_event_that_were_dropped_are_a_plan_cancelled_not_a_topic() -> None:
    text = "Plans for a joint concert last year were dropped when the band's travel budget was cut."
    mentions = mentions_of(text, date(2010, 4, 27))
    assert [(m.status, m.date_value) for m in mentions] == [("cancelled", "2009")]


def test_what_is_done_rather_than_or_instead_of_something_else_is_not_that_else() -> None:
    text = "Our medics should rehearse together now rather than meet for the first time at a disaster site."
    assert not any(m.event_type == "MEETING" for m in mentions_of(text, date(2003, 9, 23)))


def test_a_noun_whose_predicate_past_a_coordination_cancels_it_is_cancelled() -> None:
    text = (
        "A live-fire exercise for the Ohio trainers and the Serbian graduates, planned as the course's final "
        "event, was canceled after heavy rain flooded the range."
    )
    exercise = [m for m in mentions_of(text, date(2007, 10, 19)) if m.trigger.text == "exercise"]
    assert [m.status for m in exercise] == ["cancelled"]


def test_a_visit_an_invitation_from_someone_asks_for_is_planned_and_lies_ahead() -> None:
    text = "The general accepted an invitation from the Polish academy's commandant to visit it in the fall."
    visit = [m for m in mentions_of(text, date(2010, 3, 3)) if m.event_type == "VISIT"]
    assert [(m.status, m.date_value) for m in visit] == [("planned", "2010-FA")]


def test_an_exercise_postponed_that_will_now_take_place_later_is_planned_at_its_new_date() -> None:
    text = "Exercise Bold Quest, postponed from the spring, will now take place in February."
    statuses = {(m.status, m.date_value) for m in mentions_of(text, date(2010, 11, 10))}
    assert statuses == {("planned", "2011-02")}


def test_a_threatened_withdrawal_and_a_rumoured_summit_are_no_events() -> None:
    text = (
        "Moscow threatened Wednesday to pull out of the treaty if the interceptors are deployed. Rumors of a "
        "summit in Sochi next week are false, a spokesman said."
    )
    kinds = [m.event_type for m in mentions_of(text, date(2008, 4, 2))]
    assert "SUSPENSION" not in kinds and "MEETING" not in kinds


def test_a_treaty_one_side_never_signed_is_no_signing() -> None:
    text = "The treaty, which Moscow never signed, bans the mines."
    assert not any(m.event_type == "AGREEMENT_SIGNED" for m in mentions_of(text, date(2010, 4, 9)))


def test_an_invitation_withdrawn_or_declined_cancels_it_or_what_it_invited_to() -> None:
    text = (
        "Moscow withdrew its invitation to NATO observers on Monday. The minister has declined an invitation "
        "to attend the conference next month."
    )
    mentions = mentions_of(text, date(2019, 6, 12))
    withdrawn = first_with(mentions, "withdrew")
    assert (withdrawn.status, withdrawn.date_value) == ("cancelled", "2019-06-10")
    assert first_with(mentions, "attend").status == "cancelled"


def test_what_one_side_does_not_want_the_other_to_do_is_no_event() -> None:
    text = "Ivanov said Moscow does not want the United States to withdraw from the 1972 ABM Treaty."
    assert not any(m.event_type == "SUSPENSION" for m in mentions_of(text, date(2001, 8, 13)))


def test_a_visit_postponed_twice_that_finally_took_place_occurred() -> None:
    text = "Last year's visit to Hanoi by Gen. Hale, postponed twice, finally took place in November."
    statuses = {m.status for m in mentions_of(text, date(2012, 2, 16))}
    assert statuses == {"occurred"}


@pytest.mark.parametrize(
    "text",
    [
        "If North Korea conducts another nuclear test, the allies would consider suspending all contacts.",
        "Whether the two navies will hold another exercise depends on the election.",
        "The report recommends that the Pentagon expand its training programs for Iraqi forces.",
        "Neither side has proposed a new round of defense consultations.",
        "Reports of a new round of talks in Geneva were premature.",
        "Exercises such as Cobra Gold help build interoperability.",
    ],
)
def test_a_condition_a_question_a_recommendation_or_a_class_asserts_no_event(text: str) -> None:
    assert _triggers(text) == []


def test_what_someone_may_do_is_a_possible_plan_but_may_be_or_might_be_asserts_nothing() -> None:
    visit = mentions_of("Hagel may visit India in the fall.", date(2014, 4, 1))
    assert [(m.event_type, m.status) for m in visit] == [("VISIT", "planned")]
    assert _triggers("Something new might be a new agreement on limiting weapons.") == []
