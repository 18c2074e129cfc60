"""The scoring engine: a pure function from (scheme, units, facts) to results.

:func:`score` never reads files, never mutates its inputs and gives the same output for the
same input, units listed in class order, then rank, then name. All arithmetic is Decimal; only
rescaling and the composite contribution are rounded (to the scheme's ``precision``).

A unit is scored in these steps, each a function below:

1. the indicator tree (:class:`_TreeScorer`): every leaf by its kind, faults counted by their
   :class:`~zwgk.rubric.model.Counting` (the same missing item or a once-only fault recorded twice
   is deducted once), mutually exclusive faults (only the larger counts), caps, bonuses and their
   caps, late evidence, rows that do not apply (``full_marks`` or ``rescale``), zeroing vetoes;
2. :func:`_rescale` — the base to the table's full marks (折算) when rows left it or a scale is set;
3. :func:`_bonus_total` — the scheme-wide bonus cap;
4. :func:`_veto_deductions` — fail and deduct vetoes (重大扣分项, 否决);
5. :func:`_third_party` — 第三方评估扣分;
6. :func:`_bounded_total` and :func:`_grade` — total caps, the grade, the composite figure.

Every line of the explanation that comes from a fact carries its source, date, evidence and
where it was recorded; merged facts name every record merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from zwgk.rubric.index import SchemeIndex, in_scope, node_max
from zwgk.rubric.model import (
    Counting,
    Fault,
    Node,
    NodeKind,
    NotApplicablePolicy,
    Scheme,
    Table,
    Veto,
    VetoEffect,
)
from zwgk.rubric.numbers import fmt
from zwgk.scoring.facts import (
    BonusEvent,
    Facts,
    Finding,
    Metric,
    Status,
    ThirdPartyDeduction,
    UnitFacts,
    VetoEvent,
)
from zwgk.scoring.result import Line, LineKind, NodeResult, NodeStatus, RoundResult, UnitResult
from zwgk.scoring.units import Unit, check_units

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class RankOutcome:
    points: Decimal
    rank: int | None  # None: no value for this unit
    value: Decimal | None
    field_size: int
    complete: bool  # False: nobody had a value, everyone gets full points
    metric: Metric | None = None  # the fact ranked on


def _q(value: Decimal, precision: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP)


def competition_ranks(values: dict[str, Decimal], higher_is_better: bool = True) -> dict[str, int]:
    """Standard competition ranking (1, 1, 3): a unit's rank is 1 + the number strictly better."""
    ordered = sorted(values.values(), reverse=higher_is_better)
    first_pos: dict[Decimal, int] = {}
    for pos, value in enumerate(ordered, start=1):
        first_pos.setdefault(value, pos)
    return {name: first_pos[value] for name, value in values.items()}


def _rank_outcomes(
    index: SchemeIndex, units: list[Unit], metrics: list[Metric]
) -> dict[tuple[str, str], RankOutcome]:
    given_facts: dict[str, dict[str, Metric]] = defaultdict(dict)
    for m in metrics:
        given_facts[m.indicator][m.unit] = m
    out: dict[tuple[str, str], RankOutcome] = {}
    for table in index.scheme.tables:
        for leaf in index.leaves[table.id]:
            rule = leaf.rank
            if rule is None:
                continue
            top = leaf.points or ZERO
            groups: dict[str, list[Unit]] = defaultdict(list)
            for unit in units:
                if index.applies(leaf.id, unit):
                    groups[unit.unit_class if rule.within == "class" else "*"].append(unit)
            facts = given_facts[leaf.id]
            for group in groups.values():
                given = {u.name: facts[u.name].value for u in group if u.name in facts}
                if not given:
                    for u in group:
                        out[(leaf.id, u.name)] = RankOutcome(top, None, None, len(group), False)
                    continue
                ranks = competition_ranks(given, rule.higher_is_better)
                for u in group:
                    if u.name not in ranks:
                        out[(leaf.id, u.name)] = RankOutcome(
                            rule.missing, None, None, len(given), True
                        )
                        continue
                    rank = ranks[u.name]
                    if rule.table is not None:
                        pts = rule.table.get(rank, rule.floor)
                    else:
                        pts = max(top - (rule.step or ZERO) * (rank - 1), rule.floor)
                    out[(leaf.id, u.name)] = RankOutcome(
                        pts, rank, given[u.name], len(given), True, facts[u.name]
                    )
    return out


