"""Annual report checker: parsers (text from PDF, HTML, .docx) and checks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml

from zwgk.annual import Cell, CellKind, check_report, check_reports, load_report, read_text
from zwgk.annual.claims import find_claims
from zwgk.annual.model import FORMAT_2019, FORMAT_2021, TABLE3_COLUMNS, TABLE3_ROWS
from zwgk.annual.readers import read_docx, read_html

DATA = Path(__file__).parent / "data" / "annual"
HUAIAN = DATA / "real"
TRIAL = DATA / "xx_jiaoyuju_2020_trial_format.html"
ARITHMETIC = {
    "annual-report-table3-total-column",
    "annual-report-table3-sum",
    "annual-report-table3-balance",
    "annual-report-table4-sum",
}


@pytest.fixture(scope="module")
def huaian_text() -> str:
    return (HUAIAN / "huaian_shizhengfu_2024_annual_report.txt").read_text(encoding="utf-8")


def _csv(name: str) -> list[list[str]]:
    with (HUAIAN / name).open(encoding="utf-8") as fh:
        return list(csv.reader(fh))[1:]


def _checks(findings) -> list[str]:
    return [f.check for f in findings]


def _one(findings, check: str):
    hits = [f for f in findings if f.check == check]
    assert len(hits) == 1, [(f.check, f.location) for f in findings]
    return hits[0]


# --- the real 淮安 2024 report --------------------------------------------------------------


def test_it_recovers_every_number_of_tables_three_and_four_of_the_huaian_report(huaian_text):
    report = read_text("huaian.txt", huaian_text)
    expected3 = _csv("huaian_shizhengfu_2024_table3.csv")
    keys = [spec.key for spec in TABLE3_ROWS[FORMAT_2021]]
    assert len(expected3) == len(keys) == 25
    recovered = 0
    for key, (label, *values) in zip(keys, expected3, strict=True):
        row = report.table3.rows[key]
        assert [c.raw for c in row.cells] == values, label
        assert all(c.kind is CellKind.NUMBER for c in row.cells)
        recovered += len(values)
    expected4 = [v for _group, *values in _csv("huaian_shizhengfu_2024_table4.csv") for v in values]
    assert [c.raw for c in report.table4.cells] == expected4
    recovered += len(expected4)
    assert recovered == 25 * 7 + 15
    assert report.format == FORMAT_2021
    assert (report.unit, report.year) == ("淮安市人民政府", 2024)
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert [r.label for r in report.table2] == [
        "规章",
        "行政规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
    ]
    assert report.table2[-1].cells[0].value == Decimal("96171.6")


def test_it_finds_nothing_wrong_in_the_consistent_huaian_report(huaian_text):
    findings = check_report(read_text("huaian.txt", huaian_text))
    assert not ARITHMETIC & set(_checks(findings))
    assert findings == []


# --- hand-made defective copies ------------------------------------------------------------


def test_it_catches_a_changed_cell_and_names_it(huaian_text):
    bad = huaian_text.replace("（一）予以公开 1288 21", "（一）予以公开 1298 21")
    findings = check_report(read_text("bad.txt", bad))
    row = _one(findings, "annual-report-table3-total-column")
    assert row.location == "表三 “（一）予以公开”行 “总计”列"
    assert "自然人 1298" in row.evidence and "= 1372" in row.evidence and "1362" in row.evidence
    col = _one(findings, "annual-report-table3-sum")
    assert col.location == "表三 “（七）总计”行 “自然人”列"
    assert "（一）予以公开 1298" in col.evidence and "= 2942" in col.evidence
    assert (col.wrong, col.suggested) == ("2932", "2942")


def test_it_catches_an_unbalanced_column_and_the_sentence_it_contradicts(huaian_text):
    bad = huaian_text.replace(
        "四、结转下年度继续办理 103 0 0 0 0 0 103", "四、结转下年度继续办理 113 0 0 0 0 0 113"
    )
    findings = check_report(read_text("bad.txt", bad))
    balance = [f for f in findings if f.check == "annual-report-table3-balance"]
    assert [f.location for f in balance] == ["表三 “自然人”列", "表三 “总计”列"]
    assert "= 3035" in balance[0].evidence and "= 3045" in balance[0].evidence
    text = _one(findings, "annual-report-text-table")
    assert text.wrong == "103件顺延到下年度" and text.suggested == "113"
    assert text.location.startswith("第一部分（总体情况）")


def test_it_catches_a_removed_section(huaian_text):
    start = huaian_text.index("五、存在的主要问题及改进情况")
    end = huaian_text.index("六、其他需要报告的事项")
    findings = check_report(read_text("bad.txt", huaian_text[:start] + huaian_text[end:]))
    assert _checks(findings) == ["annual-report-section-missing"]
    assert findings[0].location == "第五部分（存在的主要问题及改进情况）"
    assert "存在的主要问题及改进情况" in findings[0].message


def test_it_catches_a_sentence_that_contradicts_the_tables(huaian_text):
    bad = huaian_text.replace(
        "均在法定期限内予以答复。", "其中无法提供 265 件，均在法定期限内予以答复。"
    )
    finding = _one(check_report(read_text("bad.txt", bad)), "annual-report-text-table")
    assert finding.wrong == "无法提供265件"
    assert finding.suggested == "781"  # 769 + 11 + 1
    assert finding.location.startswith(
        "第一部分（总体情况）：“2024年，全市共受理政府信息公开申请3119件"
    )
    assert "无法提供265件" in finding.evidence and "781" in finding.evidence


def test_it_catches_text_about_table_four_that_contradicts_it(huaian_text):
    bad = huaian_text.replace("结果纠正 64 件", "结果纠正 46 件").replace(
        "六、其他需要报告的事项\n", "六、其他需要报告的事项\n本年度未发生政府信息公开行政诉讼。\n"
    )
    findings = [
        f for f in check_report(read_text("bad.txt", bad)) if f.check == "annual-report-text-table"
    ]
    assert [(f.wrong, f.suggested) for f in findings] == [
        ("结果纠正46件", "64"),
        ("未发生政府信息公开行政诉讼", "46"),
    ]
    assert findings[1].location.startswith("第六部分（其他需要报告的事项）")


def test_it_checks_each_total_of_table_four(huaian_text):
    bad = huaian_text.replace("72 64 178 37 351 13 4 8 1 26", "72 64 178 37 351 13 4 8 1 27")
    finding = _one(check_report(read_text("bad.txt", bad)), "annual-report-table4-sum")
    assert finding.location == "表四 “行政诉讼（未经复议直接起诉）” “总计”"
    assert finding.evidence == "结果维持 13 + 结果纠正 4 + 其他结果 8 + 尚未审结 1 = 26，总计为 27"


def _next_year_copy(text: str) -> str:
    """Last year's prose with every number in it changed and the year moved on."""
    prose_end = text.index("二、主动公开政府信息情况")
    prose = re.sub(r"\d+", lambda m: str(int(m.group(0)) + 7), text[:prose_end])
    return prose.replace("2031", "2025") + text[prose_end:]


def test_it_catches_a_report_copied_from_last_year_with_new_numbers(huaian_text):
    this_year = read_text("2025.txt", _next_year_copy(huaian_text))
    last_year = read_text("2024.txt", huaian_text)
    assert this_year.year == 2025
    findings = check_report(this_year, previous=last_year)
    copied = _one(findings, "annual-report-similar-previous")
    assert copied.data["ratio"] > 0.9
    assert copied.data["other"] == "2024.txt"
    assert (
        "我市坚持以习近平新时代中国特色社会主义思想为指导"
        in copied.data["passages"][0]["text"] + copied.evidence
    )
    assert "相同段落" in copied.evidence and "上一年度报告" in copied.message
    # last year's 结转下年度 is 103, this year's 上年结转 still says 34
    carry = [f for f in findings if f.check == "annual-report-carryover"]
    assert [f.location for f in carry] == [
        "表三 “二、上年结转”行 “自然人”列",
        "表三 “二、上年结转”行 “总计”列",
    ]
    assert "本年报告上年结转 34" in carry[0].evidence and "结转下年度 103" in carry[0].evidence


def test_it_accepts_a_carry_over_that_matches_last_year(huaian_text):
    this_year = read_text(
        "2025.txt",
        huaian_text.replace(
            "二、上年结转政府信息公开申请数量 34 0 0 0 0 0 34",
            "二、上年结转政府信息公开申请数量 103 0 0 0 0 0 103",
        ),
    )
    findings = check_report(this_year, previous=read_text("2024.txt", huaian_text))
    assert "annual-report-carryover" not in _checks(findings)
    assert "annual-report-table3-balance" in _checks(
        findings
    )  # the table itself no longer balances


