"""An event mention's status from the words around its trigger (``data/lexicon/status_cues.yaml``).

occurred is the default for reported news; cues in the trigger's clause make it planned ("will", "plans to",
"is scheduled to"), recurring ("at least once a year", "annual"), ongoing ("is cooperating", "still"),
cancelled ("called off"), or not an event at all ("could meet", "did not meet"). A date after the publication
date also makes an event planned; the anchoring stage decides that, once the date is known.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.events.status_table import Phrases, StatusCues, status_cues
from pipeline.events.trigger_rules import WORD_RE

__all__ = ["SKIP", "StatusCues", "decide_status", "denied_before", "status_cues", "went_ahead"]

SKIP = "skip"


_CONTRACTIONS = ("n't", "'ll", "'d", "'ve", "'re")
_MONTH_MAY = "<may>"


def _words(text: str) -> list[str]:
    """Lower-cased words, with contractions split off ("didn't" -> "did", "n't") so cues can name them.
    The month "May" is no modal "may" ("a drill in May and to exchange cadets")."""
    raws = WORD_RE.findall(text)
    if "'" not in text and "’" not in text:  # no contraction to split off (the common case)
        if "May" in raws:
            return [_MONTH_MAY if raw == "May" else raw.lower() for raw in raws]
        return list(map(str.lower, raws))
    out: list[str] = []
    for raw in raws:
        word = _MONTH_MAY if raw == "May" else raw.lower()
        if "'" not in word and "’" not in word:
            out.append(word)
            continue
        word = word.replace("’", "'")
        for suffix in _CONTRACTIONS:
            if word.endswith(suffix) and len(word) > len(suffix):
                out.extend((word[: -len(suffix)], suffix))
                break
        else:
            out.append(word)
    return out


def _has(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    """Does any cue phrase occur in ``words``? (Indexed by first word: this runs for every mention.)"""
    firsts = seqs.firsts if isinstance(seqs, Phrases) else _first_words(seqs)
    if firsts.keys().isdisjoint(words):
        return False  # the common case, answered in C
    for i, word in enumerate(words):
        for seq in firsts.get(word, ()):
            part = words[i : i + len(seq)]
            if len(part) == len(seq) and all(c == "*" or c == w for c, w in zip(seq, part, strict=True)):
                return True
    return False


@lru_cache(maxsize=64)
def _first_words(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        index.setdefault(seq[0], []).append(seq)
    return {word: tuple(group) for word, group in index.items()}


def _ends_with(words: list[str], seqs: tuple[tuple[str, ...], ...]) -> bool:
    return any(len(words) >= len(seq) and tuple(words[len(words) - len(seq) :]) == seq for seq in seqs)


_ING_RE = re.compile(r"ing\b", re.IGNORECASE)


def _complement_start(words_after: list[str]) -> int:
    """Where a verb's infinitive complement begins ("agreed [to hold consultations annually]"), else the end:
    a frequency there is the complement's, not the agreeing's."""
    for i, word in enumerate(words_after[:4]):
        if word == "to" and i + 1 < len(words_after):
            return i
    return len(words_after)


_MODALS = frozenset(["will", "would", "shall", "can", "could", "may", "might", "must", "should"])


def _since_clause_start(words_before: list[str], words_after: list[str], cues: StatusCues) -> str | None:
    """The trigger opens a "since" clause ("... have entered the country since Russia launched its invasion",
    "Since NATO took command of the air campaign, aircraft have flown ..."): it is the start of the period,
    not a series. Returns "present" when the main clause is a present perfect, "past" otherwise, None when the
    trigger is not in a since clause."""
    if "since" not in words_before:
        return None
    at = len(words_before) - 1 - words_before[::-1].index("since")
    if cues.perfect_auxiliaries.intersection(words_before[at + 1 :]) or "had" in words_before[at + 1 :]:
        return None  # "Since 2004, the two armies have commemorated ... in a joint [exercise]"
    if _MODALS.intersection(words_before[at + 1 :]):
        return None  # "The visit, the first ... since 2005, will include a [stop at] Cam Ranh Bay"
    main = words_before[:at] + words_after[:12]
    return "present" if cues.perfect_auxiliaries.intersection(main) else "past"


def _before_conjunction(words: list[str], openers: frozenset[str]) -> list[str]:
    """Words up to a conjunction that opens another predicate: in "boarding drills, and will end" the "will"
    is the next predicate's; in "exchanges between West Point and Russian academies will restart" it is
    not (``openers``: the words that may open a predicate or clause after "and"/"or")."""
    for i, word in enumerate(words):
        if word in ("and", "or", "but"):
            following = words[i + 1] if i + 1 < len(words) else ""
            if word == "but" or following in openers or following.endswith("ed"):
                return words[:i]
    return words


def denied_before(sentence_before: str, cues: StatusCues) -> bool:
    """Is the trigger inside the content of a denial ("Moscow denied that Russian tanks had moved in")?
    The content clause starts at "that", so the cue is looked for in the whole sentence before it."""
    return _has(_words(sentence_before), cues.skip_clause_before)


_HEDGES = frozenset(("might", "could"))
_BE = frozenset(("is", "are", "was", "were", "been", "be"))


def _without_passive_plan(words: list[str]) -> list[str]:
    """The words, without a passive "planned"/"proposed" before a preposition: "This year's exercise was
    planned at a [conference] in January" tells where the planning happened, no plan of the conference."""
    out = list(words)
    for i in range(1, len(out) - 1):
        if out[i] in ("planned", "proposed") and out[i - 1] in _BE and out[i + 1] in ("at", "during", "by"):
            out[i] = "<passive>"
    return out


