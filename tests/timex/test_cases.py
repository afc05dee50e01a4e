"""Our own wording for the classes of expressions the tagger must generalise over (``cases/*.json``).

Same format as the golden specs (``tests/specs/timex``): ``{"input", "dct", "results": [{"text", "type",
"value", "mod"?}], "note"?}``. Each file covers one class of English wording (tense and direction of dates
without a year, narrative year context, TimeBank-style business and wire news...) with sentences written for
these tests, none taken from the dev or held-out articles.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.timex import tag
from pipeline.timex.validate import is_valid_value

CASE_DIR = Path(__file__).parent / "cases"
_ABSENT = object()


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASE_DIR.glob("*.json")):
        for index, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            out.append((f"{path.stem}:{index}", case))
    return out


CASES = _load()


def _row(item: dict | None) -> str:
    if item is None:
        return "-"
    mod = item.get("mod")
    return f"{item['text']!r} {item['type']} {item['value']}" + (f" mod={mod}" if mod else "")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_case(case: dict) -> None:
    dct = date.fromisoformat(case["dct"]) if case["dct"] else None
    found = tag(case["input"], dct)
    actual = [{"text": t.text, "type": t.type, "value": t.value, "mod": t.mod} for t in found]
    expected = case["results"]

    def same(e: dict, a: dict) -> bool:
        keys = ("text", "type", "value") + (("mod",) if "mod" in e else ())
        return all(e[k] == a[k] for k in keys)

    ok = len(expected) == len(actual) and all(same(e, a) for e, a in zip(expected, actual, strict=True))
    width = max(len(expected), len(actual))
    padded = zip(expected + [None] * width, actual + [None] * width, strict=False)
    rows = [f"{_row(e):<50} {_row(a)}" for e, a in list(padded)[:width]]
    assert ok, f"\n{case['input']!r} dct={case['dct']}\n" + "\n".join(rows)


@pytest.mark.parametrize("case_id,case", CASES, ids=[i for i, _ in CASES])
def test_case_is_well_formed(case_id: str, case: dict) -> None:
    position = 0
    for result in case["results"]:
        found = case["input"].find(result["text"], position)
        assert found >= 0, f"{case_id}: {result['text']!r} not in the input (in order)"
        position = found + len(result["text"])
        assert is_valid_value(result["value"], result["type"]), f"{case_id}: {result}"
