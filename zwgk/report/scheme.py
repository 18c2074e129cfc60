"""A scheme for people to read: the indicator tree with its rules (``zwgk scheme show``), and the
scheme's assumptions (编写假设) — what the seed says, what the encoding chose and why — for the
office to confirm before a round opens (the CLI lists them; the web round set-up shows them)."""

from __future__ import annotations

from dataclasses import dataclass

from zwgk.rubric.index import SchemeIndex, node_max
from zwgk.rubric.model import Counting, Fault, Node, NodeKind
from zwgk.rubric.numbers import fmt

KIND_ZH = {
    NodeKind.RANGE: "区间评分",
    NodeKind.RANK: "排名赋分",
    NodeKind.IMPORTED: "外部计分",
    NodeKind.BONUS: "只加分",
    NodeKind.ADDITIVE: "从0分起算",
}
POLICY_ZH = {"full_marks": "不适用的按满分计", "rescale": "不适用的不计入满分、折算"}


@dataclass(frozen=True, slots=True)
class AssumptionView:
    """One assumption, ready to show: ``about`` resolved to the indicator's, table's or veto's name."""

    id: str
    about: str | None  # the id it concerns, or None for the whole scheme
    about_label: str  # "A5.3.1 区政府办公室督查通报和检查情况考核运用", or "全方案"
    says: str  # 原文
    chosen: str  # 采用
    why: str  # 理由


def scheme_assumptions(index: SchemeIndex) -> list[AssumptionView]:
    """The scheme's assumptions in file order, each with a label for what it concerns."""
    tables = {t.id: t.title for t in index.scheme.tables}
    out = []
    for a in index.scheme.assumptions:
        if a.about is None:
            label = "全方案"
        elif a.about in index.nodes:
            label = f"{a.about} {index.nodes[a.about].name}"
        elif a.about in tables:
            label = f"评分表 {a.about}《{tables[a.about]}》"
        else:
            label = f"否决情形 {a.about} {index.vetoes[a.about].name}"
        out.append(AssumptionView(a.id, a.about, label, a.says, a.chosen, a.why))
    return out


def render_assumptions(index: SchemeIndex) -> str:
    """The assumptions as text: 原文 / 采用 / 理由 for each."""
    views = scheme_assumptions(index)
    if not views:
        return ""
    lines = [f"编写假设（{len(views)} 条，请考核办确认）"]
    for n, v in enumerate(views, start=1):
        lines.append(f"  {n}. [{v.id}] {v.about_label}")
        lines.append(f"     原文：{v.says}")
        lines.append(f"     采用：{v.chosen}")
        lines.append(f"     理由：{v.why}")
    return "\n".join(lines) + "\n"


def _fault_text(fault: Fault) -> str:
    cap = f"，上限{fmt(fault.cap)}" if fault.cap else ""
    if fault.zeroes:
        return f"{fault.text}→不得分"
    if fault.discretionary:
        return f"{fault.text} 逐条酌定扣分{cap}"
    if fault.mode is Counting.ONCE:
        return f"{fault.text} 扣{fmt(fault.amount)}（只扣一次）{cap}"
    per = fault.per or ("项" if fault.mode is Counting.ITEM else "次")
    same = "，同一项只扣一次" if fault.mode is Counting.ITEM else ""
    return f"{fault.text} 每{per}扣{fmt(fault.amount)}{same}{cap}"


def _leaf_extras(node: Node) -> list[str]:
    extras = []
    kind = KIND_ZH.get(node.kind)
    if kind:
        extras.append(kind)
    extras += [f"{p.name} {fmt(p.range[0])}～{fmt(p.range[1])}" for p in node.parts]
    extras += [_fault_text(f) for f in node.faults]
    texts = {f.id: f.text for f in node.faults}
    for group in node.exclusive:
        extras.append(f"互斥（只计较大者）：{'、'.join(texts[g] for g in group)}")
    for bonus in node.bonuses:
        cap = f"，上限{fmt(bonus.cap)}" if bonus.cap else ""
        verb = "得" if node.additive else "加"
        each = (
            f"酌情{verb}分"
            if bonus.discretionary
            else f"每{bonus.per or '次'}{verb}{fmt(bonus.amount)}"
        )
        extras.append(f"{bonus.text} {each}{cap}")
    if node.cap is not None:
        extras.append(f"扣分上限{fmt(node.cap)}")
    if node.bonus_cap is not None:
        extras.append(f"加分上限{fmt(node.bonus_cap)}")
    return extras


def _tree(node: Node, depth: int, lines: list[str], pooled: bool = False) -> None:
    points = "共用" if pooled else fmt(node_max(node))
    if node.range is not None:
        points = f"{fmt(node.range[0])}～{fmt(node.range[1])}"
    extras = _leaf_extras(node) if node.is_leaf else (["共用分值"] if node.pooled else [])
    if node.not_applicable:
        extras.append(POLICY_ZH[node.not_applicable])
    scope = ""
    if node.applies_to:
        where = node.applies_to
        scope = f" 〔适用：{where.text or '、'.join(where.units + where.tags + where.classes)}〕"
    suffix = f"  —— {'；'.join(extras)}" if extras else ""
    lines.append(f"{'  ' * depth}{node.id}  {node.name}  {points}分{scope}{suffix}")
    for child in node.children or ():
        _tree(child, depth + 1, lines, node.pooled)


def render_tree(index: SchemeIndex) -> str:
    """The tables as indented trees with points and rules, then vetoes, grades and assumptions."""
    s = index.scheme
    lines = [f"{s.title}（{s.id}）"]
    for table in s.tables:
        policy = table.not_applicable or s.not_applicable
        scale = f"，折算为 {fmt(table.scale)} 分制" if table.scale is not None else ""
        lines.append("")
        lines.append(
            f"{table.title}  适用：{'、'.join(table.classes)} 类  合计 {fmt(index.table_total(table))} 分"
            f"（{POLICY_ZH[policy]}{scale}）"
        )
        for section in table.sections:
            _tree(section, 1, lines)
    if s.vetoes:
        lines.append("")
        lines.append("否决情形")
        effect = {"fail": "等次为不合格", "zero": "单项否决", "deduct": "从总分扣分"}
        for v in s.vetoes:
            detail = effect[v.effect.value]
            if v.target:
                detail += f"：{index.nodes[v.target].name}"
            if v.amount:
                detail += f" {fmt(v.amount)} 分/次"
            if v.discretionary:
                detail += "（酌情）"
            lines.append(f"  {v.id}  {v.name}  —— {detail}")
    if s.evidence_deadline is not None:
        d = s.evidence_deadline
        lines.append("")
        text = f"：{d.text}" if d.text else ""
        lines.append(f"佐证材料截止日期 {d.date.isoformat()}{text}")
    if s.grades:
        bands = "，".join(
            f"{g.name} ≥{fmt(g.min)}" if g.min is not None else g.name for g in s.grades
        )
        lines.append("")
        lines.append(f"等次：{bands}")
    assumptions = render_assumptions(index)
    if assumptions:
        lines.append("")
        lines.append(assumptions.rstrip("\n"))
    return "\n".join(lines) + "\n"
