"""Load the tagger's rules and vocabularies (``data/lexicon/timex``) and compile them once per process.

The rules are data (HeidelTime's ``resources/``, Recognizers-Text's YAML): a rule is a regex written with
named sub-patterns (``%MONTH``, ``%DAY:day2``) and a value template. This module only expands and compiles
them; what a match means is decided by ``extract.py`` (templates) and ``resolve.py`` (anchoring).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.pattern_cache import compile_rule
from pipeline.timex.alternation import OPTIONAL_DOT, Atom, alternation, key_atoms
from pipeline.timex.first_chars import first_class, only_digits
from pipeline.timex.tense import TenseCues, compile_cues

# libyaml when installed: the same objects, parsed about ten times faster at worker start-up.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_REFERENCE = re.compile(r"%([A-Z][A-Z0-9_]*)(?::([a-z][a-z0-9_]*))?")
_KNOWN_FIELDS = {
    "id",
    "example",
    "type",
    "pattern",
    "value",
    "mod",
    "dir",
    "priority",
    "parts",
    "preceded_by",
    "not_preceded_by",
    "followed_by",
    "not_followed_by",
    "modifiers",
    "alt",
    "trigger",
}
_WORD = re.compile(r"\w+")


class RuleError(ValueError):
    """A rule file is malformed: the message names the file and the rule."""


@dataclass(frozen=True)
class Table:
    """A normalisation table: lower-case key (no trailing dot) -> value part."""

    name: str
    values: dict[str, str]
    regex: str  # alternation of the keys as they may appear in text, as a trie (see ``alternation.py``)
    flat: str = ""  # the same keys one after the other: for a rule that matches ignoring case


@dataclass(frozen=True)
class SubPattern:
    name: str
    regex: str
    table: Table | None = None
    norm: str | None = None
    default: str = ""
    flat: str = ""  # ``regex`` with the table's flat alternation


@dataclass(frozen=True)
class Part:
    """One expression a rule emits: the whole match (group None) or a named group of it (ranges)."""

    group: str | None
    type: str
    value: str


@dataclass(frozen=True)
class Rule:
    id: str
    example: str
    regex: re.Pattern[str]
    parts: tuple[Part, ...]
    groups: dict[str, SubPattern]  # group name -> sub-pattern that normalises it
    mod: str = ""
    dir: str = ""
    priority: int = 0
    order: int = 0
    preceded_by: re.Pattern[str] | None = None
    not_preceded_by: re.Pattern[str] | None = None
    followed_by: re.Pattern[str] | None = None
    not_followed_by: re.Pattern[str] | None = None
    modifiers: str = "date"  # date | amount | ago | none
    triggers: frozenset[str] | None = None  # words one of which every match contains (None: scan all)
    digit_start: bool = False  # every match starts with a digit: tried only where a run of digits starts
    alt: Part | None = None  # another reading when the clause's tense is `alt_when` ("in six months")
    alt_when: str = ""
    alt_unless: re.Pattern[str] | None = None  # earlier in the sentence: keep the first reading


@dataclass(frozen=True)
class Grammar:
    """Everything the tagger reads from the lexicon, compiled."""

    rules: tuple[Rule, ...]
    tables: dict[str, Table]
    date_prefix: re.Pattern[str]
    amount_prefix: re.Pattern[str]
    amount_blocker: re.Pattern[str]
    suffix: re.Pattern[str]
    suffix_mods: dict[str, str]
    ago_mods: dict[str, str]
    tense: TenseCues
    trigger_words: frozenset[str] = frozenset()  # every rule's trigger words: the only ones worth indexing


def _variants(key: str, case: str) -> list[str]:
    if case == "upper":
        return [key.upper()]
    title = " ".join(w[:1].upper() + w[1:] for w in key.split(" "))
    if case == "title":
        return [title, key.upper()]
    return [key, key[:1].upper() + key[1:], key.upper()]


def _key_regex(text: str) -> str:
    out = []
    for ch in text:
        if ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append("['’]")
        elif ch in "-‐‑":
            out.append("[-‐‑]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _build_table(name: str, spec: dict[str, Any]) -> Table:
    values = {str(k).lower().replace("’", "'"): str(v) for k, v in spec["values"].items()}
    case = spec.get("case", "any")
    keys = sorted(values, key=len, reverse=True)
    alternatives: list[str] = []
    atoms: list[list[Atom]] = []
    seen: set[str] = set()
    for key in keys:
        # An abbreviation (a key that begins a longer key: "sept" of "september") may end with a dot.
        abbrev = spec.get("abbrev_dot") and any(k != key and k.startswith(key) for k in keys)
        for variant in _variants(key, case):
            rx = _key_regex(variant) + (r"\.?" if abbrev else "")
            if rx not in seen:
                seen.add(rx)
                alternatives.append(rx)
                atoms.append(key_atoms(variant) + ([OPTIONAL_DOT] if abbrev else []))
    flat = "(?:" + "|".join(alternatives) + ")"
    return Table(name, values, "(?:" + alternation(atoms) + ")", flat)


def _compile_optional(pattern: str | None, where: str) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RuleError(f"{where}: bad regex {pattern!r}: {exc}") from exc


# An inline flag that turns on IGNORECASE ("(?i:...)"): the tables' tries hold for case-sensitive matching.
_IGNORECASE_FLAG = re.compile(r"\(\?[aLmsux]*i[aiLmsux]*(?:-[imsx]*)?[:)]")


def _expand(pattern: str, subs: dict[str, SubPattern], where: str) -> tuple[str, dict[str, SubPattern]]:
    groups: dict[str, SubPattern] = {}
    flat = _IGNORECASE_FLAG.search(pattern) is not None

    def replace(found: re.Match[str]) -> str:
        name, group = found.group(1), found.group(2) or found.group(1).lower()
        if name not in subs:
            raise RuleError(f"{where}: unknown sub-pattern %{name}")
        if group in groups:
            raise RuleError(f"{where}: group {group!r} used twice (write %{name}:other_name)")
        groups[group] = subs[name]
        return f"(?P<{group}>{subs[name].flat if flat else subs[name].regex})"

    return _REFERENCE.sub(replace, pattern), groups


@lru_cache(maxsize=1024)
def _sub_head(sub_regex: str) -> str | None:
    return first_class(_widen_spaces(sub_regex))


def _head(pattern: str, subs: dict[str, SubPattern]) -> str | None:
    """The first-character class of a rule's expanded, widened pattern, read without parsing the (large)
    sub-patterns again for every rule: each one stands for a class of its own first characters, which has
    the same first characters and, like it, never matches empty (else there is no class at all)."""

    def placeholder(found: re.Match[str]) -> str:
        head = _sub_head(subs[found.group(1)].regex)
        if head is None:
            raise LookupError
        return f"(?:{head})"

    try:
        template = _REFERENCE.sub(placeholder, pattern)
    except LookupError:
        return None
    return first_class(_widen_spaces(template))


_SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;)"


def _widen_spaces(pattern: str) -> str:
    """Let ``\\s`` match a broken ``&nbsp;`` entity too ("Sept.&nbsp;15"); not in classes or look-behinds."""
    out: list[str] = []
    stack: list[bool] = []  # per open group: inside a look-behind (fixed width: leave it alone)?
    in_class, i = False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            keep = in_class or (stack and stack[-1])
            out.append(pair if keep or pair != r"\s" else _SPACE)
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            stack.append(bool(stack and stack[-1]) or pattern.startswith(("(?<=", "(?<!"), i))
        elif ch == ")" and stack:
            stack.pop()
        out.append(ch)
        i += 1
    return "".join(out)


def _triggers(items: list[str] | None, subs: dict[str, SubPattern], where: str) -> frozenset[str] | None:
    """Lower-case words (or "#digit") of which every match of the rule contains one.

    ``%TABLE`` stands for the longest word of each key of a sub-pattern's table ("the fourth of july" ->
    "fourth"). They let the tagger skip a rule on a text without them, or scan only around them.
    """
    if not items:
        return None
    words: set[str] = set()
    for item in items:
        item = str(item)
        if item.startswith("%"):
            sub = subs.get(item[1:])
            if sub is None or sub.table is None:
                raise RuleError(f"{where}: trigger {item} is not a sub-pattern with a table")
            words.update(max(_WORD.findall(key), key=len).lower() for key in sub.table.values)
        else:
            words.add(item.lower())
    return frozenset(words)


def _build_rule(raw: dict[str, Any], subs: dict[str, SubPattern], order: int, where: str) -> Rule:
    unknown = set(raw) - _KNOWN_FIELDS
    rule_id = raw.get("id", f"#{order}")
    where = f"{where} rule {rule_id}"
    if unknown:
        raise RuleError(f"{where}: unknown fields {sorted(unknown)}")
    for needed in ("id", "example", "type", "pattern"):
        if needed not in raw:
            raise RuleError(f"{where}: missing {needed!r}")
    body, groups = _expand(raw["pattern"], subs, where)
    try:
        body = _widen_spaces(body)
        # A look-ahead on the possible first characters: exact, and much cheaper than the alternations.
        head = _head(raw["pattern"], subs)
        ahead = f"(?={head})" if head else ""
        regex = compile_rule(rf"(?<!\w){ahead}(?:{body})(?!\w)")
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from exc
    kind = raw["type"]
    if "parts" in raw:
        parts = tuple(Part(p["group"], p.get("type", kind), p["value"]) for p in raw["parts"])
    else:
        parts = (Part(None, kind, raw["value"]),)
    alt = raw.get("alt")
    default_mods = {"DURATION": "amount", "SET": "none"}.get(kind, "date")
    return Rule(
        id=rule_id,
        example=raw["example"],
        regex=regex,
        digit_start=head is not None and only_digits(head),
        parts=parts,
        groups=groups,
        mod=raw.get("mod", ""),
        dir=raw.get("dir", ""),
        priority=int(raw.get("priority", 0)),
        order=order,
        preceded_by=_compile_optional(raw.get("preceded_by"), where),
        not_preceded_by=_compile_optional(raw.get("not_preceded_by"), where),
        followed_by=_compile_optional(raw.get("followed_by"), where),
        not_followed_by=_compile_optional(raw.get("not_followed_by"), where),
        modifiers=raw.get("modifiers", default_mods),
        triggers=_triggers(raw.get("trigger"), subs, where),
        alt=Part(None, alt["type"], alt["value"]) if alt else None,
        alt_when=alt["when"] if alt else "",
        alt_unless=_compile_optional(alt.get("unless_before"), where) if alt else None,
    )


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: {exc}") from exc


@lru_cache(maxsize=4)
def load_grammar(timex_dir: Path) -> Grammar:
    """Read and compile the rule files under ``timex_dir`` (cached: once per process and directory)."""
    vocab = _read_yaml(timex_dir / "vocabulary.yaml")
    tables = {name: _build_table(name, spec) for name, spec in vocab.items()}
    patterns = _read_yaml(timex_dir / "patterns.yaml")
    subs: dict[str, SubPattern] = {}
    for name, spec in patterns["subpatterns"].items():
        table = tables[spec["table"]] if "table" in spec else None
        pieces = [p for p in (table.regex if table else None, spec.get("regex")) if p]
        flat = [p for p in (table.flat if table else None, spec.get("regex")) if p]
        subs[name] = SubPattern(
            name, "|".join(pieces), table, spec.get("norm"), str(spec.get("default", "")), "|".join(flat)
        )
    rules: list[Rule] = []
    for path in sorted((timex_dir / "rules").glob("*.yaml")):
        for raw in _read_yaml(path).get("rules", []):
            rules.append(_build_rule(raw, subs, len(rules), path.name))
    mods = patterns["modifiers"]
    tense = compile_cues(_read_yaml(timex_dir / "tense.yaml"))
    return Grammar(
        rules=tuple(rules),
        tables=tables,
        date_prefix=re.compile(mods["date_prefix"]),
        amount_prefix=re.compile(mods["amount_prefix"]),
        amount_blocker=re.compile(mods["amount_prefix_blocker"]),
        suffix=re.compile(mods["suffix"]),
        suffix_mods=dict(mods["suffix_mods"]),
        ago_mods=dict(mods["ago_mods"]),
        tense=tense,
        trigger_words=frozenset(w for rule in rules for w in rule.triggers or ()),
    )
