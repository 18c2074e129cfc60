"""Our full inspection (every check on) against LinkChecker on the same generated site.

    .venv/bin/python bench/inspect_bench.py [--pages 50000] [--seed 1] [--lc-venv /tmp/lcvenv]

The demo site is served from memory by a separate process on 127.0.0.1; every response carries a
``LinkChecker`` header. LinkChecker (installed into a separate venv, default /tmp/lcvenv) runs with
text output, --check-extern off (its default), 10 threads, and maxrequestspersecond=100000 in a
config file: with the header alone it still sleeps 0.1–0.6 s between requests to one host, so
both tools run at their fastest. Prints pages/s for both, the ratio, peak memory (max RSS of
each tool's process) and the dead links each found."""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

RUN_OURS = """
import asyncio, json, resource, sys, time
from zwgk.inspect.config import load_config
from zwgk.inspect.output import write_all
from zwgk.inspect.run import inspect_config
cfg = load_config(sys.argv[1])
t = time.perf_counter()
results = asyncio.run(inspect_config(cfg))
took = time.perf_counter() - t
write_all(results, __import__("pathlib").Path(sys.argv[2]), cfg.today)
c = results[0].crawl
print(json.dumps({"seconds": took, "pages": c.pages, "attachments": c.attachments, "urls": c.urls,
    "findings": len(results[0].findings), "errors": results[0].check_errors,
    "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "children_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""

RUN_CHILD = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "w"), stderr=subprocess.DEVNULL)
print(json.dumps({"seconds": time.perf_counter() - t, "rc": p.returncode,
    "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lc-venv", default="/tmp/lcvenv")
    ap.add_argument("--skip-linkchecker", action="store_true")
    a = ap.parse_args()
    lc = None if a.skip_linkchecker else ensure_linkchecker(Path(a.lc_venv))
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="zwgk-bench-"))
    manifest = work / "manifest.json"
    config = work / "site.yaml"
    server = subprocess.Popen(
        [PY, "-c", "import sys; from zwgk.devtools.cli import demo_site; demo_site(sys.argv[1:])",
         "--pages", str(a.pages), "--port", str(port), "--seed", str(a.seed),
         "--manifest", str(manifest), "--config", str(config)],
        cwd=ROOT, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        home = f"http://127.0.0.1:{port}/"
        for _ in range(300):
            try:
                urllib.request.urlopen(home, timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        m = json.loads(manifest.read_text(encoding="utf-8"))
        cfg = config.read_text(encoding="utf-8").replace(
            "concurrency: 16", "concurrency: 16\n  max_pages: 1000000"
        )
        config.write_text(cfg + f"today: '{m['today']}'\n", encoding="utf-8")
        print(f"site: {home} seed {a.seed}, {m['pages']} pages planned", flush=True)
        out = subprocess.run(
            [PY, "-c", RUN_OURS, str(config), str(work / "out")],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        ours = json.loads(out.stdout.strip().splitlines()[-1])
        findings = json.loads((work / "out" / "findings.json").read_text(encoding="utf-8"))
        our_dead = {
            f["url"] for f in findings if f["check"] in ("links-dead", "links-dead-homepage")
        }
        n = ours["pages"] + ours["attachments"]
        print(
            f"zwgk inspect : {n} pages+attachments ({ours['urls']} URLs) in {ours['seconds']:.1f} s"
            f" = {n / ours['seconds']:.0f} pages/s, peak RSS {ours['maxrss_kb'] / 1024:.0f} MB "
            f"(attachment-text process {ours['children_maxrss_kb'] / 1024:.0f} MB), "
            f"{ours['findings']} findings, {len(our_dead)} dead internal links",
            flush=True,
        )
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
            f"LinkChecker  : {lc_urls} URLs in {theirs['seconds']:.1f} s = "
            f"{lc_urls / theirs['seconds']:.0f} URLs/s, peak RSS {theirs['maxrss_kb'] / 1024:.0f} MB, "
            f"{len(lc_dead)} dead links",
            flush=True,
        )
        ours_rate = n / ours["seconds"]
        print(
            f"ratio (our pages/s ÷ LinkChecker URLs/s): {ours_rate / (lc_urls / theirs['seconds']):.1f}×"
        )
        print(
            f"time to inspect the same site: ours {ours['seconds']:.1f} s vs LinkChecker "
            f"{theirs['seconds']:.1f} s ({theirs['seconds'] / ours['seconds']:.1f}×)"
        )
        print(f"dead links both found: {len(our_dead & lc_dead)}")
        print(f"only LinkChecker: {len(lc_dead - our_dead)} {sorted(lc_dead - our_dead)[:5]}")
        only = our_dead - lc_dead
        soft = {f["url"] for f in findings if f.get("data", {}).get("soft404")}
        print(
            f"only ours: {len(only)} ({len(only & soft)} soft 404s LinkChecker cannot see, "
            f"{len(only - soft)} behind pages LinkChecker could not decode) {sorted(only - soft)[:3]}"
        )
    finally:
        server.terminate()
        server.wait(10)
        os.environ.get("KEEP_BENCH") or subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
