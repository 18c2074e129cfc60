"""Scheme import from office tables (.xlsx / .docx) and export back to them.

- reading: header variants, merged cells, subtotals in the 一级 cell, several tables, garbage files;
- export → import gives back exactly the same scheme, for every seed scheme, in both formats;
- the office-typed fixtures (tests/fixtures/seed_*, built by bench/make_office_fixtures.py from the
  hand-written schemes) import to schemes that validate, have the same tree, the same rules on every
  indicator the drafter did not mark for review, and score the seeds' worked examples the same.
"""

from __future__ import annotations

import copy
import functools
import sys
import zipfile
from decimal import Decimal
from decimal import Decimal as D
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT
from zwgk.rubric import load_scheme, load_scheme_text, node_max, parse_scheme
from zwgk.rubric.exporter import export_scheme, scheme_data
from zwgk.rubric.importer import ImportError_, import_scheme, render_review
from zwgk.rubric.index import SchemeIndex
from zwgk.rubric.model import Counting, Node
from zwgk.rubric.yamlout import dump_scheme
from zwgk.scoring import NodeStatus, load_facts, load_units, score

SCHEMES = sorted((ROOT / "schemes").glob("*.yaml"))
FIXTURES = ROOT / "tests" / "fixtures"
SHORT = {
    "xx-2023": "xx2023",
    "yueyang-2017": "yueyang2017",
    "yongji-2023": "yongji2023",
    "suizhou-gxq-2021": "suizhou2021",
    "zhongshan-2022": "zhongshan2022",
}
OFFICE = [(stem, suffix) for stem in SHORT for suffix in (".xlsx", ".docx")]


def office_id(case: tuple[str, str]) -> str:
    return f"{case[0]}{case[1]}"


# ------------------------------------------------------------------------------ small tables


def write_xlsx(
    path: Path, rows: list[list[str]], merges: list[str] = (), title: str | None = None
) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    offset = 0
    if title:
        ws.append([title])
        offset = 1
    for row in rows:
        ws.append([v if v != "" else None for v in row])
    for rng in merges:
        ws.merge_cells(_shift(rng, offset))
    wb.save(path)
    return path


def _shift(rng: str, offset: int) -> str:
    import re

    return re.sub(r"(\d+)", lambda m: str(int(m.group(1)) + offset), rng)


def write_docx(
    path: Path, tables: list[tuple[str | None, list[list[str]], list[tuple[int, int, int, int]]]]
) -> Path:
    """Tables as (title paragraph, rows, merges as (row0, col0, row1, col1))."""
    import docx

    document = docx.Document()
    for title, rows, merges in tables:
        if title is not None:
            document.add_paragraph(title)
        else:
            document.add_paragraph()
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value:
                    table.cell(r, c).text = value
        for r0, c0, r1, c1 in merges:
            a, b = table.cell(r0, c0), table.cell(r1, c1)
            keep = a.text
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        table.cell(r, c).text = ""
            merged = a.merge(b)
            merged.text = keep
    document.save(str(path))
    return path


HEAD = ["一级指标", "二级指标", "三级指标", "赋分", "扣分标准", "加分标准", "考核方式"]
ROWS = [
    HEAD,
    ["组织领导（11分）", "组织领导", "研究部署情况", "5", "未听取汇报的,扣5分。", "-", "印证材料"],
    [
        "",
        "工作保障",
        "保障情况",
        "6",
        "未落实机构、人员、经费等方面保障的,每少一项,扣2分,扣分上限为6分。",
        "—",
        "印证材料",
    ],
    [
        "主动公开(7分)",
        "基础信息",
        "信息公开指南",
        "4",
        "有缺漏项的,发现一处扣1分,扣分上限4分。",
        "-",
        "网上检查",
    ],
    [
        "",
        "公开属性认定情况",
        "公开属性认定情况",
        "3",
        "未认定公开属性的,发现一件,扣1分。",
        "认定准确的,一件加0.5分,加分上限为1分。",
        "印证材料",
    ],
]


def leaves(index: SchemeIndex) -> list[Node]:
    return [leaf for t in index.scheme.tables for leaf in index.leaves[t.id]]


def test_it_reads_the_tree_points_and_rules_of_a_typed_table(tmp_path):
    path = write_xlsx(
        tmp_path / "表.xlsx", ROWS, merges=["B5:C5"], title="XX区政务公开考核评分表（A类）"
    )
    result = import_scheme(path)
    index = result.index()
    assert [c.id for c in index.scheme.classes] == ["A"]
    assert [s.name for s in index.scheme.tables[0].sections] == ["组织领导", "主动公开"]
    a1 = index.nodes["A1"]
    assert a1.points == D(11) and [c.name for c in a1.children] == ["组织领导", "工作保障"]
    guide = index.nodes["A2.1.1"]
    assert (guide.name, guide.points, guide.cap) == ("信息公开指南", D(4), D(4))
    assert [(f.id, f.amount, f.per) for f in guide.faults] == [("f1", D(1), "处")]
    # a row whose 二级 cell spans the 三级 column is a 二级 leaf
    attr = index.nodes["A2.2"]
    assert attr.is_leaf and attr.name == "公开属性认定情况"
    assert [(b.id, b.amount) for b in attr.bonuses] == [("b1", D("0.5"))] and attr.bonus_cap == D(1)
    keep = index.nodes["A1.2.1"]
    assert keep.faults[0].elements == ["机构", "人员", "经费"] and keep.cap == D(6)
    assert keep.text == ROWS[2][4]
    assert index.scheme.tables[0].total == D(18)


