"""Blank tables for the office to fill in and import (导入模板): units and facts, as .xlsx.

Each has the columns the importer reads, one example row, and a sheet of the values this round's
scheme accepts (classes and tags; indicators and their 情形), so nobody has to guess a code.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from zwgk.rubric import SchemeIndex

UNIT_COLUMNS = ["单位名称", "类别", "标签", "联系人", "联系电话"]
FACT_COLUMNS = [
    "类型",
    "单位",
    "指标",
    "情形",
    "次数",
    "数值",
    "缺项",
    "日期",
    "来源",
    "状态",
    "说明",
    "计分机关",
]
FACT_KINDS = "扣分、加分、评分、排名数据、外部计分、不适用、否决、第三方扣分"


def _sheet(ws, header: list[str], rows: list[list], widths: list[int]) -> None:
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w


def _bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def units_blank(index: SchemeIndex) -> bytes:
    wb = Workbook()
    classes = index.scheme.classes
    example = [["某某镇人民政府", classes[0].name if classes else "", "", "张三", "0000-1234567"]]
    _sheet(wb.active, UNIT_COLUMNS, example, [30, 16, 30, 12, 16])
    wb.active.title = "单位名单"
    ref = wb.create_sheet("可填写的值")
    rows = [["类别", c.name] for c in classes] + [["标签", t] for t in index.scheme.tags]
    _sheet(ref, ["列", "可填写"], rows, [10, 40])
    return _bytes(wb)


def facts_blank(index: SchemeIndex, unit_names: list[str]) -> bytes:
    wb = Workbook()
    leaf = next((n for t in index.scheme.tables for n in index.leaves[t.id] if n.faults), None)
    example = []
    if leaf is not None:
        unit = unit_names[0] if unit_names else ""
        example.append(
            ["扣分", unit, leaf.id, leaf.faults[0].id, 1, "", "", "2024-03-05", "", "已确认"]
        )
    _sheet(wb.active, FACT_COLUMNS, example, [10, 24, 10, 12, 6, 8, 16, 12, 10, 8, 30, 14])
    wb.active.title = "考核记录"
    ref = wb.create_sheet("指标与情形")
    rows = []
    seen = set()
    for table in index.scheme.tables:
        for n in index.leaves[table.id]:
            if n.id in seen:
                continue
            seen.add(n.id)
            rows.append([n.id, n.name, "", ""])
            rows += [["", "", f.id, f"扣分：{f.text}"] for f in n.faults]
            rows += [["", "", b.id, f"加分：{b.text}"] for b in n.bonuses]
    _sheet(ref, ["指标", "指标名称", "情形", "情形内容"], rows, [10, 30, 12, 80])
    kinds = wb.create_sheet("说明")
    _sheet(
        kinds,
        ["列", "怎么填"],
        [
            ["类型", FACT_KINDS],
            ["单位", "与单位名单中的名称一致"],
            ["指标、情形", "见“指标与情形”表"],
            ["日期", "如 2024-03-05、2024/3/5 或 2024年3月5日"],
            ["状态", "已确认 或 待确认（空白为已确认）"],
        ]
        + [["单位名称", name] for name in unit_names],
        [12, 80],
    )
    return _bytes(wb)
