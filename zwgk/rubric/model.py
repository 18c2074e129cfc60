"""The scheme model: what a 考核细则与评分表 says, as typed data.

A :class:`Scheme` (考核方案) holds classes of units, one or more score tables (评分表) each made of a
tree of :class:`Node` objects — sections (一级/二级指标) and leaf indicators (三级指标) — plus the
scheme-wide rules: vetoes, grades, caps, the N/A policy and the composite weight.

The models are pydantic models so that a scheme file is checked field by field; the semantic
checks that need the whole tree (subtotals, duplicate ids, references) live in
:mod:`zwgk.rubric.validate`. Points are always :class:`~decimal.Decimal`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ID_PATTERN = r"^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff_.\-]*$"

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
Points = Annotated[Decimal, Field(allow_inf_nan=False, max_digits=12, decimal_places=4)]
PositivePoints = Annotated[
    Decimal, Field(gt=0, allow_inf_nan=False, max_digits=12, decimal_places=4)
]


class Base(BaseModel):
    """Common settings: unknown keys are errors; ``line`` is where the mapping stood in the file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    line: int = Field(default=0, alias="__line__", exclude=True, repr=False)


def _text_list(value: object) -> object:
    """Accept ``"网上检查+被考核单位提供印证材料"`` or a list for a list of short texts."""
    if isinstance(value, str):
        parts = [p.strip() for p in value.replace("＋", "+").split("+")]
        return [p for p in parts if p]
    return value


class UnitClass(Base):
    """UnitClass — 单位类别 (A 类 乡镇街道, B 类 区直部门…). Units are ranked within their class."""

    id: Id
    name: str
    description: str | None = None


class AppliesTo(Base):
    """Scope — 考核范围 / 评估数据采集范围: which units an indicator or table applies to.

    A unit is in scope when its class is listed (or no class is listed) and, if units or tags are
    listed, it is one of the units or carries one of the tags.
    """

    classes: list[Id] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    text: str | None = None  # the scheme's own words, e.g. "区属惠民惠农资金监管部门"


NotApplicablePolicy = Literal["full_marks", "rescale"]
"""What a row that does not apply to a unit (out of scope, or approved 不适用) does to its score:
``full_marks`` — it costs nothing (counted at full marks); ``rescale`` — its points leave the unit's
full marks and the unit's base is rescaled to the table's total (折算)."""


REGISTER_NAMES = {
    "application": "依申请公开申请",
    "message": "来信（市长信箱、12345、政民互动）",
    "policy": "政策文件解读",
    "opinion": "政务舆情",
    "report": "报送任务",
    "inspection": "月度检查通报（未整改的问题）",
}


class LedgerRule(Base):
    """LedgerRule — 台账计分规则: breaches in a 日常工作记录 register become findings of a fault.

    ``name`` names the register (see ``REGISTER_NAMES``); ``breach`` which breaches count:
    ``late`` (办结但超期、迟报), ``open`` (超期未办、漏报) or ``any``; ``channel`` keeps only
    messages from one channel (e.g. 12345).
    """

    name: Literal["application", "message", "policy", "opinion", "report", "inspection"]
    breach: Literal["late", "open", "any"] = "any"
    channel: str | None = None


class Counting(StrEnum):
    """How the findings of one fault add up within one indicator for one unit.

    ``occurrence`` — 每发现一次/每例/每件扣N分: every finding counts, they add up.
    ``item`` — 每少一项扣N分: the items missing are a set; the same item named in two findings
    (two dates, two assessors, an import and a form) is deducted once, and with ``elements`` never
    more items than the list holds.
    ``once`` — 未……的，扣N分: the fault is deducted at most once for the indicator, however many
    findings record it.
    """

    OCCURRENCE = "occurrence"
    ITEM = "item"
    ONCE = "once"


class Fault(Base):
    """Fault — 扣分情形: one kind of failure with its deduction.

    ``amount`` is deducted per occurrence (发现一处/一件/一次 扣N分); with ``elements`` it is
    deducted per missing element (每少一项); with ``zeroes`` any occurrence zeroes the indicator
    (未…的，不得分); with ``discretionary`` each finding states its own amount (a deduction set
    by another body or by the leading group). ``cap`` bounds this fault's own total deduction.
    """

    id: Id
    text: str
    amount: PositivePoints | None = None
    per: str | None = None  # the counting word: 处、件、次、项、条…
    cap: PositivePoints | None = None
    zeroes: bool = False
    discretionary: bool = False  # 酌情/按外部考核扣分: each finding states its own amount
    elements: list[str] | None = None
    counting: Counting | None = None  # default: ``item`` with elements, else ``occurrence``
    ledger: LedgerRule | None = None  # breaches in a 日常工作记录 register count here

    @cached_property
    def mode(self) -> Counting:
        """How findings of this fault add up (see :class:`Counting`)."""
        if self.counting is not None:
            return self.counting
        return Counting.ITEM if self.elements else Counting.OCCURRENCE


