"""Importing a scheme from the office's own 评分表 (.xlsx or .docx).

:func:`import_scheme` reads every table in the file (:mod:`zwgk.rubric.tabular_io`), finds the
header row (一级指标 · 二级指标 · 三级指标 · 赋分/分值/分数 · 扣分标准/考核评分标准/评分标准 · 加分标准 ·
考核方式/测评方式 · 考核内容/测评要点 · 指标依据 · 责任单位/评估数据采集范围…), rebuilds the indicator
tree (merged and blank 一级/二级 cells carry on from the row above; "主动公开（37分）" is a section
with a declared subtotal; a row whose 三级 cell is blank is a 二级 leaf), turns every 扣分标准 and
加分标准 cell into faults and bonuses with :func:`zwgk.rubric.draft.draft_rule`, and returns a
scheme dict that :func:`zwgk.rubric.parse_scheme` accepts, with a review list: every indicator
whose rule a person must check, and why.

Nothing is guessed silently. An indicator the drafter marks for review keeps what was drafted
(if it validates) and gets a ``note`` beginning 需人工复核; a leaf that cannot be scored as
drafted becomes a rating placeholder ``range: [0, points]``; subtotals that do not add up are
reported with the table's own figure. Ids are positional: ``A1``, ``A1.2``, ``A1.2.3`` (the class
letter from a title such as "（A类）", else ``T``), faults ``f1``…, bonuses ``b1``….

A file exported by :mod:`zwgk.rubric.exporter` carries the scheme itself; if its rows are
unchanged the same scheme comes back exactly, and edited cells are read again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.rubric.draft import DraftedRule, draft_rule, parse_points_cell
from zwgk.rubric.errors import InputError, Problem, SchemeError
from zwgk.rubric.index import SchemeIndex
from zwgk.rubric.model import ID_PATTERN
from zwgk.rubric.numbers import fmt
from zwgk.rubric.tabular_io import (
    MAX_COLS,
    MAX_ROWS,
    Cell,
    Grid,
    TableReadError,
    TabularFile,
    read_file,
)
from zwgk.rubric.validate import parse_scheme
from zwgk.rubric.yamlsrc import LineDict, SourceError, loads

REVIEW_NOTE = "需人工复核"
DEFAULT_GRADES = (
    {"name": "优秀", "min": Decimal(90)},
    {"name": "良好", "min": Decimal(80)},
    {"name": "合格", "min": Decimal(60)},
    {"name": "不合格"},
)

# ------------------------------------------------------------------------------ public types


@dataclass(frozen=True)
class ReviewItem:
    """An indicator (or veto, or table) a person must check, and why."""

    indicator_id: str
    name: str
    reason: str


@dataclass
class ImportResult:
    path: Path
    scheme_dict: dict[str, Any]
    review: list[ReviewItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    embedded: bool = False  # read back from the scheme data of a zwgk export

    def index(self) -> SchemeIndex:
        """The validated scheme (the importer only returns dicts that validate)."""
        return parse_scheme(self.scheme_dict, str(self.path))


class ImportError_(InputError):
    """A file that is not a usable score table; ``str()`` is one line naming the file."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__([Problem(self.path, None, reason)])


# ---------------------------------------------------------------------------------- headers

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

_TOTAL_RE = re.compile(r"^(?:合\s*计|总\s*计|总\s*分|满\s*分|分值合计|合计分值)")
_VETO_RE = re.compile(r"否决|重大扣分|扣分项|减分项|倒扣分")
_SECTION_TOTAL_RE = re.compile(r"^小计[:：]?$")


def _is_veto_text(text: str) -> bool:
    """A row of 否决情形 / 重大扣分项: named so in its first cell, or a merged row that lists
    numbered situations that fail the unit (考核中有下列情形的……年度考核为不合格。(一)…)."""
    if "加分" in text:
        return False
    if _VETO_RE.search(text):
        return True
    return bool(re.search(r"不合格|一票否决", text)) and len(_CLAUSE_MARK.findall(text)) >= 2


_SUBTOTAL_RE = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<pts>\d+(?:\.\d+)?)\s*分\s*[)）]?\s*$")
_ATTACHMENT_RE = re.compile(r"^(?:附件|附表)\s*\d*\s*[:：]?$")
_FORM_LINE_RE = re.compile(r"^(?:单位名称|被考核单位|填表|自评人|考核人)")
_CLASS_LETTER_RE = re.compile(r"(?<![A-Za-z])([A-Za-z])\s*类")
_CLASS_BRACKET_RE = re.compile(r"[（(]([^（）()]{1,30})[)）]\s*$")
_NOT_CLASS = re.compile(r"试行|草案|征求意见|修订|暂行|\d{4}|年度|分$|单位评分表")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、"


def _squash(text: str) -> str:
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


# ------------------------------------------------------------------------------ segmenting


@dataclass
class RawTable:
    header: Header
    titles: list[str]
    rows: list[tuple[int, list[Cell], str]]  # (row number in the file, cells, "第2个表格第5行")
    source: str
    sheet: str | None = None


def _distinct(row: list[Cell]) -> list[str]:
    seen: set[tuple[int, int]] = set()
    out = []
    for cell in row:
        if cell.text and cell.origin not in seen:
            seen.add(cell.origin)
            out.append(cell.text)
    return out


def _title_lines(lines: list[str]) -> list[str]:
    parts = (_squash(p) for x in lines for p in x.split("\n"))
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
            elif any(_distinct(r) for r in grid.rows):
                warnings.append(f"{grid.source}没有表头（一级指标、赋分、扣分标准等），已跳过")
            continue
        for k, (i, header) in enumerate(headers):
            end = headers[k + 1][0] if k + 1 < len(headers) else len(grid.rows)
            # title rows: the single-valued rows right above the header
            top = i
            while top > (headers[k - 1][0] + 1 if k else 0):
                vals = _distinct(grid.rows[top - 1])
                if len(vals) > 1:
                    break
                top -= 1
            titles = _title_lines([v for r in grid.rows[top:i] for v in _distinct(r)])
            if k + 1 < len(headers):  # leave the next table's title rows out of this one
                nxt = headers[k + 1][0]
                while nxt > i + 1 and len(_distinct(grid.rows[nxt - 1])) <= 1:
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


