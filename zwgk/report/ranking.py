"""The ranking as a text table (排名表) for the terminal: one table per class of units."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from zwgk.rubric.numbers import fmt
from zwgk.scoring.result import RoundResult

COLUMNS = (
    ("名次", "right"),
    ("单位", "left"),
    ("总分", "right"),
    ("等次", "left"),
    ("基础得分", "right"),
    ("加分", "right"),
    ("扣减", "right"),
    ("说明", "left"),
)


def render_ranking(result: RoundResult) -> str:
    """Every class's units in rank order: total, grade, base, bonus, deductions and notes."""
    console = Console(record=True, width=140, file=io.StringIO())
    for class_id, class_name in result.classes:
        members = result.in_class(class_id)
        if not members:
            continue
        table = Table(title=f"{result.scheme_title}  {class_id} 类（{class_name}）")
        for col, justify in COLUMNS:
            table.add_column(col, justify=justify)
        for u in members:
            notes = []
            if u.grade_forced_by:
                notes.append(f"否决：{u.grade_forced_by}")
            pending = sum(n.pending for n in u.sections)
            if pending:
                notes.append(f"{pending} 条待确认")
            reduce = u.veto_deduction + u.third_party
            table.add_row(
                str(u.rank),
                u.unit,
                fmt(u.total),
                u.grade or "—",
                fmt(u.scaled_base),
                fmt(u.bonus) if u.bonus else "",
                fmt(reduce) if reduce else "",
                "；".join(notes),
            )
        console.print(table)
    return console.export_text()
