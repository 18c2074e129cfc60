"""Stage 2 — the indicator tree: rows under a header become sections and leaves (merged and
blank cells carry on; "主动公开（37分）" is a declared subtotal; 小计 rows; 否决/重大扣分 rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zwgk.rubric.draft import DraftedRule, parse_points_cell
from zwgk.rubric.importer.headers import (
    LEVEL_KEYS,
    RULE_CONTENT_ALIASES,
    SUBTOTAL_RE,
    TOTAL_RE,
    RawTable,
    distinct,
    header_of,
    squash,
)
from zwgk.rubric.numbers import fmt
from zwgk.rubric.tabular_io import (
    Cell,
)


@dataclass
class Sec:
    name: str
    points: Decimal | None
    origin: tuple[int, int]
    level: int
    children: list[Any] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    pooled: bool = False
    id: str = ""


@dataclass
class Leaf:
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
class Veto:
    name: str
    text: str
    effect: str
    amount: Decimal | None = None
    discretionary: bool = False
    target: Sec | None = None
    reason: str | None = None


@dataclass
class Table:
    raw: RawTable
    title: str
    roots: list[Any]
    total: Decimal | None
    vetoes: list[Veto]
    class_id: str = ""
    class_name: str = ""


def split_subtotal(text: str) -> tuple[str, Decimal | None]:
    """ "主动公开（37分）" → ("主动公开", 37); "组织领导" → ("组织领导", None)."""
    name = squash(text)
    m = SUBTOTAL_RE.match(name.replace("．", "."))
    if m and m.group("name").strip():
        digits = m.group("pts").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return m.group("name").strip(), Decimal(digits)
    return name, None


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", split_subtotal(name)[0])


def build_tree(rt: RawTable, warnings: list[str]) -> Table:
    cols = rt.header.cols
    levels = [cols[k] for k in LEVEL_KEYS if k in cols]
    open_: list[Sec | None] = [None] * len(levels)
    roots: list[Any] = []
    total: Decimal | None = None
    vetoes: list[Veto] = []
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
        lv_text = [squash(c.text) for c in lv_cells]
        first = next((t for t in lv_text if t), distinct(row)[0] if distinct(row) else "")
        if TOTAL_RE.match(re.sub(r"\s+", "", first)):
            pts = parse_points_cell(text_of(row, "points"))[0] if points_col is not None else None
            if pts is None:
                m = re.search(r"(\d+(?:\.\d+)?)\s*分", " ".join(distinct(row)))
                pts = Decimal(m.group(1)) if m else None
            total = pts
            continue
        if SECTION_TOTAL_RE.match(re.sub(r"\s+", "", first)):
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
        if lv_text[0] and is_veto_text(lv_text[0]):
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
        parent: Sec | None = None
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
            sec = Sec(name=name, points=pts, origin=cell.origin, level=j)
            (parent.children if parent else roots).append(sec)
            open_[j] = sec
            for k in range(j + 1, len(levels)):
                open_[k] = None
            new_chain = True
            parent = sec
        if leaf_k is None or continuation:
            base = parent.name if parent else "（无名称）"
            leaf = Leaf(name=f"{base}（续）", row=where)
            leaf.reasons.append(
                "该行没有指标名称（名称栏为空或与上一行合并），暂以上级指标名称命名"
            )
        else:
            name, npts = split_subtotal(lv_text[leaf_k])
            leaf = Leaf(name=name, row=where, name_points=npts)
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
                    and squash(pcell.text) not in ("-", "—", "_", "－", "/", "无", "——")
                ):
                    leaf.reasons.append(f"赋分栏“{squash(pcell.text)}”不是分值")
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
        leaf.method = squash(text_of(row, "method"))
        leaf.content = "" if rule_from_content else text_of(row, "content")
        leaf.basis = text_of(row, "basis")
        leaf.scope = squash(text_of(row, "scope"))
        (parent.children if parent else roots).append(leaf)
    if not roots:
        raise EmptyTable()
    _share_points(roots, warnings)
    return Table(rt, "", roots, total, vetoes)


class EmptyTable(Exception):
    pass


def _share_points(roots: list[Any], warnings: list[str]) -> None:
    """A 赋分 cell merged over several rows is the subtotal of the section those rows make up."""
    groups: dict[tuple[int, int], list[tuple[Leaf, Sec | None]]] = {}

    def walk(nodes: list[Any], parent: Sec | None) -> None:
        for n in nodes:
            if isinstance(n, Sec):
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
                    f"赋分栏“{squash(leaf.points_raw)}”跨多行合并，无法确定本指标的分值"
                )


CLAUSE_MARK = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}[.、．](?!\d)|[①-⑳]"
)
_VETO_TAIL = re.compile(
    r"[,，]?\s*(?:(?:的)?[,，]?\s*扣(?:除)?\s*\d+(?:\.\d+)?\s*分|[^,，;；。]*酌情扣分|(?:的)?[,，]?\s*(?:年度)?考核(?:等次)?(?:为|定为|确定为)?不合格|一票否决)[;；。]?\s*$"
)
_VETO_RE = re.compile(r"否决|重大扣分|扣分项|减分项|倒扣分")
SECTION_TOTAL_RE = re.compile(r"^小计[:：]?$")


def is_veto_text(text: str) -> bool:
    """A row of 否决情形 / 重大扣分项: named so in its first cell, or a merged row that lists
    numbered situations that fail the unit (考核中有下列情形的……年度考核为不合格。(一)…)."""
    if "加分" in text:
        return False
    if _VETO_RE.search(text):
        return True
    return bool(re.search(r"不合格|一票否决", text)) and len(CLAUSE_MARK.findall(text)) >= 2


def _veto_rows(
    row: list[Cell], cols: dict[str, int], levels: list[int], where: str, warnings: list[str]
) -> list[Veto]:
    """A 重大扣分项 / 否决情形 row: one veto per numbered clause."""
    points = ""
    if "points" in cols and row[cols["points"]].origin[1] == cols["points"]:
        points = squash(row[cols["points"]].text)
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
            if p not in seen and squash(p) != points:
                seen.append(p)
        text = max(seen, key=len) if seen else ""
    if not text.strip() and CLAUSE_MARK.search(row[first].text):
        text = row[first].text  # one cell merged across the table holds the whole list
    if not text.strip():
        return []
    text = text.strip()
    marks = list(CLAUSE_MARK.finditer(text))
    intro = text[: marks[0].start()].strip() if marks else ""
    clauses = [
        text[m.end() : (marks[i + 1].start() if i + 1 < len(marks) else len(text))].strip()
        for i, m in enumerate(marks)
    ]
    if not marks:
        clauses = [text]
    out: list[Veto] = []
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


def _veto_of(clause: str, intro: str, points: str) -> Veto | None:
    name = _VETO_TAIL.sub("", clause).strip(" ,，;；。") or clause
    name = name[:-1] if name.endswith("的") and len(name) > 2 else name
    for source in (clause, intro, points):
        if re.search(r"酌情", source):
            return Veto(name, clause, "deduct", discretionary=True)
        m = re.search(r"扣(?:除)?\s*(\d+(?:\.\d+)?)\s*分", source) or re.fullmatch(
            r"[-－−](\d+(?:\.\d+)?)", source
        )
        if m:
            return Veto(name, clause, "deduct", amount=Decimal(m.group(1)))
        if re.search(r"不合格|一票否决", source):
            return Veto(name, clause, "fail")
    return None
