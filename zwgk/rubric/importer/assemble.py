"""Stage 4 — assembling: the scheme dict with positional ids, classes, grades and vetoes,
validated (a leaf that does not validate becomes a marked placeholder)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.rubric.draft import draft_rule
from zwgk.rubric.errors import SchemeError
from zwgk.rubric.importer.headers import CLASS_BRACKET_RE, CLASS_LETTER_RE, NOT_CLASS, segment
from zwgk.rubric.importer.result import (
    DEFAULT_GRADES,
    REVIEW_NOTE,
    ImportError_,
    ImportResult,
    ReviewItem,
)
from zwgk.rubric.importer.rules import leaf_dict
from zwgk.rubric.importer.tree import EmptyTable, Leaf, Sec, Table, Veto, build_tree
from zwgk.rubric.model import ID_PATTERN, LEAF_SCORING_KEYS
from zwgk.rubric.numbers import fmt
from zwgk.rubric.tabular_io import (
    TabularFile,
)
from zwgk.rubric.validate import parse_scheme


def _is_veto_row(leaf: Leaf) -> bool:
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


def _leaves_of(nodes: list[Any]) -> Iterator[Leaf]:
    for n in nodes:
        if isinstance(n, Sec):
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

    def table(self, t: Table, prefix: str) -> dict[str, Any]:
        zero_vetoes: list[Veto] = []

        def lift(nodes: list[Any], top: Sec | None) -> list[Any]:
            kept = []
            for n in nodes:
                if isinstance(n, Sec):
                    n.children = lift(n.children, top or n)
                    if n.children:
                        kept.append(n)
                    continue
                text = "\n".join(x for x in (n.text, n.bonus) if x)
                n.rule = draft_rule(n.text or None, n.bonus or None) if text.strip() else None
                if top is not None and _is_veto_row(n):
                    zero_vetoes.append(
                        Veto(
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

    def veto(self, v: Veto) -> None:
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

    def node(self, n: Any, node_id: str, parent: Sec | None) -> dict[str, Any]:
        if isinstance(n, Sec):
            n.id = node_id
            d: dict[str, Any] = {"id": node_id, "name": n.name}
            leaves = all(isinstance(c, Leaf) for c in n.children)
            unpriced = all(
                c.points is None and c.range is None and c.name_points is None
                for c in n.children
                if isinstance(c, Leaf)
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
        leaf: Leaf = n
        leaf.id = node_id
        d = {"id": node_id, "name": leaf.name}
        reasons = list(leaf.reasons)
        rules = leaf_dict(leaf, parent is not None and parent.pooled, reasons)
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
        m = CLASS_LETTER_RE.search(text)
        if m:
            letter = m.group(1).upper()
            return letter, f"{letter}类"
    if several or titles:
        for text in [*reversed(titles), sheet or ""]:
            m = CLASS_BRACKET_RE.search(text)
            if m and not NOT_CLASS.search(m.group(1)):
                return None, m.group(1).strip()
    return None, None


def _pick_title(titles: list[str], fallback: str) -> str:
    good = [t for t in titles if not re.fullmatch(r"(?i)sheet\d*|工作表\d*", t)]
    return good[-1] if good else fallback


def _scheme_id(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9\u4e00-\u9fff_.\-]+", "-", path.stem).strip("-._")[:60]
    return stem if stem and re.match(ID_PATTERN, stem) else "imported"


def from_office(tf: TabularFile, path: Path, warnings: list[str]) -> ImportResult:
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
    tables: list[Table] = []
    for rt in raw_tables:
        try:
            t = build_tree(rt, warnings)
        except EmptyTable:
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
    scheme = ensure_valid(scheme, path, review)
    return ImportResult(path, scheme, review, warnings)


def ensure_valid(scheme: dict[str, Any], path: Path, review: list[ReviewItem]) -> dict[str, Any]:
    """Validate; turn any indicator the validator still rejects into a rating placeholder."""
    for _ in range(5):
        try:
            parse_scheme(scheme, str(path))
            return scheme
        except SchemeError as exc:
            problems = exc.problems
        fixed = False
        nodes = {n["id"]: n for n in walk_nodes(scheme)}
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
                for key in LEAF_SCORING_KEYS:
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


def walk_nodes(scheme: dict[str, Any]):
    def rec(nodes):
        for n in nodes:
            yield n
            yield from rec(n.get("children") or [])

    for t in scheme.get("tables", []):
        yield from rec(t.get("sections", []))
