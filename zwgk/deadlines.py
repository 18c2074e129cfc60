"""Deadline rules of the year-round registers (日常工作记录): due dates, status and breaches.

Pure functions over plain records; the web app keeps the records and turns ``Breach`` objects into
pending findings on the indicator's fault its scheme binds to the register rule.

Status at a given day (``today``), like an FOI tracker:

- 未到期 / 即将到期: open, due in more than / at most ``DUE_SOON_WORKDAYS`` (3) working days
  (hour limits: at most a quarter of the limit left);
- 已超期 / 严重超期: open after the due date; 严重超期 when more than ``VERY_OVERDUE_WORKDAYS`` (20)
  working days past it — WhatDoTheyKnow's "long overdue" convention, which for the 条例's 20-day
  reply limit is twice the limit (hour limits: more than the limit again past the due time);
- 按时办结 / 超期办结: done on or before / after the due date (a date, not a count: a reply on the
  Saturday after a Friday deadline is late, with 0 working days late);
- 暂停计时: an application waiting for its 补正 or for an opinion (see ``zwgk.workdays``).

Dates are ``datetime.date``; 舆情 times are naive ``datetime.datetime`` in local time (北京时间).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from zwgk.rubric.numbers import fmt
from zwgk.workdays import (
    Channel,
    Completion,
    Consultation,
    Extension,
    RecordError,
    WorkCalendar,
    default_calendar,
    receipt_date,
    reply_due,
    zh_date,
)

DUE_SOON_WORKDAYS = 3
VERY_OVERDUE_WORKDAYS = 20

OPINION_MAJOR_INFO_HOURS = 5
"""舆情 on a major incident: authoritative information within 5 hours."""
OPINION_MAJOR_PRESS_HOURS = 24
"""舆情 on a major incident: press conference within 24 hours."""
OPINION_OTHER_HOURS = 48
"""Other 舆情: response within 48 hours."""

INTERPRETATION_WORKDAYS = 3
"""政策解读 within 3 working days of the policy *(local)*; 0 means the same day (同步发布)."""


class Status(enum.StrEnum):
    """Status — 办理状态 at a given day."""

    PENDING = "未到期"
    DUE_SOON = "即将到期"
    OVERDUE = "已超期"
    VERY_OVERDUE = "严重超期"
    DONE_ON_TIME = "按时办结"
    DONE_LATE = "超期办结"
    PAUSED = "暂停计时"


class BreachKind(enum.StrEnum):
    """BreachKind — 违规类型: done late (超期办结, 迟报) or still open past due (超期未办, 漏报)."""

    LATE = "late"
    OPEN = "open"


@dataclass(frozen=True)
class ApplicationRecord:
    """ApplicationRecord — 依申请公开申请: one application forwarded to ``unit`` to answer.

    The receipt date follows ``channel`` (第三十一条, see ``zwgk.workdays.receipt_date``).
    """

    register: ClassVar[str] = "application"
    label: ClassVar[str] = "依申请公开申请"

    id: str
    unit: str
    channel: Channel
    submitted: dt.date | None = None
    signed_for: dt.date | None = None
    confirmed: dt.date | None = None
    completion: Completion | None = None
    consultations: tuple[Consultation, ...] = ()
    extension: Extension | None = None
    replied: dt.date | None = None
    reply_form: str = ""
    outcome: str = ""

    @property
    def received(self) -> dt.date:
        return receipt_date(
            self.channel,
            submitted=self.submitted,
            signed_for=self.signed_for,
            confirmed=self.confirmed,
        )

    @property
    def done(self) -> dt.date | None:
        return self.replied


@dataclass(frozen=True)
class MessageRecord:
    """MessageRecord — 群众来信（市长信箱、12345、政民互动）: reply within ``limit_days`` working days *(local)*."""

    register: ClassVar[str] = "message"
    label: ClassVar[str] = "来信"

    id: str
    unit: str
    received: dt.date
    limit_days: int
    replied: dt.date | None = None
    channel: str = "市长信箱"
    subject: str = ""

    @property
    def done(self) -> dt.date | None:
        return self.replied


@dataclass(frozen=True)
class PolicyRecord:
    """PolicyRecord — 政策文件及其解读: the 解读 is due ``limit_days`` working days after publication.

    ``limit_days=0`` means the same day (同步发布).
    """

    register: ClassVar[str] = "policy"
    label: ClassVar[str] = "政策解读"

    id: str
    unit: str
    title: str
    published: dt.date
    limit_days: int = INTERPRETATION_WORKDAYS
    interpreted: dt.date | None = None

    @property
    def done(self) -> dt.date | None:
        return self.interpreted


@dataclass(frozen=True)
class OpinionEvent:
    """OpinionEvent — 政务舆情: respond within ``limit_hours`` clock hours of ``detected_at``.

    5 h (major incident, authoritative information), 24 h (major incident, press conference),
    48 h (other 舆情). A major incident with both limits is two events.
    """

    register: ClassVar[str] = "opinion"
    label: ClassVar[str] = "政务舆情"

    id: str
    unit: str
    detected_at: dt.datetime
    limit_hours: int
    responded_at: dt.datetime | None = None
    summary: str = ""

    @property
    def done(self) -> dt.datetime | None:
        return self.responded_at


@dataclass(frozen=True)
class ReportRequest:
    """ReportRequest — 报送任务: a report the office asked ``unit`` for by ``due``."""

    register: ClassVar[str] = "report"
    label: ClassVar[str] = "报送任务"

    id: str
    unit: str
    title: str
    due: dt.date
    submitted: dt.date | None = None

    @property
    def done(self) -> dt.date | None:
        return self.submitted


Record = ApplicationRecord | MessageRecord | PolicyRecord | OpinionEvent | ReportRequest
REGISTERS = {
    c.register: c
    for c in (ApplicationRecord, MessageRecord, PolicyRecord, OpinionEvent, ReportRequest)
}


@dataclass(frozen=True)
class Deadline:
    """Deadline — 期限与状态 of one record at ``today``.

    ``workdays_overdue`` (date limits) / ``hours_overdue`` (hour limits) are how late it was done
    or, still open, how late it is at ``today``; 0 when not late. ``workdays_left`` is set for open
    records not yet due.
    """

    due: dt.date | dt.datetime | None
    done: dt.date | dt.datetime | None
    status: Status
    workdays_overdue: int | None = None
    hours_overdue: Decimal | None = None
    workdays_left: int | None = None
    notes: tuple[str, ...] = ()


def _check_limit(value: int, what: str) -> None:
    if value < 0:
        raise RecordError(f"{what}不能为负数：{value}")


def _hours(delta: dt.timedelta) -> Decimal:
    return (Decimal(int(delta.total_seconds())) / 3600).quantize(Decimal("0.01"))


def _as_day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _as_moment(value: dt.date) -> dt.datetime:
    """A date as the end of that day (for hour limits checked at a date)."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(23, 59, 59))