def decide_status(
    before: str,
    trigger: str,
    after: str,
    cues: StatusCues,
    has_set_timex: bool = False,
    event_type: str = "",
    verb: bool = False,
) -> str:
    """Status of one mention from its clause: the text before the trigger, the trigger, the text after it.

    Returns one of the model's statuses, or ``"skip"`` when the clause does not assert an event.
    ``verb``: the trigger is a verb, whose infinitive complement has its own frequency.
    """
    words_before = _words(before)
    words_after = _words(after)
    trigger_words = _words(trigger)
    own_after = words_after[: _complement_start(words_after)] if verb else words_after
    near = words_before[-cues.skip_window :]
    if _has(near + trigger_words[:1], cues.hedged_plans) and not _has(
        [w for w in near if w not in _HEDGES], cues.skip_before
    ):
        # "the two sides might sign a memorandum in November": a possible plan (not "if they might ...")
        return "planned"
    if _has(near, cues.skip_before) or _has(words_after[: cues.skip_window], cues.skip_after):
        return SKIP
    if verb and _hypothetical_present(near, _words(trigger), cues):
        return SKIP  # "will stay frozen until Moscow pulls its forces back": no pull-back yet
    if (
        verb
        and cues.perfect_auxiliaries.intersection(words_before[-3:])
        and _has(words_after[:10], cues.habit_spans)
    ):
        return SKIP  # "Norway has trained allied troops in winter warfare for decades": a habit, no event
    if not verb and _has(words_after[: cues.counterfactual_window], cues.counterfactual_after):
        return SKIP  # "a visit like this one would not have been possible": no visit
    if not verb and (
        _has(near, cues.topic_before)
        or _has(words_after, cues.topic_after)
        or _has(words_after[:3], cues.generic_after)
    ):
        if _has(_before_conjunction(words_after, cues.clause_openers)[:8], cues.cancelled_after):
            return "cancelled"  # "Plans for a joint appearance were dropped": no topic, a plan dropped
        return SKIP
    window_before = words_before[-cues.window :]
    window_after = words_after[: cues.window]
    if (
        _has(window_before, cues.cancelled_before)
        or _has(window_after, cues.cancelled_after)
        or _has(words_before, cues.cancelled_clause)
        # every item of what is called off: "suspended all engagements, including exercises, bilateral
        # meetings, port visits and planning conferences"
        or _listed_after_cancelling(words_before, cues)
        # a noun subject of its cancelling: "A planned visit ... to Norfolk in October has been postponed";
        # "The annual exercise ... was to have involved 400 sailors"
        or (not verb and _has(_before_conjunction(words_after, cues.clause_openers), cues.cancelled_after))
        or (
            not verb
            and _has(_before_conjunction(words_after, cues.clause_openers)[:6], cues.cancelled_clause)
        )
    ):
        return "cancelled"
    since_start = _since_clause_start(words_before, words_after, cues)
    if since_start is not None and not has_set_timex:
        if since_start == "present" and event_type in cues.since_ongoing_types:
            return "ongoing"  # "have fled since Russia launched its invasion": the war goes on
        return "occurred"
    # ("since the two sides agreed in 2012 to hold the exercise every two years": a series all the same)
    clause_words = words_before + trigger_words + own_after
    if has_set_timex or _has(clause_words, cues.recurring_clause):
        return "recurring"
    # (the auxiliary may be inside the trigger: "liaison officers [have been] at headquarters since July")
    perfect_scope = words_before + trigger_words[:-1]
    if (
        "since" in clause_words
        and cues.perfect_auxiliaries.intersection(perfect_scope)
        and not cues.perfect_unless.intersection(perfect_scope)
    ):
        if event_type in cues.since_ongoing_types or _has(clause_words, cues.perfect_continuous):
            return "ongoing"  # (a force "has escorted convoys since 2008": a presence that goes on)
        return "recurring"
    # The trigger's own first words count for "the need [to meet]", not for "agreed [to ...]" after it.
    # (the trigger may end on the verb: "[Rapid Trident 2014 runs] through Sept. 26")
    if _has(trigger_words[-1:] + window_after, cues.ongoing_ending) or (
        not verb and _has(words_after, cues.ongoing_ending)
    ):
        return (
            "ongoing"  # "The exercise, co-sponsored by PACOM and the Mongolian forces, runs through July 1"
        )
    # ... and so do the inner words of a predicate trigger ("a Patriot battery [would be] deployed").
    planned_scope = _without_passive_plan(window_before) + trigger_words[:1]
    if verb and _post_modifier(words_before, trigger_words, cues):
        planned_scope = []  # "agreed to resume contacts [suspended] after the war": the suspension is past
    if (
        _has(planned_scope, cues.planned_before)
        or (not verb and _has(words_before, cues.planned_clause))
        or _has(_before_conjunction(window_after, cues.clause_openers), cues.planned_after)
        or _has(trigger_words[1:-1], cues.planned_inside)
        or (
            not verb
            and _has(_before_conjunction(window_after, cues.clause_openers), cues.planned_after_noun)
            and not _ends_with(words_before, cues.dated_owner)
        )
        or (not verb and _has(_before_conjunction(words_after, cues.clause_openers), cues.planned_after))
    ):
        return "planned"
    first_trigger_word = trigger.split()[0] if trigger.split() else trigger
    if _ING_RE.search(first_trigger_word) and _ends_with(words_before, cues.progressive):
        return "ongoing"
    if _perfect_state(words_before, trigger_words, cues):
        return "ongoing"  # "the troops it has massed near the border": they are still there
    if (
        _has(window_before, cues.ongoing_before)
        or _has(window_after[:4], cues.ongoing_after)
        or _has(window_after[:1], cues.ongoing_next)
        or _has(trigger_words[1:-1], cues.ongoing_inside)
    ):
        return "ongoing"
    return "occurred"


