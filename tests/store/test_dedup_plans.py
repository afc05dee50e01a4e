"""Dedup through the real per-document analysis: a separate drill stays apart, a plan for a
later day keeps its status when a back reference joins it, and two articles sharing only countries keep
their own events."""

from __future__ import annotations

from datetime import date

from pipeline.analyze import analyze
from pipeline.dedup import deduplicate
from pipeline.model import Document


def _document(doc_id: str, text: str, published: date | None) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, title=None, published=published)


def _events(text: str, published: date | None) -> list:
    return deduplicate([analyze(_document("plans", text, published))])


def test_a_separate_drill_later_this_month_is_not_the_exercise_discussed_today() -> None:
    text = (
        "More than 9,000 troops from Egypt and the United States began a 17-day exercise west of "
        "Alexandria yesterday.\n\n"
        'Gen. Tom Hart met Egyptian Defense Minister Ali Nour this morning. "This exercise is about learning '
        'to work together," the general told reporters after the meeting.\n\n'
        "Egyptian and U.S. naval forces will hold a separate mine-clearing drill in the Red Sea later "
        "this month."
    )
    drills = [
        e for e in _events(text, date(2005, 9, 13)) if any("mine" in m.sentence.text for m in e.mentions)
    ]
    assert len(drills) == 1
    assert (drills[0].status, drills[0].date_value) == ("planned", "2005-09")
    assert [m.trigger.text for m in drills[0].mentions] == ["hold a separate mine-clearing drill"]


def test_a_plan_for_tomorrow_joined_by_the_trip_stays_a_plan() -> None:
    text = (
        "Defense Secretary Walter Brennan welcomed Russian Defense Minister Igor Lebed to the Pentagon "
        "today, the start of a five-day visit.\n\n"
        "The two ministers met for two hours. Tomorrow, Lebed will fly to Fort Riley, Kan., to watch "
        "soldiers train.\n\n"
        "The trip was arranged when the two spoke by phone last month."
    )
    flights = [e for e in _events(text, date(1996, 10, 16)) if e.date_value == "1996-10-17"]
    assert len(flights) == 1 and len(flights[0].mentions) == 2  # "fly to" and "The trip"
    assert flights[0].status == "planned"


def test_without_publication_date_an_event_keeps_its_most_specific_date() -> None:
    text = (
        "The exercise, which began Aug. 4, drew about 900 troops from Mongolia and the United States.\n\n"
        "The troops completed two weeks of peacekeeping training yesterday."
    )
    exercises = [e for e in _events(text, None) if e.event_type == "JOINT_EXERCISE"]
    assert exercises and exercises[0].date_value == "XXXX-08-04"


def test_a_freeze_said_to_be_still_in_place_is_the_one_told_before_and_goes_on() -> None:
    text = "Russia froze its contacts with NATO in March, and that freeze is still in place."
    suspensions = [e for e in _events(text, date(1999, 7, 14)) if e.event_type == "SUSPENSION"]
    assert [(e.status, e.date_value, len(e.mentions)) for e in suspensions] == [("ongoing", "1999-03", 2)]


def test_a_meeting_that_will_not_go_ahead_and_the_visit_neither_are_cancelled_plans() -> None:
    text = (
        "The meeting of our working group that was to take place in Moscow this month will not go ahead, "
        "and neither will the Russian navy's visit to Norfolk planned for this summer."
    )
    found = {e.event_type: (e.status, e.date_value) for e in _events(text, date(2014, 4, 9))}
    assert found == {"MEETING": ("cancelled", "2014-04"), "VISIT": ("cancelled", "2014-SU")}


