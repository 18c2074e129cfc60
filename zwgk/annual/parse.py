"""From lines and table grids to an ``AnnualReport``.

The readers (``zwgk.annual.readers``) turn a file into visible lines; a table the file really has
(HTML, .docx) becomes a grid of cell texts (spans repeated into every cell they cover) and leaves a
placeholder line. Text extracted from a PDF has no grids: its tables are recovered from the token
stream of the section (a row is a label followed by a run of numbers).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from zwgk.inspect.model import Severity

from .model import (
    FORMAT_2019,
    FORMAT_2021,
    TABLE3_COLUMNS,
    AnnualReport,
    Cell,
    CellKind,
    Problem,
    Section,
    Table2Row,
    Table3,
    Table3Row,
    Table4,
)

TABLE_MARK = "\x00表格"  # placeholder line for grid number n: f"{TABLE_MARK}{n}"
Grid = list[list[str]]

_PAGE_MARK = re.compile(
    r"^(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)$"
)
_WS = re.compile(r"\s+")

_HEADINGS = {
    1: r"总体情况",
    2: r"主动公开政府信息(?:情况)?",
    3: r"收到和处理政府信息公开申请(?:情况)?",
    4: r"(?:政府信息公开)?行政复议.{0,2}行政诉讼(?:情况)?",
    5: r"存在的?主要问题(?:及|和)?(?:改进|整改)?(?:情况)?",
    6: r"其他需要报告的事项",
}
_PREFIX = r"([一二三四五六][、.．，,]\s*)?"

# Table 三 row recognition: most specific keywords first.
_ROW_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("carry_out", ("结转下年", "下年度继续")),
    ("carried_in", ("上年结转",)),
    ("new", ("本年新收",)),
    ("r3_1", ("国家秘密",)),
    ("r3_2", ("禁止公开",)),
    ("r3_3", ("三安全一稳定", "危及")),
    ("r3_4", ("第三方",)),
    ("r3_5", ("内部事务",)),
    ("r3_6", ("过程性",)),
    ("r3_7", ("执法案卷",)),
    ("r3_8", ("行政查询",)),
    ("r4_1", ("不掌握",)),
    ("r4_2", ("另行制作", "没有现成")),
    ("r4_3", ("补正后", "仍不明确")),
    ("r5_1", ("信访", "举报投诉")),
    ("r5_2", ("重复申请",)),
    ("r5_3", ("出版物",)),
    ("r5_4", ("大量反复",)),
    ("r5_5", ("重新出具", "确认或")),
    ("r6_1", ("不补正",)),
    ("r6_2", ("收费通知", "缴纳费用")),
    ("r2", ("部分公开",)),
    ("r1", ("予以公开",)),
    ("r7", ("总计",)),
)


def squeeze(text: str) -> str:
    return _WS.sub("", text or "")


def match_row(label: str) -> str | None:
    """The table 三 row key a printed label names, or None."""
    text = squeeze(label)
    for key, words in _ROW_KEYWORDS:
        if any(w in text for w in words):
            return key
    if re.search(r"[3３][、.．]?其他$", text):
        return "r6_3"
    if text.endswith("其他处理"):
        return "r6"
    return None


def clean_lines(lines: Sequence[str]) -> list[str]:
    out = []
    for line in lines:
        line = line.replace("\u3000", " ").replace("\xa0", " ").strip()
        if line and not _PAGE_MARK.match(line):
            out.append(line)
    return out


def _heading(line: str, number: int) -> bool:
    text = squeeze(line)
    m = re.match(_PREFIX + "(" + _HEADINGS[number] + ")(.*)$", text)
    if not m:
        return False
    prefix, rest = m.group(1), m.group(3)
    if not prefix:
        return not rest.strip("：:。") and m.group(2).endswith(("情况", "事项"))
    return not rest or rest[0] in "：:。，,"


def find_sections(lines: Sequence[str]) -> dict[int, int]:
    """Line index of each section heading found, searched in order."""
    found: dict[int, int] = {}
    start = 0
    for number in range(1, 7):
        for i in range(start, len(lines)):
            if not lines[i].startswith(TABLE_MARK) and _heading(lines[i], number):
                found[number] = i
                start = i + 1
                break
    return found


def _tokens(lines: Sequence[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        # "数量3001 53" → "数量 3001 53": digits glued to a label at the end of a token
        line = re.sub(r"(?<=[\u4e00-\u9fff）)])(?=\d+(?:\s|$))", " ", line)
        out.extend(line.split())
    return out


def _is_value_token(token: str) -> bool:
    return Cell.parse(token).kind in (CellKind.NUMBER, CellKind.NA)


def token_rows(lines: Sequence[str], min_run: int = 3) -> list[tuple[str, list[str]]]:
    """Rows of a table in extracted text: a label, then a run of at least ``min_run`` numbers."""
    rows: list[tuple[str, list[str]]] = []
    label: list[str] = []
    run: list[str] = []
    for token in [*_tokens(lines), "\x00"]:
        if token != "\x00" and _is_value_token(token):
            run.append(token)
            continue
        if len(run) >= min_run:
            rows.append(("".join(label), run))
            label = []
        elif run:
            label.extend(run)
        run = []
        label.append(token)
    return rows


def _dedupe(cells: Sequence[str]) -> list[str]:
    out: list[str] = []
    for c in cells:
        if c and (not out or out[-1] != c):
            out.append(c)
    return out


def grid_rows(grid: Grid) -> list[tuple[str, list[str]]]:
    """Rows of a real table: the label cells, then the trailing run of value cells."""
    rows = []
    for row in grid:
        cells = [squeeze(c) for c in row]
        i = len(cells)
        while i > 0 and Cell.is_value_like(cells[i - 1]):
            i -= 1
        label, values = "".join(_dedupe(cells[:i])), cells[i:]
        if values and (label or any(values)):
            rows.append((label, values))
    return rows


def build_table3(raw: list[tuple[str, list[str]]], problems: list[Problem]) -> Table3 | None:
    table = Table3()
    seen: set[str] = set()
    bad: list[Table3Row] = []
    for label, values in raw:
        key = match_row(label)
        cells = tuple(Cell.parse(v) for v in values)
        if key is None:
            if any(c.kind is not CellKind.BLANK for c in cells):
                problems.append(
                    Problem(
                        "annual-report-table3-row-unknown",
                        Severity.WARNING,
                        f"表三 “{label[-30:]}”行",
                        "表三中有一行无法对应到规定格式的任何一行",
                        f"{label[-30:]}：{' '.join(c.show() for c in cells)}",
                    )
                )
            continue
        if key in seen:
            problems.append(
                Problem(
                    "annual-report-table3-row-duplicate",
                    Severity.DEDUCTION,
                    f"表三 “{label[-30:]}”行",
                    "表三中同一行出现了两次",
                    f"{label[-30:]}：{' '.join(c.show() for c in cells)}",
                )
            )
            continue
        seen.add(key)
        row = Table3Row(key, label, cells)
        if len(cells) != len(TABLE3_COLUMNS):
            bad.append(row)
            table.malformed.add(key)
            continue
        table.rows[key] = row
    columns = "、".join(TABLE3_COLUMNS)
    if len(bad) >= 3 and len({len(row.cells) for row in bad}) == 1:
        width = len(bad[0].cells)
        problems.append(
            Problem(
                "annual-report-table3-columns",
                Severity.DEDUCTION,
                "表三",
                f"表三每行有 {width} 个数据（{len(bad)} 行），规定格式为 7 列（{columns}），"
                "表格列数不符，无法核对",
                f"{bad[0].label}：{' '.join(c.show() for c in bad[0].cells)}",
            )
        )
        bad = []
    for row in bad:
        problems.append(
            Problem(
                "annual-report-table3-columns",
                Severity.DEDUCTION,
                f"表三 “{row.label}”行",
                f"表三“{row.label}”行有 {len(row.cells)} 个数据，规定格式为 7 列（{columns}），"
                "无法核对该行",
                f"{row.printed[-30:]}：{' '.join(c.show() for c in row.cells)}",
            )
        )
    return table if seen else None


def build_table4(runs: list[list[str]]) -> Table4 | None:
    runs = [r for r in runs if any(Cell.parse(v).kind is not CellKind.BLANK for v in r)]
    if not runs:
        return None
    return Table4(tuple(Cell.parse(v) for v in max(runs, key=len)))


def table4_from_grid(grid: Grid) -> Table4 | None:
    values: list[str] = []
    for _label, row in grid_rows(grid):
        if any(Cell.parse(v).kind is not CellKind.BLANK for v in row):
            values.extend(row)
    return Table4(tuple(Cell.parse(v) for v in values)) if values else None


_ITEM = re.compile(r"第二十条第?[（(]([一二三四五六七八九十]+)[)）]项")


def table2_rows(items: list[tuple[str, list[str]]]) -> list[Table2Row]:
    """Rows of table 二 from (label, values) pairs where a values-less label may be an item or a
    header line."""
    rows: list[Table2Row] = []
    item, headers = "", ()
    for label, values in items:
        m = _ITEM.search(label)
        if m:
            item = f"第二十条第（{m.group(1)}）项"
            label = label[m.end() :]
        if label.startswith("信息内容"):
            headers = tuple(values) if values else tuple(_split_headers(label[4:]))
            continue
        if values and label:
            rows.append(Table2Row(item, label, headers, tuple(Cell.parse(v) for v in values)))
    return rows


def _split_headers(text: str) -> list[str]:
    return [h for h in re.split(r"\s+", text.strip()) if h]


def table2_from_lines(lines: Sequence[str]) -> list[Table2Row]:
    items = []
    for line in lines:
        tokens = _tokens([line])
        i = len(tokens)
        while i > 0 and _is_value_token(tokens[i - 1]):
            i -= 1
        if squeeze(line).startswith(("信息内容", "第二十条")) and "信息内容" in line:
            head, _, rest = line.partition("信息内容")
            items.append((squeeze(head), []))
            items.append(("信息内容", _split_headers(rest)))
            continue
        items.append(("".join(tokens[:i]), tokens[i:]))
    return table2_rows(items)


def table2_from_grid(grid: Grid) -> list[Table2Row]:
    items: list[tuple[str, list[str]]] = []
    for row in grid:
        cells = [squeeze(c) for c in row]
        j = len(cells)
        while j > 0 and Cell.is_value_like(cells[j - 1]):
            j -= 1
        label = _dedupe(cells[:j])
        if label and label[0].startswith("信息内容"):
            items.append(("信息内容", label[1:]))
        else:
            items.append(("".join(label), cells[j:]))
    return table2_rows(items)


def _classify(grid: Grid) -> str | None:
    text = squeeze("".join("".join(r) for r in grid))
    if "本年新收" in text or "申请人情况" in text or "予以公开" in text:
        return "3"
    if "行政复议" in text and ("维持" in text or "纠正" in text):
        return "4"
    if "信息内容" in text or "第二十条" in text:
        return "2"
    return None


_TITLE = re.compile(r"(\d{4})年度?政府信息公开(?:工作)?年度?报告")
_PUBLISHED = re.compile(
    r"(?:发布|公开|发文|印发)(?:日期|时间)[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)


def parse_date(text: str) -> dt.date | None:
    m = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _title(head: str, hint: str) -> tuple[str, str, int | None]:
    for text in (squeeze(hint), squeeze(head)):
        m = _TITLE.search(text)
        if m:
            unit = re.split(r"[>＞》|｜_\-—:：]", text[: m.start()])[-1][-40:]
            return unit + m.group(0), unit, int(m.group(1))
    return "", "", None


def build_report(
    source: str,
    kind: str,
    lines: Sequence[str],
    grids: Sequence[Grid] = (),
    title_hint: str = "",
    published: dt.date | None = None,
) -> AnnualReport:
    lines = clean_lines(lines)
    visible = [ln for ln in lines if not ln.startswith(TABLE_MARK)]
    report = AnnualReport(source=source, kind=kind, text="\n".join(visible))
    if not squeeze(report.text) and not grids:
        return report
    heads = find_sections(lines)
    first = min(heads.values(), default=min(len(lines), 12))
    report.title, report.unit, report.year = _title("".join(lines[: max(first, 1)]), title_hint)
    if report.year is None:
        m = re.search(r"统计期限自\s*(\d{4})\s*年", report.text)
        report.year = int(m.group(1)) if m else None
    m = _PUBLISHED.search(report.text)
    report.published = published or (parse_date(m.group(0)) if m else None)

    order = sorted(heads.items(), key=lambda kv: kv[1])
    spans = {
        n: (i + 1, order[k + 1][1] if k + 1 < len(order) else len(lines))
        for k, (n, i) in enumerate(order)
    }
    problems = report.problems
    if grids:
        kinds = [_classify(g) for g in grids]
        for n, (a, b) in spans.items():
            prose = [ln for ln in lines[a:b] if not ln.startswith(TABLE_MARK)]
            report.sections[n] = Section(n, lines[a - 1], "\n".join(prose))
        t2 = [g for g, k in zip(grids, kinds, strict=True) if k == "2"]
        t3 = [g for g, k in zip(grids, kinds, strict=True) if k == "3"]
        t4 = [g for g, k in zip(grids, kinds, strict=True) if k == "4"]
        report.table2 = [r for g in t2 for r in table2_from_grid(g)]
        if t3:
            report.table3 = build_table3([r for g in t3 for r in grid_rows(g)], problems)
        if t4:
            report.table4 = table4_from_grid(t4[0])
    else:
        _text_tables(report, lines, spans)
    report.format = detect_format(report)
    return report


def _cut(lines: Sequence[str], markers: tuple[str, ...], starts: bool = False) -> int:
    for i, line in enumerate(lines):
        text = squeeze(line)
        if (
            (text.startswith(markers) and len(text) < 30)
            if starts
            else any(m in text for m in markers)
        ):
            return i
    return len(lines)


def _text_tables(report: AnnualReport, lines: list[str], spans: dict[int, tuple[int, int]]) -> None:
    markers = {2: ("第二十条",), 3: ("申请人情况", "本列数据", "本年新收")}
    for n, (a, b) in spans.items():
        body = lines[a:b]
        if n == 4:
            cut = _cut(body, ("行政复议", "结果维持", "结果"), starts=True)
        else:
            cut = _cut(body, markers.get(n, ()))
        report.sections[n] = Section(n, lines[a - 1], "\n".join(body[:cut]))
        if n == 2:
            report.table2 = table2_from_lines(body[cut:])
        elif n == 3:
            report.table3 = build_table3(token_rows(body[cut:]), report.problems)
        elif n == 4:
            report.table4 = build_table4([v for _l, v in token_rows(body[cut:], 1)])
    if 3 not in spans:  # no heading: look for the table itself
        start = _cut(lines, ("申请人情况", "本年新收"))
        end = spans.get(4, (len(lines), 0))[0] - 1 if 4 in spans else len(lines)
        if start < end:
            report.table3 = build_table3(token_rows(lines[start:end]), report.problems)


def detect_format(report: AnnualReport) -> str | None:
    keys = set(report.table3.rows) | report.table3.malformed if report.table3 else set()
    if keys & {"r6_1", "r6_2", "r6_3"}:
        return FORMAT_2021
    if "r6" in keys:
        return FORMAT_2019
    heads = "".join("".join(r.headers) + r.item for r in report.table2)
    if "制发" in heads:
        return FORMAT_2021
    if any(w in heads for w in ("新制作", "新公开", "上一年项目", "第（九）项")):
        return FORMAT_2019
    if report.year:
        return FORMAT_2019 if report.year <= 2020 else FORMAT_2021
    return None
