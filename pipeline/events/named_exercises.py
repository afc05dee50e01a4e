"""Exercises told by their proper name alone ("Cobra Gold 2015 began", "during Baltops").

A capitalised name becomes an exercise's name in a document when the text says so once ("exercise
Baltops", "the Balikatan exercise"), when the name carries a year or serial and an exercise verb follows
("Vigilant Eagle 13 kicked off"), or when a verb that starts or ends an activity takes it as object
("kicked off Northern Eagle with Norwegian warships"). Its other mentions after a preposition or a
participation verb ("during Baltops", "joined Cobra Gold") are then mentions of the exercise. Cues are data
(``data/lexicon/exercise_names.yaml``); this module only finds the spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

# libyaml when installed: the same objects, parsed about ten times faster at worker start-up.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A capitalised word, never the exercise noun itself ("the Balikatan Exercise": the name is "Balikatan").
_WORD = (
    r"(?!(?i:exercises?|drills?|maneuvers|manoeuvres|war[^\S\n]+games)\b)(?![IVXL]{1,6}\b)"
    r"[A-Z][A-Za-z](?:[A-Za-z]|-(?=[A-Za-z]))*"  # (a hyphen inside, not one before a serial: "Anakonda-20")
)
# A year or serial: "Cobra Gold 2015", "Keen Sword 19", "Anakonda-20", "UNITAS LX".
_SERIAL = r"(?:(?:[^\S\n]+|-)(?:(?:19|20)\d{2}|\d{1,2}(?:-\d{1,2})?|[IVXL]{1,6})\b)"
# "(?=[A-Z])" first: the cheap test rules out most positions before the look-arounds run.
_NAME_RE = re.compile(rf"(?=[A-Z])(?<![\w\-])({_WORD}(?:[^\S\n]+{_WORD}){{0,2}})({_SERIAL}?)")


# What "[^\S\n]" matches in an ASCII text: the blanks a cue ends on before a name.
_ASCII_BLANKS = " \t\r\x0b\x0c\x1c\x1d\x1e\x1f"


@dataclass(frozen=True)
class _EndCue:
    """A cue that ends the text before a name ("... took part in "): its regex, and the lower-case last words
    of its phrases. An ASCII text whose final blanks do not follow one of them cannot match: most names are
    ruled out without trying the alternation at every position."""

    regex: re.Pattern[str]
    last_words: tuple[str, ...] | None  # None: no safe pre-test (a phrase is empty or not ASCII)

    def search(self, before: str) -> re.Match[str] | None:
        """``regex.search(before)``."""
        if self.last_words is not None and before.isascii():
            # ("$" also matches right before a final newline)
            body = before[:-1] if before.endswith("\n") else before
            stripped = body.rstrip(_ASCII_BLANKS)
            if len(stripped) == len(body) or not stripped.lower().endswith(self.last_words):
                return None
        return self.regex.search(before)


def _end_cue(pattern: str, phrases: list[str]) -> _EndCue:
    """A cue whose pattern ends with one of ``phrases`` and blanks (case-insensitive)."""
    last = [str(p).split()[-1].lower() if str(p).split() else "" for p in phrases]
    safe = all(word and word.isascii() for word in last)
    return _EndCue(re.compile(pattern, re.IGNORECASE), tuple(last) if safe else None)


@dataclass(frozen=True)
class _Cues:
    before_name: _EndCue
    after_name: re.Pattern[str]
    verbs: re.Pattern[str]
    verbs_after_aside: re.Pattern[str]
    verbs_relative: re.Pattern[str]
    verbs_which: re.Pattern[str]
    before_learned: _EndCue
    serial_after: _EndCue
    verbs_before: _EndCue
    not_first: frozenset[str]
    not_inside: frozenset[str]
    places: frozenset[str]
    facility_after: re.Pattern[str]
    known: frozenset[str] = frozenset()  # names of standing exercise series, told without "exercise"


def _alternation(words: list[str]) -> str:
    phrases = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(r"[^\S\n]+".join(re.escape(p) for p in w.split()) for w in phrases)


@lru_cache(maxsize=4)
def _cues(path: Path) -> _Cues:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    flags = re.IGNORECASE
    return _Cues(
        before_name=_end_cue(
            rf"(?:^|[^\w\-])(?:{_alternation(raw['before_name'])})[^\S\n]+$", raw["before_name"]
        ),
        # (past one or two lower-case modifiers: "the Steppe Eagle peacekeeping exercise")
        # ... or in an apposition: "for Anakonda, a Polish-led exercise that will gather troops" (not "Smith,
        # the exercise director")
        after_name=re.compile(
            rf"(?:(?:[^\S\n]+(?-i:[a-z][\w\-]*)){{0,2}}|,[^\S\n]+(?:a|an|the)(?:[^\S\n]+[\w\-]+){{0,3}})"
            rf"[^\S\n]+(?:{_alternation(raw['after_name'])})\b(?![^\S\n]+(?:{_alternation(raw['not_after_name'])})\b)",
            flags,
        ),
        verbs=re.compile(rf"^,?[^\S\n]+(?:{_alternation(raw['verbs'])})\b", flags),
        # ... past an apposition: "Keen Sword 19, the biggest edition yet, began around Japan" (numbers may
        # hold a comma: "Anakonda-20, which was to bring 18,000 troops to Poland in May, was called off"; a
        # quote may close it: 'Balikatan, Filipino for "shoulder to shoulder," has been held')
        verbs_after_aside=re.compile(
            rf"^,(?:[^,;:.\n]|(?<=\d)[,.](?=\d)){{3,70}},[\"”’']?[^\S\n]+(?:{_alternation(raw['verbs'])})\b",
            flags,
        ),
        verbs_relative=re.compile(
            rf"^(?:,[^\S\n]+(?:which|that))?,?[^\S\n]+(?:{_alternation(raw['verbs'])})\b", flags
        ),
        verbs_which=re.compile(rf"^,[^\S\n]+(?:which|that)[^\S\n]+(?:{_alternation(raw['verbs'])})\b", flags),
        before_learned=_end_cue(
            rf"(?:^|[^\w\-’'])(?:{_alternation(raw['before_learned'])})[^\S\n]+$", raw["before_learned"]
        ),
        serial_after=_end_cue(
            rf"(?:^|[^\w\-’'])(?:{_alternation(raw.get('serial_after') or ['-'])})[^\S\n]+$",
            raw.get("serial_after") or ["-"],
        ),
        verbs_before=_end_cue(
            rf"(?:^|[^\w\-’'])(?P<verb>{_alternation(raw.get('verbs_before') or ['-'])})[^\S\n]+$",
            raw.get("verbs_before") or ["-"],
        ),
        not_first=frozenset(str(w).lower() for w in raw.get("not_first") or ()),
        not_inside=frozenset(str(w).lower() for w in raw.get("not_inside") or ()),
        places=_places(path.parent / "actors" / "countries.yaml"),
        facility_after=re.compile(rf"[^\S\n]+(?:{_alternation(raw.get('facility_after') or ['-'])})\b"),
        known=frozenset(" ".join(str(w).lower().split()) for w in raw.get("known") or ()),
    )


def _places(countries: Path) -> frozenset[str]:
    """Country names, aliases, demonyms and capitals: "the Russian exercise" names no exercise "Russian"."""
    if not countries.exists():
        return frozenset()
    rows = (yaml.load(countries.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}).get(
        "countries"
    ) or {}
    out: set[str] = set()
    for row in rows.values():
        out.add(str(row.get("name", "")).lower())
        for key in ("aliases", "demonyms", "capitals"):
            out.update(str(v).lower() for v in row.get(key) or ())
    return frozenset(out)


# Cues that name a learned exercise ("during Baltops") but are too common to teach a name on their own.
_CALLED_OFF_RE = re.compile(r"cancel|called off|postponed|scrapped|suspended|put off|delayed", re.IGNORECASE)
_WEAK_CUES = frozenset(["at", "in", "after", "before", "since", "during"])
_LOCATIVE_CUES = frozenset(["at", "in"])


class _Name(NamedTuple):
    """A capitalised name (a tuple: a document has dozens)."""

    start: int
    end: int
    name: str
    serial: bool


def _names(text: str, cues: _Cues) -> list[_Name]:
    """Capitalised names without their leading function words ("During Baltops" -> "Baltops")."""
    out: list[_Name] = []
    offsets: dict[str, int | None] = {}  # a document repeats its names ("The", "Navy"): judge each once
    for m in _NAME_RE.finditer(text):
        raw = m.group(1)
        if raw in offsets:
            offset = offsets[raw]
        else:
            offset = offsets[raw] = _name_offset(raw, cues)
        if offset is None:
            continue
        start = m.start(1) + offset
        if text[start - 1 : start] in (".", "’", "'", "-") or cues.facility_after.match(text, m.end()):
            continue  # (a place: "will open [Taszar] air base to U.S. troops")
        out.append(_Name(start, m.end(), raw[offset:], bool(m.group(2))))
    return out


def _name_offset(raw: str, cues: _Cues) -> int | None:
    """Where the name proper starts in a run of capitalised words, or None when the run names nothing."""
    words = raw.split()  # (the runs of non-spaces: the words of the name)
    lowered = [w.lower() for w in words]
    skip = 0
    while skip < len(words) and lowered[skip].rstrip(".") in cues.not_first:
        skip += 1
    if skip == len(words) or not cues.not_inside.isdisjoint(lowered[skip:]):
        return None
    if " ".join(words[skip:]).lower() in cues.places:
        return None
    offset = 0
    for word in words[:skip]:  # past the skipped words and the spaces after them
        offset = raw.index(word, offset) + len(word)
    return raw.index(words[skip], offset)


def find_named_exercises(text: str, path: Path) -> list[tuple[int, int]]:
    """Spans (start, end) of exercise names mentioned as exercises, in text order, not overlapping."""
    cues = _cues(path)
    names = _names(text, cues)
    # (a standing series is an exercise by its name: "Balikatan will begin", "during Malabar")
    learned: set[str] = {n.name for n in names if " ".join(n.name.lower().split()) in cues.known}
    told_at: list[bool] = []
    for n in names:
        before = text[max(0, n.start - 30) : n.start]
        told = bool(cues.before_name.search(before) or cues.after_name.match(text, n.end))
        told_at.append(told)
        # A year or serial, or a participation cue before it, makes a name with an exercise verb an exercise
        # ("Cobra Gold 2015 began", "taking part in Saber Strike, which kicked off June 3").
        # A preposition teaches a name only with a relative clause of its own ("during Baltops, which began
        # June 1"), not with the sentence's next verb ("talks held in Geneva, ended ..."); a participation
        # cue or a serial does either way.
        cue = cues.before_learned.search(before)
        weak = cue is not None and cue.group().strip().lower() in _WEAK_CUES
        named = n.serial or (cue is not None and not weak)
        after = text[n.end : n.end + 40]
        after_aside = text[n.end : n.end + 90]
        if (
            told
            or (named and cues.verbs_relative.match(after))
            or ((n.serial or n.name in learned) and cues.verbs_after_aside.match(after_aside))
            # (not a place's: "the ministerial in Brussels, which ended yesterday")
            or (weak and cue.group().strip().lower() not in _LOCATIVE_CUES and cues.verbs_which.match(after))
            or (n.serial and cues.serial_after.search(before))
            or cues.verbs_before.search(before)
        ):
            learned.add(n.name)
    spans: list[tuple[int, int]] = []
    for n, told in zip(names, told_at, strict=True):
        if n.name not in learned:
            continue
        before = text[max(0, n.start - 30) : n.start]
        if told and text[n.end : n.end + 1] == "," and cues.after_name.match(text, n.end):
            spans.append((n.start, n.end))  # "for Anakonda, a Polish-led exercise": the name is told first
            continue
        if told:
            continue  # "exercise Baltops": the exercise noun already tells it
        verb = cues.verbs.match(text[n.end : n.end + 40])
        if verb and _CALLED_OFF_RE.search(verb.group()):
            spans.append((n.start, n.end))  # "Balikatan 2020 [was canceled]": the status cue stays after it
        elif verb:
            spans.append(
                (n.start, n.end + verb.end())
            )  # "Ocean Bridge 08 was held": the name and its predicate
        elif (opener := cues.verbs_before.search(before)) is not None:
            # "kicked off Northern Eagle": the verb and its object
            spans.append((max(0, n.start - 30) + opener.start("verb"), n.end))
        elif (
            cues.before_learned.search(before)
            or cues.verbs_after_aside.match(text[n.end : n.end + 90])
            or (n.serial and cues.serial_after.search(before))
            # "Sea Breeze 2019, which ended Saturday, brought together 32 ships": its own relative clause
            or (n.serial and cues.verbs_which.match(text[n.end : n.end + 40]))
        ):
            spans.append((n.start, n.end))
    return spans
