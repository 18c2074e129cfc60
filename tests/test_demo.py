"""`make run` runs `zwgk demo`: the seed 000 scheme scored on its 45 units with demo facts."""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from zwgk.cli import main


def test_the_demo_scores_all_45_units_and_writes_its_files(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "A 类" in result.output and "B 类" in result.output
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(data["units"]) == 45
    assert {u["class"] for u in data["units"]} == {"A", "B"}
    assert sum(1 for u in data["units"] if u["total"] < u["full"]) > 30  # the demo facts bite
    assert "评分明细" in load_workbook(out / "results.xlsx").sheetnames
    # the explanation printed is of the lowest-scoring unit, with the facts behind it
    worst = min(data["units"], key=lambda u: (u["total"], u["unit"]))
    assert f"{worst['unit']}（" in result.output
    assert "facts.yaml:" in result.output


def test_the_demo_is_repeatable(tmp_path):
    first = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "a")])
    second = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "b")])
    assert (tmp_path / "a" / "results.json").read_text() == (
        tmp_path / "b" / "results.json"
    ).read_text()
    assert first.exit_code == second.exit_code == 0
