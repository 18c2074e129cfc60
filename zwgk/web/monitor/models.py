"""网站监测: the sites the office monitors, their schedules, the history of every inspection, the
findings with their review, and the 政务新媒体 register.

History is kept small: one row per availability probe, one row per column *change* (not per
pass), one row per run; a finding is one row for its whole life (first seen, last seen, present
or gone), with a link row per run that saw it new or gone (still present is counted per run).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from zwgk.inspect.checks.catalogue import title_of
from zwgk.inspect.model import SEVERITY_ZH
from zwgk.web.desk.models import Fact
from zwgk.web.rounds.models import Round, Unit


class MonitoredSite(models.Model):
    """被监测网站: one unit's website, what to look at and how often."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("网站名称", max_length=100)
    homepage = models.CharField("首页地址", max_length=500)
    site_code = models.CharField("网站标识码", max_length=20, blank=True)
    columns = models.JSONField("栏目", default=list, blank=True)  # [{name, url, type, update}]
    options = models.JSONField("抓取设置", default=dict, blank=True)  # inspector Settings fields
    active = models.BooleanField("启用监测", default=True)
    probe_minutes = models.PositiveIntegerField("可用性探测间隔（分钟）", default=30)
    freshness_daily = models.BooleanField("每日更新检查", default=True)
    freshness_from = models.TimeField("每日更新检查时段起", default="01:00")
    freshness_to = models.TimeField("每日更新检查时段止", default="06:00")
    crawl_days = models.PositiveIntegerField("全面检查间隔（天）", default=7)
    alert_emails = models.CharField("告警邮箱", max_length=500, blank=True)
    last_probe_slot = models.DateTimeField(null=True, blank=True)
    last_freshness_slot = models.DateTimeField(null=True, blank=True)
    last_crawl_slot = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["unit__unit_class", "unit_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "homepage"], name="monitor_site_once")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def scope(self) -> str:
        return f"site:{self.pk}"


class Probe(models.Model):
    """可用性探测: one timed visit of the homepage (``slot`` is the scheduled time, unique)."""

    site = models.ForeignKey(MonitoredSite, on_delete=models.CASCADE, related_name="probes")
    slot = models.DateTimeField()
    at = models.DateTimeField()
    ok = models.BooleanField()
    status = models.PositiveSmallIntegerField(default=0)
    elapsed = models.FloatField()  # seconds
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at"]
        constraints = [models.UniqueConstraint(fields=["site", "slot"], name="probe_once_per_slot")]
        indexes = [models.Index(fields=["site", "at"])]


class Run(models.Model):
    """One freshness pass or full crawl of a site, from queued to done (检查任务)."""

    class Kind(models.TextChoices):
        FRESHNESS = "freshness", "更新检查"
        CRAWL = "crawl", "全面检查"

    class State(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "检查中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    site = models.ForeignKey(MonitoredSite, on_delete=models.CASCADE, related_name="runs")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    slot = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    worker = models.CharField(max_length=200, blank=True)
    queued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    summary = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-slot", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "slot"], name="run_once_per_slot")
        ]
        indexes = [models.Index(fields=["state", "heartbeat_at"])]

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return min(99, int(100 * self.done / self.total)) if self.total else 0


class Column(models.Model):
    """A column (栏目) of a monitored site as the freshness passes see it; ``is_homepage`` marks
    the row that stands for the homepage itself."""

    site = models.ForeignKey(MonitoredSite, on_delete=models.CASCADE, related_name="watched")
    url = models.CharField(max_length=700)
    name = models.CharField(max_length=200)
    type = models.CharField(max_length=20, default="other")
    rule = models.CharField(max_length=20, blank=True)  # days ("14") or "quarter"; blank: none
    first_level = models.BooleanField(default=True)
    is_homepage = models.BooleanField(default=False)
    watched_since = models.DateField(null=True, blank=True)
    last_read = models.DateField(null=True, blank=True)
    latest = models.DateField(null=True, blank=True)
    status = models.PositiveSmallIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)
    blank = models.BooleanField(default=False)
    dates = models.JSONField(default=list, blank=True)  # every item date seen (ISO), capped
    coverage = models.JSONField(default=list, blank=True)  # [[from, to], …] ISO dates

    class Meta:
        ordering = ["-is_homepage", "id"]
        constraints = [models.UniqueConstraint(fields=["site", "url"], name="column_once")]


class ColumnChange(models.Model):
    """The column's state when it changed (newest date, item count, reachability)."""

    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField()
    latest = models.DateField(null=True, blank=True)
    items = models.PositiveIntegerField(default=0)
    status = models.PositiveSmallIntegerField(default=0)
    blank = models.BooleanField(default=False)

    class Meta:
        ordering = ["at"]


class Snapshot(models.Model):
    """A saved copy of what a finding was seen on (页面副本): the page, or the probe log."""

    site = models.ForeignKey(
        MonitoredSite, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(max_length=1000)
    fetched_at = models.DateTimeField(default=timezone.now)
    status = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10)  # html, txt
    name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=80, unique=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)


