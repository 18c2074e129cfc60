"""整改: rectification tasks for weak units and deductions the office marks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.web.portal.models import Evidence
from zwgk.web.rounds.models import Round, Unit


class Task(models.Model):
    """A rectification task (整改任务) with a deadline."""

    class Status(models.TextChoices):
        OPEN = "open", "待整改"
        REPORTED = "reported", "已报送，待审核"
        ACCEPTED = "accepted", "已通过"
        RETURNED = "returned", "退回重改"

    round = models.ForeignKey(Round, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    deadline = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deadline", "id"]


class Report(models.Model):
    """A unit's rectification report (整改报告) and the assessor's review of it."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    text = models.TextField()
    evidence = models.ForeignKey(Evidence, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    review = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
