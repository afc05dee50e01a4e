"""Dedup and status: announcements, reports and plans of one event, and what must stay apart."""

from __future__ import annotations

from datetime import date

from pipeline.dedup import deduplicate
from tests.store.builders import GATES, MAKAROV, RUSSIA, analysis, day, document, mention

PUB = date(2010, 9, 15)


def _events_with(events, word):
    return [e for e in events if any(word in m.sentence.text for m in e.mentions)]


def test_announced_exercise_later_reported_held_is_one_occurred_event():
    s1 = "NORAD and the Russian Air Force will conduct an exercise from August 26-30, 2013 over the sea."
    s2 = "The Vigilant Eagle exercise took place August 27-28 in Anchorage and Anadyr."
    s3 = "The exercise will focus on the hand-off of the aircraft."
    a = document(f"{s1} {s3}", date(2013, 8, 23), "a.txt")
    b = document(s2, date(2013, 11, 22), "b.txt")
    who = (GATES, MAKAROV)  # any shared actor will do
    planned = mention(
        a,
        s1,
        "will conduct",
        "JOINT_EXERCISE",
        "planned",
        who,
        value="2013-08-26",
        start=date(2013, 8, 26),
        end=date(2013, 8, 30),
        precision="day",
        date_text="August 26-30, 2013",
        label="Planned: NORAD exercise",
    )
    held = mention(
        b,
        s2,
        "took place",
        "JOINT_EXERCISE",
        "occurred",
        who,
        value="2013-08-27",
        start=date(2013, 8, 27),
        end=date(2013, 8, 28),
        precision="day",
        date_text="August 27-28",
    )
    detail = mention(a, s3, "exercise", "JOINT_EXERCISE", "planned", who)  # undated, same article
    events = deduplicate([analysis(b, held), analysis(a, planned, detail)])
    assert len(events) == 1
    assert events[0].status == "occurred" and events[0].n_docs == 2 and len(events[0].mentions) == 3
    assert not events[0].label.startswith("Planned")


def test_announcement_and_report_a_day_apart_merge_and_keep_the_first_date():
    s1 = "Gates will meet with Serdyukov tomorrow in Baku."
    s2 = "Gates first met with Serdyukov Feb. 17, 2017, in Baku."
    a = document(s1, date(2017, 2, 15), "a.txt")
    b = document(s2, date(2017, 9, 1), "b.txt")
    events = deduplicate(
        [
            analysis(
                a,
                mention(a, s1, "will meet", "MEETING", "planned", **day("2017-02-16"), date_text="tomorrow"),
            ),
            analysis(
                b,
                mention(b, s2, "met", "MEETING", "occurred", **day("2017-02-17"), date_text="Feb. 17, 2017"),
            ),
        ]
    )
    assert len(events) == 1
    assert events[0].date_value == "2017-02-16" and events[0].status == "occurred"


def test_planned_event_never_merges_with_a_different_one_that_happened():
    s1 = "Gates will visit Moscow in 2012."
    s2 = "Gates visited Moscow in 2010."
    a = document(s1, date(2010, 9, 1), "a.txt")
    b = document(s2, date(2010, 9, 2), "b.txt")
    year = {"precision": "year"}
    events = deduplicate(
        [
            analysis(
                a,
                mention(
                    a,
                    s1,
                    "visit",
                    "VISIT",
                    "planned",
                    value="2012",
                    start=date(2012, 1, 1),
                    end=date(2012, 12, 31),
                    date_text="2012",
                    **year,
                ),
            ),
            analysis(
                b,
                mention(
                    b,
                    s2,
                    "visited",
                    "VISIT",
                    "occurred",
                    value="2010",
                    start=date(2010, 1, 1),
                    end=date(2010, 12, 31),
                    date_text="2010",
                    **year,
                ),
            ),
        ]
    )
    assert len(events) == 2


def test_planned_and_occurred_without_dates_stay_apart():
    s1 = "Gates will meet Serdyukov again."
    s2 = "Gates met Serdyukov, officials said."
    d1, d2 = document(s1, PUB, "a.txt"), document(s2, PUB, "b.txt")
    events = deduplicate(
        [
            analysis(d1, mention(d1, s1, "meet", "MEETING", "planned")),
            analysis(d2, mention(d2, s2, "met", "MEETING", "occurred")),
        ]
    )
    assert len(events) == 2


def test_recurring_meetings_stay_apart_from_the_meeting_of_the_day():
    s1 = "Gates hosted meetings with Serdyukov today."
    s2 = "Gates said he and Serdyukov will meet at least once a year."
    d = document(f"{s1} {s2}", PUB)
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "meetings", "MEETING", **day("2010-09-15"), date_text="today"),
                mention(d, s2, "meet", "MEETING", "recurring"),
            )
        ]
    )
    assert sorted(e.status for e in events) == ["occurred", "recurring"]


def test_an_undated_report_that_it_happened_outranks_the_dated_announcement():
    s1 = "Gates will meet with Serdyukov tomorrow in Baku."
    s2 = "Gates first met with Serdyukov Feb. 16, 2017, in Baku."
    a, b = document(s1, date(2017, 2, 15), "a.txt"), document(s2, None, "b.txt")
    events = deduplicate(
        [
            analysis(
                a,
                mention(a, s1, "will meet", "MEETING", "planned", **day("2017-02-16"), date_text="tomorrow"),
            ),
            analysis(
                b,
                mention(b, s2, "met", "MEETING", "occurred", **day("2017-02-16"), date_text="Feb. 16, 2017"),
            ),
        ]
    )
    assert len(events) == 1 and events[0].status == "occurred"


def test_one_sentence_stating_two_statuses_states_two_events():
    s1 = "Russia invaded Georgia, and still occupies two provinces."
    d = document(s1, date(2016, 1, 1))
    events = deduplicate(
        [
            analysis(
                d,
                mention(d, s1, "invaded", "MILITARY_FORCE", "occurred", actors=()),
                mention(d, s1, "occupies", "MILITARY_FORCE", "ongoing", actors=()),
            )
        ]
    )
    assert sorted(e.status for e in events) == ["occurred", "ongoing"]


def test_two_statuses_in_one_sentence_stay_two_events_with_shared_actors_and_date():
    s1 = "Russia invaded Georgia in August 2008 and still occupies two provinces."
    d = document(s1, date(2016, 1, 1))
    when = {"value": "2008-08", "start": date(2008, 8, 1), "end": date(2008, 8, 31), "precision": "month"}
    events = deduplicate(
        [
            analysis(
                d,
                mention(
                    d, s1, "invaded", "MILITARY_FORCE", "occurred", (RUSSIA,), **when, date_text="August 2008"
                ),
                mention(
                    d, s1, "occupies", "MILITARY_FORCE", "ongoing", (RUSSIA,), **when, date_text="August 2008"
                ),
            )
        ]
    )
    assert sorted(e.status for e in events) == ["occurred", "ongoing"]


def test_within_one_article_the_dated_mentions_status_wins_over_an_undated_ones():
    s1 = "Gates and Serdyukov held talks in Baku in April."
    s2 = "The two, who have been meeting since 2008, praised the talks."
    a = document(f"{s1} {s2}", PUB, "a.txt")
    dated = mention(
        a, s1, "talks", "MEETING", value="2010-04", start=date(2010, 4, 1), end=date(2010, 4, 30),
        precision="month", date_text="April",
    )  # fmt: skip
    undated = mention(a, s2, "talks", "MEETING", "ongoing")
    events = deduplicate([analysis(a, dated, undated)])
    assert len(events) == 1 and events[0].status == "occurred"
