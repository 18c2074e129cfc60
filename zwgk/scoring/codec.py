"""Fact codec — 考核事实编解码: the one place where a row becomes a typed fact, and back.

A *row* is what people write: a mapping in a YAML facts file, a line of a CSV or Excel sheet, the
fields of a web form. A *fact* is one of the typed records of :mod:`zwgk.scoring.facts`. Every way
into the core (the CLI, the web desk and registers, the inspector's binding) goes through here.

Field parsers (each raises :class:`FieldError`, a ``ValueError`` with a Chinese reason):

- :func:`parse_date` — ``2024-03-05``, ``2024/3/5``, ``2024.3.5``, ``2024年3月5日``, ``20240305``,
  full-width digits, an Excel serial day number (``45356``) and ``date``/``datetime`` objects
  (openpyxl). Only years 1990–2100.
- :func:`parse_decimal` — ``1.5``, ``１．５``, ``1,234.5``, a trailing ``分``; never NaN or
  Infinity; at most 6 decimal places and less than 10^9 in size.
- :func:`parse_count` — a whole number from 1 to 100000 (次数).
- :func:`parse_status` — ``confirmed``/``已确认``, ``pending``/``待确认``, ``dismissed``/``已排除``.
- :func:`parse_list` — a YAML list, or a cell split on 、，,；;|.

Rows ⇄ facts:

- :func:`decode_rows` ``(index, units, rows) -> Facts`` — check every row against the scheme and
  the units; raise :class:`~zwgk.rubric.errors.FactsError` listing *every* problem (row, column and
  reason), so a file with one bad row is refused whole. Indicators, faults, bonuses and vetoes may
  be named by id or by their Chinese label.
- :func:`decode_row` ``(index, units, section, fields) -> fact`` — one entry (a web form).
- :func:`encode_fact` ``(fact) -> (section, fields)`` — the row a fact is written back as (export,
  round trip): ``decode_row(index, units, *encode_fact(f))`` gives ``f`` again (``ref`` aside).
- :func:`read_fact_rows` / :func:`load_facts` — facts files (YAML, CSV, Excel) from disk.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import fields as dataclass_fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.rubric.errors import FactsError, Problem
from zwgk.rubric.index import SchemeIndex, UnitLike, in_scope
from zwgk.rubric.model import Bonus, Counting, Fault, Node, Veto, VetoEffect
from zwgk.rubric.numbers import fmt, plain
from zwgk.scoring.facts import (
    SECTIONS,
    BonusEvent,
    EvidenceSubmission,
    Facts,
    Finding,
    ImportedScore,
    Metric,
    NotApplicable,
    Rating,
    Status,
    ThirdPartyDeduction,
    VetoEvent,
)
from zwgk.scoring.tabular import Row, csv_rows, read_source, yaml_rows


class FieldError(ValueError):
    """One field that cannot be read; the message is the Chinese reason."""


# -- field parsers ------------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９．－＋，／：　",
    "0123456789.-+,/: ",
)
_MINUS = str.maketrans({"−": "-", "—": "-", "–": "-"})
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_MAX_MAGNITUDE = Decimal(10) ** 9
_MAX_PLACES = 6
MAX_COUNT = 100_000
MIN_DATE = dt.date(1990, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug folded in)


def _text(value: Any) -> str:
    return str(value).translate(_FULL_WIDTH).strip()


def _number(value: Any) -> Decimal:
    """Any finite number as written; no bounds yet."""
    if isinstance(value, bool) or value is None:
        raise FieldError("应为数字")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise FieldError(f"“{value}” 不是有限数字")
        result = Decimal(repr(value))
    else:
        text = _text(value).translate(_MINUS).replace(" ", "")
        if text.endswith("分"):
            text = text[:-1]
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?", text):
            raise FieldError(f"“{value}” 不是数字")
        result = Decimal(text)
    if not result.is_finite():
        raise FieldError(f"“{value}” 不是有限数字")
    return result


def parse_decimal(value: Any) -> Decimal:
    """An exact decimal from YAML, CSV, Excel or a form. Raises :class:`FieldError`."""
    result = _number(value)
    if abs(result) >= _MAX_MAGNITUDE:
        raise FieldError(f"“{value}” 超出范围（绝对值应小于 10 亿）")
    exponent = result.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -_MAX_PLACES:
        raise FieldError(f"“{value}” 的小数位数过多（最多 {_MAX_PLACES} 位）")
    if result == 0:
        return Decimal(0)
    return result


def parse_count(value: Any) -> int:
    """A whole count (次数) from 1 to :data:`MAX_COUNT`. Raises :class:`FieldError`."""
    try:
        number = _number(value)
    except FieldError:
        raise FieldError(f"次数应为正整数，而不是 “{value}”") from None
    if number != number.to_integral_value() or number < 1:
        raise FieldError(f"次数应为正整数，而不是 “{value}”")
    if number > MAX_COUNT:
        raise FieldError(f"次数 “{value}” 过大（最多 {MAX_COUNT}）")
    return int(number)


def _checked_date(day: dt.date, shown: Any) -> dt.date:
    if not MIN_DATE <= day <= MAX_DATE:
        raise FieldError(
            f"日期 “{shown}” 超出范围（应在 {MIN_DATE.year} 年至 {MAX_DATE.year} 年之间）"
        )
    return day


def _excel_day(serial: Decimal, shown: Any) -> dt.date:
    low = (MIN_DATE - _EXCEL_EPOCH).days
    high = (MAX_DATE - _EXCEL_EPOCH).days
    if not low <= serial < high + 1:
        raise FieldError(
            f"日期 “{shown}” 无法识别（作为 Excel 日期序号应在 {low}～{high} 之间，"
            f"即 {MIN_DATE.year} 年至 {MAX_DATE.year} 年）"
        )
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


_DATE_PARTS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: Any) -> dt.date:
    """A date (see the module docstring for the forms). Raises :class:`FieldError`."""
    if isinstance(value, dt.datetime):
        return _checked_date(value.date(), value.date().isoformat())
    if isinstance(value, dt.date):
        return _checked_date(value, value.isoformat())
    if isinstance(value, bool) or value is None:
        raise FieldError("应为日期")
    if isinstance(value, int | float | Decimal):
        try:
            serial = _number(value)
        except FieldError:
            raise FieldError(f"日期 “{value}” 无法识别") from None
        return _excel_day(serial, value)
    text = _text(value)
    match = _DATE_PARTS.match(text) or _DATE_COMPACT.match(text)
    if match is None:
        if re.fullmatch(r"\d{1,6}(\.\d+)?", text):
            return _excel_day(Decimal(text), value)
        raise FieldError(f"日期 “{value}” 无法识别（应为 2024-03-05、2024/3/5 或 2024年3月5日）")
    rest = text[match.end() :].strip()
    if rest and not re.fullmatch(r"(T|\s)?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", rest):
        raise FieldError(f"日期 “{value}” 无法识别（日期后有多余的文字 “{rest}”）")
    y, m, d = (int(g) for g in match.groups())
    try:
        day = dt.date(y, m, d)
    except ValueError:
        raise FieldError(f"日期 “{value}” 不存在（{y} 年 {m} 月没有 {d} 日）") from None
    return _checked_date(day, value)


STATUS_WORDS = {
    "pending": Status.PENDING,
    "待确认": Status.PENDING,
    "confirmed": Status.CONFIRMED,
    "已确认": Status.CONFIRMED,
    "确认": Status.CONFIRMED,
    "dismissed": Status.DISMISSED,
    "已排除": Status.DISMISSED,
    "排除": Status.DISMISSED,
}


def parse_status(value: Any) -> Status:
    """A fact's status from its English or Chinese word. Raises :class:`FieldError`."""
    if isinstance(value, Status):
        return value
    text = _text(value)
    status = STATUS_WORDS.get(text.lower())
    if status is None:
        raise FieldError(
            f"状态 “{value}” 无法识别（confirmed/pending/dismissed 或 已确认/待确认/已排除）"
        )
    return status


