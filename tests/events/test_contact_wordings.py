"""Wordings of contacts beyond the obvious verbs: each sentence written for this test, through the whole
per-document analysis, must give a mention of the expected type."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.analysed import mentions_of

DAY = date(2012, 6, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Indonesian army chief will be hosted by Gen. Ortiz at Fort Bragg next week.", "VISIT"),
        ("Adm. Kovalev came to Norfolk in April.", "VISIT"),
        ("The two chiefs huddled for an hour on Monday.", "MEETING"),
        ("The planning group gathered at Camp Lejeune on Thursday.", "MEETING"),
        ("Secretary Hall received Minister Amani in his Pentagon office on Tuesday.", "VISIT"),
        ("Hall called Amani on Saturday to discuss the border clashes.", "PHONE_CALL"),
        ("The officers initialed a draft agreement on maritime safety on Monday.", "AGREEMENT_SIGNED"),
        ("Polish and U.S. paratroopers trained alongside each other near Torun in May.", "JOINT_EXERCISE"),
        ("Indian and U.S. helicopter crews rehearsed casualty evacuation on Wednesday.", "JOINT_EXERCISE"),
        ("Marines and Philippine troops conducted joint amphibious landings on Tuesday.", "JOINT_EXERCISE"),
        (
            "Three Georgian officers began a year at the U.S. Army War College in August.",
            "PERSONNEL_EXCHANGE",
        ),
        ("Twelve Brazilian midshipmen visited the Naval Academy on Monday.", "PERSONNEL_EXCHANGE"),
        ("The Pentagon dispatched a surgical team to Nepal after the earthquake on Tuesday.", "COOPERATION"),
        ("The Air Force rotated six F-16s into Romania in January.", "MILITARY_FORCE"),
        ("Defense cooperation between the two armies resumed the following spring.", "COOPERATION"),
        ("Russian inspectors carried out an inspection at Malmstrom Air Force Base on Monday.", "VISIT"),
        ("A Ukrainian Open Skies flight crossed Ohio on Tuesday.", "VISIT"),
        ("Pilots used the deconfliction hotline twice on Friday.", "PHONE_CALL"),
        ("Ottawa put its naval cooperation with Moscow on ice in April.", "SUSPENSION"),
        ("Two Russian patrol aircraft flew near Hokkaido on Monday.", "MILITARY_FORCE"),
        ("Turkey began a military incursion into northern Iraq in February.", "MILITARY_FORCE"),
        ("A Polish major is serving as a liaison at U.S. Army Europe headquarters.", "PERSONNEL_EXCHANGE"),
        (
            "Six Kenyan officers graduated from the U.S. Army Command and General Staff College.",
            "PERSONNEL_EXCHANGE",
        ),
        ("Gen. Ortiz received Gen. Lima at Fort Bragg on Tuesday.", "VISIT"),
        ("Minister Orlov called the drill a provocation.", "STATEMENT"),
        ("The two ministers issued a joint statement on Thursday.", "STATEMENT"),
        ("The United States provided intelligence to Ukraine.", "COOPERATION"),
        ("The U.S. will sell 24 F-16s to Egypt.", "COOPERATION"),
        ("Gates is traveling with reporters to Moscow.", "VISIT"),
        (
            "A parachute drop by Kazakh and U.S. paratroopers was scrapped because of high winds.",
            "JOINT_EXERCISE",
        ),
        ("The treaty, which the Senate ratified in December 2010, allows inspections.", "AGREEMENT"),
        ("Everything follows the arrangements worked out in Helsinki last month.", "AGREEMENT"),
        ("The Russian column drove into the Pristina airfield on June 12.", "MILITARY_FORCE"),
        (
            "Two Russian liaison officers have been at KFOR headquarters since early July.",
            "PERSONNEL_EXCHANGE",
        ),
        ("A naval training event on the Caspian that had been set for May was postponed.", "JOINT_EXERCISE"),
        (
            "Seabees and Mongolian engineers are building a two-room clinic in a nearby village.",
            "COOPERATION",
        ),
        ("A combined parachute demonstration planned for Friday has been dropped.", "JOINT_EXERCISE"),
        ("Two Mongolian officers are now at the Expeditionary Warfare School.", "PERSONNEL_EXCHANGE"),
        ("The Army plans to begin continuous rotations of a full armored brigade in 2017.", "MILITARY_FORCE"),
        ("The Air Force has kept an aviation detachment at Lask Air Base since 2012.", "MILITARY_FORCE"),
        ("A river crossing with Polish engineers planned for this week was called off.", "JOINT_EXERCISE"),
        ("Since Monday their duty officers have briefed each other daily.", "MEETING"),
        ("Moscow had walked away from the project in protest over the air campaign.", "SUSPENSION"),
        (
            "The frigate steamed up the Neva River with the warships of the Baltic Fleet Sunday.",
            "COOPERATION",
        ),
        (
            "On Monday, 82nd Airborne riggers had taught the Russians to pack the T-10 parachute.",
            "COOPERATION",
        ),
        ("Two Russian officers have completed the post's jumpmaster course this year.", "PERSONNEL_EXCHANGE"),
        (
            "A Russian patrol ship joined a Coast Guard cutter in searching for a missing fishing boat.",
            "COOPERATION",
        ),
        ("The two rescue centers have run a communications check every month since 2010.", "PHONE_CALL"),
        ("Russian officers had watched American crews demolish a silo in December 1993.", "VISIT"),
        ("Russian officers observed a U.S. Army brigade's gunnery there that spring.", "VISIT"),
        ("Chinese naval officers will also observe a U.S.-led search-and-rescue drill.", "JOINT_EXERCISE"),
        ("Russian officers will observe a U.S. Army peacekeeping rehearsal at Fort Polk this fall.", "VISIT"),
        ("Kazakh officers have also observed U.S. exercises in Germany.", "VISIT"),
        ("U.S. soldiers marched through Red Square on Victory Day alongside Russian troops.", "COOPERATION"),
        ("Two Su-24s made 20 close-range, low-altitude passes near the Donald Cook.", "MILITARY_FORCE"),
        (
            "They confer under the memorandum on flight safety in Syria, which the two sides signed Oct. 20.",
            "AGREEMENT_SIGNED",
        ),
        ("A draft was initialed in Moscow four months later.", "AGREEMENT"),
        (
            "Earlier this year, the two militaries held their first dialogue on humanitarian demining.",
            "MEETING",
        ),
        ("The cleanup of dioxin at Bien Hoa air base began in April.", "COOPERATION"),
        ("Russian peacekeepers patrolled alongside our troops in Bosnia in 1996.", "COOPERATION"),
        ("The Pentagon has disinvited China from this summer's Rim of the Pacific exercise.", "INVITATION"),
        ("Moscow withdrew its invitation to NATO observers on Monday.", "INVITATION"),
        ("A company will stay in Latvia through the summer.", "MILITARY_FORCE"),
        ("U.S. troops flew in from Germany last weekend.", "MILITARY_FORCE"),
        ("Russia deployed the S-400 missile system to Syria in 2015.", "MILITARY_FORCE"),
        (
            "About 8,000 NATO troops, mostly British, Canadian and Dutch, will deploy to the region.",
            "MILITARY_FORCE",
        ),
        (
            "The USS Lassen conducted a freedom-of-navigation patrol near the Spratlys last week.",
            "MILITARY_FORCE",
        ),
        ("Polish and U.S. veterans laid wreaths together at Westerplatte on Sunday.", "COOPERATION"),
        ("The two ministers expect to see each other in Brussels in June.", "MEETING"),
        ("A joint team spent a month searching a crash site near Magadan this summer.", "COOPERATION"),
        ("Interviews with Korean War veterans are continuing in three provinces.", "COOPERATION"),
        ("The commission's next plenary session is planned for Hanoi next spring.", "MEETING"),
        ("The engineer battalion was stood up in 2004 with U.S. help.", "COOPERATION"),
        ("Six patrol boats were turned over to the Georgian Coast Guard on Monday.", "COOPERATION"),
        ("The program supplied the border guards with 300 night-vision goggles.", "COOPERATION"),
        ("The radars were bought under a contract signed in March.", "AGREEMENT_SIGNED"),
        ("Fuel has been moving into Kosovo through Macedonia since 1999.", "COOPERATION"),
        ("Tashkent agreed to let U.S. aircraft use the airfield at Karshi.", "COOPERATION"),
        ("Turkey closed its airspace to the transport flights in March.", "SUSPENSION"),
        ("The secretary will see her in Brussels next week at the ministerial.", "MEETING"),
        ("The Navy band and a Polish army orchestra played side by side on Sunday.", "COOPERATION"),
        ("Polish soldiers will march in the Armed Forces Day parade in Washington.", "COOPERATION"),
        ("The patrol shook hands with troops of the Soviet division on the bridge.", "COOPERATION"),
        ("Two Russian Su-24s made low passes near the destroyer on April 12.", "MILITARY_FORCE"),
        ("The U.S. side raised the incident with the Russian delegation.", "MEETING"),
        ("He led the delegation to this year's review of the 1972 agreement in June.", "MEETING"),
        ("Ten cadets from the Kyiv Combined Arms Academy arrived on Sunday.", "PERSONNEL_EXCHANGE"),
        ("The Georgians were received by the commandant on Monday.", "MEETING"),
        ("The minister wrapped up his first NATO defense ministerial today.", "MEETING"),
        ("Carter called his Japanese counterpart on Nov. 29.", "PHONE_CALL"),
        ("The two rescue centers test their radio and satellite links every month.", "PHONE_CALL"),
        ("The new hotline is to be tested within the next week.", "PHONE_CALL"),
        ("We used the line to warn them before the missiles flew.", "PHONE_CALL"),
        ("Mattis called Gen. Chang Wanquan on Tuesday to discuss the collision.", "PHONE_CALL"),
        ("USS Gray and the Indian frigate Talwar escorted nine merchant ships on May 3.", "COOPERATION"),
        ("Chinese warships have escorted merchant convoys off Somalia since January 2009.", "MILITARY_FORCE"),
        ("The Indian captain came aboard Gray on May 2 to plan the escort.", "VISIT"),
        ("A three-week course taught by a Vermont Guard team ended today in Skopje.", "COOPERATION"),
        ("The Vermont Guard has worked with Macedonia's armed forces since 1993.", "COOPERATION"),
        ("Macedonian troops have served with the Kosovo Force since 2002.", "COOPERATION"),
        ("Mongolian engineers have served in Iraq since August 2003.", "COOPERATION"),
        ("U.S. and Georgian troops completed Noble Partner 2016 yesterday.", "JOINT_EXERCISE"),
        ("The destroyers fired more than 110 Tomahawk missiles at the airfield.", "MILITARY_FORCE"),
        ("The U.S. will transfer two Hamilton-class cutters to Vietnam later this year.", "COOPERATION"),
        ("I was in Islamabad last week and had very good meetings.", "VISIT"),
        ("Officers attended a three-day maritime security workshop in Accra.", "MEETING"),
        ("The Pentagon removed Turkey from the F-35 program on Wednesday.", "SUSPENSION"),
        ("Manila is terminating the Visiting Forces Agreement.", "SUSPENSION"),
        ("A NATO team will evaluate the battalion next spring.", "COOPERATION"),
        ("The remains of 12 U.S. airmen lost in the war were returned by Vietnam on Friday.", "COOPERATION"),
        ("China sent ventilators and masks to Italy on Wednesday.", "COOPERATION"),
        ("Contacts between the two navies, frozen since 2008, were restored in March.", "COOPERATION"),
        ("Three Polish cadets will study at the Air Force Academy next year.", "PERSONNEL_EXCHANGE"),
        ("The Brazilian frigate was welcomed to Naval Station Mayport on Sept. 6.", "VISIT"),
        ("The secretary's first stop will be Brussels, where he will meet allies.", "VISIT"),
        ("Washington will withdraw from the 1972 Anti-Ballistic Missile Treaty in six months.", "SUSPENSION"),
        ("Moscow has ended its cooperation with the aid agency.", "SUSPENSION"),
        ("Twenty Polish officers began a language course at Lackland on Monday.", "PERSONNEL_EXCHANGE"),
        ("The Naval Academy will host six Indian midshipmen next semester.", "PERSONNEL_EXCHANGE"),
        ("Army engineers helped Azerbaijani deminers clear 1,200 acres of minefields.", "COOPERATION"),
        ("The treaty, which both presidents signed in Prague yesterday, cuts warheads.", "AGREEMENT_SIGNED"),
        ("The work plan that the two ministers will sign next week lists 60 events.", "AGREEMENT_SIGNED"),
        ("U.S. soldiers have trained Ukrainian national guardsmen since April.", "COOPERATION"),
        ("North Korea test-fired two ballistic missiles on Sunday.", "MILITARY_FORCE"),
        ("A second test, of a hypersonic missile, is planned for November.", "MILITARY_FORCE"),
        ("Officials say Iran has fielded two battalions of the new missile.", "MILITARY_FORCE"),
        ("Signed in Moscow on May 24, 2002, the treaty cut warheads by two thirds.", "AGREEMENT_SIGNED"),
        ("Polish and American cadets ran a land navigation course together on Tuesday.", "JOINT_EXERCISE"),
        ("The next group of Naval Academy midshipmen will travel to Gdynia in July.", "PERSONNEL_EXCHANGE"),
        ("A Chinese J-11 came within 20 feet of a Navy P-8A on Aug. 19.", "MILITARY_FORCE"),
        ("Two Tu-95 bombers entered the U.K. air defense zone last Wednesday.", "MILITARY_FORCE"),
        ("Two Russian destroyers sailed through the English Channel last Friday.", "MILITARY_FORCE"),
        ("Russian warships patrolled in the Gulf of Mexico in July.", "MILITARY_FORCE"),
        ("Moscow resumed regular long-range bomber patrols last week.", "MILITARY_FORCE"),
        ("Artillery units have fired across the border into Ukraine.", "MILITARY_FORCE"),
        ("A group of 12 Ukrainian Ground Forces officers arrived at Fort Hood on Monday.", "VISIT"),
        ("About 100 American air defenders landed in Poland in March.", "MILITARY_FORCE"),
        ("Kyrgyzstan granted U.S. tankers access to Manas airport on Friday.", "COOPERATION"),
        ("The minister has offered transit rights for supply convoys.", "COOPERATION"),
        ("The two navies held a joint memorial service for the lost crew on Friday.", "COOPERATION"),
        ("An Army band performed alongside the Polish military orchestra in May.", "COOPERATION"),
        (
            "Lithuanian officers took part in an anniversary ceremony at Klaipeda alongside U.S. sailors.",
            "COOPERATION",
        ),
    ],
)
def test_a_contact_told_in_other_words_is_found_with_its_type(text: str, expected: str) -> None:
    found = [(m.event_type, m.trigger.text) for m in mentions_of(text, DAY)]
    assert any(kind == expected for kind, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of troops gathered at the border on Thursday.",
        "Officials called NATO a threat to Russia's security.",
        "The program came to an end on Friday.",
        "Lawmakers raised objections to inspections at the launch site.",
        "The base passed its annual safety inspection in May.",
        "An airborne drop of food and water reached the villages on Monday.",
        "Refugees waited at the river crossing for hours.",
        "NATO officials watched the troop movements closely on Monday.",
        "Police are searching for a missing hiker near the base.",
        "The contractor completed the course of repairs on the runway in May.",
        "The scenario included a simulated rescue at sea on Thursday.",
        '"We were received as colleagues, not as guests," the colonel said.',
        "The ministry kept the troops informed of its plans.",
        "The paratroopers spent Monday building snow shelters.",
        "U.S.-funded crews cleaned up the Soviet nuclear test site at Semipalatinsk in 2000.",
        "The mayor laid a wreath at the war memorial on Sunday.",
        "The band played with enthusiasm at the ceremony.",
        "Lithuanian officers took part in the ceremony. Together they form a new unit.",
        "The governor granted reporters access to the base on Friday.",
        "The sailors played a key part in keeping the base open on Monday.",
        "The staff college was founded in 1802.",
        "The reporters searched the archive for the letter.",
        "The spokesman provided reporters with details of the schedule.",
        "Police closed the road to traffic on Monday.",
        "The brigade's crews will march in the closing parade on Friday.",
        "The annual review draws thousands of spectators to the embankments.",
        "The letter was received by the committee on Monday.",
        "The class was taught in English.",
        "The decision needs ministerial approval.",
        "Shoigu called his counterpart a liar.",
        "At the transit point, cargo moves from aircraft to trains.",
        "The bill, which the Senate passed in May, funds the program.",
        "The treaty created a joint agency to inspect each other's reactors.",
        "The course gave the sergeants the confidence to train their own soldiers.",
        "The crews tested their new rifles on the range.",
        "He served in Iraq in 2004 before joining the staff.",
        "The forum post was removed from the website.",
        "The statue was in Brussels for a century.",
        "The students passed the language test on Monday.",
        "The quarterback threw two passes in the rain.",
        "The two candidates shook hands with voters at the market.",
        "The ambassador said he would see about it.",
        "The course provided the cadets with an opportunity to practice their Russian.",
    ],
)
def test_look_alikes_of_those_wordings_are_no_meeting_call_or_visit(text: str) -> None:
    kinds = {m.event_type for m in mentions_of(text, DAY)}
    assert not kinds & {
        "MEETING",
        "PHONE_CALL",
        "VISIT",
        "JOINT_EXERCISE",
        "MILITARY_FORCE",
        "COOPERATION",
    }, kinds


def test_an_exercise_named_as_the_object_of_kicking_off_is_an_exercise_there_and_after() -> None:
    text = (
        "The frigate HNLMS Tromp kicked off Baltic Sentry with Danish and Estonian ships this morning.\n\n"
        "Next year's Baltic Sentry moves to the Gulf of Finland."
    )
    found = [(m.event_type, m.trigger.text) for m in mentions_of(text, DAY)]
    assert ("JOINT_EXERCISE", "kicked off Baltic Sentry") in found
    assert ("JOINT_EXERCISE", "Baltic Sentry") in found


def test_an_exercise_a_deployment_is_for_is_dated_by_the_deployment_not_by_its_name() -> None:
    text = (
        "Next month, about 900 U.S. troops, most of them from Fort Hood, will deploy to Jordan for "
        "Eager Lion 2019."
    )
    exercise = [m for m in mentions_of(text, date(2019, 2, 12)) if "Eager Lion" in m.trigger.text]
    assert exercise and (exercise[0].status, exercise[0].date_value) == ("planned", "2019-03")


def test_an_exercise_told_before_a_comma_and_a_new_subject_is_still_an_exercise() -> None:
    text = (
        "When 120 air defenders landed in Israel in March 2009 for the first Juniper exercise, the drill "
        "lasted five days."
    )
    assert any(m.trigger.text == "exercise" for m in mentions_of(text, date(2019, 2, 12)))


def test_a_city_after_in_before_the_sentences_next_verb_is_no_exercise_name() -> None:
    text = "The talks, held June 4-6 in Geneva, ended without agreement."
    kinds = {(m.event_type, m.trigger.text) for m in mentions_of(text, DAY)}
    assert not [k for k in kinds if k[0] in ("JOINT_EXERCISE", "AGREEMENT")], kinds


def test_a_name_with_its_own_relative_clause_after_during_is_an_exercise() -> None:
    text = "During Baltops, which began June 1, sailors trained together. Baltops ended Friday."
    assert any(m.trigger.text == "Baltops ended" for m in mentions_of(text, DAY))


def test_the_noun_issues_before_a_statement_is_no_issuing() -> None:
    text = "The chairman will discuss a variety of issues, the statement said."
    assert not [m for m in mentions_of(text, DAY) if m.event_type == "STATEMENT"]


def test_joint_recovery_of_the_missing_is_cooperation_but_finding_a_site_pleasant_is_not() -> None:
    text = (
        "Last week, U.S. and Vietnamese specialists began excavating the site where a helicopter crashed in "
        "1968. On Saturday, the team found remains believed to be those of a Navy pilot. He found the site "
        "beautiful."
    )
    found = [(m.event_type, m.trigger.text) for m in mentions_of(text, date(2019, 11, 20))]
    assert ("COOPERATION", "excavating the site") in found
    assert ("COOPERATION", "found remains") in found
    assert len(found) == 2, found
