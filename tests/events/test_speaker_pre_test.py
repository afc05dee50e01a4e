"""The speaker test's cheap pre-test must never change what its regex finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.events.roles import _SPEAKER_BEFORE_RE, _is_speaker
from pipeline.model import ActorMention, Span

_PIECES = [
    "said",
    "SAYS",
    "according to",
    "Noted",
    "added",
    "explainedx",
    "a",
    "b",
    " ",
    ",",
    "\n",
    "\t",
    "é",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=6))
def test_a_speaker_is_one_exactly_when_the_regexes_say_so(pieces: list[str]) -> None:
    before = "".join(pieces)
    text = f"{before}Smith met Jones"
    mention = ActorMention(len(before), len(before) + 5, "Smith", "smith", "surname")
    sentence = Span(0, len(text), text)
    expected = _SPEAKER_BEFORE_RE.search(text[max(0, mention.start - 25) : mention.start]) is not None
    assert _is_speaker(text, mention, sentence) == expected