def parse_list(value: Any) -> list[str]:
    """A list from YAML, or from a cell separated by 、 ， , ； ; or |."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value)
    for sep in ("；", ";", "，", ",", "|"):
        text = text.replace(sep, "、")
    return [t.strip() for t in text.split("、") if t.strip()]


# -- sections, keys and columns -------------------------------------------------------------------

KIND_WORDS = {
    "finding": "findings",
    "扣分": "findings",
    "bonus": "bonuses",
    "加分": "bonuses",
    "rating": "ratings",
    "评分": "ratings",
    "metric": "metrics",
    "排名数据": "metrics",
    "imported": "imported",
    "导入分": "imported",
    "外部计分": "imported",
    "na": "na",
    "不适用": "na",
    "veto": "vetoes",
    "否决": "vetoes",
    "third_party": "third_party",
    "第三方扣分": "third_party",
    "evidence": "evidence",
    "材料报送": "evidence",
    "佐证材料": "evidence",
}

FACT_COLUMNS = {
    "kind": "kind",
    "类型": "kind",
    "unit": "unit",
    "单位": "unit",
    "单位名称": "unit",
    "indicator": "indicator",
    "指标": "indicator",
    "指标编号": "indicator",
    "item": "item",
    "情形": "item",
    "count": "count",
    "次数": "count",
    "value": "value",
    "数值": "value",
    "分数": "value",
    "missing": "missing",
    "缺项": "missing",
    "date": "date",
    "日期": "date",
    "source": "source",
    "来源": "source",
    "status": "status",
    "状态": "status",
    "note": "note",
    "说明": "note",
    "备注": "note",
    "evidence": "evidence",
    "证据": "evidence",
    "by": "by",
    "计分机关": "by",
}

_COMMON = {"unit", "date", "source", "note", "evidence"}
ALLOWED: dict[str, frozenset[str]] = {
    "findings": frozenset(_COMMON | {"indicator", "fault", "count", "missing", "amount", "status"}),
    "bonuses": frozenset(_COMMON | {"indicator", "bonus", "count", "amount", "status"}),
    "ratings": frozenset(_COMMON | {"indicator", "part", "value"}),
    "metrics": frozenset(_COMMON | {"indicator", "value"}),
    "imported": frozenset(_COMMON | {"indicator", "score", "by"}),
    "na": frozenset(_COMMON | {"indicator"}),
    "vetoes": frozenset(_COMMON | {"veto", "count", "amount", "status"}),
    "third_party": frozenset(_COMMON | {"amount"}),
    "evidence": frozenset(_COMMON | {"indicator"}),
}
"""The keys each section accepts (YAML keys, form fields, and CSV columns after mapping)."""

_CSV_ITEM = {"findings": "fault", "bonuses": "bonus", "vetoes": "veto", "ratings": "part"}
_CSV_VALUE = {
    "findings": "amount",
    "bonuses": "amount",
    "ratings": "value",
    "metrics": "value",
    "imported": "score",
    "third_party": "amount",
    "vetoes": "amount",
}

_KEY_ZH = {
    "unit": "单位",
    "indicator": "指标",
    "fault": "扣分情形",
    "bonus": "加分情形",
    "veto": "否决情形",
    "part": "分项",
    "count": "次数",
    "missing": "缺项",
    "amount": "分值",
    "value": "数值",
    "score": "分数",
    "date": "日期",
    "source": "来源",
    "status": "状态",
    "note": "说明",
    "evidence": "证据",
    "by": "计分机关",
}


def _csv_to_sections(rows: list[list[Any]], path: str) -> list[Row]:
    out = []
    problems = []
    for row in csv_rows(rows, path, FACT_COLUMNS, "?"):
        kind = str(row.fields.pop("kind", "")).strip()
        section = KIND_WORDS.get(kind.lower()) or KIND_WORDS.get(kind)
        column = row.columns.get("kind", "类型")
        if section is None:
            problems.append(
                Problem(
                    path,
                    row.line,
                    f"不认识的类型 “{kind}”；可用：{'、'.join(sorted(KIND_WORDS))}",
                    column=column,
                )
            )
            continue
        for generic, table in (("item", _CSV_ITEM), ("value", _CSV_VALUE)):
            if generic not in row.fields:
                continue
            if section not in table:
                problems.append(
                    Problem(
                        path,
                        row.line,
                        f"“{kind}” 这一类不填此列",
                        section,
                        row.columns.get(generic, generic),
                    )
                )
                continue
            row.fields[table[section]] = row.fields.pop(generic)
            row.columns[table[section]] = row.columns.pop(generic, generic)
        row.section = section
        out.append(row)
    if problems:
        raise FactsError(problems)
    return out


def read_fact_rows(path: str | Path) -> list[Row]:
    """The rows of one facts file (YAML, CSV or Excel); a file that cannot be read raises."""
    kind, data = read_source(path)
    if kind == "yaml":
        return list(yaml_rows(data, str(path), SECTIONS))
    return _csv_to_sections(data, str(path))


# -- decoding -------------------------------------------------------------------------------------


def _labels(items: Iterable[Fault | Bonus]) -> str:
    return "、".join(f"{i.id}（{i.text}）" for i in items)


class _Decoder:
    """Turns rows into facts, collecting every problem instead of stopping at the first."""

    def __init__(self, index: SchemeIndex, units: Iterable[UnitLike]):
        self.index = index
        self.units = {u.name: u for u in units}
        self.problems: list[Problem] = []
        self.facts = Facts()
        self._single: set[tuple[str, str, str, str]] = set()
        self._names: dict[str, list[Node]] = {}
        for node_id, node in index.nodes.items():
            if node.is_leaf:
                self._names.setdefault(node.name, []).append(index.nodes[node_id])

    # -- reporting --------------------------------------------------------------------------------

    def fail(self, row: Row, message: str, key: str | None = None) -> None:
        column = None
        if key is not None:
            column = row.columns.get(key) or key
        self.problems.append(Problem(row.path, row.line, message, row.section, column))

    def text(self, row: Row, key: str) -> str | None:
        value = row.fields.get(key)
        return None if value is None or str(value).strip() == "" else str(value).strip()

    def required(self, row: Row, key: str) -> str | None:
        value = self.text(row, key)
        if value is None:
            self.fail(row, f"缺少{_KEY_ZH.get(key, key)}（{key}）", key)
        return value

    def field(self, row: Row, key: str, parse, default=None):
        """``parse`` the field, or ``default`` when it is absent; None (with a problem) if bad."""
        value = row.fields.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        try:
            return parse(value)
        except FieldError as exc:
            self.fail(row, str(exc), key)
            return None

    def number(self, row: Row, key: str) -> Decimal | None:
        if self.text(row, key) is None and not isinstance(row.fields.get(key), int | float):
            self.fail(row, f"缺少{_KEY_ZH.get(key, key)}（{key}）", key)
            return None
        return self.field(row, key, parse_decimal)

    def positive(self, row: Row, key: str) -> Decimal | None:
        amount = self.number(row, key)
        if amount is not None and amount <= 0:
            self.fail(row, f"{_KEY_ZH.get(key, key)}应大于 0", key)
            return None
        return amount

    def provenance(self, row: Row) -> dict[str, Any] | None:
        """date, source, note, evidence and ref: what every fact carries."""
        date = self.field(row, "date", parse_date)
        if date is None and self.text(row, "date") is not None:
            return None
        return {
            "date": date,
            "source": self.text(row, "source"),
            "note": self.text(row, "note"),
            "evidence": self.text(row, "evidence"),
            "ref": row.ref,
        }

    # -- look-ups -----------------------------------------------------------------------------------

    def unit(self, row: Row) -> UnitLike | None:
        name = self.required(row, "unit")
        if name is None:
            return None
        unit = self.units.get(name)
        if unit is None:
            self.fail(row, f"单位名单中没有 “{name}”", "unit")
            return None
        if unit.unit_class not in self.index.table_of_class:
            classes = "、".join(self.index.class_ids())
            self.fail(
                row, f"单位 “{name}” 的类别 “{unit.unit_class}” 不在方案中（{classes}）", "unit"
            )
            return None
        return unit

    def _find_node(self, row: Row, label: str, unit: UnitLike | None) -> Node | None:
        node = self.index.nodes.get(label)
        if node is not None:
            return node
        head, _, tail = label.partition(" ")
        node = self.index.nodes.get(head)
        if node is not None and (not tail.strip() or tail.strip() == node.name):
            return node
        named = self._names.get(label, [])
        if unit is not None and len(named) > 1:
            table = self.index.table_of_class.get(unit.unit_class)
            mine = [n for n in named if table and self.index.table_of_node[n.id] == table.id]
            named = mine or named
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            ids = "、".join(n.id for n in named)
            self.fail(row, f"指标名称 “{label}” 不唯一（{ids}），请写指标编号", "indicator")
            return None
        self.fail(row, f"方案中没有指标 “{label}”", "indicator")
        return None

    def indicator(self, row: Row, unit: UnitLike | None) -> Node | None:
        label = self.required(row, "indicator")
        if label is None:
            return None
        node = self._find_node(row, label, unit)
        if node is None:
            return None
        if not node.is_leaf:
            self.fail(row, f"“{node.id} {node.name}” 是上级指标：事实应记在末级指标上", "indicator")
            return None
        if unit is not None and not self.index.applies(node.id, unit):
            self.fail(
                row,
                f"指标 “{node.id} {node.name}” 不适用于 “{unit.name}”（{unit.unit_class} 类）",
                "indicator",
            )
            return None
        return node

    def rule(self, row: Row, key: str, node: Node, rules: list, what: str):
        """The fault or bonus a row names (by id or text), or the only one there is."""
        label = self.text(row, key)
        if label is None:
            if len(rules) == 1:
                return rules[0]
            self.fail(row, f"指标 “{node.id}” 有多种{what}，须写 {key}：{_labels(rules)}", key)
            return None
        found = next((r for r in rules if r.id == label), None) or next(
            (r for r in rules if r.text == label), None
        )
        if found is None:
            self.fail(row, f"指标 “{node.id}” 没有{what} “{label}”（有：{_labels(rules)}）", key)
        return found

    def veto(self, row: Row) -> Veto | None:
        label = self.required(row, "veto")
        if label is None:
            return None
        vetoes = self.index.vetoes
        veto = vetoes.get(label) or next((v for v in vetoes.values() if v.name == label), None)
        if veto is None:
            known = "、".join(f"{v.id}（{v.name}）" for v in vetoes.values()) or "无"
            self.fail(row, f"方案中没有否决情形 “{label}”（有：{known}）", "veto")
        return veto

    def once(self, row: Row, key: tuple[str, str, str, str], what: str) -> bool:
        if key in self._single:
            part = f"（分项 {key[3]}）" if key[3] else ""
            self.fail(row, f"“{key[1]}”{part} 对 “{key[2]}” 的{what}重复录入")
            return False
        self._single.add(key)
        return True

    def keys(self, row: Row) -> bool:
        allowed = ALLOWED.get(row.section)
        if allowed is None:
            self.fail(row, f"不认识的事实类别 “{row.section}”；可用：{'、'.join(SECTIONS)}")
            return False
        extra = set(row.fields) - allowed
        if extra:
            for key in sorted(extra):
                self.fail(row, f"不认识的字段 “{key}”；可用：{'、'.join(sorted(allowed))}", key)
            return False
        return True

    def head(self, row: Row, value_key: str | None = None, kind: str | None = None, what: str = ""):
        """Unit, leaf, value and provenance of a row about one leaf, or None (problems noted).

        ``kind`` names the leaf attribute (``range``, ``rank``, ``imported``) the leaf must have."""
        unit = self.unit(row)
        node = self.indicator(row, unit)
        value = self.number(row, value_key) if value_key else Decimal(0)
        prov = self.provenance(row)
        if node is None or unit is None or value is None or prov is None:
            return None
        if kind is not None and getattr(node, kind) is None:
            self.fail(
                row, f"指标 “{node.id} {node.name}” 不是{what}指标（没有 {kind}）", "indicator"
            )
            return None
        return unit, node, value, prov

    def own_amount(self, row: Row, rule: Fault | Bonus, what: str) -> tuple[bool, Decimal | None]:
        """(ok, amount): a discretionary rule's fact states its amount; any other must not."""
        if rule.discretionary:
            amount = self.positive(row, "amount")
            return amount is not None, amount
        if self.text(row, "amount") is not None:
            each = f"{fmt(rule.amount)} 分" if rule.amount else "（不得分）"
            self.fail(row, f"{what} “{rule.id}” 每次 {each}，由方案规定，不写分值", "amount")
            return False, None
        return True, None

    # -- one method per section --------------------------------------------------------------------

    def findings(self, row: Row) -> Finding | None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        count = self.field(row, "count", parse_count, 1)
        status = self.field(row, "status", parse_status, Status.CONFIRMED)
        prov = self.provenance(row)
        if node is None or unit is None:
            return None
        if node.kind != "deduct":
            self.fail(row, f"指标 “{node.id} {node.name}” 不按扣分情形计分，不能记扣分事实")
            return None
        fault = self.rule(row, "fault", node, node.faults, "扣分情形")
        if fault is None or count is None or status is None or prov is None:
            return None
        missing = tuple(parse_list(row.fields.get("missing")))
        if missing:
            if fault.mode is not Counting.ITEM:
                self.fail(row, f"扣分情形 “{fault.id}” 不按项计，不能写缺项", "missing")
                return None
            unknown = [m for m in missing if fault.elements and m not in fault.elements]
            if unknown:
                self.fail(
                    row,
                    f"“{'、'.join(unknown)}” 不是 “{fault.id}” 的要素（要素：{'、'.join(fault.elements)}）",
                    "missing",
                )
                return None
            if len(set(missing)) != len(missing):
                self.fail(row, "缺项中有重复的要素", "missing")
                return None
            if self.text(row, "count") is not None and count != len(missing):
                self.fail(row, f"次数（{count}）与缺少的要素数（{len(missing)}）不一致", "count")
                return None
            count = len(missing)
        elif fault.elements and count > len(fault.elements):
            self.fail(row, f"最多只能缺 {len(fault.elements)} 项要素，次数为 {count}", "count")
            return None
        ok, amount = self.own_amount(row, fault, "扣分情形")
        if not ok:
            return None
        return Finding(
            unit.name,
            node.id,
            fault.id,
            count,
            missing,
            status=status,
            amount=amount,
            **prov,
        )

    def bonuses(self, row: Row) -> BonusEvent | None:
        unit = self.unit(row)
        node = self.indicator(row, unit)
        count = self.field(row, "count", parse_count, 1)
        status = self.field(row, "status", parse_status, Status.CONFIRMED)
        prov = self.provenance(row)
        if node is None or unit is None:
            return None
        if not node.bonuses:
            self.fail(row, f"指标 “{node.id} {node.name}” 没有加分情形", "indicator")
            return None
        bonus = self.rule(row, "bonus", node, node.bonuses, "加分情形")
        if bonus is None or count is None or status is None or prov is None:
            return None
        ok, amount = self.own_amount(row, bonus, "加分情形")
        if not ok:
            return None
        return BonusEvent(unit.name, node.id, bonus.id, count, status=status, amount=amount, **prov)

    def ratings(self, row: Row) -> Rating | None:
        got = self.head(row, "value", "range", "区间评分")
        if got is None:
            return None
        unit, node, value, prov = got
        part_id = self.text(row, "part")
        lo, hi = node.range
        where = f"“{node.id}”"
        if part_id is not None:
            part = next((p for p in node.parts if part_id in (p.id, p.name)), None)
            if part is None:
                names = "、".join(f"{p.id}（{p.name}）" for p in node.parts) or "无"
                self.fail(row, f"指标 “{node.id}” 没有分项 “{part_id}”（分项：{names}）", "part")
                return None
            part_id = part.id
            lo, hi = part.range
            where = f"“{node.id}” 分项 “{part.name}”"
        if not lo <= value <= hi:
            self.fail(row, f"评分 {fmt(value)} 超出 {where} 的区间 {fmt(lo)}～{fmt(hi)}", "value")
            return None
        # a range with parts is rated part by part, or as a whole — not both
        whole = ("rating", node.id, unit.name, "")
        if part_id is not None and whole in self._single:
            self.fail(row, f"“{node.id}” 对 “{unit.name}” 已评定合计分，不再逐项评定", "part")
            return None
        if part_id is None and any(k[:3] == whole[:3] and k[3] for k in self._single):
            self.fail(row, f"“{node.id}” 对 “{unit.name}” 已逐项评定，不再评定合计分", "part")
            return None
        if not self.once(row, ("rating", node.id, unit.name, part_id or ""), "评分"):
            return None
        return Rating(unit.name, node.id, value, part=part_id, **prov)

    def metrics(self, row: Row) -> Metric | None:
        got = self.head(row, "value", "rank", "排名赋分")
        if got is None:
            return None
        unit, node, value, prov = got
        if not self.once(row, ("metric", node.id, unit.name, ""), "排名数据"):
            return None
        return Metric(unit.name, node.id, value, **prov)

    def imported(self, row: Row) -> ImportedScore | None:
        got = self.head(row, "score", "imported", "外部计分")
        if got is None:
            return None
        unit, node, score, prov = got
        lo, hi = node.imported.min, node.points or Decimal(0)
        if not lo <= score <= hi:
            self.fail(
                row, f"分数 {fmt(score)} 超出 “{node.id}” 的范围 {fmt(lo)}～{fmt(hi)}", "score"
            )
            return None
        if not self.once(row, ("imported", node.id, unit.name, ""), "外部计分"):
            return None
        by = self.text(row, "by") or node.imported.by
        return ImportedScore(unit.name, node.id, score, by=by, **prov)

    def na(self, row: Row) -> NotApplicable | None:
        got = self.head(row)
        if got is None:
            return None
        unit, node, _, prov = got
        if not self.once(row, ("na", node.id, unit.name, ""), "不适用认定"):
            return None
        return NotApplicable(unit.name, node.id, **prov)

    def evidence(self, row: Row) -> EvidenceSubmission | None:
        got = self.head(row)
        if got is None:
            return None
        unit, node, _, prov = got
        if prov["date"] is None:
            self.fail(row, "材料报送须写报送日期", "date")
            return None
        return EvidenceSubmission(unit.name, node.id, **prov)

    def vetoes(self, row: Row) -> VetoEvent | None:
        unit = self.unit(row)
        count = self.field(row, "count", parse_count, 1)
        status = self.field(row, "status", parse_status, Status.CONFIRMED)
        prov = self.provenance(row)
        veto = self.veto(row)
        if unit is None or count is None or veto is None or status is None or prov is None:
            return None
        if veto.applies_to is not None and not in_scope(veto.applies_to, unit):
            self.fail(row, f"否决情形 “{veto.id}” 不适用于 “{unit.name}”", "veto")
            return None
        if veto.effect is VetoEffect.ZERO and not self.index.applies(veto.target, unit):
            self.fail(
                row,
                f"否决情形 “{veto.id}” 清零的指标 “{veto.target}” 不适用于 “{unit.name}”",
                "veto",
            )
            return None
        amount = None
        if self.text(row, "amount") is not None:
            if not veto.discretionary:
                self.fail(row, f"否决情形 “{veto.id}” 的扣分由方案规定，不写分值", "amount")
                return None
            amount = self.positive(row, "amount")
            if amount is None:
                return None
        elif veto.discretionary:
            self.fail(row, f"否决情形 “{veto.id}” 为酌情扣分，须写分值（amount）", "amount")
            return None
        return VetoEvent(unit.name, veto.id, count, amount, status=status, **prov)

    def third_party(self, row: Row) -> ThirdPartyDeduction | None:
        unit = self.unit(row)
        amount = self.number(row, "amount")
        prov = self.provenance(row)
        if unit is None or amount is None or prov is None:
            return None
        if self.index.scheme.third_party is None:
            self.fail(row, "本方案不扣减第三方评估分数（方案中没有 third_party）")
            return None
        if amount < 0:
            self.fail(row, "第三方评估扣分应为正数（表示扣掉的分数）", "amount")
            return None
        return ThirdPartyDeduction(unit.name, amount, **prov)

    def decode(self, row: Row):
        if not self.keys(row):
            return None
        return getattr(self, row.section)(row)