def test_it_does_not_call_two_different_reports_similar(huaian_text):
    reports = [read_text("huaian.txt", huaian_text), load_report(TRIAL)]
    findings = check_reports(reports)
    assert all(fs == [] for fs in findings.values())


def test_it_flags_another_units_report_copied_with_the_shared_passages(tmp_path):
    copy = tmp_path / "weijianwei.html"
    copy.write_text(TRIAL.read_text(encoding="utf-8").replace("教育局", "卫健委"), encoding="utf-8")
    reports = [load_report(TRIAL), load_report(copy)]
    findings = check_reports(reports)
    mine = _one(findings[str(TRIAL)], "annual-report-similar-other")
    assert "XX区卫健委2020年政府信息公开工作年度报告" in mine.message
    assert mine.data["passages"] and "学区划分" in "".join(p["text"] for p in mine.data["passages"])
    assert _one(findings[str(copy)], "annual-report-similar-other").data["other"] == str(TRIAL)


# --- the 2019 trial format, as HTML ---------------------------------------------------------


def test_it_parses_and_checks_a_2019_trial_format_html_report():
    report = load_report(TRIAL)
    assert (report.kind, report.format, report.unit, report.year) == (
        "html",
        FORMAT_2019,
        "XX区教育局",
        2020,
    )
    assert str(report.published) == "2021-01-20"
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert set(report.table3.rows) == {spec.key for spec in TABLE3_ROWS[FORMAT_2019]}
    assert [c.raw for c in report.table3.rows["r4_1"].cells] == ["4", "1", "0", "1", "0", "0", "6"]
    assert [c.raw for c in report.table3.rows["r6"].cells] == ["1", "0", "0", "0", "0", "0", "1"]
    assert [c.raw for c in report.table4.cells][:5] == ["1", "0", "0", "0", "1"]
    items = {(r.item, r.label): [c.raw for c in r.cells] for r in report.table2}
    assert items[("第二十条第（五）项", "行政许可")] == ["12", "-1", "356"]
    assert items[("第二十条第（九）项", "政府集中采购")] == [
        "6",
        "128.5",
    ]  # a colspan value counts once
    assert report.table2[2].headers == ("上一年项目数量", "本年增/减", "处理决定数量")
    assert check_report(report) == []


def test_it_checks_the_2019_report_and_names_a_wrong_cell():
    html = TRIAL.read_text(encoding="utf-8")
    html = html.replace(
        "<td>（六）其他处理</td><td>1</td>", "<td>（六）其他处理</td><td>2</td>"
    ).replace(
        '<td colspan="2">（六）其他处理</td><td>1</td>',
        '<td colspan="2">（六）其他处理</td><td>2</td>',
    )
    findings = check_report(read_html("bad.html", html))
    assert [f.location for f in findings] == [
        "表三 “（六）其他处理”行 “总计”列",
        "表三 “（七）总计”行 “自然人”列",
    ]


def test_it_warns_when_a_2019_format_table_is_used_for_a_later_year():
    html = TRIAL.read_text(encoding="utf-8").replace("2020年政府信息公开", "2022年政府信息公开")
    finding = _one(check_report(read_html("late-format.html", html)), "annual-report-format")
    assert finding.severity.value == "warning" and "2021年格式" in finding.message


def test_it_flags_a_report_published_after_the_deadline():
    html = TRIAL.read_text(encoding="utf-8").replace(
        'content="2021-01-20 09:30"', 'content="2021-02-20"'
    )
    finding = _one(check_report(read_html("late.html", html)), "annual-report-late")
    assert "2021-01-31" in finding.message and "晚了 20 天" in finding.message
    assert str(finding.published) == "2021-02-20"


# --- blank, 0 and "/" ---------------------------------------------------------------------


def test_it_keeps_blank_zero_and_slash_distinct():
    assert [Cell.parse(v).kind for v in ("", "0", "/")] == [
        CellKind.BLANK,
        CellKind.NUMBER,
        CellKind.NA,
    ]
    assert (
        Cell.parse("0").value == 0
        and Cell.parse("").value is None
        and Cell.parse("/").value is None
    )
    assert Cell.parse("1,234").value == 1234 and not Cell.parse("1.5").is_count
    html = TRIAL.read_text(encoding="utf-8").replace(
        '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td>',
        '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td></td><td>/</td>',
    )
    report = read_html("blank.html", html)
    cells = report.table3.rows["carried_in"].cells
    assert [c.kind for c in cells[:3]] == [CellKind.NUMBER, CellKind.BLANK, CellKind.NA]
    finding = _one(check_report(report), "annual-report-table3-blank")
    assert finding.severity.value == "warning"
    assert finding.location == "表三 “二、上年结转”行 “商业企业”列"


# --- malformed input ----------------------------------------------------------------------


def test_it_reports_an_empty_file_as_a_finding():
    report = load_report(DATA / "empty.txt")
    finding = _one(check_report(report), "annual-report-empty")
    assert "内容为空" in finding.message and finding.url.endswith("empty.txt")


def test_it_reports_missing_tables_in_a_pdf_text_without_tables():
    findings = check_report(load_report(DATA / "no_tables.txt"))
    assert [(f.check, f.location) for f in findings] == [
        ("annual-report-table-missing", "表二（第二部分（主动公开政府信息情况））"),
        ("annual-report-table-missing", "表三（第三部分（收到和处理政府信息公开申请情况））"),
        ("annual-report-table-missing", "表四（第四部分（政府信息公开行政复议、行政诉讼情况））"),
    ]
    assert "见附件图片" in findings[1].evidence


def test_it_reports_a_table_with_an_extra_column_once_and_checks_nothing_it_cannot_read():
    findings = check_report(load_report(DATA / "xx_jiaoyuju_2020_extra_column.html"))
    assert _checks(findings) == ["annual-report-table3-columns"]
    assert findings[0].location == "表三"
    assert "8 个数据" in findings[0].message and "7 列" in findings[0].message


def test_it_reports_one_row_with_a_missing_number(huaian_text):
    bad = huaian_text.replace("2.重复申请 25 0 0 0 0 0 25", "2.重复申请 25 0 0 0 0 25")
    findings = check_report(read_text("bad.txt", bad))
    finding = _one(findings, "annual-report-table3-columns")
    assert (
        finding.location == "表三 “（五）不予处理 2.重复申请”行" and "6 个数据" in finding.message
    )
    assert not ARITHMETIC & set(_checks(findings))  # the unreadable row is not summed as zeros


def test_it_refuses_a_corrupt_docx_with_a_clear_error():
    from zwgk.annual import ReadError

    with pytest.raises(ReadError, match=r"corrupt\.docx.*不是有效的 \.docx"):
        load_report(DATA / "corrupt.docx")


# --- .docx --------------------------------------------------------------------------------


def _docx_from(report) -> bytes:
    """A Word copy of a parsed report: headings and prose, tables 三 and 四 with merged cells."""
    document = docx.Document()
    document.add_paragraph(report.title)
    for number, section in report.sections.items():
        document.add_paragraph(section.heading)
        for line in section.text.splitlines():
            document.add_paragraph(line)
        if number == 2:
            t = document.add_table(rows=0, cols=4)
            item = ""
            for row in report.table2:
                if row.item != item:
                    item = row.item
                    t.add_row().cells[0].text = item
                    head = t.add_row().cells
                    for i, h in enumerate(("信息内容", *row.headers)):
                        head[i].text = h
                cells = t.add_row().cells
                cells[0].text = row.label
                for i, cell in enumerate(row.cells):
                    cells[1 + i].text = cell.raw
        if number == 3:
            rows = list(report.table3.rows.values())
            t = document.add_table(rows=2 + len(rows), cols=10)
            t.cell(0, 0).merge(t.cell(1, 2)).text = "申请人情况"
            for c, name in enumerate(TABLE3_COLUMNS):
                t.cell(1, 3 + c).text = name
            for r, row in enumerate(rows, 2):
                t.cell(r, 0).text = row.printed
                t.cell(r, 0).merge(t.cell(r, 2))
                for c, cell in enumerate(row.cells):
                    t.cell(r, 3 + c).text = cell.raw
        if number == 4:
            t = document.add_table(rows=3, cols=15)
            t.cell(0, 0).merge(t.cell(0, 4)).text = "行政复议"
            t.cell(0, 5).merge(t.cell(0, 14)).text = "行政诉讼"
            for c in range(15):
                t.cell(1, c).text = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"][c % 5]
                t.cell(2, c).text = report.table4.cells[c].raw
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_it_reads_a_docx_report_with_merged_cells_into_the_same_tables(huaian_text, tmp_path):
    text = read_text("huaian.txt", huaian_text)
    path = tmp_path / "huaian.docx"
    path.write_bytes(_docx_from(text))
    report = load_report(path)
    assert report.kind == "docx"
    assert {k: [c.raw for c in r.cells] for k, r in report.table3.rows.items()} == {
        k: [c.raw for c in r.cells] for k, r in text.table3.rows.items()
    }
    assert report.table4.cells == text.table4.cells
    assert report.format == FORMAT_2021 and report.unit == "淮安市人民政府"
    assert check_report(report) == []
    assert read_docx("again.docx", path.read_bytes()).table3.rows.keys() == text.table3.rows.keys()