# ----------------------------------------------------------------------------- tree building


@dataclass
class _Sec:
    name: str
    points: Decimal | None
    origin: tuple[int, int]
    level: int
    children: list[Any] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    pooled: bool = False
    id: str = ""


@dataclass
class _Leaf:
    name: str
    row: str  # "第N行" for messages
    points: Decimal | None = None
    range: tuple[Decimal, Decimal] | None = None
    points_raw: str = ""
    name_points: Decimal | None = None
    shared_points: tuple[int, int] | None = None  # origin of a 赋分 cell merged over several rows
    text: str = ""
    bonus: str = ""
    method: str = ""
    content: str = ""
    basis: str = ""
    scope: str = ""
    reasons: list[str] = field(default_factory=list)
    rule: DraftedRule | None = None
    rule_column: bool = True  # whether the table has a 扣分标准 / 加分标准 column at all
    id: str = ""


@dataclass
class _Veto:
    name: str
    text: str
    effect: str
    amount: Decimal | None = None
    discretionary: bool = False
    target: _Sec | None = None
    reason: str | None = None


@dataclass
class _Table:
    raw: RawTable
    title: str
    roots: list[Any]
    total: Decimal | None
    vetoes: list[_Veto]
    class_id: str = ""
    class_name: str = ""


def split_subtotal(text: str) -> tuple[str, Decimal | None]:
    """ "主动公开（37分）" → ("主动公开", 37); "组织领导" → ("组织领导", None)."""
    name = _squash(text)
    m = _SUBTOTAL_RE.match(name.replace("．", "."))
    if m and m.group("name").strip():
        digits = m.group("pts").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return m.group("name").strip(), Decimal(digits)
    return name, None


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", split_subtotal(name)[0])


def _build_tree(rt: RawTable, warnings: list[str]) -> _Table:
    cols = rt.header.cols
    levels = [cols[k] for k in LEVEL_KEYS if k in cols]
    open_: list[_Sec | None] = [None] * len(levels)
    roots: list[Any] = []
    total: Decimal | None = None
    vetoes: list[_Veto] = []
    prev_leaf_origin: tuple[int, int] | None = None
    points_col = cols.get("points")
    span: dict[tuple[int, int], int] = {}
    if points_col is not None:
        for _, row, _ in rt.rows:
            cell = row[points_col] if points_col < len(row) else None
            if cell is not None and cell.text:
                span[cell.origin] = span.get(cell.origin, 0) + 1
    rule_from_content = (
        "text" not in cols and rt.header.aliases.get("content") in RULE_CONTENT_ALIASES
    )

    def get(row: list[Cell], key: str) -> Cell | None:
        c = cols.get(key)
        return row[c] if c is not None and c < len(row) else None

    def text_of(row: list[Cell], key: str) -> str:
        cell = get(row, key)
        return cell.text.strip() if cell is not None else ""

    for r, row, where in rt.rows:
        if header_of(row) is not None:
            continue  # a repeated header
        values = [
            row[c].text
            for k, c in cols.items()
            if k not in ("id", "seq", "score", "remark") and c < len(row) and row[c].text
        ]
        if not values:
            continue
        lv_cells = [row[c] if c < len(row) else Cell("", (r, c)) for c in levels]
        lv_text = [_squash(c.text) for c in lv_cells]
        first = next((t for t in lv_text if t), _distinct(row)[0] if _distinct(row) else "")
        if _TOTAL_RE.match(re.sub(r"\s+", "", first)):
            pts = parse_points_cell(text_of(row, "points"))[0] if points_col is not None else None
            if pts is None:
                m = re.search(r"(\d+(?:\.\d+)?)\s*分", " ".join(_distinct(row)))
                pts = Decimal(m.group(1)) if m else None
            total = pts
            continue
        if _SECTION_TOTAL_RE.match(re.sub(r"\s+", "", first)):
            # 小计: the subtotal of the 一级指标 above, typed on a row of its own
            pts = parse_points_cell(text_of(row, "points"))[0] if points_col is not None else None
            top = open_[0]
            if top is not None and pts is not None:
                if top.points is None:
                    top.points = pts
                elif top.points != pts:
                    warnings.append(
                        f"{where}：小计{fmt(pts)}分与“{top.name}”写明的{fmt(top.points)}分不同（按写明的）"
                    )
            continue
        if lv_text[0] and _is_veto_text(lv_text[0]):
            vetoes.extend(_veto_rows(row, cols, levels, where, warnings))
            continue
        # the leaf: the deepest name cell typed in this column (not spilling in from the left,
        # and not the name of the level above typed again instead of merging the cells)
        leaf_k: int | None = None
        for k in range(len(levels) - 1, -1, -1):
            cell = lv_cells[k]
            if lv_text[k] and cell.origin[1] == levels[k]:
                leaf_k = k
                break
        if (
            leaf_k
            and lv_text[leaf_k] == lv_text[leaf_k - 1]
            and lv_cells[leaf_k - 1].origin[0] == r
        ):
            leaf_k -= 1
        # a section's cell merged down into this row: the row has no name of its own
        continuation = (
            leaf_k is not None
            and lv_cells[leaf_k].origin[0] != r
            and lv_cells[leaf_k].origin != prev_leaf_origin
        )
        parent: _Sec | None = None
        new_chain = False
        upto = leaf_k + (1 if continuation else 0) if leaf_k is not None else len(levels)
        for j in range(min(upto, len(levels))):
            cell, t = lv_cells[j], lv_text[j]
            if t and cell.origin[1] != levels[j]:
                continue  # spilled in from the left
            if not t:
                if not new_chain and open_[j] is not None:
                    parent = open_[j]
                continue
            name, pts = split_subtotal(t)
            cur = open_[j]
            if (
                not new_chain
                and cur is not None
                and (cur.origin == cell.origin or _name_key(cur.name) == _name_key(name))
            ):
                if pts is not None and cur.points is None:
                    cur.points = pts
                elif pts is not None and cur.points != pts:
                    cur.reasons.append(
                        f"原表该指标的小计有两个不同的写法：{fmt(cur.points)}分和{fmt(pts)}分"
                    )
                parent = cur
                continue
            sec = _Sec(name=name, points=pts, origin=cell.origin, level=j)
            (parent.children if parent else roots).append(sec)
            open_[j] = sec
            for k in range(j + 1, len(levels)):
                open_[k] = None
            new_chain = True
            parent = sec
        if leaf_k is None or continuation:
            base = parent.name if parent else "（无名称）"
            leaf = _Leaf(name=f"{base}（续）", row=where)
            leaf.reasons.append(
                "该行没有指标名称（名称栏为空或与上一行合并），暂以上级指标名称命名"
            )
        else:
            name, npts = split_subtotal(lv_text[leaf_k])
            leaf = _Leaf(name=name, row=where, name_points=npts)
            for k in range(leaf_k, len(levels)):
                open_[k] = None
            prev_leaf_origin = lv_cells[leaf_k].origin
        pcell = get(row, "points")
        if pcell is not None and pcell.text:
            leaf.points_raw = pcell.text
            if span.get(pcell.origin, 1) > 1:
                leaf.shared_points = pcell.origin
            else:
                pts, rng = parse_points_cell(pcell.text)
                leaf.points, leaf.range = pts, rng
                if (
                    pts is None
                    and rng is None
                    and _squash(pcell.text) not in ("-", "—", "_", "－", "/", "无", "——")
                ):
                    leaf.reasons.append(f"赋分栏“{_squash(pcell.text)}”不是分值")
        if leaf.name_points is not None:
            if leaf.points is None and leaf.range is None and leaf.shared_points is None:
                leaf.points = leaf.name_points
            elif leaf.points is not None and leaf.points != leaf.name_points:
                leaf.reasons.append(
                    f"指标名称中写{fmt(leaf.name_points)}分，赋分栏写{fmt(leaf.points)}分，不一致（按赋分栏）"
                )
        leaf.rule_column = "text" in cols or "bonus" in cols or rule_from_content
        leaf.text = text_of(row, "text") or (text_of(row, "content") if rule_from_content else "")
        leaf.bonus = text_of(row, "bonus")
        leaf.method = _squash(text_of(row, "method"))
        leaf.content = "" if rule_from_content else text_of(row, "content")
        leaf.basis = text_of(row, "basis")
        leaf.scope = _squash(text_of(row, "scope"))
        (parent.children if parent else roots).append(leaf)
    if not roots:
        raise _EmptyTable()
    _share_points(roots, warnings)
    return _Table(rt, "", roots, total, vetoes)


