"""``dateline tag``: the temporal tagger on files or a JSONL stream, one JSON line per document.

Contract (DESIGN.md): ``{"id", "dct", "timexes": [{"start", "end", "text", "type", "value", "mod"?, "rule",
"anchor"?}]}``; offsets index the input text exactly as given. A bad document (unreadable file, invalid JSON
line, bad date) gets a one-line error on stderr naming the file and line; the others are still tagged, and
the exit code is then 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tag",
        help="find and normalise the time expressions (TIMEX3) of articles",
        description="Tag time expressions (TIMEX3) in text files or a JSONL file of {id, text, dct?} lines.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (id = path)")
    parser.add_argument("--dct", metavar="YYYY-MM-DD", help="publication date of the FILEs")
    parser.add_argument(
        "--jsonl",
        action="append",
        default=[],
        metavar="IN.jsonl",
        help='lines {"id","text","dct"?} ("-" = stdin)',
    )
    parser.add_argument(
        "--lexicon", type=Path, default=None, help="lexicon directory (default: data/lexicon)"
    )
    parser.set_defaults(func=run)


def _parse_dct(raw: Any) -> date:
    if not isinstance(raw, str):
        raise ValueError(f"dct must be a YYYY-MM-DD string, got {raw!r}")
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else date.fromisoformat("x")
    except ValueError:
        raise ValueError(f"dct {raw!r} is not a date YYYY-MM-DD") from None


def _record(doc_id: str, text: str, dct: date | None, lexicon: Path | None) -> str:
    from pipeline.timex import tag

    timexes = []
    for t in tag(text, dct, lexicon):
        item: dict[str, Any] = {
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "type": t.type,
            "value": t.value,
        }
        if t.mod:
            item["mod"] = t.mod
        item["rule"] = t.rule
        if t.anchor:
            item["anchor"] = t.anchor
        timexes.append(item)
    record = {"id": doc_id, "dct": dct.isoformat() if dct else None, "timexes": timexes}
    return json.dumps(record, ensure_ascii=False)


def _jsonl_documents(source: str, errors: list[str]) -> Iterator[tuple[str, str, date | None]]:
    try:
        handle = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        errors.append(f"{source}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{source}:{number}"
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})")
                    continue
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    errors.append(f'{where}: expected an object with a string "text"')
                    continue
                dct = None
                if item.get("dct") is not None:
                    try:
                        dct = _parse_dct(item["dct"])
                    except ValueError as exc:
                        errors.append(f"{where}: {exc}; tagged without a publication date")
                yield str(item.get("id", where)), item["text"], dct
        except UnicodeDecodeError as exc:
            errors.append(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})")


def run(args: argparse.Namespace) -> int:
    errors: list[str] = []
    dct = None
    if args.dct is not None:
        try:
            dct = _parse_dct(args.dct)
        except ValueError as exc:
            errors.append(f"--dct: {exc}; files tagged without a publication date")
    if not args.files and not args.jsonl:
        print("dateline tag: give FILE... or --jsonl IN.jsonl", file=sys.stderr)
        return 2

    def emit(doc_id: str, text: str, doc_dct: date | None) -> None:
        sys.stdout.write(_record(doc_id, text, doc_dct, args.lexicon) + "\n")
        sys.stdout.flush()

    for error in errors:
        print(f"dateline tag: {error}", file=sys.stderr)
    reported = len(errors)
    for name in args.files:
        try:
            with open(name, encoding="utf-8", newline="") as handle:  # as is: no newline translation
                text = handle.read()
        except UnicodeDecodeError as exc:
            errors.append(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        except OSError as exc:
            errors.append(f"{name}: cannot read: {exc.strerror or exc}")
        else:
            emit(name, text, dct)
        for error in errors[reported:]:
            print(f"dateline tag: {error}", file=sys.stderr)
        reported = len(errors)
    for source in args.jsonl:
        for doc_id, text, doc_dct in _jsonl_documents(source, errors):
            for error in errors[reported:]:
                print(f"dateline tag: {error}", file=sys.stderr)
            reported = len(errors)
            emit(doc_id, text, doc_dct)
    for error in errors[reported:]:
        print(f"dateline tag: {error}", file=sys.stderr)
    return 2 if errors else 0
