"""The pre-test of the cues that end the text before an exercise's name must never change a match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import DEFAULT_SETTINGS
from pipeline.events.named_exercises import _cues

CUES = DEFAULT_SETTINGS.lexicon_dir / "exercise_names.yaml"


_CUE_ENDS = ["during", "in", "At", "took part in", "KICKED OFF", "code-named", "exercise", "-", "x"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abdginrtu ,.-'’\n\t\u00a0\u017f\u212aİı", max_size=12),
    st.sampled_from(_CUE_ENDS),
    st.text(alphabet=" \t\n\u00a0\x0bx", max_size=3),
)
def test_the_cue_pre_test_never_changes_what_the_regex_finds(head: str, cue: str, tail: str) -> None:
    before = head + cue + tail
    cues = _cues(CUES.resolve())
    for end_cue in (cues.before_name, cues.before_learned, cues.serial_after, cues.verbs_before):
        fast, slow = end_cue.search(before), end_cue.regex.search(before)
        assert (fast and fast.span()) == (slow and slow.span())
