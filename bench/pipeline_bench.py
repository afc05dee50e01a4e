"""End-to-end ingest throughput (articles/s), with 1 and 2 processes, against a peer measured in the same run.

Corpus: the sample articles (``data/articles``) replicated to ``--docs`` (default 2,000) documents with
distinct texts: copy k of an article gets its publication date moved k weeks later (so its "today" and
"tomorrow" resolve to other days and its events do not all collapse into one) and a distinct closing line
(so its doc_id differs).
They are written as JSONL files of 100 articles, then ``pipeline.run.ingest`` runs into a fresh store: load,
near-duplicate dates, analysis, store, dedup over everything, Parquet snapshot. Phases overlap: ``load`` is
reading the files while the workers already analyse the first ones, ``workers_start`` the parent loading the
analysis resources once and forking the workers, ``analyse`` the wait for the last analyses (with several
processes the parent meanwhile clusters the mentions in reading order and prepares the documents' rows:
see ``pipeline/store_stream.py``; with a core to spare it also writes them), ``dedup`` what is left of
dedup once they are back (the events that changed, writing the event tables), ``store`` what is left of
the documents' write (inserted and committed by a thread beside that dedup) once dedup is done.

Peer: ``dateparser.search_dates`` over the same texts, the common one-call way to "find dates in news text"
(no events, actors or store; it is slower than a full pipeline should be, so the ratio says how far ahead we
are of the obvious baseline). It runs on a sample (``--peer-docs``) and is reported per document.

Also measured: ``deduplicate`` alone on synthetic mentions (``--dedup-mentions``, default 100,000) to show the
blocking keeps it near-linear. Results go to ``bench/results/pipeline_bench.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pipeline_bench.json"


def _articles() -> list[dict]:
    from pipeline.documents import discover, load_file

    return [
        {"title": d.title, "published": d.published.isoformat() if d.published else None, "text": d.text}
        for path in discover([ROOT / "data" / "articles"])
        for d in load_file(path)
    ]


def replicate(articles: list[dict], n: int, folder: Path) -> list[str]:
    """``n`` distinct articles written as JSONL files of 100 under ``folder``; returns their texts."""
    folder.mkdir(parents=True, exist_ok=True)
    texts, lines = [], []
    for i in range(n):
        base, k = articles[i % len(articles)], i // len(articles)
        published = base["published"]
        if published and k:
            published = (date.fromisoformat(published) + timedelta(weeks=k)).isoformat()
        text = f"{base['text']}\n\nBulletin {i} of the replicated benchmark corpus."
        lines.append(json.dumps({"id": str(i), "title": base["title"], "published": published, "text": text}))
        texts.append(text)
    for start in range(0, n, 100):
        (folder / f"part{start // 100:04}.jsonl").write_text("\n".join(lines[start : start + 100]) + "\n")
    return texts


def run_ingest_fresh(folder: Path, db: Path, workers: int) -> dict:
    """``run_ingest`` in a new Python process: each configuration pays for loading the rules and compiling
    their patterns, as ``dateline ingest`` does (in one process, a second run found them loaded by the
    first and looked 8 % faster than any user would see)."""
    command = [sys.executable, "-m", "bench.pipeline_bench", "--one", str(folder), str(db), str(workers)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"ingest with {workers} workers failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_ingest(folder: Path, db: Path, workers: int) -> dict:
    from pipeline.config import Settings
    from pipeline.run import ingest

    settings = replace(Settings(), db_path=db)
    load_before = os.getloadavg()[0]
    cpu = _cpu_seconds()
    start = time.perf_counter()
    report = ingest([folder], settings, progress=False, workers=workers)
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    n = report.documents_added
    return {
        "workers": workers,
        "documents": n,
        "failed": report.failed,
        "events": report.events,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1) if seconds else None,
        "phases_s": {k: round(v, 2) for k, v in report.timings.items()},
        # CPU of this process and its (finished) workers, and the machine's 1-minute load average before
        # the run: on a shared machine the wall-clock rate alone says little
        "cpu_s": round(cpu, 2),
        "load_before": round(load_before, 2),
    }


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_peer(texts: list[str]) -> dict:
    from dateparser.search import search_dates

    search_dates("Warm-up on Sept. 15, 2010.")  # loads its language data once, outside the timing
    start = time.perf_counter()
    found = sum(len(search_dates(t) or ()) for t in texts)
    seconds = time.perf_counter() - start
    return {
        "peer": "dateparser.search_dates",
        "documents": len(texts),
        "dates_found": found,
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 1),
    }


def run_dedup_scale(n_mentions: int, seed: int = 7) -> dict:
    """``deduplicate`` on synthetic mentions: 10 per document, 2,000 people, 20 years, 7 types."""
    from pipeline.dedup import deduplicate
    from pipeline.model import ActorRole, Document, DocumentAnalysis, EventMention, Span

    rng = random.Random(seed)
    # sentences of 14 words drawn from 5,000 made-up ones: varied wording, as in real reports
    vocabulary = [
        "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 10))) for _ in range(5000)
    ]
    people = [ActorRole(f"p{i}", f"Person {i}", "person", "USA", "GOV", "actor") for i in range(2000)]
    types = ("VISIT", "MEETING", "PHONE_CALL", "AGREEMENT", "JOINT_EXERCISE", "STATEMENT", "OTHER")
    analyses = []
    for d in range(n_mentions // 10):
        doc = Document(doc_id=f"d{d}", source=f"d{d}", text="x", published=date(2000, 1, 1))
        mentions = []
        for j in range(10):
            day = date(2000, 1, 1) + timedelta(days=rng.randrange(7300))
            sentence = " ".join(rng.choices(vocabulary, k=14)) + "."
            mentions.append(
                EventMention(
                    mention_id=f"d{d}:{j}",
                    doc_id=doc.doc_id,
                    sentence=Span(j * 100, j * 100 + len(sentence), sentence),
                    trigger=Span(j * 100 + 10, j * 100 + 13, "met"),
                    event_type=rng.choice(types),
                    status="occurred",
                    actors=tuple(rng.sample(people, 2)),
                    date_value=day.isoformat() if rng.random() < 0.8 else None,
                    start=day if rng.random() < 0.8 else None,
                    end=day,
                    precision="day",
                )
            )
        analyses.append(DocumentAnalysis(document=doc, event_mentions=tuple(mentions)))
    start = time.perf_counter()
    events = deduplicate(analyses)
    seconds = time.perf_counter() - start
    return {"mentions": n_mentions, "events": len(events), "seconds": round(seconds, 2)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench pipeline_bench")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--peer-docs", type=int, default=100)
    parser.add_argument("--dedup-mentions", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--one", nargs=3, metavar=("FOLDER", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:  # one configuration, in the process ``run_ingest_fresh`` started
        print(json.dumps(run_ingest(Path(args.one[0]), Path(args.one[1]), int(args.one[2]))))
        return 0
    results: dict = {"corpus": f"data/articles replicated to {args.docs} distinct documents"}
    with tempfile.TemporaryDirectory() as tmp:
        texts = replicate(_articles(), args.docs, Path(tmp) / "corpus")
        results["ingest"] = [
            run_ingest_fresh(Path(tmp) / "corpus", Path(tmp) / f"w{w}.duckdb", w) for w in args.workers
        ]
        results["peer"] = run_peer(texts[: args.peer_docs])
    results["dedup_scale"] = run_dedup_scale(args.dedup_mentions) if args.dedup_mentions else None
    peer = results["peer"]["articles_per_s"]
    for row in results["ingest"]:
        row["ratio_vs_peer"] = (
            round(row["articles_per_s"] / peer, 1) if peer and row["articles_per_s"] else None
        )
        print(
            f"   ingest workers={row['workers']}: {row['documents']} docs in {row['seconds']} s = "
            f"{row['articles_per_s']} articles/s ({row['ratio_vs_peer']}x {results['peer']['peer']}); "
            f"cpu {row['cpu_s']} s, load before {row['load_before']}; phases {row['phases_s']}"
        )
    print(f"   peer {results['peer']['peer']}: {peer} articles/s on {results['peer']['documents']} docs")
    if results["dedup_scale"]:
        d = results["dedup_scale"]
        print(f"   dedup alone: {d['mentions']} mentions -> {d['events']} events in {d['seconds']} s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0 if all(r["documents"] for r in results["ingest"]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