class NewMediaAccount(models.Model):
    """政务新媒体账号: a unit's account on a platform, with its approval (开设审批)."""

    class Approval(models.TextChoices):
        UNKNOWN = "", "未登记"
        YES = "yes", "已批准"
        NO = "no", "未经批准"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    platform = models.CharField("平台", max_length=30)
    name = models.CharField("账号名称", max_length=100)
    handle = models.CharField("账号ID", max_length=100, blank=True)
    opened = models.DateField("开设日期", null=True, blank=True)
    approval = models.CharField(
        "开设审批", max_length=5, choices=Approval.choices, default="", blank=True
    )
    approval_ref = models.CharField("审批文号", max_length=100, blank=True)
    closed = models.DateField("关停日期", null=True, blank=True)
    checked_from = models.DateField("核查起始日期", null=True, blank=True)
    checked_until = models.DateField("核查截至日期", null=True, blank=True)
    note = models.CharField("备注", max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["unit__unit_class", "unit_id", "platform", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit", "platform", "name"], name="newmedia_account_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.platform}）"

    @property
    def scope(self) -> str:
        return f"account:{self.pk}"


class NewMediaUpdate(models.Model):
    """One day the account published something (更新日期)."""

    account = models.ForeignKey(NewMediaAccount, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    source = models.CharField(max_length=100, blank=True)  # 手工登记 / 导入:文件名

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["account", "date"], name="update_once")]


class Finding(models.Model):
    """检查发现 of the monitor: one problem for its whole life, and its review.

    ``scope`` is the site (``site:7``) or 政务新媒体 account (``account:3``) it belongs to;
    ``key`` its identity there (see ``zwgk.monitor.identity``); ``source`` the kind of run that
    finds it (availability probes, freshness passes, full crawls, the new-media register).
    """

    class Source(models.TextChoices):
        AVAILABILITY = "availability", "可用性监测"
        FRESHNESS = "freshness", "更新检查"
        CRAWL = "crawl", "全面检查"
        NEWMEDIA = "newmedia", "政务新媒体"

    class Review(models.TextChoices):
        NEW = "new", "待审核"
        CONFIRMED = "confirmed", "已确认（已计入考核）"
        DISMISSED = "dismissed", "已排除"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(
        MonitoredSite, null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    account = models.ForeignKey(
        NewMediaAccount, null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    scope = models.CharField(max_length=40)
    key = models.TextField()
    key_hash = models.CharField(max_length=40)  # sha1 of ``key``: the unique index stays small
    base = models.TextField()
    source = models.CharField(max_length=15, choices=Source.choices)
    check_id = models.CharField(max_length=60)
    severity = models.CharField(max_length=10)
    url = models.CharField(max_length=1000)
    referrer = models.CharField(max_length=1000, blank=True)
    title = models.CharField(max_length=300, blank=True)
    message = models.TextField()
    evidence = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()
    present = models.BooleanField(default=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.NEW)
    reason = models.TextField(blank=True)  # why dismissed
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    fact = models.ForeignKey(
        Fact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.SET_NULL)
    unit_request = models.TextField(blank=True)  # the unit asks for review (申请复核)
    unit_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_seen", "-id"]
        constraints = [models.UniqueConstraint(fields=["scope", "key_hash"], name="finding_once")]
        indexes = [models.Index(fields=["round", "review", "present"])]

    def __str__(self) -> str:
        return self.message

    @property
    def check_title(self) -> str:
        """The check's title in the catalogue (站点无法访问（监测一周）), else its id."""
        return title_of(self.check_id)

    @property
    def severity_zh(self) -> str:
        """单项否决 / 扣分 / 提示, as the inspector names them."""
        return SEVERITY_ZH.get(self.severity, self.severity)

    @staticmethod
    def hash_of(key: str) -> str:
        return hashlib.sha1(key.encode("utf-8")).hexdigest()


class RunFinding(models.Model):
    """What one run said of a finding: new (新发现) or gone (已消失). Still present (仍存在) is
    only counted, in the run's summary."""

    class Status(models.TextChoices):
        NEW = "new", "新发现"
        STILL = "still", "仍存在"
        GONE = "gone", "已消失"

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="verdicts")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="verdicts")
    status = models.CharField(max_length=5, choices=Status.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "finding"], name="verdict_once")]


class Binding(models.Model):
    """Which indicator (and fault) or veto a kind of finding counts on (检查项与考核指标对应).

    ``check_id`` is a check id or a family (``freshness``); the first binding that matches a finding
    and whose indicator applies to the finding's unit is used when an assessor confirms it.
    """

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    check_id = models.CharField("检查项", max_length=60)
    severity = models.CharField("仅限程度", max_length=10, blank=True)
    indicator_id = models.CharField("指标", max_length=50, blank=True)
    fault_id = models.CharField("扣分情形", max_length=50, blank=True)
    veto_id = models.CharField("否决情形", max_length=50, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class Alert(models.Model):
    """An alert sent (告警), once per finding and kind, by e-mail and to the webhook."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=10)  # raised, cleared
    at = models.DateTimeField(default=timezone.now)
    recipients = models.CharField(max_length=500, blank=True)
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finding", "kind"], name="alert_once")]
