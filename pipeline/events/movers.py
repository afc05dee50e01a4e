"""The type of a movement ("arrived in", "is due in", "flew to") read from who moves (``movers.yaml``).

An arrival is a visit when officials travel, a deployment when forces move and aid when relief comes; the verb
alone cannot tell them apart, its subject can. The subject is found without a parser: the nearest word of a
mover class before the verb in its sentence, passing over names and modifiers, skipping a relative clause
set off by commas ("Gates, who met troops in Kabul, arrived ...") and giving up when the verb shares the
subject of an earlier predicate ("met the troops and then flew to Kabul").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.config import DEFAULT_SETTINGS

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*")
# A relative clause or an apposition between the subject and its verb: ", who met troops in Kabul," or
# ", commander of U.S. Marine Forces Pacific," (not ", N.C.," after "Camp Lejeune").
_ASIDE_RE = re.compile(r",\s+(?:who\b|which\b|whose\b|where\b|[a-z])[^,]*(?:,[^,]*)?,\s*$")
_REACH = 200  # characters before the verb in which its subject is looked for
# The movement verb itself, when the trigger starts with its subject ("troops ... arrived").
_VERB_RE = re.compile(
    r"\b(?:arriv\w*|land(?:s|ed|ing)?|deploy\w*|redeploy\w*|station\w*|enter\w*|crossed|poured|rolled|"
    r"moved|flew|fl(?:y|ies|ying|own)|came|sail\w*|rotat\w*|reached|is|are|was|were)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoverType:
    """What a movement by one class of movers is."""

    event_type: str | None  # None: the trigger rule's own type
    in_aid_context: str | None = None
    visits: bool = False  # also retypes a visit verb
    for_training: str | None = None  # the type when the movement is for training with the partner


@dataclass(frozen=True)
class MoverLexicon:
    classes: dict[str, MoverType]
    class_of: dict[str, str]  # word -> class name
    heads: frozenset[str]
    aid_context: frozenset[str]
    verb_chain: frozenset[str]
    coordinators: frozenset[str]
    not_names: frozenset[str] = frozenset()
    training_purpose: re.Pattern[str] | None = None


@lru_cache(maxsize=8)
def _load(path: Path) -> MoverLexicon:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    classes: dict[str, MoverType] = {}
    class_of: dict[str, str] = {}
    for name, entry in (raw.get("classes") or {}).items():
        classes[name] = MoverType(
            event_type=entry.get("type"),
            visits=bool(entry.get("visits", False)),
            in_aid_context=entry.get("in_aid_context"),
            for_training=entry.get("for_training"),
        )
        for word in entry.get("words") or []:
            class_of[str(word).lower()] = name
    return MoverLexicon(
        classes=classes,
        class_of=class_of,
        heads=frozenset(str(w).lower() for w in raw.get("heads") or ()),
        aid_context=frozenset(str(w).lower() for w in raw.get("aid_context") or ()),
        verb_chain=frozenset(str(w).lower() for w in raw.get("verb_chain") or ()),
        coordinators=frozenset(str(w).lower() for w in raw.get("coordinators") or ()),
        not_names=frozenset(str(w).lower() for w in raw.get("not_names") or ()),
        training_purpose=re.compile(raw["training_purpose"], re.IGNORECASE)
        if raw.get("training_purpose")
        else None,
    )


def mover_lexicon(lexicon_dir: Path | None = None) -> MoverLexicon:
    base = Path(lexicon_dir) if lexicon_dir is not None else DEFAULT_SETTINGS.lexicon_dir
    return _load(base / "movers.yaml")


def _mover_class(before: str, lexicon: MoverLexicon) -> str | None:
    """The class of the nearest mover word of ``before`` (the sentence up to the verb), or None."""
    words = _WORD_RE.findall(before)
    index = len(words) - 1
    while index >= 0 and words[index].lower() in lexicon.verb_chain:
        index -= 1
    if index >= 0 and words[index].lower() in lexicon.coordinators:
        return None  # "... and then flew to Kabul": the subject of an earlier predicate
    head = named = False
    for word in reversed(words[: index + 1]):
        lowered = word.lower().rstrip("'’s") if word.endswith(("'s", "’s")) else word.lower()
        name = lexicon.class_of.get(lowered)
        if name is not None:
            return name
        if lowered in lexicon.heads:
            head = True  # "recovery [team]": its modifier decides
        elif head and word[:1].islower():
            return None  # "a [team] of ... is due": a team of nothing we know
        named = named or (word[:1].isupper() and lowered not in lexicon.not_names)
    # only a proper name before the verb ("Gates, who met troops in Kabul, arrived"): a person travels
    return "person" if named and not head else None


def movement_type(
    text: str,
    sentence_start: int,
    sentence_end: int,
    verb_start: int,
    lexicon: MoverLexicon,
    visit: bool = False,
) -> str | None:
    """The event type of the movement verb at ``verb_start``, by its mover; None keeps the rule's type.
    ``visit``: the verb is a visit ("visited"), which only some movers retype (students: an exchange)."""
    before = text[max(sentence_start, verb_start - _REACH) : verb_start]
    subject_inside = _VERB_RE.search(text, verb_start, verb_start + _REACH // 2)
    if subject_inside is not None and subject_inside.start() > verb_start:
        # a trigger that holds its subject ("Forces delegation arrived"): the words before its verb count
        before = text[max(sentence_start, verb_start - _REACH) : subject_inside.start()]
    aside = _ASIDE_RE.search(before)
    if aside:
        before = before[: aside.start()]
    name = _mover_class(before, lexicon)
    if name is None:
        return None
    kind = lexicon.classes[name]
    if visit and not kind.visits:
        return None
    if kind.in_aid_context and _aid_context(text[sentence_start:sentence_end], lexicon):
        return kind.in_aid_context
    if (
        kind.for_training
        and lexicon.training_purpose
        and lexicon.training_purpose.match(text, verb_start, sentence_end)
    ):
        return kind.for_training  # "arrived in Poland for training with Polish troops": the training
    return kind.event_type


def object_type(trigger_text: str, sentence: str, lexicon: MoverLexicon) -> str | None:
    """The event type of a sending ("deployed troops", "sent F-16s") by what is sent: forces sent to a
    disaster are aid ("deployed 2,000 troops to help earthquake victims"), and so are experts or trainers
    anywhere; None keeps the rule's type."""
    words = _WORD_RE.findall(trigger_text)[1:]
    classes = {lexicon.class_of.get(w.lower()) for w in words} - {None}
    for name in classes:
        kind = lexicon.classes[name]
        if kind.in_aid_context and _aid_context(sentence, lexicon):
            return kind.in_aid_context
    # (experts or trainers sent work with the partner: "will send a team of engineers to Azerbaijan")
    helpers = {lexicon.classes[name].event_type for name in classes} - {None, "MILITARY_FORCE", "VISIT"}
    return helpers.pop() if len(helpers) == 1 else None


def _aid_context(sentence: str, lexicon: MoverLexicon) -> bool:
    return any(w.lower() in lexicon.aid_context for w in _WORD_RE.findall(sentence))
