"""SchemeIndex: a validated scheme with the look-ups the engine and the facts checker need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from zwgk.rubric.model import AppliesTo, Node, Scheme, Table, Veto


class UnitLike(Protocol):
    name: str
    unit_class: str
    tags: frozenset[str]


def in_scope(scope: AppliesTo | None, unit: UnitLike) -> bool:
    """Whether a unit falls within one scope (see :class:`AppliesTo`)."""
    if scope is None:
        return True
    if scope.classes and unit.unit_class not in scope.classes:
        return False
    if scope.units or scope.tags:
        return unit.name in scope.units or not unit.tags.isdisjoint(scope.tags)
    return True


def node_max(node: Node) -> Decimal:
    """The base points a node is worth (a range counts its upper bound)."""
    if node.is_leaf:
        if node.range is not None:
            return node.range[1]
        return node.points or Decimal(0)
    if node.pooled:
        return node.points or Decimal(0)
    return sum((node_max(c) for c in node.children or ()), Decimal(0))


@dataclass
class SchemeIndex:
    """A scheme and its look-ups; built only from a scheme that passed validation."""

    scheme: Scheme
    path: str = "<scheme>"
    nodes: dict[str, Node] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    table_of_node: dict[str, str] = field(default_factory=dict)
    table_of_class: dict[str, Table] = field(default_factory=dict)
    leaves: dict[str, list[Node]] = field(default_factory=dict)  # table id -> leaves in order
    vetoes: dict[str, Veto] = field(default_factory=dict)
    chain: dict[str, tuple[Node, ...]] = field(default_factory=dict)  # ancestors and the node

    @classmethod
    def build(cls, scheme: Scheme, path: str = "<scheme>") -> SchemeIndex:
        index = cls(scheme=scheme, path=path)
        for table in scheme.tables:
            for cls_id in table.classes:
                index.table_of_class[cls_id] = table
            leaves: list[Node] = []
            for node, parent in _walk(table.sections, None):
                index.nodes[node.id] = node
                index.parent[node.id] = parent.id if parent else None
                index.table_of_node[node.id] = table.id
                if node.is_leaf:
                    leaves.append(node)
            index.leaves[table.id] = leaves
        index.vetoes = {v.id: v for v in scheme.vetoes}
        for node_id, node in index.nodes.items():
            index.chain[node_id] = (*index.ancestors(node_id), node)
        return index

    def ancestors(self, node_id: str) -> list[Node]:
        """The node's ancestors from the top section down, the node itself excluded."""
        chain: list[Node] = []
        pid = self.parent.get(node_id)
        while pid is not None:
            chain.append(self.nodes[pid])
            pid = self.parent.get(pid)
        chain.reverse()
        return chain

    def path_names(self, node_id: str) -> list[str]:
        return [n.name for n in self.ancestors(node_id)] + [self.nodes[node_id].name]

    def applies(self, node_id: str, unit: UnitLike) -> bool:
        """Whether the node (and every ancestor's scope) covers the unit, within its table."""
        table = self.table_of_class.get(unit.unit_class)
        if table is None or self.table_of_node.get(node_id) != table.id:
            return False
        return all(
            in_scope(n.applies_to, unit) for n in self.chain[node_id] if n.applies_to is not None
        )

    def table_for(self, unit: UnitLike) -> Table:
        return self.table_of_class[unit.unit_class]

    def table_total(self, table: Table) -> Decimal:
        if table.total is not None:
            return table.total
        return sum((node_max(s) for s in table.sections), Decimal(0))

    def class_ids(self) -> list[str]:
        return [c.id for c in self.scheme.classes]


def _walk(nodes: Iterable[Node], parent: Node | None) -> Iterable[tuple[Node, Node | None]]:
    for node in nodes:
        yield node, parent
        if node.children is not None:
            yield from _walk(node.children, node)
