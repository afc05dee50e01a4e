"""Exercises told by their proper name: learned from one cue in the document, then found alone."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.config import DEFAULT_SETTINGS
from pipeline.events.named_exercises import find_named_exercises
from tests.events.analysed import first_with, mentions_of

CUES = DEFAULT_SETTINGS.lexicon_dir / "exercise_names.yaml"


def names(text: str) -> list[str]:
    return [text[a:b] for a, b in find_named_exercises(text, CUES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cobra Gold 2015 began on Monday in Thailand.", ["Cobra Gold 2015 began"]),
        ("Ocean Bridge 08 was held off Goa last April.", ["Ocean Bridge 08 was held"]),
        ("The Baltops exercise ended.\nShips drilled together during Baltops.", ["Baltops"]),
        ("Exercise Sea Breeze opened.\nMarines joined Sea Breeze last week.", ["Sea Breeze"]),
        ("Valiant Shield 18, the largest edition yet, began off Guam.", ["Valiant Shield 18"]),
        ("Dynamic Manta-21 began on Monday.", ["Dynamic Manta-21 began"]),
        ("UNITAS LXI begins Aug. 19.", ["UNITAS LXI begins"]),
        ("Cope Thunder 2004 took place in the Philippines in June.", ["Cope Thunder 2004 took place"]),
        ("Garuda Shield 2020 was canceled on Thursday.", ["Garuda Shield 2020"]),
        ("Japan will send observers to RIMPAC this summer.", ["RIMPAC"]),
        ("Flintlock will return to Niger next year.", ["Flintlock will return"]),
        (
            "We drove out to the training area, where Khaan Quest was already under way.",
            ["Khaan Quest was already under way"],
        ),
        ("Anakonda-20, which was to bring 18,000 troops to Poland in May, was called off.", ["Anakonda-20"]),
        (
            "Bangladeshi and U.S. special forces are conducting Tiger Shark near Chittagong.",
            ["are conducting Tiger Shark"],
        ),
    ],
)
def test_named_exercises_are_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Obama began his trip on Monday.",  # no serial, never called an exercise
        "Phase 2 began on Monday.",  # a part of something, not a name
        "The Russian exercise ended.\nShips sailed during Russian drills.",  # a demonym names no exercise
        "The U.S. Navy exercise ended.\nThey met at U.S. Navy headquarters.",  # a service is a participant
        "The Baltops exercise ended.",  # the exercise noun already tells it
        "The Baltops exercise ended.\nThey discussed scenarios for Baltops.",  # a topic, not a mention
    ],
)
def test_names_that_are_no_exercise_mentions(text: str) -> None:
    assert names(text) == []


def test_a_participation_cue_and_a_relative_exercise_verb_name_an_exercise() -> None:
    text = (
        "The brigade is taking part in Saber Strike, which kicked off June 3.\n"
        "During Saber Strike, tanks fired."
    )
    assert names(text) == ["Saber Strike", "Saber Strike"]


def test_a_name_with_a_serial_and_its_own_relative_exercise_verb_is_an_exercise() -> None:
    text = "Sea Guardian 2019, which runs until 2 August, brings together 28 ships."
    assert names(text) == ["Sea Guardian 2019"]
    assert names("Sea Guardian, which runs until 2 August, brings together 28 ships.") == []


def test_a_codename_teaches_the_exercise_name() -> None:
    text = "The drill, codenamed Joint Sea 2017, is due in September.\nShips sailed for Joint Sea on Monday."
    assert names(text) == []  # "for" is no participation cue ...
    assert names(text.replace("for Joint Sea", "during Joint Sea")) == ["Joint Sea"]  # ... "during" is


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 2231 includes a ban on arms transfers.",
        "Typhoon Haiyan 2013 brought floods.",
        "Vision 2030 began.",
    ],
)
def test_numbered_documents_and_storms_are_no_exercises(text: str) -> None:
    assert names(text) == []


def test_a_name_with_a_year_after_taking_part_is_an_exercise() -> None:
    from datetime import date

    from pipeline.analyze import analyze
    from pipeline.model import Document

    text = "About 4,000 Marines took part in Arctic Lance 2016 alongside Norwegian troops last March."
    doc = Document(doc_id="n", source="n.txt", text=text, title=None, published=date(2016, 6, 13))
    found = [(m.trigger.text, m.event_type, m.date_value) for m in analyze(doc).event_mentions]
    assert ("Arctic Lance 2016", "JOINT_EXERCISE", "2016-03") in found


def test_a_name_before_modifiers_of_the_exercise_noun_is_learned() -> None:
    text = (
        "Since 2003, the two armies have held the Steppe Eagle peacekeeping exercise every summer. This "
        "year's Steppe Eagle, held in August near Almaty, drew troops from seven countries."
    )
    edition = [m for m in mentions_of(text, date(2014, 10, 1)) if m.trigger.text == "Steppe Eagle"]
    assert edition and (edition[0].status, edition[0].date_value) == ("occurred", "2014-08")


def test_a_name_in_apposition_to_an_exercise_is_its_mention_but_a_job_is_not() -> None:
    text = "Soldiers will return in June for Anakonda, a Polish-led exercise that will gather 20 nations."
    assert names(text) == ["Anakonda"]
    assert names("Col. Henry Smith, the exercise director, spoke on Monday.") == []


def test_a_trigger_word_inside_an_exercises_name_is_the_exercise_not_an_event_of_its_own() -> None:
    mentions = mentions_of("Russian sailors took part in Arctic Rescue 2011 last month.", date(2011, 10, 5))
    assert [(m.event_type, m.trigger.text) for m in mentions] == [("JOINT_EXERCISE", "Arctic Rescue 2011")]


def test_an_apposition_that_calls_the_drill_by_its_name_makes_no_other_event() -> None:
    text = "The drill, called Kodiak Rescue 12, is set for Oct. 14-17 in the Gulf of Alaska."
    assert [m.event_type for m in mentions_of(text, date(2012, 9, 20))] == ["JOINT_EXERCISE"]


def test_a_named_exercise_scheduled_to_take_place_is_the_exercise_not_the_visit_told_before() -> None:
    text = "A Polish team visited Fort Bragg last month. Anakonda 16 is scheduled to take place June 7-17."
    kinds = {m.trigger.text: m.event_type for m in mentions_of(text, date(2016, 5, 12))}
    assert kinds.get("take place") == "JOINT_EXERCISE"


def test_a_named_exercise_with_its_own_relative_clause_is_dated_by_it() -> None:
    text = "Sea Breeze 2019, which ended Saturday, brought together 32 ships from 19 nations."
    mentions = mentions_of(text, date(2019, 7, 15))
    assert [(m.event_type, m.date_value) for m in mentions] == [("JOINT_EXERCISE", "2019-07-13")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Balikatan will begin Monday in the Philippines.", "2016-04-04"),
        ("The Japanese destroyer sailed with U.S. ships during Malabar in July.", "2015-07"),
        ("The two armies will hold Yudh Abhyas in September.", "2016-09"),
    ],
)
def test_a_standing_series_is_an_exercise_by_its_name_alone(text: str, expected: str) -> None:
    exercises = [m for m in mentions_of(text, date(2016, 4, 1)) if m.event_type == "JOINT_EXERCISE"]
    assert [m.date_value for m in exercises] == [expected]


def test_a_named_edition_that_took_place_or_was_called_off_is_dated_with_its_status() -> None:
    held = mentions_of("Cobra Gold 2018 took place in Thailand in February.", date(2018, 3, 1))
    assert [(m.event_type, m.status, m.date_value) for m in held] == [
        ("JOINT_EXERCISE", "occurred", "2018-02")
    ]
    called_off = mentions_of("Garuda Shield 2020 was canceled on Thursday.", date(2020, 3, 20))
    assert {m.status for m in called_off} == {"cancelled"}


def test_a_city_before_a_relative_clause_after_in_is_no_exercise_and_talks_that_ended_are_over() -> None:
    text = (
        "Carter met Georgian Defense Minister Tina Khidasheli on the sidelines of the NATO defense "
        "ministerial in Brussels, which ended yesterday after two days of talks."
    )
    mentions = mentions_of(text, date(2015, 6, 25))
    assert all(m.event_type != "JOINT_EXERCISE" for m in mentions)
    assert first_with(mentions, "talks").status == "occurred"


def test_a_mission_a_service_conducts_is_no_exercise_name() -> None:
    assert (
        names("The delegation will learn how the U.S. Air Force conducts Close Air Support missions.") == []
    )


def test_a_named_edition_of_an_annual_series_is_that_edition_with_its_relative_clauses_date() -> None:
    text = (
        "More than 2,000 troops are taking part in Flintlock 2017, U.S. Africa Command's annual special "
        "operations exercise, which opened here Feb. 27 and runs through March 16."
    )
    edition = first_with(mentions_of(text, date(2017, 3, 3)), "Flintlock 2017")
    assert (edition.status, edition.date_value) == ("ongoing", "2017-02-27")


def test_an_edition_that_was_to_begin_teaches_the_name_and_its_cohosted_series_is_found() -> None:
    text = (
        "Ukrainian officials said Sea Breeze 2006, which was to begin in July, will be postponed. The U.S. "
        "and Ukrainian navies have co-hosted Sea Breeze every year since 1997."
    )
    found = {(m.trigger.text, m.status, m.date_value) for m in mentions_of(text, date(2006, 6, 7))}
    assert ("Sea Breeze", "recurring", "1997") in found


def test_a_name_before_a_base_or_an_airport_is_a_place_not_an_exercise() -> None:
    assert names("Poland will open Lask air base to the American F-16 detachment next month.") == []
    assert names("The ships kicked off Pacific Partnership port visits in Samoa on Monday.") == [
        "kicked off Pacific Partnership"
    ]


def test_a_weekday_after_a_place_makes_no_exercise_name() -> None:
    assert names("Destroyers drilled off Point Loma Wednesday, the first bilateral exercise.") == []