# -- explanation lines from facts -----------------------------------------------------------------


def _fact_line(kind: LineKind, amount: Decimal, text: str, fact, on_bonus: bool = False) -> Line:
    """A line whose provenance (record, source, date, note, evidence) is one fact's."""
    return Line(
        kind,
        amount,
        text,
        ref=fact.ref or None,
        source=fact.source,
        date=fact.date.isoformat() if fact.date else None,
        note=fact.note,
        evidence=fact.evidence,
        on_bonus=on_bonus,
    )


def _joined(values: Iterable[str | None], sep: str = "、") -> str | None:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen[v] = None
    return sep.join(seen) if seen else None


def _merged_line(kind: LineKind, amount: Decimal, text: str, facts: Sequence) -> Line:
    """A line for several facts merged into one deduction: every record, source, date and
    piece of evidence is kept."""
    if len(facts) == 1:
        return _fact_line(kind, amount, text, facts[0])
    return Line(
        kind,
        amount,
        text,
        ref=_joined(f.ref for f in facts),
        source=_joined(f.source for f in facts),
        date=_joined(f.date.isoformat() if f.date else None for f in facts),
        note=_joined((f.note for f in facts), "；"),
        evidence=_joined((f.evidence for f in facts), "；"),
    )


def _refs(facts: Sequence) -> str:
    return "、".join(f.ref or "（无记录号）" for f in facts)


# -- the indicator tree ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Zeroing:
    veto: Veto
    fact: VetoEvent