class _EmptyTable(Exception):
    pass


def _share_points(roots: list[Any], warnings: list[str]) -> None:
    """A 赋分 cell merged over several rows is the subtotal of the section those rows make up."""
    groups: dict[tuple[int, int], list[tuple[_Leaf, _Sec | None]]] = {}

    def walk(nodes: list[Any], parent: _Sec | None) -> None:
        for n in nodes:
            if isinstance(n, _Sec):
                walk(n.children, n)
            elif n.shared_points is not None:
                groups.setdefault(n.shared_points, []).append((n, parent))

    walk(roots, None)
    for members in groups.values():
        leaves = [m[0] for m in members]
        parents = {id(m[1]) for m in members}
        value = parse_points_cell(leaves[0].points_raw)[0]
        parent = members[0][1]
        if (
            len(parents) == 1
            and parent is not None
            and value is not None
            and len(parent.children) == len(leaves)
        ):
            if parent.points is None:
                parent.points = value
            elif parent.points != value:
                parent.reasons.append(
                    f"原表小计写{fmt(parent.points)}分，合并的赋分栏写{fmt(value)}分，不一致"
                )
            for leaf in leaves:
                if leaf.name_points is not None:
                    leaf.points = leaf.name_points
            continue
        for leaf in leaves:
            if leaf.name_points is not None:
                leaf.points = leaf.name_points
            else:
                leaf.reasons.append(
                    f"赋分栏“{_squash(leaf.points_raw)}”跨多行合并，无法确定本指标的分值"
                )


_CLAUSE_MARK = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}[.、．](?!\d)|[①-⑳]"
)
_VETO_TAIL = re.compile(
    r"[,，]?\s*(?:(?:的)?[,，]?\s*扣(?:除)?\s*\d+(?:\.\d+)?\s*分|[^,，;；。]*酌情扣分|(?:的)?[,，]?\s*(?:年度)?考核(?:等次)?(?:为|定为|确定为)?不合格|一票否决)[;；。]?\s*$"
)


def _veto_rows(
    row: list[Cell], cols: dict[str, int], levels: list[int], where: str, warnings: list[str]
) -> list[_Veto]:
    """A 重大扣分项 / 否决情形 row: one veto per numbered clause."""
    points = ""
    if "points" in cols and row[cols["points"]].origin[1] == cols["points"]:
        points = _squash(row[cols["points"]].text)
    first = levels[0]
    text = row[cols["text"]].text if "text" in cols and row[cols["text"]].origin[1] != first else ""
    if not text:
        parts = [
            c.text
            for c in row
            if c.origin[1] != first
            and c.text
            and c.origin[1] not in (cols.get("id"), cols.get("method"))
        ]
        seen: list[str] = []
        for p in parts:
            if p not in seen and _squash(p) != points:
                seen.append(p)
        text = max(seen, key=len) if seen else ""
    if not text.strip() and _CLAUSE_MARK.search(row[first].text):
        text = row[first].text  # one cell merged across the table holds the whole list
    if not text.strip():
        return []
    text = text.strip()
    marks = list(_CLAUSE_MARK.finditer(text))
    intro = text[: marks[0].start()].strip() if marks else ""
    clauses = [
        text[m.end() : (marks[i + 1].start() if i + 1 < len(marks) else len(text))].strip()
        for i, m in enumerate(marks)
    ]
    if not marks:
        clauses = [text]
    out: list[_Veto] = []
    for clause in clauses:
        clause = clause.strip(" ;；")
        if not clause:
            continue
        veto = _veto_of(clause, intro, points)
        if veto is None:
            warnings.append(
                f"{where}：否决情形“{clause[:30]}…”没有写明后果（扣分或不合格），未编码"
            )
            continue
        out.append(veto)
    return out


