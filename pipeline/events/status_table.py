"""The status cue table (``data/lexicon/status_cues.yaml``) as lower-cased word tuples, loaded once per
process; ``status.decide_status`` reads it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.config import DEFAULT_SETTINGS


@dataclass(frozen=True)
class StatusCues:
    """The cue table, as lower-cased word tuples."""

    window: int
    skip_window: int
    skip_before: tuple[tuple[str, ...], ...]
    skip_after: tuple[tuple[str, ...], ...]
    cancelled_before: tuple[tuple[str, ...], ...]
    cancelled_after: tuple[tuple[str, ...], ...]
    cancelled_clause: tuple[tuple[str, ...], ...]
    recurring_clause: tuple[tuple[str, ...], ...]
    planned_before: tuple[tuple[str, ...], ...]
    planned_after: tuple[tuple[str, ...], ...]
    progressive: tuple[tuple[str, ...], ...]
    ongoing_before: tuple[tuple[str, ...], ...]
    ongoing_after: tuple[tuple[str, ...], ...]
    perfect_auxiliaries: frozenset[str] = frozenset()
    perfect_unless: frozenset[str] = frozenset()
    future_dates: tuple[tuple[str, ...], ...] = ()
    planned_inside: tuple[tuple[str, ...], ...] = ()
    planned_after_noun: tuple[tuple[str, ...], ...] = ()
    planned_clause: tuple[tuple[str, ...], ...] = ()
    dated_owner: tuple[tuple[str, ...], ...] = ()
    ongoing_ending: tuple[tuple[str, ...], ...] = ()
    ongoing_inside: tuple[tuple[str, ...], ...] = ()
    topic_before: tuple[tuple[str, ...], ...] = ()
    topic_after: tuple[tuple[str, ...], ...] = ()
    generic_after: tuple[tuple[str, ...], ...] = ()
    link_prefixes: tuple[str, ...] = ()
    hedged_plans: tuple[tuple[str, ...], ...] = ()  # "might visit": a possible plan, no hypothesis
    presupposing_questions: tuple[tuple[str, ...], ...] = ()  # "how did ...?": the event is taken as given
    skip_clause_before: tuple[tuple[str, ...], ...] = ()
    ongoing_next: tuple[tuple[str, ...], ...] = ()
    since_ongoing_types: frozenset[str] = frozenset()
    scheduled_present: frozenset[str] = frozenset()
    habitual_present: frozenset[str] = frozenset()
    rescheduled: tuple[tuple[str, ...], ...] = ()
    not_rescheduled: tuple[tuple[str, ...], ...] = ()
    counterfactual_after: tuple[tuple[str, ...], ...] = ()
    counterfactual_window: int = 8
    perfect_continuous: tuple[tuple[str, ...], ...] = ()
    perfect_states: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()
    went_ahead: tuple[tuple[str, ...], ...] = ()
    hypothetical_openers: tuple[tuple[str, ...], ...] = ()
    habit_spans: tuple[tuple[str, ...], ...] = ()


class Phrases(tuple):
    """Cue phrases (tuples of words) with their index by first word, built once when the cues load: a
    cache keyed by the phrases would hash every phrase on every call, and ``_has`` runs for every mention."""

    firsts: dict[str, tuple[tuple[str, ...], ...]]

    def __new__(cls, seqs: Iterable[tuple[str, ...]]) -> Phrases:
        obj = super().__new__(cls, seqs)
        index: dict[str, list[tuple[str, ...]]] = {}
        for seq in obj:
            index.setdefault(seq[0], []).append(seq)
        obj.firsts = {word: tuple(group) for word, group in index.items()}
        return obj


def _seqs(values: list[str] | None) -> Phrases:
    return Phrases(tuple(str(v).lower().replace("’", "'").split()) for v in values or [] if str(v).strip())


@lru_cache(maxsize=8)
def _load(path: Path) -> StatusCues:
    raw = (
        yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        or {}
    )
    skip = raw.get("skip") or {}
    perfect = (raw.get("recurring") or {}).get("perfect_since") or {}
    return StatusCues(
        window=int(raw.get("window", 8)),
        skip_window=int(skip.get("near_window", 3)),
        counterfactual_after=_seqs(skip.get("counterfactual_after")),
        counterfactual_window=int(skip.get("counterfactual_window", 8)),
        skip_before=_seqs(skip.get("before_near")),
        hedged_plans=_seqs(raw.get("hedged_plans")),
        skip_after=_seqs(skip.get("after_near")),
        cancelled_before=_seqs((raw.get("cancelled") or {}).get("before")),
        cancelled_after=_seqs((raw.get("cancelled") or {}).get("after")),
        cancelled_clause=_seqs((raw.get("cancelled") or {}).get("clause_before")),
        rescheduled=_seqs((raw.get("cancelled") or {}).get("rescheduled")),
        not_rescheduled=_seqs((raw.get("cancelled") or {}).get("not_rescheduled")),
        went_ahead=_seqs((raw.get("cancelled") or {}).get("went_ahead")),
        recurring_clause=_seqs((raw.get("recurring") or {}).get("clause")),
        planned_before=_seqs((raw.get("planned") or {}).get("before")),
        planned_after=_seqs((raw.get("planned") or {}).get("after")),
        planned_inside=_seqs((raw.get("planned") or {}).get("inside")),
        planned_after_noun=_seqs((raw.get("planned") or {}).get("after_noun")),
        planned_clause=_seqs((raw.get("planned") or {}).get("clause_before")),
        dated_owner=_seqs((raw.get("planned") or {}).get("not_after_noun_when_before")),
        ongoing_ending=_seqs((raw.get("ongoing") or {}).get("ending")),
        ongoing_inside=_seqs((raw.get("ongoing") or {}).get("inside")),
        topic_before=_seqs(skip.get("topic_before")),
        topic_after=_seqs(skip.get("topic_after")),
        generic_after=_seqs(skip.get("generic_after")),
        skip_clause_before=_seqs(skip.get("clause_before")),
        link_prefixes=tuple(str(p).lower() for p in skip.get("link_prefixes") or ()),
        presupposing_questions=_seqs(skip.get("presupposing_questions")),
        ongoing_next=_seqs((raw.get("ongoing") or {}).get("next")),
        progressive=_seqs((raw.get("ongoing") or {}).get("progressive")),
        ongoing_before=_seqs((raw.get("ongoing") or {}).get("before")),
        ongoing_after=_seqs((raw.get("ongoing") or {}).get("after")),
        perfect_auxiliaries=frozenset(perfect.get("auxiliaries") or ()),
        perfect_unless=frozenset(perfect.get("unless") or ()),
        future_dates=_seqs(raw.get("future_dates")),
        since_ongoing_types=frozenset((raw.get("ongoing") or {}).get("since_types") or ()),
        scheduled_present=frozenset(str(w).lower() for w in raw.get("scheduled_present") or ()),
        habitual_present=frozenset(str(w).lower() for w in raw.get("habitual_present") or ()),
        perfect_continuous=_seqs(perfect.get("continuous")),
        perfect_states=frozenset(
            str(w).lower() for w in (raw.get("ongoing") or {}).get("perfect_states") or ()
        ),
        clause_openers=frozenset(str(w).lower() for w in raw.get("clause_openers") or ()),
        hypothetical_openers=_seqs(skip.get("hypothetical_openers")),
        habit_spans=_seqs(skip.get("habit_spans")),
    )


def status_cues(lexicon_dir: Path | None = None) -> StatusCues:
    """The cue table of a lexicon directory (loaded once per process)."""
    base = Path(lexicon_dir) if lexicon_dir is not None else DEFAULT_SETTINGS.lexicon_dir
    return _load(base / "status_cues.yaml")
