"""Statements, agreements, suspensions and personnel exchanges told in wordings a tester's probe sentences of
session 6 found missing: each sentence written for this test, through the whole per-document analysis."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import mentions_of

DAY = date(2020, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China lodged a formal protest with Washington on Thursday.", "STATEMENT"),
        ("Hagel asked Beijing to share its flight data on Monday.", "STATEMENT"),
        ("The U.S. side raised the unsafe intercepts at the annual review in June.", "STATEMENT"),
        ("The incident will be raised with the Chinese government through diplomatic channels.", "STATEMENT"),
        ("We urge Russia to pull its forces back from the border.", "STATEMENT"),
        ("The situation is grave, and we call on Moscow to stop the shelling.", "STATEMENT"),
        ("The admiral asked the Chinese navy to keep a safe distance.", "STATEMENT"),
        ("India objected to the sale of F-16s to Pakistan in 2005.", "STATEMENT"),
        ("The general complained about the pace of the talks on Friday.", "STATEMENT"),
        ("The Thai minister called the alliance a cornerstone of regional security.", "STATEMENT"),
        ("Carter expressed his condolences to the Jordanian chairman on Sunday.", "STATEMENT"),
        ("Mattis reassured South Korean leaders on Monday.", "STATEMENT"),
        ("NATO leaders endorsed the Readiness Initiative at the Brussels summit on Wednesday.", "AGREEMENT"),
        ("The ministers sealed the Basic Exchange and Cooperation Agreement on Tuesday.", "AGREEMENT_SIGNED"),
        ("The joint vision statement was signed here today by the two ministers.", "AGREEMENT_SIGNED"),
        ("The United States left the Open Skies Treaty on Nov. 22.", "SUSPENSION"),
        ("Manila let its visiting forces agreement lapse in August.", "SUSPENSION"),
        ("The Pentagon scaled back military engagement with Thailand after the coup.", "SUSPENSION"),
        ("Uzbekistan evicted U.S. forces from Karshi-Khanabad in 2005.", "SUSPENSION"),
        ("Pakistan shut down the NATO supply route on Saturday.", "SUSPENSION"),
        ("The deployment of the brigade to Saudi Arabia began in May.", "MILITARY_FORCE"),
        ("India will post liaison officers at U.S. Central Command next year.", "PERSONNEL_EXCHANGE"),
        (
            "A Colombian colonel has been assigned as an instructor at the Army War College.",
            "PERSONNEL_EXCHANGE",
        ),
        (
            "A U.S. company commander and a Czech company commander traded places for a month.",
            "PERSONNEL_EXCHANGE",
        ),
        ("Kazakhstan sent 10 officers to U.S. military schools last year.", "PERSONNEL_EXCHANGE"),
        ("A U.S. Army major is studying at the Russian General Staff Academy.", "PERSONNEL_EXCHANGE"),
        (
            "Carter told Chinese Defense Minister Chang Wanquan on Tuesday that the patrols go on.",
            "STATEMENT",
        ),
        (
            "The Coast Guard transferred a former patrol ship to the Philippine Navy on Tuesday.",
            "COOPERATION",
        ),
        ("The U.S. gave the Guatemalan army three Bell helicopters last week.", "COOPERATION"),
        ("The Navy will lend two patrol boats to Ghana next year.", "COOPERATION"),
        ("U.S. experts helped Vietnam clear unexploded ordnance last year.", "COOPERATION"),
        ("U.S. tankers began refueling French fighter jets over Mali on Sunday.", "COOPERATION"),
        ("A U.S. training team mentored two battalions of the Nigerian army last year.", "COOPERATION"),
        ("The two navies will share radar data starting next year.", "COOPERATION"),
        (
            "Air Force C-17s landed at Tribhuvan airport on Sunday with 45 tons of relief supplies.",
            "COOPERATION",
        ),
        ("U.S. ships and aircraft will have rotational access to Philippine bases.", "COOPERATION"),
        (
            "A Danish officer has served as the first foreign liaison officer at 2nd Fleet since August.",
            "PERSONNEL_EXCHANGE",
        ),
        (
            "Sailors painted classrooms during a community relations project in Da Nang on March 6.",
            "COOPERATION",
        ),
        (
            "The United States and Japan unveiled revised guidelines for defense cooperation Monday.",
            "AGREEMENT",
        ),
        ("U.S. aircraft provided surveillance and targeting support to Philippine troops.", "COOPERATION"),
        ("Fort Leonard Wood hosted 14 Iraqi army engineers for a six-week course.", "PERSONNEL_EXCHANGE"),
        (
            "Negotiators initialed the agreement, clearing the way for a formal signing later this year.",
            "AGREEMENT_SIGNED",
        ),
        (
            "The ministers agreed on the text of an agreement and will sign it in Washington in March.",
            "AGREEMENT_SIGNED",
        ),
        ("Two Russian Tu-160 bombers flew along the Norwegian coast on Monday.", "MILITARY_FORCE"),
        ("A Russian Su-27 flew upside down directly above a Navy EP-3E on Jan. 29.", "MILITARY_FORCE"),
        ("A Russian destroyer collided with a U.S. frigate in the Black Sea in 1988.", "MILITARY_FORCE"),
    ],
)
def test_a_wording_is_found_with_its_type(text: str, expected: str) -> None:
    found = [m.event_type for m in mentions_of(text, DAY)]
    assert expected in found, found


def test_aid_cut_off_is_aid_called_off() -> None:
    aid = [
        m
        for m in mentions_of("Washington cut off military aid to Mali in August.", DAY)
        if "aid" in m.trigger.text
    ]
    assert aid and aid[0].status == "cancelled"


@pytest.mark.parametrize(
    "text",
    [
        "We have also acted to reassure our allies.",
        "Russia said Washington had been preparing to leave the treaty for years.",
        "Weapons sales and reducing the permafrost in relations were on the agenda.",
    ],
)
def test_a_purpose_a_preparation_or_a_metaphor_is_no_such_event(text: str) -> None:
    assert not [m for m in mentions_of(text, DAY) if m.event_type in ("STATEMENT", "SUSPENSION")]


def test_experts_sent_to_help_are_cooperation_and_what_they_help_with_shares_the_trip() -> None:
    text = "The Guard will send a team of engineers to Azerbaijan next spring to help renovate a school."
    found = [(m.event_type, m.status, m.date_value) for m in mentions_of(text, date(2011, 10, 5))]
    assert found == [("COOPERATION", "planned", "2012-SP"), ("COOPERATION", "planned", "2012-SP")]


def test_did_so_and_did_the_same_tell_another_event_of_the_kind_told_before() -> None:
    text = (
        "Romanian soldiers trained with U.S. Marines at Kogalniceanu in May, and Bulgarian soldiers did the "
        "same at Novo Selo in June."
    )
    found = [(m.event_type, m.date_value) for m in mentions_of(text, date(2012, 7, 10))]
    assert found == [("JOINT_EXERCISE", "2012-05"), ("JOINT_EXERCISE", "2012-06")]


def test_the_first_to_do_so_is_no_second_event() -> None:
    text = "Mullen toured the Northern Fleet headquarters on Monday, the first U.S. chairman to do so."
    assert len(mentions_of(text, date(2009, 7, 8))) == 1


def test_a_standing_mission_to_an_organisation_is_no_trip() -> None:
    text = "The United States expelled 12 officers of Russia's mission to the United Nations on Monday."
    assert "VISIT" not in [m.event_type for m in mentions_of(text, date(2018, 3, 27))]


def test_their_call_on_a_day_is_a_call_not_a_call_paid_on_someone() -> None:
    found = [
        (m.event_type, m.date_value)
        for m in mentions_of("Their call on Friday lasted an hour.", date(2014, 3, 17))
    ]
    assert found == [("PHONE_CALL", "2014-03-14")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides also traded observers during the exercise.", "PERSONNEL_EXCHANGE"),
        ("Russia's cruiser has helped escort the cargo ships since Jan. 7.", "COOPERATION"),
        (
            "American and Russian officials formally opened a chemical weapons destruction plant today.",
            "COOPERATION",
        ),
        (
            "The mission grew out of a framework the two ministers worked out in Geneva on Sept. 14.",
            "AGREEMENT",
        ),
        ("The next joint field activity is to begin in early December.", "COOPERATION"),
    ],
)
def test_cooperation_wordings_of_a_blind_set_are_found(text: str, expected: str) -> None:
    assert expected in [m.event_type for m in mentions_of(text, DAY)]


def test_the_next_flight_of_a_series_moved_to_a_day_is_planned_for_it() -> None:
    text = "Two C-17s flew relief supplies to Moscow on Monday. The third flight was moved to Friday."
    flight = [m for m in mentions_of(text, date(2014, 2, 10)) if m.trigger.text == "flight"]
    assert [(m.status, m.date_value) for m in flight] == [("planned", "2014-02-14")]


@pytest.mark.parametrize(
    "text",
    [
        "The United States supplied armored trucks to the Indonesian marines last month.",
        "The U.S. transferred three Hercules transports to the Philippine air force last year.",
        "Russian troops handed the base over to the Kyrgyz government on Friday.",
        "A U.S. Coast Guard cutter towed the disabled Russian trawler to port on Monday.",
        "Russia supplied armored trucks in December to carry the chemicals by road.",
        "Polish and American soldiers have worked side by side in Iraq since 2003.",
        "U.S. Army trainers have worked with the Kazakh peacekeeping battalion since 2003.",
        "U.S. medics treated Russian sailors injured in the fire on Tuesday.",
        "U.S. and Ukrainian engineers dismantled the last of the SS-24 silos in 2001.",
        "The United States funded the construction of a storage site at Mayak.",
        "The Coast Guard and the Russian border service coordinated the search for the missing boat.",
        "U.S. specialists removed 1,300 pounds of uranium from Kazakhstan in 1994.",
        "The embassy arranged for the return of the remains of two Soviet pilots.",
    ],
)
def test_goods_handed_to_another_side_are_cooperation(text: str) -> None:
    assert "COOPERATION" in {m.event_type for m in mentions_of(text, DAY)}


@pytest.mark.parametrize(
    "text",
    [
        "The secretary delivered a speech to the Polish parliament on Monday.",
        "The minister handed a letter to the Russian ambassador on Friday.",
        "The agreement gives U.S. forces access to Ghanaian facilities.",
    ],
)
def test_words_and_rights_handed_over_are_no_goods(text: str) -> None:
    assert "COOPERATION" not in {m.event_type for m in mentions_of(text, DAY)}


def test_a_passive_request_is_no_statement_of_its_own() -> None:
    found = [
        (m.event_type, m.trigger.text) for m in mentions_of("Col. Reyes was asked to lead the team.", DAY)
    ]
    assert not [t for kind, t in found if kind == "STATEMENT"], found


@pytest.mark.parametrize(
    "text",
    [
        "Vilnius wants to restore the agreement before the summer.",
        "Disputes over shares of the work had held up the deal since last autumn.",
        "The Senate may take up the accord before its July recess.",
        "Officials have been negotiating an agreement on port access since May.",
    ],
)
def test_an_agreement_only_referred_to_is_no_agreement_reached(text: str) -> None:
    found = [(m.event_type, m.trigger.text) for m in mentions_of(text, DAY)]
    assert all(kind != "AGREEMENT" for kind, _ in found), found


def test_testimony_to_a_legislature_is_no_statement_to_the_other_side() -> None:
    text = "The deputy assistant secretary told the panel that officials expected the sale to proceed."
    assert not [m for m in mentions_of(text, DAY) if m.event_type == "STATEMENT"]


def test_an_activity_told_as_a_purpose_is_no_cooperation_of_its_own() -> None:
    text = "A Kazakh engineer company is expected to deploy to Iraq this summer to clear unexploded ordnance."
    assert not [m for m in mentions_of(text, DAY) if "clear" in m.trigger.text]


@pytest.mark.parametrize(
    "text",
    [
        "Typhoon Haiyan, one of the strongest storms on record, struck the Philippines on Nov. 8.",
        "The missile was launched from San Nicolas Island and hit its target after 500 kilometers of flight.",
    ],
)
def test_weather_and_a_test_hitting_its_target_are_no_use_of_force(text: str) -> None:
    assert "MILITARY_FORCE" not in {m.event_type for m in mentions_of(text, DAY)}


def test_a_document_signed_by_two_titled_signers_in_a_relative_clause_is_a_signing() -> None:
    text = (
        "The rotation follows a memorandum that Polish Defense Minister Bogdan Klich and U.S. Ambassador Lee "
        "Feinstein signed in Warsaw on Monday."
    )
    signed = [m for m in mentions_of(text, date(2011, 6, 2)) if m.event_type == "AGREEMENT_SIGNED"]
    assert [(m.status, m.date_value) for m in signed] == [("occurred", "2011-05-30")], signed
