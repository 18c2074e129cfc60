"""Facts — 考核事实: what assessors found, from which the engine computes every score.

Nine kinds, each a small frozen record that carries its provenance (date, source, note,
evidence, and ``ref``: the file and line or the record it came from): :class:`Finding` (扣分事实),
:class:`BonusEvent` (加分事实), :class:`Rating` (区间评分), :class:`Metric` (排名数据),
:class:`ImportedScore` (外部计分), :class:`NotApplicable` (不适用), :class:`VetoEvent` (否决事实),
:class:`ThirdPartyDeduction` (第三方评估扣分) and :class:`EvidenceSubmission` (佐证材料报送).

Facts are made from rows (files, forms) only by :mod:`zwgk.scoring.codec`, which checks them
against the scheme and the units.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Status(StrEnum):
    PENDING = "pending"  # 待确认
    CONFIRMED = "confirmed"  # 已确认
    DISMISSED = "dismissed"  # 已排除


SOURCES = (
    "网上检查",
    "日常记录",
    "印证材料",
    "第三方",
    "电话测评",
    "专家测评",
    "信函测评",
    "线下测评",
    "上级通报",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """Finding — 扣分事实: ``count`` occurrences of a fault (or the missing ``elements``)."""

    unit: str
    indicator: str
    fault: str
    count: int = 1
    missing: tuple[str, ...] = ()
    date: dt.date | None = None
    source: str | None = None
    status: Status = Status.CONFIRMED
    note: str | None = None
    evidence: str | None = None
    ref: str = ""
    amount: Decimal | None = None  # only for a discretionary fault: the deduction per occurrence


@dataclass(frozen=True, slots=True)
class BonusEvent:
    """BonusEvent — 加分事实."""

    unit: str
    indicator: str
    bonus: str
    count: int = 1
    date: dt.date | None = None
    source: str | None = None
    status: Status = Status.CONFIRMED
    note: str | None = None
    evidence: str | None = None
    ref: str = ""
    amount: Decimal | None = None  # only for a discretionary bonus: the points per event


@dataclass(frozen=True, slots=True)
class Rating:
    """Rating — 区间评分: an assessor's score within a range indicator's bounds (or a part's)."""

    unit: str
    indicator: str
    value: Decimal
    part: str | None = None  # the sub-item (分项) rated, for an indicator with ``parts``
    date: dt.date | None = None
    source: str | None = None
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Metric:
    """Metric — 排名数据: the value a rank-based indicator ranks units on."""

    unit: str
    indicator: str
    value: Decimal
    date: dt.date | None = None
    source: str | None = None
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ImportedScore:
    """ImportedScore — 外部计分: a score set by another body."""

    unit: str
    indicator: str
    score: Decimal
    by: str | None = None
    date: dt.date | None = None
    source: str | None = None
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """NotApplicable — 不适用: an indicator the office approved as not applying to a unit."""

    unit: str
    indicator: str
    date: dt.date | None = None
    source: str | None = None
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceSubmission:
    """EvidenceSubmission — 佐证材料报送: a unit sent the evidence for an indicator on ``date``.

    Where the scheme sets an evidence deadline (随州: 逾期未报视为无相关工作内容), evidence sent
    after it counts as absent for the indicator it supports.
    """

    unit: str
    indicator: str
    date: dt.date | None = None
    source: str | None = None
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class VetoEvent:
    """VetoEvent — 否决事实."""

    unit: str
    veto: str
    count: int = 1
    amount: Decimal | None = None  # for a discretionary deduction (酌情扣分)
    date: dt.date | None = None
    source: str | None = None
    status: Status = Status.CONFIRMED
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ThirdPartyDeduction:
    """ThirdPartyDeduction — 第三方评估扣分, taken from the unit's total."""

    unit: str
    amount: Decimal
    date: dt.date | None = None
    source: str | None = None
    note: str | None = None
    evidence: str | None = None
    ref: str = ""


SECTIONS = (
    "findings",
    "bonuses",
    "ratings",
    "metrics",
    "imported",
    "na",
    "vetoes",
    "third_party",
    "evidence",
)
"""The lists of :class:`Facts`, in the order a facts file lists them."""


@dataclass
class Facts:
    """All facts of a round, grouped by unit for the engine."""

    findings: list[Finding] = field(default_factory=list)
    bonuses: list[BonusEvent] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    imported: list[ImportedScore] = field(default_factory=list)
    na: list[NotApplicable] = field(default_factory=list)
    vetoes: list[VetoEvent] = field(default_factory=list)
    third_party: list[ThirdPartyDeduction] = field(default_factory=list)
    evidence: list[EvidenceSubmission] = field(default_factory=list)

    def by_unit(self) -> dict[str, UnitFacts]:
        grouped: dict[str, UnitFacts] = defaultdict(UnitFacts)
        for f in self.findings:
            grouped[f.unit].findings[f.indicator].append(f)
        for b in self.bonuses:
            grouped[b.unit].bonuses[b.indicator].append(b)
        for r in self.ratings:
            grouped[r.unit].ratings[r.indicator].append(r)
        for i in self.imported:
            grouped[i.unit].imported[i.indicator] = i
        for n in self.na:
            grouped[n.unit].na[n.indicator] = n
        for v in self.vetoes:
            grouped[v.unit].vetoes.append(v)
        for t in self.third_party:
            grouped[t.unit].third_party.append(t)
        for e in self.evidence:
            grouped[e.unit].evidence[e.indicator].append(e)
        return grouped

    def extend(self, other: Facts) -> None:
        for name in SECTIONS:
            getattr(self, name).extend(getattr(other, name))


@dataclass
class UnitFacts:
    """One unit's facts, by indicator."""

    findings: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    bonuses: dict[str, list[BonusEvent]] = field(default_factory=lambda: defaultdict(list))
    ratings: dict[str, list[Rating]] = field(default_factory=lambda: defaultdict(list))
    imported: dict[str, ImportedScore] = field(default_factory=dict)
    na: dict[str, NotApplicable] = field(default_factory=dict)
    vetoes: list[VetoEvent] = field(default_factory=list)
    third_party: list[ThirdPartyDeduction] = field(default_factory=list)
    evidence: dict[str, list[EvidenceSubmission]] = field(default_factory=lambda: defaultdict(list))
