"""Acceptance on the seeds (issue 3): ``dateline ingest data/articles`` through the real command, then events.

These assert what the issue asks for, not what the pipeline happens to output today.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.snapshot_schema import SNAPSHOT_TABLES

DATELINE = Path(sys.executable).with_name("dateline")


def dateline(*args: str) -> subprocess.CompletedProcess:
    exe = [str(DATELINE)] if DATELINE.exists() else [sys.executable, "-m", "pipeline.cli"]
    return subprocess.run([*exe, *args], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def store(tmp_path_factory, articles_dir):
    root = tmp_path_factory.mktemp("e2e")
    db = root / "store.duckdb"
    first = dateline("ingest", str(articles_dir), "--db", str(db), "--no-progress")
    assert first.returncode == 0, first.stderr
    out = dateline("events", "--db", str(db), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return {"db": db, "events": events, "first": first, "jsonl": out.stdout}


def find(events, sentence: str, trigger: str | None = None, types: tuple[str, ...] = ()) -> dict:
    """The one event with a mention whose sentence contains ``sentence`` (and trigger matches ``trigger``)."""
    found = {
        e["event_id"]: e
        for e in events
        for m in e["mentions"]
        if sentence.lower() in m["sentence"].lower()
        and (trigger is None or re.search(trigger, m["trigger"], re.I))
        and (not types or e["type"] in types)
    }
    assert len(found) == 1, (
        f"{len(found)} events for {sentence!r}/{trigger!r}: {[e['label'] for e in found.values()]}"
    )
    return next(iter(found.values()))


def test_gates_visit_to_russia_march_2008(store):
    event = find(store["events"], "Gates last visited Russia in March 2008", r"visit", ("VISIT",))
    assert event["date_value"] == "2008-03" and event["status"] == "occurred"


def test_georgia_invasion_later_in_2008(store):
    event = find(store["events"], "Russia invaded neighboring Georgia", r"invad", ("MILITARY_FORCE",))
    assert event["status"] == "occurred"
    assert event["date_value"].startswith("2008")
    assert event["start"] >= "2008-03-01" and event["end"] <= "2008-12-31"


def test_pentagon_meetings_today(store):
    event = find(store["events"], "Gates hosted five hours of meetings", r"meet", ("MEETING",))
    assert (event["date_value"], event["status"]) == ("2010-09-15", "occurred")


def test_memorandum_is_one_event_from_both_seeds(store):
    event = find(
        store["events"], "The leaders signed a memo", r"sign|memo", ("AGREEMENT", "AGREEMENT_SIGNED")
    )
    assert (event["date_value"], event["status"]) == ("2010-09-15", "occurred")
    assert event["n_docs"] == 2
    assert len({m["doc_id"] for m in event["mentions"]}) == 2


def test_working_group_agreement_is_its_own_event(store):
    event = find(store["events"], "creating a defense relations working group", r"sign|agree",
                 ("AGREEMENT", "AGREEMENT_SIGNED"))  # fmt: skip
    memo = find(store["events"], "The leaders signed a memo", r"sign|memo", ("AGREEMENT", "AGREEMENT_SIGNED"))
    assert event["event_id"] != memo["event_id"]
    assert (event["date_value"], event["status"]) == ("2010-09-15", "occurred")


def test_riverboat_dinner(store):
    event = find(store["events"], "private riverboat dinner", r"dinner")
    meetings = find(store["events"], "Gates hosted five hours of meetings", r"meeting", ("MEETING",))
    assert event["event_id"] != meetings["event_id"]
    assert event["date_value"] == "2010-09-15"


def test_fort_belvoir_tour_tomorrow_is_planned(store):
    event = find(store["events"], "plans to tour Fort Belvoir", r"tour", ("VISIT",))
    assert (event["date_value"], event["status"]) == ("2010-09-16", "planned")
    assert any((m["date_text"] or "").lower() == "tomorrow" for m in event["mentions"])


def test_naval_academy_tour_is_planned_and_undated(store):
    event = find(store["events"], "tour the U.S. Naval Academy", r"tour", ("VISIT",))
    assert event["status"] == "planned"
    assert event["start"] is None and event["date_value"] in (None, "FUTURE_REF")


def test_invitation_last_year(store):
    event = find(store["events"], "invited Serdyukov to the Pentagon last year", r"invit", ("INVITATION",))
    assert event["date_value"] == "2009"


def test_last_russian_minister_visit_to_the_pentagon_2005(store):
    event = find(store["events"], "has visited the Pentagon since 2005", r"^visited$", ("VISIT",))
    assert event["date_value"] == "2005"


def test_annual_meetings_recurring(store):
    event = find(store["events"], "will meet at least once a year", r"meet", ("MEETING",))
    assert event["status"] == "recurring"


def test_resumed_exercises_and_troop_exchange_planned(store):
    exercises = find(store["events"], "agreed to resume bilateral military exercises", r"exercise",
                     ("JOINT_EXERCISE",))  # fmt: skip
    exchange = find(store["events"], "a troop exchange that will start", r"exchange", ("PERSONNEL_EXCHANGE",))
    assert exercises["status"] == "planned" and exchange["status"] == "planned"


def test_gates_and_serdyukov_are_one_actor_each(store):
    names = {a["name"] for e in store["events"] for a in e["actors"]}
    assert len([n for n in names if re.search(r"\bGates\b", n)]) == 1, names
    assert len([n for n in names if re.search(r"Serd[yi]?u?kov", n, re.I)]) == 1, names


def test_every_event_keeps_its_provenance(store):
    assert store["events"]
    for event in store["events"]:
        assert event["mentions"] and event["n_docs"] == len({m["doc_id"] for m in event["mentions"]})
        for m in event["mentions"]:
            assert m["sentence"] and m["trigger"] and m["trigger"] in m["sentence"]


def test_reingesting_adds_nothing(store, articles_dir):
    again = dateline("ingest", str(articles_dir), "--db", str(store["db"]), "--no-progress")
    assert again.returncode == 0, again.stderr
    assert "0 document(s) added" in again.stdout
    out = dateline("events", "--db", str(store["db"]), "--format", "jsonl")
    assert out.stdout == store["jsonl"]


def test_snapshot_exists_and_matches_the_schema(store):
    snapshot = store["db"].with_suffix(".parquet")
    con = duckdb.connect()
    for table, columns in SNAPSHOT_TABLES.items():
        path = str(snapshot / f"{table}.parquet").replace("'", "''")
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        assert [(r[0], r[1]) for r in described] == list(columns.items())
    n = con.execute(f"SELECT count(*) FROM read_parquet('{snapshot / 'events.parquet'}')").fetchone()[0]
    assert n == len(store["events"])


def test_a_bad_file_is_skipped_with_one_line_and_exit_1(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    (folder / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    result = dateline("ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "--no-progress")
    assert result.returncode == 1
    lines = [x for x in result.stderr.splitlines() if x.startswith("dateline: skipped")]
    assert len(lines) == 1 and "broken.jsonl" in lines[0]
    assert "2 document(s) added" in result.stdout


def test_events_filters_and_errors(store):
    db = str(store["db"])
    planned = dateline("events", "--db", db, "--status", "planned")
    assert planned.returncode == 0
    assert {json.loads(x)["status"] for x in planned.stdout.splitlines()} == {"planned"}
    gates = [json.loads(x) for x in dateline("events", "--db", db, "--actor", "gates").stdout.splitlines()]
    assert gates and all(any("gates" in a["name"].lower() for a in e["actors"]) for e in gates)
    since = [
        json.loads(x) for x in dateline("events", "--db", db, "--since", "2010-09-16").stdout.splitlines()
    ]
    assert since and all(e["end"] >= "2010-09-16" for e in since)
    assert dateline("events", "--db", db, "--since", "15/09/2010").returncode == 2
    missing = dateline("events", "--db", db + ".nope")
    assert missing.returncode == 2 and "dateline ingest" in missing.stderr
    csv_out = dateline("events", "--db", db, "--format", "csv")
    assert csv_out.returncode == 0 and csv_out.stdout.splitlines()[0].startswith("event_id,type,")
    assert len(csv_out.stdout.splitlines()) >= len(store["events"]) + 1
