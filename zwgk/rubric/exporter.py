"""Exporting a scheme as the office's 评分表: an Excel workbook or a Word document.

The layout is the familiar one — 一级指标 · 二级指标 · 三级指标 · 赋分 · 扣分标准 · 加分标准 · 考核方式,
merged 一级/二级 cells with their subtotals written in the cell ("主动公开（37分）"), A4 landscape, the
header repeated on every printed page — with two additions that let :mod:`zwgk.rubric.importer`
give back exactly the same scheme:

* a narrow first column **编号** holding each indicator's id (``A3.1.2``; ``否决:fake`` for a veto
  row), so that a person can refer to indicators and the importer can match rows to indicators;
* the whole scheme as YAML (:func:`zwgk.rubric.yamlout.dump_scheme`): in a workbook, a hidden
  sheet ``zwgk_scheme`` (one line per cell in column A); in a Word document, a custom XML part
  (``customXml/item1.xml``, namespace ``urn:zwgk:scheme:v1``) — the standard place for data that
  belongs to a document and that Word keeps when it saves the file.

On import, the rows are compared with the embedded scheme: unchanged rows give back the embedded
indicators exactly, edited cells are read again (see the importer). A file that has lost the
embedded data (e.g. copied into a new workbook) is read like any office-typed table.

Besides the score table(s), the export holds a blank per-unit form for paper rounds
(单位评分表: the same rows plus 自评得分 / 考核得分 / 扣分说明 and a 单位名称 line) — a sheet per table in
Excel, a page per table in Word. The importer skips these forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from zwgk.rubric.index import SchemeIndex
from zwgk.rubric.model import Bonus, Fault, Node, Scheme, Table, Veto, VetoEffect
from zwgk.rubric.numbers import fmt
from zwgk.rubric.tabular_io import EMBED_MARK, EMBED_NS, EMBED_SHEET
from zwgk.rubric.yamlout import dump_scheme

# key, heading, width in Excel character units
BASE_COLUMNS = [
    ("id", "编号", 8),
    ("l1", "一级指标", 12),
    ("l2", "二级指标", 14),
    ("l3", "三级指标", 16),
    ("points", "赋分", 7),
]
OPTIONAL_BEFORE = [("content", "考核内容", 30)]
RULE_COLUMNS = [("text", "扣分标准", 46), ("bonus", "加分标准", 26), ("method", "考核方式", 16)]
OPTIONAL_AFTER = [("basis", "指标依据", 28), ("scope", "适用范围", 14)]
SCORE_COLUMNS = [("self", "自评得分", 8), ("score", "考核得分", 8), ("why", "扣分说明", 20)]
LEVEL_KEYS = ("l1", "l2", "l3")
VETO_SECTION = "否决情形"
VETO_ID_PREFIX = "否决:"


@dataclass
class Row:
    kind: str  # "leaf", "veto" or "total"
    id: str | None
    cells: dict[str, str]
    levels: list[str | None] = field(default_factory=list)  # node id owning each level cell


@dataclass
class TableLayout:
    table: Table
    title: str
    columns: list[tuple[str, str, int]]
    rows: list[Row]
    label: str  # short class label for sheet names


def scheme_data(scheme: Scheme) -> dict[str, Any]:
    """The scheme as plain data (what the YAML holds), defaults left out."""
    return scheme.model_dump(mode="python", exclude_defaults=True, by_alias=False)


def points_cell(node: Node, pooled_child: bool = False) -> str:
    if node.range is not None:
        return f"{fmt(node.range[0])}—{fmt(node.range[1])}"
    if pooled_child:
        return ""
    if node.kind == "bonus":
        return "—"
    return fmt(node.points) if node.points is not None else ""


def section_label(node: Node) -> str:
    return f"{node.name}（{fmt(node.points)}分）" if node.points is not None else node.name


def _per(per: str | None, elements: list[str] | None) -> str:
    if elements:
        return f"每缺一{per or '项'}"
    return f"每{per}" if per else ""


def describe_fault(f: Fault) -> str:
    if f.zeroes:
        return f"{f.text}的，不得分"
    if f.discretionary:
        cap = f"，最多扣{fmt(f.cap)}分" if f.cap else ""
        return f"{f.text}，逐条酌定扣分{cap}"
    items = f"（{'、'.join(f.elements)}）" if f.elements else ""
    cap = f"，最多扣{fmt(f.cap)}分" if f.cap is not None and f.cap != f.amount else ""
    return f"{f.text}{items}，{_per(f.per, f.elements)}扣{fmt(f.amount)}分{cap}"


def describe_bonus(b: Bonus) -> str:
    if b.discretionary:
        return f"{b.text}，加分酌情而定"
    cap = f"，最高加{fmt(b.cap)}分" if b.cap is not None else ""
    return f"{b.text}，{_per(b.per, None)}加{fmt(b.amount)}分{cap}"


def rule_cell(node: Node) -> str:
    """The 扣分标准 cell: the verbatim text, or a sentence made from the structured rule."""
    if node.text:
        return node.text
    if node.rank is not None:
        r = node.rank
        if r.table:
            steps = "，".join(f"第{k}名{fmt(v)}分" for k, v in sorted(r.table.items()))
            return f"按{r.metric}排名赋分：{steps}，其余{fmt(r.floor)}分"
        return f"按{r.metric}排名赋分：第一名{fmt(node.points)}分，每降一名减{fmt(r.step)}分，最低{fmt(r.floor)}分"
    if node.imported is not None:
        return f"由{node.imported.by}考核计分"
    if node.range is not None:
        return f"在{fmt(node.range[0])}至{fmt(node.range[1])}分之间评定"
    parts = [describe_fault(f) for f in node.faults]
    text = "；".join(parts)
    if text and node.cap is not None:
        text += f"；扣分上限为{fmt(node.cap)}分"
    return text + ("。" if text else "")


def bonus_cell(node: Node) -> str:
    """The 加分标准 cell: the verbatim text, or (when the 扣分标准 text does not hold the bonuses
    already, as in 钟山's one-column tables) a sentence made from the structured bonuses."""
    if node.bonus_text:
        return node.bonus_text
    if node.text:
        return ""
    text = "；".join(describe_bonus(b) for b in node.bonuses)
    if text and node.bonus_cap is not None:
        text += f"；加分上限为{fmt(node.bonus_cap)}分"
    return text + ("。" if text else "")


def _scope_text(node: Node) -> str | None:
    s = node.applies_to
    if s is None:
        return None
    if s.text:
        return s.text
    return "、".join([*s.units, *s.tags, *(f"{c}类" for c in s.classes)]) or None


def veto_effect_cell(v: Veto) -> str:
    if v.effect is VetoEffect.FAIL:
        return "不合格"
    if v.effect is VetoEffect.ZERO:
        return "清零"
    return "酌情" if v.discretionary else f"-{fmt(v.amount)}"


def veto_text(v: Veto, index: SchemeIndex) -> str:
    if v.text:
        return v.text
    if v.effect is VetoEffect.FAIL:
        return f"{v.name}的，年度考核为不合格。"
    if v.effect is VetoEffect.ZERO:
        target = index.nodes.get(v.target or "")
        return f"{v.name}的，单项否决，{target.name if target else v.target}不得分。"
    if v.discretionary:
        return f"{v.name}的，酌情扣分。"
    return f"{v.name}的，扣{fmt(v.amount)}分。"


def layout(index: SchemeIndex) -> list[TableLayout]:
    """Rows and columns of every score table, as both writers and the importer see them."""
    scheme = index.scheme
    class_names = {c.id: c.name for c in scheme.classes}
    out: list[TableLayout] = []
    for table in scheme.tables:
        rows: list[Row] = []
        chain_cache: dict[str, tuple[Node, ...]] = index.chain

        for leaf in index.leaves[table.id]:
            chain = chain_cache[leaf.id]
            parent = chain[-2] if len(chain) > 1 else None
            pooled_child = parent is not None and parent.pooled
            cells: dict[str, str] = {"id": leaf.id}
            levels: list[str | None] = [None, None, None]
            names = [section_label(n) for n in chain[:-1]]
            depth = len(chain)
            if depth == 1:
                cells.update(l1=leaf.name, l2=leaf.name, l3=leaf.name)
                levels = [leaf.id, leaf.id, leaf.id]
            elif depth == 2:
                cells.update(l1=names[0], l2=leaf.name, l3=leaf.name)
                levels = [chain[0].id, leaf.id, leaf.id]
            else:
                deep = "／".join([*names[2:], leaf.name]) if depth > 3 else leaf.name
                cells.update(l1=names[0], l2=names[1], l3=deep)
                levels = [chain[0].id, chain[1].id, leaf.id]
            cells["points"] = points_cell(leaf, pooled_child)
            cells["text"] = rule_cell(leaf)
            cells["bonus"] = bonus_cell(leaf)
            cells["method"] = "+".join(leaf.method)
            cells["content"] = next((n.content for n in reversed(chain) if n.content), "") or ""
            cells["basis"] = next((n.basis for n in reversed(chain) if n.basis), "") or ""
            cells["scope"] = next((t for n in reversed(chain) if (t := _scope_text(n))), "") or ""
            rows.append(Row("leaf", leaf.id, cells, levels))
        for veto in scheme.vetoes:
            if (
                veto.effect is VetoEffect.ZERO
                and veto.target
                and index.table_of_node.get(veto.target) != table.id
            ):
                continue
            cells = {
                "id": f"{VETO_ID_PREFIX}{veto.id}",
                "l1": VETO_SECTION,
                "l2": veto.name,
                "l3": veto.name,
                "points": veto_effect_cell(veto),
                "text": veto_text(veto, index),
            }
            rows.append(Row("veto", cells["id"], cells, ["#veto", f"#v{veto.id}", f"#v{veto.id}"]))
        total = index.table_total(table)
        rows.append(
            Row(
                "total",
                None,
                {"l1": "合计", "l2": "合计", "l3": "合计", "points": fmt(total)},
                ["#t", "#t", "#t"],
            )
        )

        used = {k for r in rows for k, v in r.cells.items() if v}
        # as many level columns as the deepest indicator needs (钟山: 一级、二级 only)
        depth = min(
            3, max((len(index.chain[leaf.id]) for leaf in index.leaves[table.id]), default=1)
        )
        for row in rows:
            row.levels = row.levels[:depth]
        columns = [c for c in BASE_COLUMNS if c[0] not in LEVEL_KEYS[depth:]]
        columns += [c for c in OPTIONAL_BEFORE if c[0] in used]
        columns += RULE_COLUMNS
        columns += [c for c in OPTIONAL_AFTER if c[0] in used]
        label = "、".join(class_names.get(c, c) for c in table.classes)
        out.append(TableLayout(table, table.title, columns, rows, label))
    return out


def _merge_runs(rows: list[Row], level: int) -> list[tuple[int, int]]:
    """(first, last) row indexes of runs of equal owners in one level column."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(rows) + 1):
        if (
            i == len(rows)
            or rows[i].levels[level] != rows[start].levels[level]
            or rows[i].levels[level] is None
        ):
            if i - start > 1 and rows[start].levels[level] is not None:
                runs.append((start, i - 1))
            start = i
    return runs


def _h_spans(row: Row) -> list[tuple[int, int]]:
    """Level columns a row's level cells span horizontally: [(first, last)]."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(row.levels)
    for j in range(1, n + 1):
        if j == n or row.levels[j] != row.levels[start]:
            if j - 1 > start:
                spans.append((start, j - 1))
            start = j
    return spans


def export_scheme(index: SchemeIndex, path: str | Path) -> None:
    """Write the scheme's score tables to ``path``: ``.xlsx`` or ``.docx`` by the suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(index, path)
    elif suffix == ".docx":
        _write_docx(index, path)
    else:
        raise ValueError(f"{path}: 只能导出为 .xlsx 或 .docx")


def _sheet_name(base: str, label: str, several: bool, used: set[str]) -> str:
    name = f"{base}（{label}）" if several else base
    name = re.sub(r"[\[\]:*?/\\]", "", name)[:31]
    candidate, n = name, 2
    while candidate in used:
        candidate = f"{name[:28]}{n}"
        n += 1
    used.add(candidate)
    return candidate


# ---------------------------------------------------------------------------------------- xlsx


def _write_xlsx(index: SchemeIndex, path: Path) -> None:

    wb = Workbook()
    wb.remove(wb.active)
    layouts = layout(index)
    several = len(layouts) > 1
    used: set[str] = set()
    for lay in layouts:
        ws = wb.create_sheet(_sheet_name("评分表", lay.label, several, used))
        _fill_sheet(ws, lay, lay.title, None, [])
    for lay in layouts:
        ws = wb.create_sheet(_sheet_name("单位评分表", lay.label, several, used))
        line = "单位名称：＿＿＿＿＿＿＿＿＿＿　　　自评人：＿＿＿＿＿＿　　　考核人员：＿＿＿＿＿＿　　　日期：＿＿＿＿年＿＿月＿＿日"
        _fill_sheet(ws, lay, f"{lay.title}（单位评分表）", line, SCORE_COLUMNS)
    data = wb.create_sheet(EMBED_SHEET)
    data.sheet_state = "hidden"
    data.cell(row=1, column=1, value=EMBED_MARK)
    text = dump_scheme(scheme_data(index.scheme))
    for i, line in enumerate(text.rstrip("\n").split("\n"), start=2):
        data.cell(row=i, column=1, value="|" + line)
    data.column_dimensions["A"].width = 120
    wb.save(path)


def _fill_sheet(
    ws, lay: TableLayout, title: str, line: str | None, extra: list[tuple[str, str, int]]
) -> None:

    columns = lay.columns + extra
    ncol = len(columns)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    r = 1
    ws.cell(row=r, column=1, value=title).font = Font(bold=True, size=14)
    ws.cell(row=r, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    ws.row_dimensions[r].height = 28
    if line:
        r += 1
        ws.cell(row=r, column=1, value=line).alignment = Alignment(vertical="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        ws.row_dimensions[r].height = 22
    r += 1
    header_row = r
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, (_, heading, width) in enumerate(columns, start=1):
        cell = ws.cell(row=r, column=c, value=heading)
        cell.font = Font(bold=True)
        cell.alignment = center
        cell.border = border
        cell.fill = fill
        ws.column_dimensions[get_column_letter(c)].width = width
    first = r + 1
    for i, row in enumerate(lay.rows):
        rr = first + i
        for c, (key, _, _) in enumerate(columns, start=1):
            value = clean_cell(row.cells.get(key, ""))
            cell = ws.cell(row=rr, column=c, value=value if value else None)
            if value.startswith("="):
                cell.data_type = "s"  # text, not a formula
            cell.border = border
            cell.alignment = (
                center if key in ("id", "l1", "l2", "points", "self", "score") else wrap
            )
            if key == "id":
                cell.font = Font(size=8, color="808080")
            if row.kind == "total":
                cell.font = Font(bold=True)
    level_col = {k: i + 1 for i, (k, _, _) in enumerate(columns)}
    for row_i, row in enumerate(lay.rows):
        for a, b in _h_spans(row):
            ws.merge_cells(
                start_row=first + row_i,
                start_column=level_col[LEVEL_KEYS[a]],
                end_row=first + row_i,
                end_column=level_col[LEVEL_KEYS[b]],
            )
    for level in range(len(lay.rows[0].levels)):
        col = level_col[LEVEL_KEYS[level]]
        for a, b in _merge_runs(lay.rows, level):
            ws.merge_cells(start_row=first + a, start_column=col, end_row=first + b, end_column=col)
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True


# ---------------------------------------------------------------------------------------- docx


def _write_docx(index: SchemeIndex, path: Path) -> None:

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin = section.bottom_margin = Mm(15)
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    _east_asian_font(style.element, "宋体")
    layouts = layout(index)
    first = True
    for lay, score_form in [*((x, False) for x in layouts), *((x, True) for x in layouts)]:
        if not first:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(f"{lay.title}（单位评分表）" if score_form else lay.title)
        run.bold = True
        run.font.size = Pt(16)
        if score_form:
            document.add_paragraph(
                "单位名称：＿＿＿＿＿＿＿＿＿＿　　　自评人：＿＿＿＿＿＿　　　考核人员：＿＿＿＿＿＿　　　日期：＿＿＿＿年＿＿月＿＿日"
            )
        _docx_table(document, lay, SCORE_COLUMNS if score_form else [])
    _embed_docx(document, dump_scheme(scheme_data(index.scheme)))
    document.save(str(path))


def _east_asian_font(element, name: str) -> None:

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _docx_table(document, lay: TableLayout, extra: list[tuple[str, str, int]]) -> None:

    columns = lay.columns + extra
    total_width = sum(w for _, _, w in columns)
    widths = [Mm(267 * w / total_width) for _, _, w in columns]
    table = document.add_table(rows=1 + len(lay.rows), cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for c, (_, heading, _) in enumerate(columns):
        cell = header.cells[c]
        cell.width = widths[c]
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
    grid = [row.cells for row in table.rows[1:]]
    for i, row in enumerate(lay.rows):
        for c, (key, _, _) in enumerate(columns):
            cell = grid[i][c]
            cell.width = widths[c]
            value = row.cells.get(key, "")
            if key in LEVEL_KEYS:
                level = LEVEL_KEYS.index(key)
                owner = row.levels[level]
                if i > 0 and owner is not None and lay.rows[i - 1].levels[level] == owner:
                    continue  # merged with the cell above
                if level > 0 and owner is not None and row.levels[level - 1] == owner:
                    continue  # merged with the cell to the left
            if value:
                run = cell.paragraphs[0].add_run(clean_cell(value))
                if key == "id":
                    run.font.size = Pt(7)
                    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
                if row.kind == "total":
                    run.bold = True
    # merges: horizontal first, then vertical runs of the same owner
    for i, row in enumerate(lay.rows):
        for a, b in _h_spans(row):
            ca = next(k for k, (key, _, _) in enumerate(columns) if key == LEVEL_KEYS[a])
            cb = next(k for k, (key, _, _) in enumerate(columns) if key == LEVEL_KEYS[b])
            grid[i][ca].merge(grid[i][cb])
    for level in range(len(lay.rows[0].levels)):
        col = next(k for k, (key, _, _) in enumerate(columns) if key == LEVEL_KEYS[level])
        for a, b in _merge_runs(lay.rows, level):
            grid[a][col].merge(grid[b][col])


def _embed_docx(document, text: str) -> None:
    """Store the scheme YAML in a custom XML part of the document."""

    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/customXml/item{n}.xml" in taken:
        n += 1
    root = etree.Element(f"{{{EMBED_NS}}}scheme", nsmap={"zwgk": EMBED_NS})
    root.text = text
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    item = Part(PackURI(f"/customXml/item{n}.xml"), "application/xml", blob, package)
    props_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        '<ds:datastoreItem ds:itemID="{6F1D3A52-7C1B-4E0A-9E57-2A7B5C8D9E10}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{EMBED_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    props = Part(
        PackURI(f"/customXml/itemProps{n}.xml"),
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
        props_xml,
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_cell(text: str) -> str:
    """Cell text without the control characters Excel and Word files cannot hold."""
    return _ILLEGAL_XML.sub("", text)


def cell_norm(text: str | None) -> str:
    """Cell text compared without whitespace (line breaks and spaces are layout, not content)."""
    return re.sub(r"\s+", "", clean_cell(text or ""))


def expected_cells(index: SchemeIndex) -> dict[str, dict[str, str]]:
    """Row id → the cell texts the exporter writes for it (for the importer's edit check)."""
    out: dict[str, dict[str, str]] = {}
    for lay in layout(index):
        keys = [k for k, _, _ in lay.columns]
        for row in lay.rows:
            if row.id:
                out[row.id] = {k: row.cells.get(k, "") for k in keys}
    return out


__all__ = ["expected_cells", "export_scheme", "layout", "scheme_data"]
