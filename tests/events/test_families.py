"""Trigger families from the CAMEO categories of defense news: each family is found in its verb, noun and
light-verb forms, and its non-event uses are not."""

from __future__ import annotations

import pytest

from pipeline.events.triggers import find_triggers


def types_of(text: str) -> list[tuple[str, str]]:
    return [(m.rule.event_type, text[m.start : m.end]) for m in find_triggers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 06-07: material cooperation and aid
        ("They approved the sale of 36 fighter jets to Qatar.", ("COOPERATION", "sale of 36 fighter jets")),
        ("The delivery of 12 patrol boats was completed.", ("COOPERATION", "delivery of 12 patrol boats")),
        ("a $1.1 billion arms sale to Taiwan", ("COOPERATION", "billion arms sale")),
        ("Hanoi bought six submarines from Moscow.", ("COOPERATION", "bought six submarines")),
        ("The navy received two more patrol vessels.", ("COOPERATION", "received two more patrol vessels")),
        ("Washington sent humanitarian aid to the provinces.", ("COOPERATION", "humanitarian aid")),
        ("Navy engineers built two schools in the province.", ("COOPERATION", "built two schools")),
        ("a clinic funded by the U.S. Army", ("COOPERATION", "clinic funded by")),
        ("The coast guards launched a partnership on fisheries.", ("COOPERATION", "launched a partnership")),
        ("The Utah Guard partnered with Morocco's army.", ("COOPERATION", "partnered with")),
        ("a training program for Afghan officers", ("COOPERATION", "training program")),
        ("A disaster relief team arrived in Kathmandu.", ("COOPERATION", "disaster relief team arrived")),
        ("Helicopters airlifted food and water to villages.", ("COOPERATION", "airlifted food and water")),
        # 16: reduce relations, sanctions
        ("Washington imposed new sanctions on Moscow.", ("SUSPENSION", "imposed new sanctions")),
        ("Seoul recalled its ambassador from Tokyo.", ("SUSPENSION", "recalled its ambassador")),
        # 15, 18-19: posture, assault, fight
        ("Insurgents ambushed a convoy near Kandahar.", ("MILITARY_FORCE", "ambushed")),
        ("The offensive on the city began at dawn.", ("MILITARY_FORCE", "offensive on")),
        ("Russian forces launched a major offensive.", ("MILITARY_FORCE", "launched a major offensive")),
        ("Rebels captured the provincial capital.", ("MILITARY_FORCE", "captured the provincial capital")),
        ("Separatist fighters took over Donetsk.", ("MILITARY_FORCE", "took over")),
        ("Russian tanks moved into the town overnight.", ("MILITARY_FORCE", "moved into")),
        ("Heavy fighting erupted near the airport.", ("MILITARY_FORCE", "Heavy fighting erupted")),
        ("the deployment of 3,000 troops to Poland", ("MILITARY_FORCE", "deployment of 3,000 troops")),
        ("Russia massed troops on the border.", ("MILITARY_FORCE", "massed troops")),
        # 087: yield
        ("Moscow withdrew its troops from the border.", ("OTHER", "withdrew its troops")),
        ("the withdrawal of U.S. troops from Iraq", ("OTHER", "withdrawal of U.S. troops")),
    ],
)
def test_family_wordings(text: str, expected: tuple[str, str]) -> None:
    assert expected in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent_type"),
    [
        ("The delivery date slipped to June.", "COOPERATION"),
        ("the sale of the company's stock", "COOPERATION"),
        ("The unit wrote a new training manual.", "COOPERATION"),
        ("He cited the order of battle.", "COOPERATION"),
        ("Humanitarian aid workers met in Geneva.", "COOPERATION"),
        ("The arms sales policy is under review.", "COOPERATION"),
        ("a contract for a company to build a facility", "COOPERATION"),
        ("the strength of our partnership", "COOPERATION"),
        ("offensive teaching material was found", "MILITARY_FORCE"),
        ("a treaty limiting offensive nuclear weapons", "MILITARY_FORCE"),
        ("The remarks were deeply offensive to veterans.", "MILITARY_FORCE"),
        ("She took over the Pentagon job in May.", "MILITARY_FORCE"),
        ("Prices moved into a higher range.", "MILITARY_FORCE"),
        ("They discussed fighting terrorism in the region.", "MILITARY_FORCE"),
        ("the deployment date of the brigade", "MILITARY_FORCE"),
        ("He pulled the report from the website.", "OTHER"),
    ],
)
def test_non_event_uses_of_the_families(text: str, absent_type: str) -> None:
    assert absent_type not in [t for t, _ in types_of(text)]