def test_it_does_not_mistake_a_reason_or_a_count_with_carry_over_for_a_contradiction(huaian_text):
    ok = huaian_text.replace(
        "均在法定期限内予以答复。",
        "均在法定期限内予以答复。其中因涉及国家秘密不予公开 2 件，本机关不掌握相关信息无法提供 769 件；"
        "连同上年结转，共受理申请 3153 件。",
    )
    assert check_report(read_text("ok.txt", ok)) == []


def test_it_never_crashes_on_truncated_or_scrambled_reports(huaian_text):
    trial = TRIAL.read_text(encoding="utf-8")
    for cut in range(0, len(huaian_text), 97):
        findings = check_report(read_text("cut.txt", huaian_text[:cut]))
        assert findings or cut == 0 or huaian_text[:cut].strip() == "", cut
    for cut in range(0, len(trial), 331):
        report = read_html("cut.html", trial[:cut])
        assert isinstance(check_report(report), list)
    lines = huaian_text.splitlines()
    scrambled = "\n".join(lines[::-1])
    assert check_report(
        read_text("scrambled.txt", scrambled)
    )  # headings out of order: not a silent pass


def test_it_reads_a_gbk_encoded_page():
    html = TRIAL.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gbk"')
    path_bytes = html.encode("gb18030")
    report = read_html("gbk.html", path_bytes.decode("gb18030"))
    from zwgk.annual.readers import decode

    assert decode(path_bytes) == html
    assert report.unit == "XX区教育局"


def test_it_reports_a_pdf_with_no_text_as_a_scan_and_refuses_a_broken_pdf(tmp_path):
    from pypdf import PdfWriter

    from zwgk.annual import ReadError

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as fh:
        writer.write(fh)
    finding = _one(check_report(load_report(scan)), "annual-report-empty")
    assert "扫描件" in finding.message
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(ReadError, match="PDF"):
        load_report(broken)


# --- real writing (issue 13) ---------------------------------------------------------------


def test_it_reads_a_blank_total_column_as_the_sum_of_the_applicant_columns_and_warns_once():
    html = TRIAL.read_text(encoding="utf-8")
    # blank the 总计 cell of every result row, as 2019-format reports often leave it
    report = read_html("blank-total.html", html)
    rows = {k: [c.raw for c in v.cells] for k, v in report.table3.rows.items()}
    for key, cells in rows.items():
        if key.startswith("r") and key != "r7":
            old = "".join(f"<td>{c}</td>" for c in cells)
            new = "".join(f"<td>{c}</td>" for c in cells[:6]) + "<td></td>"
            html = html.replace(old, new, 1)
    blank = read_html("blank-total.html", html)
    assert blank.table3.derived_totals()  # the blanks were made
    findings = check_report(blank)
    assert _checks(findings) == ["annual-report-table3-blank"]
    assert findings[0].severity.value == "warning"
    assert "已按六类申请人之和计算" in findings[0].message
    assert blank.table3.value("r4_1") == report.table3.value("r4_1")


def test_it_reports_a_misspelt_heading_as_a_typo_not_a_missing_part(huaian_text):
    bad = huaian_text.replace(
        "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况"
    )
    findings = check_report(read_text("typo.txt", bad))
    typo = _one(findings, "annual-report-heading-typo")
    assert typo.severity.value == "warning" and "行政法复议" in typo.message
    assert "annual-report-section-missing" not in _checks(findings)


def test_it_matches_the_longer_wording_of_a_heading():
    long = "五、政府信息公开工作存在的主要问题及改进情况"
    report = read_text(
        "long.txt", f"一、总体情况\n很好。\n{long}\n没有问题。\n六、其他需要报告的事项\n无。\n"
    )
    assert report.sections[5].heading == long and not report.sections[5].typo


@pytest.mark.parametrize(
    ("title", "unit", "year", "kind"),
    [
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019, "department"),
        ("2022年上海市政府信息公开工作年度报告", "上海市", 2022, "overall"),
        ("淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府", 2024, "overall"),
        ("保康县2020年度政府信息公开工作年度报告", "保康县", 2020, "overall"),
        ("2022年上海市人民政府参事室政府信息公开工作年度报告", "上海市人民政府参事室", 2022, "department"),
        ("湖口县大垅乡2020年政府信息公开工作年度报告", "湖口县大垅乡", 2020, "township"),
        ("城口县人民政府机关\n2020年政府信息公开工作年度报告", "城口县人民政府机关", 2020, None),
    ],
)  # fmt: skip
def test_it_reads_unit_year_and_kind_from_the_title(title, unit, year, kind):
    report = read_text("t.txt", f"{title}\n一、总体情况\n本年度工作正常。\n")
    assert (report.unit, report.year, report.report_kind) == (unit, year, kind)


def test_it_makes_lateness_a_deduction_only_when_the_kind_is_known(huaian_text):
    from zwgk.annual import Options

    def late(text: str, published: str, **options: object):
        report = read_text("late.txt", text)
        report.published = dt.date.fromisoformat(published)
        return [
            f
            for f in check_report(report, options=Options(**options))
            if f.check == "annual-report-late"
        ]

    overall = huaian_text  # 淮安市人民政府: an overall report, due 31 March
    assert late(overall, "2025-03-20") == []
    assert late(overall, "2025-04-02")[0].severity.value == "deduction"
    unknown = huaian_text.replace("淮安市人民政府\n2024", "淮安市人民政府机关\n2024", 1)
    assert late(unknown, "2025-02-20")[0].severity.value == "warning"
    assert late(unknown, "2025-04-02")[0].severity.value == "deduction"  # late whatever its kind
    assert late(unknown, "2025-02-20", kind="overall") == []
    assert late(overall, "2025-02-20", kind="department")[0].severity.value == "deduction"


def test_it_finds_claims_written_as_groups_with_reasons_and_carry_overs():

    text = (
        "市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件），均在法定期限内答复。"
        "其中，予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%），因本机关不掌握等原因无法提供"
        " 564 件（47.36%），属信访、重复申请等不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人主动撤回"
        " 157 件）。全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。另有 31 件申请顺延到下年度答复。"
        "其中，属于四类过程性信息1件，本办不掌握相关政府信息2件。"
    )
    got = [(c.key, c.value) for c in find_claims(text)]
    assert got == [
        ("new_or_total", 1295), ("r7", 1191), ("carried_in", 189), ("r1+r2", 208), ("r3", 20),
        ("r4", 564), ("r5", 80), ("r6", 319), ("review:结果纠正", 0), ("litigation:结果纠正", 0),
        ("carry_out", 31), ("r3_6", 1), ("r4_1", 2),
    ]  # fmt: skip


def test_it_compares_the_text_with_table_two(huaian_text):
    bad = huaian_text.replace(
        "六、其他需要报告的事项\n", "六、其他需要报告的事项\n现行有效行政规范性文件60件。\n"
    )
    finding = _one(check_report(read_text("t2.txt", bad)), "annual-report-text-table")
    assert finding.severity.value == "deduction" and finding.data["key"] == "t2_norm_valid"
    assert finding.suggested == "66"


def test_it_reads_tables_from_text_converted_to_markdown():
    report = load_report(DATA / "real" / "shuyang_xianzhengfu_2025.md")
    assert len(report.table3.rows) == 25 and report.table3.clean(report.format)
    assert [c.raw for c in report.table4.cells][:5] == ["27", "10", "9", "15", "61"]
    assert report.report_kind == "overall"
    weighty = [f for f in check_report(report) if f.severity.value in ("deduction", "veto")]
    assert weighty == []


