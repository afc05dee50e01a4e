"""Trigger vocabulary: the phrase syntax, the vetoes, and which wording wins when matches overlap."""

from __future__ import annotations

import pytest

from pipeline.events.extract import extract_events
from pipeline.events.trigger_rules import compile_phrase, trigger_codes
from pipeline.events.triggers import find_triggers
from tests.events.helpers import doc, sentences


def found(text: str) -> list[tuple[str, str]]:
    return [(m.rule.event_type, text[m.start : m.end]) for m in find_triggers(text)]


def test_phrase_syntax_alternatives_optional_gaps_and_multiword() -> None:
    pattern, first = compile_phrase("signed|sign *2 the? agreement|called_off")
    assert first == {"signed", "sign"}
    assert pattern.match("signed a new agreement")
    assert pattern.match("sign the agreement")
    assert pattern.match("signed called off")
    assert not pattern.match("signed a very big new agreement")
    assert not pattern.match("resigned agreement")


def test_phrase_must_start_with_words() -> None:
    with pytest.raises(ValueError):
        compile_phrase("* meeting")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met in Brussels.", ("MEETING", "met")),
        ("Hagel spoke by phone with Shoygu.", ("PHONE_CALL", "spoke by phone")),
        ("The leaders signed a memo outlining the relationship.", ("AGREEMENT_SIGNED", "signed a memo")),
        (
            "The navies will conduct their third joint exercise.",
            ("JOINT_EXERCISE", "conduct their third joint exercise"),
        ),
        ("Russia invaded neighboring Georgia.", ("MILITARY_FORCE", "invaded")),
        ("Gates invited Serdyukov to the Pentagon.", ("INVITATION", "invited")),
        ("a troop exchange that will start next year", ("PERSONNEL_EXCHANGE", "troop exchange")),
        ("Moscow froze military contacts.", ("SUSPENSION", "froze")),
        ("The Russians requested aid from Japan.", ("STATEMENT", "requested aid")),
    ],
)
def test_typical_wordings(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia was meeting Ukraine's conditions.",  # not_near: meeting conditions
        "the importance of working together",  # not_before: of
        "the war on terrorism",  # not_after
        "He told reporters that the talks went well.",  # not_inside: told reporters
        "Lt. Col. Volk, exercise division branch chief",  # not_after: exercise division
    ],
)
def test_vetoes(text: str) -> None:
    assert not [
        t
        for t in found(text)
        if t[1] in ("meeting", "working together", "war on", "told reporters that", "exercise")
    ]


def test_longer_higher_priority_match_wins_over_its_parts() -> None:
    assert found("Gates hosted five hours of meetings with Serdyukov.") == [
        ("MEETING", "hosted five hours of meetings")
    ]


def test_trigger_codes_refine_the_type_defaults() -> None:
    assert trigger_codes("SUSPENSION", "boycotted")[1] == "161"
    assert trigger_codes("MEETING", "met")[:2] == ("CONSULT", "040")


