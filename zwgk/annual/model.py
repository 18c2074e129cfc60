"""Typed model of a 政府信息公开工作年度报告 (annual report), whatever file it came from.

A report has six sections (prose only: tables are kept apart), table 二 (主动公开), table 三
(收到和处理申请, rows × seven columns) and table 四 (行政复议、行政诉讼, 15 numbers). A blank cell,
a 0 and a "/" stay three different things (``Cell.kind``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from zwgk.inspect.model import Severity

FORMAT_2019 = "2019"  # 国办公开办函〔2019〕60号 trial format (reports on 2019–2020)
FORMAT_2021 = "2021"  # 国办公开办函〔2021〕30号 format (reports on 2021 onwards)
FORMAT_ZH = {FORMAT_2019: "2019年试行格式", FORMAT_2021: "2021年格式"}

SECTION_TITLES = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
CN_NUM = "〇一二三四五六七八九十"


def section_name(number: int) -> str:
    return f"第{CN_NUM[number]}部分（{SECTION_TITLES[number]}）"


class CellKind(enum.StrEnum):
    NUMBER = "number"
    BLANK = "blank"  # 空白
    NA = "na"  # "/" 不适用
    TEXT = "text"  # anything else: not a number


_NA = {"/", "／", "\\", "—", "——", "-", "－", "–"}
_NUMBER = re.compile(r"^[+\-－]?\d+(?:\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


@dataclass(frozen=True)
class Cell:
    """One table cell as printed: ``raw`` text, its ``kind`` and, for numbers, ``value``."""

    raw: str
    kind: CellKind
    value: Decimal | None = None

    @classmethod
    def parse(cls, raw: str) -> Cell:
        text = re.sub(r"\s+", "", raw or "")
        if not text:
            return cls("", CellKind.BLANK)
        if text in _NA:
            return cls(text, CellKind.NA)
        plain = text.replace(",", "") if _GROUPED.match(text) else text
        if _NUMBER.match(plain):
            try:
                return cls(text, CellKind.NUMBER, Decimal(plain.replace("－", "-")))
            except InvalidOperation:  # pragma: no cover - the pattern only admits numbers
                pass
        return cls(text, CellKind.TEXT)

    @property
    def count(self) -> Decimal:
        """The number for sums: blank and "/" count as nothing."""
        return self.value if self.value is not None else Decimal(0)

    @property
    def is_count(self) -> bool:
        """A valid 件数: a non-negative integer."""
        v = self.value
        return v is not None and v >= 0 and v == v.to_integral_value() and "." not in self.raw

    def show(self) -> str:
        return "空白" if self.kind is CellKind.BLANK else self.raw

    @staticmethod
    def is_value_like(raw: str) -> bool:
        """A cell that belongs to the value area: a number, "/" or blank."""
        return Cell.parse(raw).kind is not CellKind.TEXT


TABLE3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


@dataclass(frozen=True)
class RowSpec:
    """One row of table 三: ``key``, the short label used in messages, the group it sums into."""

    key: str
    label: str
    group: str  # "new" | "carried_in" | "result" | "total" | "carry_out"


def _rows(format_: str) -> tuple[RowSpec, ...]:
    r = [
        RowSpec("new", "一、本年新收", "new"),
        RowSpec("carried_in", "二、上年结转", "carried_in"),
        RowSpec("r1", "（一）予以公开", "result"),
        RowSpec("r2", "（二）部分公开", "result"),
    ]
    r3 = ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益"]
    r3 += ["属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"]
    r += [RowSpec(f"r3_{i}", f"（三）不予公开 {i}.{t}", "result") for i, t in enumerate(r3, 1)]
    r4 = ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]
    r += [RowSpec(f"r4_{i}", f"（四）无法提供 {i}.{t}", "result") for i, t in enumerate(r4, 1)]
    r5 = ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请"]
    r5 += ["要求行政机关确认或重新出具已获取信息"]
    r += [RowSpec(f"r5_{i}", f"（五）不予处理 {i}.{t}", "result") for i, t in enumerate(r5, 1)]
    if format_ == FORMAT_2019:
        r.append(RowSpec("r6", "（六）其他处理", "result"))
    else:
        r6 = ["申请人无正当理由逾期不补正", "申请人逾期未按收费通知要求缴纳费用", "其他"]
        r += [RowSpec(f"r6_{i}", f"（六）其他处理 {i}.{t}", "result") for i, t in enumerate(r6, 1)]
    r.append(RowSpec("r7", "（七）总计", "total"))
    r.append(RowSpec("carry_out", "四、结转下年度继续办理", "carry_out"))
    return tuple(r)


TABLE3_ROWS = {FORMAT_2019: _rows(FORMAT_2019), FORMAT_2021: _rows(FORMAT_2021)}
ROW_LABELS = {spec.key: spec.label for rows in TABLE3_ROWS.values() for spec in rows}

TABLE4_GROUPS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
TABLE4_PARTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass(frozen=True)
class Problem:
    """A problem the parser met (a malformed row, a missing table): the checks report it."""

    check: str
    severity: Severity
    location: str
    message: str
    evidence: str = ""


@dataclass
class Table3Row:
    key: str
    printed: str  # the row's label as printed
    cells: tuple[Cell, ...]

    @property
    def label(self) -> str:
        return ROW_LABELS.get(self.key, self.printed)


@dataclass
class Table3:
    rows: dict[str, Table3Row] = field(default_factory=dict)
    malformed: set[str] = field(default_factory=set)  # rows present but not readable
    unknown: int = 0  # rows with numbers that match no row of the format

    def value(self, key: str, column: int = 6) -> Decimal:
        """A cell's number; a blank 总计 cell is what the format's arithmetic makes it, the sum of
        the six applicant columns (see ``derived_totals``); other blanks count as nothing."""
        row = self.rows.get(key)
        if row is None or column >= len(row.cells):
            return Decimal(0)
        if column == 6 and row.cells[6].kind is CellKind.BLANK:
            return sum((c.count for c in row.cells[:6]), Decimal(0))
        return row.cells[column].count

    def derived_totals(self) -> list[str]:
        """Rows whose 总计 cell is blank but whose applicant columns hold numbers."""
        return [
            key
            for key, row in self.rows.items()
            if row.cells[6].kind is CellKind.BLANK
            and any(c.kind is CellKind.NUMBER for c in row.cells[:6])
        ]

    def missing(self, format_: str) -> list[str]:
        return [
            s.key
            for s in TABLE3_ROWS[format_]
            if s.key not in self.rows and s.key not in self.malformed
        ]

    def clean(self, format_: str | None) -> bool:
        """Read whole: every row of the format found and readable, nothing left over."""
        return not self.malformed and not self.unknown and not self.missing(format_ or FORMAT_2021)

    def group_sum(self, prefix: str, column: int = 6) -> Decimal:
        """Sum of the rows ``prefix`` and ``prefix_*`` (e.g. all 无法提供 sub-rows)."""
        keys = [k for k in self.rows if k == prefix or k.startswith(prefix + "_")]
        return sum((self.value(k, column) for k in keys), Decimal(0))


@dataclass
class Table4:
    cells: tuple[Cell, ...]

    def group(self, index: int) -> tuple[Cell, ...]:
        return self.cells[index * 5 : index * 5 + 5]


@dataclass
class Table2Row:
    item: str  # e.g. "第二十条第（一）项"
    label: str  # e.g. "规章"
    headers: tuple[str, ...]
    cells: tuple[Cell, ...]


@dataclass
class Section:
    number: int
    heading: str  # as printed ("" when the section has no heading of its own)
    text: str  # prose only
    typo: str = ""  # the format's words, when the heading is recognised only as a misspelling
    implied: bool = False  # no heading: its content found where it belongs


KIND_OVERALL = "overall"  # 本级政府: a government's report on its whole area (due 31 March)
KIND_DEPARTMENT = "department"  # a body's report on its own work (due 31 January)
KIND_TOWNSHIP = "township"  # 乡镇、街道 (the regulation sets no date; provinces usually 31 January)
KIND_ZH = {KIND_OVERALL: "本级政府年度报告", KIND_DEPARTMENT: "部门（单位）年度报告",
           KIND_TOWNSHIP: "乡镇（街道）年度报告"}  # fmt: skip


@dataclass
class AnnualReport:
    """AnnualReport — 年度报告: one report, parsed."""

    source: str
    kind: str  # "text" | "html" | "docx" | "pdf"
    text: str = ""  # all visible text
    title: str = ""
    unit: str = ""
    year: int | None = None
    format: str | None = None
    report_kind: str | None = None  # KIND_*; None when neither title nor text tells
    kind_reason: str = ""
    published: dt.date | None = None
    sections: dict[int, Section] = field(default_factory=dict)
    table2: list[Table2Row] = field(default_factory=list)
    table3: Table3 | None = None
    table4: Table4 | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def prose(self) -> str:
        return "\n".join(s.text for s in self.sections.values())

    @property
    def name(self) -> str:
        year = f"{self.year}年" if self.year else ""
        return f"{self.unit}{year}政府信息公开工作年度报告" if self.unit else self.source


class ReadError(Exception):
    """The file cannot be read at all (missing, corrupt, unsupported)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"无法读取 {path}：{reason}")
        self.path = path
        self.reason = reason
