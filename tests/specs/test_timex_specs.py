"""Golden cases for the temporal tagger, kept as data in ``tests/specs/timex/*.json``.

Each case is ``{"input", "dct", "results": [{"text", "type", "value", "mod"?}], "note"?}``; the tagger must
return exactly these expressions, in order. ``mod`` is compared only when the case states it (``null`` then
means "no mod"). The cases were written from shared/TIMEX3.md and TimeML practice without looking at the
engine, so a failure is a disagreement with the specification, not with an implementation detail.
"""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import pytest

SPEC_DIR = Path(__file__).parent / "timex"
_ABSENT = object()


def _load_validator():
    path = Path(__file__).resolve().parents[1] / "timex" / "timex_values.py"
    spec = importlib.util.spec_from_file_location("_timex_values_for_specs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load_cases() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(SPEC_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data):
            cases.append((f"{path.stem}:{index}", case))
    return cases


CASES = _load_cases()
VALUES = _load_validator()


def _expected(case: dict) -> list[tuple]:
    return [(r["text"], r["type"], r["value"], r.get("mod", _ABSENT)) for r in case["results"]]


def _actual(timexes) -> list[tuple]:
    return [(t.text, t.type, t.value, t.mod) for t in timexes]


def _same(expected: tuple, actual: tuple) -> bool:
    if expected[3] is _ABSENT:
        return expected[:3] == actual[:3]
    return expected == actual


def _show(item: tuple | None) -> str:
    if item is None:
        return "-"
    text, kind, value, mod = item
    mod_part = "" if mod is _ABSENT or mod is None else f" mod={mod}"
    return f"{text!r} {kind} {value}{mod_part}"


def _diff(case: dict, expected: list[tuple], actual: list[tuple]) -> str:
    """A side-by-side table, one row per position, with the first differing rows marked."""
    lines = [f"input: {case['input'][:300]!r}", f"dct:   {case['dct']}"]
    if case.get("note"):
        lines.append(f"note:  {case['note']}")
    lines.append(f"   {'expected':<48} actual")
    for i in range(max(len(expected), len(actual))):
        exp = expected[i] if i < len(expected) else None
        act = actual[i] if i < len(actual) else None
        ok = exp is not None and act is not None and _same(exp, act)
        lines.append(f"{'  ' if ok else '!!'} {_show(exp):<48} {_show(act)}")
    return "\n".join(lines)


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_golden_case(case: dict) -> None:
    from pipeline.timex import tag

    dct = date.fromisoformat(case["dct"]) if case["dct"] else None
    timexes = tag(case["input"], dct)
    for t in timexes:
        assert case["input"][t.start : t.end] == t.text, f"offsets of {t.text!r} do not point at it"
    expected, actual = _expected(case), _actual(timexes)
    same = len(expected) == len(actual) and all(_same(e, a) for e, a in zip(expected, actual, strict=True))
    assert same, "\n" + _diff(case, expected, actual)


# --- the specification itself must be well formed (these run without the engine) ---------------------


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 400, f"only {len(CASES)} golden cases"


@pytest.mark.parametrize("case_id,case", CASES, ids=[i for i, _ in CASES])
def test_case_is_well_formed(case_id: str, case: dict) -> None:
    assert set(case) <= {"input", "dct", "results", "note"}, case_id
    assert isinstance(case["input"], str) and case["input"], case_id
    if case["dct"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", case["dct"]) and date.fromisoformat(case["dct"])
    position = 0
    for result in case["results"]:
        assert set(result) <= {"text", "type", "value", "mod"}, result
        found = case["input"].find(result["text"], position)
        assert found >= 0, f"{case_id}: {result['text']!r} not found (in order) in the input"
        position = found + len(result["text"])
        assert result["text"] == result["text"].strip(), f"{case_id}: padded span {result['text']!r}"
        assert VALUES.is_valid_value(result["value"], result["type"]), f"{case_id}: {result}"
        assert VALUES.is_valid_mod(result.get("mod")), f"{case_id}: {result}"