def test_the_object_of_a_boycott_or_a_discussion_is_no_event_of_its_own() -> None:
    for text, expected in [
        ("Russia had boycotted the meetings.", [("SUSPENSION", "boycotted")]),
        ("The two will discuss joint exercises.", [("MEETING", "discuss")]),
    ]:
        mentions = extract_events(doc(text), sentences(text), [], [], [])
        assert [(m.event_type, m.trigger.text) for m in mentions] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Travel and port calls: the family of a visit beyond "visited".
        ("The envoy flew to Jakarta on Monday.", ("VISIT", "flew to")),
        ("The minister will head to the Philippines next.", ("VISIT", "head to")),
        ("The cruiser left for Valparaiso yesterday.", ("VISIT", "left for")),
        ("The corvette called at Mombasa for fuel.", ("VISIT", "called at")),
        ("Two frigates docked in Piraeus.", ("VISIT", "docked in")),
        (
            "Norwegian cadets spent three weeks at the academy.",
            ("PERSONNEL_EXCHANGE", "spent three weeks at the academy"),
        ),
        ("The general, who arrived on Sunday, addressed cadets.", ("VISIT", "arrived on")),
        ("after a brief stopover in Doha", ("VISIT", "stopover in")),
        ("Ankara refused clearance for the tanker to dock in Izmir.", ("VISIT", "refused clearance")),
        # Troops arriving are a deployment, not a visit.
        ("Some 600 Dutch soldiers have arrived in Lithuania.", ("MILITARY_FORCE", "soldiers have arrived")),
        ("Crews of both ships visited each other's vessels.", ("PERSONNEL_EXCHANGE", "visited each other's")),
        ("The academies will exchange cadets next spring.", ("PERSONNEL_EXCHANGE", "exchange cadets")),
        ("Two battalions trained together near Tapa.", ("JOINT_EXERCISE", "trained together")),
        ("Vietnamese officers will observe the drill.", ("JOINT_EXERCISE", "observe the drill")),
        ("Thais watched a U.S.-led drill.", ("JOINT_EXERCISE", "watched a U.S.-led drill")),
        ("The drill, held each autumn, tests ports.", ("JOINT_EXERCISE", "drill, held")),
        ("The summit, held in Riga, ended late.", ("MEETING", "summit, held")),
        ("The admiral called on the fleet commander.", ("MEETING", "called on")),
        ("The envoy called on Hanoi to release the crew.", ("STATEMENT", "called on")),
        ("She raised the matter with her Danish counterpart.", ("MEETING", "raised the matter with")),
        ("The two ministries set up a hotline.", ("COOPERATION", "set up a hotline")),
        ("Tokyo pledged $40 million to clear mines.", ("COOPERATION", "pledged $40 million")),
        ("Jets struck a fuel depot near Sirte.", ("MILITARY_FORCE", "struck a fuel depot")),
        ("Drones destroyed three launchers.", ("MILITARY_FORCE", "destroyed three launchers")),
        ("a patrol plane was buzzed by two fighters", ("MILITARY_FORCE", "buzzed")),
        ("Seoul summoned the Japanese ambassador.", ("STATEMENT", "summoned the Japanese ambassador")),
        ("Berlin welcomed the decision.", ("STATEMENT", "welcomed the decision")),
        ("after repeated rocket launches", ("MILITARY_FORCE", "rocket launches")),
        ('"We are pleased with the progress," Ruiz said.', ("STATEMENT", "are pleased with")),
        ("The minister was troubled by the incursions.", ("STATEMENT", "was troubled by")),
        ("The envoy touched down in Dili on Friday.", ("VISIT", "touched down in")),
        ("The admiral was received by President Ruto.", ("MEETING", "was received by")),
        ("Seoul donated two corvettes to Manila.", ("COOPERATION", "donated")),
        ("Canada delivered 39 armoured vehicles to Kyiv.", ("COOPERATION", "delivered 39 armoured vehicles")),
        ("British instructors trained Kenyan troops.", ("COOPERATION", "trained Kenyan troops")),
        ("Tallinn expelled a Russian diplomat.", ("SUSPENSION", "expelled a Russian diplomat")),
        ("The coast guard seized a Chinese trawler.", ("MILITARY_FORCE", "seized a Chinese trawler")),
        ("Clashes erupted along the border.", ("MILITARY_FORCE", "Clashes")),
        ("They will hold a strategic dialogue in May.", ("MEETING", "strategic dialogue")),
        ("The admiral's main aim in Lagos was to sign the accord.", ("VISIT", "aim in Lagos")),
    ],
)
def test_wording_families(text: str, expected: tuple[str, str]) -> None:
    kind, start = expected
    assert any(t == kind and words.startswith(start) for t, words in found(text)), found(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The visiting sailors played football.", "visiting"),
        ("a status of visiting forces agreement", "visiting"),
        ("The officers are going to discuss logistics.", "going to"),
        ("Under the agreement, each side reports troop moves.", "agreement"),
        ("We agree that dialogue is better.", "agree"),
        ("The rescue drill tests ships.", "rescue"),
        ("a plan that calls for more exchanges", "calls for"),
        ("the spokesman told a news conference", "news conference"),
        ("The wounded pilot was flown to Seoul.", "flown to"),
        ("The ministers agreed to stay in close contact.", "stay in"),
        ("a brigade of highly trained soldiers", "trained soldiers"),
    ],
)
def test_wordings_that_state_no_event(text: str, absent: str) -> None:
    assert absent not in [t[1] for t in found(text)]


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        ("The chiefs agreed to hold staff talks in May.", False),  # one activity: the planned talks
        ("The chiefs also agreed to open a hotline and to exchange cadets.", False),  # items of told talks
        ("The chiefs agreed to open a hotline and to exchange cadets.", True),  # a package
        ("The chiefs agreed on a series of joint patrols.", True),  # an agreement on a topic
    ],
)
def test_an_agreement_to_an_activity_is_that_activity(text: str, agreement: bool) -> None:
    mentions = extract_events(doc(text), sentences(text), [], [], [])
    types = [m.event_type for m in mentions]
    assert ("AGREEMENT" in types) is agreement, types
    assert len(types) > 1 or not agreement


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Navies hold the drill each May.\nThe next edition is in 2016.", "edition", "JOINT_EXERCISE"),
        ("Defense chiefs hold talks annually.\nNext year's round will be in Oslo.", "round", "MEETING"),
        ("The summit was moved twice.\nIt will now take place in Riga.", "take place", "MEETING"),
        ("The second round was won by the incumbent.", "round", None),  # nothing to refer back to
    ],
)
def test_wordings_that_refer_back_take_their_antecedents_type(text: str, trigger: str, expected) -> None:
    mentions = extract_events(doc(text), sentences(text), [], [], [])
    types = [m.event_type for m in mentions if m.trigger.text.startswith(trigger)]
    assert types == ([expected] if expected else []), [(m.event_type, m.trigger.text) for m in mentions]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The envoy will visit the exercise on Monday.", "exercise"),  # the place visited
        ("The admirals met to review the preparations for the drills.", "drills"),  # a topic
    ],
)
def test_nouns_that_are_a_place_or_a_topic_are_no_events(text: str, absent: str) -> None:
    mentions = extract_events(doc(text), sentences(text), [], [], [])
    assert absent not in [m.trigger.text for m in mentions], [m.trigger.text for m in mentions]


def test_a_gap_vetoed_at_its_longest_reading_falls_back_to_its_shortest() -> None:
    # The longest reading ("repainted [classrooms at a primary] school") crosses a vetoed word ("at"); the
    # shortest ("repainted classrooms") is the event.
    text = "Forty sailors repainted classrooms at a primary school in the port."
    assert ("COOPERATION", "repainted classrooms") in found(text)
