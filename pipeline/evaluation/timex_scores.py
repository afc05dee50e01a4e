"""TempEval-3 scores of temporal expressions (UzZaman et al. 2013, task A): extent, type and value.

Gold and system are documents
``{"id", "dct", "text", "timexes": [{"start", "end", "text", "type", "value"}]}``.
A system expression matches a gold one when their spans overlap; each may match once, exact spans first, then
the larger overlap, then the closer start (ties: the later span). Strict extent counts exact spans only. Type
and value are judged on the relaxed matches, case-insensitively, and value-F1 = relaxed F1 x value accuracy,
the figure news pipelines are compared on. Numbers agree with the project's reference scorer
(shared/eval/score_timex.py); tests/evaluation checks that on hand-made pairs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# A gold value needs the DCT or the context when it names a year its text does not contain ("Friday").
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2}|'\d\d)(?!\d)")
_YEAR_VALUE = re.compile(r"\d{4}")


class InputError(ValueError):
    """A line of a gold or system file that cannot be scored; ``str()`` is ``file:line: reason``."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = str(path), line, message


@dataclass(frozen=True)
class TimexError:
    """One disagreement, with enough context to find and fix it."""

    kind: str  # MISSED | SPURIOUS | VALUE | TYPE
    doc_id: str
    gold_text: str = ""
    gold_value: str = ""
    system_text: str = ""
    system_value: str = ""
    context: str = ""


@dataclass
class TimexScores:
    """Counts over a corpus and the metrics derived from them."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    context_gold: int = 0
    context_matched: int = 0
    context_value_ok: int = 0
    gold_by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)
    right_by_type: Counter = field(default_factory=Counter)
    errors: list[TimexError] = field(default_factory=list)

    def prf(self, hits: int) -> dict[str, float]:
        precision = hits / self.system if self.system else 0.0
        recall = hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"P": precision, "R": recall, "F1": f1}

    def as_dict(self) -> dict:
        relaxed_f1 = self.prf(self.relaxed)["F1"]
        value_acc = _ratio(self.value_ok, self.relaxed)
        type_acc = _ratio(self.type_ok, self.relaxed)
        return {
            "docs": self.docs,
            "gold": self.gold,
            "system": self.system,
            "strict": self.prf(self.strict),
            "relaxed": self.prf(self.relaxed),
            "value_accuracy": value_acc,
            "value_F1": relaxed_f1 * value_acc,
            "type_accuracy": type_acc,
            "type_F1": relaxed_f1 * type_acc,
            "dct_relative": {
                "gold": self.context_gold,
                "matched": self.context_matched,
                "value_accuracy": _ratio(self.context_value_ok, self.context_matched),
                "value_recall": _ratio(self.context_value_ok, self.context_gold),
            },
            "per_gold_type": {
                kind: {
                    "gold": n,
                    "relaxed_recall": _ratio(self.found_by_type[kind], n),
                    "value_recall": _ratio(self.right_by_type[kind], n),
                }
                for kind, n in sorted(self.gold_by_type.items(), key=lambda item: str(item[0]))
            },
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _same(a: object, b: object) -> bool:
    return str(a or "").strip().upper() == str(b or "").strip().upper()


def needs_context(gold: Mapping) -> bool:
    """True for gold expressions whose year comes from the DCT or the discourse, not from their text."""
    return bool(_YEAR_VALUE.match(str(gold.get("value") or ""))) and not _YEAR_IN_TEXT.search(
        str(gold.get("text") or "")
    )


def match_spans(gold: Sequence[Mapping], system: Sequence[Mapping]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping spans, best pairs claimed first."""
    ranked = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap <= 0:
                continue
            exact = g["start"] == s["start"] and g["end"] == s["end"]
            # sort ascending on the negated preferences: exact, larger overlap, closer start, later spans
            ranked.append((not exact, -overlap, abs(g["start"] - s["start"]), -gi, -si))
    taken_gold: set[int] = set()
    taken_system: set[int] = set()
    pairs = []
    for _, _, _, neg_gi, neg_si in sorted(ranked):
        gi, si = -neg_gi, -neg_si
        if gi not in taken_gold and si not in taken_system:
            taken_gold.add(gi)
            taken_system.add(si)
            pairs.append((gi, si))
    return pairs


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def score_documents(gold_docs: Mapping[str, Mapping], system_docs: Mapping[str, Mapping]) -> TimexScores:
    """Score system against gold, joined on document id; a gold document the system lacks found nothing."""
    scores = TimexScores()
    for doc_id, gold_doc in gold_docs.items():
        scores.docs += 1
        text = gold_doc.get("text") or ""
        gold = sorted(gold_doc.get("timexes") or [], key=lambda t: t["start"])
        system = sorted((system_docs.get(doc_id) or {}).get("timexes") or [], key=lambda t: t["start"])
        scores.gold += len(gold)
        scores.system += len(system)
        pairs = match_spans(gold, system)
        for g in gold:
            scores.gold_by_type[g.get("type")] += 1
            scores.context_gold += needs_context(g)
        for gi, si in pairs:
            g, s = gold[gi], system[si]
            value_ok = _same(g.get("value"), s.get("value"))
            scores.relaxed += 1
            scores.strict += g["start"] == s["start"] and g["end"] == s["end"]
            scores.value_ok += value_ok
            scores.type_ok += _same(g.get("type"), s.get("type"))
            scores.found_by_type[g.get("type")] += 1
            scores.right_by_type[g.get("type")] += value_ok
            if needs_context(g):
                scores.context_matched += 1
                scores.context_value_ok += value_ok
            if not value_ok:
                scores.errors.append(_error("VALUE", doc_id, text, g, s))
        matched_gold = {gi for gi, _ in pairs}
        matched_system = {si for _, si in pairs}
        scores.errors += [
            _error("MISSED", doc_id, text, g, None) for i, g in enumerate(gold) if i not in matched_gold
        ]
        scores.errors += [
            _error("SPURIOUS", doc_id, text, None, s) for i, s in enumerate(system) if i not in matched_system
        ]
    return scores


