"""Importing a scheme from the office's own 评分表 (.xlsx or .docx).

:func:`import_scheme` reads every table in the file (:mod:`zwgk.rubric.tabular_io`), finds the
header row (一级指标 · 二级指标 · 三级指标 · 赋分/分值/分数 · 扣分标准/考核评分标准/评分标准 · 加分标准 ·
考核方式/测评方式 · 考核内容/测评要点 · 指标依据 · 责任单位/评估数据采集范围…), rebuilds the indicator
tree (merged and blank 一级/二级 cells carry on from the row above; "主动公开（37分）" is a section
with a declared subtotal; a row whose 三级 cell is blank is a 二级 leaf), turns every 扣分标准 and
加分标准 cell into faults and bonuses with :func:`zwgk.rubric.draft.draft_rule`, and returns a
scheme dict that :func:`zwgk.rubric.parse_scheme` accepts, with a review list: every indicator
whose rule a person must check, and why.

Nothing is guessed silently. An indicator the drafter marks for review keeps what was drafted
(if it validates) and gets a ``note`` beginning 需人工复核; a leaf that cannot be scored as
drafted becomes a rating placeholder ``range: [0, points]``; subtotals that do not add up are
reported with the table's own figure. Ids are positional: ``A1``, ``A1.2``, ``A1.2.3`` (the class
letter from a title such as "（A类）", else ``T``), faults ``f1``…, bonuses ``b1``….

A file exported by :mod:`zwgk.rubric.exporter` carries the scheme itself; if its rows are
unchanged the same scheme comes back exactly, and edited cells are read again.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from zwgk.rubric.importer.assemble import from_office, walk_nodes
from zwgk.rubric.importer.result import ImportError_, ImportResult, ReviewItem
from zwgk.rubric.importer.roundtrip import from_embedded
from zwgk.rubric.numbers import fmt
from zwgk.rubric.tabular_io import TableReadError, read_file


def import_scheme(path: str | Path) -> ImportResult:
    """Read a score table file (.xlsx / .docx) into a scheme dict plus a review list.

    Raises :class:`ImportError_` (one line naming the file) when the file is not a score table.
    """
    path = Path(path)
    try:
        tf = read_file(path)
    except TableReadError as exc:
        raise ImportError_(path, exc.reason) from None
    warnings: list[str] = []
    if tf.embedded is not None:
        result = from_embedded(tf, path, warnings)
        if result is not None:
            return result
    return from_office(tf, path, warnings)


def render_review(result: ImportResult) -> str:
    """The review report in Chinese: what was imported and what a person must check."""
    scheme = result.scheme_dict
    lines: list[str] = []
    n_tables = len(scheme.get("tables", []))
    nodes = list(walk_nodes(scheme))
    leaves = [n for n in nodes if "children" not in n]
    head = f"导入 {result.path.name}：{scheme.get('title', '')}，{n_tables} 张评分表，{len(nodes)} 个指标（其中末级指标 {len(leaves)} 个）"
    if result.embedded:
        head += "；文件由 zwgk 导出，方案按内嵌数据恢复"
    lines.append(head + "。")
    for t in scheme.get("tables", []):
        classes = "、".join(
            next((c["name"] for c in scheme.get("classes", []) if c["id"] == cid), cid)
            for cid in t.get("classes", [])
        )
        total = t.get("total")
        lines.append(
            f"  评分表 {t['id']}《{t.get('title', '')}》：{classes}，合计 {fmt(Decimal(str(total))) if total is not None else '—'} 分"
        )
    vetoes = scheme.get("vetoes") or []
    if vetoes:
        lines.append(f"  否决情形 {len(vetoes)} 项。")
    if result.review:
        lines.append("")
        lines.append(f"需人工复核（{len(result.review)} 项）：")
        for item in result.review:
            lines.append(f"  [{item.indicator_id}] {item.name}：{item.reason}")
    else:
        lines.append("")
        lines.append(
            "没有需要人工复核的指标。" if result.embedded else "起草器没有列出需要人工复核的指标。"
        )
    # A zwgk export is restored from its embedded scheme (edited cells are listed above): nothing
    # else was drafted, so the reminder is for tables read by the drafter only.
    if not result.embedded:
        lines.append(
            "其余指标由起草器按原文起草，没有列入复核的也可能起草错（在没见过的方案上每 100 句约有几句），"
            "发布前请对照原表核对一遍扣分、加分和上限。"
        )
    if result.warnings:
        lines.append("")
        lines.append("提示：")
        lines.extend(f"  - {w}" for w in result.warnings)
    return "\n".join(lines) + "\n"


__all__ = ["ImportError_", "ImportResult", "ReviewItem", "import_scheme", "render_review"]
