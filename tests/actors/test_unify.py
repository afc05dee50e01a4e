"""Cross-document unification of actors."""

from __future__ import annotations

from pipeline.events.actors import unify_actors
from pipeline.events.names import slug
from pipeline.model import Actor


def _p(name: str, country: str | None = "RUS") -> Actor:
    return Actor(slug(name), name, "person", country, "GOV")


def test_spelling_variants_become_one():
    actors = [
        _p("Anatoliy Serdyukov"),
        _p("Anatoly Serdyukov"),
        _p("Anatoly Serdykov"),
        _p("Anatoliy Serdyukov"),
    ]
    result = unify_actors(actors)
    assert len({a.actor_id for a in result.values()}) == 1
    assert result["anatoly-serdykov"].name == "Anatoliy Serdyukov"
    assert set(result) == {"anatoliy-serdyukov", "anatoly-serdyukov", "anatoly-serdykov"}


def test_fullest_name_wins():
    result = unify_actors(
        [_p("Robert Gates", "USA"), _p("Robert Gates", "USA"), _p("Robert M. Gates", "USA")]
    )
    assert result["robert-gates"].name == "Robert M. Gates"
    assert "Robert Gates" in result["robert-gates"].aliases


def test_nicknames_and_suffixes():
    result = unify_actors([_p("Joe Dunford", "USA"), _p("Joseph F. Dunford Jr.", "USA")])
    assert result["joe-dunford"] == result["joseph-f-dunford-jr"]


def test_different_people_with_one_surname_stay_apart():
    result = unify_actors([_p("Barack Obama", "USA"), _p("Michelle Obama", "USA"), _p("Obama", "USA")])
    assert result["barack-obama"] != result["michelle-obama"]
    assert result["obama"].name == "Obama"  # ambiguous: not forced onto either
    result = unify_actors(
        [_p("George W. Bush", "USA"), _p("George H.W. Bush", "USA"), _p("George Bush", "USA")]
    )
    assert result["george-w-bush"] != result[slug("George H.W. Bush")]


def test_surname_only_joins_a_unique_match():
    result = unify_actors([_p("Igor Rodionov"), _p("Rodionov")])
    assert result["rodionov"].name == "Igor Rodionov"


def test_countries_must_be_compatible_unless_the_full_name_agrees():
    result = unify_actors([_p("Sergei Ivanov", "RUS"), _p("Ivanov", "BGR")])
    assert result["sergei-ivanov"] != result["ivanov"]
    # A full name read with a default country in one document ("President Vladimir Putin") still merges.
    result = unify_actors(
        [_p("Vladimir Putin", "RUS"), _p("Vladimir Putin", "RUS"), _p("Vladimir V. Putin", "USA")]
    )
    assert len(set(result.values())) == 1 and result["vladimir-putin"].country == "RUS"


def test_non_persons_merge_by_id():
    a = Actor("russia", "Russia", "country", "RUS", None, ("Russian",))
    b = Actor("russia", "Russia", "country", "RUS", None, ("Moscow",))
    result = unify_actors([a, b])
    assert set(result["russia"].aliases) == {"Russian", "Moscow"}