class _TreeScorer:
    """Scores one unit's indicator tree (step 1)."""

    def __init__(
        self,
        index: SchemeIndex,
        unit: Unit,
        uf: UnitFacts,
        ranks: dict[tuple[str, str], RankOutcome],
        zeroed: dict[str, _Zeroing],
    ):
        self.index = index
        self.scheme = index.scheme
        self.unit = unit
        self.uf = uf
        self.ranks = ranks
        self.zeroed = zeroed  # node id -> the veto that zeroes it

    def table(self, table: Table) -> list[NodeResult]:
        policy = table.not_applicable or self.scheme.not_applicable
        return [self.node(s, 1, policy) for s in table.sections]

    def node(
        self, node: Node, level: int, policy: NotApplicablePolicy, pooled_child: bool = False
    ) -> NodeResult:
        policy = node.not_applicable or policy
        # ancestors were checked on the way down, and the table was chosen by the unit's class
        if node.applies_to is not None and not in_scope(node.applies_to, self.unit):
            return self._out_of_scope(node, level, policy, pooled_child)
        if node.is_leaf:
            result = self.leaf(node, level, policy, pooled_child)
        else:
            result = self.section(node, level, policy)
        zeroing = self.zeroed.get(node.id)
        if zeroing is not None and result.counted:
            self._zero(result, zeroing)
        return result

    def _out_of_scope(
        self, node: Node, level: int, policy: NotApplicablePolicy, pooled_child: bool
    ) -> NodeResult:
        scope = node.applies_to.text if node.applies_to and node.applies_to.text else None
        where = f"不在适用范围（{scope}）" if scope else "不在本单位的适用范围"
        if pooled_child or policy == "rescale":
            # a pooled child has no points of its own: out of scope, it simply deducts nothing
            what = "不扣分" if pooled_child else "不计入满分（折算）"
            return NodeResult(
                node.id,
                node.name,
                level,
                ZERO,
                ZERO,
                status=NodeStatus.OUT_OF_SCOPE,
                lines=[Line(LineKind.NOTE, ZERO, f"{where}，{what}")],
            )
        full = node_max(node)
        return NodeResult(
            node.id,
            node.name,
            level,
            full,
            full,
            status=NodeStatus.OUT_OF_SCOPE_FULL,
            lines=[Line(LineKind.NOTE, ZERO, f"{where}，按满分计")],
        )

    @staticmethod
    def _zero(result: NodeResult, zeroing: _Zeroing) -> None:
        name = zeroing.veto.name
        if result.earned:
            result.lines.append(
                _fact_line(
                    LineKind.VETO, -result.earned, f"单项否决（{name}）：本项不得分", zeroing.fact
                )
            )
        if result.bonus:
            result.lines.append(
                _fact_line(
                    LineKind.VETO,
                    -result.bonus,
                    f"单项否决（{name}）：加分不计",
                    zeroing.fact,
                    on_bonus=True,
                )
            )
        result.earned, result.bonus, result.deducted = ZERO, ZERO, ZERO
        result.status = NodeStatus.ZEROED

    def section(self, node: Node, level: int, policy: NotApplicablePolicy) -> NodeResult:
        children = [
            self.node(c, level + 1, policy, pooled_child=node.pooled) for c in node.children or ()
        ]
        result = NodeResult(node.id, node.name, level, ZERO, ZERO, children=children)
        counted = [c for c in children if c.counted]
        if node.pooled:
            points = node.points or ZERO
            limit = min(node.cap or points, points)
            deducted = sum((c.deducted for c in counted), ZERO)
            if deducted > limit:
                result.lines.append(
                    Line(
                        LineKind.CAP,
                        deducted - limit,
                        f"本项扣分上限 {fmt(limit)} 分（各项合计扣 {fmt(deducted)} 分），超出的 {fmt(deducted - limit)} 分不计",
                    )
                )
                deducted = limit
            result.max = points if counted else ZERO
            result.earned = points - deducted if counted else ZERO
            if not counted:
                result.status = NodeStatus.OUT_OF_SCOPE
        else:
            result.max = sum((c.max for c in counted), ZERO)
            result.earned = sum((c.earned for c in counted), ZERO)
            statuses = {c.status for c in children}
            if children and not counted:
                result.status = (
                    children[0].status if len(statuses) == 1 else NodeStatus.OUT_OF_SCOPE
                )
            elif statuses in ({NodeStatus.OUT_OF_SCOPE_FULL}, {NodeStatus.NA_FULL}):
                result.status = children[0].status
        result.pending = sum(c.pending for c in children)
        bonus = sum((c.bonus for c in counted), ZERO)
        if node.bonus_cap is not None and bonus > node.bonus_cap:
            result.lines.append(
                Line(
                    LineKind.BONUS_CAP,
                    node.bonus_cap - bonus,
                    f"“{node.name}”加分上限 {fmt(node.bonus_cap)} 分（合计 {fmt(bonus)} 分），超出部分不计",
                )
            )
            bonus = node.bonus_cap
        result.bonus = bonus
        return result

    def leaf(
        self, node: Node, level: int, policy: NotApplicablePolicy, pooled_child: bool
    ) -> NodeResult:
        full = ZERO if pooled_child else node_max(node)
        result = NodeResult(node.id, node.name, level, full, full)
        na = self.uf.na.get(node.id)
        if na is not None:
            why = f"：{na.note}" if na.note else ""
            if policy == "rescale" and not pooled_child:
                result.status = NodeStatus.NA_OMITTED
                result.max = result.earned = ZERO
                result.lines.append(
                    _fact_line(LineKind.NA, ZERO, f"经批准不适用{why}，不计入满分（折算）", na)
                )
            else:
                result.status = NodeStatus.NA_FULL
                result.lines.append(
                    _fact_line(LineKind.NA, ZERO, f"经批准不适用{why}，按满分计", na)
                )
            return result
        kind = node.kind
        if kind is NodeKind.RANGE:
            self._range(node, result)
        elif kind is NodeKind.IMPORTED:
            self._imported(node, result)
        elif kind is NodeKind.RANK:
            self._rank(node, result)
        elif kind is NodeKind.ADDITIVE:
            self._additive(node, result)
        else:
            self._deduct(node, result, pooled_child)
            self._bonus(node, result)
        if not pooled_child:
            self._late_evidence(node, result)
        return result

    # -- leaf kinds -------------------------------------------------------------------------------

    def _range(self, node: Node, result: NodeResult) -> None:
        ratings = {r.part: r for r in self.uf.ratings.get(node.id, ())}
        earned = ZERO
        # rated part by part, or as a whole (any whole within the range is a sum of part ratings)
        for part in [None] if None in ratings else node.parts or [None]:
            lo, hi = part.range if part is not None else node.range
            what = f"“{part.name}”" if part is not None else ""
            rating = ratings.get(part.id if part is not None else None)
            if rating is None:
                result.status = NodeStatus.UNRATED
                earned += hi
                result.lines.append(
                    Line(
                        LineKind.NOTE,
                        ZERO,
                        f"{what}未评定（区间 {fmt(lo)}～{fmt(hi)}），暂按上限 {fmt(hi)} 分计",
                    )
                )
                continue
            earned += rating.value
            result.lines.append(
                _fact_line(
                    LineKind.RATING,
                    rating.value - hi,
                    f"{what}评定 {fmt(rating.value)} 分（区间 {fmt(lo)}～{fmt(hi)}）",
                    rating,
                )
            )
        result.earned = earned

    def _imported(self, node: Node, result: NodeResult) -> None:
        got = self.uf.imported.get(node.id)
        by = node.imported.by
        if got is None:
            result.status = NodeStatus.UNRATED
            result.lines.append(
                Line(LineKind.NOTE, ZERO, f"{by}计分尚未导入，暂按满分 {fmt(result.max)} 分计")
            )
            return
        result.earned = got.score
        result.lines.append(
            _fact_line(
                LineKind.IMPORTED,
                got.score - result.max,
                f"{got.by or by}计分 {fmt(got.score)} 分（满分 {fmt(result.max)}）",
                got,
            )
        )

    def _rank(self, node: Node, result: NodeResult) -> None:
        outcome = self.ranks.get((node.id, self.unit.name))
        metric = node.rank.metric
        if outcome is None or not outcome.complete:
            result.status = NodeStatus.UNRATED
            result.lines.append(
                Line(
                    LineKind.NOTE,
                    ZERO,
                    f"未录入排名数据（{metric}），暂按满分 {fmt(result.max)} 分计",
                )
            )
            return
        result.earned = outcome.points
        amount = outcome.points - result.max
        if outcome.metric is None:
            text = f"无“{metric}”数据，按 {fmt(outcome.points)} 分计"
            result.lines.append(Line(LineKind.RANK, amount, text))
            return
        text = f"“{metric}” {fmt(outcome.value)}，在 {outcome.field_size} 个单位中排第 {outcome.rank} 名（可并列），得 {fmt(outcome.points)} 分"
        result.lines.append(_fact_line(LineKind.RANK, amount, text, outcome.metric))

    def _deduct(self, node: Node, result: NodeResult, pooled_child: bool) -> None:
        findings = self.uf.findings.get(node.id)
        if not findings:
            return  # full points (a pooled child passes up nothing)
        confirmed: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            if f.status is Status.CONFIRMED:
                confirmed[f.fault].append(f)
            elif f.status is Status.PENDING:
                result.pending += 1
        totals: dict[str, Decimal] = {}
        zeroing: tuple[Fault, list[Finding]] | None = None
        for fault in node.faults:
            events = confirmed.get(fault.id)
            if not events:
                continue
            if fault.zeroes:
                zeroing = zeroing or (fault, events)
                continue
            raw = _fault_deduction(fault, events, result.lines)
            if fault.cap is not None and raw > fault.cap:
                result.lines.append(
                    Line(
                        LineKind.CAP,
                        raw - fault.cap,
                        f"“{fault.text}”扣分上限 {fmt(fault.cap)} 分（合计 {fmt(raw)} 分），超出的 {fmt(raw - fault.cap)} 分不计",
                    )
                )
                raw = fault.cap
            totals[fault.id] = raw
        _exclusive(node, totals, result.lines)
        total = sum(totals.values(), ZERO)
        limit = (
            node.cap if pooled_child else min(node.cap or node.points or ZERO, node.points or ZERO)
        )
        if limit is not None and total > limit:
            what = "扣分上限" if node.cap is not None else "分值"
            result.lines.append(
                Line(
                    LineKind.CAP,
                    total - limit,
                    f"本指标{what} {fmt(limit)} 分（合计扣 {fmt(total)} 分），扣完为止，超出的 {fmt(total - limit)} 分不计",
                )
            )
            total = limit
        if pooled_child:
            result.deducted = total
            return
        result.earned = result.max - total
        if zeroing is not None and result.earned > 0:
            fault, events = zeroing
            merged = f"（{len(events)} 条记录：{_refs(events)}）" if len(events) > 1 else ""
            result.lines.append(
                _merged_line(
                    LineKind.ZERO, -result.earned, f"{fault.text}：本指标不得分{merged}", events
                )
            )
            result.earned = ZERO

    def _additive(self, node: Node, result: NodeResult) -> None:
        result.lines.append(
            Line(LineKind.START, -result.max, f"本项从 0 分起算，最高 {fmt(result.max)} 分")
        )
        earned = self._events(node, result, LineKind.EARN, LineKind.CAP, "得")
        if earned > result.max:
            result.lines.append(
                Line(
                    LineKind.CAP,
                    result.max - earned,
                    f"本项最高 {fmt(result.max)} 分（合计 {fmt(earned)} 分），超出部分不计",
                )
            )
            earned = result.max
        result.earned = earned

    def _bonus(self, node: Node, result: NodeResult) -> None:
        if not node.bonuses:
            return
        total = self._events(node, result, LineKind.BONUS, LineKind.BONUS_CAP, "加")
        if node.bonus_cap is not None and total > node.bonus_cap:
            result.lines.append(
                Line(
                    LineKind.BONUS_CAP,
                    node.bonus_cap - total,
                    f"本指标加分上限 {fmt(node.bonus_cap)} 分（合计 {fmt(total)} 分），超出部分不计",
                )
            )
            total = node.bonus_cap
        result.bonus = total

    def _events(
        self, node: Node, result: NodeResult, kind: LineKind, cap_kind: LineKind, verb: str
    ) -> Decimal:
        """Sum the confirmed bonus events of a leaf, each bonus within its own cap, with lines."""
        events: dict[str, list[BonusEvent]] = defaultdict(list)
        for b in self.uf.bonuses.get(node.id, ()):
            if b.status is Status.CONFIRMED:
                events[b.bonus].append(b)
            elif b.status is Status.PENDING:
                result.pending += 1
        total = ZERO
        for bonus in node.bonuses:
            raw = ZERO
            for b in events.get(bonus.id, ()):
                each = b.amount if bonus.discretionary else bonus.amount
                amount = each * b.count
                raw += amount
                per = bonus.per or "次"
                what = f"{b.count}{per} × {fmt(each)} 分" if b.count > 1 else f"1{per}"
                result.lines.append(
                    _fact_line(kind, amount, f"{bonus.text}：{what}，{verb} {fmt(amount)} 分", b)
                )
            if bonus.cap is not None and raw > bonus.cap:
                result.lines.append(
                    Line(
                        cap_kind,
                        bonus.cap - raw,
                        f"“{bonus.text}”{'加分' if verb == '加' else ''}上限 {fmt(bonus.cap)} 分（合计 {fmt(raw)} 分），超出部分不计",
                    )
                )
                raw = bonus.cap
            total += raw
        return total

    def _late_evidence(self, node: Node, result: NodeResult) -> None:
        """随州: evidence sent after the deadline counts as absent for the indicator it supports."""
        deadline = self.scheme.evidence_deadline
        sent = self.uf.evidence.get(node.id)
        if deadline is None or not sent or not result.counted:
            return
        if any(e.date <= deadline.date for e in sent):
            return
        first = min(sent, key=lambda e: e.date)
        lo = node.range[0] if node.range is not None else ZERO
        hi = node.range[1] if node.range is not None else result.max
        floor = min(max(ZERO, lo), hi)
        rule = f"（{deadline.text}）" if deadline.text else ""
        text = (
            f"佐证材料 {first.date.isoformat()} 报送，晚于截止日期 {deadline.date.isoformat()}，"
            f"视为无相关工作内容{rule}：本项得 {fmt(floor)} 分"
        )
        result.lines.append(_fact_line(LineKind.LATE, floor - result.earned, text, first))
        result.earned = floor


