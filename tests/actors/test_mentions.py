"""Later mentions: surname, honorific, misspelling, possessive, role noun, counterpart."""

from __future__ import annotations

from pipeline.events.actors import actors_in_span

TEXT = (
    "Defense Secretary Robert M. Gates and Russian Defense Minister Anatoliy Serdyukov met today.\n\n"
    "Gates hosted Serdyukov at the Pentagon. “It’s been a pleasure to meet with Mr. Serdyukov,” "
    "Gates said.\n\n"
    "“I look forward to our work,” the secretary continued.\n\n"
    "Russian Defense Minister Anatoly Serdykov, right, signed the memorandum.\n\n"
    "In a discussion of Serdyukov’s actions, Gates told his counterpart that the reforms were impressive."
)


def _by_text(mentions, actors):
    names = {a.actor_id: a.name for a in actors}
    return {m.text: (names[m.actor_id], m.how) for m in mentions}


def test_every_mention_points_to_a_returned_actor(resolve):
    actors, mentions = resolve(TEXT)
    ids = {a.actor_id for a in actors}
    assert mentions and all(m.actor_id in ids for m in mentions)
    assert all(TEXT[m.start : m.end] == m.text for m in mentions)


def test_one_actor_per_person_whatever_the_spelling(resolve):
    actors, _ = resolve(TEXT)
    people = sorted(a.name for a in actors if a.kind == "person")
    assert people == ["Anatoliy Serdyukov", "Robert M. Gates"]


def test_mention_kinds(resolve):
    actors, mentions = resolve(TEXT)
    got = _by_text(mentions, actors)
    assert got["Mr. Serdyukov"] == ("Anatoliy Serdyukov", "honorific")
    assert got["Serdyukov’s"] == ("Anatoliy Serdyukov", "surname")
    assert got["Russian Defense Minister Anatoly Serdykov"][0] == "Anatoliy Serdyukov"
    assert got["the secretary"] == ("Robert M. Gates", "role")
    assert got["his counterpart"] == ("Anatoliy Serdyukov", "role")


def test_fuzzy_surname(resolve):
    text = "Russian Defense Minister Anatoliy Serdyukov arrived. Later, Serdykov toured the base."
    actors, mentions = resolve(text)
    fuzzy = [m for m in mentions if m.how == "fuzzy"]
    assert [m.text for m in fuzzy] == ["Serdykov"]


def test_role_noun_can_point_forward(resolve):
    text = (
        "The chairman of the Joint Chiefs of Staff said the talks were useful.\n\n"
        "Army Gen. Martin E. Dempsey met NATO chiefs in Brussels."
    )
    actors, mentions = resolve(text)
    role = [m for m in mentions if m.how == "role"]
    assert [m.actor_id for m in role] == ["martin-e-dempsey"]


def test_adjective_general_is_not_a_role(resolve):
    text = "Gen. Nikolai Makarov spoke. The general public was not invited."
    _, mentions = resolve(text)
    assert not [m for m in mentions if m.how == "role"]


def test_actors_in_span(resolve):
    actors, mentions = resolve(TEXT)
    first = TEXT.index("\n")
    inside = actors_in_span(mentions, 0, first)
    assert [m.actor_id for m in inside] == ["robert-m-gates", "anatoliy-serdyukov"]


def test_family_name_first_and_hyphenated_names(resolve):
    text = (
        "Defense Secretary Mark T. Esper met Chinese Defense Minister Gen. Wei Fenghe and "
        "South Korean Defense Minister Jeong Kyeong-doo today. "
        "Esper told Wei that talks would go on. Wei's aides agreed."
    )
    actors, mentions = resolve(text)
    people = {a.name: a.country for a in actors if a.kind == "person"}
    assert people == {"Mark T. Esper": "USA", "Wei Fenghe": "CHN", "Jeong Kyeong-doo": "KOR"}
    wei = [m.text for m in mentions if m.actor_id == "wei-fenghe" and m.how == "surname"]
    assert wei == ["Wei", "Wei's"]


def test_the_minister_resolves_to_the_last_minister(resolve):
    text = (
        "Japanese Defense Minister Taro Kono met Defense Secretary Mark T. Esper. Kono said Japan would keep "
        "working with the Americans. The minister added that Tokyo values the alliance."
    )
    actors, mentions = resolve(text)
    assert [(m.text, m.actor_id) for m in mentions if m.how == "role"] == [("The minister", "taro-kono")]