def _check_opinion(event: OpinionEvent, today: dt.date) -> Deadline:
    if event.limit_hours <= 0:
        raise RecordError(f"舆情回应时限应为正数（小时）：{event.limit_hours}")
    limit = dt.timedelta(hours=event.limit_hours)
    due = event.detected_at + limit
    if event.responded_at is not None:
        late = event.responded_at - due
        status = Status.DONE_LATE if late > dt.timedelta(0) else Status.DONE_ON_TIME
        return Deadline(
            due, event.responded_at, status, hours_overdue=max(_hours(late), Decimal("0.00"))
        )
    now = _as_moment(today)
    if now > due:
        status = Status.VERY_OVERDUE if now - due > limit else Status.OVERDUE
        return Deadline(due, None, status, hours_overdue=_hours(now - due))
    status = Status.DUE_SOON if due - now <= limit / 4 else Status.PENDING
    return Deadline(due, None, status, hours_overdue=Decimal("0.00"))


def check(record: Record, today: dt.date, calendar: WorkCalendar | None = None) -> Deadline:
    """Due date, status and lateness of ``record`` at ``today`` (a date; for 舆情 a datetime,
    a plain date meaning the end of that day)."""
    if isinstance(record, OpinionEvent):
        return _check_opinion(record, today)
    cal = calendar or default_calendar()
    day = _as_day(today)
    notes: tuple[str, ...] = ()
    paused = ""
    if isinstance(record, ApplicationRecord):
        clock = reply_due(
            record.received,
            completion=record.completion,
            consultations=record.consultations,
            extension=record.extension,
            today=day,
            calendar=cal,
        )
        due, notes, paused = clock.due, clock.notes, clock.paused
    elif isinstance(record, MessageRecord):
        _check_limit(record.limit_days, "回复时限（工作日）")
        due = cal.add_workdays(record.received, record.limit_days)
    elif isinstance(record, PolicyRecord):
        _check_limit(record.limit_days, "解读时限（工作日）")
        due = cal.add_workdays(record.published, record.limit_days)
    elif isinstance(record, ReportRequest):
        due = record.due
    else:
        raise TypeError(f"not a register record: {record!r}")
    done = record.done
    if done is not None:
        if due is None or done <= due:
            return Deadline(due, done, Status.DONE_ON_TIME, 0, notes=notes)
        late = cal.workdays_between(due, done)
        return Deadline(due, done, Status.DONE_LATE, late, notes=notes)
    if paused or due is None:
        return Deadline(due, None, Status.PAUSED, 0, notes=(*notes, paused) if paused else notes)
    if day > due:
        late = cal.workdays_between(due, day)
        status = Status.VERY_OVERDUE if late > VERY_OVERDUE_WORKDAYS else Status.OVERDUE
        return Deadline(due, None, status, late, notes=notes)
    left = cal.workdays_between(day, due)
    status = Status.DUE_SOON if left <= DUE_SOON_WORKDAYS else Status.PENDING
    return Deadline(due, None, status, 0, workdays_left=left, notes=notes)


