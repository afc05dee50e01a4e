"""Countries, capitals, organisations and IGOs."""

from __future__ import annotations


def _countries(actors):
    return {a.country for a in actors if a.kind == "country"}


def test_georgia_is_the_country_unless_us_context(resolve):
    actors, _ = resolve("Relations cooled after Russia invaded neighboring Georgia.")
    assert "GEO" in _countries(actors)
    actors, _ = resolve("The troops trained at Fort Stewart near Savannah, Georgia, last year.")
    assert "GEO" not in _countries(actors)
    actors, _ = resolve("Soldiers of the Georgia National Guard deployed.")
    assert "GEO" not in _countries(actors)


def test_demonyms_short_forms_and_capitals(resolve):
    text = "U.S. and Russian officials met. Washington and Moscow agreed. The Americans left."
    actors, mentions = resolve(text)
    assert _countries(actors) == {"USA", "RUS"}
    hows = {m.text: m.how for m in mentions}
    assert hows["Russian"] == "demonym" and hows["Moscow"] == "metonym" and hows["U.S."] == "name"


def test_dateline_city_is_not_a_metonym(resolve):
    actors, _ = resolve("MOSCOW, Sept. 13, 1999 – The talks began.\nMoscow, Sept. 14 – More talks.")
    assert _countries(actors) == set()


def test_country_names_not_inside_other_names(resolve):
    actors, _ = resolve("Engineers from North America visited New Mexico.")
    assert _countries(actors) == set()


def test_institutions(resolve):
    text = (
        "NATO allies and the Russian military met at the Pentagon. "
        "U.S. troops and the Russian Federation Air Force trained with the Royal Canadian Air Force. "
        "Sailors from USS The Sullivans (DDG 68) toured the "
        "Russian cruiser Moskva. Later The Sullivans sailed."
    )
    actors, mentions = resolve(text)
    orgs = {a.name: (a.country, a.sector) for a in actors if a.kind == "org"}
    assert orgs["NATO"] == ("IGO", None)
    assert orgs["Russian armed forces"] == ("RUS", "MIL")
    assert orgs["U.S. Department of Defense"] == ("USA", "GOV")
    assert orgs["U.S. armed forces"] == ("USA", "MIL")
    assert orgs["Russian Air Force"] == ("RUS", "MIL")
    assert orgs["Royal Canadian Air Force"] == ("CAN", "MIL")
    assert orgs["USS The Sullivans (DDG 68)"] == ("USA", "MIL")
    assert orgs["Russian cruiser Moskva"] == ("RUS", "MIL")
    assert any(m.text == "The Sullivans" and m.how == "alias" for m in mentions)


def test_compound_adjective_is_not_an_institution(resolve):
    actors, _ = resolve("They discussed the U.S.-Russia military relationship.")
    assert _countries(actors) == {"USA", "RUS"}
    assert not [a for a in actors if a.kind == "org"]


def test_bare_general_staff_takes_the_story_country(resolve):
    actors, _ = resolve("Russia and the United States talked. The chief met the General Staff in Moscow.")
    orgs = {a.name: a.country for a in actors if a.kind == "org"}
    assert orgs == {"Russian General Staff": "RUS"}
