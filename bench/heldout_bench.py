"""Held-out generalisation: ``python -m bench.heldout_bench [--keep DIR] [--details]``.

Scores the real command line on ``bench/heldout`` (12 articles the rule writers have never seen, see its
README) with the reference scorers, exactly as a client would: ``dateline ingest`` into a temporary store,
``dateline events --format jsonl``, ``dateline tag --jsonl timex_gold.jsonl``, then
``/work/shared/eval/score_timex.py`` and ``score_events.py`` (``--json``) as subprocesses. Prints one table
and writes ``bench/results/heldout_bench.json``. ``--details`` prints the scorers' error lists: it shows
held-out content and is meant for the set's maintainer only, not for whoever tunes the rules.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"
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
    """The held-out set through the same steps as every other set (``bench.blind_bench`` holds them)."""
    from bench import blind_bench  # imports the helpers above: imported here, not at module level

    return blind_bench.main(["--dir", str(HELDOUT), "--out", str(RESULTS / "heldout_bench.json"), *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
