"""The embedded runner (内置执行): monitoring with no broker, for an office on one machine.

``python -m zwgk.web monitor_local`` (started by ``python -m zwgk.web.serve`` and so by ``make
run`` when ``CELERY_BROKER_URL`` is not set) ticks the dispatcher every ``MONITOR_TICK_SECONDS``
and runs the very same Celery tasks in-process (``Task.apply``): probes on a small thread pool of
their own, so a long crawl never delays them, and queued runs (scheduled, asked for in the web
app, or left behind by a crash) on another. The database is the queue: runs are claimed as they
are with a broker.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from zwgk.web.monitor import dispatch, jobs, tasks
from zwgk.web.monitor.models import Run

log = logging.getLogger(__name__)


class LocalRunner:
    def __init__(
        self, threads: int | None = None, tick_seconds: float | None = None, poll: float = 2.0
    ):
        self.threads = threads or settings.MONITOR_LOCAL_THREADS
        self.tick_seconds = tick_seconds or settings.MONITOR_TICK_SECONDS
        self.poll = poll
        self.probes = ThreadPoolExecutor(2, thread_name_prefix="monitor-probe")
        self.runs = ThreadPoolExecutor(self.threads, thread_name_prefix="monitor-run")
        self.running: dict[int, Future] = {}
        self.stopping = threading.Event()
        self.woken = threading.Event()
        self.thread: threading.Thread | None = None
        self.last_tick: dt.datetime | None = None

    # -- the dispatcher's side ----------------------------------------------------------------

    def submit_probe(self, site_id: int, slot: dt.datetime) -> None:
        self.probes.submit(self._call, tasks.probe, (site_id, slot.isoformat()))

    def wake(self) -> None:
        self.woken.set()

    # -- running ------------------------------------------------------------------------------

    @staticmethod
    def _call(task, args: tuple) -> None:
        """The Celery task itself, run here (``Task.apply``): the same code as on a worker."""
        try:
            result = task.apply(args=args)
            if result.failed():
                log.error("monitor task %s%s failed: %s", task.name, args, result.result)
        except Exception:
            log.exception("monitor task %s%s failed", task.name, args)
        finally:
            jobs.finish_thread()

    def pick(self) -> None:
        """Start queued runs (and runs whose worker died) while threads are free."""
        for run_id in [k for k, f in self.running.items() if f.done()]:
            del self.running[run_id]
        free = self.threads - len(self.running)
        if free <= 0:
            return
        now = timezone.now()
        stale = now - dt.timedelta(seconds=settings.MONITOR_STALE_SECONDS)
        ready = (
            Run.objects.filter(
                Q(state=Run.State.QUEUED, queued_at__lte=now)
                | Q(state=Run.State.RUNNING, heartbeat_at__lt=stale)
            )
            .exclude(pk__in=list(self.running))
            .order_by("queued_at")
            .values_list("pk", flat=True)[:free]
        )
        for run_id in ready:
            self.running[run_id] = self.runs.submit(self._call, tasks.run, (run_id,))

    def step(self, now: dt.datetime | None = None) -> None:
        now = now or timezone.now()
        if self.last_tick is None or (now - self.last_tick).total_seconds() >= self.tick_seconds:
            self.last_tick = now
            dispatch.tick(now, self)
        self.pick()

    def loop(self) -> None:
        while not self.stopping.is_set():
            try:
                self.step()
            except Exception:  # the database was busy or away: try again on the next beat
                log.exception("monitor runner step failed")
            finally:
                jobs.finish_thread()
            self.woken.wait(self.poll)
            self.woken.clear()

    def start(self) -> LocalRunner:
        self.thread = threading.Thread(target=self.loop, daemon=True, name="monitor-runner")
        self.thread.start()
        return self

    def stop(self, wait: bool = True) -> None:
        self.stopping.set()
        self.woken.set()
        if self.thread is not None:
            self.thread.join(10)
        self.probes.shutdown(wait=wait, cancel_futures=True)
        self.runs.shutdown(wait=wait, cancel_futures=True)