def _veto_of(clause: str, intro: str, points: str) -> _Veto | None:
    name = _VETO_TAIL.sub("", clause).strip(" ,，;；。") or clause
    name = name[:-1] if name.endswith("的") and len(name) > 2 else name
    for source in (clause, intro, points):
        if re.search(r"酌情", source):
            return _Veto(name, clause, "deduct", discretionary=True)
        m = re.search(r"扣(?:除)?\s*(\d+(?:\.\d+)?)\s*分", source) or re.fullmatch(
            r"[-－−](\d+(?:\.\d+)?)", source
        )
        if m:
            return _Veto(name, clause, "deduct", amount=Decimal(m.group(1)))
        if re.search(r"不合格|一票否决", source):
            return _Veto(name, clause, "fail")
    return None


# ------------------------------------------------------------------------------ leaf rules

_FAULT_TAIL = re.compile(
    r"[,，:：]?\s*(?:(?:每|如有|有|凡)?(?:少|缺少?|漏|出现|发现|开展)?\s*[一1]?\s*(?:处|件次|件|次|项|条|篇|起|份|周|个)?"
    r"\s*[,，]?\s*)?(?:扣除?|加|得)\s*\d+(?:\.\d+)?\s*分.*$"
)


def _clean(text: str) -> str:
    out = _FAULT_TAIL.sub("", _squash(text)).strip(" ,，;；。:：")
    out = re.sub(r"^(?:\d{1,2}[.、]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*", "", out)
    out = out[:-1] if out.endswith("的") and len(out) > 2 else out
    return out or _squash(text)


def _leaf_dict(leaf: _Leaf, pooled_child: bool, reasons: list[str]) -> dict[str, Any]:
    """The scoring keys of a leaf (points, range, faults, bonuses, caps) from its cells and rule."""
    rule = leaf.rule
    out: dict[str, Any] = {}
    if rule is not None and rule.needs_review:
        reasons.extend(rule.reasons or ["评分标准须人工确认"])
    pts, rng = leaf.points, leaf.range
    if rule is not None and rule.range is not None:
        if rng is not None and rng != rule.range:
            reasons.append(
                f"赋分栏区间{fmt(rng[0])}—{fmt(rng[1])}与条文区间{fmt(rule.range[0])}—{fmt(rule.range[1])}不一致（按赋分栏）"
            )
        rng = rng or rule.range
        if pts is not None and rng[1] != pts and leaf.range is None:
            reasons.append(
                f"赋分栏写{fmt(pts)}分，条文是区间{fmt(rng[0])}—{fmt(rng[1])}分（按条文区间）"
            )
    if rng is not None and not pooled_child:
        out["range"] = [rng[0], rng[1]]
        if rule is not None and (rule.faults or rule.bonuses):
            reasons.append("区间评分的指标另写了扣分或加分，未编码，须人工确认")
        return out
    faults = _faults(rule, reasons) if rule is not None else []
    bonuses = _bonuses(rule) if rule is not None else []
    if (
        rule is not None
        and rule.needs_review
        and not bonuses
        and re.search(r"加分酌情|酌情加分", leaf.bonus or leaf.text)
    ):
        bonuses = [{"text": _clean(leaf.bonus or leaf.text), "discretionary": True}]
    if rng is not None:
        reasons.append("共用分值的下级指标不能按区间评分，区间未编码")
    if pooled_child:
        if any(f.get("zeroes") for f in faults):
            reasons.append("共用分值的下级指标不能写“不得分”，该情形未编码")
            faults = [f for f in faults if not f.get("zeroes")]
        if not faults and not bonuses:
            faults = [
                {"text": _clean(leaf.text) if leaf.text else "原表评分标准", "discretionary": True}
            ]
            reasons.append("没有识别出扣分或加分：暂写为逐条酌定扣分")
        _put_rules(out, faults, bonuses, rule, None, reasons)
        return out
    if pts is None and faults:
        guess = rule.deduction_cap if rule is not None and rule.deduction_cap is not None else None
        amounts = [f["amount"] for f in faults if "amount" in f]
        how = "扣分上限"
        if guess is None and amounts and all("cap" in f for f in faults if "amount" in f):
            guess, how = (
                sum((f["cap"] for f in faults if "amount" in f), Decimal(0)),
                "各扣分情形合计",
            )
        if guess is not None and guess > 0:
            pts = guess
            reasons.append(f"原表没有写分值，暂按{how}{fmt(guess)}分计，须人工确认分值")
        else:
            reasons.append("原表没有写分值，无法确定：暂作只加分的占位指标，扣分情形未编码")
            faults = []
    if pts is None or pts == 0:
        if faults:
            reasons.append("赋分为0或空白，扣分情形未编码")
        if not bonuses:
            what = leaf.bonus or leaf.text
            bonuses = [
                {"text": _clean(what) if what else "原表未写评分标准", "discretionary": True}
            ]
            reasons.append("没有分值也没有可识别的加分标准：暂作酌情加分的占位指标")
        out["points"] = Decimal(0)
        _put_rules(out, [], bonuses, rule, None, reasons)
        return out
    out["points"] = pts
    if not faults:
        if bonuses:
            out["additive"] = True
            out["bonuses"] = _number_rules(bonuses, "b")
            reasons.append("有分值但只有加分情形：按从0分起算、最高得该项分值（additive）编码")
            if rule is not None and rule.bonus_cap is not None and rule.bonus_cap != pts:
                reasons.append(
                    f"加分上限{fmt(rule.bonus_cap)}分与赋分{fmt(pts)}分不同，按赋分为上限"
                )
            for b in out["bonuses"]:
                if b.get("cap") is not None and b["cap"] > pts:
                    del b["cap"]
            return out
        out["range"] = [Decimal(0), pts]
        if leaf.text or leaf.bonus:
            reasons.append(
                "有分值但没有可识别的扣分情形：暂作评分区间（0至赋分）的占位，须人工确定计分办法"
            )
        elif leaf.rule_column:
            reasons.append("扣分标准栏为空：暂作评分区间（0至赋分）的占位，须人工确定计分办法")
        # a table with no rule column at all is a rating table (随州: 测评要点 and 分值 only):
        # every leaf is rated 0..points, said once for the table (see _Assembler.table)
        return out
    _put_rules(out, faults, bonuses, rule, pts, reasons)
    return out


