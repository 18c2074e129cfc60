"""The zwgk command line, from files to outputs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.helpers import ROOT
from zwgk.cli import main
from zwgk.rubric import yamlsrc

MINI = str(ROOT / "examples" / "mini.yaml")
UNITS = str(ROOT / "examples" / "mini-units.yaml")
FACTS = str(ROOT / "examples" / "mini-facts.yaml")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_it_shows_the_tree():
    result = invoke("scheme", "show", MINI)
    assert result.exit_code == 0
    assert "S1.2  机构职能  6分" in result.output
    assert "等次：优秀 ≥90" in result.output


def test_it_scores_as_json_with_exact_numbers():
    result = invoke(
        "score", "--scheme", MINI, "--units", UNITS, "--facts", FACTS, "--format", "json"
    )
    data = json.loads(result.output)
    assert data["format"] == "zwgk.results/1"
    jia = next(u for u in data["units"] if u["unit"] == "甲镇")
    assert jia["total"] == 16 and jia["bonus"] == 4 and jia["rank"] == 1
    node = next(n for n in jia["nodes"] if n["id"] == "S2.1")
    assert [ln["kind"] for ln in node["lines"]] == ["deduct", "cap", "bonus", "bonus_cap"]
    assert node["lines"][0]["ref"] == "mini-facts.yaml:3"


def test_it_gives_full_points_with_no_facts():
    result = invoke("score", "--scheme", MINI, "--units", UNITS, "--format", "csv")
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("类别,名次,单位,总分,等次")
    assert all(",20," in line for line in lines[1:])


def test_it_writes_xlsx(tmp_path):
    out = tmp_path / "r.xlsx"
    result = invoke(
        "score",
        "--scheme",
        MINI,
        "--units",
        UNITS,
        "--facts",
        FACTS,
        "--format",
        "xlsx",
        "--out",
        str(out),
    )
    assert result.exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["A类排名（乡镇街道）", "B类排名（区直部门）", "评分明细"]
    rows = list(wb["A类排名（乡镇街道）"].iter_rows(values_only=True))
    assert rows[0][:5] == ("类别", "名次", "单位", "总分", "等次")
    assert {r[2] for r in rows[1:]} == {"甲镇", "乙镇"}


def test_it_explains_a_unit_in_chinese():
    result = invoke(
        "explain", "--scheme", MINI, "--units", UNITS, "--facts", FACTS, "--unit", "乙镇"
    )
    assert result.exit_code == 0
    assert "总分 16 分" in result.output
    assert "未研究部署：本指标不得分" in result.output
    assert "另有 1 条待确认" in result.output


def test_it_rejects_an_unknown_unit_and_bad_facts(tmp_path):
    result = CliRunner().invoke(
        main, ["explain", "--scheme", MINI, "--units", UNITS, "--unit", "丁镇"]
    )
    assert result.exit_code == 1 and "没有 “丁镇”" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("类型,单位,指标,情形\n扣分,甲镇,S9,\n扣分,丁镇,S1.1,\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["score", "--scheme", MINI, "--units", UNITS, "--facts", str(bad)]
    )
    assert result.exit_code == 1
    assert f"{bad}:2 [findings]（C列“指标”）: 方案中没有指标 “S9”" in result.output
    assert f"{bad}:3 [findings]（B列“单位”）: 单位名单中没有 “丁镇”" in result.output


def test_it_reads_units_and_facts_from_csv_including_gbk(tmp_path):
    units = tmp_path / "units.csv"
    units.write_text(
        "单位名称,类别,标签\n甲镇,A,\n区教育局,B,具有行政处罚职权的部门\n", encoding="gbk"
    )
    facts = tmp_path / "facts.csv"
    facts.write_text(
        "类型,单位,指标,情形,次数,数值,缺项,日期,来源,状态,说明\n"
        "扣分,甲镇,S1.2,missing,,,机构设置、办公地址,2024/5/6,网上检查,已确认,\n"
        "扣分,甲镇,S2.1,late,２,,,2024年6月1日,日常记录,,\n"
        "排名数据,甲镇,S2.2,,,88,,,,,\n"
        "否决,区教育局,,fake,,,,,,待确认,\n",
        encoding="utf-8-sig",
    )
    result = invoke(
        "score", "--scheme", MINI, "--units", str(units), "--facts", str(facts), "--format", "json"
    )
    data = json.loads(result.output)
    jia = next(u for u in data["units"] if u["unit"] == "甲镇")
    assert jia["total"] == 14  # 20 - 4 (two elements × 2) - 2 (two late × 1)
    edu = next(u for u in data["units"] if u["unit"] == "区教育局")
    assert edu["grade_forced_by"] is None  # a pending veto does not count


@pytest.mark.parametrize("content", ["", "units: 3", "units:\n  - {name: 甲镇}\n"])
def test_it_rejects_broken_unit_files(tmp_path, content):
    units = tmp_path / "u.yaml"
    units.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "--scheme", MINI, "--units", str(units)])
    assert result.exit_code == 1
    assert "错误：" in result.output


def test_it_refuses_a_huge_file_before_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlsrc.check_size, "__defaults__", (3000,))
    big = tmp_path / "facts.csv"
    big.write_bytes(b"x" * 5000)
    result = CliRunner().invoke(
        main, ["score", "--scheme", MINI, "--units", UNITS, "--facts", str(big)]
    )
    assert result.exit_code == 1
    assert f"{big}: 文件过大" in result.output
    result = CliRunner().invoke(main, ["scheme", "check", str(big)])
    assert "文件过大" in result.output


def test_it_drafts_a_rule_as_exactly_one_json_object():
    result = CliRunner().invoke(
        main, ["scheme", "draft-rule", "--json", "迟报一次扣1分，漏报一次扣2分，扣分上限为6分"]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "deductions": [1, 2],
        "deduction_cap": 6,
        "zeroes_item": False,
        "bonuses": [],
        "bonus_cap": None,
        "range": None,
        "per_occurrence": True,
        "needs_review": False,
    }


def test_it_drafts_half_points_and_full_width_text_as_json_numbers():
    result = invoke(
        "scheme",
        "draft-rule",
        "--json",
        "发现一处扣０．５分，最多扣两分。一件加0.5分，加分上限为3分",
    )
    data = json.loads(result.output)
    assert data["deductions"] == [0.5] and data["deduction_cap"] == 2
    assert data["bonuses"] == [0.5] and data["bonus_cap"] == 3
    assert data["needs_review"] is False


def test_it_marks_a_vague_rule_for_review_in_words():
    result = invoke("scheme", "draft-rule", "视情况酌情扣分")
    assert result.exit_code == 0
    assert "需人工复核" in result.output and "酌情" in result.output


def test_it_imports_an_office_table_and_lists_what_needs_review(tmp_path):
    out = tmp_path / "yongji.yaml"
    source = str(ROOT / "tests" / "fixtures" / "seed_yongji2023.xlsx")
    result = CliRunner().invoke(main, ["scheme", "import", source, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "需人工复核" in result.stderr and "[B2.6.1]" in result.stderr
    shown = invoke("scheme", "check", str(out))
    assert shown.exit_code == 0 and "61 个末级指标" in shown.output


def test_it_exports_and_imports_back_the_same_scheme(tmp_path):
    source = str(ROOT / "schemes" / "zhongshan-2022.yaml")
    for suffix in (".xlsx", ".docx"):
        exported = tmp_path / f"zs{suffix}"
        assert invoke("scheme", "export", source, "--to", str(exported)).exit_code == 0
        back = tmp_path / f"zs{suffix}.yaml"
        assert invoke("scheme", "import", str(exported), "--out", str(back)).exit_code == 0
        before = invoke("scheme", "show", source).output
        assert invoke("scheme", "show", str(back)).output == before


def test_it_refuses_to_import_a_file_that_is_not_a_table(tmp_path):
    bogus = tmp_path / "notes.xlsx"
    bogus.write_bytes(b"this is not a zip file")
    result = CliRunner().invoke(main, ["scheme", "import", str(bogus)])
    assert result.exit_code == 1
    assert "notes.xlsx" in result.stderr and "Traceback" not in result.output


def test_it_refuses_to_export_to_an_unknown_format(tmp_path):
    result = CliRunner().invoke(main, ["scheme", "export", MINI, "--to", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and ".xlsx" in result.stderr


@pytest.mark.parametrize("group", ["report", "inspect", "demo-site", "workdays"])
def test_it_registers_every_command_group(group):
    result = invoke(group, "--help")
    assert result.exit_code == 0 and "Usage" in result.output


def test_scheme_show_lists_the_assumptions_for_the_office_to_confirm():
    shown = invoke("scheme", "show", str(ROOT / "schemes" / "xx-2023.yaml"))
    assert shown.exit_code == 0
    assert "编写假设（" in shown.output and "请考核办确认" in shown.output
    assert "[rank-points] A5.3.1 区政府办公室督查通报和检查情况考核运用" in shown.output
    assert "原文：" in shown.output and "采用：" in shown.output and "理由：" in shown.output


def test_a_unit_name_longer_than_100_characters_is_refused(tmp_path):
    units = tmp_path / "units.csv"
    units.write_text("单位名称,类别\n" + "长" * 500 + ",A\n甲镇,A\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", "--scheme", MINI, "--units", str(units)])
    assert result.exit_code == 1
    assert "过长：单位名称（500 字，最多 100 字）" in result.output
