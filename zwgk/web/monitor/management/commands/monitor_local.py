"""``python -m zwgk.web monitor_local``: the embedded runner (no broker needed)."""

from __future__ import annotations

import os
import signal
import threading
import time

from django.core.management.base import BaseCommand

from zwgk.web.monitor.runner import LocalRunner


class Command(BaseCommand):
    help = "网站监测：在本机执行定时检查（未配置消息队列时使用）"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--threads", type=int, default=0, help="同时执行的检查数")

    def handle(self, *args, threads: int = 0, **opts) -> None:
        done = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: done.set())
        runner = LocalRunner(threads or None).start()
        self.stdout.write("网站监测已在本机启动（Ctrl+C 停止）")
        done.wait()
        runner.stop(wait=False)
        # Give running inspections a moment; an unfinished one is taken up again later (its
        # heartbeat goes stale), so there is no need to wait for a crawl that may take hours.
        end = time.monotonic() + 10
        while any(not f.done() for f in runner.running.values()) and time.monotonic() < end:
            time.sleep(0.2)
        os._exit(0)
