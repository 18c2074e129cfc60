"""Speed, peak memory and dead links of our full inspection (every check on) on a generated site,
side by side with an older tree of ours and with LinkChecker.

    .venv/bin/python bench/inspect_bench.py [--pages 20000] [--seed 1] [--rounds 3]
        [--baseline DIR] [--render] [--typo-model-off] [--skip-linkchecker] [--lc-venv /tmp/lcvenv]

The demo site is served from memory by a separate process on 127.0.0.1 (every response carries a
``LinkChecker`` header). Each run is a separate process; its CPU seconds and peak RSS are the
operating system's accounting.

- ``--baseline DIR``: a checkout of an earlier tree (``git worktree add --detach /tmp/base main``).
  The baseline's own demo site is served (plain HTML lists, so both trees do the same work: the
  plain-HTML path), and the baseline's inspector and ours run in turn — A B A B … — ``--rounds``
  times; medians and the ratio are printed. The machine is shared: only ratios measured in one
  run mean something.
- Otherwise our demo site (with its CMS-shaped columns) is served; ours runs without rendering and,
  with ``--render``, again with its one browser-only column rendered in /usr/bin/chromium, and
  with every column list page rendered (the cost per rendered page is printed).
- ``--typo-model-off``: ours runs once more with the wording checks' typo model left out
  (``options.wording.model: false``), and the time with the model over the time without is printed.
- LinkChecker (installed into a separate venv, default /tmp/lcvenv) runs with text output,
  --check-extern off (its default), 10 threads and maxrequestspersecond=100000: we print its time
  to finish the same site beside ours, its URLs/s beside our pages/s, and the dead links each found.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

RUN_OURS = """
import asyncio, json, resource, sys, time
from pathlib import Path
from zwgk.inspect import run as run_mod
from zwgk.inspect.config import load_config
from zwgk.inspect.output import write_all
cfg = load_config(sys.argv[1])
t = time.perf_counter()
results = getattr(run_mod, "run_async", asyncio.run)(run_mod.inspect_config(cfg))
took = time.perf_counter() - t
write_all(results, Path(sys.argv[2]), cfg.today)
c = results[0].crawl
r = resource.getrusage(resource.RUSAGE_SELF)
k = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes (reaped by now)
print(json.dumps({"seconds": took, "pages": c.pages, "attachments": c.attachments, "urls": c.urls,
    "findings": len(results[0].findings), "errors": results[0].check_errors,
    "cpu": r.ru_utime + r.ru_stime, "maxrss_kb": r.ru_maxrss,
    "children_cpu": k.ru_utime + k.ru_stime,
    "rendered": getattr(c, "rendered", 0), "render_seconds": getattr(c, "render_seconds", 0.0),
    "children_maxrss_kb": k.ru_maxrss}))
"""

RUN_CHILD = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "w"), stderr=subprocess.DEVNULL)
print(json.dumps({"seconds": time.perf_counter() - t, "rc": p.returncode,
    "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""

SERVE = """
import sys
try:  # trees before the demo site moved to zwgk/devtools (tried first: an editable install of
    from zwgk.inspect.cli import demo_site  # this tree would otherwise lend its zwgk.devtools)
except ImportError:
    from zwgk.devtools.cli import demo_site
