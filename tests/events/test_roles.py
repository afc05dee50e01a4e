"""Participants: first-named is the actor, a host is the recipient, a reporting speaker is no participant."""

from __future__ import annotations

from pipeline.events.extract import extract_events
from tests.events.helpers import actor, doc, sentences


def roles(text: str, *people: tuple[str, str]) -> dict[str, list[tuple[str, str]]]:
    actors, mentions = [], []
    for surface, name in people:
        a, ms = actor(text, surface, surface.lower(), name)
        actors.append(a)
        mentions += ms
    out = extract_events(doc(text), sentences(text), [], actors, sorted(mentions, key=lambda m: m.start))
    return {m.trigger.text: [(r.name, r.role) for r in m.actors] for m in out}


def test_first_named_is_the_actor() -> None:
    got = roles("Hagel spoke by phone with Shoygu.", ("Hagel", "Chuck Hagel"), ("Shoygu", "Sergey Shoygu"))
    assert got["spoke by phone"] == [("Chuck Hagel", "actor"), ("Sergey Shoygu", "recipient")]


def test_the_host_is_the_recipient() -> None:
    got = roles(
        "Gates hosted five hours of meetings with Serdyukov.",
        ("Gates", "Robert Gates"),
        ("Serdyukov", "A. Serdyukov"),
    )
    assert set(got["hosted five hours of meetings"]) == {
        ("Robert Gates", "recipient"),
        ("A. Serdyukov", "actor"),
    }


def test_a_visit_destination_is_the_recipient() -> None:
    got = roles("A visit to Russia by Perry was announced.", ("Russia", "Russia"), ("Perry", "William Perry"))
    assert set(got["visit"]) == {("Russia", "recipient"), ("William Perry", "actor")}


def test_the_speaker_is_not_a_participant() -> None:
    got = roles(
        "Gates met Serdyukov at the Pentagon, Morrell said.",
        ("Gates", "Robert Gates"),
        ("Serdyukov", "A. Serdyukov"),
        ("Morrell", "Geoff Morrell"),
    )
    assert [name for name, _ in got["met"]] == ["Robert Gates", "A. Serdyukov"]


def test_participants_of_another_verb_are_not_this_ones() -> None:
    got = roles(
        "Gates met Serdyukov, and Mullen visited Moscow.",
        ("Gates", "Robert Gates"),
        ("Serdyukov", "A. Serdyukov"),
        ("Mullen", "Mike Mullen"),
        ("Moscow", "Russia"),
    )
    assert [name for name, _ in got["met"]] == ["Robert Gates", "A. Serdyukov"]
    assert set(got["visited"]) == {("Mike Mullen", "actor"), ("Russia", "recipient")}


def test_labels_use_surnames() -> None:
    text = "Gates visited Moscow."
    a, ms = actor(text, "Gates", "gates", "Robert M. Gates")
    b, ms2 = actor(text, "Moscow", "rus", "Russia", kind="country", country="RUS")
    (mention,) = extract_events(doc(text), sentences(text), [], [a, b], ms + ms2)
    assert mention.label == "Gates visits Russia"


def test_a_plural_pronoun_subject_carries_the_participants_told_before() -> None:
    got = roles(
        "Hagel spoke by phone with Shoygu.\nAmong other things, the two agreed to keep open lines with NATO.",
        ("Hagel", "Chuck Hagel"),
        ("Shoygu", "Sergey Shoygu"),
        ("NATO", "NATO"),
    )
    assert [name for name, _ in got["agreed"]] == ["Chuck Hagel", "Sergey Shoygu"]


def test_an_indefinite_subject_is_nobody_named_before_it() -> None:
    text = "It marked Okafor's first trip to Peru and the first time a Nigerian admiral has toured Callao."
    got = roles(text, ("Okafor", "Ngozi Okafor"), ("Nigerian", "Nigeria"), ("Peru", "Peru"))
    assert "Ngozi Okafor" not in [name for name, _ in got["toured"]]
    assert ("Nigeria", "actor") in got["toured"]


def test_a_relative_clause_takes_its_antecedent_as_subject() -> None:
    text = "Minister Okafor, who arrived in Lima on Sunday, said Peru would buy two patrol boats."
    got = roles(text, ("Minister Okafor", "Ngozi Okafor"), ("Peru", "Peru"))
    assert got["arrived in"][0] == ("Ngozi Okafor", "actor")


def test_a_pronoun_after_a_short_time_phrase_is_the_subject() -> None:
    text = "Okafor met Peruvian officers in Lima.\nOn Tuesday she toured the naval school."
    got = roles(text, ("Okafor", "Ngozi Okafor"))
    assert got["toured"] == [("Ngozi Okafor", "actor")]


def test_the_place_a_traveller_came_from_is_a_visit_of_that_traveller() -> None:
    text = "Okafor arrived in Lima on Sunday from Quito, where she had met Ecuadorean officers."
    okafor, m1 = actor(text, "Okafor", "okafor", "Ngozi Okafor", country="NGA")
    peru, m2 = actor(text, "Lima", "peru", "Peru", kind="country", country="PER")
    ecuador, m3 = actor(text, "Quito", "ecuador", "Ecuador", kind="country", country="ECU")
    mentions = sorted(m1 + m2 + m3, key=lambda m: m.start)
    out = extract_events(doc(text), sentences(text), [], [okafor, peru, ecuador], mentions)
    got = {m.trigger.text: [(r.name, r.role) for r in m.actors] for m in out}
    assert got["from Quito"] == [("Ngozi Okafor", "actor"), ("Ecuador", "recipient")]


def test_the_place_a_traveller_came_from_is_no_visit_when_it_is_home() -> None:
    text = "Okafor arrived in Lima on Sunday from Abuja, where she had briefed the president."
    okafor, m1 = actor(text, "Okafor", "okafor", "Ngozi Okafor", country="NGA")
    nigeria, m2 = actor(text, "Abuja", "nigeria", "Nigeria", kind="country", country="NGA")
    out = extract_events(
        doc(text), sentences(text), [], [okafor, nigeria], sorted(m1 + m2, key=lambda m: m.start)
    )
    assert "from Abuja" not in [m.trigger.text for m in out]


def test_a_pronoun_subject_inside_the_sentence_is_its_first_person() -> None:
    text = "Okafor arrived in Lima from Quito, where she had met Admiral Ruiz."
    got = roles(text, ("Okafor", "Ngozi Okafor"), ("Admiral Ruiz", "Luis Ruiz"))
    assert got["met"] == [("Ngozi Okafor", "actor"), ("Luis Ruiz", "recipient")]


def test_a_bare_place_a_traveller_came_from_is_no_visit_of_its_own() -> None:
    text = "Okafor arrived in Lima on Sunday from Quito and will leave for Bogota on Friday."
    okafor, m1 = actor(text, "Okafor", "okafor", "Ngozi Okafor", country="NGA")
    ecuador, m2 = actor(text, "Quito", "ecuador", "Ecuador", kind="country", country="ECU")
    out = extract_events(
        doc(text), sentences(text), [], [okafor, ecuador], sorted(m1 + m2, key=lambda m: m.start)
    )
    assert "from Quito" not in [m.trigger.text for m in out]


def test_the_place_a_visiting_verb_takes_as_object_is_the_recipient() -> None:
    got = roles(
        "On Thursday it will visit the Naval Academy in Annapolis.", ("Naval Academy", "U.S. Naval Academy")
    )
    assert got["visit"] == [("U.S. Naval Academy", "recipient")]
