"""What assessors record: facts (in the core's facts vocabulary) and answers to objections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.web.portal.models import Evidence
from zwgk.web.rounds.models import Round, Unit


class Fact(models.Model):
    """One recorded fact: a finding (扣分情形 found), bonus event, rating, veto event…

    ``section`` and the fields are those of the facts file format (docs/facts.md), so the core
    checks and scores them exactly as it would a facts file.
    """

    class Section(models.TextChoices):
        FINDINGS = "findings", "扣分"
        BONUSES = "bonuses", "加分"
        RATINGS = "ratings", "评分"
        METRICS = "metrics", "排名数据"
        IMPORTED = "imported", "外部计分"
        NA = "na", "不适用"
        VETOES = "vetoes", "否决/重大扣分"
        THIRD_PARTY = "third_party", "第三方评估扣分"

    class Status(models.TextChoices):
        PENDING = "pending", "待确认"
        CONFIRMED = "confirmed", "已确认"
        DISMISSED = "dismissed", "已排除"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="facts")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="facts")
    section = models.CharField(max_length=20, choices=Section.choices)
    indicator_id = models.CharField(max_length=50, blank=True)
    item_id = models.CharField(max_length=50, blank=True)  # fault, bonus or veto id
    count = models.PositiveIntegerField(default=1)
    missing = models.JSONField(default=list, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    value = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    evidence = models.ForeignKey(Evidence, null=True, blank=True, on_delete=models.SET_NULL)
    origin = models.CharField(
        max_length=100, blank=True
    )  # 手工录入 / 批量录入 / 导入:文件名 / 网上检查
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def ref(self) -> str:
        return f"记录#{self.pk}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        Round.touch(self.round_id)

    def delete(self, *args, **kwargs):
        out = super().delete(*args, **kwargs)
        Round.touch(self.round_id)
        return out


class Objection(models.Model):
    """异议: a unit contests a deduction during the objection window; an assessor answers."""

    class Status(models.TextChoices):
        OPEN = "open", "待答复"
        UPHELD = "upheld", "异议成立（已更正）"
        REJECTED = "rejected", "维持原结论"

    round = models.ForeignKey(Round, on_delete=models.CASCADE)
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE)
    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="objections")
    statement = models.TextField()
    evidence = models.ForeignKey(Evidence, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