_PER_ITEM = re.compile(r"每(缺少|少|缺)一?项|(少|缺)一项")


def _faults(rule: DraftedRule, reasons: list[str]) -> list[dict[str, Any]]:
    out = []
    for f in rule.faults:
        d: dict[str, Any] = {"text": _clean(f.text)}
        if f.zeroes:
            d["zeroes"] = True
        elif f.amount is None:
            d["discretionary"] = True
            reasons.append(f"“{_clean(f.text)}”没有写明扣分：按逐条酌定扣分")
        else:
            d["amount"] = f.amount
            if f.per:
                d["per"] = f.per
            if f.cap is not None:
                d["cap"] = f.cap
            elif not f.per_occurrence and not f.elements:
                d["counting"] = "once"  # "未…的，扣2分"
            if f.per_occurrence and not f.elements and _PER_ITEM.search(f.text):
                d["counting"] = "item"  # "每少一项": the missing items are a set
            if f.elements:
                d["elements"] = list(dict.fromkeys(f.elements))
        out.append(d)
    return out


def _bonuses(rule: DraftedRule) -> list[dict[str, Any]]:
    out = []
    for b in rule.bonuses:
        d: dict[str, Any] = {"text": _clean(b.text), "amount": b.amount}
        if b.per:
            d["per"] = b.per
        if b.cap is not None:
            d["cap"] = b.cap
        out.append(d)
    return out


def _number_rules(rules: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}{i}", **r} for i, r in enumerate(rules, start=1)]


def _put_rules(
    out: dict[str, Any],
    faults: list[dict[str, Any]],
    bonuses: list[dict[str, Any]],
    rule: DraftedRule | None,
    pts: Decimal | None,
    reasons: list[str],
) -> None:
    if faults:
        cap = rule.deduction_cap if rule is not None else None
        if cap is not None and pts is not None and cap > pts:
            reasons.append(f"扣分上限{fmt(cap)}分超过赋分{fmt(pts)}分（按赋分为限）")
            cap = None
        if cap is not None:
            out["cap"] = cap
        limit = (
            min(x for x in (cap, pts) if x is not None)
            if (cap is not None or pts is not None)
            else None
        )
        for f in faults:
            if limit is not None and f.get("cap") is not None and f["cap"] > limit:
                del f["cap"]  # bounded by the indicator anyway
        out["faults"] = _number_rules(faults, "f")
    if bonuses:
        bcap = rule.bonus_cap if rule is not None else None
        for b in bonuses:
            if bcap is not None and b.get("cap") is not None and b["cap"] > bcap:
                del b["cap"]
        out["bonuses"] = _number_rules(bonuses, "b")
        if bcap is not None:
            out["bonus_cap"] = bcap


# ------------------------------------------------------------------------------ assembling


def _is_veto_row(leaf: _Leaf) -> bool:
    """A row that only says 单项否决 …不得分 with no points of its own: a veto, not an indicator."""
    rule = leaf.rule
    if rule is None or leaf.points is not None or leaf.range is not None or rule.bonuses:
        return False
    if not ("单项否决" in leaf.name + leaf.text or "否决" in leaf.name):
        return False
    return rule.zeroes_item and all(f.amount is None for f in rule.faults)


def _node_max(node: dict[str, Any]) -> Decimal:
    if "children" in node:
        if node.get("pooled"):
            return node.get("points") or Decimal(0)
        return sum((_node_max(c) for c in node["children"]), Decimal(0))
    if "range" in node:
        return node["range"][1]
    return node.get("points") or Decimal(0)


def _leaves_of(nodes: list[Any]) -> Iterator[_Leaf]:
    for n in nodes:
        if isinstance(n, _Sec):
            yield from _leaves_of(n.children)
        else:
            yield n


