"""``python -m zwgk.web.serve``: serve the web app with gunicorn (a production WSGI server).

Django's ``runserver`` is one process whose threads share one interpreter lock; under 50
concurrent sessions its p95 latency is well above the target (bench/web_load.py). This runs
gunicorn with one worker process per CPU plus one, the app loaded once before forking. Workers
are synchronous by default: under load they share the CPU fairly between pages (threaded workers
gave a lower median but a p95 twice as long); ``--threads N`` (or ZWGK_THREADS) switches to
gthread workers, which keep browser connections alive. Static files come from WhiteNoise.

    .venv/bin/python -m zwgk.web.serve                       # 127.0.0.1:8000
    .venv/bin/python -m zwgk.web.serve --bind 0.0.0.0:8000 --workers 4 --threads 4

Defaults from the environment: ZWGK_BIND, ZWGK_WORKERS (CPU count + 1), ZWGK_THREADS (1).
"""

from __future__ import annotations

import argparse
import os

from gunicorn.app.base import BaseApplication

from zwgk.web.env import env_int, env_str
from zwgk.web.monitor.demo_serve import sites_process
from zwgk.web.monitor.embedded import runner_process


def default_workers() -> int:
    return (os.cpu_count() or 1) + 1


class _App(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.web.settings")
        from zwgk.web.wsgi import application

        return application


def options(bind: str, workers: int, threads: int) -> dict:
    return {
        "bind": bind,
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "preload_app": True,
        "keepalive": 5,
        "timeout": 120,  # exports of large rounds
        "graceful_timeout": 10,
        "max_requests": 5000,
        "max_requests_jitter": 500,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": env_str("LOG_LEVEL", "warning").lower(),
        "proc_name": "zwgk",
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m zwgk.web.serve", description="用 gunicorn 运行网站"
    )
    ap.add_argument("--bind", default=env_str("ZWGK_BIND", "127.0.0.1:8000"))
    ap.add_argument("--workers", type=int, default=0, help="进程数（默认 CPU 数 + 1）")
    ap.add_argument("--threads", type=int, default=0, help="每个进程的线程数（默认 1）")
    args = ap.parse_args(argv)
    workers = args.workers or env_int("ZWGK_WORKERS", 0) or default_workers()
    threads = args.threads or env_int("ZWGK_THREADS", 1)
    # The demo's unit websites (only after ``python -m zwgk.web demo``), then the monitor's
    # embedded runner (when no broker is configured).
    with sites_process(), runner_process():
        _App(options(args.bind, workers, threads)).run()


if __name__ == "__main__":
    main()
