"""Find the time expressions of a text (HeidelTime's extraction step), values still underspecified.

Every rule runs over the text; overlapping matches are settled longest first (then by rule priority, then
file order); modifiers just before or after an expression widen it and set ``mod`` ("[early 2009]",
"[more than 60 years ago]", "[2015 and beyond]"); a date and a clock time with only spaces between become one
TIME ("[October 17, 1996 1:30 PM EDT]"). Values such as ``UNDEF-DCT-day+1`` or ``XXXX-WXX-3`` are anchored
later by ``resolve.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.timex.alternation import alternation, key_atoms
from pipeline.timex.rules import Grammar, Rule
from pipeline.timex.templates import fill, normalise

_LOOK = 40  # characters of context the rule checks and the modifiers look at
_WINDOW = 60  # characters around a trigger word that a match of its rule may reach
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
_CLOCK = re.compile(r"XXXX-XX-XXT(.+)")
_SUFFIX_MODS_BY_TYPE = {
    "DATE": {"ON_OR_AFTER", "ON_OR_BEFORE", "APPROX"},
    "DURATION": {"EQUAL_OR_MORE", "EQUAL_OR_LESS", "APPROX"},
}
_DAYLIKE = re.compile(
    r"((?:\d{4}|XXXX)-\d{2}-\d{2}|XXXX-WXX-\d|UNDEF-(?:DCT|REF)-day[+-]\d+)(?:T(?:MO|AF|EV|NI))?"
)


@dataclass(frozen=True)
class Candidate:
    """An expression found in the text, before anchoring."""

    start: int
    end: int
    type: str
    value: str  # TIMEX3 value, or an underspecified form (UNDEF-..., XXXX-...)
    rule: str
    mod: str | None = None
    dir: str = ""  # past | future | this | tense (for XXXX values)
    alt_when: str = ""  # past | future: the clause tense that selects the other reading
    alt_type: str | None = None  # "in six months": DATE when the clause is about the future
    alt_value: str | None = None
    linked: bool = False  # the next candidate is the other half of the same range ("March [20]-[22]")


def _context_ok(rule: Rule, text: str, start: int, end: int) -> bool:
    if rule.preceded_by or rule.not_preceded_by:
        before = text[max(0, start - _LOOK) : start]
        if rule.preceded_by and not rule.preceded_by.search(before):
            return False
        if rule.not_preceded_by and rule.not_preceded_by.search(before):
            return False
    if rule.followed_by or rule.not_followed_by:
        after = text[end : end + _LOOK]
        if rule.followed_by and not rule.followed_by.match(after):
            return False
        if rule.not_followed_by and rule.not_followed_by.match(after):
            return False
    return True


_SENTENCE_START = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z])|\n")
_SENTENCE_REACH = 200  # characters before the expression that ``alt.unless_before`` may look at


def _alt_blocked(rule: Rule, text: str, start: int) -> bool:
    """Does the sentence before the match rule out the other reading? ("the first visit in a decade":
    a superlative makes "in a decade" the span since, even in a future clause)."""
    if rule.alt_unless is None:
        return False
    begin = max(0, start - _SENTENCE_REACH)
    for found in _SENTENCE_START.finditer(text, begin, start):
        begin = found.end()
    return rule.alt_unless.search(text, begin, start) is not None


def _build(rule: Rule, match: re.Match[str]) -> list[Candidate] | None:
    """The expressions of one match (several for a range); None when a value function rejects it."""
    mod = fill(rule.mod, rule, match) or None
    direction = fill(rule.dir, rule, match) or ""
    out: list[Candidate] = []
    for part in rule.parts:
        start, end = match.span(part.group) if part.group else match.span()
        if start < 0:
            continue
        if out:
            out[-1] = replace(out[-1], linked=True)
        value = fill(part.value, rule, match)
        if not value:
            return None
        alt_type = alt_value = None
        if rule.alt is not None and not _alt_blocked(rule, match.string, start):
            alt_type, alt_value = rule.alt.type, fill(rule.alt.value, rule, match)
        out.append(
            Candidate(
                start, end, part.type, value, rule.id, mod, direction, rule.alt_when, alt_type, alt_value
            )
        )
    return out or None


def _word_index(text: str, wanted: frozenset[str] = frozenset()) -> dict[str, list[int]]:
    """Start offsets of every word (lower case), and of digit runs under "#digit" (only the ``wanted``
    words when given: the rules' triggers)."""
    index: dict[str, list[int]] = {}
    # Lower-cased once: when no character changes length ("İ") or lowers by context (final "Σ"), the copy
    # keeps every offset and word boundary, and each of its words is that word lower-cased.
    lowered = text.lower()
    if len(lowered) == len(text) and "Σ" not in text:
        # (with ``wanted``, a regex finds just their words: most words of a text trigger no rule)
        for found in (_finder(wanted) if wanted else _WORD).finditer(lowered):
            word = found.group()
            if word in index:
                index[word].append(found.start())
            else:
                index[word] = [found.start()]
    else:
        for found in _WORD.finditer(text):
            index.setdefault(found.group().lower(), []).append(found.start())
    index["#digit"] = [found.start() for found in _DIGITS.finditer(text)]
    return index


@lru_cache(maxsize=8)
def _finder(wanted: frozenset[str]) -> re.Pattern[str]:
    """The words of ``wanted`` (those a run of word characters can be) as whole words."""
    words = sorted((w for w in wanted if _WORD.fullmatch(w)), key=lambda w: (-len(w), w))
    return re.compile(rf"(?<!\w)(?:{alternation([key_atoms(w) for w in words]) or '(?!)'})(?!\w)")


def _windows(text: str, rule: Rule, index: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Where ``rule`` can match: around its trigger words (the whole text when it has none)."""
    if rule.triggers is None:
        return [(0, len(text))]
    positions = sorted(p for word in index.keys() & rule.triggers for p in index[word])
    windows: list[tuple[int, int]] = []
    for position in positions:
        low, high = max(0, position - _WINDOW), position + _WINDOW
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    out = []
    for low, high in windows:  # end on a space, so that look-aheads at the edge see what follows
        space = _SPACE.search(text, min(high, len(text)))
        out.append((low, space.start() if space else len(text)))
    return out


def _matches(
    text: str,
    rule: Rule,
    index: dict[str, list[int]],
    cache: dict[frozenset[str] | None, list[tuple[int, int]]],
) -> list[re.Match[str]]:
    # Many rules share a trigger set ("#digit", the month names): their windows are computed once per text.
    windows = cache.get(rule.triggers)
    if windows is None:
        windows = cache[rule.triggers] = _windows(text, rule, index)
    if rule.digit_start:
        return _at_digits(text, rule.regex, windows, index["#digit"])
    finditer = rule.regex.finditer
    return [m for low, high in windows for m in finditer(text, low, high)]


def _at_digits(
    text: str, regex: re.Pattern[str], windows: list[tuple[int, int]], starts: list[int]
) -> list[re.Match[str]]:
    """``regex.finditer`` over each window for a rule whose matches start with a digit, tried only where a
    run of digits starts (``starts``): the other positions of a window cannot start a match, and scanning
    them was most of the cost of the many rules that look around every number."""
    out: list[re.Match[str]] = []
    for low, high in windows:
        found: list[re.Match[str]] = []
        pos = low
        for k in range(bisect_left(starts, low), len(starts)):
            if starts[k] >= high:
                break
            if starts[k] < pos:
                continue
            match = regex.match(text, starts[k], high)
            if match is not None:
                found.append(match)
                pos = match.end()
        if any(m.end() == m.start() for m in found):  # an empty match: finditer's own stepping decides
            found = list(regex.finditer(text, low, high))
        out.extend(found)
    return out


def _select(text: str, grammar: Grammar) -> list[Candidate]:
    found: list[tuple[int, int, int, int, Rule, re.Match[str]]] = []
    index = _word_index(text, grammar.trigger_words)
    cache: dict[frozenset[str] | None, list[tuple[int, int]]] = {}
    for rule in grammar.rules:
        if rule.triggers is not None and rule.triggers.isdisjoint(index):
            continue  # none of its trigger words is in the text (most rules, in most texts): no window
        for match in _matches(text, rule, index, cache):
            start, end = match.span()
            if _context_ok(rule, text, start, end):
                found.append((-(end - start), -rule.priority, rule.order, start, rule, match))
    found.sort(key=lambda item: item[:4])
    occupied = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for _, _, _, start, rule, match in found:
        end = match.end()
        if occupied.find(1, start, end) >= 0:
            continue
        if rule.parts[0].type == "NONE":  # a "not a time expression" rule: it only claims its span
            occupied[start:end] = b"\x01" * (end - start)
            continue
        built = _build(rule, match)
        if built is None:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        chosen.extend(built)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _with_modifiers(text: str, found: list[Candidate], grammar: Grammar) -> list[Candidate]:
    out: list[Candidate] = []
    rules = {r.id: r for r in grammar.rules}
    for index, cand in enumerate(found):
        low = out[-1].end if out else 0
        high = found[index + 1].start if index + 1 < len(found) else len(text)
        kind = rules[cand.rule].modifiers if cand.rule in rules else "none"
        if cand.value.endswith("_REF") or cand.mod:
            kind = "none" if kind == "date" else kind
        before = text[max(low, cand.start - _LOOK) : cand.start]
        prefix, table = None, None
        if kind == "date":
            prefix, table = grammar.date_prefix.search(before), grammar.tables["date_modifiers"]
        elif kind in ("amount", "ago", "clock"):
            prefix, table = grammar.amount_prefix.search(before), grammar.tables["amount_modifiers"]
            if prefix and grammar.amount_blocker.search(
                text, max(0, cand.start - _LOOK - len(before)), cand.start - len(before) + prefix.start()
            ):
                prefix = None
        if prefix and table is not None:
            mod = normalise_mod(prefix.group("mod"), table.values)
            if kind == "ago":
                mod = grammar.ago_mods.get(mod, mod)
            if kind != "clock" or mod == "APPROX":  # "about 2:30 a.m."; not "more than 3 p.m."
                cand = replace(cand, start=cand.start - len(before) + prefix.start(), mod=mod or cand.mod)
        suffix = grammar.suffix.match(text, cand.end, high)
        if suffix and cand.type in ("DATE", "DURATION") and not cand.value.endswith("_REF"):
            mod = grammar.suffix_mods.get(suffix.group("mod").lower())
            if mod in _SUFFIX_MODS_BY_TYPE[cand.type]:
                cand = replace(cand, end=suffix.end(), mod=cand.mod or mod)
        out.append(cand)
    return out


def normalise_mod(text: str, table: dict[str, str]) -> str:
    return table.get(re.sub(r"\s+", " ", text.lower()), "")


def _merge_date_clock(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "October 17, 1996 1:30 PM EDT", "3 p.m. today": one TIME when only spaces separate them."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not text[prev.end : cand.start].strip()
            and "\n" not in text[prev.end : cand.start]
        ):
            pair = (prev, cand)
            clock = next((c for c in pair if _CLOCK.fullmatch(c.value) and c.type == "TIME"), None)
            day = next((c for c in pair if c is not clock and _DAYLIKE.fullmatch(c.value)), None)
            if clock is not None and day is not None:
                time_part = _CLOCK.fullmatch(clock.value).group(1)
                day_part = _DAYLIKE.fullmatch(day.value).group(1)
                out[-1] = Candidate(
                    prev.start,
                    cand.end,
                    "TIME",
                    f"{day_part}T{time_part}",
                    f"{day.rule}+{clock.rule}",
                    clock.mod or day.mod,
                    day.dir,
                )
                continue
        out.append(cand)
    return out


_PART_OF = re.compile(
    r"(?:^|(?<=\W))[Tt]he\s+(?:(?:early|late)\s+)?(morning|afternoon|evening|night)\s+of\s+$"
)
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _part_of_day(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "the morning of March 3", "the night of Aug. 7": one TIME, the day with its part of day."""
    out: list[Candidate] = []
    for cand in found:
        low = out[-1].end if out else 0
        part = _PART_OF.search(text, max(low, cand.start - 30), cand.start)
        day = _DAYLIKE.fullmatch(cand.value)
        if part and day and cand.type == "DATE" and not day.group(0).endswith(("MO", "AF", "EV", "NI")):
            value = f"{day.group(1)}T{_PART_CODES[part.group(1)]}"
            cand = replace(cand, start=part.start(), type="TIME", value=value, linked=False)
        out.append(cand)
    return out


def extract(text: str, grammar: Grammar) -> list[Candidate]:
    """All time expressions of ``text``, sorted, non-overlapping, with underspecified values."""
    found = _select(text, grammar)
    found = _with_modifiers(text, found, grammar)
    return _part_of_day(text, _merge_date_clock(text, found))


__all__ = ["Candidate", "extract", "normalise"]
