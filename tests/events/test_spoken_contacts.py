"""Contacts told in spoken, caption and readout wordings (calls by phone, an official who "was in" or "will
be at" a place, guests greeted or hosted for talks, delegations sent or led), and the settings of a sentence
that are no contact of their own. Each sentence written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import mentions_of

DAY = date(2012, 6, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers discussed missile defense on the phone Tuesday.", "PHONE_CALL"),
        ("Secretary Hale was in Jakarta in January.", "VISIT"),
        ("The general briefed his Indian counterpart on the missile defense plan on Monday.", "MEETING"),
        ("The Thai chief of staff will lead a delegation to Washington next month.", "VISIT"),
        ("The Pentagon will send a delegation to Hanoi next month.", "VISIT"),
        ("The secretary said he hoped to travel there next year.", "VISIT"),
        ("Polish paratroopers jumped alongside U.S. soldiers at Fort Bragg on Thursday.", "JOINT_EXERCISE"),
        ("Minister Purnomo will be here on Tuesday.", "VISIT"),
        ("The Indonesian minister will be at the Pentagon on Tuesday.", "VISIT"),
        ("Secretary Hale returned from New Delhi on Tuesday.", "VISIT"),
        ("We flew into Ulaanbaatar on Sunday morning.", "VISIT"),
        ("Secretary Hale greeted Gen. Lee Sun-jin at the Pentagon on Tuesday.", "MEETING"),
        ("Hale shook hands with Gen. Lee before their talks.", "MEETING"),
        ("On June 14, Secretary Hale called South Korean Defense Minister Song Young-moo.", "PHONE_CALL"),
        ("The two leaders discussed the drills in their call on Friday.", "PHONE_CALL"),
        ("The two chiefs talked over the phone on Monday about Syria.", "PHONE_CALL"),
        ("The next day he called NATO Secretary-General Jens Stoltenberg.", "PHONE_CALL"),
        ("Rumsfeld spent Christmas Eve with troops in Mosul.", "VISIT"),
        ("Georgian Defense Minister Bacho Akhalaia will be in Washington on Tuesday.", "VISIT"),
        ('"I\'ll be in Beijing next week," the admiral told reporters Friday.', "VISIT"),
        ("The Kazakh peacekeeping unit deployed to Iraq on Aug. 16, 2003.", "MILITARY_FORCE"),
        ("So Minister Thanh and I finally sat down here in Honolulu today.", "MEETING"),
        ("The secretary called the Russian minister on Monday.", "PHONE_CALL"),
        ("Last Tuesday's call between the two chiefs focused on Syria.", "PHONE_CALL"),
        ("Hagel leaves tomorrow for Brunei.", "VISIT"),
        ("Defense Secretary William J. Perry is in Moscow this week.", "VISIT"),
        ("Rumsfeld returned here today from a three-day swing through Central Asia.", "VISIT"),
        ("He will attend the ASEAN Defense Ministers' Meeting-Plus on Thursday.", "MEETING"),
        ("Austin hosted an enhanced honor cordon for Japanese Defense Minister Kishi today.", "VISIT"),
        ("Carter addressed the Shangri-La Dialogue in Singapore on Saturday.", "MEETING"),
        ("The chairman received a briefing from Georgian commanders on Sunday.", "MEETING"),
        ("U.S. and Kazakh special forces completed a two-week training event near Almaty.", "JOINT_EXERCISE"),
        ("Gates telephoned the Chinese defense minister yesterday to discuss the collision.", "PHONE_CALL"),
        ("He arrives next Tuesday, and the two ministers will sit down the following day.", "MEETING"),
    ],
)
def test_a_spoken_or_caption_wording_of_a_contact_is_found_with_its_type(text: str, expected: str) -> None:
    found = [(m.event_type, m.trigger.text) for m in mentions_of(text, DAY)]
    assert any(kind == expected for kind, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Gen. Ray Holt, the Pacific Air Forces commander, hosted the Thai air chief, Air Chief "
        "Marshal Somchai Prasert, for talks on airlift.",
        "The defense secretary hosted Indonesia's minister of defense at the Pentagon today for talks.",
        "The destroyer's captain hosted the Kenyan navy commander aboard for a reception on Friday.",
    ],
)
def test_a_guest_hosted_for_talks_is_a_meeting_not_a_visit(text: str) -> None:
    found = [(m.event_type, m.trigger.text) for m in mentions_of(text, DAY)]
    hosted = [kind for kind, trigger in found if trigger.startswith("hosted")]
    assert hosted == ["MEETING"], found
    assert "VISIT" not in {kind for kind, _ in found}, found


def test_a_dinner_or_reception_told_as_the_setting_of_the_sentence_is_no_meeting_of_its_own() -> None:
    text = "At a dinner Monday, the Russian general invited the U.S. commander to watch a field exercise."
    assert not [m for m in mentions_of(text, DAY) if m.trigger.text in ("dinner", "reception")]


def test_being_in_touch_is_no_trip() -> None:
    assert mentions_of("I'll be in touch with the minister next week.", DAY) == []


def test_sitting_down_alone_is_no_meeting() -> None:
    assert mentions_of("Please sit down, the briefer said on Tuesday.", DAY) == []


def test_one_units_training_event_is_no_exercise_with_a_partner() -> None:
    assert mentions_of("The battalion held a training event at Fort Hood on Tuesday.", DAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Putin's call for calm went unheeded on Tuesday.",
        "Pierce Bay moored at Kilindini Harbour June 17, the ship's first call in Kenya since 2001.",
    ],
)
def test_a_call_for_something_or_a_ships_call_in_a_port_is_no_phone_call(text: str) -> None:
    assert all(m.event_type != "PHONE_CALL" for m in mentions_of(text, DAY))


def test_a_ship_sailing_for_a_sea_visits_no_place() -> None:
    text = "The frigate will sail tomorrow for the Gulf of Finland to exercise with the Russian navy."
    assert all(m.event_type != "VISIT" for m in mentions_of(text, DAY))