def test_it_warns_once_instead_of_deducting_when_table_three_was_not_read_whole():
    findings = check_report(load_report(DATA / "real" / "shanghai_kewei_2024.md"))
    assert [f.check for f in findings if f.severity.value == "deduction"] == []
    assert _checks(findings).count("annual-report-table3-unread") == 1


# --- real writing, second batch (issue 13) -------------------------------------------------


def _claim_pairs(text: str) -> list[tuple[str, int]]:
    return [(c.key, c.value) for c in find_claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letters, messages and complaints of other channels are not applications
        ("开展调查征集2次,县长信箱收到信件,183条,答复183条,答复率达100%。", []),
        ("收到微博投诉12条,均已完全办结,未发生网络舆情事件。", []),
        # …but a letter that is an application is one
        ("2023年,我办共收到依申请公开信件19件,已办结18件。", [("new_or_total", 19), ("r7", 18)]),
        # no verb: 依申请公开0件 is none at all; a positive number could be received or answered
        ("我镇共发文96件,其中依申请公开0件。", [("new", 0)]),
        ("受理依申请公开政府信息0件,回复处理0件。", [("new_or_total", 0), ("r7", 0)]),
        ("本年度,未接到群众要求公开的信息。", [("new", 0)]),
        (
            "被行政复议1件,为其他结果;未经复议直接起诉1件,为其他结果。",
            [("review", 1), ("litigation", 1)],
        ),
    ],
)
def test_it_reads_the_second_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


def test_it_reads_the_unit_from_the_reports_own_quoted_title_and_the_year_from_the_period():
    text = (
        "根据《条例》的有关规定,我镇认真编制了《某某镇2020年政府信息公开工作年度报告》。所列数据的统计期限"
        "自2021年1月1日起至12月31日止。\n一、总体情况\n2021年度,我镇认真贯彻落实。\n"
    )
    report = read_text("quoted.txt", text)
    assert (report.unit, report.year, report.report_kind) == ("某某镇", 2021, "township")
    cited = read_text(
        "cited.txt", "根据《关于做好2024年度政府信息公开工作年度报告的通知》编制。\n一、总体情况\n"
    )
    assert cited.unit == ""


def test_it_reads_a_unit_with_a_bracketed_office_and_a_year_from_the_first_section():
    report = read_text(
        "suiyang.txt",
        "现将某某县人民政府(县人民政府办公室)2023年政府信息公开工作年度报告予以公布。\n一、总体情况\n",
    )
    assert (report.unit, report.year, report.report_kind) == ("某某县人民政府", 2023, "overall")
    report = read_text("bureau.txt", "一、总体情况\n2019年我局政府信息公开工作运行良好。\n")
    assert (report.year, report.report_kind) == (2019, "department")


# --- real writing, tuning after the third batch (issue 13 part 1) ----------------------------


def test_it_reads_looser_report_titles_and_a_township_named_as_the_subject():
    # 政府信息工作年度报告 / 政务公开年度报告 are the report's own title too
    report = read_text(
        "xiguan.txt",
        "现将某某区西关街道办事处2024年度政府信息工作年度报告予以公开。\n一、总体情况\n",
    )
    assert (report.unit, report.year, report.report_kind) == (
        "某某区西关街道办事处",
        2024,
        "township",
    )
    report = read_text(
        "dadongba.txt",
        "本年度报告根据《条例》要求,汇总2021年度某某镇人民政府的政务公开年度报告编制而成。\n一、概述\n",
    )
    assert (report.unit, report.year, report.report_kind) == ("某某镇人民政府", 2021, "township")
    # no title: the first sentence's subject is a 街道
    report = read_text(
        "changtong.txt",
        "工作年度报告\n2024年以来,某某街道通过官方网站、公示栏等渠道主动公开信息。\n",
    )
    assert report.report_kind == "township"
    report = read_text("area.txt", "一、总体情况\n2023年,全区各镇在区政府的统一部署下推进公开。\n")
    assert report.report_kind is None
    # …and a cited plan (政务公开工作要点) or 政务公开情况 in the prose is no title
    report = read_text(
        "plan.txt", "一、总体情况\n按照《2022年政务公开工作要点》,2022年政务公开情况良好。\n"
    )
    assert report.unit == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 信访 as a channel (网上信访办件) or in a body's name is not the 不予处理 row
        ("公开书记县长信箱或领导信箱(网上信访)办件22件、12345政务服务热线办件7341件。", []),
        # …the row itself is still read
        ("属于信访举报投诉类申请的2件,重复申请1件。", [("r5_1", 2), ("r5_2", 1)]),
        ("因属于信访、举报、投诉等不予处理3件。", [("r5", 3)]),
    ],
)
def test_it_tells_the_petition_row_from_petitions_as_a_channel(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


def test_the_planted_defects_are_labelled_and_their_files_exist():
    here = DATA / "real" / "mutated"
    entries = yaml.safe_load((here / "mutations.yaml").read_text(encoding="utf-8"))["mutations"]
    assert len(entries) >= 10
    kinds = {e["kind"] for e in entries}
    assert kinds == {"prose-number", "table-number", "blank-cell", "heading-typo"}
    for e in entries:
        assert (here / e["file"]).is_file() and (DATA / "real" / e["base"]).is_file()
        assert set(e["expected"]) == {"deduction", "warning"}


# --- after the third batch became tuning material (kind, unit, year) --------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a township speaking of itself (我镇/本乡/我街) …
        ("一、总体情况\n2022年,我镇持续强化组织领导。\n", "township"),
        ("一、总体情况\n本乡认真贯彻《条例》。\n", "township"),
        # … but not a county speaking of its towns
        ("一、总体情况\n2022年,我县共收到申请5件,各乡镇均已办结。\n", "overall"),
        ("一、总体情况\n我局指导我镇各村做好公开。\n", "department"),
        ("一、总体情况\n按照要求推进本乡村振兴重点领域信息公开。\n", None),
        # a department as the subject of a dated sentence, even when it guides the others
        ("一、总体情况\n2021年,某某市卫生健康委员会以习近平新时代…为指引。\n", "department"),
        ("一、总体情况\n2023年区政府办主动公开信息158条。\n", "department"),
        ("一、总体情况\n2024年,某某市人民政府办公室坚持…,指导全市各级行政机关规范办理。\n", "department"),
        # … the first one, before any 全县各级行政机关: an area's report may go on to a bureau's work
        ("一、总体情况\n2023年,全县各级行政机关认真贯彻《条例》。2023年,县市场监管局主动公开信息50条。\n",
         "overall"),
        # (an area as the first subject is its report, after the seventh batch: 2020年，武汉市坚持…)
        ("一、总体情况\n2023年,某某县坚持公开为常态。2023年,县市场监管局主动公开信息50条。\n", "overall"),
        # … or of the sentence after 按照…要求，
        ("一、总体情况\n按照区委、区政府有关要求,区政府政务服务办进一步完善公开制度。\n", "department"),
        ("一、总体情况\n按照上级要求,全区各部门进一步完善公开制度。\n", None),
        # … not an area, not all the departments of one
        ("一、总体情况\n2023年,全区各部门积极推进公开。\n", None),
        ("一、总体情况\n2022年,某某县坚持公开为常态。\n", "overall"),
    ],
)  # fmt: skip
def test_it_reads_the_kind_from_how_the_text_speaks_of_itself(text: str, kind) -> None:
    assert read_text("k.txt", text).report_kind == kind


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # 由X编制的…年度报告 names the author; a name with 由 inside it is kept whole
        ("本报告是根据《条例》要求,由某某市卫生健康委员会编制的2021年度政府信息公开年度报告。\n",
         "某某市卫生健康委员会"),
        ("某某自由贸易试验区管理委员会2023年政府信息公开工作年度报告\n", "某某自由贸易试验区管理委员会"),
        # 现公开X…年度报告
        ("根据《条例》规定,现公开区人民政府办公室2023年政府信息公开工作年度报告。\n", "区人民政府办公室"),
        # a page heading before the title
        ("政府信息公开年度报告\n\n某某市政务服务和大数据管理局2025年政府信息公开工作年度报告\n",
         "某某市政务服务和大数据管理局"),
        # a title split over lines: year, unit, year again
        ("2022年政府信息公开工作年度报告\n某某县某某镇人民政府\n2022年政府信息公开工作年度报告\n",
         "某某县某某镇人民政府"),
        ("2022年政府信息公开工作年度报告\n一、总体情况\n", ""),
        # the title's unit in full in the sentence that publishes the report …
        ("市人民政府办公室2025年政府信息公开工作年度报告\n现公开某某市人民政府办公室2025年政府信息公开"
         "工作年度报告。\n", "某某市人民政府办公室"),
        # … but another body named there does not replace it
        ("某某市人民政府办公室2025年政府信息公开工作年度报告\n现公开某某市人民政府2025年政府信息公开"
         "工作年度报告。\n", "某某市人民政府办公室"),
        # 结合X…工作实际，编制本报告 names the author; 结合工作实际 / 结合我镇工作实际 do not
        ("结合2025年某某市信访局政府信息公开工作实际,编制发布本报告。\n一、总体情况\n", "某某市信访局"),
        ("根据《条例》要求,结合工作实际,编制本报告。\n一、总体情况\n", ""),
        ("根据《条例》要求,结合我镇工作实际,编制本报告。\n一、总体情况\n", ""),
        # a title read as “一年来” is no name: the quoted title is
        ("现公布《某某县教育局2019年政府信息公开工作年度报告》。本报告内容涵盖县教育局2019年一年来的政府"
         "信息公开工作情况。\n一、总体情况\n", "某某县教育局"),
    ],
)  # fmt: skip
def test_it_reads_the_unit_from_the_sentences_that_name_the_report(text: str, unit: str) -> None:
    assert read_text("u.txt", text).unit == unit


