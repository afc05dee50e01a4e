"""clause_tense(): the cue nearest to the expression, in its clause."""

from __future__ import annotations

from pipeline.timex import timex_dir
from pipeline.timex.rules import load_grammar
from pipeline.timex.tense import clause_tense

CUES = load_grammar(timex_dir().resolve()).tense


def tense(sentence: str, expression: str) -> str | None:
    start = sentence.index(expression)
    return clause_tense(sentence, start, start + len(expression), CUES)


def test_future_auxiliary_before_a_participle() -> None:
    assert tense("His funeral will be held Saturday.", "Saturday") == "future"


def test_a_cue_in_another_clause_does_not_count() -> None:
    assert tense("Macron won the runoff on Sunday and will take office next week.", "Sunday") == "past"


def test_since_means_past() -> None:
    assert tense("its third recall since January", "January") == "past"


def test_adjective_in_ed_is_not_a_past_tense() -> None:
    assert tense("The vote is Thursday in a closely watched runoff.", "Thursday") is None


def test_infinitive_of_an_intention_verb_looks_ahead_even_after_a_past_verb() -> None:
    assert tense("The ministers agreed last week to hold talks in February.", "February") == "future"


def test_purpose_infinitive_after_a_plain_past_verb_stays_past() -> None:
    assert tense("She went to Paris in March to attend a conference.", "March") == "past"


def test_fronted_adverbial_takes_the_tense_after_its_comma() -> None:
    assert tense("In March, the two armies held a joint drill.", "March") == "past"
    assert tense("On Monday, the minister will visit the plant.", "Monday") == "future"


def test_past_intention_verb_after_a_fronted_date_dates_the_intention() -> None:
    assert tense("In November, the company decided to close two plants.", "November") == "past"


def test_would_is_a_future_seen_from_the_past() -> None:
    assert tense("Officials said the plant would reopen in June.", "June") == "past-future"
    assert tense("The summit would be held in November.", "November") == "past-future"


def test_a_past_verb_of_a_previous_coordinated_clause_does_not_count() -> None:
    assert tense("The talks collapsed, and the two sides meet again on Friday.", "Friday") is None
    assert tense("The talks collapsed, and the sides will meet on Friday.", "Friday") == "future"


def test_what_is_answered_has_happened_whatever_the_main_clause() -> None:
    sentence = "The navy will send two more destroyers in response to the Sept. 14 attack on the tanker."
    assert tense(sentence, "Sept. 14") == "past"
    assert tense("Jets struck the camps in retaliation for the bombing on Tuesday.", "Tuesday") == "past"


def test_a_verb_after_the_frame_hands_the_date_to_its_own_clause() -> None:
    sentence = "In response to the request, the navy will send a ship that will arrive on Tuesday."
    assert tense(sentence, "Tuesday") == "future"


def test_a_long_apposition_does_not_hide_the_verb_of_the_clause() -> None:
    sentence = (
        "The two navies signed a pact, the General Security of Military Information Agreement of the "
        "Northern Group, in Seoul on Wednesday."
    )
    assert tense(sentence, "Wednesday") == "past"


def test_a_far_verb_beyond_another_verb_phrase_gives_no_tense() -> None:
    sentence = (
        "They discussed what can be done to help the Afghans hold a credible, transparent and fair "
        "presidential election in April."
    )
    assert tense(sentence, "April") is None


def test_through_after_a_date_ends_a_range_in_the_tense_of_its_clause() -> None:
    sentence = "Medics treated more than 1,500 patients from Sept. 16 through Sept. 27."
    assert tense(sentence, "Sept. 27") == "past"
    assert tense("The exercise ran March 4 through 15.", "15") == "past"
    assert tense("The drills will run from Sept. 16 through Sept. 27.", "Sept. 27") == "future"


def test_a_plan_called_off_has_no_direction_of_its_own() -> None:
    assert tense("EUCOM has called off a visit to Moscow in May.", "May") is None
    assert tense("The navy canceled a port visit to Qingdao in December.", "December") is None


def test_plans_after_a_past_verb_are_a_noun_and_a_participle_after_the_date_plans_nothing() -> None:
    assert tense("NATO ministers approved plans on Thursday to set up a command.", "Thursday") == "past"
    sentence = "Poland and the U.S. issued a joint declaration in Warsaw on Friday pledging to cooperate."
    assert tense(sentence, "Friday") == "past"


def test_a_long_name_with_a_number_and_an_and_inside_does_not_hide_the_verb() -> None:
    sentence = (
        "Capt. Reyes began the 10-month course at the U.S. Army Command and General Staff College at Fort "
        "Leavenworth on Monday."
    )
    assert tense(sentence, "Monday") == "past"


def test_a_past_verb_after_a_comma_is_not_the_auxiliary_of_a_plan_before_it() -> None:
    assert tense("The talks, first set for March, took place on June 11.", "June 11") == "past"


def test_a_date_closing_a_relative_clause_takes_its_verb_not_the_main_verb_after_it() -> None:
    sentence = "A staff exercise that was to bring the two commands together in May has been dropped."
    assert tense(sentence, "May") == "past-future"
    assert tense("The drill, which will test the hotline in June, was announced.", "June") == "future"
    assert tense("Talks that began in May will end in June.", "May") == "past"


def test_plans_right_before_the_date_preposition_is_a_noun() -> None:
    assert tense("Moscow protested the U.S. missile defense plans on Monday.", "Monday") == "past"
    assert tense("The ministry plans on Monday to announce the exercise.", "Monday") == "future"


def test_a_plan_s_day_told_with_its_calling_off_has_no_direction() -> None:
    sentence = "A parachute drop by the two armies, set for Thursday, was scrapped because of high winds."
    assert tense(sentence, "Thursday") is None
    assert tense("A parachute drop, set for Thursday, will go ahead.", "Thursday") == "future"


def test_a_weekday_after_a_calling_off_is_the_calling_off_s_day() -> None:
    assert tense("Pakistan canceled the deployment of the brigade on Friday.", "Friday") == "past"
    assert tense("EUCOM has called off a visit to Moscow in May.", "May") is None
