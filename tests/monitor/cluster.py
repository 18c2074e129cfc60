"""A throw-away deployment for the Celery tests and the scale benchmark: a SQLite database file
(migrated), the real Redis on 127.0.0.1 (one of the db numbers this project may use, with a key
prefix and queue names of its own so nothing else is touched), Celery worker and beat processes.
Everything else is done by small Python snippets run with the same settings."""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import redis
from kombu import Connection

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
SETUP = "import django, json, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'zwgk.web.settings'); django.setup()\n"


def die_with_parent() -> None:
    """In a child before exec: SIGTERM when the test process goes away (Linux), so a test that
    is killed leaves no worker behind."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def redis_reason(url: str) -> str | None:
    """Why Redis at ``url`` cannot be used (None when it can)."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()
    except Exception as exc:
        return f"Celery 测试已跳过：Redis {url} 无法连接（{type(exc).__name__}）"
    return None


def amqp_reason(url: str) -> str | None:
    """Why RabbitMQ at ``url`` cannot be used (None when it can)."""
    try:
        with Connection(url, connect_timeout=3) as conn:
            conn.connect()
    except Exception as exc:
        return f"RabbitMQ 测试已跳过：{url.split('@')[-1]} 无法连接（{type(exc).__name__}）"
    return None


class Cluster:
    def __init__(
        self,
        tmp: Path,
        broker: str = "redis://127.0.0.1:6379/1",
        template: Path | None = None,
        **env: str,
    ):
        self.tmp = Path(tmp)
        self.template = template
        self.tag = f"h16t{uuid.uuid4().hex[:8]}"
        self.broker = broker
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "zwgk.web.settings",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": "cluster-test",
            "ZWGK_VAR_DIR": str(self.tmp / "var"),
            "ZWGK_SQLITE": str(self.tmp / "db.sqlite3"),
            "ZWGK_EVIDENCE_DIR": str(self.tmp / "evidence"),
            "CELERY_BROKER_URL": broker,
            "CELERY_KEY_PREFIX": f"{self.tag}:",
            "MONITOR_QUEUE_PREFIX": f"{self.tag}.",
            "MONITOR_LIMITER_PREFIX": f"{self.tag}:host:",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.procs: list[subprocess.Popen] = []

    def manage(self, *args: str, timeout: float = 300) -> str:
        p = subprocess.run(
            [PY, "-m", "zwgk.web", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if p.returncode:
            raise RuntimeError(f"{args}: {p.stderr[-3000:]}")
        return p.stdout

    def py(self, code: str, timeout: float = 300):
        """Run ``code`` with Django set up; it sets ``out``, which comes back (as JSON)."""
        script = SETUP + code + "\nprint('\\n@@' + json.dumps(out, default=str))"
        p = subprocess.run(
            [PY, "-c", script],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if p.returncode:
            raise RuntimeError(p.stderr[-3000:])
        return json.loads(p.stdout.rsplit("\n@@", 1)[1])

    def queues(self) -> str:
        return f"{self.tag}.probe,{self.tag}.run"

    def worker(self, name: str, concurrency: int = 1, log: Path | None = None) -> subprocess.Popen:
        """A Celery worker in its own process group (so it can be killed whole, like a machine)."""
        out = open(log or self.tmp / f"{name}.log", "ab")  # noqa: SIM115 — closed with the process
        p = subprocess.Popen(
            [PY, "-m", "celery", "-A", "zwgk.web.celery", "worker", "-Q", self.queues(), "-c", str(concurrency),
             "-n", f"{name}.{self.tag}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-P", "prefork", "-l", "WARNING"],
            env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=die_with_parent,
        )  # fmt: skip
        self.procs.append(p)
        return p

    def beat(self) -> subprocess.Popen:
        out = open(self.tmp / "beat.log", "ab")  # noqa: SIM115
        p = subprocess.Popen(
            [PY, "-m", "celery", "-A", "zwgk.web.celery", "beat", "-s", str(self.tmp / "beat-schedule"),
             "--pidfile", str(self.tmp / "beat.pid"), "-l", "WARNING"],
            env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=die_with_parent,
        )  # fmt: skip
        self.procs.append(p)
        return p

    @staticmethod
    def kill(p: subprocess.Popen) -> None:
        """SIGKILL the process and its children: the machine is gone, nothing is acknowledged."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)
        p.wait(10)

    @staticmethod
    def stop(p: subprocess.Popen) -> None:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                Cluster.kill(p)

    def sql(self, query: str, *params) -> list[tuple]:
        """Read the database directly (a snippet costs a Django start-up; this costs nothing)."""
        db = sqlite3.connect(self.env["ZWGK_SQLITE"], timeout=30)
        try:
            return db.execute(query, params).fetchall()
        finally:
            db.close()

    def run_state(self, run_id: int) -> dict:
        row = self.sql(
            "SELECT state, done, attempts, worker FROM monitor_run WHERE id = ?", run_id
        )[0]
        return dict(zip(("state", "done", "attempts", "worker"), row, strict=True))

    def wait_for(self, check, timeout: float, every: float = 0.3):
        """Call ``check()`` until it returns something true; returns it (raises on timeout)."""
        end = time.monotonic() + timeout
        while True:
            out = check()
            if out:
                return out
            if time.monotonic() > end:
                raise TimeoutError(f"not true after {timeout}s: {check}")
            time.sleep(every)

    def close(self) -> None:
        for p in self.procs:
            self.stop(p)
        if self.broker.startswith("redis"):
            client = redis.Redis.from_url(self.broker)
            keys = list(client.scan_iter(f"{self.tag}*", count=1000))
            if keys:
                client.delete(*keys)
        elif self.broker.startswith("amqp"):
            with Connection(self.broker, connect_timeout=3) as conn:
                channel = conn.channel()
                for q in self.queues().split(","):
                    with contextlib.suppress(Exception):
                        channel.queue_delete(q)
                    with contextlib.suppress(Exception):
                        channel.exchange_delete(q)

    def __enter__(self) -> Cluster:
        if self.template is not None:
            shutil.copyfile(self.template, self.env["ZWGK_SQLITE"])
        else:
            self.manage("migrate", "--noinput", "-v0")
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


REGISTER = """
from django.utils import timezone
from tests.web.base import make_round
from zwgk.web.monitor import dispatch
from zwgk.web.monitor.models import MonitoredSite, Run
from zwgk.web.rounds.models import Round, Unit
rnd = Round.objects.first() or make_round()
unit, _ = Unit.objects.get_or_create(round=rnd, name="甲镇", defaults={"unit_class": "A"})
out = []
for homepage, fields, crawl in SITES:
    site = MonitoredSite.objects.create(round=rnd, unit=unit, name=homepage, homepage=homepage, **fields)
    run = None
    if crawl:
        run = dispatch.new_run(site, Run.Kind.CRAWL, timezone.now())
        dispatch.enqueue_run(run.pk)
    out.append([site.pk, run.pk if run else None])
"""


def register(cluster: Cluster, sites: list[tuple[str, dict, bool]]) -> list[tuple[int, int | None]]:
    """Monitored sites (homepage, fields, crawl now?) in a round of the mini scheme, in one go:
    [(site id, run id of the crawl asked for, or None)]."""
    return cluster.py(f"SITES = {sites!r}\n" + REGISTER)


def migrated(tmp: Path) -> Path:
    """A migrated database file to copy for each cluster (migrating costs seconds)."""
    c = Cluster(tmp)
    c.manage("migrate", "--noinput", "-v0")
    return Path(c.env["ZWGK_SQLITE"])