@pytest.mark.parametrize(
    ("points", "rule", "bonus", "method"),
    [
        ("分值", "评分标准", "加分项", "考核方法"),
        ("分数", "考核评分标准", "加分标准", "测评方式"),
        ("赋分", "扣分 标准", "加分\n标准", "考核\n方式"),
        ("分值（分）", "评分细则", "加分项", "考核方式"),
    ],
)
def test_it_recognises_header_variants(tmp_path, points, rule, bonus, method):
    head = ["一级\n指标", "二级 指标", "三级指标", points, rule, bonus, method]
    path = write_xlsx(tmp_path / "v.xlsx", [head, *ROWS[1:]])
    index = import_scheme(path).index()
    leaf = index.nodes["T1.1.1"]
    assert leaf.points == D(5) and leaf.faults[0].amount == D(5)
    assert leaf.method == ["印证材料"]
    assert index.nodes["T2.2"].bonuses[0].amount == D("0.5")


def test_it_reads_content_basis_and_scope_columns(tmp_path):
    head = ["一级指标", "二级指标", "测评方式", "测评要点", "指标依据", "评估数据采集范围", "分值"]
    rows = [head, ["公开渠道（4分）", "渠道覆盖(2分)", "网络测评", "评估渠道", "条例第二十四条", "区属各部门", "2"],
            ["", "渠道功能(2分)", "网络测评", "评估功能", "", "区属各部门", "2"]]  # fmt: skip
    result = import_scheme(write_xlsx(tmp_path / "s.xlsx", rows))
    index = result.index()
    leaf = index.nodes["T1.1"]
    assert (leaf.content, leaf.basis, leaf.applies_to.text) == (
        "评估渠道",
        "条例第二十四条",
        "区属各部门",
    )
    # no rule column: a rating table, every leaf rated between 0 and its points (said once)
    assert leaf.range == (D(0), D(2))
    assert not result.review
    assert any("没有扣分标准栏" in w for w in result.warnings)


def test_it_forward_fills_blank_cells_and_reads_merged_cells_in_word(tmp_path):
    rows = [HEAD, *[list(r) for r in ROWS[1:]]]
    rows[2][0] = rows[1][0]  # 组织领导 merged down over two rows
    rows[4][0] = rows[3][0]
    rows[4][2] = rows[4][1]
    merges = [(1, 0, 2, 0), (3, 0, 4, 0), (4, 1, 4, 2)]
    path = write_docx(tmp_path / "m.docx", [("评分表", rows, merges)])
    index = import_scheme(path).index()
    assert [s.name for s in index.scheme.tables[0].sections] == ["组织领导", "主动公开"]
    assert [c.name for c in index.nodes["T1"].children] == ["组织领导", "工作保障"]
    assert index.nodes["T2.2"].is_leaf and index.nodes["T2"].points == D(7)


@pytest.mark.parametrize(
    "label", ["主动公开(7分)", "主动公开（7分）", "主动公开\n（7分", "主动 公开 (7分）"]
)
def test_it_reads_a_subtotal_written_in_the_section_cell(tmp_path, label):
    rows = [list(r) for r in ROWS]
    rows[3][0] = label
    index = import_scheme(write_xlsx(tmp_path / "t.xlsx", rows)).index()
    assert index.nodes["T2"].name == "主动公开"
    assert index.nodes["T2"].points == D(7)


