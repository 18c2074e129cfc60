"""Small builders for tests: a scheme from YAML text, units and facts from Python lists."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from zwgk.rubric import SchemeIndex, load_scheme_text
from zwgk.scoring import Unit, load_facts, load_units, score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def scheme(text: str) -> SchemeIndex:
    return load_scheme_text(textwrap.dedent(text), "test.yaml")


def units(*specs: str) -> list[Unit]:
    """``units("甲镇:A", "区教育局:B:执法")`` — name, class, tags separated by '、'."""
    out = []
    for spec in specs:
        name, cls, *rest = spec.split(":")
        tags = frozenset(rest[0].split("、")) if rest else frozenset()
        out.append(Unit(name, cls, tags))
    return out


def facts(index: SchemeIndex, unit_list: list[Unit], tmp_path: Path, **sections) -> object:
    path = tmp_path / f"facts-{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(yaml.safe_dump(sections, allow_unicode=True), encoding="utf-8")
    return load_facts(path, index, unit_list)


def run(index: SchemeIndex, unit_list: list[Unit], tmp_path: Path, **sections):
    return score(index, unit_list, facts(index, unit_list, tmp_path, **sections))


def score_files(index: SchemeIndex, units_path: Path, facts_path: Path):
    """Score a round from a units file and a facts file (the seeds' worked examples)."""
    unit_list = load_units(units_path)
    return score(index, unit_list, load_facts(facts_path, index, unit_list))