def _fault_deduction(fault: Fault, events: list[Finding], lines: list[Line]) -> Decimal:
    """One fault's deduction before caps, counted by its :class:`Counting`, with its lines."""
    per = fault.per or ("项" if fault.elements else "次")
    mode = fault.mode
    if fault.discretionary or mode is Counting.OCCURRENCE:
        raw = ZERO
        for f in events:
            each = f.amount if fault.discretionary else fault.amount
            amount = each * f.count
            raw += amount
            what = f"{f.count}{per} × {fmt(each)} 分" if f.count > 1 else f"1{per}"
            lines.append(
                _fact_line(
                    LineKind.DEDUCT, -amount, f"{fault.text}：{what}，扣 {fmt(amount)} 分", f
                )
            )
        return raw
    if mode is Counting.ONCE:
        amount = fault.amount
        merged = ""
        if len(events) > 1 or events[0].count > 1:
            times = sum(f.count for f in events)
            merged = f"（{times} 次记录合并为一次，每项只扣一次：{_refs(events)}）"
        lines.append(
            _merged_line(
                LineKind.DEDUCT, -amount, f"{fault.text}：扣 {fmt(amount)} 分{merged}", events
            )
        )
        return amount
    # Counting.ITEM: the missing items are a set across findings
    named: list[str] = []
    repeated: list[str] = []
    unnamed = 0
    for f in events:
        if f.missing:
            for item in f.missing:
                (repeated if item in named else named).append(item)
        else:
            unnamed += f.count
    items = len(named) + unnamed
    limited = ""
    if fault.elements and items > len(fault.elements):
        limited = f"，清单共 {len(fault.elements)} 项，按 {len(fault.elements)} 项计"
        items = len(fault.elements)
    amount = fault.amount * items
    what = f"缺少{'、'.join(named)}" if named else ""
    if unnamed:
        what += f"{'，另' if named else ''}{unnamed}{per}未写明"
    merged = ""
    if len(events) > 1:
        dup = f"，重复的{'、'.join(dict.fromkeys(repeated))}只扣一次" if repeated else ""
        merged = f"；合并 {len(events)} 条记录（{_refs(events)}）{dup}"
    lines.append(
        _merged_line(
            LineKind.DEDUCT,
            -amount,
            f"{fault.text}：{what}（{items}{per} × {fmt(fault.amount)} 分{limited}），扣 {fmt(amount)} 分{merged}",
            events,
        )
    )
    return amount