def _extract(text: str) -> list[tuple[str, str, str]]:
    from pipeline.events.extract import extract_events
    from tests.events.helpers import doc, sentences

    return [
        (m.event_type, m.trigger.text, m.status)
        for m in extract_events(doc(text), sentences(text), [], [], [])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delivery of the jets is slated for 2017.", ("COOPERATION", "Delivery of the jets", "planned")),
        ("The summit is planned for the autumn.", ("MEETING", "summit", "planned")),
        ("The ambassador hosted a reception for the crew.", ("MEETING", "hosted a reception", "occurred")),
        (
            "The INF Treaty, signed in 1987, banned the missiles.",
            ("AGREEMENT_SIGNED", "Treaty, signed", "occurred"),
        ),
        ("The accord was signed in Paris.", ("AGREEMENT_SIGNED", "accord was signed", "occurred")),
    ],
)
def test_plans_receptions_and_signings(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _extract(text)


@pytest.mark.parametrize(
    "text",
    [
        "Related: Carter Visits Troops in Iraq, Meets Leaders",
        "READ MORE: Navy ships visited Manila in May.",
        "Related Articles\nHagel meets Chinese counterpart in Beijing",
        "The troops received a warm reception.",
    ],
)
def test_link_lines_and_non_event_receptions_state_nothing(text: str) -> None:
    assert _extract(text) == []


def test_a_line_that_only_starts_like_a_link_is_still_read() -> None:
    assert _extract("Related talks were held in Geneva on Monday.")


def _analyze(text: str) -> list[tuple[str, str, str]]:
    from datetime import date

    from pipeline.analyze import analyze
    from pipeline.model import Document

    document = Document(doc_id="t", source="t.txt", text=text, title=None, published=date(2015, 6, 10))
    return [(m.event_type, m.trigger.text, m.status) for m in analyze(document).event_mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ships and troops that arrive are deployed; an arrival for a visit is the visit, one event.
        (
            "Two U.S. destroyers arrived in the Black Sea on Monday.",
            [("MILITARY_FORCE", "arrived in", "occurred")],
        ),
        (
            "The USS Blue Ridge arrived in Manila on Monday for a port visit.",
            [("VISIT", "arrived in Manila on Monday for a port visit", "occurred")],
        ),
        # A unit named in another clause is not the one arriving.
        (
            "Hagel, who met U.S. sailors on Monday, arrived in Kabul on Tuesday.",
            [("MEETING", "met", "occurred"), ("VISIT", "arrived in", "occurred")],
        ),
        # An activity whose stated end is still to come is running on the publication date.
        (
            "The exercise began on Monday and runs through June 20.",
            [("JOINT_EXERCISE", "exercise began", "ongoing")],
        ),
        (
            "The exercise began on Monday and ended on Tuesday.",
            [("JOINT_EXERCISE", "exercise began", "occurred")],
        ),
    ],
)
def test_arrivals_and_running_activities(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _analyze(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A new round of negotiations opened in Geneva.", ("MEETING", "negotiations")),
        ("The envoy negotiated with Taliban representatives.", ("MEETING", "negotiated with")),
        (
            "Washington and Hanoi established diplomatic relations.",
            ("AGREEMENT", "established diplomatic relations"),
        ),
        ("A ceasefire took effect at midnight.", ("AGREEMENT", "ceasefire")),
        ("Washington lifted the arms embargo on Vietnam.", ("OTHER", "lifted the arms embargo")),
        ("China released the 24 crew members.", ("OTHER", "released the 24 crew")),
        ("The ministry blamed Kyiv for the blast.", ("STATEMENT", "blamed")),
    ],
)
def test_consult_cooperate_and_yield_families(text: str, expected: tuple[str, str]) -> None:
    assert expected in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent_type"),
    [
        ("Only eight allies met the 2 percent guideline last year.", "MEETING"),
        ("Both sides hardened their negotiating position.", "MEETING"),
        ("Monitors reported ceasefire violations.", "AGREEMENT"),
    ],
)
def test_non_event_uses_of_consult_and_cooperate(text: str, absent_type: str) -> None:
    assert absent_type not in [t for t, _, _ in _extract(text)]


