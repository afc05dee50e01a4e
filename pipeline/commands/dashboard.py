"""``dateline dashboard [--db PATH] [--port N]``: serve the Streamlit timeline on 127.0.0.1.

The process becomes ``streamlit run dashboard/app.py`` (exec, not a child), so stopping it stops the server;
the store is passed in ``DATELINE_DB``, which ``Settings`` reads.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dashboard",
        help="serve the interactive timeline on http://127.0.0.1:PORT",
        description="Start the Streamlit dashboard over the store's Parquet snapshot (127.0.0.1 only).",
    )
    parser.add_argument(
        "--db", type=Path, help="DuckDB event store (default: DATELINE_DB or data/store/dateline.duckdb)"
    )
    parser.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    parser.set_defaults(func=run)


def command(app: Path, port: int) -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def run(args: argparse.Namespace) -> int:
    import dashboard
    from pipeline.config import Settings

    env = dict(os.environ)
    db = args.db.resolve() if args.db else Settings().db_path
    env["DATELINE_DB"] = str(db)
    if not Settings(db_path=db).snapshot_dir.exists():
        print(f"dateline: no snapshot next to {db} yet; the dashboard will say what to run.", file=sys.stderr)
    argv = command(Path(dashboard.__file__).resolve().parent / "app.py", args.port)
    print(f"dateline: serving {db} on http://127.0.0.1:{args.port}", file=sys.stderr, flush=True)
    os.execvpe(argv[0], argv, env)
    return 0  # not reached: exec replaces this process
