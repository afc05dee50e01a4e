"""Trigger families, continued: what is asserted (questions, denials, plans), what dates an event, readouts,
transfers and training done together."""

from __future__ import annotations

import pytest

from tests.events.test_families import _extract


def test_questions_report_nothing() -> None:
    assert _extract("Q: Can you tell us about the exercise with Thailand?") == []


def test_the_content_of_a_denial_is_not_asserted() -> None:
    found = _extract("Moscow denied that Russian tanks had moved into the region.")
    assert [t for t, _, _ in found] == ["STATEMENT"]


def test_an_arms_sale_under_consideration_is_planned() -> None:
    assert _extract("Washington is considering the sale of Javelin missiles to Kiev.") == [
        ("COOPERATION", "sale of Javelin missiles", "planned")
    ]


def _dated(text: str) -> dict[str, str | None]:
    from datetime import date

    from pipeline.analyze import analyze
    from pipeline.model import Document

    document = Document(doc_id="t", source="t.txt", text=text, title=None, published=date(2016, 2, 11))
    return {m.trigger.text: m.date_value for m in analyze(document).event_mentions}


def test_a_later_coordinated_clause_and_the_passage_do_not_date_a_present_perfect() -> None:
    text = (
        "The drill began on Tuesday.\n"
        "The Thai government has also ordered four helicopters, and delivery is expected in 2017."
    )
    assert _dated(text)["ordered four helicopters"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The treaty entered into force in February 2011.",
            [("AGREEMENT", "entered into force", "occurred")],
        ),
        ("The Senate ratified the treaty.", [("AGREEMENT", "ratified the treaty", "occurred")]),
        (
            "The Navy will deploy a third carrier to the Pacific.",
            [("MILITARY_FORCE", "deploy a third carrier", "planned")],
        ),
        ("He was deployed as a personnel officer.", []),
        ("The committee approved the nomination on Thursday.", []),
        ("Washington ought to expand joint exercises with India.", []),
        ("McCain asked whether the Chinese navy had harassed U.S. ships.", []),
    ],
)
def test_agreement_steps_deployments_and_unasserted_wordings(text: str, expected: list) -> None:
    assert _extract(text) == expected


def test_a_noun_keeps_its_date_across_its_own_predicate_of_occurrence() -> None:
    assert _dated("Talks on an extension are due to begin in Geneva next month.") == {"Talks": "2016-03"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mattis spoke with Japanese Defense Minister Onodera today.", ["PHONE_CALL"]),
        ("Mattis spoke with reporters traveling with him.", []),
        ("Ashby visited Beijing for talks with his Chinese counterpart.", ["VISIT"]),  # talks: no call
    ],
)
def test_readout_calls(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in _extract(text)] == expected


def test_an_exercise_whose_stated_end_is_ahead_is_running_however_long_ago_it_began() -> None:
    from datetime import date

    from pipeline.analyze import analyze
    from pipeline.model import Document

    text = "Saber Strike 2018 kicked off June 3 and will end June 15."
    document = Document(doc_id="t", source="t.txt", text=text, title=None, published=date(2018, 6, 12))
    assert [m.status for m in analyze(document).event_mentions] == ["ongoing"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sale was followed by a $4.1 billion order for 10 C-17 airlifters.", "COOPERATION"),
        ("The navy received a new frigate from France.", "COOPERATION"),
        ("He gave a briefing on the missile defense system.", None),  # the equipment is no object
        ("She received an award from the tank battalion.", None),
        ("He delivered a speech on missiles.", None),
    ],
)
def test_transfers_need_the_equipment_as_their_object(text: str, expected: str | None) -> None:
    assert [t for t, _, _ in _extract(text)][:1] == ([expected] if expected else [])


def test_a_plan_told_after_a_long_noun_phrase_is_planned() -> None:
    text = "A visit to Hanoi by Defense Secretary Ashton Carter of the United States is planned for May."
    assert _extract(text) == [("VISIT", "visit", "planned")]
    assert _extract("The visit to Hanoi went well and more talks are planned.") == [
        ("VISIT", "visit", "occurred"),
        ("MEETING", "talks", "planned"),
    ]


def test_names_joined_by_and_inside_the_subject_do_not_end_it_before_its_verb() -> None:
    text = "Cadet exchanges between West Point and Russian military academies will restart as well."
    assert _extract(text) == [("PERSONNEL_EXCHANGE", "Cadet exchanges", "planned")]
    text = "Cadet exchanges between the academies went well, and the ships will sail next year."
    assert ("PERSONNEL_EXCHANGE", "Cadet exchanges", "occurred") in _extract(text)


def test_programs_and_budgets_of_aid_are_no_events() -> None:
    assert _extract("The budget includes funding for security assistance programs.") == []


def test_a_line_of_its_own_without_a_final_stop_is_a_headline() -> None:
    text = (
        "Chinese, Russian navies begin joint drill in Sea of Japan\nThe navies began a joint drill on Monday."
    )
    assert [trigger for _, trigger, _ in _extract(text)] == ["began a joint drill"]
    # a bullet item without a stop is still read
    assert _extract("- a joint exercise in the Black Sea") == [("JOINT_EXERCISE", "exercise", "occurred")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marines from both countries completed two weeks of bilateral training.", ["JOINT_EXERCISE"]),
        ("They opened a joint training center.", ["COOPERATION"]),  # a body set up, not an exercise
    ],
)
def test_training_done_together_is_an_exercise(text: str, expected: list[str]) -> None:
    assert [t for t, _, _ in _extract(text)] == expected


def test_a_future_host_receives_a_planned_visit() -> None:
    assert _extract("Next week I'll host the Japanese defense minister at the Pentagon.") == [
        ("VISIT", "host the Japanese defense minister", "planned")
    ]
