"""Stage 5 — round trip: a file exported by :mod:`zwgk.rubric.exporter` carries the scheme;
unchanged rows give it back exactly, edited cells are read again."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.rubric.draft import draft_rule, parse_points_cell
from zwgk.rubric.errors import InputError, SchemeError
from zwgk.rubric.exporter import VETO_ID_PREFIX, cell_norm, expected_cells
from zwgk.rubric.importer.assemble import ensure_valid, walk_nodes
from zwgk.rubric.importer.headers import LEVEL_KEYS, TOTAL_RE, segment, squash
from zwgk.rubric.importer.result import REVIEW_NOTE, ImportResult, ReviewItem
from zwgk.rubric.importer.rules import leaf_dict
from zwgk.rubric.importer.tree import Leaf, split_subtotal
from zwgk.rubric.index import SchemeIndex
from zwgk.rubric.model import LEAF_SCORING_KEYS
from zwgk.rubric.numbers import fmt
from zwgk.rubric.tabular_io import (
    TabularFile,
)
from zwgk.rubric.validate import parse_scheme
from zwgk.rubric.yamlsrc import LineDict, SourceError, loads


def _plain(value: Any) -> Any:
    if isinstance(value, LineDict | dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def from_embedded(tf: TabularFile, path: Path, warnings: list[str]) -> ImportResult | None:

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
            elif any(row[c].text for c in names) and not TOTAL_RE.match(
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
    data = ensure_valid(data, path, review)
    return ImportResult(path, data, review, warnings, embedded=True)


def _apply_edits(
    data: dict[str, Any],
    index: SchemeIndex,
    diffs: dict[str, list[str]],
    actual: dict[str, dict[str, str]],
    review: list[ReviewItem],
    warnings: list[str],
) -> None:

    nodes = {n["id"]: n for n in walk_nodes(data)}
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
                    p.strip() for p in re.split(r"[+＋]", squash(cells[k])) if p.strip()
                ]
            elif k in ("content", "basis"):
                node[k] = cells[k].strip() or None
            elif k == "scope":
                node.setdefault("applies_to", {})["text"] = squash(cells[k]) or None
                reasons.append("适用范围的文字在导出后被修改，适用的单位类别、名单和标签未自动更新")
        if {"points", "text", "bonus"} & set(keys):
            parent = chain[-2] if depth > 1 else None
            leaf = Leaf(name=node["name"], row=rid)
            pts, rng = parse_points_cell(cells.get("points", ""))
            leaf.points, leaf.range, leaf.points_raw = pts, rng, cells.get("points", "")
            leaf.text, leaf.bonus = cells.get("text", "").strip(), cells.get("bonus", "").strip()
            text = "\n".join(x for x in (leaf.text, leaf.bonus) if x)
            leaf.rule = draft_rule(leaf.text or None, leaf.bonus or None) if text.strip() else None
            pooled = parent is not None and parent.pooled
            rules = leaf_dict(leaf, pooled, reasons)
            for key in (*LEAF_SCORING_KEYS, "text", "bonus_text"):
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
