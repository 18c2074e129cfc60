"""Loading and validating scheme files: a broken file is rejected whole, every problem named.

Two passes: pydantic checks each field (types, unknown keys, bounds) and its errors are mapped
back to file lines through :class:`~zwgk.rubric.yamlsrc.LineDict`; then :func:`check_scheme`
checks what needs the whole tree: duplicate ids, unknown classes and tags, subtotals, caps above
the points, faults without an amount, rules that contradict each other.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from zwgk.rubric.errors import Problem, SchemeError
from zwgk.rubric.index import SchemeIndex, node_max
from zwgk.rubric.model import KIND_KEYS, Counting, Node, NodeKind, Scheme, Table, VetoEffect
from zwgk.rubric.numbers import fmt
from zwgk.rubric.yamlsrc import LineDict, SourceError, load_path, loads

_PYDANTIC_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的键（拼写错误？）",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "dict_type": "应为键值映射",
    "model_type": "应为键值映射",
    "tuple_type": "应为两个数字的列表 [下限, 上限]",
    "too_short": "项数不足",
    "too_long": "项数过多",
    "string_pattern_mismatch": "编号只能含字母、数字、汉字、点、下划线和连字符",
    "greater_than": "应大于 0",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "decimal_max_places": "小数位数过多（最多 4 位）",
    "finite_number": "应为有限数字",
}


def _locate(raw: Any, loc: tuple[Any, ...]) -> tuple[int | None, str]:
    """Walk ``loc`` through the raw data; return the deepest known line and a readable path."""
    line: int | None = None
    node = raw
    parts: list[str] = []
    for key in loc:
        if isinstance(node, LineDict):
            line = node.key_lines.get(key, node.line) or line
            parts.append(str(key))
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            parts.append(f"[{key}]")
            node = node[key]
            if isinstance(node, LineDict):
                line = node.line
        else:
            parts.append(str(key))
            break
    if isinstance(node, LineDict) and line is None:
        line = node.line
    return line, ".".join(parts).replace(".[", "[")


def _node_id_near(raw: Any, loc: tuple[Any, ...]) -> str | None:
    """The id of the innermost indicator on the way to ``loc``, for the message."""
    found = None
    node = raw
    for key in loc:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and "name" in node:
                found = node["id"]
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        found = node["id"]
    return found


def _add_lines(value: Any) -> Any:
    """Copy the raw tree with each mapping's line under ``__line__`` for the models."""
    if isinstance(value, LineDict):
        out: dict[str, Any] = {k: _add_lines(v) for k, v in value.items()}
        out["__line__"] = value.line
        return out
    if isinstance(value, list):
        return [_add_lines(v) for v in value]
    return value


def problems_from_validation(raw: Any, exc: ValidationError, path: str) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(x for x in err["loc"] if x not in ("function-after", "tagged-union"))
        line, dotted = _locate(raw, loc)
        reason = _PYDANTIC_MESSAGES.get(err["type"], err["msg"])
        if err["type"] == "extra_forbidden":
            reason = f"不认识的键 “{loc[-1]}”（拼写错误？）"
        elif err["type"] == "missing":
            reason = f"缺少必填项 “{loc[-1]}”"
        elif err["type"] in ("literal_error", "enum"):
            reason = f"取值不在允许范围内：{err.get('ctx', {}).get('expected', '')}"
        where = _node_id_near(raw, loc) or dotted
        problems.append(Problem(path, line, f"{reason}（{dotted}）", where))
    return problems


def parse_scheme(raw: Any, path: str = "<scheme>") -> SchemeIndex:
    """Validate raw YAML data into a :class:`SchemeIndex`, or raise :class:`SchemeError`."""
    if not isinstance(raw, dict):
        raise SchemeError(
            [
                Problem(
                    path, None, "方案文件应是一个键值映射（顶层应有 id、title、classes、tables…）"
                )
            ]
        )
    try:
        scheme = Scheme.model_validate(_add_lines(raw))
    except ValidationError as exc:
        raise SchemeError(problems_from_validation(raw, exc, path)) from None
    problems = check_scheme(scheme, path)
    if problems:
        raise SchemeError(problems)
    return SchemeIndex.build(scheme, path)


def load_scheme(path: str | Path) -> SchemeIndex:
    """Read and validate a scheme file (YAML)."""
    try:
        raw = load_path(path)
    except SourceError as exc:
        raise SchemeError([Problem(exc.path, exc.line, exc.message)]) from None
    return parse_scheme(raw, str(path))


