"""Fifth evaluation set, sealed (written at the end of session 2): ``python -m bench.sealed2_bench``.

The same steps and scorers as ``bench.blind_bench``, pointed at ``bench/sealed2`` (see its README: run once
blind in session 2, error lists unread). Writes ``bench/results/sealed2_bench.json``.
"""

from __future__ import annotations

import sys

from bench import blind_bench
from bench.heldout_bench import RESULTS, ROOT


def main(argv: list[str]) -> int:
    return blind_bench.main(
        ["--dir", str(ROOT / "bench" / "sealed2"), "--out", str(RESULTS / "sealed2_bench.json"), *argv]
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
