"""Any text: no crash, offsets valid, every mention points to a returned actor."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.events.actors import resolve_actors

WORDS = st.sampled_from(
    [
        "Gen.", "Defense", "Minister", "Secretary", "Russian", "U.S.", "Gates", "Serdyukov", "Mr.", "the",
        "secretary", "his", "counterpart", ",", ".", "(", ")", "Moscow", "Georgia", "Fort", "USS", "2nd",
        "Wing", "said", "Robert", "M.", "’s", "-", "\n", "Jr.", "de", "NATO", "Army", "General", "Staff",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_any_text_gives_consistent_mentions(words):
    text = " ".join(words)
    actors, mentions = resolve_actors(text, [])
    ids = {a.actor_id for a in actors}
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.actor_id in ids
