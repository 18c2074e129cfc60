"""The dispatcher (调度): on every tick (Celery beat, or the embedded runner's clock) it finds the
inspections that are due and hands them to the workers — through the broker when one is
configured, else to the embedded runner of this process.

A slot is dispatched once: a probe slot is claimed by moving the site's ``last_probe_slot``
forward with a conditional UPDATE, a run slot by creating its ``Run`` row (unique per site, kind
and slot), so two beats (or two runners) never send the same work twice. Runs whose worker died
(heartbeat stale) or whose message was lost (queued too long) are sent again.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from zwgk.monitor.schedule import Every, phase_of
from zwgk.web.celery import app
from zwgk.web.monitor.models import MonitoredSite, Probe, Run
from zwgk.web.rounds.models import Round

log = logging.getLogger(__name__)
PROBE_TASK, RUN_TASK = "zwgk.monitor.probe", "zwgk.monitor.run"
LOCKED = (Round.Status.APPROVED, Round.Status.PUBLISHED)


class Local(Protocol):
    """The embedded runner's side of dispatching (``runner.LocalRunner``)."""

    def submit_probe(self, site_id: int, slot: dt.datetime) -> None: ...

    def wake(self) -> None: ...


def broker() -> bool:
    return bool(settings.CELERY_BROKER_URL)


def queue(kind: str) -> str:
    return settings.MONITOR_QUEUE_PREFIX + kind


def enqueue_probe(site_id: int, slot: dt.datetime, local: Local | None = None) -> None:
    if broker():
        app.send_task(PROBE_TASK, (site_id, slot.isoformat()), queue=queue("probe"))
    elif local is not None:
        local.submit_probe(site_id, slot)


def enqueue_run(run_id: int, local: Local | None = None) -> None:
    if broker():
        app.send_task(RUN_TASK, (run_id,), queue=queue("run"))
    elif local is not None:
        local.wake()


def plans(site: MonitoredSite) -> dict[str, Every | None]:
    window = (site.freshness_from, site.freshness_to)
    return {
        "probe": (
            Every(dt.timedelta(minutes=site.probe_minutes), phase_of(f"probe:{site.pk}"))
            if site.probe_minutes
            else None
        ),
        Run.Kind.FRESHNESS: (
            Every(dt.timedelta(days=1), phase_of(f"freshness:{site.pk}"), window)
            if site.freshness_daily
            else None
        ),
        Run.Kind.CRAWL: (
            Every(dt.timedelta(days=site.crawl_days), phase_of(f"crawl:{site.pk}"), window)
            if site.crawl_days
            else None
        ),
    }


LAST = {
    "probe": "last_probe_slot",
    Run.Kind.FRESHNESS: "last_freshness_slot",
    Run.Kind.CRAWL: "last_crawl_slot",
}


def _advance(site: MonitoredSite, field: str, slot: dt.datetime) -> bool:
    """Move the site's last slot forward; False if another dispatcher did it first."""
    older = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": slot})
    return bool(MonitoredSite.objects.filter(older, pk=site.pk).update(**{field: slot}))


def new_run(site: MonitoredSite, kind: str, slot: dt.datetime, user=None) -> Run | None:
    try:
        with transaction.atomic():
            return Run.objects.create(site=site, kind=kind, slot=slot, requested_by=user)
    except IntegrityError:
        return None


def tick(now: dt.datetime | None = None, local: Local | None = None) -> dict[str, int]:
    """Dispatch everything due at ``now``; returns how many of each kind were sent."""
    now = now or timezone.now()
    sent = {"probe": 0, Run.Kind.FRESHNESS: 0, Run.Kind.CRAWL: 0, "again": 0}
    sites = MonitoredSite.objects.filter(active=True).exclude(round__status__in=LOCKED)
    for site in sites:
        for kind, every in plans(site).items():
            if every is None:
                continue
            slot = every.due(now, getattr(site, LAST[kind]))
            if slot is None or not _advance(site, LAST[kind], slot):
                continue
            if kind == "probe":
                enqueue_probe(site.pk, slot, local)
                sent[kind] += 1
                continue
            if site.runs.filter(
                kind=kind, state__in=(Run.State.QUEUED, Run.State.RUNNING)
            ).exists():
                continue  # the last one is still going: this slot is skipped, not piled up
            run = new_run(site, kind, slot)
            if run is not None:
                enqueue_run(run.pk, local)
                sent[kind] += 1
    sent["again"] = rescue(now, local)
    prune(now)
    return sent


_pruned: list[dt.datetime] = []


def prune(now: dt.datetime) -> int:
    """Drop probes older than ``MONITOR_KEEP_DAYS`` (at most once an hour per process): a
    thousand sites probed every 30 minutes add 17 million rows a year. The findings they led to
    stay, with their saved evidence."""
    if _pruned and now - _pruned[-1] < dt.timedelta(hours=1):
        return 0
    _pruned[:] = [now]
    cutoff = now - dt.timedelta(days=settings.MONITOR_KEEP_DAYS)
    return Probe.objects.filter(at__lt=cutoff).delete()[0]


def rescue(now: dt.datetime, local: Local | None = None) -> int:
    """Send again the runs whose worker died or whose message went missing."""
    stale = now - dt.timedelta(seconds=settings.MONITOR_STALE_SECONDS)
    lost = now - dt.timedelta(seconds=settings.MONITOR_REQUEUE_SECONDS)
    again = Run.objects.filter(
        Q(state=Run.State.RUNNING, heartbeat_at__lt=stale)
        | Q(state=Run.State.QUEUED, queued_at__lt=lost)
    ).values_list("pk", flat=True)
    n = 0
    for run_id in again:
        Run.objects.filter(pk=run_id, state=Run.State.QUEUED).update(queued_at=now)
        enqueue_run(run_id, local)
        n += 1
    return n


def run_now(site: MonitoredSite, kind: str, user) -> Run | None:
    """立即检查: a run at this minute (None if one was asked for this very minute)."""
    slot = timezone.now().replace(second=0, microsecond=0)
    run = new_run(site, kind, slot, user)
    if run is not None:
        enqueue_run(run.pk)
    return run
