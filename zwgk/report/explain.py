"""Explanations in Chinese: why a unit has the score it has, point by point."""

from __future__ import annotations

from decimal import Decimal

from zwgk.rubric.numbers import fmt
from zwgk.scoring.result import LineKind, NodeResult, NodeStatus, RoundResult, UnitResult

_LEVEL_MARKS = ("", "一级", "二级", "三级", "四级")


def _signed(value: Decimal) -> str:
    return f"+{fmt(value)}" if value > 0 else fmt(value)


def _detail(line) -> str:
    bits = [b for b in (line.source, line.date, line.note) if b]
    if line.evidence:
        bits.append(f"证据：{line.evidence}")
    if line.ref:
        bits.append(f"记录：{line.ref}")
    return f"（{'；'.join(bits)}）" if bits else ""


def _interesting(node: NodeResult) -> bool:
    return bool(node.lines) or node.pending > 0 or any(_interesting(c) for c in node.children)


def _node_lines(node: NodeResult, depth: int, out: list[str], show_all: bool) -> None:
    if not show_all and not _interesting(node):
        return
    pad = "  " * depth
    if node.status is NodeStatus.OUT_OF_SCOPE:
        out.append(f"{pad}{node.name}：不在适用范围，不计分")
        return
    score = f"{fmt(node.earned)}/{fmt(node.max)} 分"
    if node.bonus:
        score += f"，加分 {fmt(node.bonus)}"
    if node.status is NodeStatus.NA_OMITTED:
        score = "不计入"
    pending = f"  〔另有 {node.pending} 条待确认，未计入〕" if node.pending else ""
    out.append(f"{pad}{node.name}（{node.id}）  {score}{pending}")
    for line in node.lines:
        amount = (
            f"{_signed(line.amount):>6}"
            if line.kind is not LineKind.NOTE and line.amount
            else "      "
        )
        out.append(f"{pad}  {amount}  {line.text}{_detail(line)}")
    for child in node.children:
        _node_lines(child, depth + 1, out, show_all)


def explain_unit(result: RoundResult, u: UnitResult, show_all: bool = False) -> str:
    """A plain-text explanation of one unit's result, every point lost or gained with its fact."""
    class_name = dict(result.classes).get(u.unit_class, u.unit_class)
    peers = len(result.in_class(u.unit_class))
    out = [
        f"{u.unit}（{u.unit_class} 类 {class_name}）  {result.scheme_title}",
        f"总分 {fmt(u.total)} 分  等次 {u.grade or '—'}  类内第 {u.rank} 名（共 {peers} 个单位）",
    ]
    parts = [f"基础得分 {fmt(u.base)}/{fmt(u.max)}"]
    if u.scaled_base != u.base:
        parts.append(f"折算 {fmt(u.scaled_base)}")
    if u.bonus:
        parts.append(f"加分 +{fmt(u.bonus)}")
    if u.veto_deduction:
        parts.append(f"重大扣分 -{fmt(u.veto_deduction)}")
    if u.third_party:
        parts.append(f"第三方评估扣分 -{fmt(u.third_party)}")
    out.append("，".join(parts) + f"；满分 {fmt(u.full)} 分")
    if u.composite is not None:
        out.append(f"折算进综合绩效考评：{fmt(u.composite)} 分")
    if u.grade_forced_by:
        out.append(f"等次因否决情形强制为“{u.grade}”")
    out.append("")
    lost = [n for n in u.nodes() if n.is_leaf and n.counted and n.earned < n.max]
    if not lost and not any(n.bonus for n in u.nodes()) and not u.lines:
        out.append("各项指标均得满分，没有扣分。")
    for section in u.sections:
        _node_lines(section, 0, out, show_all)
    if u.lines:
        out.append("")
        out.append("总分调整")
        for line in u.lines:
            amount = f"{_signed(line.amount):>6}" if line.amount else "      "
            out.append(f"  {amount}  {line.text}{_detail(line)}")
    return "\n".join(out) + "\n"
