"""Scheme validation: a broken file is rejected whole, with file, line and reason."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.helpers import ROOT
from zwgk.cli import main
from zwgk.rubric import SchemeError, load_scheme, load_scheme_text

MINI = (ROOT / "examples" / "mini.yaml").read_text(encoding="utf-8")


def problems(text: str) -> list:
    with pytest.raises(SchemeError) as exc:
        load_scheme_text(text, "broken.yaml")
    return exc.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_it_accepts_the_example():
    index = load_scheme(ROOT / "examples" / "mini.yaml")
    assert set(index.nodes) == {"S1", "S1.1", "S1.2", "S2", "S2.1", "S2.2"}


def test_it_names_the_line_of_a_wrong_subtotal():
    text = MINI.replace(
        "points: 10\n        children:\n          - id: S2.1",
        "points: 11\n        children:\n          - id: S2.1",
    )
    found = problems(text)
    assert any("小计不符" in p.message and p.where == "S2" for p in found)
    subtotal = next(p for p in found if "小计不符" in p.message)
    assert subtotal.line == line_of(text, "- id: S2")
    assert str(subtotal).startswith(f"broken.yaml:{subtotal.line} [S2]")


def test_it_rejects_unknown_class_duplicate_id_and_cap_above_points():
    text = (
        MINI.replace("classes: [A, B]", "classes: [A, C]")
        .replace("id: S2.2", "id: S2.1")
        .replace("cap: 6\n", "cap: 8\n")
    )
    messages = [p.message for p in problems(text)]
    assert any("未知的单位类别：C" in m for m in messages)
    assert any("指标编号重复：S2.1" in m for m in messages)
    assert any("扣分上限 8 超过指标分值 6" in m for m in messages)
    assert any("单位类别 B 没有对应的评分表" in m for m in messages)


def test_it_rejects_a_fault_with_no_amount():
    text = MINI.replace(
        "{id: late, text: 迟报, amount: 1, per: 次}", "{id: late, text: 迟报, per: 次}"
    )
    found = problems(text)
    assert len(found) == 1
    assert "缺少每次扣分 amount" in found[0].message
    assert found[0].where == "S2.1"
    assert found[0].line == line_of(text, "{id: late, text: 迟报, per: 次}")


def test_it_rejects_unknown_keys_and_bad_yaml_with_lines():
    text = MINI.replace(
        "            method: 被考核单位提供印证材料", "            methd: 被考核单位提供印证材料"
    )
    found = problems(text)
    assert "不认识的键 “methd”" in found[0].message
    assert found[0].line == line_of(text, "methd:")
    bad = problems("id: x\ntitle: [unclosed\n")
    assert "YAML 格式错误" in bad[0].message and bad[0].line is not None


def test_it_rejects_duplicate_keys():
    found = problems(MINI.replace("year: 2024", "year: 2024\nyear: 2025"))
    assert "重复的键 “year”" in found[0].message
    assert found[0].line == 4


def test_it_rejects_contradictory_rules():
    text = MINI.replace(
        "rank: {metric: 月度通报排名, step: 0.5, floor: 1}",
        "rank: {metric: 月度通报排名, floor: 1}\n            range: [3, -3]",
    )
    messages = [p.message for p in problems(text)]
    assert any("只能用一种计分方式" in m for m in messages)
    assert any("table（名次→分值）或 step" in m for m in messages)
    assert any("range 下限 3 应小于上限 -3" in m for m in messages)


def test_it_rejects_bad_vetoes_and_grades():
    text = MINI.replace(
        "{id: fake, name: 弄虚作假, effect: fail}",
        "{id: fake, name: 弄虚作假, effect: zero, target: S9}\n  - {id: big, name: 重大, effect: deduct}",
    )
    text = text.replace("{name: 良好, min: 80}", "{name: 良好, min: 95}")
    messages = [p.message for p in problems(text)]
    assert any("target 指向不存在的指标：S9" in m for m in messages)
    assert any("须写每次扣分 amount" in m for m in messages)
    assert any("等次应按下限从高到低排列" in m for m in messages)


def test_it_reads_points_as_exact_decimals():
    index = load_scheme_text(MINI.replace("step: 0.5", "step: 0.1"), "x.yaml")
    assert str(index.nodes["S2.2"].rank.step) == "0.1"


def test_cli_check_reports_file_line_and_reason(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        MINI.replace("amount: 2, per: 次, cap: 4", "per: 次, cap: 4"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["scheme", "check", str(ROOT / "examples" / "mini.yaml"), str(broken)]
    )
    assert result.exit_code == 1
    assert "✓" in result.output
    assert (
        f"{broken}:{line_of(broken.read_text(encoding='utf-8'), 'id: missed')} [S2.1]"
        in result.output
    )
