"""Units of a round as the core sees them, and their classes by the names the office uses."""

from __future__ import annotations

from dataclasses import replace

from zwgk.rubric import SchemeIndex
from zwgk.rubric.errors import FactsError, Problem
from zwgk.scoring import Unit as CoreUnit
from zwgk.web.rounds.models import Round, Unit


def core_unit(unit: Unit) -> CoreUnit:
    return CoreUnit(
        unit.name,
        unit.unit_class,
        frozenset(unit.tags or ()),
        unit.contact or None,
        unit.phone or None,
    )


def core_units(rnd: Round) -> list[CoreUnit]:
    return [core_unit(u) for u in rnd.units.all()]


def with_class_ids(index: SchemeIndex, units: list[CoreUnit], name: str) -> list[CoreUnit]:
    """Units whose 类别 is written as the office writes it (the class's Chinese name, e.g. 区直部门)
    or as its id; raises FactsError naming the row and the scheme's classes by name. (Texts too
    long for their columns are refused by the core's ``check_units``.)"""
    by_name = {c.name: c.id for c in index.scheme.classes}
    out, problems = [], []
    for u in units:
        cid = u.unit_class if u.unit_class in index.table_of_class else by_name.get(u.unit_class)
        if cid is None:
            problems.append(
                Problem(
                    name,
                    u.line or None,
                    f"单位“{u.name}”的类别“{u.unit_class}”不在方案中（可填：{'、'.join(by_name)}）",
                )
            )
            continue
        out.append(replace(u, unit_class=cid))
    if problems:
        raise FactsError(problems)
    return out


def class_names(index: SchemeIndex) -> dict[str, str]:
    return {c.id: c.name for c in index.scheme.classes}
