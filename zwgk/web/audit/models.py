"""The audit trail: who changed what, when, from what to what, and why."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone


class Event(models.Model):
    """审计记录. Never updated or deleted by the app."""

    round = models.ForeignKey("rounds.Round", null=True, on_delete=models.CASCADE)
    unit = models.ForeignKey("rounds.Unit", null=True, blank=True, on_delete=models.CASCADE)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=50)
    summary = models.CharField(max_length=300)
    object_type = models.CharField(max_length=50, blank=True)
    object_id = models.CharField(max_length=50, blank=True)
    before = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]


def record(
    action: str,
    summary: str,
    *,
    actor=None,
    round=None,
    unit=None,
    obj: models.Model | None = None,
    before: Any = None,
    after: Any = None,
    reason: str = "",
) -> Event:
    """Write one audit event (call inside the same transaction as the change)."""
    return Event.objects.create(
        action=action,
        summary=summary[:300],
        actor=actor if actor is not None and actor.is_authenticated else None,
        round=round,
        unit=unit,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        before=before,
        after=after,
        reason=reason,
    )