@dataclass(frozen=True)
class BreachRule:
    """BreachRule — 登记规则: which records' breaches count, as of ``today``.

    ``register`` is one of ``application``, ``message``, ``policy``, ``opinion``, ``report``
    (None: every register); ``kinds`` which breaches count (seed 004 binds ``late`` to 迟报 and
    ``open`` to 漏报); ``since``/``until`` keep breaches whose due date is in that period (the
    assessment year); ``where`` is an extra filter on the record (e.g. only 市长信箱 letters).
    """

    today: dt.date
    register: str | None = None
    kinds: frozenset[BreachKind] = frozenset(BreachKind)
    since: dt.date | None = None
    until: dt.date | None = None
    where: Callable[[Record], bool] | None = None

    def __post_init__(self) -> None:
        if self.register is not None and self.register not in REGISTERS:
            names = "、".join(REGISTERS)
            raise ValueError(f"未知的登记簿：{self.register}（应为 {names} 之一）")


@dataclass(frozen=True)
class Breach:
    """Breach — 超期记录: one record done late or still open past its due date."""

    record_id: str
    unit: str
    register: str
    kind: BreachKind
    due: dt.date | dt.datetime
    done: dt.date | dt.datetime | None
    workdays_late: int | None
    hours_late: Decimal | None
    description: str


def _when(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{zh_date(value.date())}{value:%H:%M}"
    return zh_date(value)


def _subject(record: Record) -> str:
    if isinstance(record, ApplicationRecord):
        return f"依申请公开申请（编号 {record.id}，收到于{zh_date(record.received)}）"
    if isinstance(record, MessageRecord):
        return f"{record.channel}来信（编号 {record.id}，收到于{zh_date(record.received)}）"
    if isinstance(record, PolicyRecord):
        return f"政策文件《{record.title}》（{zh_date(record.published)}公开）的解读"
    if isinstance(record, OpinionEvent):
        return f"舆情（编号 {record.id}，{_when(record.detected_at)}发现，时限{record.limit_hours}小时）"
    return f"报送任务《{record.title}》"


_VERB = {
    "application": "答复",
    "message": "回复",
    "policy": "发布",
    "opinion": "回应",
    "report": "报送",
}


def describe(record: Record, deadline: Deadline, kind: BreachKind, today: dt.date) -> str:
    """The Chinese sentence for a breach, as the finding's evidence text."""
    verb = _VERB[record.register]
    head = f"{record.unit}：{_subject(record)}应于{_when(deadline.due)}前{verb}"
    if deadline.hours_overdue is not None:
        late = f"超时{fmt(deadline.hours_overdue)}小时"
    elif deadline.workdays_overdue:
        late = f"超期{deadline.workdays_overdue}个工作日"
    else:
        late = "超过期限（逾期不足1个工作日）"
    if kind is BreachKind.LATE:
        if record.register == "report":
            late = f"迟报（{late}）"
        return f"{head}，实际于{_when(deadline.done)}{verb}，{late}。"
    if record.register == "report":
        return f"{head}，截至{_when(today)}未报送（漏报）。"
    return f"{head}，截至{_when(today)}仍未{verb}，{late}。"


def breaches(
    records: Iterable[Record], rule: BreachRule, calendar: WorkCalendar | None = None
) -> list[Breach]:
    """The breaches of ``records`` under ``rule``, in input order.

    A record done after its due date is a ``late`` breach; a record not done and past its due
    date at ``rule.today`` is an ``open`` breach. ``CalendarError`` when a needed year is missing.
    """
    cal = calendar or default_calendar()
    out: list[Breach] = []
    for record in records:
        if rule.register is not None and record.register != rule.register:
            continue
        if rule.where is not None and not rule.where(record):
            continue
        deadline = check(record, rule.today, cal)
        if deadline.status is Status.DONE_LATE:
            kind = BreachKind.LATE
        elif deadline.status in (Status.OVERDUE, Status.VERY_OVERDUE):
            kind = BreachKind.OPEN
        else:
            continue
        if kind not in rule.kinds or deadline.due is None:
            continue
        due_day = _as_day(deadline.due)
        if (rule.since and due_day < rule.since) or (rule.until and due_day > rule.until):
            continue
        out.append(
            Breach(
                record.id,
                record.unit,
                record.register,
                kind,
                deadline.due,
                deadline.done,
                deadline.workdays_overdue,
                deadline.hours_overdue,
                describe(record, deadline, kind, rule.today),
            )
        )
    return out