class _Assembler:
    def __init__(self, path: Path, warnings: list[str]):
        self.path = path
        self.warnings = warnings
        self.review: list[ReviewItem] = []
        self.vetoes: list[dict[str, Any]] = []
        self.veto_texts: set[str] = set()

    def add_review(self, node: dict[str, Any], reasons: list[str]) -> None:
        reasons = list(dict.fromkeys(r for r in reasons if r))
        if not reasons:
            return
        text = "；".join(reasons)
        note = f"{REVIEW_NOTE}：{text}"
        node["note"] = f"{node['note']}\n{note}" if node.get("note") else note
        self.review.append(ReviewItem(node["id"], node["name"], text))

    def table(self, t: _Table, prefix: str) -> dict[str, Any]:
        zero_vetoes: list[_Veto] = []

        def lift(nodes: list[Any], top: _Sec | None) -> list[Any]:
            kept = []
            for n in nodes:
                if isinstance(n, _Sec):
                    n.children = lift(n.children, top or n)
                    if n.children:
                        kept.append(n)
                    continue
                text = "\n".join(x for x in (n.text, n.bonus) if x)
                n.rule = draft_rule(n.text or None, n.bonus or None) if text.strip() else None
                if top is not None and _is_veto_row(n):
                    zero_vetoes.append(
                        _Veto(
                            n.name,
                            n.text or n.name,
                            "zero",
                            target=top,
                            reason="原表为单项否决，已写为否决情形（出现即该一级指标得0分）",
                        )
                    )
                    continue
                kept.append(n)
            return kept

        roots = lift(t.roots, None)
        sections = [self.node(n, f"{prefix}{i}", None) for i, n in enumerate(roots, start=1)]
        if not any(leaf.rule_column for leaf in _leaves_of(roots)):
            self.warnings.append(
                f"《{t.title}》没有扣分标准栏：各末级指标按0至分值之间评定（评分区间），"
                "与原表“测评要点、分值”的评分办法一致，请确认"
            )
        computed = sum((_node_max(s) for s in sections), Decimal(0))
        table: dict[str, Any] = {
            "id": "T" if prefix == "T" else f"T{prefix}",
            "title": t.title,
            "classes": [t.class_id],
        }
        table["total"] = computed
        if t.total is not None and t.total != computed:
            self.review.append(
                ReviewItem(
                    table["id"],
                    t.title,
                    f"原表合计{fmt(t.total)}分，各一级指标合计{fmt(computed)}分，不一致（按各一级指标合计）",
                )
            )
        table["sections"] = sections
        for v in [*t.vetoes, *zero_vetoes]:
            self.veto(v)
        return table

    def veto(self, v: _Veto) -> None:
        key = re.sub(r"\s+", "", v.text) + (v.target.id if v.target else "")
        if key in self.veto_texts:
            return
        self.veto_texts.add(key)
        d: dict[str, Any] = {
            "id": f"v{len(self.vetoes) + 1}",
            "name": v.name[:80],
            "text": v.text,
            "effect": v.effect,
        }
        if v.target is not None:
            d["target"] = v.target.id
        if v.amount is not None:
            d["amount"] = v.amount
        if v.discretionary:
            d["discretionary"] = True
        self.vetoes.append(d)
        effect = {
            "fail": "年度考核为不合格",
            "zero": f"{d.get('target')}得0分",
            "deduct": "从总分扣分",
        }[v.effect]
        reason = v.reason or f"否决情形按原表文字拟定（{effect}），请核对"
        self.review.append(ReviewItem(d["id"], d["name"], reason))

    def node(self, n: Any, node_id: str, parent: _Sec | None) -> dict[str, Any]:
        if isinstance(n, _Sec):
            n.id = node_id
            d: dict[str, Any] = {"id": node_id, "name": n.name}
            leaves = all(isinstance(c, _Leaf) for c in n.children)
            unpriced = all(
                c.points is None and c.range is None and c.name_points is None
                for c in n.children
                if isinstance(c, _Leaf)
            )
            if n.points is not None and leaves and unpriced:
                n.pooled = True
            if n.points is not None:
                d["points"] = n.points
            if n.pooled:
                d["pooled"] = True
            d["children"] = [
                self.node(c, f"{node_id}.{i}", n) for i, c in enumerate(n.children, start=1)
            ]
            reasons = list(n.reasons)
            if n.points is not None and not n.pooled:
                total = sum((_node_max(c) for c in d["children"]), Decimal(0))
                if total != n.points:
                    parts = " + ".join(fmt(_node_max(c)) for c in d["children"])
                    reasons.append(
                        f"原表小计{fmt(n.points)}分，下级指标合计 {parts} = {fmt(total)}分，不一致（暂按下级合计）"
                    )
                    del d["points"]
            self.add_review(d, reasons)
            return d
        leaf: _Leaf = n
        leaf.id = node_id
        d = {"id": node_id, "name": leaf.name}
        reasons = list(leaf.reasons)
        rules = _leaf_dict(leaf, parent is not None and parent.pooled, reasons)
        d.update({k: v for k, v in rules.items() if k in ("points", "range", "additive")})
        if leaf.scope:
            d["applies_to"] = {"text": leaf.scope}
        if leaf.method:
            d["method"] = [p.strip() for p in re.split(r"[+＋]", leaf.method) if p.strip()]
        if leaf.content:
            d["content"] = leaf.content
        if leaf.basis:
            d["basis"] = leaf.basis
        if leaf.text:
            d["text"] = leaf.text
        if leaf.bonus:
            d["bonus_text"] = leaf.bonus
        d.update({k: v for k, v in rules.items() if k not in ("points", "range", "additive")})
        self.add_review(d, reasons)
        return d


def _class_of(titles: list[str], sheet: str | None, several: bool) -> tuple[str | None, str | None]:
    for text in [*reversed(titles), sheet or ""]:
        m = _CLASS_LETTER_RE.search(text)
        if m:
            letter = m.group(1).upper()
            return letter, f"{letter}类"
    if several or titles:
        for text in [*reversed(titles), sheet or ""]:
            m = _CLASS_BRACKET_RE.search(text)
            if m and not _NOT_CLASS.search(m.group(1)):
                return None, m.group(1).strip()
    return None, None


def _pick_title(titles: list[str], fallback: str) -> str:
    good = [t for t in titles if not re.fullmatch(r"(?i)sheet\d*|工作表\d*", t)]
    return good[-1] if good else fallback


def _scheme_id(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff_.\-]+", "-", path.stem).strip("-._")[:60]
    return stem if stem and re.match(ID_PATTERN, stem) else "imported"


