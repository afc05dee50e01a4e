"""People found from titles, appositives and verbs, without any list naming them."""

from __future__ import annotations


def _person(actors, surname):
    found = [a for a in actors if a.kind == "person" and a.name.split()[-1] == surname]
    assert len(found) == 1, [a.name for a in actors if a.kind == "person"]
    return found[0]


def test_titled_person_with_appositive_country(resolve):
    actors, _ = resolve(
        "Gen. Nikolai Makarov, chief of the Russian General Staff, met his hosts in Brussels."
    )
    makarov = _person(actors, "Makarov")
    assert (makarov.name, makarov.country, makarov.sector) == ("Nikolai Makarov", "RUS", "MIL")


def test_defense_secretary_is_gov_mil_and_american(resolve):
    actors, _ = resolve("Defense Secretary Robert M. Gates flew to Tokyo on Monday.")
    gates = _person(actors, "Gates")
    assert (gates.actor_id, gates.country, gates.sector) == ("robert-m-gates", "USA", "GOV+MIL")


def test_demonym_in_title_chain_gives_country(resolve):
    actors, _ = resolve(
        "Chinese Defense Minister Wei Fenghe met Secretary of Defense Mark Esper. Wei said talks went well."
    )
    assert _person(actors, "Fenghe").country == "CHN"
    assert _person(actors, "Esper").country == "USA"


def test_counterpart_in_chain(resolve):
    text = "The chairman met his Russian counterpart Gen. Valery V. Gerasimov in Brussels."
    actors, _ = resolve(text)
    assert _person(actors, "Gerasimov").country == "RUS"


def test_former_official_is_eli(resolve):
    actors, _ = resolve("He also saw former Foreign Minister Yevgeny Primakov in Moscow.")
    assert _person(actors, "Primakov").sector == "ELI"


def test_minister_without_demonym_takes_the_story_country(resolve):
    text = (
        "Cohen met Defense Minister Igor Sergeyev on Monday. Relations with Russia have improved, Cohen said."
    )
    actors, _ = resolve(text)
    assert _person(actors, "Sergeyev").country == "RUS"


def test_untitled_name_needs_evidence(resolve):
    text = (
        "The meeting was chaired by Lernes Hebert (Principal Director, Office of the Secretary of Defense)."
    )
    actors, _ = resolve(text)
    assert _person(actors, "Hebert").country == "USA"
    actors, _ = resolve("Lernes Hebert said the talks were useful.")
    assert _person(actors, "Hebert")


def test_no_false_people(resolve):
    text = (
        "Serdyukov plans to tour Fort Belvoir, Va., tomorrow. "
        "He will tour the U.S. Naval Academy in Annapolis, Md.\n"
        "Cold War Relics Remain\n"
        "Today’s meetings went well. Strategic Arms Reduction Treaty talks resumed in September. "
        "Bergen Harbor Pilots said nothing."
    )
    actors, _ = resolve(text)
    names = [a.name for a in actors if a.kind == "person"]
    assert names == [], names


def test_byline_is_not_an_actor(resolve):
    actors, _ = resolve("By Jim Garamone\nAmerican Forces Press Service\n\nWASHINGTON – Officials met today.")
    assert [a for a in actors if a.kind == "person"] == []
