"""Reading office tables: the cells of .xlsx sheets and .docx tables as plain grids.

Both readers return :class:`Grid` objects — a list of rows of :class:`Cell` — with merged cells
expanded: every grid position covered by a merged cell carries the merged cell's text and the
position of its top-left cell (``origin``), so a caller can tell a cell typed in this row from
one that spans down from a row above or across from the column to the left.

A grid also carries the text just above it (the title paragraphs in Word, the title rows or the
sheet name in Excel), because that is where an office writes which class of units a table is for
("（A类）"). Files are checked before they are opened: size, the zip container both formats use,
the total unpacked size, so that garbage gets a one-line reason instead of a crash or a hang.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import load_workbook

from zwgk.rubric.numbers import fmt

MAX_FILE_BYTES = 50 * 1024 * 1024  # a score table is a few hundred KB; pictures make it bigger
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # guards against zip bombs
MAX_ROWS = 5000
MAX_COLS = 60

EMBED_SHEET = "zwgk_scheme"  # hidden sheet holding the scheme YAML in exported workbooks
EMBED_MARK = "zwgk-scheme v1"
EMBED_NS = "urn:zwgk:scheme:v1"  # namespace of the custom XML part in exported Word files


class TableReadError(Exception):
    """A file that cannot be read as a table at all; ``reason`` is one line of Chinese."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    origin: tuple[int, int]  # (row, column) of the merged cell's top-left position


@dataclass
class Grid:
    """One table: rows of cells (all rows padded to the same width) and the text above it."""

    rows: list[list[Cell]]
    above: list[str] = field(default_factory=list)  # title lines, nearest last
    source: str = ""  # "工作表“评分表”" or "第2个表格"
    sheet: str | None = None
    base: int = 0  # row numbers in ``origin`` are ``base + row index`` (unique across a file)
    truncated: bool = False  # more than MAX_ROWS rows or MAX_COLS columns: the rest was not read


@dataclass
class TabularFile:
    """What a file holds: its grids in document order and the embedded scheme YAML, if any."""

    path: Path
    kind: str  # "xlsx" or "docx"
    grids: list[Grid]
    embedded: str | None = None
    pictures: bool = False  # the package holds images (a scanned or pasted table)


def human_size(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.1f} MB"
    return f"{size / 1024:.0f} KB"


