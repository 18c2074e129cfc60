"""Results — 考核结果: what the engine returns, every point traced to a line of explanation.

Invariant: for every node, ``earned == max + sum(line.amount for base lines)`` and
``bonus == sum(line.amount for bonus lines)``, so an explanation always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class LineKind(StrEnum):
    DEDUCT = "deduct"  # 扣分
    CAP = "cap"  # 扣分上限（退回超出部分）
    ZERO = "zero"  # 不得分
    BONUS = "bonus"  # 加分
    BONUS_CAP = "bonus_cap"  # 加分上限（退回超出部分）
    RATING = "rating"  # 区间评分
    RANK = "rank"  # 排名赋分
    IMPORTED = "imported"  # 外部计分
    VETO = "veto"  # 否决
    NA = "na"  # 不适用
    LATE = "late"  # 佐证材料逾期：视为无相关工作内容
    START = "start"  # 从 0 分起算
    EARN = "earn"  # 得分（从 0 分起算的指标）
    NOTE = "note"  # 提示（不影响分数）


class NodeStatus(StrEnum):
    SCORED = "scored"  # 已计分
    NA_FULL = "na_full"  # 不适用，按满分
    NA_OMITTED = "na_omitted"  # 不适用，不计入（折算）
    OUT_OF_SCOPE = "out_of_scope"  # 不在适用范围，不计入（折算）
    OUT_OF_SCOPE_FULL = "out_of_scope_full"  # 不在适用范围，按满分
    ZEROED = "zeroed"  # 单项否决清零
    UNRATED = "unrated"  # 未评定 / 未导入 / 无排名数据（按满分）


@dataclass(slots=True)
class Line:
    """One reason a score moved: signed ``amount`` and the Chinese explanation."""

    kind: LineKind
    amount: Decimal
    text: str
    ref: str | None = None  # the fact's file:line
    source: str | None = None
    date: str | None = None
    note: str | None = None
    evidence: str | None = None
    on_bonus: bool = False  # a veto line that cancels bonus points rather than base points

    @property
    def is_bonus(self) -> bool:
        """Whether the line moves the bonus (加分) rather than the base points."""
        return self.on_bonus or self.kind in (LineKind.BONUS, LineKind.BONUS_CAP)

    def as_dict(self) -> dict:
        out = {"kind": self.kind.value, "amount": self.amount, "text": self.text}
        if self.is_bonus:
            out["bonus"] = True
        for key in ("ref", "source", "date", "note", "evidence"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(slots=True)
class NodeResult:
    """The score of one indicator or section for one unit."""

    id: str
    name: str
    level: int
    max: Decimal
    earned: Decimal  # base points earned (bonus excluded)
    bonus: Decimal = Decimal(0)
    status: NodeStatus = NodeStatus.SCORED
    lines: list[Line] = field(default_factory=list)
    children: list[NodeResult] = field(default_factory=list)
    pending: int = 0  # facts awaiting confirmation (not counted)
    deducted: Decimal = Decimal(0)  # for pooled children: what they pass up

    @property
    def counted(self) -> bool:
        return self.status not in (NodeStatus.NA_OMITTED, NodeStatus.OUT_OF_SCOPE)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class UnitResult:
    """Everything about one unit's result."""

    unit: str
    unit_class: str
    table: str
    sections: list[NodeResult]
    full: Decimal  # the table's total points (e.g. 100)
    max: Decimal  # the points this unit could earn (out-of-scope and omitted items removed)
    base: Decimal  # base points earned
    scaled_base: Decimal  # base after prorating (== base when no prorating applies)
    bonus: Decimal
    veto_deduction: Decimal
    third_party: Decimal
    total: Decimal
    grade: str | None
    grade_forced_by: str | None
    rank: int = 0
    composite: Decimal | None = None
    lines: list[Line] = field(default_factory=list)  # unit-level: vetoes, third party, caps
    vetoed_by: list[str] = field(default_factory=list)
    _nodes: dict[str, NodeResult] = field(default_factory=dict, repr=False)

    def node(self, node_id: str) -> NodeResult:
        if not self._nodes:
            for section in self.sections:
                for n in section.walk():
                    self._nodes[n.id] = n
        return self._nodes[node_id]

    def nodes(self):
        for section in self.sections:
            yield from section.walk()


@dataclass
class RoundResult:
    """The results of a whole round, in class order, then rank, then name."""

    scheme_id: str
    scheme_title: str
    units: list[UnitResult]
    classes: list[tuple[str, str]]  # (id, name)
    precision: int
    _by_name: dict[str, UnitResult] = field(default_factory=dict, repr=False)

    def unit(self, name: str) -> UnitResult:
        if not self._by_name:
            self._by_name = {u.unit: u for u in self.units}
        return self._by_name[name]

    def in_class(self, class_id: str) -> list[UnitResult]:
        return [u for u in self.units if u.unit_class == class_id]
