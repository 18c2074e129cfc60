"""Facts — 考核事实: what assessors found, from which the engine computes every score.

Eight kinds, each a small frozen record that remembers where it came from (``ref``):
:class:`Finding` (扣分事实), :class:`BonusEvent` (加分事实), :class:`Rating` (区间评分),
:class:`Metric` (排名数据), :class:`ImportedScore` (外部计分), :class:`NotApplicable` (不适用),
:class:`VetoEvent` (否决事实) and :class:`ThirdPartyDeduction` (第三方评估扣分).

A fact that names an unknown unit, indicator, fault, bonus or veto, or an indicator that does
not apply to the unit, is an error: the whole file is rejected with every problem listed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from zwgk.rubric.errors import FactsError, Problem
from zwgk.rubric.index import SchemeIndex
from zwgk.rubric.model import VetoEffect
from zwgk.rubric.validate import fmt
from zwgk.scoring.tabular import (
    Row,
    csv_rows,
    read_source,
    split_list,
    to_count,
    to_decimal,
    yaml_rows,
)
from zwgk.scoring.units import Unit, check_units


class Status(StrEnum):
    PENDING = "pending"  # 待确认
    CONFIRMED = "confirmed"  # 已确认
    DISMISSED = "dismissed"  # 已排除


STATUS_WORDS = {
    "pending": Status.PENDING,
    "待确认": Status.PENDING,
    "confirmed": Status.CONFIRMED,
    "已确认": Status.CONFIRMED,
    "确认": Status.CONFIRMED,
    "dismissed": Status.DISMISSED,
    "已排除": Status.DISMISSED,
    "排除": Status.DISMISSED,
}

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
    """Rating — 区间评分: an assessor's score within a range indicator's bounds."""

    unit: str
    indicator: str
    value: Decimal
    note: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Metric:
    """Metric — 排名数据: the value a rank-based indicator ranks units on."""

    unit: str
    indicator: str
    value: Decimal
    note: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ImportedScore:
    """ImportedScore — 外部计分: a score set by another body."""

    unit: str
    indicator: str
    score: Decimal
    by: str | None = None
    note: str | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class NotApplicable:
    """NotApplicable — 不适用: an indicator the office approved as not applying to a unit."""

    unit: str
    indicator: str
    note: str | None = None
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
    source: str | None = None
    note: str | None = None
    ref: str = ""


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

    def by_unit(self) -> dict[str, UnitFacts]:
        grouped: dict[str, UnitFacts] = defaultdict(UnitFacts)
        for f in self.findings:
            grouped[f.unit].findings[f.indicator].append(f)
        for b in self.bonuses:
            grouped[b.unit].bonuses[b.indicator].append(b)
        for r in self.ratings:
            grouped[r.unit].ratings[r.indicator] = r
        for i in self.imported:
            grouped[i.unit].imported[i.indicator] = i
        for n in self.na:
            grouped[n.unit].na[n.indicator] = n
        for v in self.vetoes:
            grouped[v.unit].vetoes.append(v)
        for t in self.third_party:
            grouped[t.unit].third_party.append(t)
        return grouped

    def extend(self, other: Facts) -> None:
        for name in (
            "findings",
            "bonuses",
            "ratings",
            "metrics",
            "imported",
            "na",
            "vetoes",
            "third_party",
        ):
            getattr(self, name).extend(getattr(other, name))


@dataclass
class UnitFacts:
    findings: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    bonuses: dict[str, list[BonusEvent]] = field(default_factory=lambda: defaultdict(list))
    ratings: dict[str, Rating] = field(default_factory=dict)
    imported: dict[str, ImportedScore] = field(default_factory=dict)
    na: dict[str, NotApplicable] = field(default_factory=dict)
    vetoes: list[VetoEvent] = field(default_factory=list)
    third_party: list[ThirdPartyDeduction] = field(default_factory=list)


SECTIONS = ("findings", "bonuses", "ratings", "metrics", "imported", "na", "vetoes", "third_party")

KIND_WORDS = {
    "finding": "findings",
    "扣分": "findings",
    "bonus": "bonuses",
    "加分": "bonuses",
    "rating": "ratings",
    "评分": "ratings",
    "metric": "metrics",
    "排名数据": "metrics",
    "imported": "imported",
    "导入分": "imported",
    "外部计分": "imported",
    "na": "na",
    "不适用": "na",
    "veto": "vetoes",
    "否决": "vetoes",
    "third_party": "third_party",
    "第三方扣分": "third_party",
}

CSV_COLUMNS = {
    "kind": "kind",
    "类型": "kind",
    "unit": "unit",
    "单位": "unit",
    "indicator": "indicator",
    "指标": "indicator",
    "item": "item",
    "情形": "item",
    "count": "count",
    "次数": "count",
    "value": "value",
    "数值": "value",
    "missing": "missing",
    "缺项": "missing",
    "date": "date",
    "日期": "date",
    "source": "source",
    "来源": "source",
    "status": "status",
    "状态": "status",
    "note": "note",
    "说明": "note",
    "evidence": "evidence",
    "证据": "evidence",
    "by": "by",
    "计分机关": "by",
}

# Which keys each YAML section accepts, and what the CSV's item/value columns mean for it.
_ALLOWED = {
    "findings": {
        "unit",
        "indicator",
        "fault",
        "count",
        "missing",
        "amount",
        "date",
        "source",
        "status",
        "note",
        "evidence",
    },
    "bonuses": {
        "unit",
        "indicator",
        "bonus",
        "count",
        "amount",
        "date",
        "source",
        "status",
        "note",
        "evidence",
    },
    "ratings": {"unit", "indicator", "value", "note"},
    "metrics": {"unit", "indicator", "value", "note"},
    "imported": {"unit", "indicator", "score", "by", "note"},
    "na": {"unit", "indicator", "note"},
    "vetoes": {"unit", "veto", "count", "amount", "date", "source", "status", "note", "evidence"},
    "third_party": {"unit", "amount", "source", "note"},
}
_CSV_ITEM = {"findings": "fault", "bonuses": "bonus", "vetoes": "veto"}
_CSV_VALUE = {
    "findings": "amount",
    "bonuses": "amount",
    "ratings": "value",
    "metrics": "value",
    "imported": "score",
    "third_party": "amount",
    "vetoes": "amount",
}


def _csv_to_sections(rows: list[list[str]], path: str) -> list[Row]:
    out = []
    for row in csv_rows(rows, path, CSV_COLUMNS, "?"):
        kind = row.fields.pop("kind", "")
        section = KIND_WORDS.get(str(kind).strip().lower(), KIND_WORDS.get(str(kind).strip()))
        if section is None:
            raise FactsError(
                [
                    Problem(
                        path,
                        row.line,
                        f"不认识的类型 “{kind}”；可用：{'、'.join(sorted(KIND_WORDS))}",
                    )
                ]
            )
        if "item" in row.fields:
            if section not in _CSV_ITEM:
                raise FactsError([Problem(path, row.line, f"“{kind}” 这一类不填“情形”列")])
            row.fields[_CSV_ITEM[section]] = row.fields.pop("item")
        if "value" in row.fields:
            if section not in _CSV_VALUE:
                raise FactsError([Problem(path, row.line, f"“{kind}” 这一类不填“数值”列")])
            row.fields[_CSV_VALUE[section]] = row.fields.pop("value")
        row.section = section
        out.append(row)
    return out


class _Checker:
    """Turns rows into facts, collecting every problem instead of stopping at the first."""

    def __init__(self, index: SchemeIndex, units: list[Unit]):
        self.index = index
        self.units = {u.name: u for u in units}
        self.problems: list[Problem] = []
        self.facts = Facts()
        self._single: set[tuple[str, str, str]] = set()

    def fail(self, row: Row, message: str) -> None:
        self.problems.append(Problem(row.path, row.line, message, row.section))

    def text(self, row: Row, key: str) -> str | None:
        value = row.fields.get(key)
        return None if value is None or str(value).strip() == "" else str(value).strip()

    def required(self, row: Row, key: str) -> str | None:
        value = self.text(row, key)
        if value is None:
            self.fail(row, f"缺少 {key}")
        return value

    def unit(self, row: Row) -> Unit | None:
        name = self.required(row, "unit")
        if name is None:
            return None
        unit = self.units.get(name)
        if unit is None:
            self.fail(row, f"单位名单中没有 “{name}”")
        return unit

    def indicator(self, row: Row, unit: Unit | None):
        ind_id = self.required(row, "indicator")
        if ind_id is None:
            return None
        node = self.index.nodes.get(ind_id)
        if node is None:
            self.fail(row, f"方案中没有指标 “{ind_id}”")
            return None
        if not node.is_leaf:
            self.fail(row, f"“{ind_id} {node.name}” 是上级指标：事实应记在末级指标上")
            return None
        if unit is not None and not self.index.applies(ind_id, unit):
            self.fail(
                row, f"指标 “{ind_id} {node.name}” 不适用于 “{unit.name}”（{unit.unit_class} 类）"
            )
            return None
        return node

    def number(self, row: Row, key: str) -> Decimal | None:
        value = row.fields.get(key)
        if value is None or str(value).strip() == "":
            self.fail(row, f"缺少 {key}")
            return None
        try:
            return to_decimal(value)
        except ValueError as exc:
            self.fail(row, f"{key}：{exc}")
            return None

    def count(self, row: Row) -> int | None:
        value = row.fields.get("count", 1)
        try:
            return to_count(value)
        except ValueError as exc:
            self.fail(row, str(exc))
            return None

    def date(self, row: Row) -> dt.date | None:
        value = row.fields.get("date")
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value).strip().replace("/", "-").replace(".", "-")
        text = text.replace("年", "-").replace("月", "-").rstrip("日")
        try:
            y, m, d = (int(p) for p in text.split("-"))
            return dt.date(y, m, d)
        except (ValueError, TypeError):
            self.fail(row, f"日期 “{value}” 无法识别（应为 2024-05-06 或 2024年5月6日）")
            return None

    def status(self, row: Row) -> Status:
        value = self.text(row, "status")
        if value is None:
            return Status.CONFIRMED
        status = STATUS_WORDS.get(value.lower(), STATUS_WORDS.get(value))
        if status is None:
            self.fail(
                row,
                f"状态 “{value}” 无法识别（confirmed/pending/dismissed 或 已确认/待确认/已排除）",
            )
            return Status.CONFIRMED
        return status

    def keys(self, row: Row) -> bool:
        extra = set(row.fields) - _ALLOWED[row.section]
        if extra:
            self.fail(
                row,
                f"不认识的字段：{'、'.join(sorted(extra))}；可用：{'、'.join(sorted(_ALLOWED[row.section]))}",
            )
            return False
        return True

    def once(self, row: Row, key: tuple[str, str, str], what: str) -> bool:
        if key in self._single:
            self.fail(row, f"“{key[1]}” 对 “{key[2]}” 的{what}重复录入")
            return False
        self._single.add(key)
        return True

    # -- one method per section ------------------------------------------------------------

    def findings(self, row: Row) -> None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        count = self.count(row)
        date, status = self.date(row), self.status(row)
        if node is None or unit is None or count is None:
            return
        if node.kind != "deduct":
            self.fail(row, f"指标 “{node.id} {node.name}” 不按扣分情形计分，不能记扣分事实")
            return
        fault_id = self.text(row, "fault")
        if fault_id is None:
            if len(node.faults) != 1:
                ids = "、".join(f"{f.id}（{f.text}）" for f in node.faults)
                self.fail(row, f"指标 “{node.id}” 有多种扣分情形，须写 fault：{ids}")
                return
            fault = node.faults[0]
        else:
            fault = next((f for f in node.faults if f.id == fault_id), None)
            if fault is None:
                ids = "、".join(f.id for f in node.faults)
                self.fail(row, f"指标 “{node.id}” 没有扣分情形 “{fault_id}”（有：{ids}）")
                return
        missing = tuple(split_list(row.fields.get("missing")))
        if missing:
            if not fault.elements:
                self.fail(row, f"扣分情形 “{fault.id}” 不是清单式（没有 elements），不能写 missing")
                return
            unknown = [m for m in missing if m not in fault.elements]
            if unknown:
                self.fail(
                    row,
                    f"“{'、'.join(unknown)}” 不是 “{fault.id}” 的要素（要素：{'、'.join(fault.elements)}）",
                )
                return
            if len(set(missing)) != len(missing):
                self.fail(row, "missing 中有重复的要素")
                return
            if "count" in row.fields and count != len(missing):
                self.fail(row, f"count（{count}）与缺少的要素数（{len(missing)}）不一致")
                return
            count = len(missing)
        elif fault.elements and count > len(fault.elements):
            self.fail(row, f"最多只能缺 {len(fault.elements)} 项要素，count 为 {count}")
            return
        amount = None
        if fault.discretionary:
            amount = self.number(row, "amount")
            if amount is None:
                return
            if amount <= 0:
                self.fail(row, "amount 应大于 0")
                return
        elif "amount" in row.fields:
            self.fail(
                row,
                f"扣分情形 “{fault.id}” 每次扣 {fmt(fault.amount) if fault.amount else '（不得分）'}，由方案规定，不写 amount",
            )
            return
        self.facts.findings.append(
            Finding(
                unit.name,
                node.id,
                fault.id,
                count,
                missing,
                date,
                self.text(row, "source"),
                status,
                self.text(row, "note"),
                self.text(row, "evidence"),
                row.ref,
                amount,
            )
        )

    def bonuses(self, row: Row) -> None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        count = self.count(row)
        date, status = self.date(row), self.status(row)
        if node is None or unit is None or count is None:
            return
        if not node.bonuses:
            self.fail(row, f"指标 “{node.id} {node.name}” 没有加分情形")
            return
        bonus_id = self.text(row, "bonus")
        if bonus_id is None:
            if len(node.bonuses) != 1:
                ids = "、".join(f"{b.id}（{b.text}）" for b in node.bonuses)
                self.fail(row, f"指标 “{node.id}” 有多种加分情形，须写 bonus：{ids}")
                return
            bonus = node.bonuses[0]
        else:
            bonus = next((b for b in node.bonuses if b.id == bonus_id), None)
            if bonus is None:
                self.fail(
                    row,
                    f"指标 “{node.id}” 没有加分情形 “{bonus_id}”（有：{'、'.join(b.id for b in node.bonuses)}）",
                )
                return
        amount = None
        if bonus.discretionary:
            amount = self.number(row, "amount")
            if amount is None:
                return
            if amount <= 0:
                self.fail(row, "amount 应大于 0")
                return
        elif "amount" in row.fields:
            self.fail(
                row, f"加分情形 “{bonus.id}” 每次加 {fmt(bonus.amount)} 分，由方案规定，不写 amount"
            )
            return
        self.facts.bonuses.append(
            BonusEvent(
                unit.name,
                node.id,
                bonus.id,
                count,
                date,
                self.text(row, "source"),
                status,
                self.text(row, "note"),
                self.text(row, "evidence"),
                row.ref,
                amount,
            )
        )

    def ratings(self, row: Row) -> None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        value = self.number(row, "value")
        if node is None or unit is None or value is None:
            return
        if node.range is None:
            self.fail(row, f"指标 “{node.id} {node.name}” 不是区间评分指标（没有 range）")
            return
        lo, hi = node.range
        if not lo <= value <= hi:
            self.fail(row, f"评分 {fmt(value)} 超出 “{node.id}” 的区间 {fmt(lo)}～{fmt(hi)}")
            return
        if self.once(row, ("rating", node.id, unit.name), "评分"):
            self.facts.ratings.append(
                Rating(unit.name, node.id, value, self.text(row, "note"), row.ref)
            )

    def metrics(self, row: Row) -> None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        value = self.number(row, "value")
        if node is None or unit is None or value is None:
            return
        if node.rank is None:
            self.fail(row, f"指标 “{node.id} {node.name}” 不是排名赋分指标（没有 rank）")
            return
        if self.once(row, ("metric", node.id, unit.name), "排名数据"):
            self.facts.metrics.append(
                Metric(unit.name, node.id, value, self.text(row, "note"), row.ref)
            )

    def imported(self, row: Row) -> None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        score = self.number(row, "score")
        if node is None or unit is None or score is None:
            return
        if node.imported is None:
            self.fail(row, f"指标 “{node.id} {node.name}” 不是外部计分指标（没有 imported）")
            return
        lo, hi = node.imported.min, node.points or Decimal(0)
        if not lo <= score <= hi:
            self.fail(row, f"分数 {fmt(score)} 超出 “{node.id}” 的范围 {fmt(lo)}～{fmt(hi)}")
            return
        if self.once(row, ("imported", node.id, unit.name), "外部计分"):
            self.facts.imported.append(
                ImportedScore(
                    unit.name,
                    node.id,
                    score,
                    self.text(row, "by") or node.imported.by,
                    self.text(row, "note"),
                    row.ref,
                )
            )

    def na(self, row: Row) -> None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        if node is None or unit is None:
            return
        if self.once(row, ("na", node.id, unit.name), "不适用认定"):
            self.facts.na.append(NotApplicable(unit.name, node.id, self.text(row, "note"), row.ref))

    def vetoes(self, row: Row) -> None:
        unit = self.unit(row)
        count = self.count(row)
        date, status = self.date(row), self.status(row)
        veto_id = self.required(row, "veto")
        if unit is None or count is None or veto_id is None:
            return
        veto = self.index.vetoes.get(veto_id)
        if veto is None:
            self.fail(
                row, f"方案中没有否决情形 “{veto_id}”（有：{'、'.join(self.index.vetoes) or '无'}）"
            )
            return
        if veto.applies_to is not None:
            from zwgk.rubric.index import in_scope

            if not in_scope(veto.applies_to, unit):
                self.fail(row, f"否决情形 “{veto_id}” 不适用于 “{unit.name}”")
                return
        if veto.effect is VetoEffect.ZERO and not self.index.applies(veto.target, unit):
            self.fail(
                row, f"否决情形 “{veto_id}” 清零的指标 “{veto.target}” 不适用于 “{unit.name}”"
            )
            return
        amount = None
        if "amount" in row.fields:
            if not veto.discretionary:
                self.fail(row, f"否决情形 “{veto_id}” 的扣分由方案规定，不写 amount")
                return
            amount = self.number(row, "amount")
            if amount is None:
                return
            if amount <= 0:
                self.fail(row, "amount 应大于 0")
                return
        elif veto.discretionary:
            self.fail(row, f"否决情形 “{veto_id}” 为酌情扣分，须写 amount")
            return
        self.facts.vetoes.append(
            VetoEvent(
                unit.name,
                veto.id,
                count,
                amount,
                date,
                self.text(row, "source"),
                status,
                self.text(row, "note"),
                self.text(row, "evidence"),
                row.ref,
            )
        )

    def third_party(self, row: Row) -> None:
        unit = self.unit(row)
        amount = self.number(row, "amount")
        if unit is None or amount is None:
            return
        if self.index.scheme.third_party is None:
            self.fail(row, "本方案不扣减第三方评估分数（方案中没有 third_party）")
            return
        if amount < 0:
            self.fail(row, "第三方评估扣分应为正数（表示扣掉的分数）")
            return
        self.facts.third_party.append(
            ThirdPartyDeduction(
                unit.name, amount, self.text(row, "source"), self.text(row, "note"), row.ref
            )
        )


def check_facts(index: SchemeIndex, units: list[Unit], rows: list[Row]) -> Facts:
    """Validate rows into :class:`Facts`; raise :class:`FactsError` listing every problem."""
    checker = _Checker(index, units)
    for row in rows:
        if not checker.keys(row):
            continue
        getattr(checker, row.section)(row)
    if checker.problems:
        raise FactsError(checker.problems)
    return checker.facts


def read_fact_rows(path: str | Path) -> list[Row]:
    kind, data = read_source(path)
    if kind == "yaml":
        return list(yaml_rows(data, str(path), SECTIONS))
    return _csv_to_sections(data, str(path))


def load_facts(
    path: str | Path | list[str | Path] | None, index: SchemeIndex, units: list[Unit]
) -> Facts:
    """Read one or more facts files (YAML or CSV) and check them against the scheme and units."""
    check_units(index, units)
    paths: list[Any] = [] if path is None else path if isinstance(path, list) else [path]
    rows: list[Row] = []
    problems: list[Problem] = []
    for p in paths:
        try:
            rows.extend(read_fact_rows(p))
        except FactsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise FactsError(problems)
    return check_facts(index, units, rows)
