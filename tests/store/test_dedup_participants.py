"""Dedup within one article: who goes where and who meets whom keep apart events of one type and date."""

from __future__ import annotations

from datetime import date

from pipeline.dedup import deduplicate
from pipeline.model import ActorRole
from tests.store.builders import GATES, MAKAROV, SERDYUKOV, analysis, day, document, mention

PUB = date(2010, 9, 15)
BELGIUM = ActorRole("belgium", "Belgium", "country", "BEL", None, "recipient")
GEORGIA = ActorRole("georgia", "Georgia", "country", "GEO", None, "recipient")
RUSSIA = ActorRole("russia", "Russia", "country", "RUS", None, "recipient")
NATO = ActorRole("nato", "NATO", "org", "IGO", None, "recipient")
ALLIANCE = ActorRole("nato", "NATO", "org", "IGO", None, "actor")
WING = ActorRole("2nd-bomb-wing", "2nd Bomb Wing", "org", "USA", "MIL", "recipient")


def _month(text: str) -> dict:
    y, m = map(int, text.split("-"))
    end = date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return {"value": text, "start": date(y, m, 1), "end": date.fromordinal(end), "precision": "month"}


def _sentences(events) -> list[set[str]]:
    return sorted(({m.sentence.text for m in e.mentions} for e in events), key=lambda s: sorted(s))


def test_a_day_visit_to_another_country_is_not_part_of_the_month_long_trip():
    s1 = "Gates traveled to Belgium and Russia in March."
    s2 = "He visited Tbilisi, Georgia, on March 12."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "traveled", "VISIT", actors=(GATES, BELGIUM, RUSSIA), **_month("2010-03")),
                mention(d, s2, "visited", "VISIT", actors=(GATES, GEORGIA), **day("2010-03-12")),
            )
        ]
    )
    assert len(events) == 2
    assert {e.precision for e in events} == {"month", "day"}


def test_a_day_visit_to_a_country_of_the_trip_stays_part_of_it():
    s1 = "Gates traveled to Belgium and Russia in March."
    s2 = "In Moscow on March 12 he visited Serdyukov."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "traveled", "VISIT", actors=(GATES, BELGIUM, RUSSIA), **_month("2010-03")),
                mention(d, s2, "visited", "VISIT", actors=(GATES, SERDYUKOV), **day("2010-03-12")),
            )
        ]
    )
    assert len(events) == 1


def test_a_visit_that_refers_back_joins_even_with_the_party_as_recipient():
    s1 = "Gates visited Russia last month."
    s2 = "Four officers of the 2nd Bomb Wing made the trip."
    d = document(f"{s1} {s2}", PUB)
    when = _month("2010-08")
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "visited", "VISIT", actors=(GATES, RUSSIA), **when),
                mention(d, s2, "made the trip", "VISIT", actors=(WING,), **when, date_source="passage"),
            )
        ]
    )
    assert len(events) == 1


def test_an_undated_attack_does_not_end_an_ongoing_campaign():
    s1 = "NATO has run the air campaign since March 31."
    s2 = "The depot had been used to coordinate rocket attacks on the town."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "air campaign", "MILITARY_FORCE", "ongoing", (ALLIANCE,), **day("2010-03-31")),
                mention(d, s2, "attacks", "MILITARY_FORCE", "occurred", (ALLIANCE,)),
            )
        ]
    )
    assert len(events) == 2
    campaign = next(e for e in events if e.mentions[0].trigger.text == "air campaign")
    assert campaign.status == "ongoing"


def test_a_report_with_the_same_word_may_still_update_the_status():
    s1 = "The planned exercise is scheduled for Sept. 20."
    s2 = "The exercise was cancelled on Sept. 10."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "exercise", "JOINT_EXERCISE", "planned", **day("2010-09-20")),
                mention(d, s2, "exercise", "JOINT_EXERCISE", "cancelled"),
            )
        ]
    )
    assert len(events) == 1 and events[0].status == "cancelled"


def test_the_alliance_meeting_and_a_bilateral_meeting_of_the_same_day_are_two_events():
    s1 = "Gates attended the meeting of NATO defense chiefs today."
    s2 = "His first engagement was a meeting with Serdyukov today."
    d = document(f"{s1} {s2}", PUB)
    when = day("2010-09-15")
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "meeting", "MEETING", actors=(GATES, NATO), **when),
                mention(d, s2, "meeting", "MEETING", actors=(GATES, SERDYUKOV), **when),
            )
        ]
    )
    assert _sentences(events) == [{s2}, {s1}] or _sentences(events) == [{s1}, {s2}]


def test_one_minister_meeting_two_counterparts_holds_two_meetings():
    s1 = "Gates met Serdyukov at the ministry today."
    s2 = "He met Makarov at the general staff headquarters today."
    d = document(f"{s1} {s2}", PUB)
    when = day("2010-09-15")
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "met", "MEETING", actors=(GATES, SERDYUKOV), **when),
                mention(d, s2, "met", "MEETING", actors=(GATES, MAKAROV), **when),
            )
        ]
    )
    assert len(events) == 2


def test_the_counterpart_named_as_actor_is_still_the_same_meeting():
    s1 = "Gates met Serdyukov at the ministry today."
    s2 = "Serdyukov told Gates at the meeting that the talks had been useful."
    d = document(f"{s1} {s2}", PUB)
    when = day("2010-09-15")
    swapped = (
        ActorRole(SERDYUKOV.actor_id, SERDYUKOV.name, "person", "RUS", "GOV", "actor"),
        ActorRole(GATES.actor_id, GATES.name, "person", "USA", "GOV", "recipient"),
    )
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "met", "MEETING", actors=(GATES, SERDYUKOV), **when),
                mention(d, s2, "meeting", "MEETING", actors=swapped, **when),
            )
        ]
    )
    assert len(events) == 1


def test_a_finer_dated_exercise_in_another_country_is_not_the_month_long_one():
    s1 = "U.S. and Russian troops trained together in Russia in March."
    s2 = "A drill with Georgian forces took place on March 12."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "trained", "JOINT_EXERCISE", actors=(GATES, RUSSIA), **_month("2010-03")),
                mention(d, s2, "drill", "JOINT_EXERCISE", actors=(GATES, GEORGIA), **day("2010-03-12")),
            )
        ]
    )
    assert len(events) == 2
