"""The 通报 draft: results by class and grade, a ranking table, the main problems found (.docx)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO

from zwgk.rubric.numbers import fmt
from zwgk.scoring.result import LineKind, RoundResult


@dataclass(frozen=True)
class Problem:
    """A deduction that many units share: indicator, reason, how many units lost points on it."""

    indicator: str
    name: str
    reason: str
    units: int
    points: Decimal


def _reason(text: str) -> str:
    """The fault's own text: a deduction line reads “<fault text>：<how many>，扣 N 分”."""
    return text.rsplit("：", 1)[0]


def _lost(node) -> dict[tuple[str, str, str], Decimal]:
    """Points a unit really lost under ``node``, by (indicator, name, fault text): deductions less
    what the caps gave back (a fault's own cap to that fault; a node's cap to all beneath it, in
    proportion), so the figures add up to the points lost, never more."""
    lost: dict[tuple[str, str, str], Decimal] = {}
    for child in node.children:
        for key, pts in _lost(child).items():
            lost[key] = lost.get(key, Decimal(0)) + pts
    shared = Decimal(0)
    for line in node.lines:
        if line.is_bonus:
            continue
        if line.kind in (LineKind.DEDUCT, LineKind.ZERO):
            key = (node.id, node.name, _reason(line.text))
            lost[key] = lost.get(key, Decimal(0)) - line.amount
        elif line.kind is LineKind.CAP:
            named = line.text.split("”", 1)[0].lstrip("“") if line.text.startswith("“") else None
            key = (node.id, node.name, named) if named else None
            if key in lost:
                lost[key] -= line.amount
            else:
                shared += line.amount
    total = sum(lost.values(), Decimal(0))
    if shared and total > 0:
        keep = max(total - shared, Decimal(0)) / total
        lost = {k: v * keep for k, v in lost.items()}
    return {k: v for k, v in lost.items() if v > 0}


def main_problems(
    result: RoundResult, class_id: str | None = None, limit: int = 10
) -> list[Problem]:
    """The most common deductions (by number of units, then points really lost after caps)."""
    units: Counter[tuple[str, str, str]] = Counter()
    points: dict[tuple[str, str, str], Decimal] = {}
    for u in result.units:
        if class_id is not None and u.unit_class != class_id:
            continue
        for section in u.sections:
            for key, pts in _lost(section).items():
                points[key] = points.get(key, Decimal(0)) + pts
                units[key] += 1
    ranked = sorted(units, key=lambda k: (-units[k], -points[k], k[0]))
    return [
        Problem(k[0], k[1], k[2], units[k], points[k].quantize(Decimal("0.01")))
        for k in ranked[:limit]
    ]


def grade_lists(result: RoundResult, class_id: str) -> list[tuple[str, list[str]]]:
    """Grades in the scheme's order with the units in each, by rank."""
    by_grade: dict[str, list[str]] = {}
    for u in result.in_class(class_id):
        by_grade.setdefault(u.grade or "未定等次", []).append(u.unit)
    return list(by_grade.items())


def write_bulletin(
    result: RoundResult, out: str | Path | IO[bytes], title: str, grade_order: list[str]
) -> None:
    """Write the 通报 draft as a Word document (A4, 仿宋/黑体 as offices use)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    # A4 with the margins of 党政机关公文格式 (GB/T 9704): python-docx's default is US Letter.
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")

    def para(text: str, *, bold=False, center=False, size=None, font=None):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if font:
            run.font.name = font
            run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.paragraph_format.first_line_indent = Pt(28)
        return p

    para(title, bold=True, center=True, size=22, font="方正小标宋简体")
    total = len(result.units)
    para(
        f"根据《{result.scheme_title}》，考核小组对 {total} 个单位的政务公开工作进行了考核。"
        "经考核小组评分、结果公示和领导组审定，现将考核结果通报如下。"
    )
    order = {g: i for i, g in enumerate(grade_order)}
    n = 0
    cn = "一二三四五六七八九十"
    for class_id, class_name in result.classes:
        members = result.in_class(class_id)
        if not members:
            continue
        para(f"{cn[n]}、{class_name}（{len(members)} 个）", bold=True, font="黑体")
        n += 1
        for grade, names in sorted(
            grade_lists(result, class_id), key=lambda g: order.get(g[0], 99)
        ):
            para(f"{grade}（{len(names)} 个）：{'、'.join(names)}。")
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("名次", "单位", "得分", "等次"), strict=True):
            cell.text = text
        for u in members:
            cells = table.add_row().cells
            cells[0].text = str(u.rank)
            cells[1].text = u.unit
            cells[2].text = fmt(u.total)
            cells[3].text = u.grade or ""
    problems = main_problems(result)
    if problems:
        para(f"{cn[n]}、存在的主要问题", bold=True, font="黑体")
        for i, p in enumerate(problems, start=1):
            para(f"{i}. {p.name}：{p.reason}（{p.units} 个单位，合计扣 {fmt(p.points)} 分）。")
        n += 1
    para(f"{cn[n]}、下一步工作要求", bold=True, font="黑体")
    para(
        "各单位要对照考核中发现的问题认真整改，考核等次为不合格的单位须在规定期限内报送整改报告。"
        "考核办将对整改情况进行跟踪检查。"
    )
    doc.save(out)
