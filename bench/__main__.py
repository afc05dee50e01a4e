"""``python -m bench [NAME...]``: run the benchmarks (all by default), each printing its table.

Every benchmark module has a ``main(argv) -> int`` and writes its numbers to ``bench/results/<name>.json``.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = (
    "timex_bench",
    "pipeline_bench",
    "heldout_bench",
    "blind_bench",
    "final_bench",
    "sealed_bench",
    "sealed2_bench",
    "dashboard_bench",
)


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    failed = 0
    for name in names:
        print(f"== bench.{name}", flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            print(f"   not available: {exc}")
            failed += 1
            continue
        failed += 1 if module.main([]) else 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
