"""Dates told past wordings that look like another predicate (an idiom with "to", a saying before "after"),
and contacts told in the present tense: each text written for this test, through the whole per-document
analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import mentions_of


def test_face_to_face_is_no_infinitive_between_a_meeting_and_its_day() -> None:
    text = "They spoke by phone in late May, and they met face to face in Helsinki on June 24."
    met = [m for m in mentions_of(text, date(2009, 7, 6)) if m.trigger.text.startswith("met")][0]
    assert met.date_value == "2009-06-24", met.explanation


def test_a_meeting_the_speaker_came_from_is_dated_by_its_own_day_not_by_what_he_announced() -> None:
    text = (
        "WASHINGTON, Nov. 23, 2004 – Mongolia will send a third contingent of about 130 troops to Iraq in "
        "January, Mongolian Defense Minister Jugder Batbayar said after meeting with the deputy secretary of "
        "defense at the Pentagon this morning."
    )
    meeting = [m for m in mentions_of(text, date(2004, 11, 23)) if m.event_type == "MEETING"][0]
    assert (meeting.status, meeting.date_value) == ("occurred", "2004-11-23"), meeting.explanation


def test_sits_down_with_in_the_present_tense_is_a_meeting_of_its_day() -> None:
    text = "This afternoon he sits down with General Baranov, the chief of the Russian General Staff."
    meetings = [m for m in mentions_of(text, date(2009, 7, 6)) if m.event_type == "MEETING"]
    assert [m.trigger.text for m in meetings] == ["sits down with"]
    assert meetings[0].date_value.startswith("2009-07-06"), meetings[0].explanation