def test_it_reads_the_year_from_a_dated_line_after_a_heading():
    text = "一、总体情况\n(二) 依申请公开\n2022年度我镇未收到任何形式的依申请公开政府信息。\n"
    assert read_text("y.txt", text).year == 2022
    # a year inside a sentence is not the report's
    assert read_text("y.txt", "一、总体情况\n按照上级2021年的部署开展工作。\n").year is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 现行有效 / 继续有效 documents, also as 现行有效件数 after the documents are named …
        ("确定继续有效的行政规范性文件33件。", [("t2_norm_valid", 33)]),
        ("制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件。",
         [("t2_norm_made", 2), ("t2_norm_valid", 14)]),
        # … but not a count of something else, nor the repealed ones
        ("现行有效件数14件。", []),
        ("宣布失效规范性文件5件,废止规范性文件6件。", []),
        # 新发布 / a bare 新制发 after the documents are named
        ("2023年度新发布的行政规范性文件4件。", [("t2_norm_made", 4)]),
        ("清理区本级规范性文件0件,保留4件,新制发1件。", [("t2_norm_made", 1)]),
        ("清理出问题0个,新制发1件。", []),
        # 无…行政复议、诉讼案件 and 未收到…引起的行政诉讼 say none of both / of one
        ("无涉及政府信息公开行政复议、诉讼案件。", [("review", 0), ("litigation", 0)]),
        ("收到因政府信息公开申请引起的行政复议1件,未收到因政府信息公开申请引起的行政诉讼。",
         [("litigation", 0), ("review", 1)]),
        # … and 未收到因…申请引起的 is not “no request”
        ("未收到因政府信息公开申请引起的行政复议和行政诉讼。", [("review", 0), ("litigation", 0)]),
        ("未收到政府信息公开申请。", [("new", 0)]),
        # (none corrected: the 结果纠正 columns, after the seventh batch)
        ("无行政复议纠错、诉讼败诉情况。", [("review:结果纠正", 0), ("litigation:结果纠正", 0)]),
        # 公开N件 right after the requests received is 予以公开; elsewhere it is nothing
        ("共收到依申请公开0件,公开0件,不予公开0件。", [("new_or_total", 0), ("r1", 0), ("r3", 0)]),
        ("全年发布信息32条,公开32条。", []),
        # 办理…申请N件: the answered (a guess), or the received when 办结M件 follows
        ("全年办理政府信息依申请公开13件,进行了规范答复。", [("r7", 13)]),
        ("办理政府信息公开申请61件,办结54件,结转下一年办理7件。",
         [("new_or_total", 61), ("r7", 54), ("carry_out", 7)]),
        ("委托县自然资源局办理自然资源类政府信息公开申请25件。", []),
        # a withdrawn review is 其他结果; 被撤销 is not read as one
        ("行政复议案件3件,维持1件,纠正1件,撤销复议申请1件。",
         [("review", 3), ("review:结果维持", 1), ("review:结果纠正", 1), ("review:其他结果", 1)]),
        # 其他N条 among the kinds of published information is not 其他处理
        ("全年主动公开政府信息124条,其中政府文件21条,其他23条。", []),
        ("收到申请5件,其中予以公开3件,其他2件。", [("new_or_total", 5), ("r1", 3), ("r6_3", 2)]),
    ],
)  # fmt: skip
def test_it_reads_the_third_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


def test_a_guessed_handled_count_is_no_deduction_by_itself():
    claims = find_claims("全年办理政府信息依申请公开13件。")
    assert [(c.key, c.certain) for c in claims] == [("r7", False)]