def _from_office(tf: TabularFile, path: Path, warnings: list[str]) -> ImportResult:
    raw_tables = segment(tf, warnings)
    if not raw_tables:
        if not tf.grids and tf.pictures:
            raise ImportError_(
                path,
                "文件中只有图片，没有可读取的表格文字（扫描件或截图不能导入）；请提供可编辑的评分表",
            )
        if not tf.grids:
            if tf.kind == "docx":
                raise ImportError_(
                    path,
                    "文件中没有表格；评分表应是 Word 表格（一级指标、二级指标、赋分、扣分标准等栏目）",
                )
            raise ImportError_(
                path, "文件中没有任何文字内容（可能只有图片）；请提供可编辑的 Excel 评分表"
            )
        raise ImportError_(path, "没有找到评分表的表头（应有“一级指标”“赋分”“扣分标准”等栏目）")
    tables: list[_Table] = []
    for rt in raw_tables:
        try:
            t = _build_tree(rt, warnings)
        except _EmptyTable:
            warnings.append(f"{rt.source}的评分表没有任何指标行，已跳过")
            continue
        t.title = _pick_title(rt.titles, f"{path.stem}（评分表{len(tables) + 1}）")
        tables.append(t)
    if not tables:
        raise ImportError_(path, "评分表没有任何指标行")
    several = len(tables) > 1
    used: set[str] = set()
    for t in tables:
        letter, name = _class_of(t.raw.titles, t.raw.sheet, several)
        if letter and letter not in used:
            t.class_id, t.class_name = letter, name or f"{letter}类"
            used.add(letter)
        else:
            t.class_name = name or ""
    letters = iter(c for c in "ABCDEFGHIJKLMNOPQRSUVWXYZ" if c not in used)
    for t in tables:
        if not t.class_id:
            t.class_id = next(letters) if several else "T"
            used.add(t.class_id)
            t.class_name = t.class_name or (f"{t.class_id}类" if several else "被考核单位")
    asm = _Assembler(path, warnings)
    table_dicts = [asm.table(t, t.class_id) for t in tables]
    first_title = tables[0].title
    title = re.sub(r"[（(][^（）()]*[)）]\s*$", "", first_title).strip() if several else first_title
    scheme: dict[str, Any] = {
        "id": _scheme_id(path),
        "title": title or path.stem,
        "source": f"由评分表文件 {path.name} 导入",
        "note": f"本方案由 zwgk 从评分表文件 {path.name} 导入。需人工复核的指标在其 note 中注明“{REVIEW_NOTE}”。",
        "classes": [{"id": t.class_id, "name": t.class_name} for t in tables],
        "tables": table_dicts,
    }
    if asm.vetoes:
        scheme["vetoes"] = asm.vetoes
    if any(v["effect"] == "fail" for v in asm.vetoes):
        scheme["grades"] = [dict(g) for g in DEFAULT_GRADES]
        scheme["fail_grade"] = "不合格"
        warnings.append(
            "原表有“年度考核为不合格”的否决情形，但没有写等次区间：暂用默认等次 优秀≥90、良好80–<90、合格60–<80、不合格<60，请核对"
        )
    review = asm.review
    scheme = _ensure_valid(scheme, path, review)
    return ImportResult(path, scheme, review, warnings)


def _ensure_valid(scheme: dict[str, Any], path: Path, review: list[ReviewItem]) -> dict[str, Any]:
    """Validate; turn any indicator the validator still rejects into a rating placeholder."""
    for _ in range(5):
        try:
            parse_scheme(scheme, str(path))
            return scheme
        except SchemeError as exc:
            problems = exc.problems
        fixed = False
        nodes = {n["id"]: n for n in _walk(scheme)}
        for p in problems:
            node = nodes.get(p.where or "")
            if node is None:
                continue
            if "children" in node:
                if node.pop("points", None) is not None:
                    fixed = True
                    node.pop("pooled", None)
            else:
                pts = _node_max(node)
                for key in (
                    "faults",
                    "bonuses",
                    "cap",
                    "bonus_cap",
                    "additive",
                    "range",
                    "points",
                    "rank",
                    "imported",
                ):
                    node.pop(key, None)
                if pts > 0:
                    node["points"], node["range"] = pts, [Decimal(0), pts]
                else:
                    node["points"] = Decimal(0)
                    node["bonuses"] = [{"id": "b1", "text": "原表评分标准", "discretionary": True}]
                fixed = True
            reason = f"编码未通过校验（{p.message}），已改为占位"
            node["note"] = f"{node.get('note', '')}\n{REVIEW_NOTE}：{reason}".strip()
            review.append(ReviewItem(node["id"], node["name"], reason))
        if not fixed:
            raise ImportError_(path, f"导入后的方案未通过校验：{problems[0].message}")
    parse_scheme(scheme, str(path))
    return scheme


def _walk(scheme: dict[str, Any]):
    def rec(nodes):
        for n in nodes:
            yield n
            yield from rec(n.get("children") or [])

    for t in scheme.get("tables", []):
        yield from rec(t.get("sections", []))


# ------------------------------------------------------------------------- exported files


