"""Third blind set, sealed for the final measurement: ``python -m bench.final_bench``.

The same steps and scorers as ``bench.blind_bench``, pointed at ``bench/final`` (see its README: nobody tuning
rules may open it). Writes ``bench/results/final_bench.json``.
"""

from __future__ import annotations

import sys

from bench import blind_bench
from bench.heldout_bench import RESULTS, ROOT


def main(argv: list[str]) -> int:
    return blind_bench.main(
        ["--dir", str(ROOT / "bench" / "final"), "--out", str(RESULTS / "final_bench.json"), *argv]
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
