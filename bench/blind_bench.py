"""Second blind set: ``python -m bench.blind_bench [--keep DIR] [--details]``.

Same measurement as ``bench.heldout_bench`` (the real command line, the reference scorers as subprocesses),
on ``bench/blind``: 12 articles written and annotated after the first held-out set had been used for
tuning (see its README). The heldout module reads its own paths, so this one reuses its steps and table by
import and only points them at the blind files. Writes ``bench/results/blind_bench.json``. ``--details``
prints the scorers' error lists: blind content, for the set's maintainer only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.heldout_bench import RESULTS, ROOT, SHARED_EVAL, StepError, dateline_exe, run, score, table

BLIND = ROOT / "bench" / "blind"


@dataclass(frozen=True)
class GoldSet:
    """Where a gold set lives: its articles and its two gold files."""

    articles: Path
    timex_gold: Path
    events_gold: Path

    @classmethod
    def at(cls, root: Path) -> GoldSet:
        return cls(root / "articles", root / "timex_gold.jsonl", root / "events_gold.json")

    def counts(self) -> dict[str, int]:
        lines = self.timex_gold.read_text(encoding="utf-8").splitlines()
        docs = [json.loads(x) for x in lines if x.strip()]
        events = json.loads(self.events_gold.read_text(encoding="utf-8"))
        return {
            "articles": len(list(self.articles.glob("*.txt"))),
            "timex_docs": len(docs),
            "timexes": sum(len(d["timexes"]) for d in docs),
            "events": len(events),
        }


def evaluate(gold: GoldSet, workdir: Path, details: bool) -> dict[str, Any]:
    """Ingest, list events and tag exactly as a client would, then score both outputs."""
    exe = dateline_exe()
    db = workdir / "blind.duckdb"
    events_out = workdir / "events.jsonl"
    tag_out = workdir / "tag.jsonl"
    _, t_ingest = run([exe, "ingest", str(gold.articles), "--db", str(db)], "dateline ingest")
    _, t_events = run([exe, "events", "--db", str(db), "--format", "jsonl"], "dateline events", events_out)
    _, t_tag = run([exe, "tag", "--jsonl", str(gold.timex_gold)], "dateline tag", tag_out)
    timex_extra = ["--errors", "80"] if details else []
    events_extra = ["--misses"] if details else []
    timex, timex_errors = score("score_timex.py", gold.timex_gold, tag_out, timex_extra)
    events, event_misses = score("score_events.py", gold.events_gold, events_out, events_extra)
    if details:
        print(timex_errors)
        print(event_misses)
    return {
        "gold": gold.counts(),
        "timex": timex,
        "events": events,
        "seconds": {"ingest": round(t_ingest, 2), "events": round(t_events, 2), "tag": round(t_tag, 2)},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.blind_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=BLIND, help="gold set dir (articles/ + 2 gold files)")
    parser.add_argument("--keep", type=Path, help="keep the store and system outputs in this directory")
    parser.add_argument("--details", action="store_true", help="print scorer errors (maintainer only)")
    parser.add_argument("--out", type=Path, default=RESULTS / "blind_bench.json")
    args = parser.parse_args(argv)

    if not SHARED_EVAL.is_dir():
        print(f"blind_bench: {SHARED_EVAL} is absent: the reference scorers are needed, nothing measured")
        return 0
    gold = GoldSet.at(args.dir)
    try:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            res = evaluate(gold, args.keep, args.details)
        else:
            with tempfile.TemporaryDirectory(prefix="blind_bench_") as tmp:
                res = evaluate(gold, Path(tmp), args.details)
    except StepError as exc:
        print(f"blind_bench: {exc}", file=sys.stderr)
        return 1
    print(table(res).replace("held-out set:", f"{args.dir.name} set:", 1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