def load_scheme_text(text: str, path: str = "<text>") -> SchemeIndex:
    try:
        raw = loads(text, path)
    except SourceError as exc:
        raise SchemeError([Problem(exc.path, exc.line, exc.message)]) from None
    return parse_scheme(raw, path)


KIND_NAMES = {
    NodeKind.SECTION: "上级",
    NodeKind.DEDUCT: "扣分",
    NodeKind.BONUS: "只加分",
    NodeKind.RANGE: "区间评分",
    NodeKind.RANK: "排名赋分",
    NodeKind.IMPORTED: "外部计分",
    NodeKind.ADDITIVE: "从 0 分起算",
}


def _check_exclusive(node: Node, problem, where: str) -> None:
    """Mutually exclusive faults: groups of two or more of the node's own faults."""
    ids = {f.id for f in node.faults}
    for group in node.exclusive:
        if len(set(group)) < 2:
            problem(node.line, f"互斥情形 exclusive 每组至少写两个不同的扣分情形：{group}", where)
        unknown = [g for g in group if g not in ids]
        if unknown:
            problem(node.line, f"互斥情形中有本指标没有的扣分情形：{'、'.join(unknown)}", where)


def _check_parts(node: Node, problem, where: str) -> None:
    """Sub-items: distinct ids, each a proper range, adding up to the indicator's range."""
    ids = [p.id for p in node.parts]
    if len(set(ids)) != len(ids):
        problem(
            node.line,
            f"分项编号重复：{'、'.join(sorted({i for i in ids if ids.count(i) > 1}))}",
            where,
        )
    for part in node.parts:
        if part.range[0] >= part.range[1]:
            problem(part.line, f"分项 {part.id} 的下限 {fmt(part.range[0])} 应小于上限", where)
    lo = sum((p.range[0] for p in node.parts), Decimal(0))
    hi = sum((p.range[1] for p in node.parts), Decimal(0))
    if (lo, hi) != tuple(node.range):
        problem(
            node.line,
            f"各分项区间合计 {fmt(lo)}～{fmt(hi)}，与指标区间 {fmt(node.range[0])}～{fmt(node.range[1])} 不符",
            where,
        )


