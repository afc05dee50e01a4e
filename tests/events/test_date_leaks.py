"""A date of the sentence that belongs to something else dates no event: a relative clause on the subject,
a birth, a report's release, the day an audience was told of earlier acts. Each text written for this
test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

from tests.events.analysed import first_with, mentions_of


def test_the_date_of_a_relative_clause_on_the_subject_does_not_date_the_predicate() -> None:
    text = "Col. Dorrian, who took over as spokesman in June, said the coalition has conducted airstrikes."
    assert first_with(mentions_of(text, date(2016, 10, 4)), "conducted").date_value is None


def test_a_relative_clause_holding_the_event_keeps_its_date() -> None:
    text = "Gen. Ward, who visited Moscow in June, said the talks were useful."
    assert first_with(mentions_of(text, date(2016, 10, 4)), "visited").date_value == "2016-06"


def test_a_year_of_birth_dates_no_event() -> None:
    text = "Born in 1961 in Tbilisi, the Georgian chief of defense studied at the U.S. Army War College."
    assert first_with(mentions_of(text, date(2016, 2, 25)), "studied").date_value is None


def test_the_release_of_a_report_dates_no_event_it_reports() -> None:
    text = (
        "In a report released March 22, the auditors found that U.S. training of Iraqi police lacked goals."
    )
    assert first_with(mentions_of(text, date(2013, 3, 27)), "training").date_value is None


def test_the_day_an_audience_was_told_dates_the_telling_not_what_had_been_done() -> None:
    text = (
        "Gen. Waldhauser told Somali officials on Thursday that AFRICOM had carried out 70 airstrikes there."
    )
    mentions = mentions_of(text, date(2017, 2, 3))
    assert first_with(mentions, "carried out").date_value is None
    assert first_with(mentions, "told").date_value == "2017-02-02"


def test_the_status_of_a_relative_clause_on_the_subject_does_not_reach_the_predicate() -> None:
    text = "The militants, who have been fighting the government since 2007, claimed the attack on the base."
    assert first_with(mentions_of(text, date(2013, 6, 10)), "attack").status == "occurred"


def test_the_cause_of_a_postponement_is_not_dated_by_the_new_date() -> None:
    text = "The navy has postponed the exercise until October because of the fighting in Marawi."
    fighting = first_with(mentions_of(text, date(2017, 8, 14)), "fighting")
    assert (fighting.status, fighting.date_value) == ("occurred", None)


def test_a_relative_clause_on_a_verbs_complement_dates_the_complement_not_the_verb() -> None:
    text = (
        "On Wednesday, Marines from Okinawa flew relief supplies into Sendai airport, which had reopened to "
        "military flights the day before."
    )
    assert first_with(mentions_of(text, date(2011, 3, 24)), "flew").date_value == "2011-03-23"


def test_a_relative_clause_right_after_a_noun_still_dates_its_noun() -> None:
    text = "The pact should prevent errant fire like the U.S. airstrike that killed 11 soldiers last June."
    assert first_with(mentions_of(text, date(2008, 2, 20)), "airstrike").date_value == "2007-06"


def test_the_date_of_what_a_first_counts_from_is_not_the_events_and_its_end_day_is_no_start() -> None:
    text = "The visit, his first since taking office in January, ends Friday."
    visit = first_with(mentions_of(text, date(2016, 6, 8)), "visit")
    assert (visit.status, visit.date_value) == ("ongoing", None)


def test_a_fronted_subordinate_clause_lends_its_words_to_no_main_predicate() -> None:
    text = (
        "In May 1998, after India conducted a series of nuclear tests, the United States imposed sanctions "
        "on New Delhi and cut off most military-to-military contacts."
    )
    found = {m.trigger.text: (m.status, m.date_value) for m in mentions_of(text, date(2002, 10, 2))}
    assert found["imposed sanctions"] == ("occurred", "1998-05")
    assert found["cut off most military-to-military contacts"] == ("occurred", "1998-05")


def test_a_fronted_before_clause_frames_the_day_of_the_main_predicate() -> None:
    text = "Before flying home Wednesday, the Russians toured the post's gunnery ranges."
    assert first_with(mentions_of(text, date(1996, 4, 18)), "toured").date_value == "1996-04-17"


def test_a_fronted_that_date_is_no_relative_clause_and_dates_every_coordinated_predicate() -> None:
    text = (
        "Russian troops poured into Georgia in August 2008. That fall, NATO suspended formal meetings of the "
        "NATO-Russia Council, and the United States put its military contacts with Moscow on hold."
    )
    found = {m.trigger.text: m.date_value for m in mentions_of(text, date(2010, 3, 10))}
    assert found["put its military contacts with Moscow on hold"] == "2008-FA"


def test_a_date_before_coordinated_modifiers_dates_their_event_noun() -> None:
    text = "The deployment follows the Sept. 14 drone and missile attack on Saudi oil facilities."
    assert first_with(mentions_of(text, date(2019, 10, 11)), "attack").date_value == "2019-09-14"


def test_an_exercise_named_again_with_its_own_participle_takes_the_date_of_its_relative_clause() -> None:
    text = (
        "More than 1,200 troops will take part in PANAMAX 2014, a multinational exercise focused on "
        "defending the Panama Canal, which begins Monday."
    )
    assert first_with(mentions_of(text, date(2014, 8, 8)), "PANAMAX").date_value == "2014-08-11"


def test_a_quoted_gloss_after_a_name_opens_no_predicate_and_a_series_keeps_its_start() -> None:
    text = 'Balikatan, Filipino for "shoulder to shoulder," has been held almost every year since 1991.'
    series = first_with(mentions_of(text, date(2015, 4, 20)), "Balikatan")
    assert (series.status, series.date_value) == ("recurring", "1991")


def test_the_year_a_unit_was_based_somewhere_does_not_date_what_it_has_done() -> None:
    text = "The task force, based here since 1984, has rescued hundreds of people in Central America."
    assert first_with(mentions_of(text, date(2011, 10, 20)), "rescued").date_value is None


def test_the_year_a_council_was_created_starts_its_series_of_meetings() -> None:
    text = "The council, created in 1988, normally meets once a year."
    assert first_with(mentions_of(text, date(2006, 9, 20)), "meets").date_value == "1988"


def test_a_comparison_since_the_end_of_the_cold_war_leaves_the_sentences_date_to_its_verb() -> None:
    text = "NATO's largest exercise since the end of the Cold War formally began today across Norway."
    exercise = first_with(mentions_of(text, date(2018, 10, 25)), "exercise")
    assert exercise.date_value == "2018-10-25"


def test_a_day_inside_an_arrivals_wording_dates_it_before_the_main_clauses_today() -> None:
    text = (
        "Gates met at the Pentagon today with Vietnamese Defense Minister Gen. Phung Quang Thanh, who "
        "arrived in Washington yesterday for a three-day visit."
    )
    assert first_with(mentions_of(text, date(2010, 9, 16)), "arrived").date_value == "2010-09-15"


def test_a_the_latest_of_which_clause_dates_its_noun_not_the_verb_before_it() -> None:
    text = (
        "TOKYO, Aug. 7, 2019 — Esper met with Japanese Defense Minister Takeshi Iwaya here today. The two "
        "ministers condemned the launches, the latest of which came yesterday, and agreed to share data."
    )
    found = {m.trigger.text: m.date_value for m in mentions_of(text, date(2019, 8, 7))}
    assert found["condemned"] == "2019-08-07"


def test_a_despite_phrase_closes_the_relative_clause_before_it_and_dates_what_it_announced() -> None:
    text = (
        "U.S. and Russian officers continue to talk over the deconfliction line that keeps their aircraft "
        "apart over Syria, despite Moscow's announcement Monday that it was suspending cooperation."
    )
    mentions = mentions_of(text, date(2017, 6, 21))
    assert first_with(mentions, "suspending").date_value == "2017-06-19"
    assert all(m.event_type != "MILITARY_FORCE" for m in mentions)  # aircraft kept apart are no force kept