class Bonus(Base):
    """Bonus — 加分情形: an event that adds ``amount`` each time, up to its own ``cap``.

    With ``discretionary`` (加分酌情而定) each bonus event states its own amount.
    """

    id: Id
    text: str
    amount: PositivePoints | None = None
    per: str | None = None
    cap: PositivePoints | None = None
    discretionary: bool = False


class RankRule(Base):
    """RankRule — 排名赋分: points from the unit's rank on a metric (ties share a rank, 可并列).

    Either ``table`` (rank → points; ranks past the table get ``floor``) or a linear rule: rank 1
    gets the indicator's points and each further rank ``step`` less, never below ``floor``.
    """

    metric: str
    higher_is_better: bool = True
    table: dict[int, Points] | None = None
    step: PositivePoints | None = None
    floor: Points = Decimal(0)
    within: Literal["class", "all"] = "class"
    missing: Points = Decimal(0)  # points for a unit with no value while others have one


class Part(Base):
    """Part — 分项: one sub-item rated within its own bounds inside a range indicator
    (永济 促进民营经济发展壮大: four items, 每一项赋分-2—2分)."""

    id: Id
    name: str
    range: tuple[Points, Points]


class ImportedRule(Base):
    """ImportedRule — 外部计分: a score set by another body (省政府办公厅考核计分, 市发改局排名)."""

    by: str
    min: Points = Decimal(0)


class NodeKind(StrEnum):
    """NodeKind — 指标类型: a section, or one of the six ways a leaf is scored."""

    SECTION = "section"  # 一级/二级指标: has children
    DEDUCT = "deduct"  # points less deductions for faults (and bonuses on top)
    BONUS = "bonus"  # points 0, bonuses only (只加分)
    RANGE = "range"  # rated by an assessor within bounds (区间评分)
    RANK = "rank"  # points from a rank (排名赋分)
    IMPORTED = "imported"  # a score set by another body (外部计分)
    ADDITIVE = "additive"  # starts at 0 and earns its points by bonus events (从 0 分起算)


KIND_KEYS: dict[NodeKind, frozenset[str]] = {
    NodeKind.SECTION: frozenset({"points", "pooled", "cap", "bonus_cap", "children"}),
    NodeKind.DEDUCT: frozenset({"points", "cap", "faults", "exclusive", "bonuses", "bonus_cap"}),
    NodeKind.BONUS: frozenset({"points", "bonuses", "bonus_cap"}),
    NodeKind.RANGE: frozenset({"points", "range", "parts"}),
    NodeKind.RANK: frozenset({"points", "rank"}),
    NodeKind.IMPORTED: frozenset({"points", "imported"}),
    NodeKind.ADDITIVE: frozenset({"points", "additive", "bonuses"}),
}
"""The scoring keys each kind of node may carry; any other scoring key is an error."""

SCORING_KEYS: frozenset[str] = frozenset().union(*KIND_KEYS.values())
"""Every key that decides how a node scores (the rest describe it: name, text, note…)."""

LEAF_SCORING_KEYS: tuple[str, ...] = tuple(
    sorted(frozenset().union(*(v for k, v in KIND_KEYS.items() if k is not NodeKind.SECTION)))
)
"""The keys that decide how a leaf scores."""

_LEAF_MARKERS = (
    ("range", NodeKind.RANGE),
    ("rank", NodeKind.RANK),
    ("imported", NodeKind.IMPORTED),
    ("additive", NodeKind.ADDITIVE),
)


