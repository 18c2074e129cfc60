"""Writers for round results: JSON (documented, stable), CSV and Excel (.xlsx).

The JSON shape is described in ``docs/output.md`` and versioned by its ``format`` field.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from zwgk.rubric.numbers import fmt, plain
from zwgk.scoring.result import NodeResult, RoundResult, UnitResult

JSON_FORMAT = "zwgk.results/1"

STATUS_ZH = {
    "scored": "已计分",
    "na_full": "不适用（按满分）",
    "na_omitted": "不适用（不计入，折算）",
    "out_of_scope": "不在适用范围（不计入，折算）",
    "out_of_scope_full": "不在适用范围（按满分）",
    "zeroed": "单项否决",
    "unrated": "未评定",
}


def _lines(lines) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        d = line.as_dict()
        d["amount"] = plain(line.amount)
        out.append(d)
    return out


def _nodes(node: NodeResult, parent: str | None, out: list[dict[str, Any]]) -> None:
    out.append(
        {
            "id": node.id,
            "name": node.name,
            "parent": parent,
            "level": node.level,
            "leaf": node.is_leaf,
            "max": plain(node.max),
            "earned": plain(node.earned),
            "bonus": plain(node.bonus),
            "status": node.status.value,
            "pending": node.pending,
            "lines": _lines(node.lines),
        }
    )
    for child in node.children:
        _nodes(child, node.id, out)


def unit_dict(u: UnitResult) -> dict[str, Any]:
    nodes: list[dict[str, Any]] = []
    for section in u.sections:
        _nodes(section, None, nodes)
    return {
        "unit": u.unit,
        "class": u.unit_class,
        "table": u.table,
        "rank": u.rank,
        "total": plain(u.total),
        "grade": u.grade,
        "grade_forced_by": u.grade_forced_by,
        "full": plain(u.full),
        "max": plain(u.max),
        "base": plain(u.base),
        "scaled_base": plain(u.scaled_base),
        "bonus": plain(u.bonus),
        "veto_deduction": plain(u.veto_deduction),
        "third_party": plain(u.third_party),
        "composite": plain(u.composite),
        "vetoed_by": u.vetoed_by,
        "lines": _lines(u.lines),
        "nodes": nodes,
    }


def to_json_data(result: RoundResult) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "scheme": {"id": result.scheme_id, "title": result.scheme_title},
        "classes": [{"id": cid, "name": name} for cid, name in result.classes],
        "units": [unit_dict(u) for u in result.units],
    }


def to_json(result: RoundResult) -> str:
    return json.dumps(to_json_data(result), ensure_ascii=False, indent=2) + "\n"


def _section_names(result: RoundResult) -> list[str]:
    names: list[str] = []
    for u in result.units:
        for s in u.sections:
            if s.name not in names:
                names.append(s.name)
    return names


def summary_rows(result: RoundResult) -> tuple[list[str], list[list[Any]]]:
    """One row per unit, the columns an office puts in a ranking sheet."""
    sections = _section_names(result)
    class_names = dict(result.classes)
    header = [
        "类别",
        "名次",
        "单位",
        "总分",
        "等次",
        "基础得分",
        "加分",
        "重大扣分",
        "第三方扣分",
        "否决情形",
        *sections,
    ]
    rows = []
    for u in result.units:
        by_name = {s.name: s for s in u.sections}
        row: list[Any] = [
            class_names.get(u.unit_class, u.unit_class),
            u.rank,
            u.unit,
            u.total,
            u.grade or "",
            u.scaled_base,
            u.bonus,
            u.veto_deduction,
            u.third_party,
            "、".join(u.vetoed_by),
        ]
        for name in sections:
            s = by_name.get(name)
            row.append(s.earned + s.bonus if s is not None and s.counted else None)
        rows.append(row)
    return header, rows


def to_csv(result: RoundResult) -> str:
    header, rows = summary_rows(result)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [fmt(v) if isinstance(v, Decimal) else ("" if v is None else v) for v in row]
        )
    return buf.getvalue()


def detail_rows(result: RoundResult) -> tuple[list[str], list[list[Any]]]:
    """One row per unit and leaf indicator, with the explanation of its points."""
    header = ["单位", "类别", "指标编号", "指标", "满分", "得分", "加分", "状态", "说明"]
    rows = []
    for u in result.units:
        for node in u.nodes():
            if not node.is_leaf:
                continue
            text = "；".join(line.text for line in node.lines)
            rows.append(
                [
                    u.unit,
                    u.unit_class,
                    node.id,
                    node.name,
                    node.max,
                    node.earned,
                    node.bonus,
                    STATUS_ZH[node.status.value],
                    text,
                ]
            )
    return header, rows


def write_xlsx(result: RoundResult, path: str | Path | IO[bytes]) -> None:
    """A workbook: one ranking sheet per class, then every indicator of every unit."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    header, rows = summary_rows(result)
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")

    def sheet(title: str, head: list[str], body: list[list[Any]], widths: dict[int, int]) -> None:
        ws = wb.create_sheet(title[:31])
        ws.append(head)
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in body:
            ws.append([plain(v) if isinstance(v, Decimal) else v for v in row])
        ws.freeze_panes = "A2"
        for col in range(1, len(head) + 1):
            ws.column_dimensions[get_column_letter(col)].width = widths.get(col, 12)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.print_title_rows = "1:1"

    for class_id, name in result.classes:
        body = [r for r, u in zip(rows, result.units, strict=True) if u.unit_class == class_id]
        if body:
            sheet(f"{class_id}类排名（{name}）"[:31], header, body, {3: 28})
    d_head, d_rows = detail_rows(result)
    sheet("评分明细", d_head, d_rows, {1: 24, 3: 12, 4: 30, 9: 80})
    wb.save(path)