demo_site(sys.argv[1:])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_linkchecker(venv: Path) -> Path:
    exe = venv / "bin" / "linkchecker"
    if not exe.exists():
        print(f"installing LinkChecker into {venv} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "linkchecker"], check=True)
    return exe


def linkchecker_dead(text: str) -> set[str]:
    dead = set()
    for block in text.split("\n\n"):
        real = re.search(r"^Real URL\s+(\S+)", block, re.M)
        if real and re.search(r"^Result\s+Error", block, re.M):
            dead.add(real.group(1))
    return dead


def serve(root: Path, work: Path, pages: int, seed: int, render: bool) -> tuple:
    port = free_port()
    manifest, config = work / "manifest.json", work / "site.yaml"
    args = ["--pages", str(pages), "--port", str(port), "--seed", str(seed),
            "--manifest", str(manifest), "--config", str(config)]  # fmt: skip
    if not render and root == ROOT:
        args.append("--no-render")
    server = subprocess.Popen([PY, "-c", SERVE, *args], cwd=root, stderr=subprocess.DEVNULL)
    home = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(home, timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    m = json.loads(manifest.read_text(encoding="utf-8"))
    return server, home, m, config


def write_config(
    config: Path, m: dict, out: Path, render: str = "column", typo_model: bool = True
) -> Path:
    """The served site's configuration with no page cap; ``render``: ``none``, ``column`` (the
    browser-only column, as the demo configures it) or ``all`` (every column list page);
    ``typo_model=False`` leaves the wording checks' typo model out."""
    doc = yaml.safe_load(config.read_text(encoding="utf-8"))
    doc["settings"]["max_pages"] = 1_000_000
    doc["today"] = m["today"]
    for site in doc["sites"]:
        for col in site.get("columns") or []:
            col["render"] = render == "column"
        if not typo_model:
            site.setdefault("options", {}).setdefault("wording", {})["model"] = False
    if render == "all":
        doc["settings"]["render"] = True
        doc["settings"]["render_pages"] = 1000
    out.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def proc_cpu(pid: int) -> float:
    """CPU seconds a running process has used so far (the served site's, on Linux; else 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def inspect(root: Path, config: Path, out: Path, server: subprocess.Popen | None = None) -> dict:
    """One inspection in a process of its own: its figures, with the CPU the served site used
    meanwhile (``site_cpu``)."""
    before = proc_cpu(server.pid) if server else 0.0
    res = subprocess.run(
        [PY, "-c", RUN_OURS, str(config), str(out)],
        cwd=root, capture_output=True, text=True, check=True,
    )  # fmt: skip
    r = json.loads(res.stdout.strip().splitlines()[-1])
    r.setdefault("children_cpu", 0.0)
    r["site_cpu"] = proc_cpu(server.pid) - before if server else 0.0
    return r


def per_page(r: dict, key: str) -> float:
    """CPU milliseconds per page (and attachment) of one run; ``key`` ``total``: the inspector's
    own processes, the crawler and its workers."""
    cpu = r["cpu"] + r["children_cpu"] if key == "total" else r[key]
    return cpu / (r["pages"] + r["attachments"]) * 1000


CORES = os.cpu_count() or 2


def cpu_bound(r: dict) -> float:
    """Pages/s the run's CPU use allows on ``CORES`` idle cores: neither the crawler nor the
    workers (one process on two cores) can go faster than one core runs it, nor all of them with
    the served site faster than the cores together."""
    crawler, workers = per_page(r, "cpu"), per_page(r, "children_cpu")
    busiest = max(crawler, workers, (crawler + workers + per_page(r, "site_cpu")) / CORES)
    return 1000 / busiest


def describe(name: str, r: dict) -> str:
    n = r["pages"] + r["attachments"]
    return (
        f"{name}: {n} pages+attachments ({r['urls']} URLs) in {r['seconds']:.1f} s = "
        f"{n / r['seconds']:.0f} pages/s; CPU ms/page: crawler {per_page(r, 'cpu'):.2f} + "
        f"workers {per_page(r, 'children_cpu'):.2f} = {per_page(r, 'total'):.2f} "
        f"(served site {per_page(r, 'site_cpu'):.2f}); peak RSS: crawler "
        f"{r['maxrss_kb'] / 1024:.0f} MB, largest worker {r['children_maxrss_kb'] / 1024:.0f} MB; "
        f"{r['findings']} findings"
    )


def side_by_side(a: argparse.Namespace, work: Path) -> None:
    base = Path(a.baseline).resolve()
    server, home, m, config = serve(base, work, a.pages, a.seed, render=False)
    try:
        cfg = write_config(config, m, work / "run.yaml", "none")
        print(f"site (baseline's demo site, plain HTML): {home} seed {a.seed}, {m['pages']} pages")
        runs: dict[str, list[dict]] = {"baseline": [], "ours": []}
        for i in range(a.rounds):
            for name, root in (("baseline", base), ("ours", ROOT)):
                r = inspect(root, cfg, work / f"out-{name}-{i}", server)
                runs[name].append(r)
                print(describe(f"  round {i + 1} {name:8}", r), flush=True)

        def median(name: str, f) -> float:
            return statistics.median(f(r) for r in runs[name])

        rate = {
            k: median(k, lambda r: (r["pages"] + r["attachments"]) / r["seconds"]) for k in runs
        }
        print(
            f"median pages/s: baseline {rate['baseline']:.0f}, ours {rate['ours']:.0f} "
            f"({rate['ours'] / rate['baseline']:.2f}×)"
        )
        for key, what in (
            ("cpu", "crawler"),
            ("children_cpu", "workers"),
            ("total", "crawler + workers"),
            ("site_cpu", "served site"),
        ):
            b, o = (median(k, lambda r, key=key: per_page(r, key)) for k in runs)
            print(f"median CPU ms/page, {what}: baseline {b:.2f}, ours {o:.2f} ({o / b:.2f}×)")
        bound = {k: median(k, cpu_bound) for k in runs}
        print(
            f"median CPU-bound pages/s on {CORES} otherwise idle cores (an estimate from the CPU "
            f"figures, which other load on the machine disturbs far less than the wall clock): "
            f"baseline {bound['baseline']:.0f}, ours {bound['ours']:.0f} "
            f"({bound['ours'] / bound['baseline']:.2f}×)"
        )
        rss = {k: max(r["maxrss_kb"] for r in v) / 1024 for k, v in runs.items()}
        kid = {k: max(r["children_maxrss_kb"] for r in v) / 1024 for k, v in runs.items()}
        print(
            f"peak RSS: baseline crawler {rss['baseline']:.0f} MB + largest worker "
            f"{kid['baseline']:.0f} MB, ours {rss['ours']:.0f} MB + {kid['ours']:.0f} MB"
        )
    finally:
        server.terminate()
        server.wait(10)


def against_linkchecker(a: argparse.Namespace, work: Path) -> None:
    lc = None if a.skip_linkchecker else ensure_linkchecker(Path(a.lc_venv))
    server, home, m, config = serve(ROOT, work, a.pages, a.seed, render=True)
    try:
        print(f"site: {home} seed {a.seed}, {m['pages']} pages planned", flush=True)
        ours = inspect(
            ROOT, write_config(config, m, work / "plain.yaml", "none"), work / "o", server
        )
        print(describe("zwgk inspect (no rendering)", ours), flush=True)
        if a.typo_model_off:
            cfg = write_config(config, m, work / "no-model.yaml", "none", typo_model=False)
            bare = inspect(ROOT, cfg, work / "no-model", server)
            print(describe("zwgk inspect (no rendering, typo model off)", bare), flush=True)
            print(
                f"  typo model on / off: {ours['seconds'] / bare['seconds']:.2f}× the time, "
                f"{per_page(ours, 'total') / per_page(bare, 'total'):.2f}× the CPU (crawler + "
                f"workers)"
            )
        if a.render:
            for mode in ("column", "all"):
                cfg = write_config(config, m, work / f"render-{mode}.yaml", mode)
                rendered = inspect(ROOT, cfg, work / f"r-{mode}", server)
                what = "the browser-only column" if mode == "column" else "every column list page"
                print(describe(f"zwgk inspect (rendering {what})", rendered), flush=True)
                k = rendered["rendered"]
                if k:
                    print(
                        f"  rendered {k} list page(s) in Chromium: "
                        f"{rendered['render_seconds'] / k:.2f} s per page; the whole run took "
                        f"{rendered['seconds'] - ours['seconds']:+.1f} s against no rendering"
                    )
        findings = json.loads((work / "o" / "findings.json").read_text(encoding="utf-8"))
        ours_checks = ("links-dead", "links-dead-homepage", "links-dead-resource")
        our_dead = {f["url"] for f in findings if f["check"] in ours_checks}
        print(f"  dead internal links and resources found: {len(our_dead)}")
        if lc is None:
            return
        rc = work / "linkcheckerrc"
        rc.write_text("[checking]\nmaxrequestspersecond=100000\n", encoding="utf-8")
        lc_out = work / "linkchecker.txt"
        res = subprocess.run(
            [PY, "-c", RUN_CHILD, str(lc_out), str(lc), "-f", str(rc), "--no-status", "-o", "text",
             "-t", "10", "--no-warnings", home],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        theirs = json.loads(res.stdout.strip().splitlines()[-1])
        text = lc_out.read_text(encoding="utf-8", errors="replace")
        checked = re.search(r"(\d+) links? in (\d+) URLs? checked", text)
        lc_urls = int(checked.group(2)) if checked else 0
        lc_dead = linkchecker_dead(text)
        print(
            f"LinkChecker: {lc_urls} URLs in {theirs['seconds']:.1f} s = "
            f"{lc_urls / theirs['seconds']:.0f} URLs/s, peak RSS {theirs['maxrss_kb'] / 1024:.0f} MB, "
            f"{len(lc_dead)} dead links",
            flush=True,
        )
        n = ours["pages"] + ours["attachments"]
        print(
            f"time to finish the same site: ours {ours['seconds']:.1f} s (every check, "
            f"{n} pages and attachments read) vs LinkChecker {theirs['seconds']:.1f} s "
            f"(links only, {lc_urls} URLs) = {theirs['seconds'] / ours['seconds']:.1f}×"
        )
        print(
            f"throughput: our pages/s ÷ LinkChecker URLs/s = "
            f"{(n / ours['seconds']) / (lc_urls / theirs['seconds']):.1f}×"
        )
        print(f"dead links both found: {len(our_dead & lc_dead)}")
        print(f"only LinkChecker: {len(lc_dead - our_dead)} {sorted(lc_dead - our_dead)[:5]}")
        only = our_dead - lc_dead
        soft = {f["url"] for f in findings if f.get("data", {}).get("soft404")}
        print(
            f"only ours: {len(only)} ({len(only & soft)} soft 404s LinkChecker cannot see, "
            f"{len(only - soft)} behind script-built lists, onclick links or pages LinkChecker "
            f"could not decode) {sorted(only - soft)[:3]}"
        )
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline", help="an earlier checkout to run side by side with ours")
    ap.add_argument("--render", action="store_true", help="also run with rendering on")
    ap.add_argument("--lc-venv", default="/tmp/lcvenv")
    ap.add_argument("--typo-model-off", action="store_true", help="also run without the typo model")
    ap.add_argument("--skip-linkchecker", action="store_true")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="zwgk-bench-"))
    try:
        if a.baseline:
            side_by_side(a, work)
        else:
            against_linkchecker(a, work)
    finally:
        os.environ.get("KEEP_BENCH") or subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