def _exclusive(node: Node, totals: dict[str, Decimal], lines: list[Line]) -> None:
    """Mutually exclusive faults (未制定 vs 不健全): only the larger deduction counts."""
    texts = {f.id: f.text for f in node.faults}
    for group in node.exclusive:
        present = [g for g in group if totals.get(g)]
        if len(present) < 2:
            continue
        keep = max(present, key=lambda g: (totals[g], -group.index(g)))
        for g in present:
            if g == keep:
                continue
            lines.append(
                Line(
                    LineKind.CAP,
                    totals[g],
                    f"“{texts[g]}”与“{texts[keep]}”不同时扣分（互斥），只计较大的一项，退回 {fmt(totals[g])} 分",
                )
            )
            totals[g] = ZERO


# -- the unit's total -----------------------------------------------------------------------------


def _rescale(
    table: Table, full: Decimal, sections: list[NodeResult], precision: int, lines: list[Line]
) -> tuple[Decimal, Decimal, Decimal]:
    """Step 2: (max, base, scaled base). Rows that left the unit's full marks (``rescale``), or a
    table ``scale``, rescale the base to the table's full marks (折算)."""
    counted = [s for s in sections if s.counted]
    max_points = sum((s.max for s in counted), ZERO)
    base = sum((s.earned for s in counted), ZERO)
    if max_points == full or max_points <= 0:
        return max_points, base, base
    scaled = _q(base * full / max_points, precision)
    lines.append(
        Line(
            LineKind.NOTE,
            ZERO,
            f"适用指标满分 {fmt(max_points)} 分，得 {fmt(base)} 分，折算为 {fmt(full)} 分制：{fmt(base)} ÷ {fmt(max_points)} × {fmt(full)} = {fmt(scaled)} 分",
        )
    )
    return max_points, base, scaled


