"""Which way a date named without a year points: the tense and modality of its clause.

"will meet on Wednesday" -> the next Wednesday; "met on Wednesday" -> the last one. The nearest cue word
(``data/lexicon/timex/tense.yaml``) around the expression decides, within its clause; no cue -> None (the
resolver then takes the nearest date in either direction). An infinitive governed by a verb of intention
("agreed last week to meet in June", "invited him to visit in May") is a future cue nearer than the
governing verb's own past tense. A fronted adverbial ("In March, the army held...") takes the tense of the
clause after its comma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.timex.alternation import alternation, ignorecase_atoms

# A stop before a capital ends a sentence, unless it ends an initial or a title ("U.S. MQ-1", "Gen. Smith").
_ABBREVIATIONS = (
    "[A-Z] Gen Adm Lt Col Maj Capt Sgt Mr Mrs Ms Dr St Sen Rep Gov Cmdr Brig "
    "Jan Feb Aug Sept Sep Oct Nov Dec No Vol"
)
_ABBREVIATION_BEFORE = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS.split(" "))
_SENTENCE_END = re.compile(r"[.!?]" + _ABBREVIATION_BEFORE + r"[\"”’)]?\s+(?=[\"“(]?[A-Z])|\n")
_QUOTES = re.compile(r"[\"“”]")
_COMMA = re.compile(r"\s*,")
_CLAUSE_BREAK = re.compile(r";|:\s|,\s+(?:and|but|while|whereas|although|though|yet)\s")
_PAST_INTENT = re.compile(r"(?:[a-z]+ed|told|sought|undertook)\b", re.IGNORECASE)
_PAST_AUX = re.compile(r"\b(?:was|were|had\s+been)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_PARTICLE_NEXT = re.compile(r"\s+(?:up|off|out|aside|about)\b", re.IGNORECASE)
_PRESENT_AUX = re.compile(r"\b(?:is|are)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_AUX = re.compile(r"\b(?:is|are|am|be|been|being|will|would|[’']s|[’']re)\s+$", re.IGNORECASE)
_RIGHT_PENALTY = 25  # a cue after the expression is weaker than one before it ("On Friday he will")
_REACH = 80  # characters: a cue farther away belongs to another clause
_FAR_REACH = 200  # ... unless the clause has no cue at all: then the sentence's nearest one
# Words that open a clause or a verb phrase of its own between a far cue and the expression.
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:to|that|which|who|whom|what|where|when|can|could|would|will|shall|may|might|must|be|been|being|"
    r"is|are|was|were|has|have|had|but)\b|\b(?:and|or)\b(?!\s+[A-Z])|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_AUX_REACH = 16  # "will be held": a future auxiliary this close before a past form makes it future


@dataclass(frozen=True)
class TenseCues:
    regex: re.Pattern[str]
    not_past: frozenset[str]
    before: re.Pattern[str]  # preposition right before the expression
    boundary: re.Pattern[str]
    adjective: re.Pattern[str]
    infinitive: re.Pattern[str]  # "agreed (last week) to hold": an intention, so a future cue
    fronted: re.Pattern[str]  # words that may open a sentence before a fronted time adverbial
    participles: frozenset[str] = frozenset()  # "planned": no cue when used as an adjective
    attributive: re.Pattern[str] = re.compile("(?!)")  # "a planned visit", "Russia's long-planned trip"
    past_frame: re.Pattern[str] = re.compile("(?!)")  # "in response to the attack on Tuesday"
    future_adjectives: frozenset[str] = frozenset()  # "next": a cue only before its expression or right after


def _alternation(words: list[str]) -> str:
    """The words longest first, as a trie (every regex here ignores case: see ``alternation.py``)."""
    ordered = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return alternation([ignorecase_atoms(w) for w in ordered]) or "(?!)"


def _inflections(lemmas: list[str]) -> str:
    """ "agree" -> agree|agrees|agreed|agreeing; irregular forms are listed in the data as lemmas too."""
    forms: set[str] = set()
    for lemma in (w.lower() for w in lemmas):
        forms.add(lemma)
        if " " in lemma:
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms.update({lemma + "s", stem + "ed", stem + "ing"})
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
        if lemma.endswith(("sh", "ch", "ss", "x")):
            forms.add(lemma + "es")
        if re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", lemma):  # plan -> planned, planning
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return _alternation(sorted(forms))


def _infinitive(spec: dict[str, Any]) -> re.Pattern[str]:
    governors = _inflections(spec.get("intention_verbs", []))
    skip = _alternation(spec.get("not_infinitive", []))
    subjects = _alternation(spec.get("clause_openers", []))
    return re.compile(
        rf"(?<![\w’'])(?:{governors})(?:\s+(?!to\b|(?:{subjects})\b)[\w.,’'-]+){{0,7}}?"
        # (a bare verb, lower-case: "offered his condolences to President Bush" names no infinitive)
        rf"\s+to\s+(?!(?:{skip})\b)(?-i:[a-z]{{2,}})\b",
        re.IGNORECASE,
    )


def compile_cues(spec: dict[str, Any]) -> TenseCues:
    """One regex with a group per cue kind; -ed words are past unless listed in ``not_past``."""
    parts = [
        # (a plan called off: its date lies either side of the calling off, so no direction)
        rf"(?P<neutral>{_alternation(spec.get('plan_called_off', []))})",
        rf"(?P<would>{_alternation(spec.get('future_in_past', []))})",
        rf"(?P<future>{_alternation(spec.get('future', []))})",
        rf"(?P<past>{_alternation(spec.get('past', []) + spec.get('past_reporting', []))})",
        r"(?P<ed>[a-z]{2,}ed)",
    ]
    # (a contraction is a cue inside its word: "he'll meet", "they'd")
    regex = re.compile(r"(?:(?<![\w’'])|(?=['’]))(?:" + "|".join(parts) + r")(?![\w’'])", re.IGNORECASE)
    before = re.compile(
        rf"(?:(?P<past>{_alternation(spec.get('past_prepositions', []))})"
        rf"|(?P<future>{_alternation(spec.get('future_prepositions', []))}))\s+$",
        re.IGNORECASE,
    )
    return TenseCues(
        regex,
        frozenset(w.lower() for w in spec.get("not_past", [])),
        before,
        re.compile(spec.get("clause_boundary", "(?!)")),
        re.compile(spec.get("adjective_markers", "(?!)"), re.IGNORECASE),
        _infinitive(spec),
        # (a transcript's speaker label may come first: "CAPT. DAVIS: On Tuesday, two Su-24s made ...")
        re.compile(rf"{_LABEL}[\s\"“(]*(?:(?:{_alternation(spec.get('fronted_openers', []))})\s+)*", re.I),
        frozenset(w.lower() for w in spec.get("attributive_participles", [])),
        re.compile(spec.get("attributive_markers", "(?!)"), re.IGNORECASE),
        _past_frame(spec.get("past_frames", [])),
        frozenset(w.lower() for w in spec.get("future_adjectives", [])),
    )


_LABEL = r"(?:[A-Z][\w.'’\-]*(?:[^\S\n]+[A-Z][\w.'’\-]*){0,3}:[^\S\n]+)?"


def _past_frame(frames: list[str]) -> re.Pattern[str]:
    """A frame that names what is answered or followed, then a noun phrase with no verb of its own up to
    the expression: "in response to the regime's attack on Khan Shaykhun on Tuesday"."""
    if not frames:
        return re.compile("(?!)")
    return re.compile(
        rf"\b(?:{_alternation(frames)})\s+"
        r"(?:(?!\b(?:that|which|who|will|would|is|are|was|were|to|and|but)\b)[^,;:.!?\"“”])*$",
        re.IGNORECASE,
    )


_NOUN_PLANS_BEFORE = re.compile(
    r"(?:\b[a-z]{3,}ed|\b(?:the|its|their|his|her|our|new|these|those))\s+$", re.IGNORECASE
)
# A verb "plans" takes an object or "to" before any date; right before the date's preposition it is a noun.
_DATE_PREPOSITION_ONLY = re.compile(r"\s+(?:on|in|at)\s+", re.IGNORECASE)
_TO_NEXT = re.compile(r"\s+to\s", re.IGNORECASE)  # ("plans on Monday to announce": the verb after all)
_OBJECT_NEXT = re.compile(r"\s+(?:a|an|the|its|their|his|her|our|this|next|plans?\s+for)\b", re.IGNORECASE)
_VERBAL_NEXT = re.compile(r"\s+(?:for|to|in|on|at|as|by|until|till|through)\b", re.IGNORECASE)


def attributive(text: str, start: int, word: str, cues: TenseCues) -> bool:
    """Is the cue at ``start`` a participle used as an adjective ("A planned visit in September was
    postponed")? It then governs nothing: the main verb dates the clause."""
    first = word.split()[0].lower() if word.split() else ""
    if first not in cues.participles or _VERBAL_NEXT.match(text, start + len(first)):
        return False
    return cues.attributive.search(text, max(0, start - 30), start) is not None


def fronted(text: str, start: int, end: int, cues: TenseCues) -> bool:
    """Is ``text[start:end]`` a time adverbial that opens its sentence ("In 2008, ...", "On Monday, ...")?"""
    begin = max(0, start - _REACH)
    for found in _SENTENCE_END.finditer(text, begin, start):
        begin = found.end()
    if begin == max(0, start - _REACH) and begin > 0:
        return False
    return bool(cues.fronted.fullmatch(text, begin, start) and _COMMA.match(text, end))


def same_sentence(text: str, left: int, right: int) -> bool:
    """No sentence end between the two offsets."""
    return _SENTENCE_END.search(text, left, right) is None


def sentence_gap(text: str, left: int, right: int) -> int:
    """How many sentence ends (or line breaks) lie between the two offsets."""
    return sum(1 for _ in _SENTENCE_END.finditer(text, left, right))


def _window(text: str, start: int, end: int, cues: TenseCues, reach: int = _REACH) -> tuple[int, int]:
    """The clause, roughly: same sentence and quotation, nearby, up to a clause boundary after it."""
    begin = max(0, start - reach)
    for found in _SENTENCE_END.finditer(text, begin, start):
        begin = found.end()
    for quote in _QUOTES.finditer(text, begin, start):
        begin = quote.end()
    for clause in _CLAUSE_BREAK.finditer(text, begin, start):  # "..., and analysts see losses in April"
        begin = clause.end()
    right = end
    if cues.fronted.fullmatch(text, begin, start) and (comma := _COMMA.match(text, end)):
        right = comma.end()  # "In March, the two armies held...": the main clause follows the comma
    stop = min(len(text), right + _REACH - _RIGHT_PENALTY)
    for pattern in (_SENTENCE_END, _QUOTES, cues.boundary):
        if found := pattern.search(text, right, stop):
            stop = found.start()
    return begin, stop


def clause_tense(text: str, start: int, end: int, cues: TenseCues, hanging: bool = False) -> str | None:
    """ "past", "future", "past-future" (a future seen from a past moment: "said in March it would...")
    or None for the expression at ``text[start:end]``; ``hanging``: with no cue of its own, the tense of a
    "when" clause hanging on the date counts."""
    if _MOVED_TO_RE.search(text, max(0, start - 30), start):
        return "future"  # "was moved to Friday", "pushed back to March": a new date lies ahead of the move
    preposition = cues.before.search(text, max(0, start - 12), start)
    if preposition is not None and preposition.lastgroup == "past":
        return "past"  # "since March"
    if preposition is not None and _POSTPONED_RE.search(
        text, max(0, preposition.start() - 30), preposition.start()
    ):
        return "future"  # "was postponed until the spring": a new date lies ahead of the postponing
    if preposition is not None and _RANGE_START_BEFORE.search(
        text, max(0, preposition.start() - 30), preposition.start()
    ):
        preposition = (
            None  # "from Sept. 16 through Sept. 27", "March 4 through 15": a range, in its clause's tense
        )
    if preposition is not None:
        # "until March" points ahead, unless its own verb is past: "served as attache until March" (not
        # "The talks, which opened Monday, continue through Friday")
        verb = _PAST_VERB_BEFORE.search(text, max(0, preposition.start() - 60), preposition.start())
        past = (
            verb is not None
            and verb.group(1).lower() not in cues.not_past
            and not _MODAL_AFTER.search(text, verb.end(1), preposition.start())
        )
        return "past" if past else "future"
    if cues.past_frame.search(text, max(0, start - _REACH), start):
        return "past"  # what is answered or avenged has happened, whatever the main clause's tense
    tense = _cue_tense(text, start, end, cues, hanging)
    if (
        tense == "future"
        and _PLAN_WORD_BEFORE.search(text, max(0, start - 20), start)
        and _CALLED_OFF_AFTER.match(text, end)
    ):
        return None  # "A parachute drop, set for Thursday, was scrapped": the plan's day, either side of now
    return tense


# A date right before the preposition: "through" ends a range then ("from Sept. 16 through Sept. 27").
_RANGE_START_BEFORE = re.compile(
    r"\b(?:from\s+)?(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+$"
)
_WEEKDAY_RE = re.compile(
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)", re.IGNORECASE
)
_PLAN_WORD_BEFORE = re.compile(r"\b(?:set|scheduled|planned|slated|due)\s+(?:for\s+|on\s+|in\s+)?$", re.I)
_CALLED_OFF_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:called\s+off|canceled|cancelled|"
    r"scrapped|scrubbed|postponed|put\s+off|dropped)\b",
    re.IGNORECASE,
)
_MOVED_TO_RE = re.compile(
    r"\b(?:moved|pushed|postponed|delayed|put\s+off|rescheduled|shifted)\s+(?:back\s+|up\s+|forward\s+)?to\s+$",
    re.IGNORECASE,
)
_POSTPONED_RE = re.compile(
    r"\b(?:postponed|delayed|deferred|put\s+off|pushed\s+back|rescheduled|moved\s+back)\s+$", re.IGNORECASE
)
# A past verb of the preposition's own clause: no comma or clause opener between them.
_MODAL_AFTER = re.compile(r"\b(?:will|would|shall|to|is|are|and)\b|['’]ll\b", re.IGNORECASE)
_PAST_VERB_BEFORE = re.compile(r"\b([a-z]{3,}ed|was|were|had)\b[^,;:.]{0,50}$")


