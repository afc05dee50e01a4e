"""Held-out generalisation: ``python -m bench.heldout_bench [--keep DIR] [--details]``.

Scores the real command line on ``bench/heldout`` (12 articles the rule writers have never seen, see its
README) with the reference scorers, exactly as a client would: ``dateline ingest`` into a temporary store,
``dateline events --format jsonl``, ``dateline tag --jsonl timex_gold.jsonl``, then
``/work/shared/eval/score_timex.py`` and ``score_events.py`` (``--json``) as subprocesses. Prints one table
and writes ``bench/results/heldout_bench.json``. ``--details`` prints the scorers' error lists: it shows
held-out content and is meant for the set's maintainer only, not for whoever tunes the rules.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"
ARTICLES = HELDOUT / "articles"
TIMEX_GOLD = HELDOUT / "timex_gold.jsonl"
EVENTS_GOLD = HELDOUT / "events_gold.json"
SHARED_EVAL = Path("/work/shared/eval")
RESULTS = ROOT / "bench" / "results"


class StepError(RuntimeError):
    """A command of the pipeline or a scorer failed; the message says which and why."""


def dateline_exe() -> str:
    """The project's own CLI (the venv beside the repo), else whatever ``dateline`` is on PATH."""
    local = ROOT / ".venv" / "bin" / "dateline"
    if local.exists():
        return str(local)
    found = shutil.which("dateline")
    if found is None:
        raise StepError("no `dateline` command (create the venv with `make` first)")
    return found


def run(args: list[str], what: str, stdout_path: Path | None = None) -> tuple[str, float]:
    """Run a command, return (stdout, seconds); stdout goes to ``stdout_path`` too when given."""
    began = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise StepError(f"{what} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    if stdout_path is not None:
        stdout_path.write_text(proc.stdout, encoding="utf-8")
    return proc.stdout, elapsed


def score(scorer: str, gold: Path, system: Path, extra: list[str]) -> tuple[dict[str, Any], str]:
    """Reference scorer as a subprocess: its ``--json`` metrics, and its error listing when asked."""
    script = str(SHARED_EVAL / scorer)
    out, _ = run([sys.executable, script, str(gold), str(system), "--json"], scorer)
    metrics = json.loads(out.strip().splitlines()[-1] if scorer == "score_events.py" else out)
    listing = ""
    if extra:
        listing, _ = run([sys.executable, script, str(gold), str(system), *extra], scorer)
    return metrics, listing


def gold_counts() -> dict[str, int]:
    docs = [json.loads(x) for x in TIMEX_GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    events = json.loads(EVENTS_GOLD.read_text(encoding="utf-8"))
    return {
        "articles": len(list(ARTICLES.glob("*.txt"))),
        "timex_docs": len(docs),
        "timexes": sum(len(d["timexes"]) for d in docs),
        "events": len(events),
    }


def evaluate(workdir: Path, details: bool) -> dict[str, Any]:
    exe = dateline_exe()
    db = workdir / "heldout.duckdb"
    events_out = workdir / "events.jsonl"
    tag_out = workdir / "tag.jsonl"
    _, t_ingest = run([exe, "ingest", str(ARTICLES), "--db", str(db)], "dateline ingest")
    _, t_events = run([exe, "events", "--db", str(db), "--format", "jsonl"], "dateline events", events_out)
    _, t_tag = run([exe, "tag", "--jsonl", str(TIMEX_GOLD)], "dateline tag", tag_out)
    timex, timex_errors = score("score_timex.py", TIMEX_GOLD, tag_out, ["--errors", "60"] if details else [])
    events, event_misses = score("score_events.py", EVENTS_GOLD, events_out, ["--misses"] if details else [])
    if details:
        print(timex_errors)
        print(event_misses)
    return {
        "gold": gold_counts(),
        "timex": timex,
        "events": events,
        "seconds": {"ingest": round(t_ingest, 2), "events": round(t_events, 2), "tag": round(t_tag, 2)},
    }


def table(res: dict[str, Any]) -> str:
    t, e, g = res["timex"], res["events"], res["gold"]
    rel = t["dct_relative"]

    def pct(x: float) -> str:
        return f"{100 * x:5.1f}"

    rows = [
        f"held-out set: {g['articles']} articles, {g['timexes']} gold timexes, {g['events']} gold events",
        f"timex   strict F1 {pct(t['strict']['F1'])}  relaxed F1 {pct(t['relaxed']['F1'])} "
        f"(P {pct(t['relaxed']['P'])} R {pct(t['relaxed']['R'])})  system {t['system']}",
        f"        value F1 {pct(t['value_F1'])}  value acc {pct(t['value_accuracy'])}  "
        f"type F1 {pct(t['type_F1'])}",
        f"        DCT-relative: value acc {pct(rel['value_accuracy'])}  value recall "
        f"{pct(rel['value_recall'])}  (n={rel['gold']})",
        f"events  F1 {pct(e['f1_typed'])}  P {pct(e['precision'])}  R(typed) {pct(e['recall_typed'])}  "
        f"found {e['found']}/{e['gold']}  typed {e['typed']}  system {e['system']}",
        f"        date acc {pct(e['date_acc'])}  status acc {pct(e['status_acc'])}",
        f"seconds ingest {res['seconds']['ingest']}  events {res['seconds']['events']}  "
        f"tag {res['seconds']['tag']}",
    ]
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.heldout_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="keep the store and system outputs in this directory")
    parser.add_argument("--details", action="store_true", help="print scorer errors (maintainer only)")
    parser.add_argument("--out", type=Path, default=RESULTS / "heldout_bench.json")
    args = parser.parse_args(argv)

    if not SHARED_EVAL.is_dir():
        print(f"heldout_bench: {SHARED_EVAL} is absent: the reference scorers are needed, nothing measured")
        return 0
    try:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            res = evaluate(args.keep, args.details)
        else:
            with tempfile.TemporaryDirectory(prefix="heldout_bench_") as tmp:
                res = evaluate(Path(tmp), args.details)
    except StepError as exc:
        print(f"heldout_bench: {exc}", file=sys.stderr)
        return 1
    print(table(res))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
