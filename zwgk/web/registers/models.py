"""日常工作记录: the year-round registers kept by the office, with due dates in working days.

Each model turns into a record of :mod:`zwgk.deadlines`, which computes its due date and status;
breaches become pending findings on the fault the scheme binds with ``ledger``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk import deadlines as dl
from zwgk.web.rounds.models import Round, Unit
from zwgk.workdays import Channel, Completion, Consultation, Extension


class Entry(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    ref = models.CharField("编号", max_length=50)
    note = models.CharField("备注", max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-id"]

    register = ""

    def record(self):  # pragma: no cover - every subclass defines it
        raise NotImplementedError


class Application(Entry):
    """依申请公开申请 forwarded to a unit (receipt rule 第三十一条, 补正, extension, consultation)."""

    register = "application"
    CHANNELS = [(c.value, c.value) for c in Channel]

    channel = models.CharField("申请方式", max_length=10, choices=CHANNELS)
    received = models.DateField(
        "收到申请之日", help_text="当面提交为提交日；邮寄为签收日；网上、传真、平常信函为确认日"
    )
    completion_requested = models.DateField("补正告知日", null=True, blank=True)
    completion_received = models.DateField("收到补正日", null=True, blank=True)
    consult_requested = models.DateField("征求第三方意见日", null=True, blank=True)
    consult_answered = models.DateField("第三方答复日", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长工作日数", default=0)
    extension_notified = models.DateField("延期告知日", null=True, blank=True)
    replied = models.DateField("答复日", null=True, blank=True)
    reply_form = models.CharField("答复形式", max_length=50, blank=True)
    outcome = models.CharField("复议诉讼结果", max_length=100, blank=True)

    def record(self) -> dl.ApplicationRecord:
        ch = Channel(self.channel)
        dates = (
            {"submitted": self.received}
            if ch is Channel.IN_PERSON
            else (
                {"signed_for": self.received}
                if ch is Channel.POST
                else {"confirmed": self.received}
            )
        )
        return dl.ApplicationRecord(
            id=self.ref,
            unit=self.unit.name,
            channel=ch,
            completion=Completion(self.completion_requested, self.completion_received)
            if self.completion_requested
            else None,
            consultations=(Consultation(self.consult_requested, self.consult_answered),)
            if self.consult_requested
            else (),
            extension=Extension(min(self.extension_days, 20), self.extension_notified)
            if self.extension_days
            else None,
            replied=self.replied,
            reply_form=self.reply_form,
            outcome=self.outcome,
            **dates,
        )


class Message(Entry):
    """群众来信: 市长信箱, 12345, 政民互动, with the local reply limit in working days."""

    register = "message"
    CHANNELS = [("市长信箱", "市长信箱"), ("12345", "12345"), ("政民互动", "政民互动")]

    channel = models.CharField("渠道", max_length=20, choices=CHANNELS, default="市长信箱")
    subject = models.CharField("事由", max_length=200, blank=True)
    received = models.DateField("收到日")
    limit_days = models.PositiveSmallIntegerField("回复时限（工作日）", default=5)
    replied = models.DateField("回复日", null=True, blank=True)

    def record(self) -> dl.MessageRecord:
        return dl.MessageRecord(
            self.ref,
            self.unit.name,
            self.received,
            self.limit_days,
            self.replied,
            self.channel,
            self.subject,
        )


class Policy(Entry):
    """政策文件 and its 解读 (limit: 3 working days, or 0 = the same day)."""

    register = "policy"

    title = models.CharField("文件标题", max_length=200)
    published = models.DateField("公开日")
    limit_days = models.PositiveSmallIntegerField(
        "解读时限（工作日，0 为同步）", default=dl.INTERPRETATION_WORKDAYS
    )
    interpreted = models.DateField("解读发布日", null=True, blank=True)

    def record(self) -> dl.PolicyRecord:
        return dl.PolicyRecord(
            self.ref, self.unit.name, self.title, self.published, self.limit_days, self.interpreted
        )


class Opinion(Entry):
    """政务舆情 with the 5 h / 24 h / 48 h limits."""

    register = "opinion"
    LIMITS = [
        (5, "5小时（重大突发事件 权威信息）"),
        (24, "24小时（重大突发事件 新闻发布）"),
        (48, "48小时（其他舆情）"),
    ]

    summary = models.CharField("舆情摘要", max_length=200)
    detected_at = models.DateTimeField("发现时间")
    limit_hours = models.PositiveSmallIntegerField("回应时限（小时）", choices=LIMITS, default=48)
    responded_at = models.DateTimeField("回应时间", null=True, blank=True)

    def record(self) -> dl.OpinionEvent:
        def local(v):
            return timezone.localtime(v).replace(tzinfo=None) if v else None

        return dl.OpinionEvent(
            self.ref,
            self.unit.name,
            local(self.detected_at),
            self.limit_hours,
            local(self.responded_at),
            self.summary,
        )


class ReportTask(Entry):
    """报送任务: a report the office asked for by a due date."""

    register = "report"

    title = models.CharField("报送事项", max_length=200)
    due = models.DateField("截止日")
    submitted = models.DateField("报送日", null=True, blank=True)

    def record(self) -> dl.ReportRequest:
        return dl.ReportRequest(self.ref, self.unit.name, self.title, self.due, self.submitted)


class Inspection(Entry):
    """月度检查通报: per unit and month, the score and the problems found, and their rectification."""

    register = "inspection"

    month = models.DateField("月份（当月1日）")
    score = models.DecimalField("检查得分", max_digits=6, decimal_places=2)
    problems = models.PositiveSmallIntegerField("发现问题数", default=0)
    rectify_due = models.DateField("整改期限", null=True, blank=True)
    rectified = models.DateField("整改完成日", null=True, blank=True)

    class Meta(Entry.Meta):
        ordering = ["-month", "unit_id"]

    def record(self) -> dl.ReportRequest | None:
        """Unrectified problems are a task due by ``rectify_due`` (the same rules as a report)."""
        if not self.problems or self.rectify_due is None:
            return None
        return dl.ReportRequest(
            self.ref,
            self.unit.name,
            f"{self.month:%Y年%m月}检查通报问题整改（{self.problems}个问题）",
            self.rectify_due,
            self.rectified,
        )


MODELS: dict[str, type[Entry]] = {
    m.register: m for m in (Application, Message, Policy, Opinion, ReportTask, Inspection)
}
TITLES = {
    "application": "依申请公开",
    "message": "来信（市长信箱/12345/政民互动）",
    "policy": "政策文件与解读",
    "opinion": "政务舆情",
    "report": "报送任务",
    "inspection": "月度检查通报",
}


def status_of(entry: Entry, today: dt.date) -> tuple[dl.Deadline | None, str]:
    """The record's deadline at ``today``, or None and the reason (a missing calendar year, a
    record that breaks the 条例's rules) in Chinese."""
    rec = entry.record()
    if rec is None:
        return None, ""
    try:
        return dl.check(rec, today), ""
    except ValueError as exc:  # CalendarError, RecordError
        return None, str(exc)
