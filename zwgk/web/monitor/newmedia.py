"""The 政务新媒体 register: accounts, their update dates (entered or imported from the office's
monthly sheet), and the two rules evaluated over it (``newmedia-update``, ``newmedia-unapproved``)
with breaches as findings to review, like the website's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from zwgk.monitor import newmedia_unapproved, newmedia_update
from zwgk.monitor.identity import Outcome
from zwgk.monitor.newmedia import Account
from zwgk.rubric.errors import FactsError
from zwgk.scoring.tabular import read_source
from zwgk.web.audit.models import record
from zwgk.web.monitor import services
from zwgk.web.monitor.forms import PLATFORMS, parse_date, parse_dates
from zwgk.web.monitor.models import Finding, NewMediaAccount, NewMediaUpdate
from zwgk.web.rounds.models import Round

COLUMNS = {
    "unit": ("单位", "单位名称", "主办单位", "开办单位"),
    "platform": ("平台", "平台类型", "账号类型", "类型"),
    "name": ("账号名称", "账号", "名称", "新媒体名称"),
    "dates": ("更新日期", "发布日期", "更新时间", "发布时间"),
    "opened": ("开设日期", "开通日期"),
    "approval": ("开设审批", "是否批准", "审批情况"),
    "approval_ref": ("审批文号", "批准文号"),
}
YES = {"是", "已批准", "批准", "有", "已审批", "yes", "y", "true", "1"}
NO = {"否", "未批准", "未经批准", "无", "未审批", "no", "n", "false", "0"}


def core_account(acc: NewMediaAccount, dates: list[dt.date] | None = None) -> Account:
    today = timezone.localdate()
    return Account(
        key=str(acc.pk),
        platform=acc.platform,
        name=acc.name,
        unit=acc.unit.name,
        updates=tuple(dates if dates is not None else acc.updates.values_list("date", flat=True)),
        opened=acc.opened,
        closed=acc.closed,
        approved=None if not acc.approval else acc.approval == NewMediaAccount.Approval.YES,
        approval_ref=acc.approval_ref,
        known_since=acc.checked_from or timezone.localdate(acc.created_at),
        known_until=acc.checked_until or today - dt.timedelta(days=1),
    )


def evaluate(acc: NewMediaAccount, now: dt.datetime | None = None) -> Outcome:
    now = now or timezone.now()
    today = timezone.localdate(now)
    core = core_account(acc)
    since, until = dt.date(acc.round.year, 1, 1), min(today, dt.date(acc.round.year + 1, 1, 1))
    found = newmedia_update.check(core, since, until, now) + newmedia_unapproved.check(core, now)
    return services.record_findings(acc, Finding.Source.NEWMEDIA, found, None, now)


def evaluate_round(rnd: Round) -> int:
    """Evaluate every account of the round; the number of new findings."""
    n = 0
    for acc in NewMediaAccount.objects.filter(round=rnd).select_related("unit", "round"):
        n += len(evaluate(acc).new)
    return n


def add_updates(acc: NewMediaAccount, dates: list[dt.date], source: str) -> int:
    made = NewMediaUpdate.objects.bulk_create(
        [NewMediaUpdate(account=acc, date=d, source=source[:100]) for d in sorted(set(dates))],
        ignore_conflicts=True,
    )
    return len(made)


class SheetError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("；".join(problems[:3]))
        self.problems = problems


@dataclass
class Imported:
    accounts_new: int = 0
    accounts: set[int] = field(default_factory=set)
    dates: int = 0


def _approval(value: str, line: int) -> str:
    v = value.strip().lower()
    if not v:
        return ""
    if v in YES:
        return NewMediaAccount.Approval.YES
    if v in NO:
        return NewMediaAccount.Approval.NO
    raise ValueError(f"第{line}行：开设审批“{value[:20]}”应填 是 或 否")


def import_sheet(
    rnd: Round,
    path: Path,
    name: str,
    month: tuple[dt.date, dt.date] | None,
    user,
) -> Imported:
    """Read the office's monthly sheet (one row per update, or per account with several dates);
    any bad row rejects the whole file (``SheetError`` lists every problem with its row)."""
    try:
        kind, rows = read_source(path)
    except FactsError as exc:
        raise SheetError([str(p) for p in exc.problems]) from None
    if kind != "csv" or not rows:
        raise SheetError([f"{name}：应为 .xlsx 或 .csv 表格，第一行为列名"])
    header = [h.strip() for h in rows[0]]
    where: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names and key not in where:
                where[key] = i
    missing = [COLUMNS[k][0] for k in ("unit", "platform", "name") if k not in where]
    if missing:
        raise SheetError(
            [
                f"第1行：缺少列 {'、'.join(missing)}（可用列：{'、'.join(c[0] for c in COLUMNS.values())}）"
            ]
        )
    units = {u.name: u for u in rnd.units.all()}
    problems: list[str] = []
    parsed = []
    for line, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        cell = {k: (values[i].strip() if i < len(values) else "") for k, i in where.items()}
        unit = units.get(cell["unit"])
        if unit is None:
            problems.append(f"第{line}行：单位名单中没有“{cell['unit'][:40]}”")
            continue
        if not cell["name"] or not cell["platform"]:
            problems.append(f"第{line}行：平台和账号名称不能为空")
            continue
        try:
            dates = parse_dates(cell.get("dates", ""))
            opened = parse_date(cell["opened"]) if cell.get("opened") else None
            approval = _approval(cell.get("approval", ""), line)
        except ValueError as exc:
            msg = str(exc)
            problems.append(msg if msg.startswith("第") else f"第{line}行：{msg}")
            continue
        if month and any(not month[0] <= d <= month[1] for d in dates):
            problems.append(f"第{line}行：更新日期不在 {month[0]:%Y年%m月} 内")
            continue
        platform = cell["platform"] if cell["platform"] in PLATFORMS else cell["platform"][:30]
        parsed.append(
            (
                unit,
                platform,
                cell["name"][:100],
                dates,
                opened,
                approval,
                cell.get("approval_ref", ""),
            )
        )
    if problems:
        raise SheetError(problems)
    out = Imported()
    source = f"导入:{name}"[:100]
    with transaction.atomic():
        for unit, platform, acc_name, dates, opened, approval, ref in parsed:
            acc, created = NewMediaAccount.objects.get_or_create(
                round=rnd, unit=unit, platform=platform, name=acc_name
            )
            out.accounts_new += created
            out.accounts.add(acc.pk)
            changed = []
            if opened and acc.opened != opened:
                acc.opened = opened
                changed.append("opened")
            if approval and acc.approval != approval:
                acc.approval = approval
                changed.append("approval")
            if ref and acc.approval_ref != ref:
                acc.approval_ref = ref[:100]
                changed.append("approval_ref")
            if month:
                if month[0] < (acc.checked_from or timezone.localdate(acc.created_at)):
                    acc.checked_from = month[0]
                    changed.append("checked_from")
                if acc.checked_until is None or month[1] > acc.checked_until:
                    acc.checked_until = month[1]
                    changed.append("checked_until")
            if changed:
                acc.save(update_fields=changed)
            out.dates += add_updates(acc, dates, source)
        record(
            "newmedia.import",
            f"从 {name} 导入政务新媒体更新记录：{len(out.accounts)} 个账号，{out.dates} 个日期",
            actor=user,
            round=rnd,
            after={"file": name, "accounts": len(out.accounts), "dates": out.dates},
        )
    for acc in NewMediaAccount.objects.filter(pk__in=out.accounts).select_related("unit", "round"):
        evaluate(acc)
    return out
