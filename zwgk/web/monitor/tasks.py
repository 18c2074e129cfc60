"""The monitor's Celery tasks: a tick of the dispatcher, an availability probe, and a run
(freshness pass or full crawl). Runs are acknowledged late and rejected back to the queue when
their worker is lost, so a killed worker's run is delivered again; ``jobs`` makes the second
delivery harmless (claims, one transaction for the results)."""

from __future__ import annotations

import datetime as dt

from celery.signals import worker_init
from django.conf import settings

from zwgk.web.celery import app
from zwgk.web.monitor import dispatch, inspection, jobs


@worker_init.connect
def _warm_up(**_kw) -> None:
    """Load the inspector's page checks (word models, dictionaries) in a worker's parent process
    before it forks its children: they share that memory instead of each loading a copy."""
    inspection.warm_up()


@app.task(name="zwgk.monitor.tick", ignore_result=True)
def tick() -> dict:
    return dispatch.tick()


@app.task(
    name=dispatch.PROBE_TASK,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=120,
    time_limit=180,
)
def probe(site_id: int, slot: str) -> str:
    return jobs.probe(site_id, dt.datetime.fromisoformat(slot))


@app.task(
    name=dispatch.RUN_TASK,
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=None,
)
def run(self, run_id: int) -> str:
    state = jobs.execute(run_id)
    if self.request.is_eager:
        return state  # the embedded runner retries from the database
    if state == jobs.BUSY:
        # Another worker holds the run; come back once its heartbeat would have gone stale.
        raise self.retry(countdown=settings.MONITOR_STALE_SECONDS)
    if state == jobs.RETRY:
        raise self.retry(countdown=settings.MONITOR_RETRY_SECONDS)
    return state
