"""Start the embedded monitor runner beside the web server (no broker configured): ``python -m
zwgk.web.serve`` — and so ``make run`` — runs ``python -m zwgk.web monitor_local`` for as long as
it serves. Kept free of models so the server can call it before Django is set up."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator

from django.conf import settings


def wanted() -> bool:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.web.settings")
    return bool(settings.MONITOR_EMBEDDED) and not settings.CELERY_BROKER_URL


@contextlib.contextmanager
def runner_process() -> Iterator[subprocess.Popen | None]:
    if not wanted():
        yield None
        return
    proc = subprocess.Popen([sys.executable, "-m", "zwgk.web", "monitor_local"])
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
