"""What assessors record: facts (in the core's facts vocabulary) and answers to objections.

A :class:`Fact` row maps one to one onto a row of the core's fact codec (``zwgk.scoring.codec``):
:meth:`Fact.fields` writes it as the codec reads it, :meth:`Fact.from_core` stores a fact the
codec has decoded. Nothing here parses a date, number or status: the codec does.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.scoring.codec import section_of
from zwgk.scoring.facts import Status
from zwgk.web.portal.models import Evidence
from zwgk.web.rounds.models import Round, Unit

# The codec's key for a fact's item and value, by section.
ITEM_KEY = {"findings": "fault", "bonuses": "bonus", "vetoes": "veto", "ratings": "part"}
VALUE_KEY = {"ratings": "value", "metrics": "value", "imported": "score"}
EVENTS = ("findings", "bonuses", "vetoes")  # sections with a count and a status


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

    def fields(self, unit_name: str) -> dict[str, Any]:
        """This fact as a row of the codec (the facts file format, docs/facts.md)."""
        s = self.section
        f: dict[str, Any] = {"unit": unit_name}
        if self.indicator_id:
            f["indicator"] = self.indicator_id
        if self.item_id and s in ITEM_KEY:
            f[ITEM_KEY[s]] = self.item_id
        if s in EVENTS:
            if self.missing:
                f["missing"] = list(self.missing)
            else:
                f["count"] = self.count
            f["status"] = self.status
        if s in VALUE_KEY:
            f[VALUE_KEY[s]] = self.value
        if self.amount is not None:
            f["amount"] = self.amount
        if self.date:
            f["date"] = self.date
        if self.evidence_id:
            f["evidence"] = f"材料#{self.evidence_id}"
        if self.source:
            f["source"] = self.source
        if self.note:
            f["note"] = self.note
        return f

    @classmethod
    def from_core(cls, fact, *, round, unit, origin: str, user, evidence=None) -> Fact:
        """A fact the codec has decoded, ready to save (typed values only, nothing parsed)."""
        section = section_of(fact)
        if section not in cls.Section.values:
            raise ValueError(f"这里不能录入“{section}”类记录")
        value = getattr(fact, VALUE_KEY.get(section, "value"), None)
        note = fact.note or ""
        if getattr(fact, "by", None):
            note += f"（计分机关：{fact.by}）"
        if fact.evidence and evidence is None:
            note += f"；证据：{fact.evidence}"
        status = getattr(fact, "status", Status.CONFIRMED)
        return cls(
            round=round,
            unit=unit,
            section=section,
            indicator_id=getattr(fact, "indicator", "") or "",
            item_id=getattr(fact, ITEM_KEY.get(section, ""), None) or "",
            count=getattr(fact, "count", 1),
            missing=list(getattr(fact, "missing", ())),
            amount=getattr(fact, "amount", None),
            value=value,
            date=fact.date,
            source=(fact.source or "")[:20],
            note=note[:2000],
            status=status.value if isinstance(status, Status) else str(status),
            evidence=evidence,
            origin=origin[:100],
            created_by=user,
        )

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

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        Round.touch(self.round_id)  # the unit's sheet shows its objections at once
