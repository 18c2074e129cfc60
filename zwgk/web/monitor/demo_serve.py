"""The demo's unit websites beside the web server: ``python -m zwgk.web.serve`` (and so ``make
run``) serves them on their 127.0.0.1 ports for as long as it runs — only when the database holds
the demo's record of them (``monitor.demo_sites``, written by ``python -m zwgk.web demo``), so a
production database never starts anything. ``ZWGK_DEMO_SITES=false`` turns it off.

Called before gunicorn forks: it sets Django up, reads the record with the models from the app
registry (this module is imported before Django is set up) and closes its connections before the
fork.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import django
from django.apps import apps
from django.db import DatabaseError, connections

from zwgk.web.env import env_bool

ACTION = "monitor.demo_sites"


def demo_specs() -> list[dict]:
    """The demo sites still registered (``[{"key", "port", "epoch", "homepage"}]``), or []."""
    if not env_bool("ZWGK_DEMO_SITES", True):
        return []
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.web.settings")
    django.setup()
    Event = apps.get_model("audit", "Event")
    MonitoredSite = apps.get_model("monitor", "MonitoredSite")
    try:
        event = Event.objects.filter(action=ACTION).order_by("-id").first()
        if event is None or not isinstance(event.after, dict):
            return []
        homepages = set(
            MonitoredSite.objects.filter(active=True).values_list("homepage", flat=True)
        )
        return [s for s in event.after.get("sites", []) if s.get("homepage") in homepages]
    except DatabaseError:  # not migrated yet: no demo
        return []


def _listening(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
        return True
    return False


@contextlib.contextmanager
def sites_process(before_fork: bool = True) -> Iterator[subprocess.Popen | None]:
    """Serve the demo sites in a child process while the block runs (nothing without a demo).

    ``before_fork``: the caller (``zwgk.web.serve``) forks next, so the database connections
    opened to read the record are closed first; a caller inside a transaction (a test) keeps them.
    """
    specs = demo_specs()
    if before_fork and apps.ready:  # Django is set up only when the record was read
        connections.close_all()
    if not specs:
        yield None
        return
    proc = subprocess.Popen([sys.executable, "-m", "zwgk.devtools.demo_units", json.dumps(specs)])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and proc.poll() is None:
        if all(_listening(int(s["port"])) for s in specs):
            break
        time.sleep(0.1)
    print(
        f"演示网站 {len(specs)} 个（网站监测用）：" + "、".join(s["homepage"] for s in specs),
        file=sys.stderr,
    )
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
