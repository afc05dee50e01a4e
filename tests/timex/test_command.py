"""`dateline tag`: the JSON-lines contract and its handling of bad input."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.cli import main


def test_jsonl_in_json_lines_out(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "dct": "2010-09-15", "text": "See you tomorrow."}) + "\n")
    assert main(["tag", "--jsonl", str(source)]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["id"] == "a" and record["dct"] == "2010-09-15"
    assert record["timexes"] == [
        {
            "start": 8,
            "end": 16,
            "text": "tomorrow",
            "type": "DATE",
            "value": "2010-09-16",
            "rule": "date_deictic_day",
            "anchor": "dct",
        }
    ]


def test_bad_line_is_reported_and_the_rest_tagged(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "in 2005"}\nnot json\n{"id": "b", "text": "in 2006"}\n')
    assert main(["tag", "--jsonl", str(source)]) == 2
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == ["a", "b"]
    assert f"{source}:2" in captured.err


def test_file_without_dct_has_null_dct(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks resumed yesterday.\r\n", encoding="utf-8")
    assert main(["tag", str(article), str(tmp_path / "missing.txt")]) == 2
    captured = capsys.readouterr()
    (record,) = [json.loads(x) for x in captured.out.splitlines()]
    assert record["dct"] is None and record["timexes"][0]["value"] == "XXXX-XX-XX"
    assert "missing.txt" in captured.err


def test_bad_dct_is_an_error(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("in 2005", encoding="utf-8")
    assert main(["tag", str(article), "--dct", "15/09/2010"]) == 2
    assert "--dct" in capsys.readouterr().err
