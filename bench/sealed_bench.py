"""Fourth evaluation set, sealed (session 2): ``python -m bench.sealed_bench``.

The same steps and scorers as ``bench.blind_bench``, pointed at ``bench/sealed`` (see its README: nobody
tuning rules may open it; ``bench/final`` was opened for tuning in session 2). Writes
``bench/results/sealed_bench.json``.
"""

from __future__ import annotations

import sys

from bench import blind_bench
from bench.heldout_bench import RESULTS, ROOT


def main(argv: list[str]) -> int:
    return blind_bench.main(
        ["--dir", str(ROOT / "bench" / "sealed"), "--out", str(RESULTS / "sealed_bench.json"), *argv]
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
