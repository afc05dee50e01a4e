"""The typed data model that flows through every pipeline stage.

All records are frozen: a stage never edits what an earlier stage produced, it returns new records.
Every annotation is a span of character offsets into ``Document.text`` (end exclusive), so each value on
screen can be traced back to the characters that justify it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Where a document's publication date came from, best first.
PUBDATE_SOURCES = ("metadata", "html", "dateline", "near_duplicate", "none")

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

EVENT_TYPES = (
    "VISIT",
    "MEETING",
    "PHONE_CALL",
    "INVITATION",
    "AGREEMENT",
    "AGREEMENT_SIGNED",
    "JOINT_EXERCISE",
    "PERSONNEL_EXCHANGE",
    "COOPERATION",
    "SUSPENSION",
    "MILITARY_FORCE",
    "STATEMENT",
    "OTHER",
)

EVENT_STATUSES = ("occurred", "planned", "recurring", "ongoing", "cancelled")

# Precision of an event date, coarsest last; "none" means undated.
PRECISIONS = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "century",
    "vague",
    "none",
)


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """One article, as stored. ``doc_id`` is the sha256 of the cleaned ``text``."""

    doc_id: str
    source: str  # file path or URL it was read from
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str = "none"  # one of PUBDATE_SOURCES
    published_note: str | None = None  # e.g. "inherited from near-duplicate <doc_id> (similarity 0.93)"
    publisher: str | None = None  # "source" field of the metadata (outlet / agency)


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3 annotation: where it is, what it means, and why.

    ``value`` is a TIMEX3 value (``2010-09-16``, ``2008-03``, ``P2Y``, ``PAST_REF``, ``XXXX-09-16``...).
    ``anchor`` says what a relative value was resolved against: ``"dct"``, the ``tid`` of an earlier
    expression, or None for absolute ones. ``explanation`` is a human-readable chain
    ("tomorrow = publication date 2010-09-15 + 1 day"). ``underspecified`` flags deictic values that could not
    be resolved because the document has no publication date.
    """

    start: int
    end: int
    text: str
    type: str  # one of TIMEX_TYPES
    value: str
    rule: str
    tid: str = ""
    mod: str | None = None
    anchor: str | None = None
    explanation: str = ""
    underspecified: bool = False


@dataclass(frozen=True)
class Actor:
    """A canonical actor. ``actor_id`` is stable across documents (a slug of the canonical name)."""

    actor_id: str
    name: str
    kind: str  # person | org | country
    country: str | None = None  # ISO 3166 alpha-3, or IGO
    sector: str | None = None  # GOV, MIL, GOV+MIL, ELI, ...
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """A place in the text that refers to an actor (name, surname, honorific, role noun, demonym)."""

    start: int
    end: int
    text: str
    actor_id: str
    how: str = "name"  # name | surname | alias | fuzzy | role | demonym | pronoun


@dataclass(frozen=True)
class ActorRole:
    """An actor as a participant of an event."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str  # actor | recipient (visitor=actor, host=recipient; first-named participant = actor)


@dataclass(frozen=True)
class EventMention:
    """One sentence's statement of an event, dated, with provenance."""

    mention_id: str  # f"{doc_id}:{trigger_start}:{event_type}"
    doc_id: str
    sentence: Span
    trigger: Span
    event_type: str  # one of EVENT_TYPES
    status: str  # one of EVENT_STATUSES
    actors: tuple[ActorRole, ...] = ()
    timex: TimeExpression | None = None  # the expression that dates it, if any
    date_value: str | None = None  # TIMEX3 value of the event's date (None: undated)
    start: date | None = None  # interval covered by the date, inclusive
    end: date | None = None
    precision: str = "none"  # one of PRECISIONS
    date_source: str = "none"  # clause | sentence | passage | dct | none
    explanation: str = ""  # the chain that dates it
    confidence: float = 0.5
    label: str = ""  # short human label, e.g. "Gates visits Russia"


@dataclass(frozen=True)
class Event:
    """A deduplicated event: all the mentions, in every document, of one happening."""

    event_id: str
    event_type: str
    plover: str
    cameo: str
    label: str
    date_value: str | None
    start: date | None
    end: date | None
    precision: str
    status: str
    actors: tuple[ActorRole, ...]
    mentions: tuple[EventMention, ...]
    n_docs: int


@dataclass(frozen=True)
class DocumentAnalysis:
    """Everything the per-document stages found in one document."""

    document: Document
    sentences: tuple[Span, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    actors: tuple[Actor, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    warnings: tuple[str, ...] = field(default=())
