#!/usr/bin/env python3
"""Check that no 7-word sequence of an evaluation set's articles occurs in the real articles of /work/shared
(the sets written for this project must not copy the corpus they are to be measured apart from).

Usage: python3 bench/check_overlap.py bench/SET/articles [--n 7]
Words are lower-cased runs of letters/digits (apostrophes and hyphens split words, curly quotes are
normalised), so punctuation and case differences do not hide a copied passage. Exit code 1 if any
shared sequence is found; each one is printed with the files it occurs in.
"""

import argparse
import re
import sys
from pathlib import Path

REFERENCE_DIRS = [Path("/work/shared/corpus"), Path("/work/shared/seeds")]


def words(text: str) -> list[str]:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return re.findall(r"[a-z0-9]+", text)


def shingles(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", type=Path, help="the set's articles folder, e.g. bench/sealed7/articles")
    ap.add_argument("--n", type=int, default=7)
    args = ap.parse_args()
    ref: dict[tuple[str, ...], set[str]] = {}
    n_ref = 0
    for d in REFERENCE_DIRS:
        for f in sorted(d.glob("*.txt")):
            n_ref += 1
            for s in shingles(f.read_text(encoding="utf-8", errors="replace"), args.n):
                ref.setdefault(s, set()).add(f.name)
    mine = sorted(args.articles.glob("*.txt"))
    bad = 0
    for f in mine:
        for s in sorted(shingles(f.read_text(encoding="utf-8"), args.n) & ref.keys()):
            bad += 1
            print(f"{f.name}: '{' '.join(s)}' also in {', '.join(sorted(ref[s]))}")
    print(
        f"checked {len(mine)} articles against {n_ref} reference texts: {bad} shared {args.n}-word sequences"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