def _bonus_total(scheme: Scheme, sections: list[NodeResult], lines: list[Line]) -> Decimal:
    """Step 3: the bonuses of the tree, within the scheme-wide bonus cap."""
    bonus = sum((s.bonus for s in sections if s.counted), ZERO)
    if scheme.bonus_cap is not None and bonus > scheme.bonus_cap:
        lines.append(
            Line(
                LineKind.BONUS_CAP,
                scheme.bonus_cap - bonus,
                f"加分合计上限 {fmt(scheme.bonus_cap)} 分（合计 {fmt(bonus)} 分），超出部分不计",
            )
        )
        bonus = scheme.bonus_cap
    return bonus


def _veto_deductions(
    index: SchemeIndex, vetoes: list[VetoEvent], fail_grade: str | None, lines: list[Line]
) -> tuple[Decimal, list[str]]:
    """Step 4: the lines of every confirmed veto; (deduction from the total, veto ids)."""
    vetoed_by: list[str] = []
    per_veto: dict[str, Decimal] = defaultdict(Decimal)
    for v in vetoes:
        veto = index.vetoes[v.veto]
        if v.veto not in vetoed_by:
            vetoed_by.append(v.veto)
        if veto.effect is VetoEffect.FAIL:
            text = f"{veto.name}：年度考核等次为{fail_grade or '不合格'}"
            lines.append(_fact_line(LineKind.VETO, ZERO, text, v))
        elif veto.effect is VetoEffect.ZERO:
            target = index.nodes[veto.target].name
            text = f"{veto.name}：单项否决，“{target}”不得分"
            lines.append(_fact_line(LineKind.VETO, ZERO, text, v))
        else:
            each = v.amount if v.amount is not None else veto.amount
            amount = each * v.count
            times = f"{v.count}次 × {fmt(each)} 分" if v.count > 1 else "1次"
            text = f"{veto.name}：{times}，从总分扣 {fmt(amount)} 分"
            lines.append(_fact_line(LineKind.VETO, -amount, text, v))
            per_veto[veto.id] += amount
    deduction = ZERO
    for veto_id, amount in per_veto.items():
        veto = index.vetoes[veto_id]
        if veto.cap is not None and amount > veto.cap:
            lines.append(
                Line(
                    LineKind.CAP,
                    amount - veto.cap,
                    f"“{veto.name}”扣分上限 {fmt(veto.cap)} 分，超出部分不计",
                )
            )
            amount = veto.cap
        deduction += amount
    return deduction, vetoed_by


