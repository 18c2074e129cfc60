"""Precision and recall of every inspector check against a generated demo site's manifest.

    .venv/bin/python bench/inspect_accuracy.py [--pages 3000] [--seed 1] [--show-misses]

Serves the demo site on 127.0.0.1, runs the full inspection (every check), prints the table.
Target: ≥ 0.95 precision and recall for every check."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zwgk.devtools.demo_server import ServedSite
from zwgk.inspect.accuracy import misses, score, table
from zwgk.inspect.config import parse_config
from zwgk.inspect.run import inspect_config


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    with ServedSite(pages=a.pages, seed=a.seed) as site:
        m = site.manifest()
        s = m["site"]
        cfg = parse_config(
            {
                "settings": {"rate": 0, "concurrency": 16, "max_pages": 200_000},
                "sites": [{**s}],
                "today": m["today"],
            }
        )
        t = time.perf_counter()
        results = asyncio.run(inspect_config(cfg))
        took = time.perf_counter() - t
    findings = [f.to_json() for r in results for f in r.findings]
    crawl = results[0].crawl
    print(
        f"demo site: seed {a.seed}, {m['pages']} pages planned, {crawl.pages} pages + "
        f"{crawl.attachments} attachments inspected in {took:.1f} s; "
        f"{len(m['defects'])} planted defects, {len(m['negatives'])} planted look-alikes"
    )
    scores = score(findings, m)
    print(table(scores))
    bad = [x for x in scores if x.precision < 0.95 or x.recall < 0.95]
    print("all checks ≥ 0.95" if not bad else "below 0.95: " + ", ".join(x.check for x in bad))
    if results[0].check_errors:
        print("check errors:", results[0].check_errors)
    if a.show_misses:
        for x in bad:
            fn, fp = misses(findings, m, x.check)
            print(f"\n{x.check}: missed {fn[:10]}\n  false alarms {fp[:10]}")


if __name__ == "__main__":
    main()