def test_a_subtotal_that_does_not_add_up_is_reported_with_the_tables_figure(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[3][0] = "主动公开（9分）"
    result = import_scheme(write_xlsx(tmp_path / "t.xlsx", rows))
    index = result.index()  # still validates
    assert index.nodes["T2"].points is None and node_max(index.nodes["T2"]) == D(7)
    item = next(r for r in result.review if r.indicator_id == "T2")
    assert "原表小计9分" in item.reason and "7分" in item.reason
    assert "需人工复核" in index.nodes["T2"].note
    assert "原表小计9分" in render_review(result)


def test_the_review_asks_for_a_check_of_the_rules_it_did_not_list_too(tmp_path):
    """Unflagged drafts can be wrong on schemes never seen (a few in 100 held-out sentences)."""
    text = render_review(import_scheme(write_xlsx(tmp_path / "t.xlsx", [list(r) for r in ROWS])))
    assert "没有列入复核的也可能起草错" in text and "没有需要人工复核的指标" not in text


def test_a_rule_the_drafter_cannot_read_becomes_a_marked_rating_placeholder(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "根据工作开展情况进行评定。"
    result = import_scheme(write_xlsx(tmp_path / "t.xlsx", rows))
    leaf = result.index().nodes["T1.1.1"]
    assert leaf.range == (D(0), D(5)) and not leaf.faults and leaf.text == rows[1][4]
    assert leaf.note.startswith("需人工复核")
    assert any(r.indicator_id == "T1.1.1" and "占位" in r.reason for r in result.review)


def test_a_deduction_by_judgement_is_a_marked_discretionary_fault(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "工作不到位的，视情况酌情扣分。"
    result = import_scheme(write_xlsx(tmp_path / "t.xlsx", rows))
    leaf = result.index().nodes["T1.1.1"]
    assert [(f.amount, f.discretionary) for f in leaf.faults] == [(None, True)]
    assert any(r.indicator_id == "T1.1.1" and "酌情" in r.reason for r in result.review)


def test_a_row_with_only_a_bonus_and_a_dash_for_points_adds_only(tmp_path):
    rows = [
        *ROWS,
        [
            "",
            "多样化解读",
            "多样化解读",
            "—",
            "—",
            "通过三种及以上的方式开展政策解读的,有一项加3分,加分上限为6分。",
            "",
        ],
    ]
    index = import_scheme(write_xlsx(tmp_path / "t.xlsx", rows)).index()
    leaf = index.nodes["T2.3"]
    assert (leaf.kind, leaf.points, leaf.bonus_cap) == ("bonus", D(0), D(6))
    assert [(b.amount, b.per) for b in leaf.bonuses] == [(D(3), "项")]


def test_a_points_cell_merged_over_a_group_is_a_shared_subtotal(tmp_path):
    rows = [
        ["一级指标", "二级指标", "分值", "评分标准"],
        ["日常工作推进", "任务落实", "20", "未完成一次扣1分。"],
        ["", "信息报送", "", "迟报一次扣1分，漏报一次扣2分。"],
        ["政府网站", "信息签审", "10", "逾期报送的,发现一次扣2分。"],
    ]
    index = import_scheme(write_xlsx(tmp_path / "p.xlsx", rows, merges=["C2:C3"])).index()
    section = index.nodes["T1"]
    assert section.pooled and section.points == D(20)
    assert [c.points for c in section.children] == [None, None]
    assert [f.amount for f in index.nodes["T1.2"].faults] == [D(1), D(2)]
    assert index.scheme.tables[0].total == D(30)


def test_a_total_row_is_read_and_checked(tmp_path):
    rows = [*ROWS, ["合计", "", "", "20", "", "", ""]]
    result = import_scheme(write_xlsx(tmp_path / "t.xlsx", rows))
    assert result.index().scheme.tables[0].total == D(18)
    assert any("原表合计20分" in r.reason for r in result.review)


def test_it_reads_several_tables_in_one_word_file_with_page_break_continuations(tmp_path):
    body = [list(r) for r in ROWS[1:]]
    tables = [
        ("附件2\n2023年度考核细则与评分表(A类)", [HEAD, *body[:2]], []),
        (
            None,
            [HEAD, *body[2:]],
            [],
        ),  # the same table after a page break: header repeated, no title
        ("2023年度考核细则与评分表(B类)", [HEAD, *body[:2]], []),
    ]
    index = import_scheme(write_docx(tmp_path / "ab.docx", tables)).index()
    assert [c.id for c in index.scheme.classes] == ["A", "B"]
    assert [t.id for t in index.scheme.tables] == ["TA", "TB"]
    assert [s.id for s in index.scheme.tables[0].sections] == ["A1", "A2"]
    assert [s.id for s in index.scheme.tables[1].sections] == ["B1"]
    assert index.scheme.tables[0].title == "2023年度考核细则与评分表(A类)"


def test_it_reads_several_tables_stacked_in_one_sheet_and_named_classes(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for title in ("考评细则（县市区）", "考评细则（市直单位）"):
        ws.append([title])
        for row in ROWS[:3]:
            ws.append(row)
        ws.append([])
    wb.save(tmp_path / "s.xlsx")
    index = import_scheme(tmp_path / "s.xlsx").index()
    assert [(c.id, c.name) for c in index.scheme.classes] == [("A", "县市区"), ("B", "市直单位")]


def test_vetoes_rows_become_vetoes(tmp_path):
    rows = [
        *ROWS,
        [
            "重大扣分项",
            "(一)弄虚作假的,扣5分;(二)其他情形,市政务公开领导组酌情扣分。",
            "",
            "",
            "",
            "",
            "根据考核情况评定",
        ],
        [
            "否决情形",
            "考核中有下列情形的,年度考核为不合格。(一)出现严重错误的;(二)泄密的。",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
    merges = ["B6:F6", "B7:F7"]
    index = import_scheme(write_xlsx(tmp_path / "v.xlsx", rows, merges)).index()
    got = [(v.effect.value, v.amount, v.discretionary) for v in index.scheme.vetoes]
    assert got == [
        ("deduct", D(5), False),
        ("deduct", None, True),
        ("fail", None, False),
        ("fail", None, False),
    ]
    assert index.scheme.vetoes[2].name == "出现严重错误"


def test_a_veto_row_inside_a_pooled_section_zeroes_the_section(tmp_path):
    head = ["一级指标", "二级指标", "考核评分标准", "责任单位"]
    rows = [
        head,
        [
            "政务新媒体运维(10分)",
            "信息保障",
            "政务新媒体每2周更新少于1次的,发现一次扣2分。",
            "各单位",
        ],
        ["", "平台管理", "出现严重表述错误,单项否决,政务新媒体运维指标不得分。", "各单位"],
    ]
    result = import_scheme(write_xlsx(tmp_path / "p.xlsx", rows))
    index = result.index()
    assert index.nodes["T1"].pooled and [c.name for c in index.nodes["T1"].children] == ["信息保障"]
    assert [(v.effect.value, v.target) for v in index.scheme.vetoes] == [("zero", "T1")]


# --------------------------------------------------------------------------------- garbage


def _picture_only_xlsx(path: Path) -> Path:
    """A workbook whose only content is a picture (as when a scan is pasted into Excel)."""
    import base64

    from openpyxl import Workbook

    Workbook().save(path)
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    ct = parts["[Content_Types].xml"].decode()
    ct = ct.replace(
        "</Types>",
        '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = ct.encode()
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace(
        "<worksheet ",
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
        1,
    )
    sheet = sheet.replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>')
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/drawing" Target="../drawings/drawing1.xml"/></Relationships>'
    ).encode()
    parts["xl/drawings/_rels/drawing1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/image" Target="../media/image1.png"/></Relationships>'
    ).encode()
    parts["xl/drawings/drawing1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        '<xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="评分表扫描件"/><xdr:cNvPicPr/></xdr:nvPicPr>'
        '<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>'
    ).encode()
    parts["xl/media/image1.png"] = png
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _docx_without_table(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发2023年度政务公开工作考核方案的通知")
    document.add_paragraph("各单位：现将考核方案印发给你们，请认真贯彻执行。")
    document.save(str(path))
    return path


def _binary(path: Path) -> Path:
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(4096)))
    return path


def _huge(path: Path) -> Path:
    with path.open("wb") as fh:
        fh.truncate(2 * 1024**3 + 1)  # sparse: 2 GB without writing it
    return path


def _corrupt_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    return path


def _docx_named_xlsx(path: Path) -> Path:
    return _docx_without_table(path)


def _old_xls(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    return path


def _text(path: Path) -> Path:
    path.write_text("一级指标,二级指标,赋分\n", encoding="utf-8")
    return path


def _xlsx_without_header(path: Path) -> Path:
    return write_xlsx(path, [["2023年度考核结果通报"], ["区教育局", "95"], ["区民政局", "88"]])


GARBAGE = [
    ("无表格.docx", _docx_without_table, "没有表格"),
    ("图片.xlsx", _picture_only_xlsx, "只有图片"),
    ("改名.xlsx", _binary, "不是有效的 Excel"),
    ("空.xlsx", lambda p: (p.write_bytes(b""), p)[1], "空的"),
    ("空.docx", lambda p: (p.write_bytes(b""), p)[1], "空的"),
    ("巨大.xlsx", _huge, "文件过大"),
    ("损坏.docx", _corrupt_zip, "不是有效的 Word"),
    ("其实是Word.xlsx", _docx_named_xlsx, "Word 文件"),
    ("旧版.xlsx", _old_xls, ".xls"),
    ("文本.xlsx", _text, "不是有效的 Excel"),
    ("评分表.csv", _text, "只能导入"),
    ("无表头.xlsx", _xlsx_without_header, "表头"),
]


@pytest.mark.parametrize(("name", "make", "words"), GARBAGE, ids=[g[0] for g in GARBAGE])
def test_garbage_gets_a_one_line_error_naming_the_file(tmp_path, name, make, words):
    path = make(tmp_path / name)
    with pytest.raises(ImportError_) as exc:
        import_scheme(path)
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and words in message


def test_a_missing_file_gets_a_one_line_error(tmp_path):
    with pytest.raises(ImportError_) as exc:
        import_scheme(tmp_path / "没有.xlsx")
    assert str(exc.value) == f"{tmp_path / '没有.xlsx'}: 找不到文件"


# ----------------------------------------------------------------------------- round trips


def dump(index: SchemeIndex) -> dict:
    return index.scheme.model_dump()


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
@pytest.mark.parametrize("path", SCHEMES, ids=lambda p: p.stem)
def test_export_then_import_gives_back_the_same_scheme(tmp_path, path, suffix):
    index = load_scheme(path)
    out = tmp_path / f"{path.stem}{suffix}"
    export_scheme(index, out)
    result = import_scheme(out)
    assert result.embedded and not result.review and not result.warnings
    assert dump(parse_scheme(result.scheme_dict)) == dump(index)
    assert "没有需要人工复核的指标" in render_review(result)  # nothing was drafted
    assert "起草错" not in render_review(result)


@pytest.mark.parametrize("path", SCHEMES, ids=lambda p: p.stem)
def test_the_yaml_writer_round_trips_every_seed(path):
    index = load_scheme(path)
    text = dump_scheme(scheme_data(index.scheme))
    assert dump(load_scheme_text(text, "dumped.yaml")) == dump(index)
    assert "\\u" not in text  # Chinese written as is
    assert text.startswith(f"id: {index.scheme.id}\ntitle: ")


def test_the_yaml_writer_puts_id_name_points_first_and_short_faults_on_one_line():
    index = load_scheme(ROOT / "schemes" / "yongji-2023.yaml")
    text = dump_scheme(scheme_data(index.scheme))
    assert "      - id: A1\n        name: 组织领导与工作保障\n        points: 11\n" in text
    assert (
        "- {id: not-heard, text: 主要负责人年内未听取政务公开工作汇报, amount: 5, counting: once}"
        in text
    )


def test_the_yaml_writer_quotes_what_yaml_would_misread():
    data = {
        "id": "t",
        "title": "2023",
        "note": "a: b # c\n第二行",
        "classes": [{"id": "A", "name": "yes"}],
        "tables": [{"id": "T", "title": "- 表", "classes": ["A"], "sections": [
            {"id": "T1", "name": "[甲]", "points": D("0.5"), "faults": [{"id": "f1", "text": "x, y", "amount": D("0.5")}]}]}],
    }  # fmt: skip
    back = yaml.safe_load(dump_scheme(data))
    assert (
        back["title"] == "2023"
        and back["note"] == "a: b # c\n第二行"
        and back["classes"][0]["name"] == "yes"
    )
    assert (
        back["tables"][0]["title"] == "- 表" and back["tables"][0]["sections"][0]["name"] == "[甲]"
    )
    assert back["tables"][0]["sections"][0]["faults"][0] == {
        "id": "f1",
        "text": "x, y",
        "amount": 0.5,
    }


def _edit_xlsx(path: Path, find: str, replace: str) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == find:
                cell.value = replace
                wb.save(path)
                return
    raise AssertionError(f"{find} not found")


def test_an_edited_rule_in_an_exported_table_is_read_again(tmp_path):
    index = load_scheme(ROOT / "schemes" / "yongji-2023.yaml")
    out = tmp_path / "永济.xlsx"
    export_scheme(index, out)
    old = index.nodes["A1.1.1"].text
    _edit_xlsx(out, old, "主要负责人年内至少听取一次政务公开工作汇报,未听取的,扣3分。")
    result = import_scheme(out)
    got = result.index()
    assert result.embedded
    assert [f.amount for f in got.nodes["A1.1.1"].faults] == [D(3)]
    assert [r.indicator_id for r in result.review] == ["A1.1.1"]
    unchanged = copy.deepcopy(dump(index))
    # everything else is as it was
    for table, before in zip(dump(got)["tables"], unchanged["tables"], strict=True):
        assert table["sections"][1:] == before["sections"][1:]
    assert dump(got)["vetoes"] == unchanged["vetoes"]


def test_an_export_that_lost_its_hidden_data_is_read_as_a_typed_table(tmp_path):
    from openpyxl import load_workbook

    index = load_scheme(ROOT / "schemes" / "zhongshan-2022.yaml")
    out = tmp_path / "钟山.xlsx"
    export_scheme(index, out)
    wb = load_workbook(out)
    del wb["zwgk_scheme"]
    wb.save(out)
    result = import_scheme(out)
    assert not result.embedded
    got = result.index()
    assert [node_max(s) for s in got.scheme.tables[0].sections] == [
        node_max(s) for s in index.scheme.tables[0].sections
    ]
    assert any("单位评分表" in w for w in result.warnings)


def test_the_export_has_the_score_table_and_a_blank_unit_form(tmp_path):
    from openpyxl import load_workbook

    index = load_scheme(ROOT / "schemes" / "yongji-2023.yaml")
    export_scheme(index, tmp_path / "x.xlsx")
    wb = load_workbook(tmp_path / "x.xlsx")
    names = wb.sheetnames
    assert (
        names[:2] == ["评分表（乡镇、街道）", "评分表（市直部门）"] and names[-1] == "zwgk_scheme"
    )
    assert wb["zwgk_scheme"].sheet_state == "hidden"
    ws = wb[names[0]]
    assert [c.value for c in ws[2]] == [
        "编号",
        "一级指标",
        "二级指标",
        "三级指标",
        "赋分",
        "扣分标准",
        "加分标准",
        "考核方式",
    ]
    assert ws["B3"].value == "组织领导与工作保障（11分）" and "B3:B4" in {
        str(r) for r in ws.merged_cells.ranges
    }
    assert (
        ws.page_setup.orientation == "landscape" and ws.print_title_rows.replace("$", "") == "2:2"
    )
    form = wb["单位评分表（乡镇、街道）"]
    assert form["A2"].value.startswith("单位名称")
    assert [c.value for c in form[3]][-3:] == ["自评得分", "考核得分", "扣分说明"]


def test_the_word_export_is_landscape_with_merged_cells(tmp_path):
    import docx

    index = load_scheme(ROOT / "schemes" / "yongji-2023.yaml")
    export_scheme(index, tmp_path / "x.docx")
    document = docx.Document(str(tmp_path / "x.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height
    table = document.tables[0]
    assert table.cell(1, 1).text == "组织领导与工作保障（11分）"
    assert table.cell(2, 1)._tc is table.cell(1, 1)._tc  # merged down
    assert len(document.tables) == 4  # two score tables and two unit forms


# ------------------------------------------------------------------------- office fixtures


@functools.cache
def office_import(stem: str, suffix: str):
    path = FIXTURES / f"seed_{SHORT[stem]}{suffix}"
    if not (ROOT / "schemes" / f"{stem}.yaml").exists():
        pytest.skip(f"schemes/{stem}.yaml not present")
    result = import_scheme(path)
    return load_scheme(ROOT / "schemes" / f"{stem}.yaml"), result, result.index()


def node_pairs(hand: SchemeIndex, got: SchemeIndex) -> list[tuple[Node, Node]]:
    pairs: list[tuple[Node, Node]] = []

    def walk(a: list[Node], b: list[Node]) -> None:
        assert [n.name for n in a] == [n.name for n in b]
        for x, y in zip(a, b, strict=True):
            pairs.append((x, y))
            assert x.is_leaf == y.is_leaf, x.id
            if not x.is_leaf:
                walk(x.children, y.children)

    assert len(hand.scheme.tables) == len(got.scheme.tables)
    for t1, t2 in zip(hand.scheme.tables, got.scheme.tables, strict=True):
        walk(t1.sections, t2.sections)
    return pairs


# Class names an office table states in its titles; 钟山's one table serves two classes that only its
# 责任单位 column tells apart, so its import has one class.
EXPECTED_CLASSES = {
    "xx-2023": [["A"], ["B"]],
    "yongji-2023": [["A"], ["B"]],
    "yueyang-2017": [["县市区"], ["市直及中、省驻岳单位"]],
    "suizhou-gxq-2021": [["被考核单位"]],
    "zhongshan-2022": [["被考核单位"]],
}


@pytest.mark.parametrize("case", OFFICE, ids=office_id)
def test_an_office_table_imports_to_the_same_tree(case):
    hand, result, got = office_import(*case)
    pairs = node_pairs(hand, got)
    for a, b in pairs:
        assert node_max(a) == node_max(b), (a.id, b.id)
    assert len(pairs) == len(hand.nodes)
    names = {c.id: c.name for c in got.scheme.classes}
    expected = EXPECTED_CLASSES[case[0]]
    shown = [
        [c if len(exp[0]) == 1 else names[c] for c in t.classes]
        for t, exp in zip(got.scheme.tables, expected, strict=True)
    ]
    assert shown == expected
    # the imported scheme written as YAML reads back the same
    assert dump(load_scheme_text(dump_scheme(result.scheme_dict), "imported.yaml")) == dump(got)
    assert render_review(result).startswith(f"导入 seed_{SHORT[case[0]]}{case[1]}：")


def reviewed(result) -> set[str]:
    return {r.indicator_id for r in result.review}


def _eff(cap, *limits):
    values = [v for v in (cap, *limits) if v is not None]
    return min(values) if values else None


def _list_bound(fault, cap) -> int | None:
    """How many items a checklist holds, where that bounds the deduction below its cap."""
    if not fault.elements or fault.amount is None:
        return None
    n = len(fault.elements)
    return n if cap is None or n * fault.amount < cap else None


def rule_keys(index: SchemeIndex, node: Node) -> tuple[Decimal | None, list[tuple], list[tuple]]:
    """Per fault and per bonus what scores: amount, zeroing, judgement, effective cap."""
    parent = index.nodes.get(index.parent.get(node.id) or "")
    pooled = parent is not None and parent.pooled
    limit = _eff(node.cap, parent.points if pooled else node.points)
    # per missing item and per occurrence add up alike on counts (they differ only on named items);
    # a fault deducted once (counting once, or a cap equal to its amount) costs its amount at most
    faults = []
    for f in node.faults:
        once = f.mode is Counting.ONCE or (f.cap is not None and f.cap == f.amount)
        cap = f.amount if once else _eff(f.cap, limit)
        faults.append(
            (f.amount, f.zeroes, f.discretionary, once, None if once else _list_bound(f, cap), cap)
        )
    bonus_limit = node.bonus_cap if len(node.bonuses) == 1 else None
    bonuses = [(b.amount, b.discretionary, _eff(b.cap, bonus_limit)) for b in node.bonuses]
    return limit, faults, bonuses


def rule_signature(index: SchemeIndex, node: Node) -> dict:
    """What scores the same: amounts, effective caps and zeroing (texts and ids aside). Faults
    with the same amount and no cap of their own count alike, so one sentence listing three
    situations at 1 point each is the same rule whether written as one fault or three."""
    limit, faults, bonuses = rule_keys(index, node)
    bonus_limit = node.bonus_cap if len(node.bonuses) == 1 else None
    return {
        "kind": node.kind,
        "points": node.points if node.range is None else None,
        "range": node.range,
        "limit": limit,
        "faults": collapse(faults, limit),
        "bonuses": collapse(bonuses, bonus_limit),
        "bonus_cap": node.bonus_cap if len(node.bonuses) > 1 else None,
    }


def _shared(key: tuple, limit) -> bool:
    """A counted rule with no cap of its own: several of them add up like one."""
    return key[-1] == limit and not (len(key) > 3 and key[3] is True)


def collapse(keys: list[tuple], limit) -> list[tuple]:
    """Merge the rules that have no cap of their own (their counts add up under the same limit)."""
    out: list[tuple] = []
    for key in keys:
        if _shared(key, limit) and key in out:
            continue
        out.append(key)
    return out


def matching_rule(keys_h: list[tuple], pos: int, keys_g: list[tuple], limit) -> int:
    """The imported rule that scores like the hand-written rule at ``pos``."""
    key = keys_h[pos]
    nth = 0 if _shared(key, limit) else keys_h[:pos].count(key)
    found = [i for i, k in enumerate(keys_g) if k == key]
    return found[min(nth, len(found) - 1)]


# Indicators the drafter did not mark for review whose rule still differs from the hand-written one,
# with the reason (reported to the lead; the test fails if this list goes stale either way).
KNOWN_RULE_DIFFERENCES: dict[str, dict[str, str]] = {
    "xx-2023": {
        "A2.2.1": "“未在政府网站公开的，扣1分”：起草按一次性扣分（上限1分），手写方案按每件扣1分",
        "A2.1.4": "“重点项目建设、五保低保、疫情防控、宅基地审批办理等相关事项。每少一项”：起草读作四项的封闭清单（最多扣4项），手写方案另设清单外事项",
        "A2.1.5": "清单（乡镇权责清单、行政审批局赋权清单）写在考核内容栏，扣分标准只有“每少一项，扣1分”：起草不知清单只有两项",
        "B3.1.3": "“政策文件、机构职能等基本目录，每少一项”：起草读作两项的封闭清单，手写方案另设清单外事项",
    },
    "yueyang-2017": {
        "C2.1.1": "“其他保障措施不到位的，每缺一项”：清单（队伍、经费、考评）写在考核内容栏，起草不知只有三项",
    },
    "yongji-2023": {
        "A3.1.1": "“有缺漏项和明显错误，以及未明确提供政府信息获取渠道的，包括…等，有一项扣1分”：起草读作一个情形，手写方案分三种情形（获取渠道为三项清单）",
        "B2.1.1": "同 A3.1.1",
    },
}


def rule_differences(hand: SchemeIndex, got: SchemeIndex, result) -> dict[str, tuple[dict, dict]]:
    skip = reviewed(result)
    out = {}
    for a, b in node_pairs(hand, got):
        if not a.is_leaf or b.id in skip:
            continue
        sa, sb = rule_signature(hand, a), rule_signature(got, b)
        if sa != sb:
            out[a.id] = (sa, sb)
    return out


@pytest.mark.parametrize("case", OFFICE, ids=office_id)
def test_an_office_table_gives_the_hand_written_rules_where_not_marked_for_review(case):
    hand, result, got = office_import(*case)
    diffs = rule_differences(hand, got, result)
    assert set(diffs) == set(KNOWN_RULE_DIFFERENCES.get(case[0], {})), diffs
    compared = sum(
        1 for a, b in node_pairs(hand, got) if a.is_leaf and b.id not in reviewed(result)
    )
    assert compared >= 10


def remap_facts(
    hand: SchemeIndex, got: SchemeIndex, result, facts: dict
) -> tuple[dict, dict, dict[str, str]]:
    """The worked-example facts for both schemes, on the leaves both encode alike (faults and
    bonuses matched by what they score, in order)."""
    pairs = {a.id: b for a, b in node_pairs(hand, got) if a.is_leaf}
    diffs = rule_differences(hand, got, result)
    usable = {h: b for h, b in pairs.items() if b.id not in reviewed(result) and h not in diffs}
    mine: dict[str, list] = {}
    theirs: dict[str, list] = {}
    for key in ("findings", "bonuses", "ratings", "imported", "metrics"):
        for fact in facts.get(key) or []:
            h = fact.get("indicator")
            if h not in usable:
                continue
            node_h, node_g = hand.nodes[h], usable[h]
            fact_g = dict(fact, indicator=node_g.id)
            if key in ("findings", "bonuses"):
                which = 1 if key == "findings" else 2
                keys_h, keys_g = rule_keys(hand, node_h)[which], rule_keys(got, node_g)[which]
                limit = (
                    rule_keys(hand, node_h)[0]
                    if which == 1
                    else (node_h.bonus_cap if len(node_h.bonuses) == 1 else None)
                )
                rules_h = node_h.faults if key == "findings" else node_h.bonuses
                rules_g = node_g.faults if key == "findings" else node_g.bonuses
                field = "fault" if key == "findings" else "bonus"
                rid = fact.get(field)
                pos_h = 0 if rid is None else [r.id for r in rules_h].index(rid)
                pos_g = matching_rule(keys_h, pos_h, keys_g, limit)
                if rid is not None or len(rules_g) > 1:
                    fact_g[field] = rules_g[pos_g].id
                missing = fact.get("missing")
                if (
                    key == "findings"
                    and missing
                    and set(missing) - set(rules_g[pos_g].elements or [])
                ):
                    fact_g.pop("missing")
                    fact_g["count"] = len(missing)
            theirs.setdefault(key, []).append(fact)
            mine.setdefault(key, []).append(fact_g)
    return theirs, mine, {h: b.id for h, b in usable.items()}


UNITS_FILES = {"xx-2023": ROOT / "examples" / "xx-2023-units.yaml"}


@pytest.mark.parametrize("case", OFFICE, ids=office_id)
def test_an_office_table_scores_the_worked_example_like_the_hand_written_scheme(case, tmp_path):
    hand, result, got = office_import(*case)
    short = SHORT[case[0]]
    facts = yaml.safe_load(
        (ROOT / "tests" / "data" / f"seed_{short}_facts.yaml").read_text(encoding="utf-8")
    )
    units_path = UNITS_FILES.get(case[0], ROOT / "tests" / "data" / f"seed_{short}_units.yaml")
    units_raw = yaml.safe_load(units_path.read_text(encoding="utf-8"))
    theirs, mine, mapping = remap_facts(hand, got, result, facts)
    assert mine, (
        "no worked-example fact falls on a leaf the import encodes like the hand-written scheme"
    )
    table_index = {c: i for i, t in enumerate(hand.scheme.tables) for c in t.classes}
    units_g = copy.deepcopy(units_raw)
    for unit in units_g["units"]:
        unit["class"] = got.scheme.tables[table_index[unit["class"]]].classes[0]
        unit.pop("tags", None)
    paths = {}
    for name, data in (
        ("h-facts", theirs),
        ("g-facts", mine),
        ("h-units", units_raw),
        ("g-units", units_g),
    ):
        paths[name] = tmp_path / f"{name}.yaml"
        paths[name].write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    u_h, u_g = load_units(paths["h-units"]), load_units(paths["g-units"])
    r_h = score(hand, u_h, load_facts(paths["h-facts"], hand, u_h))
    r_g = score(got, u_g, load_facts(paths["g-facts"], got, u_g))
    compared = 0
    for unit in u_h:
        for h, g in mapping.items():
            if not hand.applies(h, unit):
                continue
            nh = r_h.unit(unit.name).node(h)
            if nh.status is not NodeStatus.SCORED:
                continue
            ng = r_g.unit(unit.name).node(g)
            assert (nh.earned, nh.bonus) == (ng.earned, ng.bonus), (unit.name, h, g)
            compared += 1
    assert compared > 0


def test_the_fixtures_are_in_sync_with_the_schemes(tmp_path):
    """Rebuilding the fixtures from schemes/*.yaml gives the same tables (run the script if not)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("mk", ROOT / "bench" / "make_office_fixtures.py")
    mk = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mk
    spec.loader.exec_module(mk)
    for stem in SHORT:
        scheme_path = ROOT / "schemes" / f"{stem}.yaml"
        if not scheme_path.exists():
            continue
        style = mk.STYLES[stem]
        fresh = tmp_path / f"{style.short}.xlsx"
        mk.write_xlsx(load_scheme(scheme_path), style, fresh)
        a, b = _cells(fresh), _cells(FIXTURES / f"{style.short}.xlsx")
        assert a == b, (
            f"tests/fixtures/{style.short}.* 已过期：请运行 .venv/bin/python bench/make_office_fixtures.py"
        )


def _cells(path: Path) -> list:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return [
        (
            ws.title,
            [[c.value for c in row] for row in ws.iter_rows()],
            sorted(map(str, ws.merged_cells.ranges)),
        )
        for ws in wb
    ]
