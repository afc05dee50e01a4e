"""tag(): one behaviour per test, against a publication date of Wednesday 2010-09-15 unless stated."""

from __future__ import annotations

from datetime import date

from pipeline.timex import tag

DCT = date(2010, 9, 15)


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


def test_granularity_is_kept() -> None:
    assert values("Gates last visited Russia in March 2008.") == [("March 2008", "2008-03")]


def test_tomorrow_is_the_day_after_the_publication_date() -> None:
    assert values("He will tour the base tomorrow.") == [("tomorrow", "2010-09-16")]


def test_later_that_year_points_to_the_last_mentioned_year_not_today() -> None:
    text = "He visited in March 2008. Today he said relations cooled later that year."
    assert values(text)[-1] == ("later that year", "2008")


def test_anaphor_records_its_anchor() -> None:
    found = tag("He visited in March 2008 and relations cooled later that year.", DCT)
    assert found[1].anchor == found[0].tid == "t1"


def test_no_dct_leaves_deictic_values_underspecified_and_flagged() -> None:
    (found,) = tag("He will tour the base tomorrow.", None)
    assert (found.value, found.underspecified) == ("XXXX-XX-XX", True)


def test_future_tense_picks_the_next_weekday() -> None:
    assert values("The two will meet on Friday.") == [("Friday", "2010-09-17")]


def test_past_tense_picks_the_last_weekday() -> None:
    assert values("The two met on Friday.") == [("Friday", "2010-09-10")]


def test_month_alone_in_past_tense_is_the_previous_one() -> None:
    assert values("The Russians announced in December that they would buy.") == [("December", "2009-12")]


def test_since_tags_only_the_year() -> None:
    assert values("the first visit since 2005") == [("2005", "2005")]


def test_modifier_is_inside_with_a_mod() -> None:
    (found,) = tag("Talks resume in early 2009.", DCT)
    assert (found.text, found.value, found.mod) == ("early 2009", "2009", "START")


def test_range_is_split_in_two() -> None:
    assert values("during his June 6-8 stay") == [("June 6", "2010-06-06"), ("8", "2010-06-08")]


def test_durations() -> None:
    assert values("five hours of meetings over the past two years") == [
        ("five hours", "PT5H"),
        ("the past two years", "P2Y"),
    ]


def test_recurrence_is_a_set() -> None:
    (found,) = tag("They will meet at least once a year.", DCT)
    assert (found.type, found.value) == ("SET", "P1Y")


def test_curly_apostrophe_possessive() -> None:
    assert values("Today’s meetings went well.") == [("Today", "2010-09-15")]


def test_may_the_verb_is_not_a_date() -> None:
    assert values("We may meet again, and one second thought may march on.") == []


def test_money_and_phone_numbers_are_not_years() -> None:
    assert values("It cost $2010 million; call 555-2010.") == []


def test_offsets_point_at_the_text() -> None:
    text = "WASHINGTON, Sept.\u00a015, 2010 — talks ended yesterday."
    assert all(text[t.start : t.end] == t.text for t in tag(text, DCT))


def test_tids_are_in_order() -> None:
    assert [t.tid for t in tag("yesterday and tomorrow", DCT)] == ["t1", "t2"]
