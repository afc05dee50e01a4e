"""The second-word pre-test of trigger matching must only skip what the rule's regex would reject."""

from __future__ import annotations

from pathlib import Path

from pipeline.documents import discover, load_file
from pipeline.events.trigger_rules import WORD_RE, _by_first_word, _lexicon, second_words

ROOT = Path(__file__).resolve().parents[2]


def test_second_words_only_for_a_required_literal_second_token() -> None:
    assert second_words("military|naval exercise|drills") == {"exercise", "drills"}
    assert second_words("held talks_with *") == {"talks"}
    assert second_words("met") is None
    assert second_words("signed * agreement") is None
    assert second_words("signed the? agreement") is None
    assert second_words("joint *2 exercise") is None
    assert second_words("take_part in") is None  # multi-word first token
    assert second_words("flew ^") is None


def test_no_regex_match_is_skipped_on_the_sample_articles() -> None:
    index = _by_first_word(_lexicon(None) / "event_triggers.yaml")
    checked = 0
    for path in discover([ROOT / "data" / "articles"]):
        for document in load_file(path):
            text = document.text
            found = list(WORD_RE.finditer(text))
            words = [m.group().lower().replace("’", "'") for m in found]
            for i, word in enumerate(words):
                for rule, second in index.get(word, ()):
                    if second is None or not rule.pattern.match(text, found[i].start()):
                        continue
                    checked += 1
                    assert i + 1 < len(words) and words[i + 1] in second, (
                        rule.rule_id,
                        text[found[i].start() :][:60],
                    )
    assert checked > 20
