"""What the Celery tasks do (and the embedded runner, which calls the same tasks in-process).

A run is *claimed* before it starts: one conditional UPDATE moves it from queued (or from running
with a heartbeat gone stale — its worker died) to running, so a message delivered twice (a worker
killed before its acknowledgement, a Redis visibility timeout) runs it once at a time. While it
runs, a thread beats every ``MONITOR_HEARTBEAT_SECONDS``; its results are stored in one
transaction with the run's end (``services.record_findings``), so a retried run never stores
twice. A run that fails ``MONITOR_MAX_ATTEMPTS`` times is marked failed.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import Q
from django.utils import timezone

from zwgk.inspect.config import ConfigError
from zwgk.web.monitor import alerts, inspection, services
from zwgk.web.monitor.models import MonitoredSite, Run

log = logging.getLogger(__name__)

DONE, BUSY, GONE, RETRY, FAILED = "done", "busy", "gone", "retry", "failed"
PROGRESS_SECONDS = 2.0


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def probe(site_id: int, slot: dt.datetime, now: dt.datetime | None = None) -> str:
    """One availability probe for one slot; storing it twice overwrites (idempotent). ``now``
    (the probe's start) is the clock's, unless a simulation gives it."""
    site = MonitoredSite.objects.select_related("unit", "round").filter(pk=site_id).first()
    if site is None or not site.active:
        return GONE
    started = now or timezone.now()
    try:
        rec = inspection.probe(site)
    except ConfigError as exc:
        log.warning("site %s: %s", site_id, exc)
        return GONE
    services.record_probe(site, slot, replace(rec, at=started))
    outcome = services.evaluate_availability(site, started + dt.timedelta(seconds=rec.elapsed))
    alerts.after(site.scope, outcome)
    return DONE


def claim(run_id: int, me: str) -> tuple[str, Run | None]:
    """Take the run: (DONE, None) when it is finished, (BUSY, None) when a live worker has it."""
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.MONITOR_STALE_SECONDS)
    took = (
        Run.objects.filter(pk=run_id)
        .filter(
            Q(state=Run.State.QUEUED)
            | Q(state=Run.State.RUNNING, heartbeat_at__lt=stale)
            | Q(state=Run.State.RUNNING, heartbeat_at__isnull=True)
        )
        .update(state=Run.State.RUNNING, worker=me[:200], heartbeat_at=now, started_at=now)
    )
    run = Run.objects.select_related("site", "site__unit", "site__round").filter(pk=run_id).first()
    if run is None or run.state in (Run.State.DONE, Run.State.FAILED):
        return DONE, None
    if not took:
        return BUSY, None
    Run.objects.filter(pk=run_id).update(attempts=run.attempts + 1)
    run.attempts += 1
    return "", run


class Heartbeat:
    """Beats for a running run from its own thread, and writes its progress there: the crawl's
    progress callback runs inside its event loop, where the database must not be touched."""

    def __init__(self, run_id: int, me: str):
        self.run_id, self.me = run_id, me
        self.done = self.total = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True, name=f"heartbeat-{run_id}")

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, max(total, done)

    def _beat(self) -> None:
        last_beat = 0.0
        written = (-1, -1)
        try:
            while not self.stop.wait(PROGRESS_SECONDS):
                now = time.monotonic()
                fields: dict = {}
                if (self.done, self.total) != written:
                    written = (self.done, self.total)
                    fields.update(done=self.done, total=self.total)
                if now - last_beat >= settings.MONITOR_HEARTBEAT_SECONDS or fields:
                    fields["heartbeat_at"] = timezone.now()
                    try:
                        Run.objects.filter(pk=self.run_id, worker=self.me[:200]).update(**fields)
                        last_beat = now
                    except DatabaseError as exc:  # busy database: the next beat tries again
                        log.info("heartbeat of run %s missed: %s", self.run_id, exc)
        finally:
            connection.close()

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)


def execute(run_id: int) -> str:
    """Run one freshness pass or crawl to the end (see the module docstring)."""
    me = worker_name()
    state, run = claim(run_id, me)
    if run is None:
        return state
    try:
        with Heartbeat(run.pk, me) as beat:
            _execute(run, beat.progress)
    except Exception as exc:  # the site's fault or ours: record it, try again a little later
        log.exception("monitor run %s failed", run_id)
        failed = run.attempts >= settings.MONITOR_MAX_ATTEMPTS
        now = timezone.now()
        Run.objects.filter(pk=run.pk, worker=me[:200]).update(
            state=Run.State.FAILED if failed else Run.State.QUEUED,
            error=_reason(exc),
            finished_at=now if failed else None,
            queued_at=now + dt.timedelta(seconds=settings.MONITOR_RETRY_SECONDS),
        )
        return FAILED if failed else RETRY
    return DONE


def _reason(exc: Exception) -> str:
    if isinstance(exc, ConfigError):
        return f"网站设置有误：{exc}"[:2000]
    if isinstance(exc, TimeoutError):
        return "检查超过时限，已中止"
    return f"{type(exc).__name__}: {exc}"[:2000]


def _execute(run: Run, report: Callable[[int, int], None], now: dt.datetime | None = None) -> None:
    """The run's inspection and its results; ``now`` is the clock's unless a replay (the demo's
    past two weeks) gives it."""
    site = run.site
    replay = now is not None
    now = now or timezone.now()
    today = timezone.localdate(now)
    started = time.monotonic()
    if run.kind == Run.Kind.FRESHNESS:
        crawl, point_in_time = inspection.freshness_pass(site, today, report)
        summary = {"pages": crawl.pages, "columns": len(crawl.columns)}
        content = None
    else:
        result = inspection.crawl(site, today, report)
        crawl, point_in_time = result.crawl, result.findings
        summary = {
            "pages": crawl.pages,
            "urls": crawl.urls,
            "attachments": crawl.attachments,
            "columns": len(crawl.columns),
            "check_errors": result.check_errors,
        }
        content = services.crawl_findings(result.findings)
    summary["seconds"] = round(time.monotonic() - started, 1)
    # Saved copies of new findings' pages are fetched before the transaction (network).
    pages = (
        services.snapshot_pages(site, content, now, settings.MONITOR_SNAPSHOTS_PER_RUN)
        if content
        else {}
    )
    with transaction.atomic():
        locked = Run.objects.select_for_update().get(pk=run.pk)
        if locked.state != Run.State.RUNNING or locked.worker != run.worker:
            return  # another worker took it over meanwhile: its results win
        services.store_columns(site, crawl, now)
        fresh = services.evaluate_freshness(site, run, point_in_time, now)
        alerts.after(site.scope, fresh)
        if content is not None:
            found = services.record_findings(
                site,
                services.Finding.Source.CRAWL,
                content,
                run,
                now,
                pages,
            )
            alerts.after(site.scope, found)
            summary.update(new=len(found.new), still=len(found.still), gone=len(found.gone))
        summary.update(
            fresh_new=len(fresh.new), fresh_still=len(fresh.still), fresh_gone=len(fresh.gone)
        )
        Run.objects.filter(pk=run.pk).update(
            state=Run.State.DONE,
            finished_at=now + dt.timedelta(seconds=summary["seconds"])
            if replay
            else timezone.now(),
            summary=summary,
            done=max(crawl.pages, 1),
            total=max(crawl.pages, 1),
            error="",
        )


def replay(run: Run, now: dt.datetime) -> None:
    """Do a run as if at ``now`` (the demo replays the past two weeks against its sites)."""
    Run.objects.filter(pk=run.pk).update(
        state=Run.State.RUNNING, worker=run.worker, started_at=now, heartbeat_at=now, attempts=1
    )
    run.state = Run.State.RUNNING
    _execute(run, lambda done, total: None, now)


def finish_thread() -> None:
    """Give back this thread's database connection (embedded runner threads)."""
    close_old_connections()
    connection.close()
