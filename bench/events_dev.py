"""Event extraction on the dev gold: ``python -m bench.events_dev [--misses] [--no-dedup] [--out FILE]``.

Loads ``data/articles/corpus`` (each ``NNN.txt`` with its ``NNN.meta.json``), runs ``analyze`` on every
article, builds Events (``pipeline.dedup.deduplicate``, or one event per mention with ``--no-dedup``), writes
the contract JSONL and scores it with the reference scorer ``/work/shared/eval/score_events.py``. Also reports
articles per second for load + analyze. Numbers go to ``bench/results/events_dev.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "articles" / "corpus"
GOLD = Path("/work/shared/eval/events_dev_gold.json")
SCORER = Path("/work/shared/eval/score_events.py")
RESULTS = ROOT / "bench" / "results"


def _load(paths: list[Path]) -> list:
    from pipeline.documents import load_file

    docs = []
    for path in paths:
        docs.extend(load_file(path))
    return docs


def _oracle_analyses(paths: list[Path], gold_timex: Path) -> tuple[list, list]:
    """Analyses built on the gold time expressions: measures extraction and anchoring alone.

    The raw file text is used (the gold offsets refer to it); actors come from ``resolve_actors`` when it
    exists, else none.
    """
    from datetime import date

    from pipeline.events.anchor import anchor_events
    from pipeline.events.extract import extract_events
    from pipeline.model import Document, DocumentAnalysis, TimeExpression
    from pipeline.sentences import split_sentences

    try:
        from pipeline.events.actors import resolve_actors
    except ImportError:
        resolve_actors = None
    gold = {}
    for line in gold_timex.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["id"]] = row
    docs, analyses = [], []
    for path in paths:
        row = gold[path.stem]
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        dct = date.fromisoformat(row["dct"]) if row.get("dct") else None
        text = row["text"]
        doc = Document(path.stem, str(path), text, title=meta.get("title"), published=dct)
        timexes = [
            TimeExpression(
                t["start"], t["end"], t["text"], t["type"], t["value"], "gold", f"t{i + 1}", t.get("mod")
            )
            for i, t in enumerate(row["timexes"])
        ]
        sentences = split_sentences(text)
        actors, actor_mentions = resolve_actors(text, sentences) if resolve_actors else ([], [])
        mentions = extract_events(doc, sentences, timexes, actors, actor_mentions)
        mentions = anchor_events(mentions, timexes, sentences, doc)
        docs.append(doc)
        analyses.append(
            DocumentAnalysis(
                doc, tuple(sentences), tuple(timexes), tuple(actors), tuple(actor_mentions), tuple(mentions)
            )
        )
    return docs, analyses


def _one_mention_events(analyses) -> list:
    """Each mention as its own Event (what the scorer sees when there is no dedup)."""
    from pipeline.events.trigger_rules import trigger_codes
    from pipeline.model import Event

    events = []
    for analysis in analyses:
        for m in analysis.event_mentions:
            plover, cameo, _ = trigger_codes(m.event_type, m.trigger.text)
            events.append(
                Event(
                    event_id=m.mention_id,
                    event_type=m.event_type,
                    plover=plover,
                    cameo=cameo,
                    label=m.label,
                    date_value=m.date_value,
                    start=m.start,
                    end=m.end,
                    precision=m.precision,
                    status=m.status,
                    actors=m.actors,
                    mentions=(m,),
                    n_docs=1,
                )
            )
    return events


def run(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.events_dev")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=RESULTS / "events_dev.jsonl")
    parser.add_argument("--no-dedup", action="store_true", help="one event per mention")
    parser.add_argument("--misses", action="store_true", help="print the scorer's misses")
    parser.add_argument(
        "--repeat", type=int, default=1, help="analyze the corpus N times for the speed figure"
    )
    parser.add_argument(
        "--oracle-timex", type=Path, help="use these gold time expressions instead of the tagger"
    )
    args = parser.parse_args(argv)

    from pipeline.analyze import analyze
    from pipeline.export import event_record

    paths = sorted(args.corpus.glob("*.txt"))
    began = time.perf_counter()
    for _ in range(args.repeat):
        if args.oracle_timex:
            docs, analyses = _oracle_analyses(paths, args.oracle_timex)
        else:
            docs = _load(paths)
            analyses = [analyze(d) for d in docs]
    elapsed = time.perf_counter() - began
    rate = len(docs) * args.repeat / elapsed if elapsed else 0.0

    if args.no_dedup:
        events = _one_mention_events(analyses)
    else:
        from pipeline.dedup import deduplicate

        events = deduplicate(analyses)
    by_id = {d.doc_id: d for d in docs}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(event_record(event, by_id), ensure_ascii=False) + "\n")
    command = [sys.executable, str(SCORER), str(args.gold), str(args.out), "--json"]
    if args.misses:
        command.append("--misses")
    scored = subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    for line in scored[:-1]:
        print(line)
    scores = json.loads(scored[-1])
    scores.update(
        {
            "articles": len(docs),
            "mentions": sum(len(a.event_mentions) for a in analyses),
            "dedup": not args.no_dedup,
            "oracle_timex": bool(args.oracle_timex),
            "articles_per_s_single_process": round(rate, 1),
        }
    )
    return scores


def main(argv: list[str]) -> int:
    scores = run(argv)
    print(
        f"events F1={scores['f1_typed']} P={scores['precision']} R(typed)={scores['recall_typed']} "
        f"found={scores['found']}/{scores['gold']} typed={scores['typed']} date_acc={scores['date_acc']} "
        f"status_acc={scores['status_acc']} system_events={scores['system']} mentions={scores['mentions']} "
        f"dedup={scores['dedup']} speed={scores['articles_per_s_single_process']} articles/s (1 process)"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = (
        "events_dev" + ("" if scores["dedup"] else "_nodedup") + ("_oracle" if scores["oracle_timex"] else "")
    )
    (RESULTS / f"{name}.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
