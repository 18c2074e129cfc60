"""Units — 被考核单位: who is assessed, in which class, with which tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from zwgk.rubric.errors import FactsError, Problem
from zwgk.rubric.index import SchemeIndex
from zwgk.scoring.codec import parse_list
from zwgk.scoring.tabular import Row, csv_rows, read_source, yaml_rows

UNIT_COLUMNS = {
    "name": "name",
    "单位": "name",
    "单位名称": "name",
    "被考核单位": "name",
    "class": "class",
    "类别": "class",
    "单位类别": "class",
    "tags": "tags",
    "标签": "tags",
    "contact": "contact",
    "联系人": "contact",
    "phone": "phone",
    "联系电话": "phone",
}


MAX_NAME = 100  # a unit's name or tag
MAX_CONTACT = 50  # a contact's name or phone


@dataclass(frozen=True, slots=True)
class Unit:
    """Unit — 被考核单位."""

    name: str
    unit_class: str
    tags: frozenset[str] = field(default_factory=frozenset)
    contact: str | None = None
    phone: str | None = None
    line: int = 0


def _unit_from_row(row: Row, problems: list[Problem]) -> Unit | None:
    f = row.fields
    extra = set(f) - set(UNIT_COLUMNS.values())
    if extra:
        problems.append(Problem(row.path, row.line, f"不认识的字段：{'、'.join(sorted(extra))}"))
        return None
    name = str(f.get("name") or "").strip()
    unit_class = str(f.get("class") or "").strip()
    if not name:
        problems.append(Problem(row.path, row.line, "缺少单位名称 name"))
        return None
    if not unit_class:
        problems.append(Problem(row.path, row.line, f"单位 “{name}” 缺少类别 class", name))
        return None
    unit = Unit(
        name=name,
        unit_class=unit_class,
        tags=frozenset(parse_list(f.get("tags"))),
        contact=str(f["contact"]) if f.get("contact") else None,
        phone=str(f["phone"]) if f.get("phone") else None,
        line=row.line,
    )
    too_long = _too_long(unit)
    if too_long:
        problems.append(Problem(row.path, row.line, too_long, _short(name)))
        return None
    return unit


def _short(name: str) -> str:
    return name if len(name) <= 20 else name[:20] + "…"


def _too_long(unit: Unit) -> str | None:
    """What of a unit is longer than a round can store (the web's columns are sized by these)."""
    over = [
        f"{label}（{len(value)} 字，最多 {limit} 字）"
        for label, value, limit in (
            ("单位名称", unit.name, MAX_NAME),
            ("联系人", unit.contact or "", MAX_CONTACT),
            ("联系电话", unit.phone or "", MAX_CONTACT),
            *(("标签", t, MAX_NAME) for t in sorted(unit.tags)),
        )
        if len(value) > limit
    ]
    return f"过长：{'、'.join(over)}" if over else None


def load_units(path: str | Path) -> list[Unit]:
    """Read units from YAML (``{units: [{name, class, tags}]}``) or CSV (name,class,tags)."""
    kind, data = read_source(path)
    rows = (
        yaml_rows(data, str(path), ("units",))
        if kind == "yaml"
        else csv_rows(data, str(path), UNIT_COLUMNS, "units")
    )
    problems: list[Problem] = []
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for row in rows:
        unit = _unit_from_row(row, problems)
        if unit is None:
            continue
        if unit.name in seen:
            problems.append(
                Problem(
                    str(path),
                    row.line,
                    f"单位重复：“{unit.name}”（第 {seen[unit.name]} 行已有）",
                    unit.name,
                )
            )
            continue
        seen[unit.name] = row.line
        units.append(unit)
    if problems:
        raise FactsError(problems)
    if not units:
        raise FactsError([Problem(str(path), None, "单位名单为空")])
    return units


def check_units(index: SchemeIndex, units: list[Unit], path: str = "<units>") -> None:
    """Every unit's class must be one the scheme declares, and its texts must fit a round."""
    classes = index.class_ids()
    problems = [
        Problem(path, u.line or None, too_long, _short(u.name))
        for u in units
        if (too_long := _too_long(u)) is not None
    ]
    problems += [
        Problem(
            path,
            u.line or None,
            f"单位 “{u.name}” 的类别 “{u.unit_class}” 不在方案中（方案类别：{'、'.join(classes)}）",
            u.name,
        )
        for u in units
        if u.unit_class not in index.table_of_class
    ]
    names = [u.name for u in units]
    if len(set(names)) != len(names):
        problems.append(Problem(path, None, "单位名单中有重复的单位"))
    if problems:
        raise FactsError(problems)
