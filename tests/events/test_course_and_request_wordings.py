"""Training courses taught for another army, civic works opened, combat sorties, requests and invitations put
to someone named, and a document's signing told after a phrase about it (a tester's probe passages of
session 10 found them missing): each sentence written for this test, through the whole per-document
analysis. The trigger must start at the expected word, so a neighbouring rule cannot pass."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import mentions_of

DAY = date(2015, 9, 23)


@pytest.mark.parametrize(
    ("text", "expected", "first_word"),
    [
        (
            "Green Berets wrapped up an eight-week course for a Malian commando company on Friday.",
            "COOPERATION",
            "wrapped",
        ),
        (
            "A Navy diving team opened a two-week course for 30 Sri Lankan sailors in Trincomalee yesterday.",
            "COOPERATION",
            "opened",
        ),
        (
            "Navy Seabees and Beninese engineers opened a three-room clinic near Cotonou on Thursday.",
            "COOPERATION",
            "opened",
        ),
        (
            "A Dutch F-16 detachment flew its first combat sorties over Mali on Tuesday.",
            "MILITARY_FORCE",
            "flew",
        ),
        ("A second Marine team will train a Ugandan engineer battalion in October.", "COOPERATION", "train"),
        (
            "Navy Seahawks delivered the first 22 tons of relief supplies to Tacloban on Sunday.",
            "COOPERATION",
            "delivered",
        ),
        (
            "The minister placed the first call over the new hotline to his Chinese counterpart on Friday.",
            "PHONE_CALL",
            "placed",
        ),
        ("Negotiators initialed the text on Monday; it is to be signed in June.", "AGREEMENT_SIGNED", "be"),
        ("Nepal's army asked the Americans for four more helicopters on Monday.", "STATEMENT", "asked"),
        ("The Chilean admiral asked that the exchange be doubled next year.", "STATEMENT", "asked"),
        ("The Vietnamese governor has asked the hospital ship to come back in 2017.", "INVITATION", "asked"),
        (
            "The accord drafted by the two staffs was signed in Hanoi on Sept. 2 by the deputy ministers.",
            "AGREEMENT_SIGNED",
            "accord",
        ),
    ],
)
def test_the_wording_is_found_with_its_type(text: str, expected: str, first_word: str) -> None:
    found = [(m.event_type, m.trigger.text.split()[0]) for m in mentions_of(text, DAY)]
    assert (expected, first_word) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "When asked for comment, the embassy declined to discuss the sale.",
        "The cadets began a three-week English course at Lackland on Monday.",
        "Reporters asked about the exercise for the third time, but the spokesman said nothing new.",
        "The minister made repeated calls for restraint along the border.",
    ],
)
def test_look_alikes_draw_no_request_and_no_training_aid(text: str) -> None:
    kinds = {(m.event_type, m.trigger.text.split()[0]) for m in mentions_of(text, DAY)}
    assert not kinds & {
        ("STATEMENT", "asked"),
        ("STATEMENT", "When"),
        ("COOPERATION", "began"),
        ("PHONE_CALL", "made"),
    }, kinds
