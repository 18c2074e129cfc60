"""Hand-computed cases (tests/hand/): each unit's total, computed by hand from the seed text, equals the engine's.

Each case file names a seed scheme, a round of units, the facts an assessor recorded and the total (and,
where the seed defines grades, the grade) worked out line by line from the seed's own sentences. The
expected figures never come from the engine: a case the engine gets wrong carries ``known_failure`` and
runs as a strict xfail, so the marker has to go when the engine (or the scheme encoding) is fixed.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from zwgk.rubric import load_scheme
from zwgk.scoring import load_facts, load_units, score

ROOT = Path(__file__).resolve().parents[1]
HAND = ROOT / "tests" / "hand"
SCHEMES = ROOT / "schemes"

# The five seeds: case folder → (seed text file, scheme file).
SEEDS = {
    "xx2023": ("000_457a88e537bca763.txt", "xx-2023.yaml"),
    "yueyang2017": ("001_d4755b6e9cd516be.txt", "yueyang-2017.yaml"),
    "yongji2023": ("002_722c423dbdd32093.txt", "yongji-2023.yaml"),
    "suizhou2021": ("003_586de14fe34c2ab7.txt", "suizhou-gxq-2021.yaml"),
    "zhongshan2022": ("004_d8e674ad94f66608.txt", "zhongshan-2022.yaml"),
}
REQUIRED = {"seed", "scheme", "unit", "units", "facts", "expected", "arithmetic"}
OPTIONAL = {"title", "table", "ambiguous", "known_failure"}


def _case_files() -> list[Path]:
    return sorted(HAND.glob("*/*.yaml"))


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _params():
    out = []
    for path in _case_files():
        case = _read(path)
        marks = []
        if case.get("known_failure"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["known_failure"]))
        out.append(pytest.param(path, id=f"{path.parent.name}/{path.stem}", marks=marks))
    return out


def test_it_has_at_least_35_cases_and_5_per_seed():
    per_seed = Counter(p.parent.name for p in _case_files())
    assert set(per_seed) == set(SEEDS), per_seed
    assert all(n >= 5 for n in per_seed.values()), per_seed
    assert sum(per_seed.values()) >= 35, per_seed


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_case_is_complete(path: Path):
    case = _read(path)
    assert set(case) >= REQUIRED, REQUIRED - set(case)
    assert set(case) <= REQUIRED | OPTIONAL, set(case) - REQUIRED - OPTIONAL
    seed_file, scheme_file = SEEDS[path.parent.name]
    assert case["seed"] == seed_file
    assert case["scheme"] == scheme_file
    assert case["unit"] in {u["name"] for u in case["units"]}
    Decimal(str(case["expected"]["total"]))  # a number
    # the arithmetic quotes the seed: at least one sentence in Chinese quotation marks, and ends in the total
    assert "“" in case["arithmetic"] and "”" in case["arithmetic"]
    assert str(case["expected"]["total"]) in case["arithmetic"]


@pytest.mark.parametrize("path", _params())
def test_the_engine_gives_the_hand_computed_total(path: Path, tmp_path: Path):
    case = _read(path)
    index = load_scheme(SCHEMES / case["scheme"])
    units_file = tmp_path / "units.yaml"
    units_file.write_text(
        yaml.safe_dump({"units": case["units"]}, allow_unicode=True), encoding="utf-8"
    )
    facts_file = tmp_path / "facts.yaml"
    facts_file.write_text(yaml.safe_dump(case["facts"], allow_unicode=True), encoding="utf-8")
    units = load_units(units_file)
    result = score(index, units, load_facts(facts_file, index, units)).unit(case["unit"])
    expected = case["expected"]
    assert result.total == Decimal(str(expected["total"])), (
        f"{case['unit']}: engine {result.total}, by hand {expected['total']}"
    )
    if "grade" in expected:
        assert result.grade == expected["grade"]
