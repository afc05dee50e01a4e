"""Helpers for actor tests: run resolve_actors with the project's sentence splitter when it is there."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.events.actors import resolve_actors
from pipeline.model import Actor, ActorMention


def _split(text: str) -> list:
    try:
        from pipeline.sentences import split_sentences
    except ImportError:  # the splitter is another module; actors work without it
        return []
    return split_sentences(text)


@pytest.fixture
def resolve() -> Callable[[str], tuple[list[Actor], list[ActorMention]]]:
    def run(text: str) -> tuple[list[Actor], list[ActorMention]]:
        return resolve_actors(text, _split(text))

    return run
