"""Read a report file (HTML page, text extracted from a PDF, .pdf, .docx) into an ``AnnualReport``."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from charset_normalizer import from_bytes

from .model import AnnualReport, Cell, ReadError
from .parse import TABLE_MARK, Grid, build_report, parse_date

MAX_BYTES = 50 * 1024 * 1024
_BLOCK = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "header", "footer", "tr", "td", "th", "table", "pre", "blockquote", "center", "dd", "dt", "hr",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "head", "title", "select", "option"}


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gbk", "gb2312", "gb_2312-80") else name
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    return data.decode("gb18030", errors="replace")


def load_report(path: str | Path) -> AnnualReport:
    """Read and parse one report file; ``ReadError`` when it cannot be read at all."""
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise ReadError(name, "这是一个目录，不是文件")
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(name, "文件超过 50 MB")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(name, "文件不存在") from exc
    except OSError as exc:
        raise ReadError(name, f"读取失败（{exc.strerror or exc}）") from exc
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(name, data)
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        return read_pdf(name, data)
    if suffix in (".doc", ".wps", ".xls", ".xlsx"):
        raise ReadError(name, f"不支持 {suffix} 文件，请另存为 .docx、PDF 或网页")
    text = decode(data)
    if "\x00" in text:
        raise ReadError(name, "不是文本文件（含二进制内容）")
    head = text[:2000].lower()
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or "<html" in head or "<table" in head:
        return read_html(name, text)
    return build_report(name, "text", text.splitlines())


def read_text(name: str, text: str) -> AnnualReport:
    return build_report(name, "text", text.splitlines())


def read_pdf(name: str, data: bytes) -> AnnualReport:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReadError(name, f"PDF 文件损坏或无法解析（{exc}）") from exc
    lines = [ln for page in pages for ln in page.splitlines()]
    return build_report(name, "pdf", lines)


# --- HTML ---------------------------------------------------------------------------------


def read_html(name: str, markup: str) -> AnnualReport:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    published: dt.date | None = None
    for meta in tree.css("meta"):
        attrs = meta.attributes
        if (attrs.get("name") or "").lower() in ("pubdate", "publishdate", "firstpublishedtime"):
            published = parse_date(attrs.get("content") or "")
    title = ""
    for sel in ("meta[name=ArticleTitle]", "title", "h1"):
        node = tree.css_first(sel)
        if node is not None:
            title = (
                node.attributes.get("content") or node.text()
                if sel.startswith("meta")
                else node.text()
            )
            if "年度报告" in (title or ""):
                break
    lines: list[str] = []
    grids: list[Grid] = []
    root = tree.body or tree.root
    if root is not None:
        _walk(root, lines, [""], grids)
    return build_report(name, "html", lines, grids, title_hint=title or "", published=published)


def _walk(node, lines: list[str], current: list[str], grids: list[Grid]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            current[0] += child.text(deep=False) or ""
            continue
        if tag in _SKIP or tag.startswith("-"):
            continue
        if tag == "table":
            _flush(lines, current)
            grids.append(_grid(child))
            lines.append(f"{TABLE_MARK}{len(grids) - 1}")
            continue
        block = tag in _BLOCK
        if block:
            _flush(lines, current)
        _walk(child, lines, current, grids)
        if block:
            _flush(lines, current)


def _flush(lines: list[str], current: list[str]) -> None:
    if current[0].strip():
        lines.append(current[0])
    current[0] = ""


def _grid(table) -> Grid:
    """The table as a grid; a rowspan/colspan cell's text is repeated into every cell it covers."""
    grid: dict[tuple[int, int], str | None] = {}
    rows = [tr for tr in table.css("tr") if _own_row(tr, table)]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = cell.text(separator="", strip=False)
            rowspan = _span(cell.attributes.get("rowspan"))
            colspan = _span(cell.attributes.get("colspan"))
            # a label spanning columns is repeated; a number spanning columns is one value
            spread: str | None = None if Cell.is_value_like(text) else text
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text if dc == 0 else spread)
            c += colspan
    if not grid:
        return []
    height = min(max(r for r, _ in grid) + 1, len(rows))
    width = max(c for _, c in grid) + 1
    out = []
    for r in range(height):
        out.append([v for c in range(width) if (v := grid.get((r, c), "")) is not None])
    return out


def _own_row(tr, table) -> bool:
    node = tr.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return node is not None and node.mem_id == table.mem_id


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 200))
    except (TypeError, ValueError):
        return 1


# --- .docx --------------------------------------------------------------------------------


def read_docx(name: str, data: bytes) -> AnnualReport:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(name, "不是有效的 .docx 文件（文件损坏或格式不符）") from exc
    lines: list[str] = []
    grids: list[Grid] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(block.text.splitlines())
        elif isinstance(block, Table):
            grids.append([_docx_row(row) for row in block.rows])
            lines.append(f"{TABLE_MARK}{len(grids) - 1}")
    title = document.core_properties.title or ""
    return build_report(name, "docx", lines, grids, title_hint=title)


def _docx_row(row) -> list[str]:
    """Cell texts of a .docx row; a merged cell is repeated unless it holds a number."""
    out: list[str] = []
    last = None
    for cell in row.cells:
        if cell._tc is last and Cell.is_value_like(cell.text):
            continue
        last = cell._tc
        out.append(cell.text)
    return out
