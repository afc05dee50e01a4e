"""The rule files themselves: every rule tags its own example (HeidelTime keeps an example per rule)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.timex import tag, timex_dir
from pipeline.timex.rules import load_grammar

GRAMMAR = load_grammar(timex_dir().resolve())


@pytest.mark.parametrize("rule", GRAMMAR.rules, ids=[r.id for r in GRAMMAR.rules])
def test_rule_tags_its_example(rule) -> None:
    fired = {part for t in tag(rule.example, date(2010, 9, 15)) for part in t.rule.split("+")}
    assert rule.id in fired, f"{rule.id} does not fire on its example {rule.example!r}"


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in GRAMMAR.rules]
    assert len(ids) == len(set(ids))
