"""``dateline events`` and ``dateline ingest`` argument handling, on a store built from hand-made analyses."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from pipeline.cli import main
from pipeline.commands.events import parse_bound
from pipeline.store import Store
from tests.store.builders import GATES, RUSSIA, analysis, day, document, mention

S1 = "Gates hosted meetings with Serdyukov today at the Pentagon."
S2 = "Gates last visited Russia in March 2008."


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cmd") / "t.duckdb"
    d = document(f"{S1} {S2}", date(2010, 9, 15), "seed.txt")
    a = analysis(
        d,
        mention(d, S1, "meetings", "MEETING", **day("2010-09-15"), date_text="today"),
        mention(d, S2, "visited", "VISIT", actors=(GATES, RUSSIA), value="2008-03", start=date(2008, 3, 1),
                end=date(2008, 3, 31), precision="month", date_text="March 2008"),
    )  # fmt: skip
    with Store(path) as store:
        store.add([a])
        store.rebuild_events()
    return str(path)


def _jsonl(capsys):
    return [json.loads(x) for x in capsys.readouterr().out.splitlines()]


def test_jsonl_records_in_date_order(db, capsys):
    assert main(["events", "--db", db]) == 0
    records = _jsonl(capsys)
    assert [r["type"] for r in records] == ["VISIT", "MEETING"]
    assert set(records[0]) >= {"event_id", "plover", "cameo", "label", "actors", "n_docs", "mentions"}


def test_filters_combine(db, capsys):
    assert main(["events", "--db", db, "--actor", "serdyukov", "--type", "meeting", "--since", "2010"]) == 0
    assert [r["type"] for r in _jsonl(capsys)] == ["MEETING"]
    assert main(["events", "--db", db, "--actor", "RUS", "--until", "2008-03"]) == 0
    assert [r["type"] for r in _jsonl(capsys)] == ["VISIT"]


def test_csv_has_one_row_per_event_with_actors_joined(db, capsys):
    assert main(["events", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2
    assert rows[1]["actors"] == "Robert M. Gates (USA, actor); Anatoliy Serdyukov (RUS, recipient)"
    assert rows[1]["date_text"] == "today" and rows[1]["n_mentions"] == "1"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "2010-13-01"], "not a valid date"),
        (["--until", "yesterday"], "not a date"),
        (["--type", "PARTY"], "unknown event type"),
        (["--status", "maybe"], "unknown status"),
    ],
)
def test_bad_options_exit_2_with_a_clear_message(db, capsys, args, message):
    assert main(["events", "--db", db, *args]) == 2
    assert message in capsys.readouterr().err


def test_missing_store_says_to_ingest(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "dateline ingest" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def test_ingest_of_only_missing_paths_exits_2_without_creating_a_store(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "s.duckdb")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    assert not (tmp_path / "s.duckdb").exists()


def test_date_bounds_take_the_whole_period():
    assert parse_bound("2008", end=False) == date(2008, 1, 1)
    assert parse_bound("2008", end=True) == date(2008, 12, 31)
    assert parse_bound("2008-02", end=True) == date(2008, 2, 29)
    assert parse_bound("2008-02-03", end=True) == date(2008, 2, 3)
