"""``report check`` command line (the click group in zwgk.annual.cli, invoked directly)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from click.testing import CliRunner

from zwgk.annual.cli import report
from zwgk.annual.similarity import compare, fingerprint, similar_pairs

DATA = Path(__file__).parent / "data" / "annual"
TRIAL = str(DATA / "xx_jiaoyuju_2020_trial_format.html")


def _run(*args: str):
    return CliRunner().invoke(report, ["check", *args])


def test_it_prints_a_chinese_summary_and_exits_0_for_a_clean_report():
    result = _run(TRIAL)
    assert result.exit_code == 0, result.output
    assert "== XX区教育局2020年政府信息公开工作年度报告" in result.output
    assert (
        "格式：2019年试行格式；部分 6/6；表二 8 行；表三 23 行；表四 15 个数据；发布日期 2021-01-20"
        in result.output
    )
    assert "未发现问题。" in result.output


def test_it_exits_1_and_lists_findings_per_report(tmp_path):
    bad = tmp_path / "bad.html"
    text = Path(TRIAL).read_text(encoding="utf-8")
    bad.write_text(
        text.replace("<p><strong>五、存在的主要问题及改进情况</strong></p>", ""), encoding="utf-8"
    )
    result = _run(TRIAL, str(bad), str(DATA / "empty.txt"))
    assert result.exit_code == 1
    assert result.output.count("== ") == 3
    assert (
        "[扣分] 第五部分（存在的主要问题及改进情况）：报告缺少第五部分“存在的主要问题及改进情况”"
        in result.output
    )
    assert "报告无法检查：文件内容为空" in result.output


def test_it_prints_json_findings_in_the_shared_shape(tmp_path):
    result = _run(str(DATA / "xx_jiaoyuju_2020_extra_column.html"), "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)
    assert [f["check"] for f in findings] == ["annual-report-table3-columns"]
    assert findings[0]["severity"] == "deduction" and findings[0]["location"] == "表三"
    assert findings[0]["unit"] == "XX区教育局" and findings[0]["published"] == "2021-01-20"
    assert findings[0]["key"].startswith("annual-report-table3-columns|")


def test_it_exits_0_when_there_are_only_warnings(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text(
        Path(TRIAL)
        .read_text(encoding="utf-8")
        .replace(
            '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td>0</td>',
            '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td></td>',
        ),
        encoding="utf-8",
    )
    result = _run(str(path), "--format", "json")
    assert [f["severity"] for f in json.loads(result.output)] == ["warning"]
    assert result.exit_code == 0


def test_it_exits_2_and_names_an_unreadable_file():
    result = _run(TRIAL, str(DATA / "corrupt.docx"), str(DATA / "nothing-here.pdf"))
    assert result.exit_code == 2
    assert (
        "错误：无法读取" in result.output and "corrupt.docx：不是有效的 .docx 文件" in result.output
    )
    assert "nothing-here.pdf：文件不存在" in result.output
    assert "XX区教育局2020年" in result.output  # the readable report is still checked


def test_it_compares_with_last_years_report_given_with_previous(tmp_path):
    text = Path(TRIAL).read_text(encoding="utf-8")
    this_year = tmp_path / "2021.html"
    this_year.write_text(text.replace("2020年政府信息公开", "2021年政府信息公开"), encoding="utf-8")
    result = _run(str(this_year), "--previous", TRIAL, "--format", "json")
    checks = [f["check"] for f in json.loads(result.output)]
    assert "annual-report-similar-previous" in checks
    assert "annual-report-carryover" in checks  # 上年结转 2 against last year's 结转下年度 2+1
    assert result.exit_code == 1


# --- similarity -------------------------------------------------------------------------------


def _prose(rng: random.Random, n: int) -> str:
    chars = [chr(0x4E00 + rng.randrange(3000)) for _ in range(n)]
    return "".join(c + ("，" if i % 17 == 16 else "") for i, c in enumerate(chars))


def test_it_ignores_numbers_and_the_mandated_headings_when_measuring_similarity():
    rng = random.Random(1)
    a, b = _prose(rng, 600), _prose(rng, 600)
    headings = "一、总体情况\n二、主动公开政府信息情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    assert compare(fingerprint(headings * 3 + a), fingerprint(headings * 3 + b)).ratio == 0
    renumbered = compare(
        fingerprint(a[:300] + "共123件" + a[300:]), fingerprint(a[:300] + "共9件" + a[300:])
    )
    assert renumbered.ratio == 1.0 and len(renumbered.passages) == 1


def test_it_finds_a_copied_passage_among_45_reports_of_15000_characters():
    rng = random.Random(7)
    texts = [_prose(rng, 15000) for _ in range(45)]
    shared = texts[3][2000:9000]
    texts[40] = texts[40][:5000] + shared + texts[40][12000:]
    pairs = similar_pairs([fingerprint(t) for t in texts], threshold=0.3)
    assert [(i, j) for i, j, _ in pairs] == [(3, 40), (40, 3)]
    sim = dict(((i, j), s) for i, j, s in pairs)[(40, 3)]
    assert 0.4 < sim.ratio < 0.5
    assert sim.passages[0].text.replace("，", "")[:100] in shared.replace("，", "")


def test_it_pairs_previous_reports_with_this_years_by_unit(tmp_path):
    text = Path(TRIAL).read_text(encoding="utf-8")
    paths = {}
    for unit in ("教育局", "民政局"):
        for year in (2020, 2021):
            path = tmp_path / f"{unit}{year}.html"
            body = text.replace("教育局", unit).replace(
                "2020年政府信息公开", f"{year}年政府信息公开"
            )
            if unit == "民政局":  # a unit of its own prose, so only last year's copy is similar
                body = body.replace(
                    "学区划分、民办学校审批和教师职称评审", "低保审批、养老服务补贴和婚姻登记"
                )
            path.write_text(body, encoding="utf-8")
            paths[unit, year] = str(path)
    args = [paths["教育局", 2021], paths["民政局", 2021], "--previous", paths["民政局", 2020]]
    findings = json.loads(
        _run(*args, "--previous", paths["教育局", 2020], "--format", "json").output
    )
    previous = [
        (f["unit"], f["data"]["other"])
        for f in findings
        if f["check"] == "annual-report-similar-previous"
    ]
    assert previous == [
        ("XX区教育局", paths["教育局", 2020]),
        ("XX区民政局", paths["民政局", 2020]),
    ]


def test_it_does_not_check_carry_over_against_a_report_of_the_wrong_year(tmp_path):
    result = _run(TRIAL, "--previous", TRIAL, "--format", "json")
    checks = [f["check"] for f in json.loads(result.output)]
    assert "annual-report-previous-year" in checks and "annual-report-carryover" not in checks
