"""Event mentions: trigger words -> typed mentions with participants and status (dated later by anchor.py).

One pass over the document finds every trigger (``triggers.find_triggers``); each is placed in its sentence
and clause, its status read from the clause's cues (``status.decide_status``), its participants from the actor
mentions around it (``roles.assign_roles``). Not mentions: headlines (summaries of the body), hypothetical
or denied wordings ("could meet", "has not been confirmed"), triggers inside an office's or a treaty's name
("Director of Training and Exercises"), and nouns in the object of a verb that takes events as objects
("boycotted the meetings"). A noun in the object of a plan is planned ("agreed to meet ... at the summit").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from pipeline.events.clauses import (
    clause_index,
    is_headline,
    is_link_line,
    split_clauses,
    with_subject_relative,
)
from pipeline.events.labels import make_label
from pipeline.events.movers import movement_type, mover_lexicon, object_type
from pipeline.events.questions import asks_only
from pipeline.events.refer import REACH, antecedent
from pipeline.events.roles import assign_roles
from pipeline.events.sentence_links import at_home, cancel_noun_subject, origin_roles
from pipeline.events.status import (
    SKIP,
    decide_status,
    denied_before,
    rescheduled,
    status_cues,
    went_ahead,
)
from pipeline.events.status_scope import (
    blank,
    complement,
    habitual,
    noun_end,
    noun_scope,
    object_end,
    perfect_since,
    relative_status,
    series_asides,
    state_still_holds,
    status_hidden,
    told_as_past,
)
from pipeline.events.subjects import implied_subject
from pipeline.events.trigger_rules import REFER, TriggerMatch
from pipeline.events.triggers import find_triggers
from pipeline.events.word_use import inside_name, noun_use
from pipeline.model import Actor, ActorMention, ActorRole, Document, EventMention, Span, TimeExpression


def _by_sentence(items: Sequence, sentences: Sequence[Span]) -> list[list]:
    """Group items having a ``start`` under the sentence that holds it."""
    starts = [s.start for s in sentences]
    groups: list[list] = [[] for _ in sentences]
    for item in items:
        i = bisect_right(starts, item.start) - 1
        if 0 <= i < len(sentences) and item.start < sentences[i].end:
            groups[i].append(item)
    return groups


_OBJECT_GAP_RE = re.compile(r"^\s*(?:\S+\s+){0,3}$")
# A noun-shaped trigger used as a verb: "will [visit] the exercise", "to [visit] the drills".
_USED_AS_VERB_RE = re.compile(
    r"\b(?:to|will|would|shall|can|could|may|might|must|should|also|and|they|we|i|you)\s+$", re.IGNORECASE
)
_TOPIC_GAP_RE = re.compile(r"^\s+(?:on|about|regarding|concerning)\s+(?:\S+\s+){0,4}$", re.IGNORECASE)


# An exercise's name with its year or serial names one edition of a series ("Flintlock 2017", "Anakonda-16").
_EDITION_NAME_RE = re.compile(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}[\s\-]+(?:19|20)?\d\d$")
# ... and so does an ordinal before the series word ("the 41st annual Security Consultative Meeting").
_ORDINAL_EDITION_RE = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
    r"\s+(?:annual|biennial|yearly|biannual)\s+(?:[\w’'\-]+\s+){0,5}$",
    re.IGNORECASE,
)


def _absorbed(text: str, previous: TriggerMatch | None, match: TriggerMatch) -> bool:
    """A noun right in the object of a verb that takes events as objects is that verb's business, not an
    event of its own: "boycotted [the meetings]", "will discuss [joint exercises]" (a topic)."""
    if previous is None or match.rule.pos == "verb":
        return False
    gap = text[previous.end : match.start]
    if previous.rule.absorbs_topic and _TOPIC_GAP_RE.match(gap):
        return True  # "signed a memorandum [on intelligence sharing]": what it is about
    if previous.rule.pos == "noun" and not _USED_AS_VERB_RE.search(
        text, max(0, previous.start - 12), previous.start
    ):
        return False  # "The visit follows a port call by ...": a noun has no object
    return previous.rule.absorbs_object and bool(_OBJECT_GAP_RE.match(gap))


_AND_TO_RE = re.compile(r"\b(?:and|or)\s+to\s+$", re.IGNORECASE)
# A participle opening an aside: its status is told inside the commas, not by the predicate after them.
_ASIDE_PARTICIPLE_RE = re.compile(r",\s(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b[^,;:.]{0,80},")
# A verb coordinated with the one before it, sharing its subject and modal: "will meet ... and dine".
_AND_VERB_RE = re.compile(r"\b(?:and|or)\s+(?:then\s+|also\s+|later\s+)?$", re.IGNORECASE)
# ... a base form, not a past one ("said Nairobi would send troops [and called on] other members").
_PAST_FORM_RE = re.compile(
    r"(?:\w+ed|met|held|spoke|took|went|came|flew|saw|sent|led|made|gave|told|left|sat|won)\b", re.IGNORECASE
)


def _line_alone(text: str, sentence: Span) -> bool:
    """Does the sentence fill its line ("Chinese, Russian navies begin joint drill" between blank lines)?"""
    before = text[max(0, sentence.start - 1) : sentence.start]
    after = text[sentence.end : sentence.end + 1]
    return before in ("", "\n") and after in ("", "\n")


def _confidence(match: TriggerMatch, roles: tuple[ActorRole, ...]) -> float:
    score = 0.6 if match.rule.pos == "verb" else 0.45
    if roles:
        score += 0.15
    if len(roles) > 1:
        score += 0.1
    return round(min(score, 0.95), 2)


def extract_events(
    document: Document,
    sentences: Sequence[Span],
    timexes: Sequence[TimeExpression],
    actors: Sequence[Actor],
    actor_mentions: Sequence[ActorMention],
    lexicon_dir: Path | None = None,
) -> list[EventMention]:
    """Typed, attributed event mentions of one document, in text order; undated (see anchor.anchor_events)."""
    text = document.text
    cues = status_cues(lexicon_dir)
    movers = mover_lexicon(lexicon_dir)
    actor_by_id = {a.actor_id: a for a in actors}
    matches = find_triggers(text, lexicon_dir)
    per_sentence = _by_sentence(matches, sentences)
    mentions_per_sentence = _by_sentence(sorted(actor_mentions, key=lambda m: m.start), sentences)
    timex_per_sentence = _by_sentence(timexes, sentences)
    out: list[EventMention] = []
    history: list[tuple[ActorRole, ...]] = []
    for index, sentence in enumerate(sentences):
        found = per_sentence[index]
        if not found:
            continue
        if is_headline(sentence, document.title, _line_alone(text, sentence)):
            continue
        if is_link_line(sentence, sentences[index - 1] if index else None, cues.link_prefixes):
            continue
        if asks_only(sentence.text, cues.presupposing_questions):
            continue  # a question asks, it reports nothing ("Q: Can you tell us about the exercise?")
        sentence_timexes = timex_per_sentence[index]
        clauses = split_clauses(text, sentence, sentence_timexes)
        governing: dict[int, str] = {}  # clause start -> status of its last planned/cancelled verb
        planned_verb: str | None = None  # status of the sentence's last planned/cancelled verb trigger
        verb_spans = [Span(m.start, m.end, "") for m in found if m.rule.pos == "verb"]
        previous: TriggerMatch | None = None
        told: list[tuple[EventMention, TriggerMatch, Span]] = []
        for match in found:
            absorbed = _absorbed(text, previous, match)
            previous = match
            if absorbed:
                continue
            event_type = match.rule.event_type
            if match.rule.movement in ("subject", "visit"):
                visit = match.rule.movement == "visit"
                event_type = (
                    movement_type(text, sentence.start, sentence.end, match.start, movers, visit)
                    or event_type
                )
            elif match.rule.movement == "object":
                event_type = object_type(text[match.start : match.end], sentence.text, movers) or event_type
            earlier_roles: tuple[ActorRole, ...] = ()
            referent: EventMention | None = None
            if event_type == REFER:
                reach = sentences[max(0, index - REACH)].start
                told_before = [m for m in out if m.sentence.start >= reach] + [m for m, _, _ in told]
                referent = antecedent(
                    match.rule, Span(match.start, match.end, text[match.start : match.end]), told_before
                )
                if referent is None:
                    continue
                event_type, earlier_roles = referent.event_type, referent.actors
            clause = clauses[clause_index(clauses, match.start)]
            # a verb or an adjunct: no subject of a predicate after it (but "a destroyer's [call at] Norfolk
            # ... has been called off" is a noun)
            verb = match.rule.pos != "noun" and not noun_use(text, match)
            own_end = (
                object_end(text, match, found, complement(text, match.end, clause.end, far=True))
                if verb
                else noun_end(text, match, found, clause.end)
            )
            comma = text.find(", ", match.start, match.end)
            aside = _ASIDE_PARTICIPLE_RE.match(text, comma if comma >= 0 else max(0, match.start - 2))
            if verb and aside is not None:
                # ", agreed by the two presidents in June, will begin"; "The agreement, initialed in July, is
                # expected to be signed": the participle's own words tell its status
                own_end = min(own_end, aside.end())
            asides = series_asides(text, clause.start, clause.end)
            hidden = status_hidden(asides, sentence_timexes, match.start, text)
            has_set = any(
                t.type == "SET"
                and clause.start <= t.start < own_end
                and not any(a <= t.start < b for a, b in asides)
                # "signed a plan for [annual] staff talks": the frequency of the noun it modifies
                and not any(t.end <= m.start <= t.end + 25 and m.start != match.start for m in found)
                for t in sentence_timexes
            )
            scope_start = noun_scope(text, clause.start, match.start)  # (noun-shaped verb rules too)
            status = decide_status(
                blank(text, scope_start, match.start, hidden),
                text[match.start : match.end],
                blank(text, match.end, own_end, hidden),
                cues,
                has_set,
                event_type,
                verb,
            )
            if status == SKIP or inside_name(text, match):
                continue
            if match.rule.event_type != "STATEMENT" and denied_before(
                text[sentence.start : match.start], cues
            ):
                continue
            if status in ("occurred", "recurring") and not verb:
                relative = relative_status(text, clauses, clause_index(clauses, match.start), cues)
                # ("The annual exercise, which was to be held in August, has been canceled": this edition)
                status = relative if status == "occurred" or relative == "cancelled" else status
            elif status == "occurred" and habitual(
                text,
                Span(match.start, match.end, ""),
                clause,
                any(
                    clause.start <= t.start < clause.end
                    for t in sentence_timexes
                    if t.type in ("DATE", "TIME")
                ),
                cues,
            ):
                status = "ongoing"
            if status == "occurred" and verb:
                since = perfect_since(
                    text[scope_start : match.start],
                    text[match.start : match.end],
                    text[match.end : clause.end],
                    cues,
                )
                if since == "recurring" and event_type in cues.since_ongoing_types:
                    since = "ongoing"  # "Russian warships have escorted convoys in the gulf since 2008"
                status = since or status
                if status == "occurred" and state_still_holds(text, match.end, sentence.end, cues):
                    status = "ongoing"  # "closed the routes in November, and they're still closed"
            if (status == "occurred" and match.rule.status) or match.rule.status == "cancelled":
                status = match.rule.status  # the wording says it ("was scrapped"), whatever the plan around
            if status == "recurring" and (
                _EDITION_NAME_RE.match(text, match.start, match.end)
                or _ORDINAL_EDITION_RE.search(text, max(sentence.start, match.start - 60), match.start)
            ):
                # "Flintlock 2017, U.S. Africa Command's annual ... exercise", "concluded the 41st annual
                # Security Consultative Meeting": one edition, not the series
                status = "occurred"
            reach = sentence.end if status == "cancelled" else min(sentence.end, match.end + 60)
            if status in ("cancelled", "planned") and went_ahead(
                text[max(sentence.start, match.start - 15) : reach], cues
            ):
                status = "occurred"  # "which was postponed twice (first set for May), finally took place"
            if status == "cancelled" and rescheduled(
                text[clause.start : match.start],
                text[match.start : min(sentence.end, match.end + 80)],  # "until" opens its own clause
                cues,
            ):
                status = "planned"  # "postponed until the fall": moved, not called off
            if match.rule.pos == "verb" and status in ("planned", "cancelled"):
                governing[clause.start] = status
                planned_verb = status
            elif (
                status == "occurred"
                and verb
                and planned_verb == "planned"
                and _AND_VERB_RE.search(text, max(sentence.start, match.start - 20), match.start)
                and not _PAST_FORM_RE.match(text, match.start)
            ):
                status = "planned"  # "will meet the minister this afternoon [and dine] tonight": one modal
            elif (
                status == "occurred"
                and clause.start in governing
                and (not verb or _AND_TO_RE.search(text, max(0, match.start - 10), match.start))
                and not told_as_past(match, sentence_timexes, document.published)
            ):
                # A noun in the object of a plan is planned too ("agreed to meet ... at the G7 summit"), and
                # so is the next item of a list of plans ("to hold a drill in May and to exchange ...").
                status = governing[clause.start]
            trigger = Span(match.start, match.end, text[match.start : match.end])
            roles = (
                assign_roles(
                    text,
                    trigger,
                    with_subject_relative(clauses, clause_index(clauses, match.start), text),
                    sentence,
                    mentions_per_sentence[index],
                    actor_by_id,
                    host_subject=match.rule.host,
                    event_type=event_type,
                    stops=verb_spans,
                )
                or earlier_roles
            )
            roles = implied_subject(
                text,
                trigger,
                clause,
                sentence,
                not verb,
                mentions_per_sentence[index],
                actor_by_id,
                roles,
                history,
            )
            if match.rule.origin:
                roles = origin_roles(roles, trigger, mentions_per_sentence[index], told)
                if at_home(roles) or not any(r.role == "recipient" for r in roles):
                    # "the Argentine minister flew in from Buenos Aires": he came from home; "flew in from
                    # Camp Lejeune, N.C.": no place abroad known, no stay of its own told
                    continue
            if roles:
                history.append(roles)
            mention = EventMention(
                mention_id=f"{document.doc_id}:{match.start}:{event_type}",
                doc_id=document.doc_id,
                sentence=sentence,
                trigger=trigger,
                event_type=event_type,
                status=status,
                actors=roles,
                confidence=_confidence(match, roles),
                label=make_label(event_type, roles, status, lexicon_dir),
            )
            told.append((mention, match, clause))
            if status == "cancelled" and referent is not None:
                cancel_noun_subject(told, referent)
        out.extend(m for m, match, clause in told if not _defers(text, m, match, clause, told))
    return out


_ALSO_BEFORE_RE = re.compile(r"\balso\s+$", re.IGNORECASE)
_MORE_INFINITIVES_RE = re.compile(r"\b(?:and|or)\s+to\s+[a-z]", re.IGNORECASE)
_NOT_ACTIVITIES = ("AGREEMENT", "STATEMENT", "INVITATION")


def _defers(
    text: str, mention: EventMention, match: TriggerMatch, clause: Span, told: Sequence[tuple]
) -> bool:
    """An agreement to one activity is that activity ("agreed to meet again next year": a planned meeting),
    and so are the items of "also agreed to hold X and to exchange Y" (outcomes of talks already told); a
    package of several items with no "also" stays an agreement."""
    if not match.rule.defers_to_activity:
        return False
    end = complement(text, mention.trigger.end, clause.end)
    if end == clause.end:
        return False  # "agreed on a variety of military exchanges": an agreement on a topic
    activity = any(
        other.trigger.start >= end
        and other.trigger.start < clause.end
        and other.event_type not in _NOT_ACTIVITIES
        for other, _, _ in told
    )
    if not activity:
        return False
    items = 1 + len(_MORE_INFINITIVES_RE.findall(text, end, clause.end))
    return items == 1 or bool(
        _ALSO_BEFORE_RE.search(text, max(0, mention.trigger.start - 12), mention.trigger.start)
    )
