"""Holidays: movable days and a country's own day read from its context."""

from __future__ import annotations

from datetime import date

from pipeline.timex import timex_dir
from pipeline.timex.holidays import movable_day, national_day
from pipeline.timex.rules import load_grammar

TABLES = load_grammar(timex_dir().resolve()).tables


def test_us_election_day_is_the_tuesday_after_the_first_monday_of_november() -> None:
    assert movable_day("onafter:11:02:2", 2010) == date(2010, 11, 2)
    assert movable_day("onafter:11:02:2", 2009) == date(2009, 11, 3)
    assert movable_day("onafter:11:02:2", 2015) == date(2015, 11, 3)


def test_thanksgiving_and_good_friday() -> None:
    assert movable_day("nth:11:4:4", 2010) == date(2010, 11, 25)
    assert movable_day("easter:-2", 2010) == date(2010, 4, 2)


def day_of(sentence: str, kind: str = "independence") -> str:
    return national_day(sentence, sentence.index("Independence Day"), kind, TABLES)


def test_the_country_named_before_decides() -> None:
    assert day_of("Ghana's Independence Day") == "03-06"
    assert day_of("In Kenya, crowds gathered to mark Independence Day") == "12-12"


def test_no_country_named_means_july_fourth() -> None:
    assert day_of("The parade was held on Independence Day") == "07-04"


def test_an_unknown_country_leaves_the_day_unknown_rather_than_wrong() -> None:
    assert day_of("Ruritania's Independence Day") == ""
    assert day_of("the nation's Independence Day") == ""


def test_a_country_in_the_previous_sentence_does_not_count() -> None:
    assert day_of("He was born in Ghana. He moved here and loves Independence Day") == "07-04"
