"""Typo model speed (错别字模型速度): sentences per second on one core, load time and memory.

    .venv/bin/python bench/typo_speed.py [--shared ../shared] [--rounds 3]

One process, one core: the model loaded once (time and resident memory added, as a worker process
pays them), then ``wording.find`` (dictionaries, patterns and model, as the inspector runs it) over
the seed schemes' sentences and the ECSpell held-out sentences, best of ``--rounds``. The machine
is shared: read the figures as rough, and compare side by side in one run.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.typo_accuracy import sentences  # noqa: E402
from tools.build_typo_model import ecspell_split  # noqa: E402
from zwgk.inspect.checks.wording import Settings, find  # noqa: E402
from zwgk.inspect.checks.wording_model import model  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(sents: list[str], settings: Settings, rounds: int) -> tuple[float, float]:
    """(sentences/s, characters/s), best of ``rounds``."""
    best = float("inf")
    for _ in range(rounds):
        model().forget()  # every round from scratch: no run remembered (nor its kept suggestions)
        t = time.process_time()
        for s in sents:
            find(s, settings)
        best = min(best, time.process_time() - t)
    chars = sum(len(s) for s in sents)
    return len(sents) / best, chars / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    before = rss_mb()
    t = time.perf_counter()
    model()
    find("预热")
    print(f"model load: {time.perf_counter() - t:.2f} s, +{rss_mb() - before:.0f} MB resident")
    seeds = [
        s
        for p in sorted((args.shared / "seeds").glob("*.txt"))
        for s in sentences(p.read_text(encoding="utf-8"))
    ]
    held = [s for s, _ in ecspell_split(args.shared)["held"]]
    for name, sents in (("seed schemes (correct text)", seeds), ("ECSpell held-out", held)):
        avg = sum(map(len, sents)) / max(1, len(sents))
        for label, settings in (
            ("with model", Settings()),
            ("dictionaries only", Settings(model=False)),
        ):
            s_rate, c_rate = rate(sents, settings, args.rounds)
            print(
                f"{name:<28} {len(sents):>5} sentences ({avg:.0f} chars) {label:<17}"
                f" {s_rate:>8,.0f} sentences/s per core = {c_rate:>9,.0f} chars/s"
            )


if __name__ == "__main__":
    main()
