"""Acceptance on the seed article (issue 3), at the level of event mentions of one document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.analyze import analyze
from pipeline.documents import load_file
from pipeline.model import DocumentAnalysis, EventMention


@pytest.fixture(scope="module")
def seed(seeds_dir: Path) -> DocumentAnalysis:
    (document,) = load_file(next(seeds_dir.glob("001_*.txt")))
    assert document.published == date(2010, 9, 15)
    return analyze(document)


@pytest.fixture(scope="module")
def undated_seed(seeds_dir: Path) -> DocumentAnalysis:
    (document,) = load_file(next(seeds_dir.glob("000_*.txt")))
    return analyze(document)


def find(analysis: DocumentAnalysis, type_: str, trigger: str, sentence: str = "") -> list[EventMention]:
    return [
        m
        for m in analysis.event_mentions
        if m.event_type == type_ and trigger in m.trigger.text and sentence in m.sentence.text
    ]


@pytest.mark.parametrize(
    ("type_", "trigger", "sentence", "status", "value"),
    [
        ("VISIT", "visited", "March 2008", "occurred", "2008-03"),
        ("MILITARY_FORCE", "invaded", "Georgia", "occurred", "2008"),
        ("MEETING", "meetings", "hosted", "occurred", "2010-09-15"),
        ("MEETING", "dinner", "riverboat", "occurred", "2010-09-15"),
        ("AGREEMENT_SIGNED", "memo", "The leaders signed", "occurred", "2010-09-15"),
        ("AGREEMENT_SIGNED", "agreement", "working group", "occurred", "2010-09-15"),
        ("VISIT", "tour", "Fort Belvoir", "planned", "2010-09-16"),
        ("VISIT", "tour", "Naval Academy", "planned", None),
        ("INVITATION", "invited", "kindred", "occurred", "2009"),
        ("VISIT", "visited", "since 2005", "occurred", "2005"),
        ("MEETING", "meet", "at least once a year", "recurring", None),
        ("JOINT_EXERCISE", "exercises", "resume", "planned", None),
        ("PERSONNEL_EXCHANGE", "troop exchange", "resume", "planned", None),
    ],
)
def test_seed_events(seed: DocumentAnalysis, type_, trigger, sentence, status, value) -> None:
    hits = find(seed, type_, trigger, sentence)
    assert hits, [(m.event_type, m.trigger.text) for m in seed.event_mentions]
    assert any(m.status == status and m.date_value == value for m in hits), [
        (m.status, m.date_value, m.explanation) for m in hits
    ]


def test_invasion_is_after_march(seed: DocumentAnalysis) -> None:
    (invasion,) = find(seed, "MILITARY_FORCE", "invaded")
    assert invasion.start == date(2008, 4, 1) and invasion.end == date(2008, 12, 31)


def test_the_headline_is_not_a_mention(seed: DocumentAnalysis) -> None:
    assert not [m for m in seed.event_mentions if m.sentence.text.startswith("Gates, Serdyukov Renew")]


def test_without_a_publication_date_today_dates_nothing(undated_seed: DocumentAnalysis) -> None:
    meetings = find(undated_seed, "MEETING", "meetings", "Today")
    assert meetings
    assert all(m.start is None for m in meetings)
    assert undated_seed.warnings
