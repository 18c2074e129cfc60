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


def main_problems(
    result: RoundResult, class_id: str | None = None, limit: int = 10
) -> list[Problem]:
    """The most common deductions (by number of units, then points lost)."""
    units: Counter[tuple[str, str, str]] = Counter()
    points: dict[tuple[str, str, str], Decimal] = {}
    for u in result.units:
        if class_id is not None and u.unit_class != class_id:
            continue
        seen: set[tuple[str, str, str]] = set()
        for node in u.nodes():
            for line in node.lines:
                if line.kind not in (LineKind.DEDUCT, LineKind.ZERO) or line.is_bonus:
                    continue
                reason = line.text.split("：", 1)[0].split("（", 1)[0]
                key = (node.id, node.name, reason)
                points[key] = points.get(key, Decimal(0)) - line.amount
                if key not in seen:
                    seen.add(key)
                    units[key] += 1
    ranked = sorted(units, key=lambda k: (-units[k], -points[k], k[0]))
    return [Problem(k[0], k[1], k[2], units[k], points[k]) for k in ranked[:limit]]


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
    from docx.shared import Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
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