def cell_text(value: Any) -> str:
    """An Excel value as the text a person sees: 5.0 → "5", 0.5 → "0.5", dates as 2023-01-31."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else value.isoformat(" ")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        try:
            return fmt(value)
        except ArithmeticError:
            return str(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def check_file(path: Path, kind: str) -> None:
    """Size and container checks done before any parser sees the file."""
    label = "Excel（.xlsx）" if kind == "xlsx" else "Word（.docx）"
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TableReadError("找不到文件") from None
    except OSError as exc:
        raise TableReadError(f"无法读取文件（{exc.strerror or exc}）") from None
    if not path.is_file():
        raise TableReadError("不是文件")
    if size == 0:
        raise TableReadError("文件是空的（0 字节）")
    if size > MAX_FILE_BYTES:
        raise TableReadError(
            f"文件过大（{human_size(size)}），评分表文件一般只有几百 KB，上限 {human_size(MAX_FILE_BYTES)}；请确认选对了文件"
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        old = ".xls" if kind == "xlsx" else ".doc"
        raise TableReadError(
            f"这是旧版 {old} 格式（或加密文件），请在 Excel/WPS/Word 中另存为 .{kind} 后再导入"
        )
    if not head.startswith(b"PK"):
        raise TableReadError(
            f"不是有效的 {label} 文件（内容不是 .{kind} 格式，可能是改了扩展名的其他文件）"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableReadError(f"不是有效的 {label} 文件（压缩包已损坏或不完整）") from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES or len(infos) > 10000:
        raise TableReadError(
            f"文件解压后过大（超过 {human_size(MAX_UNPACKED_BYTES)}），不像是评分表"
        )
    needed = "xl/workbook.xml" if kind == "xlsx" else "word/document.xml"
    if needed not in names:
        other = "word/document.xml" if kind == "xlsx" else "xl/workbook.xml"
        hint = (
            "（这是 Word 文件，扩展名应为 .docx）"
            if other == "word/document.xml" and other in names
            else ""
        )
        if kind == "docx" and other in names:
            hint = "（这是 Excel 文件，扩展名应为 .xlsx）"
        raise TableReadError(f"不是有效的 {label} 文件{hint}")


def read_file(path: str | Path) -> TabularFile:
    """Read every table in an .xlsx or .docx file. Raises :class:`TableReadError`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et"):
        raise TableReadError("旧版 Excel 格式，请在 Excel/WPS 中另存为 .xlsx 后再导入")
    if suffix in (".doc", ".wps"):
        raise TableReadError("旧版 Word 格式，请在 Word/WPS 中另存为 .docx 后再导入")
    if suffix not in (".xlsx", ".xlsm", ".docx", ".docm"):
        raise TableReadError("只能导入 .xlsx（Excel）或 .docx（Word）格式的评分表")
    kind = "xlsx" if suffix in (".xlsx", ".xlsm") else "docx"
    check_file(path, kind)
    try:
        tf = _read_xlsx(path) if kind == "xlsx" else _read_docx(path)
        with zipfile.ZipFile(path) as zf:
            tf.pictures = any(n.startswith(("xl/media/", "word/media/")) for n in zf.namelist())
        return tf
    except TableReadError:
        raise
    except Exception as exc:  # a corrupt part deep inside the package
        label = "Excel" if kind == "xlsx" else "Word"
        detail = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise TableReadError(f"无法读取 {label} 文件内容（{detail}）") from None


# ---------------------------------------------------------------------------------------- xlsx


def _read_xlsx(path: Path) -> TabularFile:

    wb = load_workbook(path, data_only=True)
    grids: list[Grid] = []
    embedded: str | None = None
    for ws in wb.worksheets:
        if ws.title == EMBED_SHEET:
            embedded = _embedded_from_sheet(ws)
            continue
        if ws.sheet_state != "visible":
            continue
        grids.extend(_sheet_grids(ws))
    return TabularFile(path, "xlsx", grids, embedded)


def _embedded_from_sheet(ws) -> str | None:
    values = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    if not values or values[0] != EMBED_MARK:
        return None
    lines = []
    for v in values[1:]:
        text = "" if v is None else str(v)
        if text.startswith("|"):
            text = text[1:]
        lines.append(text)
    return "\n".join(lines) + "\n"


