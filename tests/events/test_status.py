"""Status of a mention from the cues of its clause; the trigger is marked [like this]."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.events.status import SKIP, decide_status, is_future_wording, status_cues
from tests.events.analysed import first_with, mentions_of


def status(marked: str, has_set: bool = False) -> str:
    before, rest = marked.split("[", 1)
    trigger, after = rest.split("]", 1)
    return decide_status(before, trigger, after, status_cues(), has_set)


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("Gates last [visited] Russia in March 2008", "occurred"),
        ("Serdyukov also will [tour] the U.S. Naval Academy", "planned"),
        ("Serdyukov plans to [tour] Fort Belvoir", "planned"),
        ("The sub-working group is scheduled to [meet] in Moscow", "planned"),
        ("the leaders agreed to resume bilateral military [exercises]", "planned"),
        ("the need [to meet] again", "planned"),
        ("This year's [exercise] will consist of two flights", "planned"),
        ("he and Serdyukov will [meet] at least once a year", "recurring"),
        ("The ministers hold annual [talks]", "recurring"),
        ("We [meet] frequently", "recurring"),
        ("The two have [met] several times", "recurring"),
        ("The two military leaders have [spoken by phone] since Milley took office", "recurring"),
        ("the first time a Russian defense minister has [visited] the Pentagon since 2005", "occurred"),
        ("Last year's [exercise] was cancelled", "cancelled"),
        ("Seoul has called off a joint [exercise]", "cancelled"),
        ("the Navy is [cooperating] with its Russian counterpart", "ongoing"),
        ("Russia still [occupies] two provinces", "ongoing"),
        ("ways in which we can [cooperate]", SKIP),
        ("Ivanov did not [meet] the press", SKIP),
        ("Something new might be a new [agreement]", SKIP),
        ("The cruiser was to have [visited] Manila", "cancelled"),
        ("They suspended all planning activities for the Ulchi Freedom Guardian [exercise]", "cancelled"),
        ("The brigade had been due to go to Latvia and to [train] with Latvian troops", "cancelled"),
        ("the [negotiations] are due to conclude in June", "ongoing"),
        ("the [talks] continue in Geneva", "ongoing"),
        ("Her [visit] was to continue a dialogue begun in May", "occurred"),
    ],
)
def test_status_cues(marked: str, expected: str) -> None:
    assert status(marked) == expected


@pytest.mark.parametrize(
    ("marked", "event_type", "expected"),
    [
        # The trigger opens the "since" clause: the start of the period, not a series.
        ("prices have doubled since the army [invaded] the north", "MILITARY_FORCE", "ongoing"),
        ("Since Moscow [froze] the talks in May, neither side has proposed a date", "SUSPENSION", "ongoing"),
        ("Exports had fallen since the rebels [attacked] the port", "MILITARY_FORCE", "occurred"),
        ("Trade has grown since the two leaders [met] in Hanoi", "MEETING", "occurred"),
        # The perfect governs the trigger itself: a series.
        ("Since 2011, the two navies have [held] joint patrols", "JOINT_EXERCISE", "recurring"),
    ],
)
def test_since_clauses(marked: str, event_type: str, expected: str) -> None:
    before, rest = marked.split("[", 1)
    trigger, after = rest.split("]", 1)
    assert decide_status(before, trigger, after, status_cues(), False, event_type, True) == expected


def test_a_frequency_in_the_complement_belongs_to_the_complement() -> None:
    before, trigger, after = "The chiefs ", "decided", " to hold staff talks twice a year"
    assert decide_status(before, trigger, after, status_cues(), False, "AGREEMENT", True) == "occurred"
    assert decide_status(before, trigger, after, status_cues(), False, "AGREEMENT", False) == "recurring"


def test_a_set_expression_makes_it_recurring() -> None:
    assert status("the chiefs [meet] every spring", has_set=True) == "recurring"


@pytest.mark.parametrize(
    ("wording", "future"),
    [
        ("tomorrow", True),
        ("later this summer", True),
        ("next week", True),
        ("last year", False),
        ("today", False),
    ],
)
def test_future_wording_of_a_date(wording: str, future: bool) -> None:
    assert is_future_wording(wording, status_cues()) is future


@pytest.mark.parametrize(
    "text",
    [
        "Hagel might visit India in the fall.",
        "The two navies could hold their first joint patrol as early as next month.",
        "The two sides might sign a memorandum of understanding in November.",
    ],
)
def test_what_might_or_could_happen_is_a_possible_plan(text: str) -> None:
    assert {m.status for m in mentions_of(text, date(2014, 6, 2))} == {"planned"}


def test_a_visit_still_being_planned_is_a_plan_and_talk_of_one_is_no_event() -> None:
    planned = mentions_of("A visit to Washington by the Chinese minister is being planned.", date(2014, 6, 2))
    assert [m.status for m in planned] == ["planned"]
    assert mentions_of("Talk of a Mattis visit to Hanoi this spring is premature.", date(2018, 1, 5)) == []
    assert mentions_of("Reports of a visit by the minister are premature.", date(2018, 1, 5)) == []


def test_the_call_an_agreement_was_reached_in_is_no_plan_of_it() -> None:
    text = "Trump and Moon agreed to the delay in a phone call last night."
    call = first_with(mentions_of(text, date(2018, 1, 5)), "phone call")
    assert (call.status, call.date_value) == ("occurred", "2018-01-04")


def test_the_occasion_a_plan_was_made_at_is_no_plan() -> None:
    text = "Next year's drill was planned at a conference in Dakar in January, officials said."
    conference = first_with(mentions_of(text, date(2017, 4, 21)), "conference")
    assert (conference.status, conference.date_value) == ("occurred", "2017-01"), conference.explanation
