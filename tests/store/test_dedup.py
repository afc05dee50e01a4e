"""Dedup: one event per happening, however many sentences and articles state it."""

from __future__ import annotations

import hashlib
from datetime import date

from pipeline.dedup import deduplicate
from tests.store.builders import GATES, MAKAROV, RUSSIA, SERDYUKOV, analysis, day, document, mention

PUB = date(2010, 9, 15)


def _events_with(events, word):
    return [e for e in events if any(word in m.sentence.text for m in e.mentions)]


def test_same_sentence_in_two_articles_is_one_event_with_two_documents():
    s = "The leaders signed a memo outlining the relationship, officials said today."
    a = document("Headline.\n\n" + s, PUB, "a.txt")
    b = document("Other headline.\n\n" + s + "\n\nMore text.", PUB, "b.txt")
    events = deduplicate(
        [
            analysis(x, mention(x, s, "signed", "AGREEMENT_SIGNED", **day("2010-09-15"), date_text="today"))
            for x in (a, b)
        ]
    )
    assert len(events) == 1
    assert events[0].n_docs == 2 and len(events[0].mentions) == 2


def test_undated_copy_joins_the_dated_original():
    s = "They also signed an agreement creating a defense relations working group."
    a = document("A.\n\n" + s, PUB, "a.txt")
    b = document("B.\n\n" + s, None, "b.txt")
    events = deduplicate(
        [
            analysis(
                a, mention(a, s, "signed", "AGREEMENT_SIGNED", **day("2010-09-15"), date_source="passage")
            ),
            analysis(b, mention(b, s, "signed", "AGREEMENT_SIGNED")),
        ]
    )
    assert len(events) == 1
    assert events[0].date_value == "2010-09-15" and events[0].n_docs == 2


def test_also_signed_starts_a_second_agreement_in_the_same_article():
    s1 = "The leaders signed a memo outlining the military relationship."
    s2 = "They also signed an agreement creating a defense relations working group."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "signed", "AGREEMENT_SIGNED", **day("2010-09-15"), date_source="passage"),
                mention(d, s2, "signed", "AGREEMENT_SIGNED", **day("2010-09-15"), date_source="passage"),
            )
        ]
    )
    assert len(events) == 2


def test_two_triggers_in_one_sentence_are_two_events_and_a_back_reference_joins_the_right_one():
    s1 = "Gates hosted five hours of meetings with Serdyukov today, followed by a private riverboat dinner."
    s2 = "Today's meetings went a long way to re-establish military ties."
    d = document(f"{s1} {s2}", PUB)
    when = day("2010-09-15")
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "meetings", "MEETING", **when, date_text="today"),
                mention(d, s1, "dinner", "MEETING", **when, date_text="today"),
                mention(d, s2, "meetings", "MEETING", actors=(), **when, date_text="Today"),
            )
        ]
    )
    assert len(events) == 2
    dinner = next(e for e in events if e.mentions[0].trigger.text == "dinner")
    meetings = next(e for e in events if e.mentions[0].trigger.text == "meetings")
    assert len(dinner.mentions) == 1 and len(meetings.mentions) == 2


def test_undated_planned_tour_of_another_place_does_not_inherit_the_date():
    s1 = "Serdyukov plans to tour Fort Belvoir, Va., tomorrow, and will tour the privately owned billets."
    s2 = "Serdyukov also will tour the U.S. Naval Academy in Annapolis, Md."
    d = document(f"{s1} {s2}", PUB)
    who = (SERDYUKOV,)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "tour", "VISIT", "planned", who, **day("2010-09-16"), date_text="tomorrow"),
                mention(
                    d, s1, "will tour", "VISIT", "planned", who, **day("2010-09-16"), date_source="clause"
                ),
                mention(d, s2, "tour", "VISIT", "planned", who),
            )
        ]
    )
    assert len(events) == 2
    (academy,) = _events_with(events, "Naval Academy")
    assert academy.date_value is None and academy.start is None and academy.precision == "none"
    (belvoir,) = _events_with(events, "Belvoir")
    assert belvoir.date_value == "2010-09-16" and len(belvoir.mentions) == 2


def test_back_reference_without_date_joins_the_event_of_its_article():
    s1 = "Gates hosted meetings with Serdyukov today at the Pentagon."
    s2 = "The meetings were important not only to build on relations between the senior leaders."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "meetings", "MEETING", **day("2010-09-15"), date_text="today"),
                mention(d, s2, "meetings", "MEETING", actors=()),
            )
        ]
    )
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_different_people_on_the_same_day_in_two_articles_are_two_events():
    s1 = "Gates met Serdyukov on Sept. 15, 2010."
    s2 = "Gates met Makarov on Sept. 15, 2010."
    a, b = document(s1, PUB, "a.txt"), document(s2, PUB, "b.txt")
    events = deduplicate(
        [
            analysis(a, mention(a, s1, "met", "MEETING", actors=(GATES, SERDYUKOV), **day("2010-09-15"))),
            analysis(b, mention(b, s2, "met", "MEETING", actors=(MAKAROV,), **day("2010-09-15"))),
        ]
    )
    assert len(events) == 2


