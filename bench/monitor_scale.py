"""How the monitor scales out: N generated sites inspected through the broker by 1 Celery worker
process, then by 2, side by side (legs alternate, ``--repeat`` times).

    .venv/bin/python bench/monitor_scale.py --sites 8 [--pages 150] [--max-pages 150]
        [--latency 0.15] [--rate 5] [--repeat 2] [--broker redis://127.0.0.1:6379/2]

The sites are the demo generator's (``zwgk.devtools``), served by a separate process on 127.0.0.1,
one port (so one host, one politeness limit) per site, each answer delayed like a real
government server's (log-normal, median ``--latency`` seconds). A "worker" is one
``celery worker -c 1`` process (its parent and its one child; ``--per-worker K`` for ``-c K``); the results go to PostgreSQL
(database ``zwgk_h16bench``, recreated) when 127.0.0.1:5432 answers, else to a SQLite file. Each
leg: the workers are started and warmed up, a full crawl of every site is queued, the clock runs
until the last is stored. Printed per leg: sites/h, pages, CPU seconds per site, and each
worker's memory (peak PSS of its processes, shared pages counted once). The last line:

    monitor scale: 1 worker X sites/h, 2 workers Y sites/h (ratio R), broker URL

with X and Y the medians over the repeats. The machine is shared: say so with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.monitor.cluster import PY, Cluster, die_with_parent, register  # noqa: E402

SERVE = """
import asyncio, json, sys
from zwgk.devtools.demo_site import DemoSite
from tests.monitor.servers import start_slow
n, pages, latency = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
async def main():
    servers = []
    for i in range(n):
        site = DemoSite(pages, seed=i + 1)
        servers.append(await start_slow(site, latency, i))
        servers[-1].site = site
    print(json.dumps([s.site.base for s in servers]), flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""

ENQUEUE = """
from django.utils import timezone
from zwgk.web.monitor import dispatch
from zwgk.web.monitor.models import MonitoredSite, Run
now = timezone.now()
out = []
for i, site in enumerate(MonitoredSite.objects.order_by("id")):
    run = dispatch.new_run(site, Run.Kind.CRAWL, now + timezone.timedelta(microseconds=i))
    dispatch.enqueue_run(run.pk)
    out.append(run.pk)
"""


PROBES = """
import itertools
from django.utils import timezone
from zwgk.web.monitor import dispatch
from zwgk.web.monitor.models import MonitoredSite
sites = list(MonitoredSite.objects.order_by("id").values_list("id", flat=True))
start = timezone.now().replace(microsecond=0) + timezone.timedelta(days=400)
for i, site in zip(range(N), itertools.cycle(sites)):
    dispatch.enqueue_probe(site, start + timezone.timedelta(seconds=i))
out = N
"""

SIZES = """
from django.db import connection
from zwgk.web.monitor import models
out = {}
with connection.cursor() as cur:
    for m in (models.Probe, models.Run, models.Finding, models.RunFinding, models.Column, models.ColumnChange, models.Snapshot):
        t = m._meta.db_table
        cur.execute(f"SELECT count(*), pg_total_relation_size('{t}') FROM {t}")
        out[t] = cur.fetchone()
"""


def pss_kb(pid: int) -> int:
    """Proportional set size of one process (shared pages split between their users)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree(pid: int) -> list[int]:
    out = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for k in kids:
        out += tree(int(k))
    return out


def cpu_seconds(pids: list[int]) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


class Sampler(threading.Thread):
    """Peak memory (PSS) and last CPU time of each worker's process tree, every half second."""

    def __init__(self, workers: list[subprocess.Popen]):
        super().__init__(daemon=True)
        self.workers = workers
        self.peak = [0] * len(workers)
        self.cpu = [0.0] * len(workers)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            for i, w in enumerate(self.workers):
                pids = tree(w.pid)
                self.peak[i] = max(self.peak[i], sum(pss_kb(p) for p in pids))
                self.cpu[i] = max(self.cpu[i], cpu_seconds(pids))


def wait_ready(c: Cluster, names: list[str], timeout: float = 180) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        logs = [(c.tmp / f"{n}.log").read_text(errors="replace") for n in names]
        if all("ready." in log for log in logs):
            return
        time.sleep(0.5)
    raise TimeoutError(f"workers not ready: {names}")


def leg(c: Cluster, n_workers: int, n_sites: int, tag: str, per_worker: int = 1) -> dict:
    names = [f"{tag}w{i}" for i in range(n_workers)]
    workers = []
    for name in names:
        log = c.tmp / f"{name}.log"
        out = open(log, "ab")  # noqa: SIM115 — closed with the process
        workers.append(
            subprocess.Popen(
                [PY, "-m", "celery", "-A", "zwgk.web.celery", "worker", "-Q", c.queues(),
                 "-c", str(per_worker), "-n", f"{name}.{c.tag}@%h", "--without-gossip", "--without-mingle",
                 "--without-heartbeat", "-P", "prefork", "-l", "INFO"],
                env=c.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=die_with_parent,
            )
        )  # fmt: skip
    c.procs += workers
    wait_ready(c, names)
    sampler = Sampler(workers)
    sampler.start()
    time.sleep(1.0)
    cpu0 = [cpu_seconds(tree(w.pid)) for w in workers]
    started = time.monotonic()
    runs = c.py(ENQUEUE)
    marks = ",".join("?" * len(runs))
    while True:
        rows = c.sql(f"SELECT state, summary FROM monitor_run WHERE id IN ({marks})", *runs)
        if all(r[0] in ("done", "failed") for r in rows):
            break
        time.sleep(0.5)
    elapsed = time.monotonic() - started
    sampler.stop.set()
    sampler.join()
    for w in workers:
        Cluster.stop(w)
    summaries = [r[1] if isinstance(r[1], dict) else json.loads(r[1] or "{}") for r in rows]
    pages = [x.get("pages", 0) for x in summaries]
    failed = sum(r[0] == "failed" for r in rows)
    cpu = sum(max(0.0, a - b) for a, b in zip(sampler.cpu, cpu0, strict=True))
    return {
        "workers": n_workers,
        "sites": n_sites,
        "failed": failed,
        "seconds": elapsed,
        "sites_h": n_sites / elapsed * 3600,
        "pages": sum(pages),
        "cpu_per_site": cpu / n_sites,
        "pss_mb": [round(p / 1024) for p in sampler.peak],
    }


def probe_leg(c: Cluster, n: int) -> dict:
    """``n`` availability probes through the broker by one worker: probes per second, CPU each."""
    name = "probes"
    out = open(c.tmp / f"{name}.log", "ab")  # noqa: SIM115
    w = subprocess.Popen(
        [PY, "-m", "celery", "-A", "zwgk.web.celery", "worker", "-Q", c.queues(), "-c", "1",
         "-n", f"{name}.{c.tag}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
         "-P", "prefork", "-l", "INFO"],
        env=c.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=die_with_parent,
    )  # fmt: skip
    c.procs.append(w)
    wait_ready(c, [name])
    before = c.sql("SELECT count(*) FROM monitor_probe")[0][0]
    cpu0 = cpu_seconds(tree(w.pid))
    started = time.monotonic()
    c.py(f"N = {n}\n" + PROBES)
    while c.sql("SELECT count(*) FROM monitor_probe")[0][0] < before + n:
        time.sleep(0.5)
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(tree(w.pid)) - cpu0
    Cluster.stop(w)
    return {"per_s": n / elapsed, "cpu_ms": 1000 * cpu / n}


def database_env() -> dict[str, str]:
    """PostgreSQL (a fresh bench database) when it answers, else nothing (SQLite file)."""
    try:
        with psycopg.connect(
            "host=127.0.0.1 user=postgres dbname=postgres", connect_timeout=3, autocommit=True
        ) as conn:
            conn.execute("DROP DATABASE IF EXISTS zwgk_h16bench")
            conn.execute("CREATE DATABASE zwgk_h16bench")
    except Exception:
        return {}
    return {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/zwgk_h16bench"}


class PgCluster(Cluster):
    """A cluster whose database is PostgreSQL: progress is read through a snippet-free psycopg
    connection instead of the SQLite file."""

    def sql(self, query: str, *params) -> list[tuple]:
        if "DATABASE_URL" not in self.env:
            return super().sql(query, *params)
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            return conn.execute(query.replace("?", "%s"), params).fetchall()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", type=int, default=8)
    ap.add_argument("--pages", type=int, default=150, help="demo generator's size per site")
    ap.add_argument("--max-pages", type=int, default=150, help="crawler's page limit per site")
    ap.add_argument("--latency", type=float, default=0.15, help="median seconds per answer")
    ap.add_argument("--rate", type=float, default=5.0, help="requests per second per site")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument(
        "--per-worker", type=int, default=1, help="sites one worker inspects at once (celery -c)"
    )
    ap.add_argument("--broker", default="redis://127.0.0.1:6379/2")
    ap.add_argument("--probes", type=int, default=300, help="probes for the probe figure (0: none)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="monitor-scale-"))
    served = subprocess.Popen(
        [PY, "-c", SERVE, str(args.sites), str(args.pages), str(args.latency)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True,
        preexec_fn=die_with_parent,
    )  # fmt: skip
    bases = json.loads(served.stdout.readline())
    db = database_env()
    env = {"MONITOR_TICK_SECONDS": "3600", **db}
    results = []
    with PgCluster(tmp, args.broker, **env) as c:
        options = {"rate": args.rate, "robots": False, "max_pages": args.max_pages}
        fields = {"probe_minutes": 0, "crawl_days": 0, "freshness_daily": False, "options": options}
        register(c, [(b + "/", fields, False) for b in bases])
        print(
            f"{args.sites} sites of the demo generator ({args.pages} pages asked, crawl limit "
            f"{args.max_pages}), median latency {args.latency} s, {args.rate} requests/s per site; "
            f"broker {args.broker}; database {'PostgreSQL' if db else 'SQLite'}; "
            f"each worker one process with {args.per_worker} child(ren) (celery -c); "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start",
            flush=True,
        )
        for r in range(args.repeat):
            for n in (1, 2):
                res = leg(c, n, args.sites, f"r{r}n{n}", args.per_worker)
                results.append(res)
                print(
                    f"  repeat {r + 1}, {n} worker{'s' if n > 1 else ''}: {res['sites_h']:.1f} sites/h "
                    f"({res['seconds']:.0f} s, {res['pages']} pages, {res['failed']} failed, "
                    f"{res['cpu_per_site']:.1f} CPU s/site, memory per worker "
                    f"{', '.join(f'{m} MB' for m in res['pss_mb'])}; load {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
        if args.probes:
            p = probe_leg(c, args.probes)
            print(
                f"  probes, 1 worker: {p['per_s']:.1f} probes/s, {p['cpu_ms']:.0f} ms CPU per probe",
                flush=True,
            )
        if db:
            sizes = c.py(SIZES)
            print(
                "  database: "
                + "; ".join(f"{t} {n} rows {b / 1024:.0f} kB" for t, (n, b) in sizes.items())
            )
    served.terminate()
    one = statistics.median(r["sites_h"] for r in results if r["workers"] == 1)
    two = statistics.median(r["sites_h"] for r in results if r["workers"] == 2)
    print(
        f"monitor scale: 1 worker {one:.1f} sites/h, 2 workers {two:.1f} sites/h "
        f"(ratio {two / one:.2f}), {args.broker}"
    )


if __name__ == "__main__":
    main()