def test_two_articles_sharing_only_a_kind_of_place_in_their_names_tell_different_events() -> None:
    first = _document(
        "a",
        "Guard F-16s held a training rotation with the Polish air force at Lask Air Base in February.",
        date(2017, 3, 8),
    )
    second = _document(
        "b",
        "The Secretary highlighted U.S. funding for dioxin remediation at Bien Hoa Air Base.",
        date(2019, 11, 20),
    )
    events = deduplicate([analyze(first), analyze(second)])
    assert all(len({m.doc_id for m in e.mentions}) == 1 for e in events), [
        [m.trigger.text for m in e.mentions] for e in events
    ]


def test_two_unrelated_cooperations_of_two_articles_sharing_only_countries_stay_apart() -> None:
    first = _document(
        "archive",
        "At the session last week, the Russian side handed over copies of Soviet air defense reports "
        "on the Baltic incident.",
        date(1996, 11, 21),
    )
    second = _document(
        "medicine",
        "When the Russian brigade joined the peacekeeping force in Bosnia in 1996, American surgeons "
        "treated its wounded.",
        date(2003, 9, 23),
    )
    events = deduplicate([analyze(first), analyze(second)])
    assert all(e.n_docs == 1 for e in events), [[m.trigger.text for m in e.mentions] for e in events]


def test_one_article_keeps_what_it_says_will_happen_apart_from_what_happened_that_month() -> None:
    text = (
        "U.S. and Russian officers met in Anchorage on Tuesday to review the flights.\n\n"
        "Technical experts from both countries will meet in Moscow later this month to discuss early warning."
    )
    meetings = [e for e in _events(text, date(2007, 9, 6)) if e.event_type == "MEETING"]
    planned = [e for e in meetings if any("experts" in m.sentence.text for m in e.mentions)]
    assert len(planned) == 1
    assert (planned[0].status, planned[0].date_value) == ("planned", "2007-09")
    assert all("experts" in m.sentence.text for m in planned[0].mentions)


def test_a_meeting_held_again_is_another_meeting_of_the_same_week() -> None:
    text = (
        "Col. Ray Dunmore met Philippine army planners in Manila on Wednesday to divide up relief work.\n\n"
        "Negotiators working on a base access agreement met again in Manila this week."
    )
    meetings = [e for e in _events(text, date(2013, 11, 15)) if e.event_type == "MEETING"]
    again = [e for e in meetings if any("again" in m.sentence.text for m in e.mentions)]
    assert len(again) == 1 and again[0].date_value == "2013-W46"
    assert all("again" in m.sentence.text for m in again[0].mentions)


def test_a_drill_dated_only_by_its_passage_is_not_the_exercise_of_another_day() -> None:
    text = (
        "GOA, India (NNS) -- U.S. and Indian sailors held a search-and-rescue exercise off Goa "
        "on Tuesday.\n\n"
        "Earlier this month the destroyer called at Colombo, where its crew held a firefighting drill with "
        "Sri Lankan sailors."
    )
    drills = [e for e in _events(text, date(2011, 4, 14)) if e.event_type == "JOINT_EXERCISE"]
    assert sorted(e.date_value for e in drills) == ["2011-04", "2011-04-12"]


def test_a_drill_held_earlier_in_the_month_elsewhere_is_not_the_exercise_of_the_lead() -> None:
    text = (
        "KIEL, Germany (NNS) -- Sailors from the German frigate Hessen and USS Mason practiced boarding a "
        "suspect merchant vessel in the western Baltic on June 14, in the first bilateral maritime "
        "interdiction exercise between the two navies this year.\n\n"
        "Earlier this month the two ships stopped at Gdynia, Poland, where they held a communications drill "
        "with the Polish corvette Kaszub.\n\n"
        "During the exercise, boarding teams from each ship took turns playing the smugglers."
    )
    events = _events(text, date(2012, 6, 16))
    drill = [e for e in events if any("communications drill" in m.trigger.text for m in e.mentions)]
    assert len(drill) == 1, [[m.trigger.text for m in e.mentions] for e in events]
    assert drill[0].date_value == "2012-06"
    assert [m.trigger.text for m in drill[0].mentions] == ["held a communications drill"]
