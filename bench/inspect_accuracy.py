"""Precision and recall of every inspector check against a generated demo site's manifest, per
check and per CMS shape (plain HTML, TRS script pagers, Hanweb datastore + dataproxy, JSON feeds,
a list only a browser builds, onclick/iframe/area/embed links; ``site`` for site-wide findings).

    .venv/bin/python bench/inspect_accuracy.py [--pages 3000] [--seed 1] [--no-render] [--show-misses]

Serves the demo site on 127.0.0.1, runs the full inspection (every check; the render-shaped column
rendered in /usr/bin/chromium unless --no-render), prints the tables and whether any fresh column
of any shape was reported stale. Target: ≥ 0.95 precision and recall for every check on every
shape, and no false stale column. The site is generated and the inspector was built against it:
these figures show the readers work on the shapes, they are not a held-out measurement."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zwgk.devtools.demo_server import ServedSite
from zwgk.devtools.demo_site import site_entry
from zwgk.inspect.accuracy import false_stale, misses, score, shapes, table
from zwgk.inspect.config import parse_config
from zwgk.inspect.run import inspect_config


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-render", action="store_true")
    ap.add_argument("--show-misses", action="store_true")
    a = ap.parse_args()
    render = not a.no_render
    with ServedSite(pages=a.pages, seed=a.seed) as site:
        m = site.manifest(render=render)
        cfg = parse_config(
            {
                "settings": {"rate": 0, "concurrency": 16, "max_pages": 200_000},
                "sites": [site_entry(m, render)],
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
        f"{crawl.attachments} attachments inspected in {took:.1f} s "
        f"({crawl.script_pages} list pages from script pagers, {crawl.feed_requests} feed "
        f"requests, {crawl.rendered} pages rendered in {crawl.render_seconds:.1f} s); "
        f"{len(m['defects'])} planted defects, {len(m['negatives'])} planted look-alikes; "
        f"rendering {'on' if render else 'off'}"
    )
    print("\nper check, all shapes:")
    print(table(score(findings, m)))
    print("\nper check and shape:")
    rows = []
    for shape in shapes(m):
        rows += score(findings, m, shape)
    print(table(rows))
    bad = [x for x in rows if x.precision < 0.95 or x.recall < 0.95]
    print(
        "\nall checks ≥ 0.95 on every shape"
        if not bad
        else "below 0.95: " + ", ".join(f"{x.check}@{x.shape}" for x in bad)
    )
    fs = false_stale(findings, m)
    print("fresh columns per shape: " + ", ".join(f"{k} {n}" for k, (n, _) in sorted(fs.items())))
    print(
        "false stale-column findings on fresh columns: "
        + (", ".join(f"{k}: {'、'.join(v)}" for k, (_, v) in fs.items() if v) or "none")
    )
    if results[0].check_errors:
        print("check errors:", results[0].check_errors)
    if a.show_misses:
        for x in bad:
            fn, fp = misses(findings, m, x.check)
            print(f"\n{x.check}: missed {fn[:10]}\n  false alarms {fp[:10]}")


if __name__ == "__main__":
    main()
