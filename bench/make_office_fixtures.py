"""Build the office-typed score tables used by tests/test_import_export.py.

    .venv/bin/python bench/make_office_fixtures.py      # writes tests/fixtures/seed_*.xlsx / .docx

For every seed scheme in ``schemes/`` the script types the scheme's score table(s) the way the
office that wrote the seed would have typed them in Excel and in Word: the seed's own column
headings (永济 "扣分 标准"/"考核 方式", 钟山 "考核评分标准"/"责任单位", 随州 "测评方式/测评要点/指标依据/
评估数据采集范围/分值", …), merged 一级/二级 cells, subtotals in the 一级 cell only where the seed prints
them, "-" in empty cells, a 重大扣分项 / 否决 row, several tables in one Word file and in one
workbook (a sheet each, or stacked in one sheet). There are no ids and no hidden data: the
importer has to read them like any office file. Names, points and texts come from
``schemes/*.yaml`` so the fixtures stay in sync with the hand-written schemes; rebuild them after
changing a scheme.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zwgk.rubric import load_scheme  # noqa: E402
from zwgk.rubric.index import SchemeIndex  # noqa: E402
from zwgk.rubric.model import Node, Table  # noqa: E402
from zwgk.rubric.numbers import fmt  # noqa: E402

OUT = ROOT / "tests" / "fixtures"
LEVELS = ("l1", "l2", "l3")


@dataclass
class Style:
    """How one office typed its table."""

    short: str  # fixture file stem
    columns: list[tuple[str, str]]  # (heading as typed, field)
    table_columns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # per table id
    subtotal_levels: tuple[int, ...] = (0,)  # section levels whose cell prints "（N分）"
    no_subtotal: frozenset[str] = frozenset()  # sections whose subtotal the seed does not print
    leaf_points_in_name: bool = False  # 随州: "政策文件（8分）"
    l2_leaf: str = "merge"  # a 二级 leaf in a 三级 table: "merge" 二级+三级, or leave 三级 "blank"
    empty: str = "-"  # what an empty 加分标准 / 赋分 cell holds
    attachments: list[str] = field(default_factory=list)  # "附件2" line above each table
    sheets: list[str] | None = None  # one sheet per table (names), or None: all in one sheet
    one_sheet: str = "Sheet1"
    docx_chunk: int | None = None  # split Word tables into chunks (page breaks, header repeated)
    veto_row: str | None = None  # l1 text of a final row listing the scheme's vetoes
    veto_intro: str = ""
    veto_method: str = ""
    inline_vetoes: dict[str, list[tuple[str, str, bool]]] = field(default_factory=dict)
    # section id -> [(row name, veto id, before the section's own rows?)]


STYLES: dict[str, Style] = {
    "yongji-2023": Style(
        short="seed_yongji2023",
        columns=[
            ("一级指标", "l1"),
            ("二级指标", "l2"),
            ("三级 指标", "l3"),
            ("赋分", "points"),
            ("扣分 标准", "text"),
            ("加分标准", "bonus"),
            ("考核 方式", "method"),
        ],
        no_subtotal=frozenset({"B2", "A7", "B7"}),
        attachments=["附件2", "附件3"],
        sheets=["A类", "B类"],
        docx_chunk=14,
        veto_row="重大扣分项",
        veto_method="根据考核情况评定",
    ),
    "zhongshan-2022": Style(
        short="seed_zhongshan2022",
        columns=[
            ("一级指标", "l1"),
            ("二级指标", "l2"),
            ("考核评分标准", "rule"),
            ("责任单位", "scope"),
        ],
        no_subtotal=frozenset({"Z6"}),
        empty="",
        attachments=["附件:"],
        inline_vetoes={
            "Z3": [("平台管理", "media-mismanaged", False), ("信息审核", "media-leak", False)],
            "Z5": [("信息安全(单项否决)", "site-security", True)],
        },
    ),
    "suizhou-gxq-2021": Style(
        short="seed_suizhou2021",
        columns=[
            ("一级指标", "l1"),
            ("二级\n指标", "l2"),
            ("三级\n指标", "l3"),
            ("测评方式", "method_plain"),
            ("测评要点", "content"),
            ("指标依据", "basis"),
            ("评估数据\n采集范围", "scope"),
            ("分值", "points"),
        ],
        subtotal_levels=(0, 1),
        leaf_points_in_name=True,
        l2_leaf="blank",
        empty="",
        attachments=["附件"],
        docx_chunk=10,
    ),
    "yueyang-2017": Style(
        short="seed_yueyang2017",
        columns=[
            ("一级指标", "l1"),
            ("二级指标", "l2"),
            ("三级指标", "l3"),
            ("分值", "points"),
            ("考核内容", "content"),
            ("扣分标准", "text"),
        ],
        subtotal_levels=(),
        empty="",
        one_sheet="考评细则",
    ),
    "xx-2023": Style(
        short="seed_xx2023",
        columns=[
            ("一级指标", "l1"),
            ("二级指标", "l2"),
            ("三级指标", "l3"),
            ("赋分", "points"),
            ("考核内容", "content_rule"),
            ("考核方式", "method"),
        ],
        table_columns={
            "TB": [
                ("一级指标", "l1"),
                ("二级指标", "l2"),
                ("三级指标", "l3"),
                ("赋分", "points"),
                ("考核内容", "content_rule"),
                ("考核单位", "scope"),
                ("考核方式", "method"),
            ]
        },
        subtotal_levels=(),
        attachments=["附件2", "附件3"],
        sheets=["附件2", "附件3"],
        veto_row="否决情形",
        veto_intro="考核中有下列情形的,如被发现,年度考核为不合格。",
        veto_method="根据考核情况评定",
    ),
}


@dataclass
class Row:
    cells: dict[str, str]
    owners: dict[str, str | None]  # level field -> owner key (equal owners merge vertically)
    span: tuple[str, str] | None = None  # fields merged horizontally (first, last)


def default_style(stem: str) -> Style:
    return Style(
        short=f"seed_{stem.replace('-', '')}",
        columns=[
            ("一级指标", "l1"),
            ("二级指标", "l2"),
            ("三级指标", "l3"),
            ("赋分", "points"),
            ("扣分标准", "text"),
            ("加分标准", "bonus"),
            ("考核方式", "method"),
        ],
    )


def _label(node: Node, level: int, style: Style) -> str:
    if level in style.subtotal_levels and node.points and node.id not in style.no_subtotal:
        return f"{node.name}（{fmt(node.points)}分）"
    return node.name


def _points(node: Node, pooled_child: bool, style: Style) -> str:
    if pooled_child:
        return ""
    if node.range is not None and node.points is None:
        return f"{fmt(node.range[0])}—{fmt(node.range[1])}"
    if node.kind == "bonus":
        return style.empty or "-"
    return fmt(node.points) if node.points is not None else ""


def _scope(chain: tuple[Node, ...]) -> str:
    for n in reversed(chain):
        if n.applies_to is not None and n.applies_to.text:
            return n.applies_to.text
    return ""


def _first(chain: tuple[Node, ...], attr: str) -> str:
    for n in reversed(chain):
        value = getattr(n, attr)
        if value:
            return value
    return ""


def leaf_row(index: SchemeIndex, leaf: Node, style: Style) -> Row:
    chain = index.chain[leaf.id]
    parent = chain[-2] if len(chain) > 1 else None
    pooled_child = parent is not None and parent.pooled
    name = leaf.name
    if style.leaf_points_in_name and leaf.points:
        name = f"{leaf.name}（{fmt(leaf.points)}分）"
    cells: dict[str, str] = {}
    owners: dict[str, str | None] = {}
    span = None
    depth = len(chain)
    labels = [_label(n, i, style) for i, n in enumerate(chain[:-1])]
    if depth == 1:
        cells["l1"], owners["l1"] = name, leaf.id
    elif depth == 2:
        cells["l1"], owners["l1"] = labels[0], chain[0].id
        cells["l2"], owners["l2"] = name, leaf.id
        if style.l2_leaf == "merge":
            cells["l3"], owners["l3"] = name, leaf.id
            span = ("l2", "l3")
        else:
            owners["l3"] = None
    else:
        cells["l1"], owners["l1"] = labels[0], chain[0].id
        cells["l2"], owners["l2"] = labels[1], chain[1].id
        cells["l3"], owners["l3"] = name, leaf.id
    cells["points"] = _points(leaf, pooled_child, style)
    cells["text"] = leaf.text or ""
    cells["bonus"] = leaf.bonus_text or style.empty
    cells["rule"] = "".join(t for t in (leaf.text, leaf.bonus_text) if t)
    cells["content_rule"] = "".join(t for t in (leaf.content, leaf.text, leaf.bonus_text) if t)
    cells["method"] = "+".join(leaf.method)
    cells["method_plain"] = "".join(leaf.method)
    cells["content"] = leaf.content or ""
    cells["basis"] = _first(chain, "basis")
    cells["scope"] = _scope(chain)
    return Row(cells, owners, span)


def table_rows(index: SchemeIndex, table: Table, style: Style) -> list[Row]:
    rows: list[Row] = []
    vetoes = {v.id: v for v in index.scheme.vetoes}
    leaves = index.leaves[table.id]
    pending: dict[str, list[Row]] = {}
    for sec_id, items in style.inline_vetoes.items():
        if index.table_of_node.get(sec_id) != table.id:
            continue
        sec = index.nodes[sec_id]
        for name, veto_id, _before in items:
            cells = {
                "l1": _label(sec, 0, style),
                "l2": name,
                "rule": vetoes[veto_id].text or vetoes[veto_id].name,
                "text": vetoes[veto_id].text or "",
                "scope": _scope(index.chain[sec_id]),
            }
            pending.setdefault(sec_id, []).append(Row(cells, {"l1": sec_id, "l2": f"#{veto_id}"}))
    done: set[str] = set()
    for i, leaf in enumerate(leaves):
        top = index.chain[leaf.id][0].id
        for sec_id, items in style.inline_vetoes.items():
            if sec_id == top and sec_id not in done and any(b for _, _, b in items):
                rows.extend(pending.pop(sec_id, []))
                done.add(sec_id)
        rows.append(leaf_row(index, leaf, style))
        nxt = index.chain[leaves[i + 1].id][0].id if i + 1 < len(leaves) else None
        if nxt != top and top in pending:
            rows.extend(pending.pop(top))
    if style.veto_row and index.scheme.vetoes:
        text = style.veto_intro + "".join(v.text or v.name for v in index.scheme.vetoes)
        cells = {"l1": style.veto_row, "l2": text, "method": style.veto_method}
        last_before_method = _before_method(style, table)
        rows.append(Row(cells, {"l1": "#veto", "l2": "#veto"}, ("l2", last_before_method)))
    return rows


def _before_method(style: Style, table: Table) -> str:
    fields = [f for _, f in style.table_columns.get(table.id, style.columns)]
    method = next(f for f in fields if f.startswith("method"))
    return fields[fields.index(method) - 1]


def _cell_value(row: Row, fieldname: str) -> str:
    return row.cells.get(fieldname, "")


def _h_runs(row: Row, fields: list[str]) -> list[tuple[int, int]]:
    if row.span is None or row.span[0] not in fields or row.span[1] not in fields:
        return []
    a, b = fields.index(row.span[0]), fields.index(row.span[1])
    return [(a, b)] if b > a else []


def _v_runs(rows: list[Row], fieldname: str) -> list[tuple[int, int]]:
    runs = []
    start = 0
    for i in range(1, len(rows) + 1):
        owner = rows[start].owners.get(fieldname)
        if i == len(rows) or rows[i].owners.get(fieldname) != owner or owner is None:
            if owner is not None and i - start > 1:
                runs.append((start, i - 1))
            start = i
    return runs


def _spanned(row: Row, fields: list[str], col: int) -> bool:
    return any(a < col <= b for a, b in _h_runs(row, fields))


# ---------------------------------------------------------------------------------------- xlsx


def write_xlsx(index: SchemeIndex, style: Style, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    r = 1
    for t_i, table in enumerate(index.scheme.tables):
        if style.sheets:
            if t_i == 0:
                ws.title = style.sheets[0]
            else:
                ws = wb.create_sheet(style.sheets[t_i])
            r = 1
        elif t_i == 0:
            ws.title = style.one_sheet
        else:
            r += 2  # blank rows between stacked tables
        columns = style.table_columns.get(table.id, style.columns)
        fields = [f for _, f in columns]
        if t_i < len(style.attachments):
            ws.cell(row=r, column=1, value=style.attachments[t_i])
            r += 1
        ws.cell(row=r, column=1, value=table.title).font = Font(bold=True, size=14)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
        r += 1
        for c, (heading, _) in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c, value=heading)
            cell.font = Font(bold=True)
            cell.border = border
            cell.alignment = wrap
        r += 1
        rows = table_rows(index, table, style)
        first = r
        for row in rows:
            for c, f in enumerate(fields, start=1):
                value = _cell_value(row, f)
                cell = ws.cell(row=r, column=c, value=value or None)
                cell.border = border
                cell.alignment = wrap
            r += 1
        for i, row in enumerate(rows):
            for a, b in _h_runs(row, fields):
                for c in range(a + 1, b + 1):
                    ws.cell(row=first + i, column=c + 1).value = None
                ws.merge_cells(
                    start_row=first + i, start_column=a + 1, end_row=first + i, end_column=b + 1
                )
        for c, f in enumerate(fields):
            if f not in LEVELS:
                continue
            for a, b in _v_runs(rows, f):
                if any(_spanned(rows[k], fields, c) for k in range(a, b + 1)):
                    continue
                for k in range(a + 1, b + 1):
                    ws.cell(row=first + k, column=c + 1).value = None
                ws.merge_cells(
                    start_row=first + a, start_column=c + 1, end_row=first + b, end_column=c + 1
                )
        widths = {"l1": 12, "l2": 14, "l3": 18, "points": 7, "text": 50, "bonus": 26, "rule": 60}
        for c, f in enumerate(fields):
            ws.column_dimensions[chr(ord("A") + c)].width = widths.get(f, 20)
    wb.save(path)


# ---------------------------------------------------------------------------------------- docx


def write_docx(index: SchemeIndex, style: Style, path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for t_i, table in enumerate(index.scheme.tables):
        if t_i:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if t_i < len(style.attachments):
            document.add_paragraph(style.attachments[t_i])
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(table.title)
        run.bold = True
        run.font.size = Pt(16)
        columns = style.table_columns.get(table.id, style.columns)
        rows = table_rows(index, table, style)
        chunk = style.docx_chunk or len(rows)
        for start in range(0, len(rows), chunk):
            if start:
                document.add_paragraph()  # a page break in the original: an empty paragraph
            _docx_table(document, columns, rows[start : start + chunk])
    document.save(str(path))


def _docx_table(document, columns: list[tuple[str, str]], rows: list[Row]) -> None:
    fields = [f for _, f in columns]
    table = document.add_table(rows=1 + len(rows), cols=len(columns))
    table.style = "Table Grid"
    for c, (heading, _) in enumerate(columns):
        table.rows[0].cells[c].text = heading
    grid = [r.cells for r in table.rows[1:]]
    for i, row in enumerate(rows):
        for c, f in enumerate(fields):
            if _spanned(row, fields, c):
                continue
            if (
                f in LEVELS
                and i > 0
                and row.owners.get(f) is not None
                and rows[i - 1].owners.get(f) == row.owners.get(f)
            ):
                continue
            value = _cell_value(row, f)
            if value:
                grid[i][c].text = value
    for i, row in enumerate(rows):
        for a, b in _h_runs(row, fields):
            grid[i][a].merge(grid[i][b])
    for c, f in enumerate(fields):
        if f not in LEVELS:
            continue
        for a, b in _v_runs(rows, f):
            if any(_spanned(rows[k], fields, c) for k in range(a, b + 1)):
                continue
            grid[a][c].merge(grid[b][c])


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "schemes").glob("*.yaml")):
        index = load_scheme(path)
        style = STYLES.get(path.stem) or default_style(path.stem)
        for suffix, writer in ((".xlsx", write_xlsx), (".docx", write_docx)):
            out = OUT / f"{style.short}{suffix}"
            writer(index, style, out)
            print(f"已生成 {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
