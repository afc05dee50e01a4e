"""The trigger rules of ``data/lexicon/event_triggers.yaml``: their model, the small phrase syntax compiled
into regular expressions (once per process), the index by first word, and the lookup of the rule behind a
mention. Matching them against a text is ``triggers.py``'s job."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.config import DEFAULT_SETTINGS
from pipeline.model import EVENT_TYPES
from pipeline.pattern_cache import compile_rule

# libyaml when installed: the same objects, parsed about ten times faster at worker start-up.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Wordings that name no type of their own but refer back to an event told before ("the next edition",
# "will take place"): extraction gives them the type of their antecedent.
REFER = "REFER"
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
# A free word of a gap: never one ending a sentence ("... began in 2004. Last year's exercise"), but
# abbreviations are words ("U.S.", "Gen.", "Va.", "U.S.-led").
# (case-sensitive: rules match case-insensitively, and "year. The" must not read as "Gen. the")
_FREE_WORD = (
    r"(?:(?:[A-Za-z]\.){2,}(?:-[\w\-]+)?|(?-i:[A-Z][a-z]{0,3}\.(?=\s+[a-z0-9]))"
    r"|(?-i:(?:Lt|Gen|Col|Maj|Capt|Adm|Sgt|Cmdr|Brig|Cpl|Pvt|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|No|Ft)\.)|[^\s.;:!?]+)"
)
_GAP_RE = re.compile(r"^\*(\d+)$")
# "^": a name of up to three capitalised words ("from Moscow", "while in Abu Dhabi"), case-sensitive.
# (an abbreviated first word joins the next: "St. Petersburg", "Ft. Worth")
# (a month after the name is a date: "came aboard Tarrant Oct. 16")
# (a person's titles come first: "called Gen. Chang Wanquan", "met Lt. Gen. Ivanov")
_NAME = (
    r"(?-i:(?:(?:St|Ft|Mt|Pt|Gen|Lt|Col|Maj|Capt|Adm|Cmdr|Brig|Sgt|Dr|Mr|Mrs|Ms|Sen|Rep|Gov)\.[^\S\n]+){0,2}"
    r"[A-Z][\w'’\-]*"
    r"(?:[^\S\n]+(?!(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)[A-Z][\w'’\-]*){0,2})"
)
# Space between the words of a phrase: never a paragraph break ("hosted\n\ntalks" is two lines); a quote may
# open before the next word ('called it Tuesday "the most useful step"').
_SEP = r"(?:[^\S\n]+\n?|\n)[^\S\n]*[\"“]?"


@dataclass(frozen=True)
class TriggerRule:
    """One trigger wording of an event type."""

    rule_id: str
    event_type: str
    pattern: re.Pattern[str]
    first_words: frozenset[str]
    pos: str = "noun"
    plover: str | None = None
    cameo: str | None = None
    mode: str | None = None
    host: bool = False
    status: str | None = None
    skip_in_names: bool = False
    spans_days: bool = False
    absorbs_object: bool = False
    absorbs_topic: bool = False
    priority: int = 0
    not_before: tuple[tuple[str, ...], ...] = ()
    not_after: tuple[tuple[str, ...], ...] = ()
    not_inside: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    window: int = 6
    not_near: frozenset[str] = frozenset()
    not_near_window: int = 3
    near_caps: bool = False
    defers_to_activity: bool = False
    refers_to: frozenset[str] = frozenset()  # REFER rules: the types the wording can refer back to
    after_one_of: frozenset[str] = frozenset()
    near_before: frozenset[str] = frozenset()
    near_before_window: int = 8
    origin: bool = False
    after_possessive: bool = False
    # its type depends on who moves ("subject"), on who visits ("visit") or on what is sent ("object")
    movement: str | None = None
    dated: bool = True  # false: the mention takes no date of its own (its event's other mentions date it)


@dataclass(frozen=True)
class TriggerMatch:
    """A rule matched at [start, end) of the text."""

    start: int
    end: int
    rule: TriggerRule


def _alternatives(token: str) -> list[str]:
    return [alt for alt in token.split("|") if alt]


def compile_phrase(phrase: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """Compile the phrase syntax of event_triggers.yaml; returns the pattern and its possible first words."""
    tokens = phrase.split()
    if not tokens or tokens[0].startswith("*") or tokens[0].endswith("?"):
        raise ValueError(f"trigger phrase {phrase!r} must start with literal words")
    parts: list[str] = []
    for index, token in enumerate(tokens):
        gap = _GAP_RE.match(token)
        if token == "*":
            parts.append(_SEP + _FREE_WORD)
        elif token == "^":
            parts.append(_SEP + _NAME)
        elif gap:
            parts.append(rf"(?:{_SEP}{_FREE_WORD}){{0,{int(gap.group(1))}}}")
        else:
            optional = token.endswith("?")
            words = _alternatives(token.rstrip("?"))
            # Longest first, so that "meetings" wins over "meeting".
            alts = (
                _SEP.join(re.escape(p) for p in w.split("_")) for w in sorted(words, key=len, reverse=True)
            )
            body = "(?:" + "|".join(alts) + ")"
            if index + 1 < len(tokens):
                body += ",?"  # "The rescue drill, held every year ...": a comma may close a literal word
            if index == 0:
                parts.append(body)
            elif optional:
                parts.append(rf"(?:{_SEP}{body})?")
            else:
                parts.append(_SEP + body)
    pattern = compile_rule(r"(?<![\w’'\-])" + "".join(parts) + r"(?![\w’'\-])", re.IGNORECASE)
    first = frozenset(w.split("_")[0].lower() for w in _alternatives(tokens[0]))
    return pattern, first


_SIMPLE_WORD_RE = re.compile(r"[a-z0-9][a-z0-9'’\-]*")


def second_words(phrase: str) -> frozenset[str] | None:
    """The words a phrase's match must have right after its first word, when the phrase says so exactly
    (one-word first token, a required literal second token); else None. A cheap set test then spares the
    regex on most occurrences of common first words ("the", "military")."""
    tokens = phrase.split()
    if len(tokens) < 2 or any("_" in alt for alt in _alternatives(tokens[0])):
        return None
    second = tokens[1]
    if second in ("*", "^") or second.endswith("?") or _GAP_RE.match(second):
        return None
    words = {alt.split("_")[0].lower().replace("’", "'") for alt in _alternatives(second)}
    if not words or not all(_SIMPLE_WORD_RE.fullmatch(w) for w in words):
        return None
    return frozenset(words)


def needed_words(phrase: str) -> tuple[frozenset[str], ...]:
    """For each literal token after the first that a match cannot do without, the words it may start with
    (when they are plain words of the text's word list: each is then one of them). A rule none of whose
    words for one such token is in a text cannot match there, wherever it starts."""
    out: list[frozenset[str]] = []
    for token in phrase.split()[1:]:
        if token in ("*", "^") or token.endswith("?") or _GAP_RE.match(token):
            continue
        alts = [alt.lower().replace("’", "'").split("_") for alt in _alternatives(token)]
        if alts and all(_SIMPLE_WORD_RE.fullmatch(word) for alt in alts for word in alt):
            out.append(frozenset(alt[0] for alt in alts))
    return tuple(out)


def _word_seqs(values: list[str] | None) -> tuple[tuple[str, ...], ...]:
    for v in values or []:
        if not isinstance(v, str):  # YAML reads a bare on/no/yes as a boolean: quote it
            raise ValueError(f"word list entry {v!r} is not a string")
    return tuple(tuple(v.lower().split()) for v in (values or []))


def _movement(value: object) -> str | None:
    """``movement: true`` (the subject moves), ``visit`` (the subject visits) or ``object`` (what is sent)."""
    if value is None or value is False:
        return None
    if value is True:
        return "subject"
    if value in ("subject", "visit", "object"):
        return str(value)
    raise ValueError(f"movement must be true, 'visit' or 'object', not {value!r}")


def _lexicon(lexicon_dir: Path | None) -> Path:
    return Path(lexicon_dir) if lexicon_dir is not None else DEFAULT_SETTINGS.lexicon_dir


_Needed = tuple[frozenset[str], ...]


@lru_cache(maxsize=8)
def _load(
    path: Path,
) -> tuple[
    dict[str, tuple[TriggerRule, ...]],
    tuple[TriggerRule, ...],
    tuple[frozenset[str] | None, ...],
    tuple[_Needed, ...],
]:
    """(rules by first word, rules in file order, each rule's second words, each rule's needed words)."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
    rules: list[TriggerRule] = []
    seconds: list[frozenset[str] | None] = []
    needed: list[_Needed] = []
    for event_type, entries in raw.items():
        if event_type not in EVENT_TYPES and event_type != REFER:
            raise ValueError(f"{path}: unknown event type {event_type!r}")
        for entry in entries or []:
            try:
                pattern, first = compile_phrase(str(entry["match"]))
                seconds.append(second_words(str(entry["match"])))
                needed.append(needed_words(str(entry["match"])))
            except (KeyError, ValueError, re.error) as exc:
                raise ValueError(f"{path}: bad trigger rule {entry!r} under {event_type}: {exc}") from exc
            rules.append(
                TriggerRule(
                    rule_id=str(entry.get("id", entry["match"])),
                    event_type=event_type,
                    pattern=pattern,
                    first_words=first,
                    pos=str(entry.get("pos", "noun")),
                    plover=entry.get("plover"),
                    cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
                    mode=entry.get("mode"),
                    host=bool(entry.get("host", False)),
                    status=entry.get("status"),
                    skip_in_names=bool(entry.get("skip_in_names", False)),
                    spans_days=bool(entry.get("spans_days", False)),
                    absorbs_object=bool(entry.get("absorbs_object", False)),
                    absorbs_topic=bool(entry.get("absorbs_topic", False)),
                    priority=int(entry.get("priority", 0)),
                    not_before=_word_seqs(entry.get("not_before")),
                    not_after=_word_seqs(entry.get("not_after")),
                    not_inside=frozenset(w.lower() for w in entry.get("not_inside") or []),
                    near=frozenset(w.lower() for w in entry.get("near") or []),
                    window=int(entry.get("window", 6)),
                    not_near=frozenset(w.lower() for w in entry.get("not_near") or []),
                    not_near_window=int(entry.get("not_near_window", 3)),
                    near_caps=bool(entry.get("near_caps", False)),
                    defers_to_activity=bool(entry.get("defers_to_activity", False)),
                    refers_to=frozenset(entry.get("refers_to") or ()),
                    after_one_of=frozenset(w.lower() for w in entry.get("after_one_of") or ()),
                    near_before=frozenset(w.lower() for w in entry.get("near_before") or ()),
                    near_before_window=int(entry.get("near_before_window", 8)),
                    origin=bool(entry.get("origin", False)),
                    after_possessive=bool(entry.get("after_possessive", False)),
                    movement=_movement(entry.get("movement")),
                    dated=bool(entry.get("dated", True)),
                )
            )
    index: dict[str, list[TriggerRule]] = {}
    for rule in rules:
        for word in rule.first_words:
            index.setdefault(word, []).append(rule)
    return {word: tuple(group) for word, group in index.items()}, tuple(rules), tuple(seconds), tuple(needed)


@lru_cache(maxsize=8)
def _by_first_word(path: Path) -> dict[str, tuple[tuple[TriggerRule, frozenset[str] | None], ...]]:
    """The rules of each first word, each with the second words it needs (None: any)."""
    index, rules, seconds, _ = _load(path)
    by_rule = {id(rule): second for rule, second in zip(rules, seconds, strict=True)}
    return {word: tuple((rule, by_rule[id(rule)]) for rule in group) for word, group in index.items()}


@lru_cache(maxsize=8)
def by_first_word_tested(
    path: Path,
) -> dict[str, tuple[tuple[TriggerRule, frozenset[str] | None, _Needed], ...]]:
    """``_by_first_word`` with each rule's ``needed_words`` too."""
    _, rules, _, needed = _load(path)
    by_rule = {id(rule): words for rule, words in zip(rules, needed, strict=True)}
    return {
        word: tuple((rule, second, by_rule[id(rule)]) for rule, second in group)
        for word, group in _by_first_word(path).items()
    }


def trigger_rules(lexicon_dir: Path | None = None) -> tuple[TriggerRule, ...]:
    """Every rule, in file order."""
    return _load(_lexicon(lexicon_dir) / "event_triggers.yaml")[1]


@lru_cache(maxsize=4096)
def rule_for(event_type: str, trigger_text: str, lexicon_dir: Path | None = None) -> TriggerRule | None:
    """The rule that produced a mention's trigger (mentions keep the span, not the rule)."""
    for rule in trigger_rules(lexicon_dir):
        if rule.event_type == event_type and rule.pattern.fullmatch(trigger_text):
            return rule
    return None


def trigger_codes(
    event_type: str, trigger_text: str, lexicon_dir: Path | None = None
) -> tuple[str, str, str | None]:
    """(PLOVER, CAMEO, mode) of a mention: the matching rule's refinement, else the type's defaults.

    Dedup builds Events from mentions; this lets it keep "hosted" = 043 or "boycotted" = 161 without the
    mention carrying the codes itself.
    """
    from pipeline.events.types import event_type as type_row

    row = type_row(event_type, lexicon_dir)
    rule = rule_for(event_type, trigger_text, lexicon_dir)
    if rule is not None:
        return rule.plover or row.plover, rule.cameo or row.cameo, rule.mode or row.mode
    return row.plover, row.cameo, row.mode
