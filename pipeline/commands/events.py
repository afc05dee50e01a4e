"""``dateline events [--db PATH] [--format jsonl|csv] [--actor A] [--type T] [--status S] [--since D] ...``.

JSONL lines are the contract records of ``pipeline.export.event_record``; CSV has one row per event with the
actors joined, for spreadsheets.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

CSV_COLUMNS = (
    "event_id", "type", "plover", "cameo", "label", "date_value", "start", "end", "precision", "status",
    "n_docs", "n_mentions", "actors", "countries", "sentence", "trigger", "date_text", "explanation",
    "sources",
)  # fmt: skip
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "events",
        help="print the deduplicated events of the store (JSONL or CSV)",
        description="Print the deduplicated events, oldest first (undated last), each with its mentions.",
    )
    parser.add_argument(
        "--db", type=Path, help="event store (default data/store/dateline.duckdb; DATELINE_DB overrides it)"
    )
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (jsonl)")
    parser.add_argument("--actor", help="actor name or alias (case-insensitive substring) or country code")
    parser.add_argument("--type", help="event type, e.g. VISIT, MEETING")
    parser.add_argument("--status", help="occurred, planned, recurring, ongoing or cancelled")
    parser.add_argument("--since", help="events reaching on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument(
        "--until", help="events reaching on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    parser.set_defaults(func=run)


def parse_bound(text: str, end: bool) -> date:
    """'2008' -> 2008-01-01 (or 2008-12-31 when ``end``); '2008-03' -> first/last day; full dates as given."""
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), last if end else 1)
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date: {exc}") from exc


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if value is None:
        return None
    for option in allowed:
        if option.lower() == value.strip().lower():
            return option
    raise ValueError(f"unknown {name} {value!r} (one of {', '.join(allowed)})")


def run(args: argparse.Namespace) -> int:
    from pipeline.config import Settings
    from pipeline.model import EVENT_STATUSES, EVENT_TYPES
    from pipeline.store import Store, StoreError

    try:
        type_ = _choice(args.type, EVENT_TYPES, "event type")
        status = _choice(args.status, EVENT_STATUSES, "status")
        since = parse_bound(args.since, end=False) if args.since else None
        until = parse_bound(args.until, end=True) if args.until else None
    except ValueError as exc:
        print(f"dateline events: {exc}", file=sys.stderr)
        return 2
    db_path = args.db or Settings().db_path
    try:
        with Store(db_path, read_only=True) as store:
            records = store.events(actor=args.actor, type=type_, status=status, since=since, until=until)
    except StoreError as exc:
        print(f"dateline events: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a file that is not a Dateline store
        if type(exc).__module__.startswith("duckdb") or type(exc).__module__.startswith("_duckdb"):
            print(f"dateline events: {db_path} is not a usable event store ({exc}); "
                  "run `dateline ingest PATH... --db` to build one", file=sys.stderr)  # fmt: skip
            return 2
        raise
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_row(r) for r in records)
    else:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row: actors as 'Name (COUNTRY, role)' joined by '; ', the main mention's provenance."""
    main = record["mentions"][0] if record["mentions"] else {}
    actors = [
        f"{a['name']} ({', '.join(x for x in (a.get('country'), a.get('role')) if x)})"
        for a in record["actors"]
    ]
    countries = dict.fromkeys(a["country"] for a in record["actors"] if a.get("country"))
    sources = dict.fromkeys(m.get("source") or m["doc_id"] for m in record["mentions"])
    return {
        **{k: record.get(k) for k in CSV_COLUMNS if k in record},
        "n_mentions": len(record["mentions"]),
        "actors": "; ".join(actors),
        "countries": "; ".join(countries),
        "sentence": main.get("sentence"),
        "trigger": main.get("trigger"),
        "date_text": main.get("date_text"),
        "explanation": main.get("explanation"),
        "sources": "; ".join(sources),
    }
