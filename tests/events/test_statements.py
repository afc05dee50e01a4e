"""What someone said about an event: a characterization with a day and a quotation between ('called it
Tuesday "the most useful step"'), dated by its own day; and that day is no principal date for the episode the
article goes on telling in later paragraphs. Each text written for this test, through the whole per-document
analysis. And a date right after a demonstrative noun ("this conference today") is that event's."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of

_TEXT = (
    "The agreement was reached in Tallinn last week at a session of the joint commission. The Estonian "
    'co-chairman called it Tuesday "the most useful step in five years."\n\n'
    "Researchers hope the files will explain the losses.\n\n"
    "During the three-day session, the Estonian side also handed over copies of radar logs."
)


def test_a_characterization_with_a_day_and_a_quotation_between_is_a_statement_of_that_day() -> None:
    called = first_with(mentions_of(_TEXT, date(2004, 11, 18)), "called it")
    assert (called.event_type, called.date_value) == ("STATEMENT", "2004-11-16")


def test_the_day_of_a_statement_does_not_date_the_episode_told_paragraphs_later() -> None:
    text = _TEXT.replace(
        'called it Tuesday "the most useful step', "called the agreement Tuesday a useful step"
    )
    handed = first_with(mentions_of(text, date(2004, 11, 18)), "handed over")
    assert handed.date_value == "2004-W46"


def test_a_date_right_after_a_demonstrative_noun_is_its_own() -> None:
    text = "I thank your staff for the welcome yesterday. I am honored to open this conference today."
    conference = first_with(mentions_of(text, date(2003, 9, 23)), "conference")
    assert conference.date_value == "2003-09-23"


def test_a_date_after_a_gerund_for_which_someone_is_thanked_is_the_gerunds() -> None:
    text = "Secretary Hale thanked Minister Lich for hosting him in January and reaffirmed U.S. support."
    assert first_with(mentions_of(text, date(2018, 3, 14)), "thanked").date_value is None


def test_a_previous_visit_recalled_is_not_at_the_passages_date() -> None:
    text = (
        "Hale met Lich at the Pentagon on March 13. The previous port call of the USS Vinson at Da Nang "
        "drew large crowds."
    )
    call = first_with(mentions_of(text, date(2018, 3, 14)), "port call")
    assert call.date_value != "2018-03-13"


def test_a_perfect_over_decades_is_a_habit_not_an_event() -> None:
    text = '"Norway has trained allied troops in winter warfare for decades," the general said.'
    assert not any(m.event_type == "COOPERATION" for m in mentions_of(text, date(2017, 1, 17)))


def test_a_move_announced_as_under_way_is_made_on_the_day_of_the_announcement() -> None:
    text = (
        "Moscow said Saturday it was suspending its obligations under the treaty. Officials said Monday the "
        "talks had ended."
    )
    mentions = mentions_of(text, date(2019, 2, 4))
    assert first_with(mentions, "suspending").date_value == "2019-02-02"
    assert first_with(mentions, "talks").date_value is None


def test_a_move_announced_as_just_done_is_made_on_the_day_of_the_announcement() -> None:
    text = "The ministry announced Friday that it has suspended all military contacts with Moscow."
    assert first_with(mentions_of(text, date(2015, 6, 8)), "suspended").date_value == "2015-06-05"


def test_a_closing_attribution_with_a_day_dates_a_move_just_made_or_under_way() -> None:
    text = (
        "The government has approved the sale of four patrol boats to the Estonian navy, the ministry "
        "announced Tuesday. The two air forces are flying joint patrols over the gulf, officials said "
        "Wednesday. The destroyer visited Tallinn last month, the embassy said Thursday."
    )
    mentions = mentions_of(text, date(2016, 3, 11))
    assert first_with(mentions, "approved").date_value == "2016-03-08"
    assert first_with(mentions, "joint patrols").date_value == "2016-03-09"
    assert first_with(mentions, "visited").date_value == "2016-02"


def test_a_condemnation_in_a_statement_released_on_a_day_is_of_that_day() -> None:
    text = "Hale condemned the incursion in a statement released Saturday night."
    assert first_with(mentions_of(text, date(2014, 3, 3)), "condemned").date_value == "2014-03-01"


def test_the_signing_of_a_named_agreement_is_one_signing_and_no_agreement_besides() -> None:
    text = "The signing of the defense cooperation agreement with Kyiv is expected early next year."
    mentions = mentions_of(text, date(2014, 12, 9))
    assert [(m.event_type, m.status, m.date_value) for m in mentions] == [
        ("AGREEMENT_SIGNED", "planned", "2015")
    ]
