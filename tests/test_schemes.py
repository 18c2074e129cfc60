"""Every scheme in schemes/: it loads, a broken copy is rejected with file and line, and with no
facts every unit gets its full base points."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.helpers import ROOT
from zwgk.report.scheme import scheme_assumptions
from zwgk.rubric import SchemeError, load_scheme, load_scheme_text
from zwgk.scoring import NodeStatus, load_units, score

SCHEMES = sorted((ROOT / "schemes").glob("*.yaml"))
UNITS = {
    "xx-2023": "../../examples/xx-2023-units.yaml",
    "yueyang-2017": "seed_yueyang2017_units.yaml",
    "yongji-2023": "seed_yongji2023_units.yaml",
    "suizhou-gxq-2021": "seed_suizhou2021_units.yaml",
    "zhongshan-2022": "seed_zhongshan2022_units.yaml",
}


def units_for(path: Path):
    units = ROOT / "tests" / "data" / UNITS[path.stem]
    return load_units(units)


def test_all_five_seeds_are_encoded():
    assert {p.stem for p in SCHEMES} == set(UNITS)


@pytest.mark.parametrize("path", SCHEMES, ids=lambda p: p.stem)
def test_it_loads_every_class_of_the_seed(path):
    index = load_scheme(path)
    assert index.scheme.tables
    assert set(index.table_of_class) == {c.id for c in index.scheme.classes}


@pytest.mark.parametrize("path", SCHEMES, ids=lambda p: p.stem)
def test_a_broken_copy_is_rejected_with_file_and_line(path):
    text = path.read_text(encoding="utf-8")
    # raise the first declared subtotal of a section that has children by one point
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)points: (\d+(?:\.\d+)?)\s*$", line)
        if m and any(re.match(rf"^{m.group(1)}children:", ln) for ln in lines[i + 1 : i + 12]):
            lines[i] = f"{m.group(1)}points: {D(m.group(2)) + 1}"
            break
    else:
        pytest.fail("no section subtotal found to break")
    with pytest.raises(SchemeError) as exc:
        load_scheme_text("\n".join(lines), "broken.yaml")
    found = exc.value.problems
    assert any("小计不符" in p.message or "评分表合计" in p.message for p in found)
    assert all(p.line is not None and str(p).startswith(f"broken.yaml:{p.line}") for p in found)


@pytest.mark.parametrize("path", SCHEMES, ids=lambda p: p.stem)
def test_with_no_facts_every_unit_gets_its_full_base_points(path):
    index = load_scheme(path)
    units = units_for(path)
    result = score(index, units)
    assert {u.unit for u in result.units} == {u.name for u in units}
    additive = {n.id for n in index.nodes.values() if n.additive}
    for u in result.units:
        earned_up = sum((n.max for n in u.nodes() if n.id in additive and n.counted), D(0))
        assert u.base == u.max - earned_up  # 从 0 分起算 items start at 0
        assert u.bonus == 0 and u.veto_deduction == 0 and u.third_party == 0
        assert u.grade_forced_by is None
        for node in u.nodes():
            if node.id in additive:
                assert node.earned == 0, (u.unit, node.id)
            elif node.is_leaf and node.counted and node.status is not NodeStatus.UNRATED:
                assert node.earned == node.max, (u.unit, node.id)


@pytest.mark.parametrize("path", sorted((ROOT / "schemes").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_seed_states_its_assumptions_with_what_it_concerns(path):
    views = scheme_assumptions(load_scheme(path))
    assert any(v.id == "grades" for v in views) or path.stem == "yueyang-2017"  # 岳阳 prints grades
    for v in views:
        assert v.says and v.chosen and v.why, v.id
        assert v.about_label == "全方案" if v.about is None else v.about in v.about_label