_SECTION_OF = {
    Finding: "findings",
    BonusEvent: "bonuses",
    Rating: "ratings",
    Metric: "metrics",
    ImportedScore: "imported",
    NotApplicable: "na",
    VetoEvent: "vetoes",
    ThirdPartyDeduction: "third_party",
    EvidenceSubmission: "evidence",
}


def decode_rows(index: SchemeIndex, units: Iterable[UnitLike], rows: Iterable[Row]) -> Facts:
    """Check rows into :class:`Facts`; raise :class:`FactsError` listing every problem."""
    decoder = _Decoder(index, units)
    for row in rows:
        fact = decoder.decode(row)
        if fact is not None:
            getattr(decoder.facts, _SECTION_OF[type(fact)]).append(fact)
    if decoder.problems:
        raise FactsError(decoder.problems)
    return decoder.facts


def decode_row(
    index: SchemeIndex,
    units: Iterable[UnitLike],
    section: str,
    fields: dict[str, Any],
    *,
    ref: str = "表单",
    path: str = "表单",
    line: int = 0,
):
    """One fact from one entry (a web form's fields, keyed like the YAML facts format).

    Raises :class:`FactsError` whose problems name the field (``Problem.column``) and the reason.
    """
    decoder = _Decoder(index, units)
    fact = decoder.decode(Row(dict(fields), path, line, section, ref))
    if decoder.problems:
        raise FactsError(decoder.problems)
    return fact