def _sheet_grids(ws) -> list[Grid]:
    max_row = min(ws.max_row or 0, MAX_ROWS)
    max_col = min(ws.max_column or 0, MAX_COLS)
    if max_row == 0 or max_col == 0:
        return []
    texts = [[""] * max_col for _ in range(max_row)]
    origins = [[(r, c) for c in range(max_col)] for r in range(max_row)]
    for r, row in enumerate(
        ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
    ):
        for c, value in enumerate(row):
            texts[r][c] = cell_text(value)
    for rng in ws.merged_cells.ranges:
        r0, c0 = rng.min_row - 1, rng.min_col - 1
        if r0 >= max_row or c0 >= max_col:
            continue
        top = texts[r0][c0]
        for r in range(r0, min(rng.max_row, max_row)):
            for c in range(c0, min(rng.max_col, max_col)):
                texts[r][c] = top
                origins[r][c] = (r0, c0)
    rows = [[Cell(texts[r][c], origins[r][c]) for c in range(max_col)] for r in range(max_row)]
    rows = _trim(rows)
    if not rows:
        return []
    truncated = (ws.max_row or 0) > MAX_ROWS or (ws.max_column or 0) > MAX_COLS
    return [
        Grid(
            rows=rows,
            above=[ws.title],
            source=f"工作表“{ws.title}”",
            sheet=ws.title,
            truncated=truncated,
        )
    ]


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Drop trailing blank rows and columns."""
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    if not rows:
        return rows
    width = max((i + 1 for row in rows for i, c in enumerate(row) if c.text), default=0)
    return [row[:width] for row in rows]


# ---------------------------------------------------------------------------------------- docx


def _read_docx(path: Path) -> TabularFile:

    document = docx.Document(str(path))
    body = document.element.body
    grids: list[Grid] = []
    above: list[str] = []
    base = 0
    for kind, element in _body_items(body, qn):
        if kind == "p":
            text = _paragraph_text(element, qn)
            if text:
                above.append(text)
            continue
        rows = _trim(_tbl_rows(element, qn, base))
        if rows:
            grids.append(
                Grid(rows=rows, above=above, source=f"第{len(grids) + 1}个表格", base=base)
            )
            base += len(rows)
        above = []
    return TabularFile(path, "docx", grids, _embedded_from_docx(document))


def _body_items(body, qn) -> Iterator[tuple[str, Any]]:
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", child
        elif child.tag == qn("w:tbl"):
            yield "tbl", child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_items(content, qn)


def _paragraph_text(p, qn) -> str:
    parts: list[str] = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts).strip()


def _tc_text(tc, qn) -> str:
    paras = [_paragraph_text(p, qn) for p in tc.iterchildren(qn("w:p"))]
    return "\n".join(p for p in paras if p).strip()


def _tbl_rows(tbl, qn, base: int = 0) -> list[list[Cell]]:
    """The grid of a Word table with gridSpan and vMerge expanded."""
    raw: list[list[tuple[str, int, str | None]]] = []  # (text, span, vmerge) per tc
    for tr in tbl.iterchildren(qn("w:tr")):
        if len(raw) >= MAX_ROWS:
            break
        cells: list[tuple[str, int, str | None]] = []
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        if before is not None:
            cells.append(("", int(before.get(qn("w:val"), "1") or 1), "skip"))
        for tc in _row_tcs(tr, qn):
            span = 1
            vmerge: str | None = None
            tcpr = tc.find(qn("w:tcPr"))
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None:
                    try:
                        span = max(1, int(gs.get(qn("w:val"), "1")))
                    except ValueError:
                        span = 1
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None:
                    vmerge = vm.get(qn("w:val"), "continue")
            cells.append((_tc_text(tc, qn), span, vmerge))
        raw.append(cells)
    width = min(max((sum(span for _, span, _ in row) for row in raw), default=0), MAX_COLS)
    rows: list[list[Cell]] = []
    for r, cells in enumerate(raw):
        row: list[Cell] = []
        for text, span, vmerge in cells:
            for k in range(span):
                c = len(row)
                if c >= width:
                    break
                if vmerge == "skip":
                    row.append(Cell("", (base + r, c)))
                elif vmerge == "continue" and r > 0 and c < len(rows[r - 1]):
                    above = rows[r - 1][c]
                    row.append(Cell(above.text, above.origin))
                elif k > 0:
                    row.append(Cell(row[-1].text, row[-1].origin))
                else:
                    row.append(Cell(text, (base + r, c)))
        while len(row) < width:
            row.append(Cell("", (base + r, len(row))))
        rows.append(row)
    return rows


def _row_tcs(tr, qn) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from (tc for tc in content.iterchildren(qn("w:tc")))


def _embedded_from_docx(document) -> str | None:
    """The scheme YAML from the custom XML part written by the exporter, if present."""

    part = document.part
    for rel in part.rels.values():
        if not rel.reltype.endswith("/customXml") or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except (etree.XMLSyntaxError, ValueError):
            continue
        if root.tag == f"{{{EMBED_NS}}}scheme":
            return root.text or ""
    return None
