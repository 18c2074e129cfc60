"""A year of 日常工作记录 for the demo round, with realistic lateness."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from zwgk.web.audit.models import record
from zwgk.web.registers.models import (
    TITLES,
    Application,
    Inspection,
    Message,
    Opinion,
    Policy,
    ReportTask,
)
from zwgk.web.registers.services import inspection_metric, sync
from zwgk.workdays import add_workdays


def make_demo_ledgers(rnd, units, user, rng: random.Random, year: int = 2023) -> None:
    """Records for every unit; rank indicators fed from inspections; breaches → pending findings."""

    def day(lo=1, hi=330):
        return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(lo, hi))

    def after(start, limit, p_late, p_open):
        r = rng.random()
        if r < p_open:
            return None
        if r < p_open + p_late:
            return add_workdays(add_workdays(start, limit), rng.randint(1, 6))
        return add_workdays(start, rng.randint(0, limit))

    rows: dict[type, list] = {
        m: [] for m in (Application, Message, Policy, Opinion, ReportTask, Inspection)
    }
    n = 0
    tz = timezone.get_current_timezone()
    for unit in units:
        for _ in range(rng.randint(1, 4)):
            n += 1
            got = day()
            rows[Application].append(
                Application(
                    round=rnd,
                    unit=unit,
                    ref=f"YSQ{year}-{n:04d}",
                    channel=rng.choice(["当面提交", "邮寄", "互联网"]),
                    received=got,
                    replied=after(got, 20, 0.08, 0.02),
                    reply_form="书面",
                )
            )
        for _ in range(rng.randint(4, 8)):
            n += 1
            got = day()
            rows[Message].append(
                Message(
                    round=rnd,
                    unit=unit,
                    ref=f"XX{year}-{n:04d}",
                    channel=rng.choice(["市长信箱", "12345", "政民互动"]),
                    subject="群众咨询",
                    received=got,
                    limit_days=5,
                    replied=after(got, 5, 0.06, 0.01),
                )
            )
        for k in range(rng.randint(1, 3)):
            n += 1
            pub = day()
            rows[Policy].append(
                Policy(
                    round=rnd,
                    unit=unit,
                    ref=f"ZC{year}-{n:04d}",
                    title=f"关于做好{year}年度第{k + 1}项重点工作的通知",
                    published=pub,
                    limit_days=3,
                    interpreted=after(pub, 3, 0.08, 0.04),
                )
            )
        if rng.random() < 0.35:
            n += 1
            found = dt.datetime.combine(
                day(), dt.time(rng.randint(7, 22), rng.choice([0, 30])), tzinfo=tz
            )
            limit = rng.choice([5, 24, 48])
            hours = limit + rng.randint(1, 10) if rng.random() < 0.2 else rng.randint(1, limit)
            rows[Opinion].append(
                Opinion(
                    round=rnd,
                    unit=unit,
                    ref=f"YQ{year}-{n:04d}",
                    summary="网民反映问题",
                    detected_at=found,
                    limit_hours=limit,
                    responded_at=found + dt.timedelta(hours=hours),
                )
            )
        for q in range(1, 5):
            n += 1
            due = dt.date(year, q * 3, 25)
            r = rng.random()
            if r < 0.03:
                submitted = None
            elif r < 0.10:
                submitted = due + dt.timedelta(days=rng.randint(1, 8))
            else:
                submitted = due - dt.timedelta(days=rng.randint(0, 10))
            rows[ReportTask].append(
                ReportTask(
                    round=rnd,
                    unit=unit,
                    ref=f"BS{year}-{n:04d}",
                    title=f"第{q}季度政务公开工作情况报送",
                    due=due,
                    submitted=submitted,
                )
            )
        for month in range(1, 13):
            problems = rng.choice([0, 0, 0, 1, 1, 2, 3])
            first = dt.date(year, month, 1)
            due = first + dt.timedelta(days=40)
            rectified = None
            if problems and rng.random() >= 0.1:
                rectified = due - dt.timedelta(days=rng.randint(0, 15))
            rows[Inspection].append(
                Inspection(
                    round=rnd,
                    unit=unit,
                    ref=f"TB{year}-{month:02d}-{unit.pk}",
                    month=first,
                    score=Decimal(100 - problems * rng.randint(3, 6)),
                    problems=problems,
                    rectify_due=due if problems else None,
                    rectified=rectified,
                )
            )
    for model, items in rows.items():
        model.objects.bulk_create(items)
    record(
        "ledger.import",
        "导入全年日常工作记录（演示数据）",
        actor=user,
        round=rnd,
        after={TITLES[m.register]: len(v) for m, v in rows.items()},
    )
    index = rnd.scheme.index()
    for node in index.nodes.values():
        if node.is_leaf and node.rank is not None:
            inspection_metric(rnd, node.id, user)
    sync(rnd, user)
