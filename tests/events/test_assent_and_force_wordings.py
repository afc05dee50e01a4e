"""Assent, force, statements, posts and help told in other words than the common ones (a tester's probe
sentences of session 9 found them missing): each sentence written for this test, through the whole
per-document analysis. The trigger must start at the expected word, so a neighbouring rule cannot pass."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import mentions_of

DAY = date(2012, 4, 18)


@pytest.mark.parametrize(
    ("text", "expected", "first_word"),
    [
        (
            "The Serbian minister consented on Monday to place a battalion under NATO command.",
            "AGREEMENT",
            "consented",
        ),
        ("Negotiators came to terms Friday on a five-year basing arrangement.", "AGREEMENT", "came"),
        ("Kazakhstan gave the green light yesterday for 300 transit flights a year.", "AGREEMENT", "gave"),
        ("Norway accepted a U.S. proposal to store Marine Corps gear in its caves.", "AGREEMENT", "accepted"),
        (
            "The two ministers countersigned the logistics memorandum at the ministry on Tuesday.",
            "AGREEMENT_SIGNED",
            "countersigned",
        ),
        (
            "The two ministers put their signatures to a 10-year framework at the Pentagon yesterday.",
            "AGREEMENT_SIGNED",
            "put",
        ),
        (
            "The sides formalized their cooperation in a memorandum countersigned Tuesday at the ministry.",
            "AGREEMENT_SIGNED",
            "memorandum",
        ),
        (
            "Syrian air defenses downed a Turkish reconnaissance jet over the Mediterranean on Friday.",
            "MILITARY_FORCE",
            "downed",
        ),
        (
            "Two Canadian CF-18s escorted three Russian bombers out of the identification zone on Monday.",
            "MILITARY_FORCE",
            "escorted",
        ),
        (
            "Rebel columns took the river town of Kramatorsk after two days of shelling.",
            "MILITARY_FORCE",
            "took",
        ),
        (
            "The allies launched 40 cruise missiles against air bases in the north last night.",
            "MILITARY_FORCE",
            "launched",
        ),
        (
            "Coalition aircraft struck air defenses and barracks near the capital on Sunday.",
            "MILITARY_FORCE",
            "struck",
        ),
        (
            "The Georgian minister pleaded with the visiting senators for radars and night-vision gear.",
            "STATEMENT",
            "pleaded",
        ),
        (
            "The ambassador pinned the Legion of Merit on the Mongolian general at a ceremony Friday.",
            "STATEMENT",
            "pinned",
        ),
        (
            "The minister telephoned the Pentagon to offer condolences for the victims of the crash.",
            "STATEMENT",
            "offer",
        ),
        (
            "A Polish colonel reported for duty Monday as Warsaw's liaison officer at the command.",
            "PERSONNEL_EXCHANGE",
            "reported",
        ),
        (
            "Army engineers and Ghanaian soldiers dedicated a new village school near Tamale on Friday.",
            "COOPERATION",
            "dedicated",
        ),
        (
            "Navy doctors saw more than 2,000 patients at the clinic during the ship's visit.",
            "COOPERATION",
            "saw",
        ),
        (
            "A Coast Guard cutter plucked nine Japanese fishermen from a sinking trawler on Sunday.",
            "COOPERATION",
            "plucked",
        ),
        (
            "A C-130 crew dropped two pumps to the disabled freighter west of Attu on Tuesday.",
            "COOPERATION",
            "dropped",
        ),
        (
            "Indonesian and American staffs began a five-day computer-assisted war game on Monday.",
            "JOINT_EXERCISE",
            "began",
        ),
    ],
)
def test_an_unusual_wording_is_found_with_its_type(text: str, expected: str, first_word: str) -> None:
    found = [(m.event_type, m.trigger.text.split()[0]) for m in mentions_of(text, DAY)]
    assert (expected, first_word) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Russian helicopters hoisted mock survivors from the water during the drill.",
        "The visitors watched a division staff work through a computer-driven war game.",
        "The team took part in the ceremony and took command of the battalion on Friday.",
    ],
)
def test_look_alikes_of_those_wordings_are_not_these_events(text: str) -> None:
    kinds = {(m.event_type, m.trigger.text.split()[0]) for m in mentions_of(text, DAY)}
    assert not kinds & {("COOPERATION", "hoisted"), ("JOINT_EXERCISE", "war"), ("MILITARY_FORCE", "took")}