# --- after the fourth batch became tuning material ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 收…申请 (without 到) is received; 收取费用 is not
        ("全年收政府信息公开申请464件,结转上年度政府信息公开申请3件,本年度办结441件。",
         [("new_or_total", 464), ("carried_in", 3), ("r7", 441)]),
        ("未收取费用0件。", []),
        # 结转上年后新收到…: the new ones, not the carried-over
        ("结转上年后新收到依申请公开事项47件。", [("new", 47)]),
        # the carried-over by the year's number: after 结转 the next year, before it the last
        ("2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件。",
         [("carried_in", 2), ("r7", 10), ("carry_out", 2)]),
        ("共收到依申请公开件30件,共办结24件,结转到2025年办理7件。",
         [("new_or_total", 30), ("r7", 24), ("carry_out", 7)]),
        # … but 结转2023年的申请 without 到/至 or 办理 says nothing of which way
        ("结转2023年的申请3件。", []),
        # pending at the year's end is carried over
        ("共收到依申请公开122件,截至12月底已回复126件,7件正在办理中。",
         [("new_or_total", 122), ("r7", 126), ("carry_out", 7)]),
        # 项 counts applications too
        ("共收到依申请公开16项,结转下年度继续办理1项。", [("new_or_total", 16), ("carry_out", 1)]),
        # 属于行政执法案卷 is a row of table 三, 相关案件 still nothing
        ("属于行政执法案卷1件,本机关不掌握相关政府信息2件。", [("r3_7", 1), ("r4_1", 2)]),
        ("办理相关案件74件。", []),
        # 尚未办结 after a review is 尚未审结
        ("全年共收到行政复议1件,维持结果1件,尚未办结0件。",
         [("review", 1), ("review:结果维持", 1), ("review:尚未审结", 0)]),
        ("收到申请10件,办结8件,尚未办结2件。", [("new_or_total", 10), ("r7", 8), ("carry_out", 2)]),
        # a longer wording of no review and no litigation
        ("没有发生因政府信息公开工作引发举报、投诉、行政复议或行政诉讼等事件。",
         [("review", 0), ("litigation", 0)]),
        # a table's last line does not run on into the heading after it
        ("政策解读情况\n新闻发布会 | 微信 |\n3次 | 21条 |\n(二)依申请公开。全年受理依申请信息公开21件。",
         [("new_or_total", 21)]),
        # 未收到…的申请: no request, however long the words between
        ("我局未收到任何单位、组织和个人要求有关公开政府信息的申请。", [("new", 0)]),
        ("未收到因政府信息公开申请引起的行政复议。", [("review", 0)]),
        # a bare 受理N件 / 办理N项 right after the requests received
        ("共收到信息公开申请1件(网上申请),共受理1件,已按规定办理。",
         [("new_or_total", 1), ("new_or_total", 1)]),
        ("共收到依申请公开16项,办理15项,结转下年度继续办理1项。",
         [("new_or_total", 16), ("r7", 15), ("carry_out", 1)]),
        ("全年办理代表建议和政协提案72件。", []),
        ("收到网民留言248条,办理230条。", []),
        ("收到依申请公开2件,网民留言248条,办理230条。", [("new_or_total", 2)]),
        # the verb of a list of applicants holds for the number after it
        ("收到公民、法人或其他组织提交政府信息公开申请0条。", [("new_or_total", 0)]),
        ("收到公民、法人来信5件。", []),
        # 行政复议、行政诉讼0条 (or 各N件) is both; a number of one only is that one
        ("政府信息公开行政复议、行政诉讼0条。", [("review", 0), ("litigation", 0)]),
        ("被申请行政复议、提起行政诉讼各1件。", [("review", 1), ("litigation", 1)]),
        ("行政复议、行政诉讼3件。", [("litigation", 3)]),
        # 合计N件 after the parts is what the first part named, when they add up
        ("共收到群众网上申请105件,快递17件,合计122件,上年结转11件。",
         [("new_or_total", 122), ("carried_in", 11)]),
        ("共收到群众网上申请105件,快递17件,合计120件。", [("new_or_total", 105)]),
        # one channel of a list of channels is not the whole
        ("通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件。", []),
        ("办结申请3件、不予公开1件。", [("r7", 3), ("r3", 1)]),
        # 主动公开…，依申请公开信息数28条，不予公开信息数8条: documents' disclosure attributes
        ("其中主动公开政府信息17条,作为依申请公开信息数28条,不予公开信息数8条。", []),
        ("收到申请5件,不予公开信息2件。", [("new_or_total", 5), ("r3", 2)]),
        ("主动公开政府信息173条,收到和处理依申请公开信息0条。", [("new_or_total", 0)]),
    ],
)  # fmt: skip
def test_it_reads_the_fourth_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        # 编制 beside the name is the verb, not part of it
        ("根据《条例》的要求,某某市某某区东湖街道特编制2023年政府信息公开年度报告。\n一、总体情况\n",
         "某某市某某区东湖街道", "township"),
        ("根据《条例》要求,唐村镇政府编制2020年政府信息公开年度报告。\n一、总体情况\n", "唐村镇政府", "township"),
        ("根据《条例》,某某市公安局编制完成2024年政府信息公开年度报告。\n一、总体情况\n", "某某市公安局",
         "department"),
        ("根据《条例》规定,编制我单位2021年政府信息公开工作年度报告。\n一、总体情况\n", "", "department"),
        ("按照《某某通知》等相关文件要求编制2024年度政府信息公开报告。\n一、总体情况\n", "", None),
        # …工作总结报告 is a report title too
        ("现将2020年度市人力资源社会保障局信息公开工作总结报告如下。\n一、总体情况\n", "市人力资源社会保障局",
         "department"),
        # 本年度报告…由X编制
        ("一、总体情况\n本年度报告根据《条例》要求,由某某市人民政府办公室编制,报告中所列数据的统计期限自2025年1月1日起。\n",
         "某某市人民政府办公室", "department"),
        ("一、总体情况\n本年度报告根据《条例》要求编制,由区政府门户网站发布。\n", "", None),
    ],
)  # fmt: skip
def test_it_reads_the_unit_beside_the_verb_that_makes_the_report(
    text: str, unit: str, kind
) -> None:
    report = read_text("u.txt", text)
    assert (report.unit, report.report_kind) == (unit, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a subject after 在…领导下，
        ("一、总体情况\n2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实《条例》。\n", "township"),
        ("一、总体情况\n2023年,在区委的领导下,区政务服务局认真贯彻落实《条例》。\n", "department"),
        # an area as the subject of a dated sentence, or 全区受理…
        ("一、总体情况\n2024年,我区深入贯彻落实《条例》。\n", "overall"),
        ("一、总体情况\n2024年,全区受理依申请公开件255件。\n", "overall"),
        ("一、总体情况\n2024年,我局深入贯彻落实《条例》,推进我区政务公开。\n", "department"),
        # a government as the subject; its office is a department, a township's government a township
        ("一、总体情况\n2024年,城中区人民政府深入贯彻落实有关部署。\n", "overall"),
        ("一、总体情况\n2024年,城中区人民政府办公室深入贯彻落实有关部署。\n", "department"),
        ("一、总体情况\n2024年,某某镇人民政府深入贯彻落实有关部署。\n", "township"),
        # a website is no body; 本机关不掌握 (a row of table 三) is not the report speaking of itself
        ("一、总体情况\n2025年,市政府门户网站主动公开信息6259条。我市共受理申请54件,"
         "本机关不掌握相关政府信息2件。\n", "overall"),
        # the leading group names the body
        ("一、总体情况\n一是加强组织领导。主要领导任组长,副局长为副组长,股室负责人为成员。\n", "department"),
        ("一、总体情况\n一是加强组织领导。副县长任组长,各局局长为成员。\n", None),
    ],
)  # fmt: skip
def test_it_reads_the_kind_after_the_fourth_batch(text: str, kind) -> None:
    assert read_text("k.txt", text).report_kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 新受理 is new, as 新收
        ("新受理政府信息公开申请10件,上年转结政府信息公开申请0件。", [("new", 10), ("carried_in", 0)]),
        # 20个工作日 is a span of time, 3个 still a count
        ("确保政府信息在形成之日起20个工作日内予以公开,全街共受理申请1件。", [("new_or_total", 1)]),
        ("收到依申请公开3个,予以公开2个。", [("new_or_total", 3), ("r1", 2)]),
        # the words in brackets after a number are not its own
        ("全年共收到和办理依申请公开7件,上年结转2件,其中:自然人申请7件(予以公开2件,部分公开2件)。",
         [("new_or_total", 7), ("carried_in", 2), ("r1", 2), ("r2", 2)]),
        ("无法提供8件(均属于本机关不掌握的信息)。", [("r4", 8)]),
        # 行政复议N件和行政诉讼M件 in one clause: each number its own
        ("产生行政复议13件和行政诉讼1件。", [("review", 13), ("litigation", 1)]),
        # (one number for both, 0 or said 均/各: both, after the seventh batch, as 行政复议、行政诉讼0条)
        ("行政复议和行政诉讼0件。", [("review", 0), ("litigation", 0)]),
        # 办理…申请N件 is the answered (r7) unless the sentence then says how many were answered or
        # are pending; 办结率100% is no count
        ("累计办理公民、法人或其他组织通过网站、邮寄等途径依申请公开信息合计12件,已全部答复办结,办结率100%。",
         [("r7", 12)]),
        ("依申请公开办理103件申请,99件办结,4件正在办理。",
         [("new_or_total", 103), ("r7", 99), ("carry_out", 4)]),
        ("全年办理政府信息公开申请96宗(结转下年度继续办理1宗)。", [("new_or_total", 96), ("carry_out", 1)]),
        # the requests named again as a subject
        ("14件信息公开申请在办理过程中未产生行政复议及行政诉讼情况。",
         [("review", 0), ("litigation", 0), ("new_or_total", 14)]),
        # 转结2023年办结 is carried to the next year
        ("收到信息依申请公开共0件,0件转结2023年办结。", [("new_or_total", 0), ("carry_out", 0)]),
        # 或部分公开 is the two together
        ("其中予以公开或部分公开59件。", [("r1+r2", 59)]),
        # 邮箱受理 is a channel of the applications counted before
        ("共受理依申请公开19件,邮箱受理2件。", [("new_or_total", 19)]),
        # 例 counts applications
        ("收到居民书面信息公开申请2例。", [("new_or_total", 2)]),
        # 未收到行政许可申请 is about licences, not information requests
        ("我办全年未收到行政许可申请;全年未接到信息公开申请。", [("new", 0)]),
        # 未印发规范性文件: 本年制发 0; 无制定规章及规范性文件 (no such power) is not
        ("2023年无公文解读情况,未印发行政规范性文件。", [("t2_norm_made", 0)]),
        ("本单位无制定规章及规范性文件,故无此类公开信息。", []),
        # a result said of all the applications received, without a number
        ("2023年收到政府信息公开申请1件,为本机关不掌握的政府信息。", [("new_or_total", 1), ("r4_1", 1)]),
        ("收到申请2件,均予以公开。", [("new_or_total", 2), ("r1", 2)]),
        ("收到申请3件,均已按时答复。", [("new_or_total", 3)]),
        ("收到申请2件,为历年最多。", [("new_or_total", 2)]),
    ],
)  # fmt: skip
def test_it_reads_the_fifth_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        # the verbs before the name are not part of it
        ("根据《条例》要求,特编制某某市人民政府地方志办公室2023年政府信息公开工作年度报告。\n一、总体情况\n",
         "某某市人民政府地方志办公室", "department"),
        ("依据《条例》第五十条规定,现编制并发布某某县人民政府2025年度政府信息公开工作年度报告。\n一、总体情况\n",
         "某某县人民政府", "overall"),
        # the report's title quoted with 以下简称
        ("本报告根据《条例》规定编制。《某某区人民政府2022年政府信息公开工作年度报告》(以下简称《年报》)通过"
         "门户网站向社会公开。\n一、总体情况\n", "某某区人民政府", "overall"),
        ("本报告根据《关于做好2022年政府信息公开工作年度报告的通知》(以下简称《通知》)编制。\n一、总体情况\n", "", None),
        # the year inside the title's last words
        ("某某区人民政府外事办公室政府信息公开工作2022年度报告\n一、总体情况\n", "某某区人民政府外事办公室",
         "department"),
        ("殷祖镇政府信息公开工作2025年度报告\n一、总体情况\n", "殷祖镇", "township"),
        # 由X汇总编制: X compiles the report; the area's report when the text speaks of the area
        ("本年度报告根据《条例》的要求,由某某区人民政府办公室汇总编制。\n一、总体情况\n"
         "2022年,全区共收到政府信息公开申请130件。\n", "某某区人民政府办公室", "overall"),
        ("本年度报告根据《条例》的要求,由某某区人民政府办公室汇总编制。\n一、总体情况\n"
         "2022年,我办共收到政府信息公开申请3件。\n", "某某区人民政府办公室", "department"),
    ],
)  # fmt: skip
def test_it_reads_the_unit_after_the_fifth_batch(text: str, unit: str, kind) -> None:
    report = read_text("u.txt", text)
    assert (report.unit, report.report_kind) == (unit, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the number between the verb and the documents; 制发件数 is table 二's column
        ("对本年度制发的48件行政规范性文件在公开的同时进行解读。", [("t2_norm_made", 48)]),
        ("本年出台行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件。",
         [("t2_norm_made", 2), ("t2_norm_valid", 22)]),
        # 未制发或废止规章、行政规范性文件: none made of either; 无上年结转 is none carried in
        ("我办全年未制发或废止规章、行政规范性文件,无行政许可事项。", [("t2_rules_made", 0), ("t2_norm_made", 0)]),
        ("本机关没有制定规章的职权。", []),
        ("共收到公民政府信息公开申请35件,无上年结转申请。", [("carried_in", 0), ("new_or_total", 35)]),
        ("新收到申请2件,上年无结转,已办理2件,无结转下年度。",
         [("carried_in", 0), ("carry_out", 0), ("new", 2), ("r7", 2)]),
        ("无结转。", [("carry_out", 0)]),
        # 依申请公开案件 are applications; 相关案件 still nothing
        ("全区共受理依申请公开案件315件,办结313件。", [("new_or_total", 315), ("r7", 313)]),
        ("办理相关案件74件。", []),
        # 未收到… a list of what was not received (依申请公开信息、行政复议和行政诉讼): none of each
        ("我室本年度未收到任何形式的依申请公开信息、行政复议和行政诉讼。",
         [("review", 0), ("litigation", 0), ("new", 0)]),
        ("未收到因政府信息公开申请引起的行政诉讼。", [("litigation", 0)]),
        ("没有出现就政府信息公开申请提出复议、诉讼和申诉的情况。", [("review", 0), ("litigation", 0)]),
        # a number in another clause does not hide 未收到…申请
        ("本年度未收到公民、法人或者其他组织获取相关政府信息的申请,依申请公开办理0件。", [("new", 0), ("r7", 0)]),
        # 相关诉讼 / 复议 without 行政
        ("未发生因依申请政府信息公开引起的相关诉讼,也没有针对本机关信息公开的行政复议申请。",
         [("litigation", 0), ("review", 0)]),
        # 逾期未补正 is the row 不补正; 其他处理 listed beside it is the row 其他 (a guess)
        ("其中,不予处理0件,逾期未补正2件,其他处理5件,结转下年度继续办理16件。",
         [("r5", 0), ("r6_1", 2), ("r6_3", 5), ("carry_out", 16)]),
        ("其他处理7件,其中逾期未补正2件。", [("r6", 7), ("r6_1", 2)]),
    ],
)  # fmt: skip
def test_it_reads_the_sixth_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