def _hypothetical_present(near: list[str], trigger_words: list[str], cues: StatusCues) -> bool:
    """A verb in the simple present right after "until", "unless", "once" and their subject tells a condition
    or a future that English states in the present ("until Moscow pulls its forces back"), not a report."""
    first = trigger_words[0] if trigger_words else ""
    third_person = first.endswith("s") and not first.endswith(("ss", "us", "is"))
    return third_person and _has(near, cues.hypothetical_openers)


def _post_modifier(words_before: list[str], trigger_words: list[str], cues: StatusCues) -> bool:
    """Is the trigger a past participle right after a noun ("contacts [suspended] after the war"), not after
    a word opening a predicate ("will be [deployed]", "and [signed]")?"""
    if not words_before or not trigger_words or not trigger_words[0].endswith("ed"):
        return False
    previous = words_before[-1]
    return (
        previous.isalpha()
        and previous not in cues.clause_openers
        and previous not in ("and", "or", "but")
        and not previous.endswith("ly")
    )


def _listed_after_cancelling(words_before: list[str], cues: StatusCues) -> bool:
    """Is the trigger an item listed after "including" (or "such as") what a cancelling verb called off?"""
    for marker in ("including", "such"):
        if marker in words_before:
            at = len(words_before) - 1 - words_before[::-1].index(marker)
            return _has(words_before[max(0, at - 12) : at], cues.cancelled_before)
    return False


def _perfect_state(words_before: list[str], trigger_words: list[str], cues: StatusCues) -> bool:
    """A present perfect of a verb whose result is a state ("has massed", "have stationed") still holds."""
    if len(trigger_words) > 1 and trigger_words[0] in cues.perfect_auxiliaries:
        return trigger_words[1] in cues.perfect_states
    if not trigger_words or trigger_words[0] not in cues.perfect_states:
        return False
    return bool(cues.perfect_auxiliaries.intersection(words_before[-2:]))


def is_timetable(trigger: str, cues: StatusCues) -> bool:
    """Is the trigger a present-tense timetable verb ("leaves for", "departs")?"""
    words = _words(trigger)
    return bool(words) and words[0] in cues.scheduled_present


def is_future_wording(timex_text: str, cues: StatusCues) -> bool:
    """Does the date's own wording place it after the time of writing ("tomorrow", "later this summer")?"""
    return _has(_words(timex_text), cues.future_dates)


def rescheduled(words_before: str, rest: str, cues: StatusCues) -> bool:
    """A postponement that gives the new time ("agreed to postpone the drill until the fall", "was put off
    to next year") moves a plan; it does not cancel it."""
    words = _words(words_before)[-3:] + _words(rest)
    return _has(words, cues.rescheduled) and not _has(words, cues.not_rescheduled)


def went_ahead(rest_of_sentence: str, cues: StatusCues) -> bool:
    """Does the sentence go on to say the event happened after all ("The visit, which was postponed twice,
    finally took place in November", "The dialogue, postponed twice because of the crisis, was held in
    Seoul on Tuesday": the calling off told in an aside, the holding in the main predicate)?"""
    return _has(_words(rest_of_sentence), cues.went_ahead) or bool(
        _HELD_AFTER_ASIDE_RE.search(rest_of_sentence)
    )


_HELD_AFTER_ASIDE_RE = re.compile(
    r",\s[^,;]*\b(?:postponed|delayed|called off|cancell?ed|put off|pushed back|scrapped|suspended)\b[^,;]*,"
    r"\s+(?:(?:was|were|had been|has been|have been)\s+(?:finally\s+|eventually\s+)?"
    r"(?:held|convened|staged|conducted|opened|signed)|(?:finally\s+|eventually\s+)?(?:opened|convened|began))\b",
    re.IGNORECASE,
)
