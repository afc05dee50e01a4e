"""The data-driven rules of dedup (``data/lexicon/dedup.yaml``), loaded once per process and path."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from pipeline.config import DEFAULT_SETTINGS

RULES_FILE = "dedup.yaml"
_DEFAULT_DIR = DEFAULT_SETTINGS.lexicon_dir


@dataclass(frozen=True)
class DedupRules:
    additive_cues: frozenset[str]
    additive_window: int
    additive_cues_after: frozenset[str]  # right after the trigger: "met again"
    additive_cues_inside: frozenset[str]  # inside it, after its verb: "held [a] communications drill"
    separators: tuple[str, ...]  # phrases between two same-sentence triggers that make them two events
    anaphoric_determiners: frozenset[str]
    generic_name_words: frozenset[str]  # name pairs made only of these ("Air Base") name nothing shared
    stopwords: frozenset[str]
    type_groups: tuple[tuple[str, str], ...]  # (event type, group it merges within)
    status_pairs: frozenset[frozenset[str]]
    status_pairs_if_dated: frozenset[frozenset[str]]
    status_pairs_across_documents: frozenset[frozenset[str]]  # never in two sentences of one article
    status_priority: tuple[str, ...]
    day_tolerance: int
    thresholds: tuple[tuple[str, float], ...]
    max_block_years: int
    max_block_candidates: int
    place_types: frozenset[str]  # event types whose recipients are a place or host (visits)
    counterpart_types: frozenset[str]  # event types whose recipients are the counterpart (meetings)
    specific_statuses: frozenset[str]  # statuses a merge may not override without a clear back reference
    finer_date_needs_same_place: bool
    evidence_sample: int  # evidence is looked for in the article's own mentions and this many others

    @cached_property
    def _groups(self) -> dict[str, str]:
        return dict(self.type_groups)

    @cached_property
    def _thresholds(self) -> dict[str, float]:
        return dict(self.thresholds)

    def type_group(self, event_type: str) -> str:
        return self._groups.get(event_type, event_type)

    def status_ok(self, a: str, b: str, dated: bool) -> bool:
        if a == b:
            return True
        pair = frozenset((a, b))
        return pair in self.status_pairs or (dated and pair in self.status_pairs_if_dated)

    def status_rank(self, status: str) -> int:
        order = self.status_priority
        return order.index(status) if status in order else len(order)

    def threshold(self, name: str) -> float:
        return self._thresholds[name]


def _words(values: list) -> frozenset[str]:
    return frozenset(str(v).lower().replace("\u2019", "'") for v in values or ())


def load_rules(lexicon_dir: Path | None = None) -> DedupRules:
    """Rules from ``lexicon_dir/dedup.yaml``, else the project's own file."""
    return _load(_rules_path(lexicon_dir))


@lru_cache(maxsize=32)
def _rules_path(lexicon_dir: Path | None) -> Path:
    """The rules file of ``lexicon_dir`` (cached: finding it costs system calls, and the analysis of every
    document asks)."""
    path = Path(lexicon_dir) / RULES_FILE if lexicon_dir else _DEFAULT_DIR / RULES_FILE
    if not path.exists():
        path = _DEFAULT_DIR / RULES_FILE
    return path.resolve()


@lru_cache(maxsize=8)
def _load(path: Path) -> DedupRules:
    data = (
        yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        or {}
    )
    groups = []
    for types in data.get("compatible_types") or ():
        name = "+".join(sorted(types))
        groups.extend((t, name) for t in types)
    return DedupRules(
        additive_cues=_words(data.get("additive_cues")),
        additive_window=int(data.get("additive_window", 6)),
        additive_cues_after=_words(data.get("additive_cues_after")),
        additive_cues_inside=_words(data.get("additive_cues_inside")),
        separators=tuple(sorted(_words(data.get("same_sentence_separators")))),
        anaphoric_determiners=_words(data.get("anaphoric_determiners")),
        generic_name_words=_words(data.get("generic_name_words")),
        stopwords=_words(data.get("stopwords")),
        type_groups=tuple(groups),
        status_pairs=frozenset(frozenset(p) for p in data.get("status_compatible") or ()),
        status_pairs_if_dated=frozenset(frozenset(p) for p in data.get("status_compatible_if_dated") or ()),
        status_pairs_across_documents=frozenset(
            frozenset(p) for p in data.get("status_compatible_across_documents_only") or ()
        ),
        status_priority=tuple(data.get("status_priority") or ()),
        day_tolerance=int(data.get("cross_document_day_tolerance", 0)),
        thresholds=tuple((k, float(v)) for k, v in (data.get("text_similarity") or {}).items()),
        max_block_years=int(data.get("max_block_years", 3)),
        max_block_candidates=int(data.get("max_block_candidates", 400)),
        place_types=frozenset(data.get("place_types") or ()),
        counterpart_types=frozenset(data.get("counterpart_types") or ()),
        specific_statuses=frozenset(data.get("specific_statuses") or ()),
        finer_date_needs_same_place=bool(data.get("finer_date_needs_same_place", False)),
        evidence_sample=int(data.get("evidence_sample", 24)),
    )