def test_the_other_row_beside_a_row_of_other_handling_is_a_guess() -> None:
    claims = find_claims("逾期未补正2件,其他处理5件。")
    assert [(c.key, c.value, c.certain) for c in claims] == [("r6_1", 2, True), ("r6_3", 5, False)]


@pytest.mark.parametrize(
    ("text", "unit", "kind", "year"),
    [
        # the sentences that name who made the report
        ("根据《条例》要求,由某某市大数据发展管理委员会办公室编制完成本报告。本报告所列数据的统计期限自2019年1月1日"
         "至2019年12月31日。\n一、总体情况\n", "某某市大数据发展管理委员会办公室", "department", 2019),
        ("某某市重大项目建设指挥部办公室依据《条例》第五十条规定,编制本报告。\n一、总体情况\n2025年,我办严格遵循《条例》。\n",
         "某某市重大项目建设指挥部办公室", "department", 2025),
        ("本年度报告由某某区某某镇人民政府根据《条例》等文件要求编制本年度报告。\n一、总体情况\n2025年,某某镇人民政府坚持…。\n",
         "某某区某某镇人民政府", "township", 2025),
        ("依据《条例》第五十条规定,编制本报告。\n一、总体情况\n", "", None, None),
        ("本报告依据《条例》,在认真总结2020年帽儿山镇政府信息公开工作的基础上,编制了此报告。报告中所列数据统计期限自2020年1月1日起至2020年12月31日止。\n一、总体情况\n",
         "帽儿山镇", "township", 2020),
        # an adverb before the verb of the first dated sentence
        ("依据《条例》第五十条规定,编制本报告。\n一、总体情况\n2025年,区政府办公室继续坚持以习近平新时代中国特色社会主义思想为指导。\n",
         "", "department", 2025),
        # the report made on the area's work
        ("本报告依据《条例》等相关规定,结合本市2024 年政府信息公开工作实际情况编制。\n一、总体情况\n2024 年,本市秉持以公开为常态。\n",
         "", "overall", 2024),
        # no period, no dated comma: the year of the first sentence about the year's work
        ("依据《条例》第五十条规定,编制本报告。\n一、总体情况\n(一)组织领导\n某某镇人民政府坚持依法公开。\n"
         "主动公开方面。坚持应公开尽公开。2025年主动公开各类信息1257条,方便群众了解我镇政府工作。\n", "", "township", 2025),
    ],
)  # fmt: skip
def test_it_reads_the_facts_after_the_sixth_batch(text: str, unit: str, kind, year) -> None:
    report = read_text("f.txt", text)
    assert (report.unit, report.report_kind, report.year) == (unit, kind, year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cause across a list still makes it a review, not no request
        ("没有因依申请公开、主动公开工作引起的行政复议。", [("review", 0)]),
        # requests counted in the sentence: 未收到 speaks of other ones
        ("本年度共收到申请5件,未收到其他形式的申请。", [("new_or_total", 5)]),
        ("2025年未收到依申请公开申请,受理依申请公开0件。", [("new", 0), ("new_or_total", 0)]),
    ],
)  # fmt: skip
def test_it_keeps_no_request_apart_from_reviews_and_counted_requests(
    text: str, expected: list
) -> None:
    assert _claim_pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "kind", "year"),
    [
        # 现就X…报告如下: 现就 is no part of the name
        ("根据《条例》有关规定,现就某某县人民政府2020年度政府信息公开情况报告如下:\n一、概述\n", "某某县人民政府",
         "overall", 2020),
        # a title whose year lost its 年
        ("某某自治区政府国资委2020政府信息公开工作年度报告\n一、总体情况\n", "某某自治区政府国资委", "department", 2020),
        # a title-like phrase inside a clause of prose names no body
        ("现结合我局2024年工作情况,开展政府信息公开工作年度报告编写及发布。\n一、总体情况\n", "", "department", 2024),
        # 结合X政府信息公开工作有关统计数据编制而成 names the author
        ("本年报结合某某市人民政府办公室政府信息公开工作有关统计数据编制而成。\n一、总体情况\n", "某某市人民政府办公室",
         "department", None),
        # the year of 统计数据自…, and of 2020年以来，
        ("本年度报告中所有统计数据自2023年1月1日起至2023年12月31日止。\n一、总体情况\n", "", None, 2023),
        ("一、总体情况\n2020年以来,我区按照国家、省市的安排和部署推进公开。\n", "", "overall", 2020),
        # a department taking part in the city's training is no city report; 本地区本部门 is no self-reference
        ("一、总体情况\n我中心按照要求建设网站。积极参加全市政府信息公开培训。\n", "", "department", None),
        ("一、总体情况\n2020年,某某市坚持公开为常态。通过政策栏目集中公开本地区本部门规范性文件。\n", "", "overall", 2020),
        # two bodies reporting together keep the space between them; the first one's kind
        ("现公布某某市某某区人民政府 某某开发区管委会2022年政府信息公开工作年度报告。\n一、总体情况\n",
         "某某市某某区人民政府 某某开发区管委会", "overall", 2022),
        ("某 某 市 人 民 政 府2022年政府信息公开工作年度报告\n一、总体情况\n", "某某市人民政府", "overall", 2022),
        # an area's other name in brackets is part of its name; an office in brackets is not
        ("2020年高新区(新市区)政府信息公开工作年度报告\n一、总体情况\n", "高新区(新市区)", "overall", 2020),
        ("某某县人民政府(县人民政府办公室)2021年政府信息公开工作年度报告\n一、总体情况\n", "某某县人民政府",
         "overall", 2021),
        # the government's office compiles the government's report
        ("本年度报告由某某市某某区人民政府办公室编制。\n一、总体情况\n2024年,某某区人民政府以习近平新时代中国特色社会主义思想为指导。\n",
         "某某市某某区人民政府办公室", "overall", 2024),
        ("本年度报告由某某市人民政府办公室编制。\n一、总体情况\n2024年,某某市人民政府办公室以习近平新时代中国特色社会主义思想为指导。\n",
         "某某市人民政府办公室", "department", 2024),
    ],
)  # fmt: skip
def test_it_reads_the_facts_after_the_seventh_batch(text: str, unit: str, kind, year) -> None:
    report = read_text("f.txt", text)
    assert (report.unit, report.report_kind, report.year) == (unit, kind, year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the number before the case's name, its result at the end of the list
        ("行政复议192件,行政诉讼73件,其中:140件行政复议、49件行政诉讼获维持,8件行政复议结果纠正,"
         "16件行政复议、14件行政诉讼为其他结果,其余尚未审结。",
         [("review", 192), ("litigation", 73), ("review:结果维持", 140), ("litigation:结果维持", 49),
          ("review:结果纠正", 8), ("review:其他结果", 16), ("litigation:其他结果", 14)]),
        ("本年度发生3件行政复议,均维持。", [("review", 3)]),
        # 已公开 after the requests received; the result said in the next clause without a number
        ("收到政务信息公开申请7条,其中3条已公开,3条属于个人隐私,不予以公开;1条属于重复申请,不予以处理。",
         [("new_or_total", 7), ("r1", 3), ("r3", 3), ("r5_2", 1)]),
        ("梳理政府信息100条,已公开95条。", []),
        # none corrected: the 结果纠正 columns, not the totals; 本级 speaks of a part of the cases
        ("2022年新收到政府信息公开申请33件,全部按时办结,无行政复议、行政诉讼纠错案件。",
         [("review:结果纠正", 0), ("litigation:结果纠正", 0), ("new", 33)]),
        ("区政府本级无涉及信息公开行政复议结果纠正和行政诉讼败诉案件。", []),
        # one number for both, said 均; the one request carried out, said without a number; the
        # year tells which way 未转结YYYY年 goes
        ("某某镇2024年政府信息公开工作年度报告\n2024年,某某镇共受理政府信息依申请公开1件,当年未完结,转结至2025年度继续办理;未转结2023年政府信息公开申请,"
         "进入行政复议程序和行政诉讼程序均为0件。",
         [("new_or_total", 1), ("carry_out", 1), ("carried_in", 0), ("review", 0), ("litigation", 0)]),
        ("新收政府信息公开申请1541件,加上上年结转的,除去本年度结转下年度办理的,共办理政府信息公开申请1527件。",
         [("new", 1541), ("r7", 1527)]),
        ("共收到申请3件,无结转下年度。", [("carry_out", 0), ("new_or_total", 3)]),
        # still within the time to answer: pending
        ("共受理政府信息公开申请27件,其中26件已在限期内答复申请人,1件还在答复限期内。",
         [("new_or_total", 27), ("r7", 26), ("carry_out", 1)]),
    ],
)  # fmt: skip
def test_it_reads_the_seventh_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "kind", "year"),
    [
        # 按照X…工作实际编制 names the author, as 结合X…工作实际编制
        ("本年度报告按照2024年某某市某某区财政局政府信息公开工作实际编制而成。\n一、总体情况\n", "某某市某某区财政局",
         "department", None),
        # an area's other name in brackets inside 由X编制; what X compiled from before 编制
        ("本年度报告根据《条例》要求,由某某高新区(某某)财政局编制。\n一、总体情况\n", "某某高新区(某某)财政局",
         "department", None),
        ("本报告依据《条例》要求,由某某区人民政府综合全区各部门和各乡镇年度报告和统计数据编制而成。\n一、总体情况\n",
         "某某区人民政府", "overall", None),
        # the report named without its year; the year of 截止日期为…12月31日
        ("现公布某某县人民政府办公室政府信息公开工作年度报告。所列数据截止日期为2024年12月31日。\n一、总体情况\n",
         "某某县人民政府办公室", "department", 2024),
        # a purpose clause is no title: the unit from the sentence that publishes the report
        ("为切实做好2020年度政府信息公开工作年度报告编制及发布工作,现公布某某市大数据发展管理局2020年政府信息公开工作年度报告。\n"
         "一、总体情况\n", "某某市大数据发展管理局", "department", 2020),
        # a 街道 by its short name; 我分局 speaks of itself
        ("某某街2023年政府信息公开工作年度报告\n一、总体情况\n", "某某街", "township", 2023),
        ("一、总体情况\n2023年,我分局收到政府信息依申请公开2件。\n", "", "department", 2023),
        # a report listed among the items published is no title; 统计日期 is a statistics period
        ("本报告中所列数据的统计日期为2024年1月1日至2024年12月31日。\n一、总体情况\n(一)主动公开。及时更新政府信息公开指南,"
         "主动公开区政府办公室2023年度政府信息公开工作年报等。\n", "", None, 2024),
    ],
)  # fmt: skip
def test_it_reads_the_facts_after_the_eighth_batch(text: str, unit: str, kind, year) -> None:
    report = read_text("f.txt", text)
    assert (report.unit, report.report_kind, report.year) == (unit, kind, year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 不存在 as none; 行政起诉 for 行政诉讼; none carried in
        ("不存在上年度结转政府信息公开申请。不存在因政府信息公开引起的行政诉讼。", [("carried_in", 0), ("litigation", 0)]),
        ("没有因政府信息公开引起行政复议或者行政起诉的案例发生。", [("review", 0), ("litigation", 0)]),
        # neither case lost, said after both counts
        ("本年度有0件行政复议案件,1件行政诉讼案件,未出现败诉或被纠错情况。",
         [("review:结果纠正", 0), ("litigation:结果纠正", 0), ("review", 0), ("litigation", 1)]),
        ("未出现败诉或被纠错情况。", []),
        # 信息不存在 and 不属于本单位 are 本机关不掌握
        ("依申请公开政府信息申请4件,信息不存在2件,不属于本单位公开1件,不予公开1件。",
         [("new_or_total", 4), ("r4_1", 2), ("r4_1", 1), ("r3", 1)]),
        # the count right after 制发
        ("我区共制发24件规范性文件,全部实现解读。", [("t2_norm_made", 24)]),
        # one channel's count after 其中 is no claim
        ("共收到9份政府信息依申请公开事项,其中8份是网络依申请公开,1份是纸质依申请公开,予以公开9件。",
         [("new_or_total", 9), ("r1", 9)]),
        # 未发生依申请 is no request; 依申请…方面的行政复议 is no review said of requests
        ("全年未发生依申请和处理政府信息。", [("new", 0)]),
        ("我局未发生依申请公开政府信息方面的行政复议和行政诉讼。", [("review", 0), ("litigation", 0)]),
        # 处理 right before the requests reads as 办理: the received when 办结M件 follows, else answered
        ("共收到政府信息公开申请6件,上年结转1件,全年实际处理申请共计7件,均按时规范办结7件。",
         [("new_or_total", 6), ("carried_in", 1), ("new_or_total", 7), ("r7", 7)]),
        ("2023年我街道共处理政府信息公开申请案件9件,均按时按程序完成办结。", [("r7", 9)]),
        ("不予处理申请2件。", [("r5", 2)]),
    ],
)  # fmt: skip
def test_it_reads_the_eighth_batchs_claims(text: str, expected: list) -> None:
    assert _claim_pairs(text) == expected
