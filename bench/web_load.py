"""Web load: 50 concurrent signed-in sessions against the ranking and score-sheet pages.

Sets up the demo (migrate + ``demo``: XX区2023, 45 units) in a temporary directory, marks the
round published (so unit users may open their 评分表), starts a real server on a free port of
127.0.0.1, signs in the sessions, then drives them for ``--duration`` seconds with no think time:
office sessions (考核办, 考核小组, 领导组) loop on /r/<id>/ranking/, unit sessions on their own
/r/<id>/sheet/<unit>/. Prints requests, errors, throughput and p50/p95/p99 latency per page.
Target: p95 under 300 ms on SQLite, 0 errors.

    .venv/bin/python bench/web_load.py                      # Django runserver (development server)
    .venv/bin/python bench/web_load.py --server gunicorn    # zwgk.web.serve (gunicorn gthread)

``make run`` and deployments serve with ``zwgk.web.serve``; runserver is what ``make run`` used before.
    .venv/bin/python bench/web_load.py --server gunicorn --workers 3 --threads 4 --duration 30

``--in-process`` starts no server: one process calls the WSGI application (every middleware, the
view, the template) directly, one request at a time, and prints each page's CPU per request and
queries, then the same with 20 threads at once (``--in-process-threads``: every time a thread
waits for the OS or SQLite another takes the interpreter lock, as under runserver's thread per
connection); ``--profile N`` adds cProfile's N most expensive calls per page. What the first
figure leaves out of the server's is the server's own work (HTTP, threads taking turns).
    .venv/bin/python bench/web_load.py --in-process --profile 40
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "zwgk-demo-2023"
OFFICE_USERS = ["kaohe", "pingfen", "pingfen2", "lingdao"]
TARGET_P95_MS = 300.0


IN_PROCESS = """
import cProfile, io, json, os, pstats, sys, threading, time
import django
django.setup()
from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

info, repeat, top, threads = json.loads(sys.argv[1]), *map(int, sys.argv[2:5])
app = WSGIHandler()


def cookie(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())


def get(path, cookie):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1", "HTTP_COOKIE": cookie, "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
    }
    status = []
    body = b"".join(app(environ, lambda s, h, *a: status.append(s)))
    assert status[0].startswith("200"), (path, status, body[:200])


