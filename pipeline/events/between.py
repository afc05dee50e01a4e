"""Another predicate between an event's trigger and a date of its sentence ("agreed [to hold] talks in June",
"discussed [how] ... in 2015", a verb trigger, a modal): the date is that predicate's, not the event's. A date
fronted in its sentence ("Last year, Perry visited Moscow") or a purpose right after a date ("arrive Thursday
to watch the drills and meet the general") still dates the event."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.model import Span, TimeExpression

# "followed" with no object: the date is the event's own ("the first drill followed [that spring]").
_INTRANSITIVE = (
    r"(?!\s+(?:in|on|during|later|soon|shortly|quickly|immediately|within|"
    r"(?:that|the\s+(?:next|following))\s+(?:spring|summer|fall|autumn|winter|year|month|week|day)\b|"
    r"[\w-]+\s+(?:days?|weeks?|months?|years?)\s+(?:later|afterwards?)\b))"  # "followed nine days later"
)


# "to" before a plural noun is a destination, not an infinitive: "flown relief supplies [to survivors] since
# Sunday" (a bare verb ends in -s only as -ss or -us: "to discuss", "to focus").
_PLURAL_NOUN = r"|[a-z]+[^su\W]s\b"


# Another predicate opening between a trigger and a date: an infinitive ("agreed [to hold] talks in June"),
# a modal ("what [can] be done ... in April"), a question word ("discussed [how] ... 2015") or a verb
# relating two events ("The drill [followed] a visit to Hanoi in January").
_PREDICATE_RE = re.compile(
    r"\bto\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|each|both|all|some|"
    # (a hyphenated word is an adjective: "ferrying food to cut-off coastal towns")
    r"reporters|journalists|(?:north|south|east|west)\w*|central|coastal)\b"
    + _PLURAL_NOUN
    + r")[a-z]+\b(?!-)"
    r"|\b(?:what|how|whether|why|can|could|will|would|should|may|might|must)\b"
    # a gerund after "for" is a predicate of its own: "thanked Lich [for hosting] him in January"
    r"|\bfor\s+[a-z]{3,}ing\s+(?:him|her|them|us|me|it|the|a|an|his|their|its|our|this|that|these|those)\b"
    r"|\b(?:followed|follows|preceded|precedes|came after|comes after|built on|builds on|replaced|replaces)\b"
    + _INTRANSITIVE  # (the lookahead belongs to the alternative right before it)
)


# The trigger's own auxiliaries ("Tomorrow, the secretary [will also] visit") open no other predicate.
_OWN_AUXILIARIES_RE = re.compile(
    r"(?:\b(?:will|would|shall|can|could|may|might|must|is|are|was|were|be|been|has|have|had|also|then|"
    r"now|still|not|soon|later|again)\s+)+$",
    re.IGNORECASE,
)


# A noun's own predicate: "The hotline ... [will be] running by the end of the year".
# A noun's own predicate of occurrence does not take its date away ("Talks ... are due [to begin] in Geneva
# next month", "the exercise, expected [to take place] in May").
_INFINITIVE_OR_QUESTION_RE = re.compile(
    r"\bto\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|each|both|all|some|"
    r"reporters|journalists|begin|start|open|resume|take|be|conclude|end|run|continue|convene|get|kick|go|proceed|"
    r"happen|occur|commence|finish|close|wrap|restart|"
    r"(?:north|south|east|west)\w*|central|coastal)\b" + _PLURAL_NOUN + r")[a-z]+\b"
    r"|\b(?:what|how|whether|why)\b"
    r"|\b(?:followed|follows|preceded|precedes|came after|comes after|built on|builds on|replaced|replaces)\b"
    + _INTRANSITIVE
)
# A coordinated infinitive is another item: "to hold a drill in the spring [and to] exchange officers".
_AND_TO_RE = re.compile(r"\b(?:and|or)\s+to\s+$", re.IGNORECASE)
_TO_BEFORE_RE = re.compile(r"\bto\s+$", re.IGNORECASE)
# A relative clause without a pronoun whose verb makes the noun's event: "the exercise Russia held in 2008",
# "the package Congress approved in 2008", "the agreement the two sides reached in May".
_REDUCED_RELATIVE_RE = re.compile(
    r"\s+(?:(?:the|its|their|both)\s+(?:[\w\-]+\s+){0,2}?|(?-i:[A-Z][\w.'’\-]*\s+){1,4})"
    r"(?:held|made|conducted|staged|hosted|approved|signed|reached|launched|began|started|announced|created|"
    r"established|organized|organised|set\s+up|paid\s+for)\s+(?:[^,;.()]{0,30}\s)?(?:in|on|at)?\s*",
    re.IGNORECASE,
)
_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
# Verbs whose infinitive is a plan of their own ("decided on Monday to ..."), unlike a purpose after a
# movement ("will travel to Surabaya tomorrow to visit ...": the same day).
_PLAN_VERB_RE = re.compile(
    r"\b(?:agreed|agree|agrees|decided|decides|voted|pledged|promised|vowed|planned|plans|hoped|hopes|"
    r"intended|intends|undertook|resolved|committed|expected|asked|urged|invited|offered|proposed)\b",
    re.IGNORECASE,
)


def blocked(
    trigger: Span,
    timex: TimeExpression,
    verbs: Sequence[Span],
    text: str,
    noun: bool = False,
    planned: bool = False,
) -> bool:
    """True when the date belongs to another predicate: a verb trigger, or an infinitive, modal or question
    word standing between the trigger and the date (a noun's modal is its own predicate's)."""
    low, high = (trigger.end, timex.start) if timex.start >= trigger.end else (timex.end, trigger.start)
    closed: list[tuple[int, int]] = []  # a relative clause closed before the noun's own predicate
    if noun and timex.start >= trigger.end:
        aside = _WHICH_ASIDE_RE.match(text, trigger.end)
        if (
            aside is not None
            and aside.start("aside") <= timex.start < aside.end()
            and not _OWN_COURSE_RE.match(text, aside.start("aside"))
        ):
            return True  # "The talks, which broke down in June, will resume next week": the aside's date
        if _REDUCED_RELATIVE_RE.fullmatch(text, trigger.end, timex.start):
            return False  # "a $1.3 billion aid package [Congress approved] in 2008": when it came to be
        if aside is not None and timex.start >= aside.end():
            # ("The Malabar exercise, which resumed in 2002 after a hiatus that [followed] India's nuclear
            # tests, is scheduled for late September": no verb of the aside stands between)
            closed.append(aside.span("aside"))
    opening = _FRONT_PREPOSITION_RE.search(text, max(0, timex.start - 16), timex.start)
    head = opening.start() if opening else timex.start  # ("In August, Russian forces pushed ...")
    if (
        timex.start < trigger.start
        and _FRONTED_DATE_RE.match(text, timex.end)
        and _SENTENCE_START_RE.search(text, max(0, head - 4), head)
        and (not planned or head == timex.start)  # ("On Monday, they met and agreed to resume talks")
    ):
        # "Last year, Perry visited Moscow and toured the Far East", "Tomorrow, they will hold talks": a
        # fronted date sets the whole sentence's time, for every predicate it holds
        return False
    if (
        not planned
        and timex.start < trigger.start
        and MEANS_PURPOSE_RE.fullmatch(text, timex.end, trigger.start)
    ):
        # "attacked ... yesterday and today, [using] fighter aircraft [to] conduct nine airstrikes": the means
        # of the dated act and its purpose are that act
        return False
    if timex.start < trigger.start and PURPOSES_RE.match(text, timex.end, trigger.start):
        return False  # "to arrive Thursday to watch the final phase and [meet] the general": one purpose
    if timex.start < trigger.start and _HELP_PURPOSE_RE.fullmatch(text, timex.end, trigger.start):
        return False  # "will send engineers to Azerbaijan next spring to help [renovate] a school"
    asides = closed + (
        [m.span() for m in _PARTICIPLE_ASIDE_RE.finditer(text, low, high)]
        if timex.start >= trigger.end
        else []
    )
    purpose_of_move = timex.start >= trigger.end and _MOVEMENT_RE.search(trigger.text) is not None
    if any(
        low <= v.start
        and v.end <= high
        and not _OCCASION_BEFORE_RE.search(text, max(0, v.start - 50), v.start)
        # (the purpose of a movement is no predicate between: "will deploy a battalion to Poland [to train]
        # with Polish troops next month")
        and not (purpose_of_move and _TO_BEFORE_RE.search(text, max(0, v.start - 4), v.start))
        # (a participle aside is the noun's, not a predicate between: "The deployment ..., agreed by the two
        # presidents in June, will begin next year")
        and not any(a <= v.start < b for a, b in asides)
        # (nor is an -ing participle right after the object's noun: "intercepted a pair of Russian bombers
        # [flying] about 100 miles off Kodiak Island on Monday evening")
        and not (not noun and v.start > trigger.end and _object_participle(text, trigger.end, v.start))
        for v in verbs
        if v.start != trigger.start
    ):
        return True
    if timex.start < trigger.start:
        if _FOR_PURPOSE_RE.search(text, max(low, trigger.start - 70), trigger.start):
            return False  # "Next month, troops will deploy to Israel [for Desert Aegis 2019]": its date
        if _AND_TO_RE.search(text, max(low, trigger.start - 12), high):
            return True
        if (
            planned
            and (
                _TO_BEFORE_RE.search(text, max(low, trigger.start - 4), high)
                or _THAT_RE.search(text, low, high)  # "agreed on Monday [that] a joint exercise will be held"
            )
            and _PLAN_VERB_RE.search(text, max(0, timex.start - 40), timex.start)
        ):
            return True  # "agreed on Wednesday [to] set up a hotline": the agreeing's date
        own = _OWN_AUXILIARIES_RE.search(text, low, high)
        if own:
            high = own.start()
    pattern = _INFINITIVE_OR_QUESTION_RE if noun and timex.start >= trigger.end else _PREDICATE_RE
    if high <= low:
        return False
    # seen up to the date's end, so that "followed [that spring]" can tell it has no object
    stop = max(high, timex.end) if timex.start >= trigger.end else high
    found = pattern.search(text, low, stop)
    # (a quoted gloss holds no predicate: 'Balikatan, Filipino for "shoulder [to shoulder]," has been held')
    glosses = [q.span() for q in _QUOTED_RE.finditer(text, low, high)] if '"' in text[low:high] else []
    while (
        found is not None
        and found.start() < high
        and (
            any(a <= found.start() < b for a, b in (*glosses, *closed))
            or _IDIOM_TO_RE.match(text, max(0, found.start() - 20), found.end()) is not None
            or timex.start >= trigger.end
            and _MOVEMENT_RE.search(trigger.text)
            and found.group().lower().startswith("to ")
        )
    ):
        # the purpose of a movement shares its date: "rotated in [to guard] a base in Iraq earlier this month"
        found = pattern.search(text, found.end(), stop)
    return found is not None and found.start() < high


_QUOTED_RE = re.compile(r'"[^"\n]{1,60}"')
# A word, "to" and the word again is an adverb, no infinitive: "met [face to face] in Helsinki on June 24",
# "fought shoulder to shoulder", "went door to door".
_IDIOM_TO_RE = re.compile(r".*?\b([a-z]+)\s+to\s+\1$", re.IGNORECASE | re.DOTALL)


# A plan's own description: "A command post exercise [that was to have brought] the two staffs together at
# Fort Leavenworth, Kan., in May has been dropped" (the date is the plan's, whatever verbs describe it).
# ... or a participle of planning: "A Navy port visit to St. Petersburg, [planned before the suspension for]
# June, has been canceled".
_PLAN_DESCRIBED_RE = re.compile(
    r"\s*,?\s+(?:that|which)\s+(?:was|were|is|are|had|has|would|will)\b[^;:]{0,120}?\s+(?:in|on|for)\s+$"
    r"|[^,;:]{0,60},\s+(?:first\s+|originally\s+|initially\s+)?(?:planned|scheduled|set|slated)\b[^,;:]{0,60}?"
    r"\s+(?:in|on|for)\s+$",
    re.IGNORECASE,
)


def plan_described(trigger: Span, timex: TimeExpression, text: str) -> bool:
    """Whether the date closes a relative clause that describes the (planned or called-off) event noun."""
    return timex.start >= trigger.end and bool(_PLAN_DESCRIBED_RE.fullmatch(text, trigger.end, timex.start))


# A non-restrictive relative clause on a noun, closed before the noun's own predicate: "Talks on the
# agreement, [which broke down in June,] will resume in Manila next week".
_WHICH_ASIDE_RE = re.compile(
    r"[^,;:.]{0,40}?(?P<aside>,\s+(?:which|who)\s[^,;:]{0,100},)"
    r"(?=\s+(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|might|must|remains?|remained|"
    r"[a-z]+ed)\b)"  # (the noun's own predicate follows)
)
# ... unless it tells the noun's own course: "The exercise, which began on Monday, brought together ...".
_OWN_COURSE_RE = re.compile(
    r",\s+(?:which|who)\s+(?:(?:was|were|is|are|has\s+been|had\s+been|will\s+be)\s+)?(?:first\s+|officially\s+)?"
    r"(?:began|begun|begins|started|starts|opened|opens|ended|ends|concluded|closed|took\s+place|takes\s+place|held|"
    r"ran|runs|kicked\s+off|kicks\s+off|wrapped\s+up|got\s+under\s*way|lasted|lasts|continued|continues|"
    r"convened|scheduled|set|planned|due)\b",
    re.IGNORECASE,
)
# An object noun phrase (no punctuation, no auxiliary, preposition or conjunction right before the participle)
# followed by an -ing participle: the participle describes the noun ("bombers flying off Kodiak").
_OBJECT_GAP_RE = re.compile(r"[^,;:.()]*\b[A-Za-z][\w-]*\s+$")
# (an auxiliary, a preposition, a conjunction or an aspect verb before it: its own predicate)
_NOT_A_NOUN_BEFORE_RE = re.compile(
    r"is|are|was|were|be|been|being|am|and|or|to|by|after|before|while|when|for|of|in|on|at|from|with|"
    r"without|since|until|begins?|began|starts?|started|stopped|kept|continued|resumed|finished|spent|spends?",
    re.IGNORECASE,
)
_ING_START_RE = re.compile(r"[a-z]+ing\b")


def _object_participle(text: str, gap_start: int, participle_start: int) -> bool:
    gap = text[gap_start:participle_start]
    if not _OBJECT_GAP_RE.fullmatch(gap) or not _ING_START_RE.match(text, participle_start):
        return False
    return _NOT_A_NOUN_BEFORE_RE.fullmatch(gap.split()[-1]) is None


_PARTICIPLE_ASIDE_RE = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b[^,;:.]{0,80},")
# The occasion something happens at is no predicate of its own: "is to meet Gates [at a NATO meeting] in
# Brussels next month" (the meeting's date is the meeting's and the meet's).
_OCCASION_BEFORE_RE = re.compile(
    r"\b(?:at|during|on the sidelines of|in the course of)\s+(?:a|an|the|this|their|its|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_HELP_PURPOSE_RE = re.compile(r"\s*,?\s*to\s+help\s+", re.IGNORECASE)
# Purposes coordinated right after a date: "arrive Thursday [to watch the final phase and] meet with ...".
PURPOSES_RE = re.compile(r"\s*,?\s*to\s+[a-z]+\b[^.;,:]{0,50}?\s+and\s+(?:to\s+)?$")
# What a movement is for happens when the movement does: "will deploy to Israel for [Desert Aegis 2019]".
_FOR_PURPOSE_RE = re.compile(
    r"\b(?:deploy\w*|arriv\w*|travel\w*|fly|flies|flew|head\w*|sail\w*|come|comes|came|go|goes|went|"
    r"return\w*|rotat\w*)\b[^.;:]{0,50}\bfor\s+(?:the\s+|a\s+|an\s+|this\s+year's\s+)?$",
    re.IGNORECASE,
)
_MOVEMENT_RE = re.compile(  # (anywhere in the trigger: "engineers deployed")
    r"\b(?:arrived|arrives|arrive|rotated|rotates|rotate|deployed|deploys|deploy|flew|flies|fly|traveled|travelled|"
    r"travels|travel|came|comes|come|sailed|sails|sail|landed|lands|went|goes|go|returned|returns|return|sent|sends|"
    r"send|dispatched|dispatch)\b",
    re.IGNORECASE,
)


# A date fronted in its sentence: closed by a comma, or right before the subject ("Tomorrow he is to travel
# to Nairobi to meet ...", "Last year Perry visited Moscow"), not a possessive ("Tuesday's talks").
_FRONTED_DATE_RE = re.compile(r",|[^\S\n]+(?=[A-Z]|(?:he|she|they|we|it|the|both|two|its|their|his|her)\b)")
# The means of a dated act and its purpose: "attacked ... today, [using] jets [to] conduct nine airstrikes".
MEANS_PURPOSE_RE = re.compile(r",\s+(?:using|employing|with)\s+[^,;:.()]{1,80}?\s+to\s+", re.IGNORECASE)
_FRONT_PREPOSITION_RE = re.compile(r"\b(?:In|On|During|By|Early in|Late in|Since)\s+(?:the\s+)?$")
_SENTENCE_START_RE = re.compile(r"(?:\A|\n|[.!?][\"”’)]?\s+)[\"“]?$")
