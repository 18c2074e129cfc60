"""The Celery application (``celery -A zwgk.web.celery worker|beat``): settings from Django's,
namespace ``CELERY_``; the monitor's tasks (``zwgk.web.monitor.tasks``) and a beat schedule that
ticks the monitor's dispatcher. Without ``CELERY_BROKER_URL`` nothing here talks to a broker: the
embedded runner (``python -m zwgk.web monitor_local``) calls the same tasks in-process."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zwgk.web.settings")

app = Celery("zwgk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["zwgk.web.monitor"])
