"""What units hand in: self-assessment, evidence, requests to be excused (不适用)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.web.rounds.models import Round, Unit
from zwgk.web.uploads import store


class SelfAssessment(models.Model):
    """自评: the unit's own score and statement for one indicator."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE)
    indicator_id = models.CharField(max_length=50)
    score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    statement = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator_id"], name="one_self_assessment")
        ]


class Evidence(models.Model):
    """Evidence — 印证材料: a file a unit uploaded, stored under a random name."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE)
    indicator_id = models.CharField(max_length=50, blank=True)
    original_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=10)  # sniffed: pdf, docx, xlsx, doc, xls, wps, ofd, jpg, png
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(default=timezone.now)
    purpose = models.CharField(
        max_length=20, default="self"
    )  # self, objection, rectification, finding

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @classmethod
    def receive(cls, upload, *, round, unit, user, indicator_id: str = "", purpose: str = "self"):
        """Check and store an uploaded file (raises ``UploadRefused`` with the reason)."""
        stored = store(upload, upload.name)
        return cls.objects.create(
            round=round,
            unit=unit,
            indicator_id=indicator_id,
            original_name=upload.name[:255],
            stored_name=stored.stored_name,
            kind=stored.kind,
            size=stored.size,
            sha256=stored.sha256,
            uploaded_by=user,
            purpose=purpose,
        )


class NARequest(models.Model):
    """A unit's written request that an indicator does not apply to it (不适用申请)."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        APPROVED = "approved", "已同意"
        REJECTED = "rejected", "未同意"

    round = models.ForeignKey(Round, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE)
    indicator_id = models.CharField(max_length=50)
    reason = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    answer = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
