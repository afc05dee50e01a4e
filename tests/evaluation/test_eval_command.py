"""``dateline eval timex``: scores, errors listing, bad input handling."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.model import TimeExpression

TEXT = "Officials met yesterday and will meet again tomorrow."


def _gold_line(doc_id: str, dct: str | None = "2010-09-15") -> str:
    y, t = TEXT.index("yesterday"), TEXT.index("tomorrow")
    timexes = [
        {"start": y, "end": y + 9, "text": "yesterday", "type": "DATE", "value": "2010-09-14"},
        {"start": t, "end": t + 8, "text": "tomorrow", "type": "DATE", "value": "2010-09-16"},
    ]
    return json.dumps({"id": doc_id, "dct": dct, "text": TEXT, "timexes": timexes})


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _fake_tag(text: str, dct: date | None, lexicon_dir=None) -> list[TimeExpression]:
    """Finds 'yesterday' right, 'tomorrow' with a wrong value, and 'Officials' as a spurious date."""
    assert dct == date(2010, 9, 15)
    found = [
        ("Officials", "DATE", "PAST_REF"),
        ("yesterday", "DATE", "2010-09-14"),
        ("tomorrow", "DATE", "2011"),
    ]
    return [
        TimeExpression(start=text.index(s), end=text.index(s) + len(s), text=s, type=k, value=v, rule="fake")
        for s, k, v in found
    ]


def test_scores_the_tagger_on_the_gold_documents(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("pipeline.timex.tag", _fake_tag, raising=False)
    gold = _write(tmp_path / "gold.jsonl", [_gold_line("d1")])
    assert main(["eval", "timex", str(gold), "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert (m["gold"], m["system"]) == (2, 3)
    assert m["relaxed"]["P"] == pytest.approx(2 / 3) and m["relaxed"]["R"] == pytest.approx(1.0)
    assert m["value_accuracy"] == pytest.approx(0.5)
    assert m["value_F1"] == pytest.approx(0.8 * 0.5)


def test_lists_the_worst_errors_with_context(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("pipeline.timex.tag", _fake_tag, raising=False)
    gold = _write(tmp_path / "gold.jsonl", [_gold_line("d1"), _gold_line("d2")])
    assert main(["eval", "timex", str(gold), "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert "value F1" in out and "strict" in out and "relaxed" in out
    assert "2x VALUE" in out and "2x SPURIOUS" in out
    assert "again [tomorrow]." in out


def test_scores_a_system_file(tmp_path, capsys) -> None:
    gold = _write(tmp_path / "gold.jsonl", [_gold_line("d1")])
    y = TEXT.index("yesterday")
    system_doc = {"id": "d1", "timexes": [{"start": y, "end": y + 9, "type": "DATE", "value": "2010-09-14"}]}
    system = _write(tmp_path / "system.jsonl", [json.dumps(system_doc)])
    assert main(["eval", "timex", str(gold), "--system", str(system), "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["strict"] == {"P": 1.0, "R": 0.5, "F1": pytest.approx(2 / 3)}


def test_bad_lines_are_named_and_the_rest_is_scored(tmp_path, capsys) -> None:
    gold = _write(tmp_path / "gold.jsonl", [_gold_line("d1"), "{oops", _gold_line("d2", dct="yesterday")])
    system = _write(tmp_path / "system.jsonl", [json.dumps({"id": "d1", "timexes": []})])
    assert main(["eval", "timex", str(gold), "--system", str(system), "--json"]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert f"{gold}:2: invalid JSON" in errors[0] and f"{gold}:3:" in errors[1] and "dct" in errors[1]
    assert json.loads(captured.out)["gold"] == 2  # d1 still scored


def test_missing_file_is_a_one_line_error(tmp_path, capsys) -> None:
    missing = tmp_path / "nope.jsonl"
    assert main(["eval", "timex", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(missing) in err and len(err.splitlines()) == 2  # the reason, then "no usable gold document"


def test_a_failing_tagger_does_not_hide_the_other_documents(tmp_path, monkeypatch, capsys) -> None:
    def flaky(text, dct, lexicon_dir=None):
        if dct is None:
            raise RuntimeError("boom")
        return _fake_tag(text, dct)

    monkeypatch.setattr("pipeline.timex.tag", flaky, raising=False)
    gold = _write(tmp_path / "gold.jsonl", [_gold_line("ok"), _gold_line("bad", dct=None)])
    assert main(["eval", "timex", str(gold), "--json"]) == 1
    captured = capsys.readouterr()
    assert "document bad: tagger failed: RuntimeError: boom" in captured.err
    assert json.loads(captured.out)["system"] == 3
