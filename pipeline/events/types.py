"""Event types as data: dashboard type -> PLOVER category and mode, CAMEO code, label templates.

The table lives in ``data/lexicon/event_types.yaml`` so analysts can recode a type without touching code; it
is read once per process and per lexicon directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.config import DEFAULT_SETTINGS
from pipeline.model import EVENT_TYPES


@dataclass(frozen=True)
class EventType:
    """One row of the type table."""

    name: str
    plover: str
    cameo: str
    mode: str | None = None
    label: str = "{actor} and {recipient}"
    label_one: str = "{actor}"
    label_none: str = "Event"
    passage: bool = True  # may take the passage's reference time when its own sentence has no date
    # nouns general enough to name an event of this type told in other words ("will tour ... The visit")
    general_nouns: frozenset[str] = frozenset()


def _lexicon(lexicon_dir: Path | None) -> Path:
    return Path(lexicon_dir) if lexicon_dir is not None else DEFAULT_SETTINGS.lexicon_dir


@lru_cache(maxsize=8)
def _load(path: Path) -> dict[str, EventType]:
    raw = (
        yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        or {}
    )
    table: dict[str, EventType] = {}
    for name, row in raw.items():
        if name not in EVENT_TYPES:
            raise ValueError(f"{path}: unknown event type {name!r} (known: {', '.join(EVENT_TYPES)})")
        table[name] = EventType(
            name=name,
            plover=str(row["plover"]),
            cameo=str(row["cameo"]),
            mode=row.get("mode"),
            label=row.get("label", EventType.label),
            label_one=row.get("label_one", EventType.label_one),
            label_none=row.get("label_none", EventType.label_none),
            passage=bool(row.get("passage", True)),
            general_nouns=frozenset(str(w).lower() for w in row.get("general_nouns") or ()),
        )
    missing = set(EVENT_TYPES) - set(table)
    if missing:
        raise ValueError(f"{path}: no entry for event types {sorted(missing)}")
    return table


@lru_cache(maxsize=8)
def event_types(lexicon_dir: Path | None = None) -> dict[str, EventType]:
    """The whole table, keyed by dashboard type (cached: labels ask for it for every mention)."""
    return _load(_lexicon(lexicon_dir) / "event_types.yaml")


def event_type(name: str, lexicon_dir: Path | None = None) -> EventType:
    """One type; unknown names fall back to OTHER rather than failing a whole ingest."""
    table = event_types(lexicon_dir)
    return table.get(name, table["OTHER"])


def codes(name: str, lexicon_dir: Path | None = None) -> tuple[str, str]:
    """(PLOVER, CAMEO) of a type: what dedup puts on an Event."""
    row = event_type(name, lexicon_dir)
    return row.plover, row.cameo
