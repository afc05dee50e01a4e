"""The rule files themselves: every rule tags its own example (HeidelTime keeps an example per rule)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.timex import tag, timex_dir
from pipeline.timex.rules import load_grammar

GRAMMAR = load_grammar(timex_dir().resolve())


TAGGING = [r for r in GRAMMAR.rules if r.parts[0].type != "NONE"]
BLOCKING = [r for r in GRAMMAR.rules if r.parts[0].type == "NONE"]


@pytest.mark.parametrize("rule", BLOCKING, ids=[r.id for r in BLOCKING])
def test_not_a_timex_rule_keeps_its_example_untagged(rule) -> None:
    found = rule.regex.search(rule.example)
    assert found is not None, f"{rule.id} does not match its example {rule.example!r}"
    tagged = tag(rule.example, date(2010, 9, 15))
    assert not [t for t in tagged if t.start < found.end() and t.end > found.start()]


@pytest.mark.parametrize("rule", TAGGING, ids=[r.id for r in TAGGING])
def test_rule_tags_its_example(rule) -> None:
    fired = {part for t in tag(rule.example, date(2010, 9, 15)) for part in t.rule.split("+")}
    assert rule.id in fired, f"{rule.id} does not fire on its example {rule.example!r}"


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in GRAMMAR.rules]
    assert len(ids) == len(set(ids))
