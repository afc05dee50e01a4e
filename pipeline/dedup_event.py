"""One Event from the mentions dedup clustered together: its main mention, date, status, label and codes.

The main mention is the one that dates the event best (an explicit date in its own clause beats one borrowed
from the passage); the status is the latest article's word; PLOVER/CAMEO take the trigger rule's refinement.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline.dedup_match import Features
from pipeline.dedup_rules import DedupRules
from pipeline.events.labels import make_label
from pipeline.events.trigger_rules import trigger_codes
from pipeline.model import ActorRole, Event, EventMention

# How directly a mention's own text dates it, best first (anchor.py's date_source values).
_SOURCE_RANK = {"clause": 0, "sentence": 0, "dct": 1, "passage": 2}


def build_event(members: list[Features], rules: DedupRules, lexicon_dir: Path | None) -> Event:
    earliest = min(members, key=lambda m: m.order)
    main = min(
        members,
        key=lambda m: (
            m.interval is None,
            m.rank if m.interval is not None else _vagueness(m.mention.date_value),
            m.rank,
            _SOURCE_RANK.get(m.mention.date_source, 3),
            m.order,
        ),
    )
    mentions = [main.mention] + [m.mention for m in sorted(members, key=lambda m: m.order) if m is not main]
    actors: dict[str, ActorRole] = {}
    for mention in mentions:
        for role in sorted(mention.actors, key=lambda r: r.role != "actor"):
            actors.setdefault(role.actor_id, role)
    first = earliest.mention
    key = f"{first.doc_id}:{first.trigger.start}:{first.trigger.end}:{first.event_type}"
    plover, cameo = event_codes(main.mention.event_type, main.mention.trigger.text, lexicon_dir)
    m = main.mention
    status = _status(members, rules, main.interval)
    return Event(
        event_id="ev_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        event_type=m.event_type,
        plover=plover,
        cameo=cameo,
        label=_label(m, status, mentions, lexicon_dir),
        date_value=m.date_value if main.interval is not None else m.date_value or _undated_value(mentions),
        start=main.interval[0] if main.interval else None,
        end=main.interval[1] if main.interval else None,
        precision=m.precision if main.interval else "none",
        status=status,
        actors=tuple(actors.values()),
        mentions=tuple(mentions),
        n_docs=len({x.doc_id for x in mentions}),
    )


def _label(
    main: EventMention, status: str, mentions: Sequence[EventMention], lexicon_dir: Path | None
) -> str:
    """The main mention's label; rebuilt when later reports changed the status ("Planned: ..." happened)."""
    if main.status != status or not main.actors:
        # a status changed by later reports, or a main mention naming nobody ("today's visit"): the
        # participants the other mentions name
        roles = main.actors or next((x.actors for x in mentions if x.actors), ())
        return make_label(main.event_type, roles, status, lexicon_dir)
    return main.label or next((x.label for x in mentions if x.label), "") or main.trigger.text


def _vagueness(value: str | None) -> int:
    """Among undated values, one with structure (XXXX-SU: "this summer" without a year) says more than a
    reference (FUTURE_REF), which says more than nothing; and the fewer unknown digits, the more it says
    ("Aug. 4", XXXX-08-04, over "yesterday", XXXX-XX-XX, in an article without publication date)."""
    if value is None:
        return 200
    if value.endswith("_REF"):
        return 100
    parts = value.split("-")  # a day before a month before a year, then the fewer unknown digits
    return {1: 30, 2: 20}.get(len(parts), 0) + "-".join(parts[1:]).count("X")


def _undated_value(mentions: Sequence[EventMention]) -> str | None:
    """An undated event keeps a vague value (FUTURE_REF, XXXX-XX-XX) when its mentions agree on one."""
    values = Counter(x.date_value for x in mentions if x.date_value)
    return values.most_common(1)[0][0] if values else None


def _status(members: Sequence[Features], rules: DedupRules, interval: tuple[date, date] | None = None) -> str:
    """The latest article's word wins ("will conduct" then "took place" -> occurred). An undated article
    counts as the latest: it can only be placed by what it reports, and a report that an event happened (or
    was cancelled) was written after the announcement of it. An event dated wholly after that article
    cannot have occurred in it: a plan among its words wins then ("will fly to Fort Riley tomorrow" joined
    by "the trip"). Within that article, its dated mentions' words count, if it has any."""

    def when(m: Features) -> tuple[bool, date]:
        return m.published is None, m.published or date.min

    latest = max(when(m) for m in members)
    told = [m for m in members if when(m) == latest]
    # (its dated mentions speak of the event itself; an undated one may carry a status from its context:
    # "The Shebab, who have been fighting since 2007, claimed the attack")
    dated = [m for m in told if m.mention.timex is not None]
    statuses = {m.mention.status for m in dated or told}
    published = latest[1] if not latest[0] else None
    if published is not None and interval is not None and interval[0] > published and "planned" in statuses:
        statuses.discard("occurred")
    return min(statuses, key=rules.status_rank)


@lru_cache(maxsize=4096)
def event_codes(event_type: str, trigger_text: str, lexicon_dir: Path | None) -> tuple[str, str]:
    """PLOVER and CAMEO of an event from its main mention: the refinement of the trigger rule that found it
    ("hosted" = 043, "boycotted" = 161), else the type's default. Cached: many events share a trigger."""
    plover, cameo, _mode = trigger_codes(event_type, trigger_text, lexicon_dir)
    return plover, cameo