def section_of(fact: object) -> str:
    """The facts-file section a fact belongs to (``findings``, ``bonuses``…)."""
    return _SECTION_OF[type(fact)]


_ITEM_KEY = {"findings": "fault", "bonuses": "bonus", "vetoes": "veto", "ratings": "part"}
_VALUE_KEY = {"ratings": "value", "metrics": "value", "imported": "score"}


def encode_fact(fact: object) -> tuple[str, dict[str, Any]]:
    """The (section, fields) row a fact is written as in a YAML facts file; defaults left out."""
    section = section_of(fact)
    out: dict[str, Any] = {}
    for f in dataclass_fields(fact):  # type: ignore[arg-type]
        name = f.name
        value = getattr(fact, name)
        if name == "ref" or value is None or value == "" or value == ():
            continue
        if name == "count" and (value == 1 or getattr(fact, "missing", ())):
            continue
        if name == "status" and value is Status.CONFIRMED:
            continue
        if isinstance(value, Decimal):
            value = plain(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, Status):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return section, out


def encode_facts(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """All facts as the YAML facts file's mapping of sections (empty sections left out)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        for fact in getattr(facts, section):
            out.setdefault(section, []).append(encode_fact(fact)[1])
    return out


def load_facts(
    path: str | Path | list[str | Path] | None,
    index: SchemeIndex,
    units: Iterable[UnitLike],
) -> Facts:
    """Read one or more facts files (YAML, CSV or Excel) and check them against scheme and units."""
    paths: list[Any] = [] if path is None else path if isinstance(path, list) else [path]
    rows: list[Row] = []
    problems: list[Problem] = []
    for p in paths:
        try:
            rows.extend(read_fact_rows(p))
        except FactsError as exc:
            problems.extend(exc.problems)
    if problems:
        raise FactsError(problems)
    return decode_rows(index, units, rows)
