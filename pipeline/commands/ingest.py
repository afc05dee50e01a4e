"""``dateline ingest PATH... [--db PATH] [--workers N] [--engine local|dask] [--scheduler ADDR]``: articles
into the event store."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="read articles (files or folders) into the event store",
        description="Read .txt/.md/.html/.jsonl articles (folders are walked), find and date their events, "
        "deduplicate them and update the event store and its Parquet snapshot. Re-ingesting a file adds "
        "nothing. A bad file is reported on stderr and skipped; the exit code is 1 if any failed.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--db", type=Path, help="event store (default data/store/dateline.duckdb; DATELINE_DB overrides it)"
    )
    parser.add_argument(
        "--workers", type=int, help="processes analysing articles (default: all cores for large batches)"
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where articles are analysed: local processes (default) or a Dask cluster (dateline[dask])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786; DATELINE_DASK_SCHEDULER); "
        "without one --engine dask starts a local cluster",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument(
        "--reanalyse",
        action="store_true",
        help="analyse documents already in the store again (after an upgrade) instead of skipping them",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from pipeline.config import Settings
    from pipeline.run import ingest
    from pipeline.store import StoreError

    if args.workers is not None and args.workers < 1:
        print("dateline ingest: --workers must be at least 1", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not p.exists()]
    if len(missing) == len(args.paths):
        for path in missing:
            print(f"dateline ingest: no such file or directory: {path}", file=sys.stderr)
        return 2
    settings = replace(Settings(), db_path=args.db) if args.db else Settings()
    settings = replace(settings, engine=args.engine, dask_scheduler=args.scheduler or settings.dask_scheduler)
    if args.engine == "dask" and importlib.util.find_spec("distributed") is None:
        print(
            "dateline ingest: --engine dask needs dask.distributed: pip install 'dateline[dask]'",
            file=sys.stderr,
        )
        return 2
    try:
        report = ingest(
            args.paths,
            settings,
            progress=not args.no_progress,
            workers=args.workers,
            reanalyse=args.reanalyse,
        )
    except StoreError as exc:
        print(f"dateline ingest: {exc}", file=sys.stderr)
        return 2
    print(f"dateline: {report.summary()} ({settings.db_path})")
    return 1 if report.failed else 0