def _error(kind: str, doc_id: str, text: str, gold: Mapping | None, system: Mapping | None) -> TimexError:
    where = gold if gold is not None else system
    return TimexError(
        kind=kind,
        doc_id=doc_id,
        gold_text=(gold or {}).get("text", ""),
        gold_value=str((gold or {}).get("value", "")),
        system_text=(system or {}).get("text", ""),
        system_value=str((system or {}).get("value", "")),
        context=_context(text, where["start"], where["end"]) if text else "",
    )


def worst_errors(errors: Iterable[TimexError], limit: int) -> list[tuple[int, TimexError]]:
    """Errors that recur most (same kind, surface and values) first: one example of each, with its count."""
    groups: dict[tuple, list[TimexError]] = {}
    for e in errors:
        key = (e.kind, e.gold_text.lower(), e.gold_value, e.system_text.lower(), e.system_value)
        groups.setdefault(key, []).append(e)
    ranked = sorted(groups.values(), key=lambda group: -len(group))
    return [(len(group), group[0]) for group in ranked[: max(limit, 0)]]


def format_report(scores: TimexScores, n_errors: int = 0) -> str:
    """The metrics as a small table, then the worst errors."""
    m = scores.as_dict()

    def pct(x: float) -> str:
        return f"{100 * x:6.2f}"

    rel = m["dct_relative"]
    lines = [
        f"documents {m['docs']}   gold timexes {m['gold']}   system timexes {m['system']}",
        "                P       R      F1",
        f"strict    {pct(m['strict']['P'])}  {pct(m['strict']['R'])}  {pct(m['strict']['F1'])}",
        f"relaxed   {pct(m['relaxed']['P'])}  {pct(m['relaxed']['R'])}  {pct(m['relaxed']['F1'])}",
        f"value accuracy {pct(m['value_accuracy'])}   value F1 {pct(m['value_F1'])}   (on relaxed matches)",
        f"type accuracy  {pct(m['type_accuracy'])}   type F1  {pct(m['type_F1'])}",
        f"needing DCT/context: {rel['gold']} gold, {rel['matched']} matched, "
        f"value accuracy {pct(rel['value_accuracy'])}, value recall {pct(rel['value_recall'])}",
        "per gold type: "
        + "  ".join(
            f"{kind}: n={v['gold']} extent-R={100 * v['relaxed_recall']:.0f} "
            f"value-R={100 * v['value_recall']:.0f}"
            for kind, v in m["per_gold_type"].items()
        ),
    ]
    worst = worst_errors(scores.errors, n_errors)
    if worst:
        lines.append(f"worst errors ({len(scores.errors)} in all; most frequent first):")
        for count, e in worst:
            gold = f"{e.gold_text!r} {e.gold_value}" if e.kind != "SPURIOUS" else "-"
            system = f"{e.system_text!r} {e.system_value}" if e.kind != "MISSED" else "-"
            lines.append(f"  {count:3d}x {e.kind:<8} doc {e.doc_id}  gold {gold}  system {system}")
            lines.append(f"        {e.context}")
    return "\n".join(lines)


def parse_documents(
    path: str | Path, lines: Iterable[str], need_text: bool
) -> tuple[dict[str, dict], list[str]]:
    """Documents keyed by id from JSON lines, and one ``file:line: reason`` message per unusable line."""
    docs: dict[str, dict] = {}
    problems = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = _check_document(json.loads(line), need_text)
        except json.JSONDecodeError as exc:
            problems.append(str(InputError(path, number, f"invalid JSON ({exc.msg})")))
            continue
        except InputError as exc:
            problems.append(str(InputError(path, number, exc.message)))
            continue
        if doc["id"] in docs:
            problems.append(str(InputError(path, number, f"duplicate document id {doc['id']!r}")))
            continue
        docs[doc["id"]] = doc
    return docs, problems


def _check_document(doc: object, need_text: bool) -> dict:
    if not isinstance(doc, dict):
        raise InputError("", 0, "a line must be a JSON object")
    if not isinstance(doc.get("id"), str | int) or isinstance(doc.get("id"), bool):
        raise InputError("", 0, "missing or invalid 'id'")
    text = doc.get("text")
    if need_text and not isinstance(text, str):
        raise InputError("", 0, "missing 'text'")
    dct = doc.get("dct")
    if dct is not None:
        try:
            date.fromisoformat(dct)
        except (TypeError, ValueError):
            raise InputError("", 0, f"'dct' must be YYYY-MM-DD or null, got {dct!r}") from None
    timexes = doc.get("timexes", [])
    if not isinstance(timexes, list):
        raise InputError("", 0, "'timexes' must be a list")
    for t in timexes:
        start, end = (t.get("start"), t.get("end")) if isinstance(t, dict) else (None, None)
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)) or start >= end:
            raise InputError("", 0, f"timex without integer start < end: {t}")
        if isinstance(text, str) and end > len(text):
            raise InputError("", 0, f"timex {start}:{end} runs past the end of the text")
        if not isinstance(t.get("text", ""), str):
            raise InputError("", 0, f"timex text must be a string: {t}")
    return {**doc, "id": str(doc["id"])}
