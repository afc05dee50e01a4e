"""How a trigger's word is used where it stands: a verb-shaped wording used as a noun ("The [meeting] ...
will not go ahead"), or a capitalised one inside a title or an office's name ("Office of Defense
Cooperation"). The extractor reads a noun's status past its relative clause and skips names."""

from __future__ import annotations

import re

from pipeline.events.trigger_rules import TriggerMatch

__all__ = ["inside_name", "noun_use"]

_POSSESSIVE_BEFORE_RE = re.compile(r"['’]s\s+$")
# (not a preposition's object: it is no subject of a predicate)
_DETERMINER_BEFORE_RE = re.compile(
    r"(?<!\bat )(?<!\bin )(?<!\bon )(?<!\bof )(?<!\bto )(?<!\bby )(?<!\bfor )(?<!\bafter )(?<!\bbefore )"
    r"(?<!\bduring )(?<!\bsince )(?<!\bfrom )(?<!\bwith )(?<!\buntil )"
    r"\b(?:the|a|an|this|that|its|their|his|her|our)\s+$",
    re.IGNORECASE,
)


def noun_use(text: str, match: TriggerMatch) -> bool:
    """A verb-shaped trigger used as a noun: after a possessive ("a destroyer's [call at] Norfolk"), or a
    single word after a determiner ("The [meeting] ... will not go ahead")."""
    if _POSSESSIVE_BEFORE_RE.search(text, max(0, match.start - 3), match.start):
        return True
    words = text[match.start : match.end].split()
    # (one word, or a noun with its complement: "An [exchange of helicopter crews] ... was dropped")
    single = len(words) == 1 or (len(words) > 1 and words[1].lower() in ("of", "between", "among"))
    if not single:
        return False
    if _DETERMINER_BEFORE_RE.search(text, max(0, match.start - 16), match.start):
        return True
    # ... or after a determiner and modifiers: "The U.S.-Japan security consultative [meeting], which had
    # been scheduled for this spring, has been postponed"
    return bool(_MODIFIED_AFTER_DETERMINER_RE.search(text, max(0, match.start - 70), match.start))


# Words that modify a noun (no plural subject before a participle: "the ministers [meeting] in Brussels"):
# adjectives by their ending, capitalised or hyphenated words that are no plural, years, and the nouns news
# puts before contacts.
_MODIFIER = (
    r"(?:[a-z]+(?:ive|al|ary|ic|ian|ese|ish|ern|ar)|[A-Z][\w.'’\-]*[^\Ws]|[A-Z]|[a-z]+-[\w\-]*[^\Ws]|\d{4}|"
    r"security|defense|defence|policy|staff|port|planned|scheduled|proposed|long-planned)"
)
_MODIFIED_AFTER_DETERMINER_RE = re.compile(
    rf"(?<![\w'’\-.])(?i:the|a|an|this|that|its|their|his|her|our)\s+(?:{_MODIFIER}\s+){{1,4}}$"
)


_CAPITALISED_BEFORE_RE = re.compile(r"[A-Z][\w'’\-]*\s+$")
_NAME_WORD_RE = re.compile(r"([A-Z][\w'’\-]*)\s+(?:and|of|for|&)\s+$")


def inside_name(text: str, match: TriggerMatch) -> bool:
    """A capitalised trigger inside a title or an office's name is no event ("Director of Joint Training
    and Exercises", "Office of Defense Cooperation")."""
    word = text[match.start : match.end]
    if not word[:1].isupper() or match.rule.rule_id == "named_exercise":
        return False  # an exercise's own name was judged a name already ("to Israel for Desert Aegis 2019")
    if match.rule.skip_in_names and _CAPITALISED_BEFORE_RE.search(
        text, max(0, match.start - 40), match.start
    ):
        return True
    return bool(_NAME_WORD_RE.search(text, max(0, match.start - 40), match.start))