def check_scheme(scheme: Scheme, path: str) -> list[Problem]:
    """The checks that need the whole scheme. Returns every problem found, in file order."""
    out: list[Problem] = []

    def problem(line: int, message: str, where: str | None = None) -> None:
        out.append(Problem(path, line or None, message, where))

    class_ids = [c.id for c in scheme.classes]
    if not class_ids:
        problem(scheme.line, "至少要有一个单位类别（classes）")
    seen_classes: set[str] = set()
    for c in scheme.classes:
        if c.id in seen_classes:
            problem(c.line, f"单位类别编号重复：{c.id}", c.id)
        seen_classes.add(c.id)
    declared_tags = set(scheme.tags)

    table_of_class: dict[str, str] = {}
    seen_ids: dict[str, int] = {}
    for table in scheme.tables:
        if table.id in seen_ids:
            problem(table.line, f"编号重复：{table.id}（第 {seen_ids[table.id]} 行已用）", table.id)
        seen_ids.setdefault(table.id, table.line)
        if not table.classes:
            problem(table.line, "评分表没有写适用的单位类别（classes）", table.id)
        for cls_id in table.classes:
            if cls_id not in seen_classes:
                problem(
                    table.line,
                    f"未知的单位类别：{cls_id}（已声明：{'、'.join(class_ids)}）",
                    table.id,
                )
            elif cls_id in table_of_class:
                problem(
                    table.line,
                    f"单位类别 {cls_id} 已在评分表 {table_of_class[cls_id]} 中使用",
                    table.id,
                )
            else:
                table_of_class[cls_id] = table.id
        if not table.sections:
            problem(table.line, "评分表没有任何指标", table.id)
        for section in table.sections:
            _check_node(section, table, None, seen_ids, declared_tags, problem)
        total = sum((node_max(s) for s in table.sections), Decimal(0))
        if table.total is not None and total != table.total:
            problem(
                table.line,
                f"评分表合计 {fmt(table.total)} 分，但各一级指标分值之和为 {fmt(total)} 分",
                table.id,
            )
    for cls_id in class_ids:
        if cls_id not in table_of_class and cls_id in seen_classes:
            problem(scheme.line, f"单位类别 {cls_id} 没有对应的评分表", cls_id)

    seen_vetoes: set[str] = set()
    for veto in scheme.vetoes:
        if veto.id in seen_vetoes:
            problem(veto.line, f"否决情形编号重复：{veto.id}", veto.id)
        seen_vetoes.add(veto.id)
        if veto.effect is VetoEffect.ZERO:
            if veto.target is None:
                problem(veto.line, "“zero”（单项否决）须用 target 指明被清零的指标", veto.id)
            elif veto.target not in seen_ids:
                problem(veto.line, f"target 指向不存在的指标：{veto.target}", veto.id)
        elif veto.target is not None:
            problem(veto.line, "只有 effect: zero 才能写 target", veto.id)
        if veto.effect is VetoEffect.DEDUCT and (veto.amount is None) == (not veto.discretionary):
            problem(
                veto.line,
                "“deduct”（重大扣分项）须写每次扣分 amount，或写 discretionary: true（酌情扣分，每次在事实中写明扣分）二者之一",
                veto.id,
            )
        if veto.discretionary and veto.effect is not VetoEffect.DEDUCT:
            problem(veto.line, "只有 effect: deduct 才能写 discretionary", veto.id)
        if veto.effect is not VetoEffect.DEDUCT and (
            veto.amount is not None or veto.cap is not None
        ):
            problem(veto.line, "只有 effect: deduct 才能写 amount 或 cap", veto.id)
        if veto.applies_to:
            _check_scope(veto.applies_to, class_ids, declared_tags, veto.line, veto.id, problem)

    names = [g.name for g in scheme.grades]
    if len(set(names)) != len(names):
        problem(scheme.line, "等次名称重复")
    for i, grade in enumerate(scheme.grades):
        last = i == len(scheme.grades) - 1
        if last and grade.min is not None:
            problem(
                grade.line, f"最后一个等次（{grade.name}）不应写下限 min：低于上一等次的都属于它"
            )
        if not last and grade.min is None:
            problem(grade.line, f"等次 {grade.name} 缺少下限 min")
        if i > 0 and grade.min is not None:
            prev = scheme.grades[i - 1].min
            if prev is not None and grade.min >= prev:
                problem(
                    grade.line,
                    f"等次应按下限从高到低排列：{grade.name} 的下限 {fmt(grade.min)} 不低于上一等次",
                )
    if scheme.fail_grade is not None and scheme.fail_grade not in names:
        problem(scheme.line, f"fail_grade “{scheme.fail_grade}” 不是已声明的等次")
    seen_assumptions: set[str] = set()
    for a in scheme.assumptions:
        if a.id in seen_assumptions:
            problem(a.line, f"编写假设编号重复：{a.id}", a.id)
        seen_assumptions.add(a.id)
        if a.about is not None and a.about not in seen_ids and a.about not in seen_vetoes:
            problem(
                a.line,
                f"编写假设 {a.id} 的 about 指向不存在的指标、评分表或否决情形：{a.about}",
                a.id,
            )
    has_fail_veto = any(v.effect is VetoEffect.FAIL for v in scheme.vetoes)
    if has_fail_veto and not scheme.grades:
        problem(scheme.line, "有“年度考核为不合格”的否决情形，但没有定义等次（grades）")
    return out


def _check_scope(scope, class_ids, declared_tags, line, where, problem) -> None:
    for cls_id in scope.classes:
        if cls_id not in class_ids:
            problem(line, f"适用范围中有未知的单位类别：{cls_id}", where)
    for tag in scope.tags:
        if tag not in declared_tags:
            problem(line, f"适用范围中有未声明的标签：“{tag}”（请在方案顶层 tags 中声明）", where)


