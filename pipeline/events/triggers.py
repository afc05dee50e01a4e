"""The trigger rules (``trigger_rules.py``, compiled from ``data/lexicon/event_triggers.yaml``) matched
against a text.

Matching walks the text's words once and tries only the rules whose first word stands there (the rules are
indexed by the words they can start with), so the cost grows with the text, not with the vocabulary; then
each match's context checks, and the longest, highest-priority matches win.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.events.named_exercises import find_named_exercises
from pipeline.events.trigger_rules import (
    REFER,
    WORD_RE,
    YAML_LOADER,
    TriggerMatch,
    TriggerRule,
    _lexicon,
    by_first_word_tested,
)

# A place name follows ("flying to Manila", "headed to the Philippines"), not a verb ("going to discuss").
# (a month or a weekday is no name: "the bill the House passed in May")
_NAME_NEXT_RE = re.compile(
    r"[^\S\n]+(?:the[^\S\n]+)?(?!(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)\b)[A-Z]"
)


def _bare(word: str) -> str:
    """A word without its possessive ending ("ukraine's" -> "ukraine")."""
    return word[:-2] if word.endswith("'s") else word


def _context_ok(rule: TriggerRule, words: list[str], first: int, last: int, closed: bool = False) -> bool:
    """Apply not_before / not_after / not_inside to the words [first, last] of a match
    (``closed``: punctuation ends the match, so nothing after it is its object)."""
    for seq in rule.not_before:
        n = len(seq)
        if first >= n and tuple(words[first - n : first]) == seq:
            return False
    for seq in () if closed else rule.not_after:
        n = len(seq)
        if tuple(words[last + 1 : last + 1 + n]) == seq:
            return False
    if rule.not_inside and any(w in rule.not_inside for w in words[first : last + 1]):
        return False
    if rule.after_one_of and (first == 0 or words[first - 1] not in rule.after_one_of):
        return False
    if rule.after_possessive and not any(w.endswith("'s") for w in words[max(0, first - 2) : first]):
        return False
    if rule.near_before and not any(
        w in rule.near_before for w in words[max(0, first - rule.near_before_window) : first]
    ):
        return False
    return not rule.not_near or not any(
        _bare(w) in rule.not_near for w in words[last + 1 : last + 1 + rule.not_near_window]
    )


def _near_after_same_sentence(
    rule: TriggerRule, text: str, words: list[str], spans: list[tuple[int, int]], last: int
) -> bool:
    """One of the near words stands within the window after the match, in its own sentence ("took part in
    the ceremony. Together they ..." has no "together" of its own)."""
    if not rule.near:
        return True
    for j in range(last + 1, min(len(words), last + 1 + rule.window)):
        if _SENTENCE_END_RE.search(text, spans[j - 1][1], spans[j][0]):
            return False
        if words[j] in rule.near:
            return True
    return False


# A stop after a word of three letters or more ("Gen." and "U.S." end no sentence), or a line break.
_SENTENCE_END_RE = re.compile(r"(?<=[a-z]{3})[.!?]|[!?\n]")


# What separates a word from a later predicate that is not its own: a sentence or clause end, a relative
# pronoun ("Hagel, who met U.S. troops on Monday, arrived": the troops did not arrive).
# Initials and "U.S." end nothing; "the first of which are to be delivered" speaks of the goods named.
_OTHER_CLAUSE_RE = re.compile(
    r"(?<!\b[A-Z])\.|[!?;:\n]|,\s*(?:who|which|where|when|while)\b|\b(?<!of )(?:who|which|that)\s+\w+",
    re.IGNORECASE,
)


_CALENDAR_WORD_RE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$"
)


def _inside_name(text: str, spans: list[tuple[int, int]], j: int, first: int) -> bool:
    """Word ``j`` stands inside a capitalised name, between two of its words ("Combined [Arms] Command"),
    not at its end ("a Russian Su-27 came") nor before a date ("U.S. Marines Monday")."""
    if j == 0 or j + 1 >= first or not text[spans[j][0]].isupper():
        return False
    before, after = text[spans[j - 1][0]], text[spans[j + 1][0] : spans[j + 1][1]]
    return before.isupper() and after[:1].isupper() and not _CALENDAR_WORD_RE.match(after)


def _near_before_same_clause(
    rule: TriggerRule,
    text: str,
    words: list[str],
    spans: list[tuple[int, int]],
    first: int,
    titled_name: re.Pattern[str],
) -> bool:
    """near_before words count only in the match's own clause (the subject of "troops arrived"), and not
    inside a name ("cadets from the Combined [Arms] Command School arrived": no arms arrived)."""
    if not rule.near_before:
        return True
    for j in range(first - 1, max(-1, first - rule.near_before_window - 1), -1):
        if words[j] in rule.near_before:
            # (a title heads the subject's name: "Georgian Defense [Minister] Bacho Akhalaia will be in ...")
            titled = text[spans[j][0] : spans[j][1]].istitle() and titled_name.fullmatch(
                text, spans[j][1], spans[first][0]
            )
            if titled or not _inside_name(text, spans, j, first):
                return not _OTHER_CLAUSE_RE.search(text, spans[j][1], spans[first][0])
    return False


@lru_cache(maxsize=8)
def _titled_name(organizations: Path) -> re.Pattern[str]:
    """One to three capitalised words (no plural, no institution's head noun) between a title and the match:
    the titled person's name ("Minister [Bacho Akhalaia] will be in Washington")."""
    raw = (
        yaml.load(organizations.read_text(encoding="utf-8"), Loader=YAML_LOADER)
        if organizations.exists()
        else {}
    )
    heads = "|".join(re.escape(str(w)) for w in (raw or {}).get("institution_heads") or ()) or "(?!)"
    return re.compile(rf"(?:\s+(?!(?:{heads})\b)[A-Z][\w.'’\-]*(?<!s)){{1,3}}\s+")


