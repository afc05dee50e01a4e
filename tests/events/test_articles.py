"""Our own test articles, end to end through ``analyze``: other contacts, countries and wordings than the
seeds. Each ``articles/NAME.txt`` has a ``NAME.meta.json`` (publication date) and a ``NAME.expected.json``:
events that must be found (type, a word of the trigger, status, date value, optionally interval, sentence
words and participants) and events that must not be.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.analyze import analyze
from pipeline.documents import load_file
from pipeline.model import EventMention

ARTICLES = Path(__file__).parent / "articles"
CASES = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def _fits(mention: EventMention, spec: dict) -> bool:
    if "type" in spec and mention.event_type != spec["type"]:
        return False
    if "trigger" in spec and spec["trigger"].lower() not in mention.trigger.text.lower():
        return False
    if "sentence" in spec and spec["sentence"] not in mention.sentence.text:
        return False
    if "status" in spec and mention.status != spec["status"]:
        return False
    if "date_value" in spec and mention.date_value != spec["date_value"]:
        return False
    for key in ("start", "end"):
        if key in spec and str(getattr(mention, key)) != spec[key]:
            return False
    names = " | ".join(role.name for role in mention.actors)
    return all(name in names for name in spec.get("actors", ()))


def _describe(mentions: list[EventMention]) -> str:
    return "\n".join(
        f"  {m.event_type} {m.status} {m.date_value} [{m.start}..{m.end}] {m.trigger.text!r} "
        f"actors={[r.name for r in m.actors]} :: {m.explanation}"
        for m in mentions
    )


@pytest.fixture(scope="module")
def analyses() -> dict:
    out = {}
    for name in CASES:
        (document,) = load_file(ARTICLES / f"{name}.txt")
        out[name] = analyze(document)
    return out


def test_there_are_enough_articles() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("name", CASES)
def test_expected_events_are_found(name: str, analyses: dict) -> None:
    expected = json.loads((ARTICLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    mentions = list(analyses[name].event_mentions)
    for spec in expected["events"]:
        assert any(_fits(m, spec) for m in mentions), f"{name}: no mention fits {spec}\n{_describe(mentions)}"


@pytest.mark.parametrize("name", CASES)
def test_unexpected_events_are_absent(name: str, analyses: dict) -> None:
    expected = json.loads((ARTICLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    mentions = list(analyses[name].event_mentions)
    for spec in expected.get("absent", []):
        wrong = [m for m in mentions if _fits(m, spec)]
        assert not wrong, f"{name}: unexpected {spec}\n{_describe(wrong)}"


@pytest.mark.parametrize("name", CASES)
def test_every_date_is_explained(name: str, analyses: dict) -> None:
    for m in analyses[name].event_mentions:
        assert m.explanation, m
        if m.date_value is not None:
            assert m.timex is not None and m.timex.text in m.explanation
