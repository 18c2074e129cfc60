"""The indicator tree as rows for templates, limited to what applies to one unit."""

from __future__ import annotations

from dataclasses import dataclass

from zwgk.rubric import SchemeIndex, node_max
from zwgk.rubric.model import Node
from zwgk.scoring import Unit as CoreUnit

METHOD_KINDS = {
    "range": "区间评分",
    "rank": "排名赋分",
    "imported": "外部计分",
    "bonus": "只加分",
    "additive": "从0分起算",
    "deduct": "扣分制",
}


@dataclass(frozen=True)
class TreeRow:
    node: Node
    depth: int
    max: object
    leaf: bool

    @property
    def kind_name(self) -> str:
        return METHOD_KINDS.get(self.node.kind, "") if self.leaf else ""


def rows_for(index: SchemeIndex, unit: CoreUnit) -> list[TreeRow]:
    table = index.table_for(unit)
    out: list[TreeRow] = []

    def walk(nodes, depth):
        for n in nodes:
            if not index.applies(n.id, unit):
                continue
            out.append(TreeRow(n, depth, node_max(n), n.is_leaf))
            if n.children:
                walk(n.children, depth + 1)

    walk(table.sections, 0)
    return out


def leaf_ids(index: SchemeIndex, unit: CoreUnit) -> list[str]:
    return [n.id for n in index.leaves[index.table_for(unit).id] if index.applies(n.id, unit)]