def _accepted(
    rule: TriggerRule,
    end: int,
    text: str,
    words: list[str],
    spans: list[tuple[int, int]],
    first: int,
    titled_name: re.Pattern[str],
) -> bool:
    """The context checks of a match of ``rule`` from word ``first`` to ``end``."""
    last = first
    while last + 1 < len(spans) and spans[last + 1][0] < end:
        last += 1
    named = not rule.near_caps or _NAME_NEXT_RE.match(text, end)
    # a word after a comma or a stop is not the match's object ("the exercise, the drill lasted")
    closed = bool(_CLOSED_RE.match(text, end))
    return bool(
        named
        and _context_ok(rule, words, first, last, closed)
        and _near_before_same_clause(rule, text, words, spans, first, titled_name)
        and _near_after_same_sentence(rule, text, words, spans, last)
    )


_CLOSED_RE = re.compile(r"[^\S\n]*[,.;:!?)\]—–]")


_GAP_IN_RE = re.compile(r"\)\{0,(\d+)\}")


@lru_cache(maxsize=1024)
def _shortest(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with lazy gaps: the shortest match instead of the longest."""
    return re.compile(_GAP_IN_RE.sub(r"){0,\1}?", pattern.pattern), pattern.flags)


def find_triggers(text: str, lexicon_dir: Path | None = None) -> list[TriggerMatch]:
    """All non-overlapping trigger matches in ``text``, in order (higher priority, then longer, wins)."""
    return list(_find_cached(text, _lexicon(lexicon_dir) / "event_triggers.yaml"))


@lru_cache(maxsize=4)
def _find_cached(text: str, path: Path) -> tuple[TriggerMatch, ...]:
    # Extraction and anchoring both need the matches of the same document: match it once.
    return tuple(_find(text, path))


def _word_of_name(match: TriggerMatch, start: int, end: int, text: str) -> bool:
    return (
        match.rule.skip_in_names
        and start < match.start
        and match.end <= end
        and text[match.start : match.start + 1].isupper()
    )


# The rule of an exercise told by its proper name alone (named_exercises.py finds the spans).
_NAMED_EXERCISE = TriggerRule(
    rule_id="named_exercise",
    event_type="JOINT_EXERCISE",
    pattern=re.compile(r"(?!)"),
    first_words=frozenset(),
    spans_days=True,
)


def _find(text: str, path: Path) -> list[TriggerMatch]:
    index = by_first_word_tested(path)
    titled_name = _titled_name(path.parent / "actors" / "organizations.yaml")
    spans = [m.span() for m in WORD_RE.finditer(text)]
    lowered = text.lower()
    if len(lowered) == len(text) and "Σ" not in text:
        # Lower-cased once: no character changed length or lowered by context, so offsets still hold.
        lowered = lowered.replace("’", "'")
        words = [lowered[a:b] for a, b in spans]
    else:
        words = [text[a:b].lower().replace("’", "'") for a, b in spans]
    # Characters that match an ASCII letter case-insensitively but do not lower to it ("ſ", Kelvin "K"):
    # with them about, the word tests could differ from the regex, so they are skipped.
    check_second = not any(ch in text for ch in "ſKİı")
    present = set(words)
    last_word = len(words) - 1
    candidates: list[tuple[int, int, int, TriggerMatch]] = []
    for i in [i for i, word in enumerate(words) if word in index]:
        following = words[i + 1] if i < last_word else ""
        for rule, second, needed in index[words[i]]:
            if check_second and second is not None and following not in second:
                continue
            if check_second and needed and any(n.isdisjoint(present) for n in needed):
                continue  # a word the rule cannot do without is nowhere in the text
            m = rule.pattern.match(text, spans[i][0])
            if not m:
                continue
            if not _accepted(rule, m.end(), text, words, spans, i, titled_name):
                # a gap took too many words ("repainted [classrooms at a primary] school" is vetoed by
                # "at"): the shortest reading may stand ("repainted classrooms")
                m = (
                    _shortest(rule.pattern).match(text, spans[i][0])
                    if _GAP_IN_RE.search(rule.pattern.pattern)
                    else None
                )
                if not m or not _accepted(rule, m.end(), text, words, spans, i, titled_name):
                    continue
            match = TriggerMatch(m.start(), m.end(), rule)
            candidates.append((-rule.priority, -(m.end() - m.start()), m.start(), match))
    for start, end in find_named_exercises(text, path.parent / "exercise_names.yaml"):
        # Lowest priority: any wording of the vocabulary that overlaps the name tells more, except a word of
        # the name itself ("Baltic [Rescue] 2004" is the exercise, not a rescue).
        # A back reference inside the name's predicate ("Cobra Gold 2018 [took place] in Thailand") refers to
        # the exercise the name tells: the name wins.
        candidates = [
            c
            for c in candidates
            if not _word_of_name(c[3], start, end, text)
            and not (c[3].rule.event_type == REFER and c[3].start < end and start < c[3].end)
        ]
        candidates.append((1, -(end - start), start, TriggerMatch(start, end, _NAMED_EXERCISE)))
    candidates.sort(key=lambda c: c[:3])
    # Best first; a candidate overlapping one already taken loses. Taken spans are kept sorted and disjoint,
    # so one bisection per candidate finds its only possible neighbours.
    starts: list[int] = []
    taken: list[TriggerMatch] = []
    for *_, match in candidates:
        i = bisect_right(starts, match.start)
        if i > 0 and taken[i - 1].end > match.start:
            continue
        if i < len(taken) and taken[i].start < match.end:
            continue
        starts.insert(i, match.start)
        taken.insert(i, match)
    return taken