def test_event_takes_the_most_precise_date_and_its_mention_leads():
    s1 = "Gates visited Russia in 2008."
    s2 = "Gates last visited Russia in March 2008."
    a, b = document(s1, date(2009, 1, 1), "a.txt"), document(s2, PUB, "b.txt")
    events = deduplicate(
        [
            analysis(
                a,
                mention(
                    a,
                    s1,
                    "visited",
                    "VISIT",
                    value="2008",
                    start=date(2008, 1, 1),
                    end=date(2008, 12, 31),
                    precision="year",
                    date_text="2008",
                ),
            ),
            analysis(
                b,
                mention(
                    b,
                    s2,
                    "visited",
                    "VISIT",
                    value="2008-03",
                    start=date(2008, 3, 1),
                    end=date(2008, 3, 31),
                    precision="month",
                    date_text="March 2008",
                ),
            ),
        ]
    )
    assert len(events) == 1
    event = events[0]
    assert (event.date_value, event.start, event.end, event.precision) == (
        "2008-03",
        date(2008, 3, 1),
        date(2008, 3, 31),
        "month",
    )
    assert event.mentions[0].doc_id == b.doc_id


def test_event_id_is_the_hash_of_the_earliest_mention_whatever_the_input_order():
    s = "Gates met Serdyukov at the Pentagon today."
    a = document("A. " + s, date(2010, 9, 15), "a.txt")
    b = document("B. " + s, date(2010, 9, 16), "b.txt")
    ma = mention(a, s, "met", "MEETING", **day("2010-09-15"), date_text="today")
    mb = mention(b, s, "met", "MEETING", **day("2010-09-15"), date_source="passage")
    one = deduplicate([analysis(a, ma), analysis(b, mb)])
    two = deduplicate([analysis(b, mb), analysis(a, ma)])
    key = f"{a.doc_id}:{ma.trigger.start}:{ma.trigger.end}:MEETING"
    assert one[0].event_id == two[0].event_id == "ev_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def test_actors_are_the_union_over_mentions_each_once():
    s1 = "Gates hosted meetings with Serdyukov today."
    s2 = "Gates and Makarov joined the meetings today."
    d = document(f"{s1} {s2}", PUB)
    when = day("2010-09-15")
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "meetings", "MEETING", **when),
                mention(d, s2, "meetings", "MEETING", actors=(GATES, MAKAROV), **when),
            )
        ]
    )
    assert len(events) == 1
    assert [a.actor_id for a in events[0].actors] == [
        "robert-m-gates",
        "anatoliy-serdyukov",
        "nikolai-makarov",
    ]


def test_undated_event_keeps_its_most_telling_vague_value():
    s1 = "The delegation will visit the bases in the future."
    s2 = "During the visit later this summer, the delegation will learn more."
    d = document(f"{s1} {s2}", None)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "visit", "VISIT", "planned", value="FUTURE_REF", precision="vague"),
                mention(d, s2, "visit", "VISIT", "planned", value="XXXX-SU", precision="season"),
            )
        ]
    )
    assert len(events) == 1 and events[0].date_value == "XXXX-SU" and events[0].start is None


def test_two_words_for_one_event_in_one_sentence_merge():
    s1 = "Soldiers spent Nov. 27 to Dec. 15 training with their Russian counterparts as part of an exercise."
    d = document(s1, date(2007, 12, 27))
    when = {"value": "2007-11-27", "start": date(2007, 11, 27), "end": date(2007, 12, 15), "precision": "day"}
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "training", "JOINT_EXERCISE", actors=(), **when),
                mention(d, s1, "exercise", "JOINT_EXERCISE", actors=(), **when),
            )
        ]
    )
    assert len(events) == 1


def test_a_shared_name_joins_undated_reports_of_a_series_but_not_other_editions():
    s1 = "The VIGILANT EAGLE exercise series has been conducted four times since its inception."
    s2 = "Working with aviation agencies, the Vigilant Eagle Exercise Series focuses on hijacked aircraft."
    s3 = "The Vigilant Eagle 14 exercise will be a command post exercise."
    s4 = "Last year's live-fly Vigilant Eagle 13 exercise was a success."
    a, b = document(s1, date(2013, 8, 23), "a.txt"), document(f"{s2} {s3} {s4}", date(2013, 11, 22), "b.txt")
    events = deduplicate(
        [
            analysis(a, mention(a, s1, "exercise series", "JOINT_EXERCISE", "recurring", actors=())),
            analysis(
                b,
                mention(b, s2, "Exercise Series", "JOINT_EXERCISE", "recurring", actors=()),
                mention(b, s3, "exercise", "JOINT_EXERCISE", "planned", actors=()),
                mention(b, s4, "exercise", "JOINT_EXERCISE", "occurred", actors=()),
            ),
        ]
    )
    (series,) = _events_with(events, "Series")
    assert series.n_docs == 2 and len(series.mentions) == 2
    assert len(events) == 3


def test_codes_follow_the_trigger_rule_of_the_main_mention_not_only_the_type():
    s1 = "Russia boycotted the meeting of the council."
    s2 = "The base hosted a Chinese military delegation last week."
    d = document(f"{s1} {s2}", date(2016, 1, 1))
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "boycotted", "SUSPENSION", actors=(RUSSIA,)),
                mention(d, s2, "hosted a Chinese military delegation", "VISIT", actors=()),
            )
        ]
    )
    codes = {e.event_type: (e.plover, e.cameo) for e in events}
    assert codes["SUSPENSION"][1] == "161"  # the type's default is 160
    assert codes["VISIT"][1] == "043"  # the type's default is 042
