"""Temporal tagging: Dateline's tagger vs ``dateparser.search_dates`` on the same texts, in one run.

Accuracy is TempEval-3 value-F1 (and extent F1) by ``pipeline.evaluation.timex_scores`` on the dev gold
(shared/eval/timex_dev_gold.jsonl), or, when that file is absent, on the seed articles' golden cases.
Throughput is KB (1024 bytes of UTF-8) of text per CPU-second on one core, after a warm-up call that loads
the resources, repeated until the timing is long enough to trust. dateparser runs twice: with
``languages=["en"]`` (its fastest setting; the ratios use it) and with language detection (its default).
``RELATIVE_BASE`` is the DCT. It returns (text, datetime) pairs without offsets, so each is located by
searching its text after the previous one; its value is the datetime's day (it has no granularity, types
or durations).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT.parent / "shared" / "eval" / "timex_dev_gold.jsonl"
SEED_SPECS = ROOT / "tests" / "specs" / "timex" / "seeds.json"
RESULTS = ROOT / "bench" / "results"
MIN_SECONDS = 2.0  # repeat the rounds until the CPU time measured is at least this long

Tagger = Callable[[str, date | None], list[dict]]


def load_gold() -> tuple[str, dict[str, dict]]:
    """The dev gold if present, else the whole-article seed cases with offsets found in order."""
    if DEV_GOLD.exists():
        docs = [
            json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        return str(DEV_GOLD), {d["id"]: d for d in docs}
    cases = json.loads(SEED_SPECS.read_text(encoding="utf-8"))
    gold = {}
    for i, case in enumerate(c for c in cases if len(c["input"]) > 1000):
        position, timexes = 0, []
        for r in case["results"]:
            start = case["input"].index(r["text"], position)
            position = start + len(r["text"])
            timexes.append({**r, "start": start, "end": position})
        gold[f"seed-{i}"] = {"id": f"seed-{i}", "dct": case["dct"], "text": case["input"], "timexes": timexes}
    return str(SEED_SPECS), gold


def dateline_tagger() -> Tagger:
    from pipeline.timex import tag

    def run(text: str, dct: date | None) -> list[dict]:
        return [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in tag(text, dct)
        ]

    return run


def dateparser_tagger(languages: list[str] | None = None) -> Tagger:
    from dateparser.search import search_dates

    def run(text: str, dct: date | None) -> list[dict]:
        settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
        found = search_dates(text, languages=languages, settings=settings) or []
        spans, position = [], 0
        for surface, moment in found:
            start = text.find(surface, position)
            if start < 0:
                continue
            position = start + len(surface)
            spans.append(
                {
                    "start": start,
                    "end": position,
                    "text": surface,
                    "type": "DATE",
                    "value": moment.date().isoformat(),
                }
            )
        return spans

    return run


def measure(tagger: Tagger, gold: dict[str, dict]) -> dict:
    """Tag every document (timed, on CPU time) and keep the output of the first round for scoring."""
    docs = [
        (doc_id, d["text"], date.fromisoformat(d["dct"]) if d.get("dct") else None)
        for doc_id, d in gold.items()
    ]
    warm_start = time.process_time()
    tagger(docs[0][1], docs[0][2])
    warm_up = time.process_time() - warm_start
    n_bytes = sum(len(text.encode("utf-8")) for _, text, _ in docs)
    output: dict[str, dict] = {}
    rounds, cpu, wall_start = 0, 0.0, time.perf_counter()
    while rounds == 0 or cpu < MIN_SECONDS:
        start = time.process_time()
        for doc_id, text, dct in docs:
            spans = tagger(text, dct)
            if rounds == 0:
                output[doc_id] = {"id": doc_id, "dct": gold[doc_id].get("dct"), "timexes": spans}
        cpu += time.process_time() - start
        rounds += 1
    wall = time.perf_counter() - wall_start
    return {
        "output": output,
        "rounds": rounds,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "warm_up_seconds": warm_up,
        "kb_per_second": n_bytes * rounds / 1024 / cpu if cpu else float("inf"),
        "bytes": n_bytes,
    }


def _row(name: str, m: dict | None) -> str:
    if m is None:
        return f"{name:<22} {'not available':>12}"
    s = m["scores"]
    return (
        f"{name:<22} {s['value_F1']:>8.3f} {s['relaxed']['F1']:>8.3f} {s['strict']['F1']:>8.3f} "
        f"{s['value_accuracy']:>8.3f} {s['system']:>6d} {m['kb_per_second']:>10.1f}"
    )


def main(argv: list[str]) -> int:
    from pipeline.evaluation.timex_scores import score_documents

    source, gold = load_gold()
    runs: dict[str, dict | None] = {}
    notes = []
    contenders = (
        ("dateline", dateline_tagger),
        ("dateparser", lambda: dateparser_tagger(["en"])),
        ("dateparser-autodetect", dateparser_tagger),
    )
    for name, factory in contenders:
        try:
            m = measure(factory(), gold)
        except Exception as exc:  # a missing or broken tagger is reported, the other one still measured
            notes.append(f"{name}: {exc.__class__.__name__}: {exc}")
            runs[name] = None
            continue
        m["scores"] = score_documents(gold, m["output"]).as_dict()
        runs[name] = m
    n_gold = sum(len(d["timexes"]) for d in gold.values())
    n_bytes = sum(len(d["text"].encode("utf-8")) for d in gold.values())
    print(f"texts: {source} ({len(gold)} documents, {n_bytes / 1024:.1f} KB, {n_gold} gold timexes)")
    header = ("value-F1", "relax-F1", "strict-F1", "val-acc")
    print(f"{'tagger':<22} " + " ".join(f"{h:>8}" for h in header) + f" {'found':>6} {'KB/s/core':>10}")
    for name, m in runs.items():
        print(_row(name, m))
    ours, peer = runs.get("dateline"), runs.get("dateparser")
    ratios = {}
    if ours and peer:
        ratios = {
            "value_F1": _safe_ratio(ours["scores"]["value_F1"], peer["scores"]["value_F1"]),
            "throughput": _safe_ratio(ours["kb_per_second"], peer["kb_per_second"]),
        }
        print(
            f"ratio dateline/dateparser (en): value-F1 x{ratios['value_F1']:.2f}, "
            f"throughput x{ratios['throughput']:.1f}"
        )
    for note in notes:
        print(f"note: {note}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "texts": source,
        "documents": len(gold),
        "bytes": n_bytes,
        "gold_timexes": n_gold,
        "taggers": {name: _summary(m) for name, m in runs.items()},
        "ratios": ratios,
        "notes": notes,
    }
    (RESULTS / "timex_bench.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    for name, m in runs.items():
        if m is not None:
            lines = [json.dumps(doc, ensure_ascii=False) for doc in m["output"].values()]
            (RESULTS / f"timex_bench_{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if ours and peer else 1


def _safe_ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def _summary(m: dict | None) -> dict | None:
    if m is None:
        return None
    return {key: value for key, value in m.items() if key != "output"}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