def _check_node(
    node: Node, table: Table, parent: Node | None, seen_ids, declared_tags, problem
) -> None:
    where = node.id
    if node.id in seen_ids:
        problem(node.line, f"指标编号重复：{node.id}（第 {seen_ids[node.id]} 行已用）", where)
    else:
        seen_ids[node.id] = node.line
    if node.applies_to:
        _check_scope(node.applies_to, table.classes, declared_tags, node.line, where, problem)
    pooled_child = parent is not None and parent.pooled

    if node.additive and (not node.is_leaf or pooled_child):
        problem(node.line, "additive 只能用于末级指标（且不在共用分值之下）", where)
    if not node.is_leaf:
        for key, present in (
            ("faults", bool(node.faults)),
            ("bonuses", bool(node.bonuses)),
            ("range", node.range is not None),
            ("rank", node.rank is not None),
            ("imported", node.imported is not None),
        ):
            if present:
                problem(node.line, f"有下级指标的节点不能写 {key}：把它放到末级指标上", where)
        if not node.children:
            problem(node.line, "children 为空：没有下级指标就删去 children", where)
        if node.cap is not None and not node.pooled:
            problem(node.line, "只有 pooled（共用分值）的节点才能写扣分上限 cap", where)
        if node.pooled:
            if node.points is None:
                problem(node.line, "pooled（共用分值）的节点须写 points", where)
            elif node.cap is not None and node.cap > node.points:
                problem(node.line, f"扣分上限 {fmt(node.cap)} 超过分值 {fmt(node.points)}", where)
        for child in node.children or ():
            _check_node(child, table, node, seen_ids, declared_tags, problem)
        if not node.pooled and node.points is not None and node.children:
            total = sum((node_max(c) for c in node.children), Decimal(0))
            if total != node.points:
                parts = " + ".join(fmt(node_max(c)) for c in node.children)
                problem(
                    node.line,
                    f"小计不符：“{node.name}”写明 {fmt(node.points)} 分，下级指标合计 {parts} = {fmt(total)} 分",
                    where,
                )
        return

    kind = node.kind
    rules = [m.value for m in node.markers]
    if len(rules) > 1:
        problem(node.line, f"一个指标只能用一种计分方式，现有：{'、'.join(rules)}", where)
    else:
        stray = sorted(node.scoring_keys() - KIND_KEYS[kind])
        if stray:
            problem(
                node.line,
                f"{KIND_NAMES[kind]}指标不能写 {'、'.join(stray)}（可写：{'、'.join(sorted(KIND_KEYS[kind]))}）",
                where,
            )
    _check_exclusive(node, problem, where)
    if pooled_child:
        if node.points is not None:
            problem(node.line, f"“{parent.name}”为共用分值（pooled），下级指标不写 points", where)
        if rules:
            problem(node.line, "共用分值的下级指标只能写扣分和加分情形", where)
        if not node.faults and not node.bonuses:
            problem(node.line, "指标没有扣分情形（faults）也没有加分情形（bonuses）", where)
    elif kind == "additive":
        if node.points is None or node.points <= 0:
            problem(
                node.line, "从 0 分起算（additive）的指标须写正的 points（可得的最高分）", where
            )
        if node.faults or not node.bonuses:
            problem(
                node.line, "从 0 分起算（additive）的指标只写得分情形 bonuses，不写 faults", where
            )
        if node.bonus_cap is not None:
            problem(
                node.line, "从 0 分起算（additive）的指标以 points 为上限，不写 bonus_cap", where
            )
    elif kind in ("deduct", "bonus"):
        if node.points is None:
            problem(node.line, "缺少分值 points（只加分的指标写 points: 0）", where)
        elif node.points < 0:
            problem(node.line, "分值 points 不能为负数；可正可负的指标请用 range", where)
        elif node.points == 0 and not node.bonuses:
            problem(node.line, "分值为 0 的指标须有加分情形（bonuses）", where)
        elif node.points > 0 and not node.faults:
            problem(
                node.line,
                "指标没有扣分情形（faults）：请写明扣分情形，或改用 range / rank / imported",
                where,
            )
    if node.range is not None:
        lo, hi = node.range
        if lo >= hi:
            problem(node.line, f"range 下限 {fmt(lo)} 应小于上限 {fmt(hi)}", where)
        if node.points is not None and node.points != hi:
            problem(
                node.line,
                f"range 指标的 points（{fmt(node.points)}）应等于上限 {fmt(hi)}，或省略",
                where,
            )
        if node.parts:
            _check_parts(node, problem, where)
    elif node.parts:
        problem(node.line, "分项 parts 只用于区间评分（range）指标", where)
    if node.rank is not None:
        rule = node.rank
        if node.points is None or node.points <= 0:
            problem(node.line, "排名赋分指标须写 points（第一名的得分）", where)
        if (rule.table is None) == (rule.step is None):
            problem(
                node.line, "排名赋分须写 table（名次→分值）或 step（每降一名减分）其中之一", where
            )
        if rule.table is not None:
            for rank, pts in rule.table.items():
                if rank < 1:
                    problem(rule.line, f"名次应从 1 开始：{rank}", where)
                if node.points is not None and pts > node.points:
                    problem(
                        rule.line,
                        f"第 {rank} 名的分值 {fmt(pts)} 超过指标分值 {fmt(node.points)}",
                        where,
                    )
        if node.points is not None and (rule.floor > node.points or rule.missing > node.points):
            problem(rule.line, "floor / missing 不能超过指标分值", where)
    if node.imported is not None and node.points is not None and node.imported.min >= node.points:
        problem(
            node.line,
            f"imported.min（{fmt(node.imported.min)}）应小于指标分值 {fmt(node.points)}",
            where,
        )
    if (
        node.range is not None or node.rank is not None or node.imported is not None
    ) and node.faults:
        problem(node.line, "range / rank / imported 指标不能同时写扣分情形 faults", where)

    limit = node.points if not pooled_child else None
    if node.cap is not None:
        if pooled_child:
            pass
        elif kind not in ("deduct",):
            problem(node.line, "只有扣分类指标才能写扣分上限 cap", where)
        elif limit is not None and node.cap > limit:
            problem(node.line, f"扣分上限 {fmt(node.cap)} 超过指标分值 {fmt(limit)}", where)
    fault_ids: set[str] = set()
    for fault in node.faults:
        if fault.id in fault_ids:
            problem(fault.line, f"扣分情形编号重复：{fault.id}", where)
        fault_ids.add(fault.id)
        if fault.zeroes:
            if pooled_child:
                problem(fault.line, "共用分值的下级指标不能写“不得分”（zeroes）", where)
            if fault.amount is not None or fault.elements or fault.discretionary:
                problem(
                    fault.line,
                    "“不得分”（zeroes: true）的情形不写 amount、elements 和 discretionary",
                    where,
                )
        elif fault.discretionary:
            if fault.amount is not None or fault.elements:
                problem(
                    fault.line,
                    "酌情扣分（discretionary: true）的情形不写 amount 和 elements：扣分写在每条事实中",
                    where,
                )
        elif fault.amount is None:
            problem(
                fault.line,
                f"扣分情形 {fault.id} 缺少每次扣分 amount（或写 zeroes: true 表示不得分，discretionary: true 表示逐条酌定）",
                where,
            )
        if fault.elements is not None:
            if not fault.elements:
                problem(fault.line, "elements 为空：列出须具备的各项要素", where)
            if len(set(fault.elements)) != len(fault.elements):
                problem(fault.line, "elements 中有重复的要素", where)
        if fault.counting is not None and (fault.zeroes or fault.discretionary):
            problem(fault.line, "“不得分”和酌情扣分的情形不写 counting", where)
        if fault.elements and fault.counting not in (None, Counting.ITEM):
            problem(fault.line, "有要素清单（elements）的情形按项计（counting: item）", where)
        if fault.cap is not None:
            if fault.zeroes:
                problem(fault.line, "“不得分”的情形不写 cap", where)
            if limit is not None and fault.cap > limit:
                problem(
                    fault.line,
                    f"扣分情形 {fault.id} 的上限 {fmt(fault.cap)} 超过指标分值 {fmt(limit)}",
                    where,
                )
            if node.cap is not None and fault.cap > node.cap:
                problem(
                    fault.line,
                    f"扣分情形 {fault.id} 的上限 {fmt(fault.cap)} 超过指标扣分上限 {fmt(node.cap)}",
                    where,
                )
    bonus_ids: set[str] = set()
    for bonus in node.bonuses:
        if bonus.id in bonus_ids or bonus.id in fault_ids:
            problem(bonus.line, f"加分情形编号重复：{bonus.id}", where)
        bonus_ids.add(bonus.id)
        if (bonus.amount is None) == (not bonus.discretionary):
            problem(
                bonus.line,
                f"加分情形 {bonus.id} 须写每次加分 amount，或写 discretionary: true（酌情加分，每条事实写明加分）二者之一",
                where,
            )
        if node.bonus_cap is not None and bonus.cap is not None and bonus.cap > node.bonus_cap:
            problem(
                bonus.line,
                f"加分情形 {bonus.id} 的上限超过指标加分上限 {fmt(node.bonus_cap)}",
                where,
            )
    if node.bonus_cap is not None and not node.bonuses:
        problem(node.line, "写了加分上限 bonus_cap，却没有加分情形 bonuses", where)