def _third_party(
    scheme: Scheme, deductions: list[ThirdPartyDeduction], lines: list[Line]
) -> Decimal:
    """Step 5: 第三方评估扣分, within its cap."""
    third = ZERO
    for t in deductions:
        third += t.amount
        why = f"：{t.note}" if t.note else ""
        text = f"{scheme.third_party.label} {fmt(t.amount)} 分{why}"
        lines.append(_fact_line(LineKind.DEDUCT, -t.amount, text, t))
    rule = scheme.third_party
    if rule is not None and rule.cap is not None and third > rule.cap:
        lines.append(
            Line(
                LineKind.CAP,
                third - rule.cap,
                f"{rule.label}上限 {fmt(rule.cap)} 分，超出部分不计",
            )
        )
        third = rule.cap
    return third


def _bounded_total(scheme: Scheme, total: Decimal, lines: list[Line]) -> Decimal:
    """Step 6a: the total within the scheme's cap and floor."""
    if scheme.total_cap is not None and total > scheme.total_cap:
        lines.append(
            Line(
                LineKind.CAP,
                scheme.total_cap - total,
                f"总分上限 {fmt(scheme.total_cap)} 分（计算得 {fmt(total)} 分）",
            )
        )
        total = scheme.total_cap
    if scheme.total_floor is not None and total < scheme.total_floor:
        lines.append(
            Line(
                LineKind.CAP,
                scheme.total_floor - total,
                f"总分不低于 {fmt(scheme.total_floor)} 分（计算得 {fmt(total)} 分）",
            )
        )
        total = scheme.total_floor
    return total


