"""Stage 1 — headers and segments: find each table's header row (一级指标 · 赋分 · 扣分标准 …)
and cut a file's grids into the tables under them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from zwgk.rubric.tabular_io import (
    MAX_COLS,
    MAX_ROWS,
    Cell,
    Grid,
    TabularFile,
)

COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("编号",),
    "seq": ("序号",),
    "l1": ("一级指标", "一级考核指标", "一级"),
    "l2": ("二级指标", "二级考核指标", "二级"),
    "l3": ("三级指标", "三级考核指标", "三级"),
    "name": ("指标名称", "考核指标", "考核项目", "考核事项", "指标内容", "指标"),
    "points": ("赋分", "分值", "分数", "标准分", "满分", "基础分", "分值权重", "权重分"),
    "text": (
        "扣分标准",
        "考核评分标准",
        "评分标准",
        "评分细则",
        "考核标准",
        "扣分细则",
        "计分标准",
        "评分办法",
        "扣分办法",
        "考核细则",
        "计分办法",
        "评分规则",
    ),
    "bonus": ("加分标准", "加分项", "加分细则", "加分项目", "加分办法", "加分"),
    "method": (
        "考核方式",
        "测评方式",
        "考核方法",
        "评分方式",
        "考评方式",
        "评估方式",
        "检查方式",
        "考核途径",
    ),
    "content": (
        "测评要点",
        "考核内容",
        "考核要点",
        "评估要点",
        "评估内容",
        "考核要求",
        "工作要求",
        "评分要点",
    ),
    "basis": ("指标依据", "考核依据", "政策依据", "依据"),
    "scope": (
        "评估数据采集范围",
        "责任单位",
        "考核单位",
        "适用范围",
        "考核对象",
        "适用单位",
        "评估范围",
        "采集范围",
        "牵头单位",
    ),
    "score": ("自评得分", "考核得分", "自评分", "实际得分", "得分"),
    "remark": ("扣分说明", "扣分情况", "扣分原因", "备注", "说明"),
}
_ALIAS_LIST = sorted(
    ((a, k) for k, v in COLUMN_ALIASES.items() for a in v), key=lambda x: -len(x[0])
)
LEVEL_KEYS = ("l1", "l2", "l3", "name")
RULE_CONTENT_ALIASES = (
    "考核内容",
    "考核要求",
    "评分要点",
    "考核要点",
)  # double as the rule when no 扣分标准 column

TOTAL_RE = re.compile(r"^(?:合\s*计|总\s*计|总\s*分|满\s*分|分值合计|合计分值)")


SUBTOTAL_RE = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<pts>\d+(?:\.\d+)?)\s*分\s*[)）]?\s*$")
_ATTACHMENT_RE = re.compile(r"^(?:附件|附表)\s*\d*\s*[:：]?$")
_FORM_LINE_RE = re.compile(r"^(?:单位名称|被考核单位|填表|自评人|考核人)")
CLASS_LETTER_RE = re.compile(r"(?<![A-Za-z])([A-Za-z])\s*类")
CLASS_BRACKET_RE = re.compile(r"[（(]([^（）()]{1,30})[)）]\s*$")
NOT_CLASS = re.compile(r"试行|草案|征求意见|修订|暂行|\d{4}|年度|分$|单位评分表")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、"


def squash(text: str) -> str:
    """Drop the line breaks and spaces an office puts inside Chinese words ("基础信息\\n公开")."""
    text = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}(（])|(?<=[{_CJK})）])\s+(?=[{_CJK}])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _header_key(text: str) -> str | None:
    norm = re.sub(r"\s+", "", text)
    norm = re.sub(r"[（(][^（）()]*[)）]$", "", norm).rstrip(":：")
    if not norm or len(norm) > 12:
        return None
    for alias, key in _ALIAS_LIST:
        if norm == alias:
            return key
    for alias, key in _ALIAS_LIST:
        if (len(alias) >= 2 and norm.startswith(alias)) or (len(alias) >= 4 and alias in norm):
            return key
    return None


@dataclass
class Header:
    cols: dict[str, int]  # key -> column index
    aliases: dict[str, str]  # key -> the heading as written
    is_score_form: bool = False

    def same_as(self, other: Header) -> bool:
        return self.cols == other.cols


def header_of(row: list[Cell]) -> Header | None:
    cols: dict[str, int] = {}
    aliases: dict[str, str] = {}
    seen_origins: set[tuple[int, int]] = set()
    for c, cell in enumerate(row):
        if cell.origin in seen_origins or not cell.text:
            continue
        seen_origins.add(cell.origin)
        key = _header_key(cell.text)
        if key is None or key in cols:
            continue
        cols[key] = c
        aliases[key] = re.sub(r"\s+", "", cell.text)
    names = [k for k in LEVEL_KEYS if k in cols]
    rules = [k for k in ("points", "text", "bonus", "content") if k in cols]
    if len(cols) < 3 or not names or not rules:
        return None
    return Header(cols, aliases, is_score_form="score" in cols)


@dataclass
class RawTable:
    header: Header
    titles: list[str]
    rows: list[tuple[int, list[Cell], str]]  # (row number in the file, cells, "第2个表格第5行")
    source: str
    sheet: str | None = None


def distinct(row: list[Cell]) -> list[str]:
    seen: set[tuple[int, int]] = set()
    out = []
    for cell in row:
        if cell.text and cell.origin not in seen:
            seen.add(cell.origin)
            out.append(cell.text)
    return out


def _title_lines(lines: list[str]) -> list[str]:
    parts = (squash(p) for x in lines for p in x.split("\n"))
    return [
        ln for ln in parts if ln and not _ATTACHMENT_RE.match(ln) and not _FORM_LINE_RE.match(ln)
    ]


def segment(tf: TabularFile, warnings: list[str]) -> list[RawTable]:
    """Split the file's grids into score tables: a header row starts one; a header repeated with
    no title between (a page break in Word, a repeated header in Excel) continues it."""
    tables: list[RawTable] = []
    for grid in tf.grids:
        if grid.truncated:
            warnings.append(f"{grid.source}超过 {MAX_ROWS} 行或 {MAX_COLS} 列，只读取了前面部分")
        headers = [(i, h) for i, row in enumerate(grid.rows) if (h := header_of(row))]
        above = _title_lines(grid.above if tf.kind == "docx" else [])
        if not headers:
            prev = tables[-1] if tables else None
            if (
                prev is not None
                and tf.kind == "docx"
                and not above
                and len(grid.rows[0]) == len(prev.rows[0][1])
            ):
                prev.rows.extend(_rows_of(grid, 0, len(grid.rows)))
            elif any(distinct(r) for r in grid.rows):
                warnings.append(f"{grid.source}没有表头（一级指标、赋分、扣分标准等），已跳过")
            continue
        for k, (i, header) in enumerate(headers):
            end = headers[k + 1][0] if k + 1 < len(headers) else len(grid.rows)
            # title rows: the single-valued rows right above the header
            top = i
            while top > (headers[k - 1][0] + 1 if k else 0):
                vals = distinct(grid.rows[top - 1])
                if len(vals) > 1:
                    break
                top -= 1
            titles = _title_lines([v for r in grid.rows[top:i] for v in distinct(r)])
            if k + 1 < len(headers):  # leave the next table's title rows out of this one
                nxt = headers[k + 1][0]
                while nxt > i + 1 and len(distinct(grid.rows[nxt - 1])) <= 1:
                    nxt -= 1
                end = nxt
            rows = _rows_of(grid, i + 1, end)
            prev = tables[-1] if tables else None
            continues = prev is not None and not titles and prev.header.same_as(header)
            if k == 0:
                continues = continues and tf.kind == "docx" and not above
            if continues:
                prev.rows.extend(rows)  # type: ignore[union-attr]
                continue
            all_titles = (above if k == 0 else []) + titles or ([grid.sheet] if grid.sheet else [])
            tables.append(RawTable(header, all_titles, rows, grid.source, grid.sheet))
    forms = [t for t in tables if t.header.is_score_form]
    if forms and len(forms) < len(tables):
        warnings.append(f"已跳过 {len(forms)} 张单位评分表（含自评得分、考核得分栏，不是评分细则）")
        tables = [t for t in tables if not t.header.is_score_form]
    return tables


def _rows_of(grid: Grid, start: int, end: int) -> list[tuple[int, list[Cell], str]]:
    return [(grid.base + r, grid.rows[r], f"{grid.source}第{r + 1}行") for r in range(start, end)]