def _plain(value: Any) -> Any:
    if isinstance(value, LineDict | dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _from_embedded(tf: TabularFile, path: Path, warnings: list[str]) -> ImportResult | None:
    from zwgk.rubric.exporter import cell_norm, expected_cells

    try:
        raw = loads(tf.embedded or "", f"{path}（内嵌方案）")
        index = parse_scheme(raw, str(path))
    except (SourceError, SchemeError, InputError):
        warnings.append("文件中内嵌的方案数据已损坏，已按普通评分表重新识别")
        return None
    data = _plain(raw)
    expected = expected_cells(index)
    actual: dict[str, dict[str, str]] = {}
    unnumbered = 0
    for rt in segment(tf, []):
        cols = rt.header.cols
        if "id" not in cols:
            unnumbered += len(rt.rows)
            continue
        names = [cols[k] for k in LEVEL_KEYS if k in cols]
        for _, row, _ in rt.rows:
            rid = row[cols["id"]].text.strip()
            if rid and rid in expected:
                actual[rid] = {k: row[c].text if c < len(row) else "" for k, c in cols.items()}
            elif rid:
                actual[rid] = {}
            elif any(row[c].text for c in names) and not _TOTAL_RE.match(
                re.sub(r"\s+", "", row[names[0]].text)
            ):
                unnumbered += 1
    if set(actual) != set(expected) or unnumbered:
        warnings.append("表格在导出后增删了指标行，内嵌的方案数据不再适用，已按普通评分表重新识别")
        return None
    diffs = {
        rid: [
            k
            for k, v in want.items()
            if k in actual[rid] and cell_norm(actual[rid][k]) != cell_norm(v)
        ]
        for rid, want in expected.items()
    }
    diffs = {k: v for k, v in diffs.items() if v}
    if not diffs:
        return ImportResult(path, data, [], warnings, embedded=True)
    review: list[ReviewItem] = []
    _apply_edits(data, index, diffs, actual, review, warnings)
    data = _ensure_valid(data, path, review)
    return ImportResult(path, data, review, warnings, embedded=True)


def _apply_edits(
    data: dict[str, Any],
    index: SchemeIndex,
    diffs: dict[str, list[str]],
    actual: dict[str, dict[str, str]],
    review: list[ReviewItem],
    warnings: list[str],
) -> None:
    from zwgk.rubric.exporter import VETO_ID_PREFIX

    nodes = {n["id"]: n for n in _walk(data)}
    vetoes = {v["id"]: v for v in data.get("vetoes", [])}
    label = {"l1": "一级指标", "l2": "二级指标", "l3": "三级指标", "points": "赋分", "text": "扣分标准", "bonus": "加分标准",
             "method": "考核方式", "content": "考核内容", "basis": "指标依据", "scope": "适用范围"}  # fmt: skip
    warnings.append(f"表格在导出后修改了 {len(diffs)} 行，已按修改后的内容重新识别这些行")
    for rid, keys in diffs.items():
        cells = actual[rid]
        if rid.startswith(VETO_ID_PREFIX):
            veto = vetoes.get(rid[len(VETO_ID_PREFIX) :])
            if veto is not None:
                if "text" in keys:
                    veto["text"] = cells["text"].strip()
                review.append(
                    ReviewItem(
                        veto["id"],
                        veto["name"],
                        "否决情形的文字在导出后被修改，其计分规则未自动更新，请核对",
                    )
                )
            continue
        node = nodes[rid]
        chain = index.chain[rid]
        reasons: list[str] = []
        depth = len(chain)
        name_key = ("l1", "l2", "l3")[min(depth, 3) - 1]
        for k in keys:
            if k in ("l1", "l2", "l3"):
                lvl = ("l1", "l2", "l3").index(k)
                if k == name_key or lvl >= depth - 1:
                    if k == name_key:
                        node["name"] = split_subtotal(cells[k])[0]
                    continue
                anc = nodes[chain[lvl].id]
                name, pts = split_subtotal(cells[k])
                anc["name"] = name
                if pts != (Decimal(str(anc["points"])) if anc.get("points") is not None else None):
                    if pts is None:
                        anc.pop("points", None)
                    else:
                        anc["points"] = pts
                    review.append(
                        ReviewItem(anc["id"], name, f"小计在导出后被修改为{fmt(pts)}分，请核对")
                    )
            elif k == "method":
                node["method"] = [
                    p.strip() for p in re.split(r"[+＋]", _squash(cells[k])) if p.strip()
                ]
            elif k in ("content", "basis"):
                node[k] = cells[k].strip() or None
            elif k == "scope":
                node.setdefault("applies_to", {})["text"] = _squash(cells[k]) or None
                reasons.append("适用范围的文字在导出后被修改，适用的单位类别、名单和标签未自动更新")
        if {"points", "text", "bonus"} & set(keys):
            parent = chain[-2] if depth > 1 else None
            leaf = _Leaf(name=node["name"], row=rid)
            pts, rng = parse_points_cell(cells.get("points", ""))
            leaf.points, leaf.range, leaf.points_raw = pts, rng, cells.get("points", "")
            leaf.text, leaf.bonus = cells.get("text", "").strip(), cells.get("bonus", "").strip()
            text = "\n".join(x for x in (leaf.text, leaf.bonus) if x)
            leaf.rule = draft_rule(leaf.text or None, leaf.bonus or None) if text.strip() else None
            pooled = parent is not None and parent.pooled
            rules = _leaf_dict(leaf, pooled, reasons)
            for key in (
                "points",
                "range",
                "additive",
                "cap",
                "faults",
                "bonuses",
                "bonus_cap",
                "rank",
                "imported",
                "text",
                "bonus_text",
            ):
                node.pop(key, None)
            if leaf.text:
                node["text"] = leaf.text
            if leaf.bonus:
                node["bonus_text"] = leaf.bonus
            node.update(rules)
            changed = "、".join(label[k] for k in keys if k in ("points", "text", "bonus"))
            reasons.insert(0, f"{changed}在导出后被修改，已重新识别")
        if reasons:
            reasons = list(dict.fromkeys(reasons))
            text = "；".join(reasons)
            node["note"] = (
                f"{node['note']}\n{REVIEW_NOTE}：{text}"
                if node.get("note")
                else f"{REVIEW_NOTE}：{text}"
            )
            review.append(ReviewItem(rid, node["name"], text))


# ----------------------------------------------------------------------------------- entry


def import_scheme(path: str | Path) -> ImportResult:
    """Read a score table file (.xlsx / .docx) into a scheme dict plus a review list.

    Raises :class:`ImportError_` (one line naming the file) when the file is not a score table.
    """
    path = Path(path)
    try:
        tf = read_file(path)
    except TableReadError as exc:
        raise ImportError_(path, exc.reason) from None
    warnings: list[str] = []
    if tf.embedded is not None:
        result = _from_embedded(tf, path, warnings)
        if result is not None:
            return result
    return _from_office(tf, path, warnings)


def render_review(result: ImportResult) -> str:
    """The review report in Chinese: what was imported and what a person must check."""
    scheme = result.scheme_dict
    lines: list[str] = []
    n_tables = len(scheme.get("tables", []))
    nodes = list(_walk(scheme))
    leaves = [n for n in nodes if "children" not in n]
    head = f"导入 {result.path.name}：{scheme.get('title', '')}，{n_tables} 张评分表，{len(nodes)} 个指标（其中末级指标 {len(leaves)} 个）"
    if result.embedded:
        head += "；文件由 zwgk 导出，方案按内嵌数据恢复"
    lines.append(head + "。")
    for t in scheme.get("tables", []):
        classes = "、".join(
            next((c["name"] for c in scheme.get("classes", []) if c["id"] == cid), cid)
            for cid in t.get("classes", [])
        )
        total = t.get("total")
        lines.append(
            f"  评分表 {t['id']}《{t.get('title', '')}》：{classes}，合计 {fmt(Decimal(str(total))) if total is not None else '—'} 分"
        )
    vetoes = scheme.get("vetoes") or []
    if vetoes:
        lines.append(f"  否决情形 {len(vetoes)} 项。")
    if result.review:
        lines.append("")
        lines.append(f"需人工复核（{len(result.review)} 项）：")
        for item in result.review:
            lines.append(f"  [{item.indicator_id}] {item.name}：{item.reason}")
    else:
        lines.append("")
        lines.append("没有需要人工复核的指标。")
    if result.warnings:
        lines.append("")
        lines.append("提示：")
        lines.extend(f"  - {w}" for w in result.warnings)
    return "\n".join(lines) + "\n"


__all__ = ["ImportError_", "ImportResult", "ReviewItem", "import_scheme", "render_review"]
