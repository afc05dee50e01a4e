"""Tiny builders for hand-made documents, time expressions and actors in event tests."""

from __future__ import annotations

from datetime import date

from pipeline.model import Actor, ActorMention, Document, Span, TimeExpression


def doc(text: str, published: date | None = date(2010, 9, 15), title: str | None = None) -> Document:
    return Document(doc_id="test", source="test.txt", text=text, title=title, published=published)


def sentences(text: str) -> list[Span]:
    """One sentence per line (the tests write one sentence a line)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def timex(
    text: str,
    surface: str,
    value: str,
    type_: str = "DATE",
    nth: int = 0,
    tid: str = "",
    anchor: str | None = "dct",
    explanation: str = "",
) -> TimeExpression:
    """The ``nth`` occurrence of ``surface`` in ``text`` as a TIMEX3."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return TimeExpression(
        start,
        start + len(surface),
        surface,
        type_,
        value,
        "test",
        tid=tid or f"t{start}",
        anchor=anchor,
        explanation=explanation or f"{surface} = {value}",
    )


def actor(text: str, surface: str, actor_id: str, name: str, kind: str = "person", country: str = "USA"):
    """An Actor and every mention of ``surface`` in ``text``."""
    a = Actor(actor_id, name, kind, country, "GOV" if kind == "person" else None)
    mentions, start = [], text.find(surface)
    while start >= 0:
        mentions.append(ActorMention(start, start + len(surface), surface, actor_id))
        start = text.find(surface, start + 1)
    return a, mentions