def _cue_tense(text: str, start: int, end: int, cues: TenseCues, hanging: bool) -> str | None:
    """The tense of the nearest cue of the expression's clause; with none there, of the nearest cue further
    back in the sentence (an apposition or a long name can hold the verb out of reach: "signed a pact, the
    General Security of Military Information Agreement, in Seoul on Wednesday")."""
    begin, stop = _window(text, start, end, cues)
    best = _nearest_cue(text, begin, stop, start, end, cues)
    if best is None and (far := _window(text, start, end, cues, _FAR_REACH)[0]) < begin:
        farther = _nearest_cue(text, far, begin, start, end, cues)
        # (only across noun phrases: "discussed what can be done to help Afghans hold an election in April"
        # is no past election)
        if farther is not None and not _CLAUSE_WORD_RE.search(text, start - farther[0], start):
            best = farther
    if best is None or best[1] not in ("past", "future", "would"):
        return _when_clause_tense(text, end, cues) if hanging else None
    return "past-future" if best[1] == "would" else best[1]


def _nearest_cue(
    text: str, begin: int, stop: int, start: int, end: int, cues: TenseCues
) -> tuple[int, str] | None:
    """(distance, kind) of the cue of ``text[begin:stop]`` nearest to the expression, if any."""
    found_cues = [
        (m.start(), m.end(), m.lastgroup or "", m.group()) for m in cues.regex.finditer(text, begin, stop)
    ]
    found_cues += [
        (m.start(), m.end(), "future", m.group()) for m in cues.infinitive.finditer(text, begin, stop)
    ]
    found_cues.sort()
    best: tuple[int, str] | None = None
    own: tuple[int, str] | None = None  # the nearest cue of a relative clause left of the expression
    futures: list[tuple[int, str]] = []  # (end, kind) of future cues left of the expression
    for cue_start, cue_end, kind, word in found_cues:
        if cue_start < end and cue_end > start:
            continue  # a cue that contains the expression is not its context ("agreed in July to")
        if kind == "future" and attributive(text, cue_start, word, cues):
            continue
        if word.lower() == "set" and _PARTICLE_NEXT.match(text, cue_end):
            continue  # "set up a field hospital on Monday": a phrasal verb, no plan
        if kind == "neutral" and not _OBJECT_NEXT.match(text, cue_end):
            continue  # "was called off on Saturday": the day of the calling off, in its own tense
        if kind == "neutral" and _WEEKDAY_RE.fullmatch(text, start, end):
            # "canceled the deployment on Friday": a weekday is the calling off's, not the plan's
            kind = "past"
        if cue_start >= end and (
            word.split()[0].lower().endswith("ing")
            or (word.lower() in cues.future_adjectives and text[end:cue_start].strip())
        ):
            # "issued a declaration on Friday [pledging to] cooperate": the participle's own plan; "met on
            # Monday to coordinate the [next] phase": another noun's
            continue
        if word.lower() in ("plans", "plan") and (
            _NOUN_PLANS_BEFORE.search(text, max(0, cue_start - 20), cue_start)
            or (_DATE_PREPOSITION_ONLY.fullmatch(text, cue_end, start) and not _TO_NEXT.match(text, end))
        ):
            continue  # "approved plans on Thursday", "protested the defense plans on Monday": a noun
        if kind == "ed":
            if word.lower() in cues.not_past or word[:1].isupper():
                continue
            if cues.adjective.search(text, max(0, cue_start - 20), cue_start):
                continue
            # "after the peace accord [is signed] in Paris Dec. 14": a present passive, no past
            kind = "none" if _PRESENT_AUX.search(text, max(0, cue_start - 16), cue_start) else "past"
        if kind == "future" and _PAST_AUX.search(text, max(0, cue_start - 24), cue_start):
            kind = "none"  # "were due to reopen Tuesday": a plan told in the past, either side of now
        elif kind in ("future", "would") and cue_end <= start:
            futures.append((cue_end, kind))
        elif (
            kind == "past"
            and futures
            and cue_start - futures[-1][0] <= _AUX_REACH
            and "," not in text[futures[-1][0] : cue_start]  # ("first set for March, took place on June 11")
        ):
            kind = futures[-1][1]  # "will be held", "is expected to be signed", "would be held"
        left = cue_end <= start
        if (
            kind == "future"
            and not left
            and _PAST_INTENT.match(word)
            and not _AUX.search(text, max(0, cue_start - 16), cue_start)
        ):
            kind = "past"  # "In December, the navies agreed to share...": the agreeing is what it dates
        distance = start - cue_end if left else cue_start - end + _RIGHT_PENALTY
        if best is None or distance < best[0]:
            best = (distance, kind)
        if left and kind not in ("none", "neutral") and _RELATIVE_OPENER_RE.search(text, begin, cue_start):
            own = (distance, kind)  # the verb of a relative clause the expression closes
    if own is not None and best is not None and best[0] >= _RIGHT_PENALTY and own[0] < _REACH:
        # "An exercise that was to bring the staffs together in May [has been dropped]": what follows is
        # the main clause's verb; the date belongs to the relative clause and its tense
        return own
    return best


# A relative clause opening on a noun: "An exercise [that] was to bring ...", "talks [which] opened".
_RELATIVE_OPENER_RE = re.compile(r"\b(?:that|which|who)\b", re.IGNORECASE)


# A date told by the clause hanging on it: "one on Tuesday and Wednesday, when Russian jets made ... passes".
_WHEN_AFTER = re.compile(r"(?:\s+and\s+\w+)?,\s+(?:when|during which)\s+")


def _when_clause_tense(text: str, end: int, cues: TenseCues) -> str | None:
    """The tense of a "when" clause right after the date, when the date's own clause has no cue."""
    when = _WHEN_AFTER.match(text, end)
    if when is None:
        return None
    for m in cues.regex.finditer(text, when.end(), min(len(text), when.end() + _REACH)):
        kind = m.lastgroup or ""
        if kind == "ed" and (m.group().lower() in cues.not_past or m.group()[:1].isupper()):
            continue
        if kind in ("past", "ed"):
            return "past"
        if kind == "future":
            return "future"
    return None