class Node(Base):
    """Node — 指标: a section (一级/二级指标) with ``children``, or a leaf indicator (三级指标).

    Its :class:`NodeKind` is explicit in its keys: ``children`` make a section; a leaf has at most
    one of ``range``, ``rank``, ``imported`` or ``additive: true`` (the kind of the same name);
    without any it deducts from ``points`` by its ``faults`` — or, with ``points: 0`` and only
    ``bonuses``, only adds. :data:`KIND_KEYS` says which scoring keys each kind may carry.
    XX区 参加政府开放日 (赋分5, 主要负责人参加加5分) is ``additive``; a section with ``pooled: true``
    has children without points whose deductions share the section's points (钟山: 日常工作推进 20分,
    扣完为止).
    """

    id: Id
    name: str
    points: Points | None = None
    range: tuple[Points, Points] | None = None
    parts: list[Part] = Field(default_factory=list)  # sub-items of a range, each rated alone
    pooled: bool = False
    additive: bool = False  # 从 0 分起算: ``bonuses`` earn the item's points, up to ``points``
    cap: PositivePoints | None = None
    not_applicable: NotApplicablePolicy | None = None  # overrides the table's, for this subtree
    applies_to: AppliesTo | None = None
    method: Annotated[list[str], Field(default_factory=list)]
    content: str | None = None  # 考核内容 / 测评要点
    basis: str | None = None  # 指标依据
    text: str | None = None  # 扣分标准 / 考核评分标准, verbatim
    bonus_text: str | None = None  # 加分标准, verbatim
    note: str | None = None  # how the scheme text was read where it was garbled
    rank: RankRule | None = None
    imported: ImportedRule | None = None
    faults: list[Fault] = Field(default_factory=list)
    exclusive: list[list[Id]] = Field(
        default_factory=list
    )  # faults of which only the larger counts
    bonuses: list[Bonus] = Field(default_factory=list)
    bonus_cap: PositivePoints | None = None
    children: list[Node] | None = None

    _method = field_validator("method", mode="before")(_text_list)

    @property
    def is_leaf(self) -> bool:
        return self.children is None

    @property
    def markers(self) -> list[NodeKind]:
        """The kinds a leaf's keys name (a valid leaf names at most one)."""
        return [kind for key, kind in _LEAF_MARKERS if getattr(self, key)]

    @cached_property
    def kind(self) -> NodeKind:
        """What kind of node this is (see :class:`NodeKind`)."""
        if self.children is not None:
            return NodeKind.SECTION
        marked = self.markers
        if marked:
            return marked[0]
        if self.points == 0 and self.bonuses and not self.faults:
            return NodeKind.BONUS
        return NodeKind.DEDUCT

    def scoring_keys(self) -> set[str]:
        """The scoring keys this node was written with."""
        return {k for k in SCORING_KEYS if k in self.model_fields_set}


class Table(Base):
    """Table — 评分表: the indicator tree that one or more classes are scored on."""

    id: Id
    title: str
    classes: list[Id]
    total: Points | None = None  # the declared total of base points (e.g. 100)
    scale: PositivePoints | None = (
        None  # 百分制折算: every unit's base is scaled to this (e.g. 100)
    )
    not_applicable: NotApplicablePolicy | None = None  # overrides the scheme's for this table
    sections: list[Node]


class VetoEffect(StrEnum):
    FAIL = "fail"  # 年度考核为不合格
    ZERO = "zero"  # 单项否决: a section or indicator scores zero
    DEDUCT = "deduct"  # 重大扣分项: a fixed deduction from the total per event


class Veto(Base):
    """Veto — 否决情形: an event that fails the unit, zeroes a part, or costs a fixed amount."""

    id: Id
    name: str
    text: str | None = None
    effect: VetoEffect
    target: Id | None = None  # for ``zero``: the section or indicator zeroed
    amount: PositivePoints | None = None  # for ``deduct``: per event
    discretionary: bool = False  # for ``deduct``: 酌情扣分, each event states its own amount
    cap: PositivePoints | None = None
    applies_to: AppliesTo | None = None


class Grade(Base):
    """Grade — 考核等次: a band starting at ``min`` (inclusive); the last band has no minimum."""

    name: str
    min: Points | None = None


class ThirdParty(Base):
    """ThirdPartyRule — 第三方评估扣分: deductions made by an outside evaluator, taken from the total."""

    label: str = "第三方评估扣分"
    cap: PositivePoints | None = None


class EvidenceDeadline(Base):
    """EvidenceDeadline — 佐证材料报送期限: evidence sent after ``date`` counts as absent for the
    indicator it supports (随州: 逾期未报视为无相关工作内容，考评中将对相应分值进行扣减)."""

    date: dt.date
    text: str | None = None  # the scheme's own words


class Assumption(Base):
    """Assumption — 编写假设: where the seed is silent or garbled, what it says, what this scheme
    chose and why. Listed by ``zwgk scheme show`` and shown to the office before a round opens."""

    id: Id
    about: str | None = None  # the indicator, table or veto id the choice concerns (or none)
    says: str  # 原文: what the scheme's text says (or that it says nothing)
    chosen: str  # 采用: what this encoding does
    why: str  # 理由


class Scheme(Base):
    """Scheme — 考核方案 (with its 考核细则与评分表)."""

    id: Id
    title: str
    year: int | None = Field(default=None, ge=2000, le=2100)
    region: str | None = None
    source: str | None = None
    note: str | None = None
    classes: list[UnitClass]
    tags: list[str] = Field(default_factory=list)
    grades: list[Grade] = Field(default_factory=list)
    fail_grade: str | None = None
    not_applicable: NotApplicablePolicy = "full_marks"
    total_cap: Points | None = None
    total_floor: Points | None = Decimal(0)
    bonus_cap: PositivePoints | None = None
    third_party: ThirdParty | None = None
    composite_weight: Points | None = None  # percent of a composite score (seed 001: 4)
    precision: int = Field(default=2, ge=0, le=4)
    evidence_deadline: EvidenceDeadline | None = None
    assumptions: list[Assumption] = Field(default_factory=list)
    tables: list[Table]
    vetoes: list[Veto] = Field(default_factory=list)


Node.model_rebuild()
