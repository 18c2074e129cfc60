"""Demo data: plausible facts for any scheme, made from a fixed random seed (repeatable).

Used by ``zwgk demo`` (what ``make run`` starts) and by the scoring benchmark.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import click
import yaml

from zwgk.report.explain import explain_unit
from zwgk.report.ranking import render_ranking
from zwgk.report.results import to_json, write_xlsx
from zwgk.rubric import SchemeIndex, load_scheme
from zwgk.rubric.numbers import plain
from zwgk.scoring import Unit, load_facts, load_units, score
from zwgk.scoring.facts import SOURCES

# The seed schemes and examples ship inside the package (``schemes/`` and ``examples/`` at the top of
# a checkout point here), so an installed wheel can build the demo too.
PACKAGE = Path(__file__).resolve().parent
DEMO_SCHEME = PACKAGE / "schemes" / "xx-2023.yaml"
DEMO_UNITS = PACKAGE / "examples" / "xx-2023-units.yaml"

NOTES = (
    "网站栏目超期未更新",
    "印证材料不全",
    "未按时报送",
    "月度检查通报",
    "答复格式不规范",
    "附件无法打开",
)


def synthetic_units(index: SchemeIndex, count: int, seed: int = 1) -> list[Unit]:
    """``count`` units spread over the scheme's classes, carrying every declared tag now and then."""
    rng = random.Random(seed)
    classes = index.class_ids()
    tags = list(index.scheme.tags)
    out = []
    for i in range(count):
        chosen = frozenset(t for t in tags if rng.random() < 0.3)
        out.append(Unit(f"单位{i + 1:04d}", classes[i % len(classes)], chosen))
    return out


def generate_fact_dicts(
    index: SchemeIndex, units: list[Unit], findings: int, seed: int = 2023
) -> dict:
    """Facts as the YAML facts format's dict: findings, bonuses, ratings, metrics, imported."""
    rng = random.Random(seed)
    year = index.scheme.year or 2024
    per_unit = {}
    for unit in units:
        table = index.table_for(unit)
        per_unit[unit.name] = [
            leaf for leaf in index.leaves[table.id] if index.applies(leaf.id, unit)
        ]
    out: dict[str, list] = {
        "findings": [],
        "bonuses": [],
        "ratings": [],
        "metrics": [],
        "imported": [],
    }
    deductible = {
        name: [leaf for leaf in leaves if leaf.faults] for name, leaves in per_unit.items()
    }
    names = [u.name for u in units if deductible[u.name]]
    while names and len(out["findings"]) < findings:
        name = rng.choice(names)
        leaf = rng.choice(deductible[name])
        fault = rng.choice(leaf.faults)
        item = {"unit": name, "indicator": leaf.id, "fault": fault.id}
        if fault.elements:
            item["missing"] = rng.sample(
                fault.elements, rng.randint(1, min(2, len(fault.elements)))
            )
        elif not fault.zeroes and rng.random() < 0.2:
            item["count"] = rng.randint(2, 3)
        if fault.discretionary:
            item["amount"] = Decimal(rng.randint(1, 4)) / 2  # 酌定扣分: the fact states its amount
        if fault.zeroes and rng.random() < 0.85:
            continue  # 不得分 is rare
        item["date"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        item["source"] = rng.choice(SOURCES[:4])
        item["status"] = "confirmed" if rng.random() < 0.9 else "pending"
        if rng.random() < 0.5:
            item["note"] = rng.choice(NOTES)
        out["findings"].append(item)
    for unit in units:
        for leaf in per_unit[unit.name]:
            if leaf.bonuses and rng.random() < 0.3:
                bonus = rng.choice(leaf.bonuses)
                event = {
                    "unit": unit.name,
                    "indicator": leaf.id,
                    "bonus": bonus.id,
                    "count": rng.randint(1, 2),
                    "source": "印证材料",
                }
                if bonus.discretionary:
                    event["amount"] = Decimal(rng.randint(1, 4)) / 2  # 酌情加分: stated per event
                out["bonuses"].append(event)
            if leaf.range is not None and rng.random() < 0.9:
                lo, hi = leaf.range
                steps = int((hi - lo) * 2)
                out["ratings"].append(
                    {
                        "unit": unit.name,
                        "indicator": leaf.id,
                        "value": lo + Decimal(rng.randint(steps // 2, steps)) / 2,
                    }
                )
            if leaf.rank is not None:
                out["metrics"].append(
                    {"unit": unit.name, "indicator": leaf.id, "value": rng.randint(60, 100)}
                )
            if leaf.imported is not None and rng.random() < 0.9:
                top = leaf.points or Decimal(0)
                low = leaf.imported.min
                value = low + (top - low) * Decimal(rng.randint(6, 10)) / 10
                out["imported"].append({"unit": unit.name, "indicator": leaf.id, "score": value})
    return {k: v for k, v in out.items() if v}


def _plain(value):
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def write_facts_yaml(data: dict, path: Path) -> None:
    path.write_text(
        yaml.safe_dump(_plain(data), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def run_demo(out: Path) -> None:
    """Score the seed 000 scheme on its 45 units with demo facts; print and write the results."""
    index = load_scheme(DEMO_SCHEME)
    units = load_units(DEMO_UNITS)
    out.mkdir(parents=True, exist_ok=True)
    facts_path = out / "facts.yaml"
    write_facts_yaml(generate_fact_dicts(index, units, findings=120), facts_path)
    facts = load_facts(facts_path, index, units)
    result = score(index, units, facts)
    click.echo(render_ranking(result), nl=False)
    worst = min(result.units, key=lambda u: (u.total, u.unit))
    click.echo()
    click.echo(explain_unit(result, worst), nl=False)
    (out / "results.json").write_text(to_json(result), encoding="utf-8")
    write_xlsx(result, out / "results.xlsx")
    click.echo()
    click.echo(f"演示数据与结果已写入 {out}/：facts.yaml（演示事实）、results.json、results.xlsx")
    click.echo(
        f"查看任一单位的说明：zwgk explain --scheme {DEMO_SCHEME} "
        f"--units {DEMO_UNITS} --facts {facts_path} --unit {worst.unit}"
    )
