"""雷同 speed: 45 synthetic reports of 15,000 characters, one with a copied passage.

Prints the time to fingerprint and to find the similar pairs (the figure once asserted in a test;
this machine is shared, so read it as an order of magnitude, not a limit).

    .venv/bin/python bench/annual_similarity.py [--reports 45] [--chars 15000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zwgk.annual.similarity import fingerprint, similar_pairs


def prose(rng: random.Random, n: int) -> str:
    chars = [chr(0x4E00 + rng.randrange(3000)) for _ in range(n)]
    return "".join(c + ("，" if i % 17 == 16 else "") for i, c in enumerate(chars))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=45)
    parser.add_argument("--chars", type=int, default=15000)
    args = parser.parse_args()
    rng = random.Random(7)
    texts = [prose(rng, args.chars) for _ in range(args.reports)]
    texts[-1] = texts[-1][:5000] + texts[0][2000:9000] + texts[-1][12000:]
    start = time.perf_counter()
    prints = [fingerprint(t) for t in texts]
    mid = time.perf_counter()
    pairs = similar_pairs(prints, threshold=0.3)
    end = time.perf_counter()
    print(f"reports: {args.reports} × {args.chars} characters")
    print(
        f"fingerprint: {mid - start:.2f} s; pairs: {end - mid:.2f} s; similar pairs found: {len(pairs)}"
    )


if __name__ == "__main__":
    main()
