"""TempEval-3 scoring on hand-made gold/system pairs whose numbers were worked out by hand."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.evaluation.timex_scores import match_spans, parse_documents, score_documents, worst_errors

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "eval" / "score_timex.py"
DEV_GOLD = ROOT.parent / "shared" / "eval" / "timex_dev_gold.jsonl"


def span(text: str, surface: str, kind: str, value: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "text": surface, "type": kind, "value": value}


A = "On Friday, March 3, 2008, officials met for five hours. Later that year they met again."
B = "Talks ended yesterday and resume tomorrow."
C = "The embassy has been closed since 2005."

GOLD = {
    "a": {
        "id": "a",
        "dct": "2010-09-15",
        "text": A,
        "timexes": [
            span(A, "Friday, March 3, 2008", "DATE", "2008-03-03"),
            span(A, "five hours", "DURATION", "PT5H"),
            span(A, "Later that year", "DATE", "2008"),
        ],
    },
    "b": {
        "id": "b",
        "dct": "2010-09-15",
        "text": B,
        "timexes": [span(B, "yesterday", "DATE", "2010-09-14"), span(B, "tomorrow", "DATE", "2010-09-16")],
    },
    "c": {"id": "c", "dct": None, "text": C, "timexes": [span(C, "2005", "DATE", "2005")]},
}
SYSTEM = {
    "a": {
        "id": "a",
        "timexes": [
            span(A, "March 3, 2008", "DATE", "2008-03-03"),  # relaxed only, right value
            span(A, "five hours", "DURATION", "pt5h"),  # strict; values compare case-insensitively
            span(A, "that year", "DATE", "2010"),  # relaxed only, wrong value
            span(A, "met", "DATE", "XXXX-WXX-3"),  # spurious
        ],
    },
    "b": {
        "id": "b",
        "timexes": [span(B, "yesterday", "TIME", "2010-09-14")],
    },  # strict, wrong type; tomorrow missed
    # "c" absent: the system found nothing there
}


def test_known_numbers() -> None:
    m = score_documents(GOLD, SYSTEM).as_dict()
    assert (m["docs"], m["gold"], m["system"]) == (3, 6, 5)
    assert m["strict"] == pytest.approx({"P": 2 / 5, "R": 2 / 6, "F1": 4 / 11})
    assert m["relaxed"] == pytest.approx({"P": 4 / 5, "R": 4 / 6, "F1": 8 / 11})
    assert m["value_accuracy"] == pytest.approx(3 / 4)
    assert m["value_F1"] == pytest.approx(8 / 11 * 3 / 4)
    assert m["type_accuracy"] == pytest.approx(3 / 4)
    # needing the DCT or context: "Later that year", "yesterday", "tomorrow"
    assert m["dct_relative"] == pytest.approx(
        {"gold": 3, "matched": 2, "value_accuracy": 0.5, "value_recall": 1 / 3}
    )
    assert m["per_gold_type"]["DATE"] == pytest.approx(
        {"gold": 5, "relaxed_recall": 3 / 5, "value_recall": 2 / 5}
    )


def test_errors_name_document_and_context() -> None:
    errors = score_documents(GOLD, SYSTEM).errors
    kinds = sorted((e.kind, e.doc_id, e.gold_text or e.system_text) for e in errors)
    assert kinds == [
        ("MISSED", "b", "tomorrow"),
        ("MISSED", "c", "2005"),
        ("SPURIOUS", "a", "met"),
        ("VALUE", "a", "Later that year"),
    ]
    value_error = next(e for e in errors if e.kind == "VALUE")
    assert (value_error.gold_value, value_error.system_value) == ("2008", "2010")
    assert "[Later that year] they met" in value_error.context


def test_worst_errors_rank_recurring_mistakes_first() -> None:
    text = "today and today and Friday"
    gold = {
        "d": {
            "id": "d",
            "text": text,
            "timexes": [span(text, "today", "DATE", "2010-09-15", i) for i in (0, 1)],
        }
    }
    gold["d"]["timexes"].append(span(text, "Friday", "DATE", "2010-09-10"))
    worst = worst_errors(score_documents(gold, {}).errors, 5)
    assert [(n, e.gold_text) for n, e in worst] == [(2, "today"), (1, "Friday")]
    assert worst_errors(score_documents(gold, {}).errors, 1)[0][0] == 2


def test_a_system_span_matches_one_gold_span_only() -> None:
    text = "June 6-8, 2011"
    gold = [span(text, "June 6", "DATE", "2011-06-06"), span(text, "8, 2011", "DATE", "2011-06-08")]
    system = [span(text, "June 6-8, 2011", "DATE", "2011-06")]
    assert match_spans(gold, system) == [(1, 0)]  # larger overlap wins: "8, 2011" (7) over "June 6" (6)
    m = score_documents(
        {"d": {"id": "d", "text": text, "timexes": gold}}, {"d": {"timexes": system}}
    ).as_dict()
    assert m["relaxed"]["R"] == pytest.approx(0.5) and m["relaxed"]["P"] == pytest.approx(1.0)


def test_exact_match_is_preferred_over_a_larger_overlap() -> None:
    text = "the past two years"
    gold = [span(text, "past two", "DURATION", "P2Y"), span(text, "the past two years", "DURATION", "P2Y")]
    system = [span(text, "the past two years", "DURATION", "P2Y")]
    assert match_spans(gold, system) == [(1, 0)]


def test_parse_documents_reports_file_and_line() -> None:
    lines = [
        json.dumps({"id": "1", "dct": "2010-09-15", "text": "today", "timexes": []}),
        "{not json",
        json.dumps({"id": "2", "dct": "15/09/2010", "text": "x"}),
        "",
        json.dumps({"id": "3", "text": "abc", "timexes": [{"start": 2, "end": 9}]}),
        json.dumps({"id": "1", "text": "dup"}),
        json.dumps(["a list"]),
    ]
    docs, problems = parse_documents("gold.jsonl", lines, need_text=True)
    assert list(docs) == ["1"]
    assert [p.split(":")[1] for p in problems] == ["2", "3", "5", "6", "7"]
    assert all(p.startswith("gold.jsonl:") and "\n" not in p for p in problems)


def _reference():
    if not REFERENCE.exists():
        pytest.skip("reference scorer not available outside the shared workspace")
    spec = importlib.util.spec_from_file_location("reference_score_timex", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _flat(result: dict, prefix: str = "") -> dict:
    """Nested metrics as one flat dict (pytest.approx does not compare nested dicts)."""
    flat = {}
    for key, value in result.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def test_agrees_with_the_reference_scorer_on_the_hand_made_pair() -> None:
    reference = _reference()
    expected, _ = reference.score(GOLD, SYSTEM)
    assert _flat(score_documents(GOLD, SYSTEM).as_dict()) == pytest.approx(_flat(expected))


def test_agrees_with_the_reference_scorer_on_a_perturbed_dev_gold() -> None:
    reference = _reference()
    if not DEV_GOLD.exists():
        pytest.skip("dev gold not available")
    gold = reference.load(DEV_GOLD)
    system = {}
    for n, (doc_id, doc) in enumerate(gold.items()):
        timexes = []
        for i, t in enumerate(doc["timexes"]):
            t = dict(t)
            k = n + i
            if k % 4 == 1:
                continue  # dropped
            if k % 3 == 0 and t["end"] - t["start"] > 2:
                t["start"] += 1  # shorter span: relaxed but not strict
            if k % 5 == 2:
                t["value"] = "XXXX"
            timexes.append(t)
        if n % 6 == 0:
            timexes.append(
                {"start": 0, "end": 3, "text": doc["text"][:3], "type": "DATE", "value": "PAST_REF"}
            )
        system[doc_id] = {"timexes": timexes}
    expected, _ = reference.score(gold, system)
    mine = score_documents(gold, system).as_dict()
    assert mine["relaxed"]["F1"] < 1 and mine["value_accuracy"] < 1
    assert _flat(mine) == pytest.approx(_flat(expected))
