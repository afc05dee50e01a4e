"""The needed-word pre-test of trigger matching must only skip what the rule's regex would reject."""

from __future__ import annotations

import glob
from pathlib import Path

from pipeline.documents import load_file
from pipeline.events.trigger_rules import WORD_RE, _lexicon, by_first_word_tested, needed_words

ROOT = Path(__file__).resolve().parents[2]


def test_needed_words_are_the_required_literal_tokens_after_the_first() -> None:
    assert needed_words("has|have also? been|be? scrapped|called_off") == ({"scrapped", "called"},)
    assert needed_words("cooperation|ties *5 resumed|restored") == ({"resumed", "restored"},)
    assert needed_words("military|naval exercise|drills") == ({"exercise", "drills"},)
    assert needed_words("flew ^ to") == ({"to"},)  # a name is no literal, the words after it are
    assert needed_words("u.s. troops arrived") == ({"troops"}, {"arrived"})  # (the first token is the index)
    assert needed_words("troops in|at u.s.") == ({"in", "at"},)  # "u.s." is two words of the text
    assert needed_words("met the? minister") == ({"minister"},)
    assert needed_words("met") == ()


def test_no_regex_match_is_skipped_on_the_articles() -> None:
    index = by_first_word_tested(_lexicon(None) / "event_triggers.yaml")
    paths = [
        *(ROOT / "data" / "articles").rglob("*.txt"),
        *map(Path, glob.glob(str(ROOT / "bench/*/articles/*"))),
    ]
    checked = 0
    for path in paths:
        for document in load_file(path):
            text = document.text
            found = list(WORD_RE.finditer(text))
            present = {m.group().lower().replace("’", "'") for m in found}
            for i, m in enumerate(found):
                for rule, _, needed in index.get(m.group().lower().replace("’", "'"), ()):
                    if not needed or not rule.pattern.match(text, found[i].start()):
                        continue
                    checked += 1
                    assert all(not words.isdisjoint(present) for words in needed), rule.rule_id
    assert checked > 100
