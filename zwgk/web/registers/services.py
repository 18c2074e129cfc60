"""Breaches in the registers → pending findings on the faults the scheme binds (``ledger``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from zwgk import deadlines as dl
from zwgk.rubric import SchemeIndex
from zwgk.web.audit.models import record
from zwgk.web.desk.models import Fact
from zwgk.web.registers.models import MODELS, Inspection
from zwgk.web.rounds.models import Round, Unit
from zwgk.web.rounds.services import core_unit

KINDS = {"late": {dl.BreachKind.LATE}, "open": {dl.BreachKind.OPEN}, "any": set(dl.BreachKind)}


@dataclass(frozen=True)
class Binding:
    indicator: str
    fault: str
    register: str
    breach: str
    channel: str | None


def bindings(index: SchemeIndex) -> list[Binding]:
    out = []
    for node in index.nodes.values():
        for f in node.faults:
            if f.ledger is not None:
                out.append(Binding(node.id, f.id, f.ledger.name, f.ledger.breach, f.ledger.channel))
    return out


@dataclass
class SyncReport:
    created: int = 0
    existing: int = 0
    unbound: dict[str, int] | None = None
    errors: list[str] | None = None


def sync(rnd: Round, user, today: dt.date | None = None) -> SyncReport:
    """Create a pending finding for every breach not yet recorded (idempotent: keyed by origin)."""
    today = today or timezone.localdate()
    index = rnd.scheme.index()
    by_name = {u.name: u for u in rnd.units.all()}
    binds = bindings(index)
    report = SyncReport(unbound={}, errors=[])
    rule = dl.BreachRule(
        today=today, since=dt.date(rnd.year, 1, 1), until=dt.date(rnd.year, 12, 31)
    )
    have = set(
        Fact.objects.filter(round=rnd, origin__startswith="台账:").values_list("origin", flat=True)
    )
    new: list[Fact] = []
    for name, model in MODELS.items():
        found: list[tuple[object, dl.Breach]] = []
        try:
            for e in model.objects.filter(round=rnd).select_related("unit"):
                rec = e.record()
                if rec is not None:
                    found.extend((e, b) for b in dl.breaches([rec], rule))
        except ValueError as exc:
            report.errors.append(f"{name}：{exc}")
            continue
        for e, b in found:
            unit = by_name[b.unit]
            targets = [
                bd
                for bd in binds
                if bd.register == name
                and b.kind in KINDS[bd.breach]
                and (bd.channel is None or getattr(e, "channel", None) == bd.channel)
                and index.applies(bd.indicator, core_unit(unit))
            ]
            if not targets:
                report.unbound[name] = report.unbound.get(name, 0) + 1
                continue
            bd = targets[0]
            origin = f"台账:{name}:{e.pk}:{b.kind.value}"
            if origin in have:
                report.existing += 1
                continue
            have.add(origin)
            due = b.due.date() if isinstance(b.due, dt.datetime) else b.due
            new.append(
                Fact(
                    round=rnd,
                    unit=unit,
                    section=Fact.Section.FINDINGS,
                    indicator_id=bd.indicator,
                    item_id=bd.fault,
                    count=1,
                    date=due,
                    source="日常记录",
                    note=b.description[:2000],
                    status=Fact.Status.PENDING,
                    origin=origin,
                    created_by=user,
                )
            )
    with transaction.atomic():
        Fact.objects.bulk_create(new)
        rnd.bump()
        if new:
            record(
                "ledger.sync",
                f"由日常工作记录生成待确认扣分 {len(new)} 条",
                actor=user,
                round=rnd,
                after={"created": len(new)},
            )
    report.created = len(new)
    return report


def inspection_metric(rnd: Round, indicator_id: str, user) -> int:
    """Feed a rank-based indicator with each unit's average monthly inspection score."""
    index = rnd.scheme.index()
    node = index.nodes.get(indicator_id)
    if node is None or node.rank is None:
        raise ValueError(f"指标 {indicator_id} 不是排名赋分指标")
    sums: dict[int, list[Decimal]] = {}
    for row in Inspection.objects.filter(round=rnd):
        sums.setdefault(row.unit_id, []).append(row.score)
    made = 0
    with transaction.atomic():
        Fact.objects.filter(
            round=rnd,
            section=Fact.Section.METRICS,
            indicator_id=indicator_id,
            origin="月度检查通报",
        ).delete()
        for unit in Unit.objects.filter(round=rnd, pk__in=sums):
            if not index.applies(indicator_id, core_unit(unit)):
                continue
            scores = sums[unit.pk]
            avg = (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01"))
            Fact.objects.create(
                round=rnd,
                unit=unit,
                section=Fact.Section.METRICS,
                indicator_id=indicator_id,
                value=avg,
                note=f"{len(scores)} 个月检查得分平均",
                origin="月度检查通报",
                created_by=user,
            )
            made += 1
        rnd.bump()
        record(
            "ledger.metric",
            f"以月度检查通报平均得分更新 {indicator_id} {node.name} 的排名数据（{made} 个单位）",
            actor=user,
            round=rnd,
        )
    return made