def test_stalled_talks_are_a_state_not_a_session() -> None:
    assert _extract("The talks stalled over the sanctions.") == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The navies will hold a series of drills next year.", "planned"),  # a series not begun yet
        ("The two ministers will meet at least once a year.", "recurring"),  # undated: the habit
        ("The navies have held annual drills since 2004.", "recurring"),
    ],
)
def test_a_series_wholly_ahead_is_planned(text: str, status: str) -> None:
    assert [s for _, _, s in _analyze(text)] == [status]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister will arrive in Hanoi on Thursday.", ("VISIT", "arrive in")),
        ("Vietnam orders six more submarines.", ("COOPERATION", "orders six more submarines")),
        ("Chinese ships are shadowing the carrier.", ("MILITARY_FORCE", "shadowing")),
        ("The ministers convene in Brussels today.", ("MEETING", "convene in")),
        ("Moscow condemns the strikes.", ("STATEMENT", "condemns")),
    ],
)
def test_families_take_every_inflection(text: str, expected: tuple[str, str]) -> None:
    assert expected in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent_type"),
    [
        ("The project will arrive in phases.", "VISIT"),
        ("The shipping lanes stayed open.", "COOPERATION"),
        ("The ship was hit by a storm.", "MILITARY_FORCE"),
        ("The talks are within reach.", "AGREEMENT"),
        ("With the help of local guides, they hiked.", "COOPERATION"),
    ],
)
def test_nouns_shaped_like_family_verbs_are_not_triggers(text: str, absent_type: str) -> None:
    assert absent_type not in [t for t, _ in types_of(text)]


def test_a_verb_used_after_a_modal_takes_its_own_date() -> None:
    text = "Carter will arrive in Manila tomorrow and will visit the naval base on Friday."
    from datetime import date

    from pipeline.analyze import analyze
    from pipeline.model import Document

    document = Document(doc_id="t", source="t.txt", text=text, title=None, published=date(2015, 6, 10))
    dates = {m.trigger.text: m.date_value for m in analyze(document).event_mentions}
    assert dates == {"arrive in": "2015-06-11", "visit": "2015-06-12"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The USS Carl Vinson is due in Da Nang on Friday.", [("VISIT", "is due in", "planned")]),
        ("Hagel is expected in Beijing next week.", [("VISIT", "is expected in", "planned")]),
        ("A decision is expected in March.", []),
        ("The report is due in Congress on Friday.", []),
    ],
)
def test_travellers_due_at_a_place_are_planned_visits(text: str, expected: list) -> None:
    assert _analyze(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hagel stopped in Singapore on his way.", ("VISIT", "stopped in")),
        ("The navies shared intelligence on the submarine.", ("COOPERATION", "shared intelligence")),
        ("Helicopters evacuated 300 U.S. citizens.", ("COOPERATION", "evacuated 300 U.S. citizens")),
        ("The patrol boat opened fire on the trawler.", ("MILITARY_FORCE", "opened fire")),
        ("Two bombers violated Japanese airspace.", ("MILITARY_FORCE", "violated Japanese airspace")),
        ("A torpedo sank the corvette.", ("MILITARY_FORCE", "sank the corvette")),
        ("Delhi placed an order for 36 fighter jets.", ("COOPERATION", "order for 36 fighter jets")),
    ],
)
def test_more_contact_and_force_wordings(text: str, expected: tuple[str, str]) -> None:
    assert expected in types_of(text)


@pytest.mark.parametrize(
    ("text", "absent_type"),
    [
        ("They agreed to share intelligence.", "COOPERATION"),  # the agreement's object
        ("They rescued the crew of a sinking trawler.", "MILITARY_FORCE"),  # sinking on its own
        ("The exercise stopped in the rain.", "VISIT"),  # no place name
    ],
)
def test_non_event_uses_of_more_wordings(text: str, absent_type: str) -> None:
    assert absent_type not in [t for t, _ in types_of(text)]