def _grade(
    index: SchemeIndex, total: Decimal, vetoed_by: list[str], fail_grade: str | None
) -> tuple[str | None, str | None]:
    """Step 6b: (grade, the fail veto that forced it)."""
    grade = next((g.name for g in index.scheme.grades if g.min is None or total >= g.min), None)
    forced = next((v for v in vetoed_by if index.vetoes[v].effect is VetoEffect.FAIL), None)
    return (fail_grade, forced) if forced is not None else (grade, None)


def _score_unit(
    index: SchemeIndex, unit: Unit, uf: UnitFacts, ranks: dict[tuple[str, str], RankOutcome]
) -> UnitResult:
    scheme = index.scheme
    table = index.table_for(unit)
    fail_grade = scheme.fail_grade or (scheme.grades[-1].name if scheme.grades else None)
    vetoes = [v for v in uf.vetoes if v.status is Status.CONFIRMED]
    zeroed: dict[str, _Zeroing] = {}
    for v in vetoes:
        veto = index.vetoes[v.veto]
        if veto.effect is VetoEffect.ZERO and veto.target:
            zeroed.setdefault(veto.target, _Zeroing(veto, v))
    sections = _TreeScorer(index, unit, uf, ranks, zeroed).table(table)
    lines: list[Line] = []
    full = table.scale if table.scale is not None else index.table_total(table)
    max_points, base, scaled = _rescale(table, full, sections, scheme.precision, lines)
    bonus = _bonus_total(scheme, sections, lines)
    veto_deduction, vetoed_by = _veto_deductions(index, vetoes, fail_grade, lines)
    third = _third_party(scheme, uf.third_party, lines)
    total = _bounded_total(scheme, scaled + bonus - veto_deduction - third, lines)
    grade, forced = _grade(index, total, vetoed_by, fail_grade)
    composite = None
    if scheme.composite_weight is not None:
        composite = _q(total * scheme.composite_weight / Decimal(100), scheme.precision)
    return UnitResult(
        unit=unit.name,
        unit_class=unit.unit_class,
        table=table.id,
        sections=sections,
        full=full,
        max=max_points,
        base=base,
        scaled_base=scaled,
        bonus=bonus,
        veto_deduction=veto_deduction,
        third_party=third,
        total=total,
        grade=grade,
        grade_forced_by=forced,
        composite=composite,
        lines=lines,
        vetoed_by=vetoed_by,
    )


def score(index: SchemeIndex, units: list[Unit], facts: Facts | None = None) -> RoundResult:
    """Score every unit. ``facts`` must come from :mod:`zwgk.scoring.codec` (checked)."""
    check_units(index, units)
    facts = facts or Facts()
    scheme = index.scheme
    grouped = facts.by_unit()
    ranks = _rank_outcomes(index, units, facts.metrics)
    empty = UnitFacts()
    results = [_score_unit(index, u, grouped.get(u.name, empty), ranks) for u in units]
    class_order = {c.id: i for i, c in enumerate(scheme.classes)}
    for class_id in class_order:
        members = {r.unit: r.total for r in results if r.unit_class == class_id}
        ranks_in_class = competition_ranks(members)
        for r in results:
            if r.unit_class == class_id:
                r.rank = ranks_in_class[r.unit]
    results.sort(key=lambda r: (class_order[r.unit_class], r.rank, r.unit))
    return RoundResult(
        scheme_id=scheme.id,
        scheme_title=scheme.title,
        units=results,
        classes=[(c.id, c.name) for c in scheme.classes],
        precision=scheme.precision,
    )
