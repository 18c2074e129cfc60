"""Rounds, their pinned scheme, the units assessed and who takes part."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.rubric import SchemeIndex, load_scheme_text
from zwgk.scoring.units import MAX_CONTACT, MAX_NAME
from zwgk.web.memo import Memo

_indexes: Memo[SchemeIndex] = Memo(16)


class SchemeVersion(models.Model):
    """A scheme (考核方案) exactly as uploaded; a round pins one version and never changes it."""

    scheme_id = models.CharField(max_length=100)
    title = models.CharField(max_length=200)
    yaml_text = models.TextField()
    sha256 = models.CharField(max_length=64, db_index=True)
    source_name = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.title}（{self.sha256[:8]}）"

    def index(self) -> SchemeIndex:
        """The scheme read by the core, once per process and version (keyed by its SHA-256, so
        pages that load the version without its text never read the text again)."""
        return _indexes.get(
            self.sha256,
            lambda: load_scheme_text(self.yaml_text, self.source_name or f"{self.scheme_id}.yaml"),
        )

    @staticmethod
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Round(models.Model):
    """Round — 考核轮次: one year's assessment, from notice to publication."""

    class Status(models.TextChoices):
        DRAFT = "draft", "筹备中"
        OPEN = "open", "已发通知，单位自评中"
        ASSESSING = "assessing", "考核评分中"
        PRELIMINARY = "preliminary", "初步结果公示（可提出异议）"
        APPROVED = "approved", "领导组已审定（锁定）"
        PUBLISHED = "published", "已公布"

    year = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    scheme = models.ForeignKey(SchemeVersion, on_delete=models.PROTECT)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    evidence_deadline = models.DateTimeField(null=True, blank=True)
    objection_deadline = models.DateTimeField(null=True, blank=True)
    notice_title = models.CharField(max_length=200, blank=True)
    notice_text = models.TextField(blank=True)
    notice_issued_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The office confirmed the scheme's assumptions (编写假设) before the notice went out.
    assumptions_confirmed_at = models.DateTimeField(null=True, blank=True)
    assumptions_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)  # bumped on every change that moves scores
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def locked(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.PUBLISHED)

    @property
    def results_visible_to_units(self) -> bool:
        """Units see their own sheet from the preliminary results on; once approved it stays
        visible (marked 未公布 until the office publishes)."""
        return self.status in (self.Status.PRELIMINARY, self.Status.APPROVED, self.Status.PUBLISHED)

    @property
    def results_unpublished(self) -> bool:
        return self.status != self.Status.PUBLISHED

    def evidence_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.status != self.Status.OPEN:
            return False
        return self.evidence_deadline is None or now <= self.evidence_deadline

    def objections_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.status != self.Status.PRELIMINARY:
            return False
        return self.objection_deadline is None or now <= self.objection_deadline

    def bump(self) -> None:
        Round.touch(self.pk)
        self.refresh_from_db(fields=["revision"])

    @staticmethod
    def touch(round_id: int) -> None:
        """Mark the round's results stale (every change that can move a score calls this)."""
        Round.objects.filter(pk=round_id).update(revision=models.F("revision") + 1)

    def cache_key(self) -> tuple:
        return (self.pk, self.created_at.timestamp(), self.revision)


class Unit(models.Model):
    """Unit — 被考核单位 in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="units")
    # The core's limits: the units file is checked there.
    name = models.CharField(max_length=MAX_NAME)
    unit_class = models.CharField(max_length=20)
    tags = models.JSONField(default=list, blank=True)
    contact = models.CharField(max_length=MAX_CONTACT, blank=True)
    phone = models.CharField(max_length=MAX_CONTACT, blank=True)

    class Meta:
        ordering = ["unit_class", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "name"], name="unit_name_in_round")]

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        Round.touch(self.round_id)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """Who takes part in a round and as what. Office admins (考核办) are staff users and see all."""

    class Role(models.TextChoices):
        ASSESSOR = "assessor", "考核小组"
        LEADER = "leader", "领导组"
        UNIT = "unit", "被考核单位"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, choices=Role.choices)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_role_per_round")]
