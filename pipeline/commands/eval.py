"""``dateline eval timex GOLD.jsonl [--errors N] [--json] [--system SYSTEM.jsonl]``.

Runs the tagger on every gold document (its ``text`` and ``dct``) and prints TempEval-3 scores; with
``--system`` it scores that file (the output of ``dateline tag --jsonl``) instead, so any tagger can be
compared on the same footing. Unusable lines get a one-line ``file:line: reason`` message and exit code 2;
the other documents are still scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score Dateline against a gold file",
        description="Score Dateline against hand-annotated gold files.",
    )
    tasks = parser.add_subparsers(dest="task", metavar="TASK")
    timex = tasks.add_parser(
        "timex",
        help="TempEval-3 scores of the temporal tagger (extent, type, value)",
        description="TempEval-3 scores of the temporal tagger against a gold JSONL file "
        '(one {"id", "dct", "text", "timexes": [{"start", "end", "text", "type", "value"}]} per line).',
    )
    timex.add_argument("gold", type=Path, help="gold JSONL file")
    timex.add_argument("--errors", type=_count, default=0, metavar="N", help="list the N worst errors")
    timex.add_argument("--json", action="store_true", help="print the metrics as JSON")
    timex.add_argument(
        "--system",
        type=Path,
        help="score this JSONL output (e.g. of `dateline tag --jsonl`) instead of tagging",
    )
    timex.set_defaults(func=run_timex)
    parser.set_defaults(func=lambda args: _usage(parser))


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _read(path: Path, need_text: bool) -> tuple[dict, list[str]]:
    from pipeline.evaluation.timex_scores import parse_documents

    try:
        with path.open(encoding="utf-8") as handle:
            return parse_documents(path, handle, need_text)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc.__class__.__name__
        return {}, [f"{path}:0: cannot read ({reason})"]


def tag_documents(gold: dict[str, dict], lexicon_dir: Path | None = None) -> tuple[dict, list[str]]:
    """Run the tagger on each gold document; a document the tagger fails on counts as 'found nothing'."""
    from pipeline.timex import tag

    system, failures = {}, []
    for doc_id, doc in gold.items():
        dct = date.fromisoformat(doc["dct"]) if doc.get("dct") else None
        try:
            found = tag(doc["text"], dct, lexicon_dir)
        except Exception as exc:  # one bad document must not hide the scores of the others
            failures.append(f"document {doc_id}: tagger failed: {exc.__class__.__name__}: {exc}")
            found = []
        timexes = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
            for t in found
        ]
        system[doc_id] = {"id": doc_id, "dct": doc.get("dct"), "timexes": timexes}
    return system, failures


def run_timex(args: argparse.Namespace) -> int:
    from pipeline.evaluation.timex_scores import format_report, score_documents

    gold, problems = _read(args.gold, need_text=True)
    failures: list[str] = []
    if args.system is not None:
        system, system_problems = _read(args.system, need_text=False)
        problems += system_problems
    else:
        system, failures = tag_documents(gold)
    for message in problems + failures:
        print(f"dateline eval: {message}", file=sys.stderr)
    if not gold:
        print(f"dateline eval: {args.gold}: no usable gold document", file=sys.stderr)
        return 2
    scores = score_documents(gold, system)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=1))
    else:
        print(format_report(scores, args.errors))
    if problems:
        return 2
    return 1 if failures else 0