unit, unit_id = next(iter(info["units"].items()))
pages = {
    "ranking": (f"/r/{info['round']}/ranking/", cookie("kaohe")),
    "sheet": (f"/r/{info['round']}/sheet/{unit_id}/", cookie(unit)),
}
for page, (path, jar) in pages.items():
    for _ in range(5):  # the round's results, page bodies and caches
        get(path, jar)
    with CaptureQueriesContext(connection) as queries:
        get(path, jar)
    n_queries = len(queries)  # read now: the next request empties the log it slices
    runs = []
    for _ in range(3):
        t0 = time.process_time()
        for _ in range(repeat):
            get(path, jar)
        runs.append((time.process_time() - t0) * 1000 / repeat)
    shown = ", ".join(f"{r:.2f}" for r in runs)
    print(f"{page:<10}{min(runs):.2f} ms CPU per request (best of {shown}), {n_queries} queries")
    if threads > 1:  # threads taking turns, as under runserver: every lock hand-over costs
        done = []

        def loop():
            for _ in range(repeat // threads + 1):
                get(path, jar)
            done.append(repeat // threads + 1)

        t0 = time.process_time()
        pool = [threading.Thread(target=loop) for _ in range(threads)]
        [t.start() for t in pool]
        [t.join() for t in pool]
        ms = (time.process_time() - t0) * 1000 / sum(done)
        print(f"{'':<10}{ms:.2f} ms CPU per request with {threads} threads")
    if top:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(repeat):
            get(path, jar)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
"""


def in_process(var_dir: Path, info: dict, repeat: int, top: int, threads: int) -> None:
    """Each page through the WSGI application in one process, no server (see the docstring)."""
    cmd = [sys.executable, "-c", IN_PROCESS, json.dumps(info), str(repeat), str(top), str(threads)]
    env = server_env(var_dir) | {"DJANGO_SETTINGS_MODULE": "zwgk.web.settings"}
    subprocess.run(cmd, env=env, check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(var_dir: Path) -> dict:
    """Migrate and load the demo into ``var_dir``; return round id and unit ids by username."""
    env = server_env(var_dir)
    py = sys.executable
    subprocess.run([py, "-m", "zwgk.web", "migrate", "--noinput", "-v0"], env=env, check=True)
    # the pages only: no demo websites, no background monitoring in the measured process group
    subprocess.run([py, "-m", "zwgk.web", "demo", "--quiet", "--no-monitor"], env=env, check=True)
    script = (
        "from zwgk.web.rounds.models import Membership, Round\n"
        "r = Round.objects.get()\n"
        "Round.objects.filter(pk=r.pk).update(status=Round.Status.PUBLISHED)\n"
        "print('@round', r.pk)\n"
        "for m in Membership.objects.filter(round=r, role='unit').select_related('user'):\n"
        "    print('@unit', m.user.username, m.unit_id)\n"
    )
    out = subprocess.run(
        [py, "-m", "zwgk.web", "shell", "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    rows = [line.split()[1:] for line in out if line.startswith("@")]
    units = {name: int(unit_id) for name, unit_id in rows[1:]}
    return {"round": int(rows[0][0]), "units": dict(sorted(units.items()))}


def server_env(var_dir: Path) -> dict:
    env = dict(os.environ)
    env.update(
        ZWGK_VAR_DIR=str(var_dir),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        PYTHONWARNINGS="ignore",
        LOG_LEVEL="ERROR",
        ZWGK_DEMO_SITES="false",
        MONITOR_EMBEDDED="false",
    )
    env.pop("DATABASE_URL", None)  # the target is SQLite
    return env


def start_server(args, var_dir: Path, port: int) -> subprocess.Popen:
    py = sys.executable
    if args.server == "runserver":
        cmd = [py, "-m", "zwgk.web", "runserver", f"127.0.0.1:{port}", "--noreload"]
    else:
        cmd = [py, "-m", "zwgk.web.serve", "--bind", f"127.0.0.1:{port}"]
        cmd += ["--workers", str(args.workers), "--threads", str(args.threads)]
    log = open(var_dir / "server.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        cmd, env=server_env(var_dir), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of a process group."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # field 5 of stat: process group
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def wait_up(base: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as s:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"服务器未能启动（退出码 {proc.returncode}）")
            try:
                async with s.get(base + "/login/") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("服务器 30 秒内没有响应")


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    samples: dict[str, str] = field(default_factory=dict)
    client_cpu: float = 0.0
    server_cpu: float = 0.0

    def add(self, page: str, ms: float, error: str | None) -> None:
        self.latencies.setdefault(page, []).append(ms)
        if error:
            self.errors[page] = self.errors.get(page, 0) + 1
            self.samples.setdefault(page, error)


@dataclass
class Session:
    username: str
    page: str
    url: str
    marker: str
    http: aiohttp.ClientSession | None = None


async def login(base: str, s: Session) -> None:
    s.http = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=1),
        cookie_jar=aiohttp.CookieJar(unsafe=True),
        timeout=aiohttp.ClientTimeout(total=60),
    )
    async with s.http.get(base + "/login/") as r:
        html = await r.text()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = {"csrfmiddlewaretoken": token, "username": s.username, "password": PASSWORD}
    async with s.http.post(base + "/login/", data=data, headers={"Referer": base + "/login/"}) as r:
        await r.read()
        if r.status != 200 or "/login/" in str(r.url):
            raise SystemExit(f"{s.username} 登录失败（HTTP {r.status}）")
    async with s.http.get(base + s.url) as r:  # warm-up, not counted
        await r.read()
        if r.status != 200:
            raise SystemExit(f"{s.username} 打开 {s.url} 失败（HTTP {r.status}）")


async def drive(base: str, s: Session, stop_at: float, stats: Stats) -> None:
    while time.monotonic() < stop_at:
        t0 = time.perf_counter()
        error = None
        try:
            async with s.http.get(base + s.url, allow_redirects=False) as r:
                body = await r.text()
                if r.status != 200:
                    error = f"HTTP {r.status}"
                elif s.marker not in body:
                    error = "页面内容不完整"
        except (TimeoutError, aiohttp.ClientError) as exc:
            error = type(exc).__name__
        stats.add(s.page, (time.perf_counter() - t0) * 1000, error)


def pct(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    k = max(0, min(len(sorted_ms) - 1, round(p / 100 * len(sorted_ms) + 0.5) - 1))
    return sorted_ms[k]


def report(stats: Stats, elapsed: float, label: str) -> bool:
    print(f"\n== {label}：{elapsed:.1f} 秒 ==")
    head = f"{'page':<10}{'requests':>10}{'errors':>8}{'req/s':>9}{'mean':>9}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}"
    print(head + "   (ms)")
    ok = True
    all_ms: list[float] = []
    for page in sorted(stats.latencies):
        ms = sorted(stats.latencies[page])
        all_ms += ms
        errs = stats.errors.get(page, 0)
        p95 = pct(ms, 95)
        ok = ok and errs == 0 and p95 < TARGET_P95_MS
        print(
            f"{page:<10}{len(ms):>10}{errs:>8}{len(ms) / elapsed:>9.1f}{statistics.fmean(ms):>9.1f}"
            f"{pct(ms, 50):>9.1f}{p95:>9.1f}{pct(ms, 99):>9.1f}{ms[-1]:>9.1f}"
        )
        if page in stats.samples:
            print(f"  first error: {stats.samples[page]}")
    all_ms.sort()
    errs = sum(stats.errors.values())
    print(
        f"{'all':<10}{len(all_ms):>10}{errs:>8}{len(all_ms) / elapsed:>9.1f}"
        f"{statistics.fmean(all_ms):>9.1f}{pct(all_ms, 50):>9.1f}{pct(all_ms, 95):>9.1f}"
        f"{pct(all_ms, 99):>9.1f}{all_ms[-1]:>9.1f}"
    )
    print(
        f"server CPU: {stats.server_cpu / elapsed:.2f} cores, "
        f"{stats.server_cpu * 1000 / max(1, len(all_ms)):.1f} ms per request; "
        f"load generator: {stats.client_cpu / elapsed:.2f} cores; machine: {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    verdict = "达到" if ok else "未达到"
    print(f"目标（每个页面 p95 < {TARGET_P95_MS:.0f} ms，0 错误）：{verdict}")
    return ok


async def run(args, base: str, info: dict, server_pid: int) -> tuple[Stats, float]:
    rid = info["round"]
    units = list(info["units"].items())
    sessions: list[Session] = []
    for i in range(args.office):
        sessions.append(
            Session(OFFICE_USERS[i % len(OFFICE_USERS)], "ranking", f"/r/{rid}/ranking/", "排名")
        )
    for i in range(args.sessions - args.office):
        username, unit_id = units[i % len(units)]
        sessions.append(Session(username, "sheet", f"/r/{rid}/sheet/{unit_id}/", "评分表"))
    t0 = time.monotonic()
    sem = asyncio.Semaphore(8)

    async def login_one(s: Session) -> None:
        async with sem:
            await login(base, s)

    await asyncio.gather(*(login_one(s) for s in sessions))
    print(f"{len(sessions)} 个会话已登录（{time.monotonic() - t0:.1f} 秒）", flush=True)
    stats = Stats()
    cpu0 = time.process_time()
    server0 = group_cpu(server_pid)
    start = time.monotonic()
    try:
        await asyncio.gather(*(drive(base, s, start + args.duration, stats) for s in sessions))
    finally:
        elapsed = time.monotonic() - start
        stats.client_cpu = time.process_time() - cpu0
        stats.server_cpu = group_cpu(server_pid) - server0
        for s in sessions:
            await s.http.close()
    return stats, elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--server", choices=["runserver", "gunicorn"], default="runserver")
    ap.add_argument("--workers", type=int, default=0, help="gunicorn: 0 = zwgk.web.serve default")
    ap.add_argument("--threads", type=int, default=0, help="gunicorn: 0 = zwgk.web.serve default")
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--office", type=int, default=15, help="sessions on the ranking page")
    ap.add_argument("--duration", type=float, default=30.0)
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--in-process", action="store_true", help="no server: see the docstring")
    ap.add_argument("--repeat", type=int, default=300, help="--in-process: requests per run")
    ap.add_argument("--profile", type=int, default=0, help="--in-process: cProfile's top N")
    ap.add_argument(
        "--in-process-threads", type=int, default=20, help="--in-process: then N threads at once"
    )
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="zwgk-load-"))
    proc = None
    try:
        t0 = time.monotonic()
        info = prepare(tmp)
        print(f"演示数据已就绪：{len(info['units'])} 个单位（{time.monotonic() - t0:.1f} 秒）")
        if args.in_process:
            in_process(tmp, info, args.repeat, args.profile, args.in_process_threads)
            return 0
        port = free_port()
        proc = start_server(args, tmp, port)
        base = f"http://127.0.0.1:{port}"
        asyncio.run(wait_up(base, proc))
        label = args.server
        if args.server == "gunicorn":
            label += f" (workers={args.workers or 'auto'}, threads={args.threads or 'auto'})"
        print(
            f"服务器：{label}，{base}；{args.sessions} 个会话（排名 {args.office}，评分表 "
            f"{args.sessions - args.office}），{args.duration:.0f} 秒，无间隔",
            flush=True,
        )
        stats, elapsed = asyncio.run(run(args, base, info, proc.pid))
        ok = report(stats, elapsed, label)
        return 0 if ok else 1
    finally:
        if proc is not None:
            stop_server(proc)
        if args.keep:
            print(f"临时目录：{tmp}")
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
