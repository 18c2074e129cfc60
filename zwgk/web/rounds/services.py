"""Units of a round as the core sees them."""

from __future__ import annotations

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
