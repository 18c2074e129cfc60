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
    1: r"(?:本年度)?(?:政府信息公开(?:工作)?的?)?总体情况(?:概述)?|概述",
    2: r"(?:行政机关)?主动公开政府信息(?:的)?(?:情况)?",
    3: r"(?:行政机关)?收到和处理政府信息公开申请(?:的)?(?:情况)?",
    4: r"(?:因)?(?:政府信息公开(?:工作)?)?(?:被申请)?行政复议.{0,4}行政诉讼(?:的)?(?:情况)?",
    5: r"(?:政府信息公开(?:工作)?)?存在的?(?:主要)?问题(?:及|和|与)?(?:改进|整改)?(?:情况|措施)?",
    6: r"其他需要报告的事项",
}
# the words of each heading as the formats print them, to recognise a misspelt one
_TEMPLATE_WORDS = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况",),
    4: ("政府信息公开行政复议行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
    5: ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"),
    6: ("其他需要报告的事项",),
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
    """The table 三 row key a printed label names, or None.

    A label may carry words of the rows before it (a PDF's text puts a merged cell's words in front,
    or a converter left a header there): the row named last in the label wins, and among names
    ending at the same place the more specific one."""
    text = squeeze(label)
    best: tuple[int, int, str] | None = None
    for rank, (key, words) in enumerate(_ROW_KEYWORDS):
        end = max((text.rfind(w) + len(w) for w in words if w in text), default=-1)
        if end >= 0 and (best is None or (end, -rank) > best[:2]):
            best = (end, -rank, key)
    if re.search(r"[3３][、.．]?其他$", text):
        return "r6_3"
    if best is not None and best[0] >= len(text) - 12:
        return best[2]
    if text.endswith("其他处理"):
        return "r6"
    return best[2] if best else None


BLANK = "\x01"  # an empty cell of a Markdown table row, in the token stream
ROW_END = "\x02"  # the end of a Markdown table row: values of two rows never run together
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_MD_HEAD = re.compile(r"^#{1,6}\s*")


def clean_lines(lines: Sequence[str]) -> list[str]:
    """Visible lines without page marks; Markdown (text a converter made from a PDF) is read as
    text: heading marks dropped, table rules dropped, table rows kept with their pipes."""
    out = []
    for line in lines:
        line = line.replace("\u3000", " ").replace("\xa0", " ").strip()
        if not line or _PAGE_MARK.match(line) or _MD_RULE.match(line):
            continue
        if line.startswith("#"):
            line = _MD_HEAD.sub("", line)
        if line:
            out.append(line)
    return out


def _md_cells(line: str) -> list[str] | None:
    """The cells of a Markdown table row (``| a | b |``), or None for any other line."""
    text = line.strip()
    if not (text.startswith("|") and text.endswith("|") and len(text) > 1):
        return None
    return [squeeze(c) for c in text[1:-1].split("|")]


def _heading(line: str, number: int) -> bool:
    text = squeeze(line)
    m = re.match(_PREFIX + "(" + _HEADINGS[number] + ")(.*)$", text)
    if not m:
        return False
    prefix, rest = m.group(1), m.group(3)
    if not prefix:
        return not rest.strip("：:。") and m.group(2).endswith(("情况", "事项", "概述"))
    return not rest or rest[0] in "：:。，,"


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, other in enumerate(b):
            cur.append(prev[j] + 1 if ch == other else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def heading_typo(line: str, number: int) -> str | None:
    """For a numbered line that is the heading of section ``number`` but for a character or two
    (行政法复议), the words of the format it differs from; else None."""
    text = squeeze(line)
    m = re.match(r"[一二三四五六][、.．，,]", text)
    if not m or text.endswith("。") or len(text) > 40:
        return None
    body = re.sub(r"[^\u4e00-\u9fff]", "", text[m.end() :])
    for words in _TEMPLATE_WORDS[number]:
        common = _lcs(body, words)
        if common >= len(words) - 1 and abs(len(body) - len(words)) <= 2 and body != words:
            return words
    return None


def find_sections(lines: Sequence[str]) -> tuple[dict[int, int], dict[int, str]]:
    """Line index of each section heading found, searched in order, and for a heading recognised
    only as a misspelling the format's words it should have had."""
    found: dict[int, int] = {}
    typos: dict[int, str] = {}
    start = 0
    for number in range(1, 7):
        for i in range(start, len(lines)):
            if lines[i].startswith(TABLE_MARK):
                continue
            if _heading(lines[i], number):
                found[number] = i
                start = i + 1
                break
            words = heading_typo(lines[i], number)
            if words:
                found[number], typos[number] = i, words
                start = i + 1
                break
    return found, typos


def _tokens(lines: Sequence[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        cells = _md_cells(line)
        if cells is not None:
            out.extend(c or BLANK for c in cells)
            out.append(ROW_END)
            continue
        # "数量3001 53" → "数量 3001 53": digits glued to a label at the end of a token
        line = re.sub(r"(?<=[\u4e00-\u9fff）)])(?=\d+(?:\s|$))", " ", line)
        out.extend(line.split())
    return out


def _is_value_token(token: str) -> bool:
    return token == BLANK or Cell.parse(token).kind in (CellKind.NUMBER, CellKind.NA)


def cell_of(token: str) -> Cell:
    return Cell.parse("" if token == BLANK else token)


def token_rows(lines: Sequence[str], min_run: int = 3) -> list[tuple[str, list[str]]]:
    """Rows of a table in extracted text: a label, then a run of at least ``min_run`` numbers."""
    rows: list[tuple[str, list[str]]] = []
    label: list[str] = []
    run: list[str] = []
    for token in [*_tokens(lines), "\x00"]:
        if token not in ("\x00", ROW_END) and _is_value_token(token):
            run.append(token)
            continue
        if token == ROW_END and not any(t != BLANK for t in run):
            label, run = [], []  # a header row of a Markdown table: its words label nothing
            continue
        if len(run) >= min_run or (token == ROW_END and run):
            rows.append(("".join(t for t in label if t != BLANK), run))
            label = []
        elif run:
            label.extend(t for t in run if t != BLANK)
        run = []
        if token != ROW_END:
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
        cells = tuple(cell_of(v) for v in values)
        while len(cells) > len(TABLE3_COLUMNS) and cells[-1].kind is CellKind.BLANK:
            cells = cells[:-1]  # an empty trailing cell of a misaligned Markdown row
        if key is None:
            if any(c.kind is CellKind.NUMBER for c in cells):
                table.unknown += 1
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
    runs = [r for r in runs if any(cell_of(v).kind is not CellKind.BLANK for v in r)]
    if not runs:
        return None
    fives = [r for r in runs if len(r) == 5]
    if not any(len(r) == 15 for r in runs) and len(fives) == 3:
        return Table4(tuple(cell_of(v) for r in fives for v in r))  # three groups printed apart
    return Table4(tuple(cell_of(v) for v in max(runs, key=len)))


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
        tokens = [t for t in _tokens([line]) if t != ROW_END]
        i = len(tokens)
        while i > 0 and _is_value_token(tokens[i - 1]):
            i -= 1
        plain = line.replace("|", " ")
        if squeeze(plain).startswith(("信息内容", "第二十条")) and "信息内容" in plain:
            head, _, rest = plain.partition("信息内容")
            items.append((squeeze(head), []))
            items.append(("信息内容", _split_headers(rest)))
            continue
        values = ["" if t == BLANK else t for t in tokens[i:]]
        items.append(("".join(t for t in tokens[:i] if t != BLANK), values))
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


# the title's last words: 政府信息公开工作年度报告, 信息公开年报, 信息公开工作总结报告…, and the looser 政府信息工作年度报告 /
# 政务公开年度报告 some offices write (only with 年度报告 or 年报: 政务公开情况 is prose)
_REPORT = (
    r"(?:(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|总结报告|年报|情况)"
    r"|(?:政府信息|政务公开)(?:工作)?(?:年度报告|年报))"
)
# (the year may lose its 年 before the title's last words: 西藏自治区政府国资委2020政府信息公开工作年度报告)
_TITLE_UNIT_FIRST = re.compile(
    rf"([^\d]{{2,60}}?)(\d{{4}})(?:年度?|(?<=(?:19|20)\d\d)(?=政府信息公开工作年度报告)){_REPORT}"
)
_TITLE_YEAR_FIRST = re.compile(rf"(\d{{4}})年度?([^\d]{{0,40}}?){_REPORT}")
# the year inside the title's last words: 某某局政府信息公开工作2022年度报告
_TITLE_YEAR_INSIDE = re.compile(
    r"([^\d]{2,60}?)((?:政府)?信息公开工作|政务公开工作)(\d{4})年度(?:报告|年报)"
)
_UNIT_CUT = re.compile(
    r"[，,。：:；;>＞》|｜_\-—（）()《\s]|现将|现就|现公布|现公开|公布|关于|根据|要求|特向社会|向社会|面向社会"
    r"|报告"  # a heading line before the title: 政府信息公开年度报告 / 咸宁市…局2025年…年度报告
)
_NOT_A_UNIT = re.compile(
    # (为切实做好2020年度政府信息公开工作年度报告编制及发布工作: a purpose, no title)
    r"^为(?:切实|进一步|认真|全面|做好|深入|更好|贯彻)|"
    r"^(?:我|本)[局办委厅中心室所院单位机关部门镇乡街道县市区]*$|^(?:政府|年度|本年度|本级)?$"
)
_PUBLISHED = re.compile(
    r"(?:发布|公开|发文|印发)(?:日期|时间)[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
_YEAR_HINTS = (
    r"统计(?:期限|时限|周期|时间|数据|日期|期)[^\d]{0,6}(\d{4})\s*年",
    r"(\d{4})\s*年度?政府信息公开",
    r"截[止至](?:日期|时间)?(?:为|到)?\s*(\d{4})\s*年\s*12\s*月\s*31\s*日",
    r"(?:^|[。：:）)])(\d{4})\s*年(?:度|以来)?[，,]",  # 2020年以来，我区…
    r"(?:^|[。：:）)]|总体情况|概述)(\d{4})\s*年度?(?:我|本|全)",  # 一、总体情况 2019年我局…
    # a sentence that opens with the year's work: 2025年主动公开各类信息1257条 / 2025年收到并办理…
    r"(?:^|[。：:）)])(\d{4})\s*年度?(?:全年)?共?(?:主动公开|收到|受理|新收|办理)",
)
# the report's own title quoted in its opening sentence: 编制并向社会公布《榆盘镇2021年…年度报告》
# or named as the report by 以下简称: 《双塔区人民政府2022年…年度报告》(以下简称《年报》)通过…向社会公开
_QUOTED_TITLE = re.compile(
    rf"(?:编制|公布|发布|公开)了?《([^》]{{2,60}}?\d{{4}}年度?{_REPORT})》"
    rf"|《([^》]{{2,60}}?\d{{4}}年度?{_REPORT})》[（(]以下简称"
)


def parse_date(text: str) -> dt.date | None:
    m = re.search(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _clean_unit(text: str) -> str:
    # 绥阳县人民政府（县人民政府办公室）: the office in brackets is no part of the name; an area's
    # other name is (高新区(新市区): two names of one administration)
    bracket = re.search(r"[（(]([^（）()]{1,20})[）)]$", text)
    alias = ""
    if bracket:
        text = text[: bracket.start()]
        if _AREA_NAME.match(bracket.group(1)) and re.search(r"[区县市旗]$", text):
            alias = bracket.group(0)
    unit = _UNIT_CUT.split(text)[-1].removeprefix("正文").removesuffix("的")
    unit += alias if unit else ""
    unit = re.sub(
        r"^由(.{2,}?)(?:编制|编写|制作)$", r"\1", unit
    )  # 由漳州市卫生健康委员会编制的…报告
    # X特编制 / X编制完成 / 编制我单位… / 特编制X… / 现编制并发布X…年度报告: the verb is not the name
    unit = re.sub(
        r"^(?:特|现)?(?:编制|编写)(?:形成|完成|了)?(?:并(?:发布|公布|公开))?(?!委员会|办)"
        r"|(?:特|现|已)?(?:编制|编写)(?:完成|形成|了)?$",
        "",
        unit,
    )
    return "" if _NOT_A_UNIT.match(unit) else unit


def is_body_name(unit: str) -> bool:
    """Whether a unit read from a title ends as a body's name does (局, 镇人民政府, 某某县…)."""
    unit = squeeze(unit)
    return bool(
        unit
        and (
            "机关" in unit[-4:]
            or _TOWNSHIP.search(unit)
            or _DEPARTMENT_END.search(unit)
            or _OVERALL_END.search(unit)
        )
    )


def read_title(head: str, hint: str = "") -> tuple[str, str, int | None]:
    """Title, unit and year from a page title and the report's opening lines: "淮安市人民政府2024年
    政府信息公开工作年度报告" and "2019年上海市人民政府办公厅政府信息公开工作年度报告" alike."""
    for text in (squeeze(hint), squeeze(head)):
        text = re.sub(r"《[^》]{0,80}》", "", text.replace("年度年度", "年度"))  # a cited notice
        # an item of a list in the prose: 主动公开区政府办公室2023年度政府信息公开工作年报等
        text = re.sub(rf"[^，,。；;、：:\s]{{2,60}}?\d{{4}}年度?{_REPORT}(?=等)", "", text)
        year_first = _TITLE_YEAR_FIRST.search(text)
        unit_first = _TITLE_UNIT_FIRST.search(text)
        if unit_first and (not year_first or unit_first.start(2) <= year_first.start()):
            unit = _clean_unit(unit_first.group(1))
            if unit or not year_first:
                return (
                    unit + text[unit_first.start(2) : unit_first.end()],
                    unit,
                    int(unit_first.group(2)),
                )
        if year_first:
            unit = _clean_unit(year_first.group(2))
            if re.search(r"[，,。；;]", year_first.group(2)) and not is_body_name(unit):
                # 结合我局2024年工作情况，开展政府信息公开工作年度报告编写: a clause of prose, no title
                unit = ""
            if not unit and unit_first and _clean_unit(unit_first.group(1)):
                # a title split over lines: 2022年…年度报告 / 某某镇人民政府 / 2022年…年度报告
                named = _clean_unit(unit_first.group(1))
                return (
                    named + text[unit_first.start(2) : unit_first.end()],
                    named,
                    int(unit_first.group(2)),
                )
            return year_first.group(0), unit, int(year_first.group(1))
        inside = _TITLE_YEAR_INSIDE.search(text)
        if inside and _clean_unit(inside.group(1)):
            unit = _clean_unit(inside.group(1))
            return unit + text[inside.start(2) : inside.end()], unit, int(inside.group(3))
    return "", "", None


# the report's author named in its opening: 结合2025年荣成市信访局政府信息公开工作实际，编制本报告
_AUTHOR = re.compile(
    # (按照2024年杭州市上城区财政局政府信息公开工作实际编制而成)
    r"(?:结合|按照)(?:\d{4}年度?)?([\u4e00-\u9fff]{2,30}?)(?:政府信息公开|政务公开|信息公开)?工作实际[，,]?编制"
    # 结合宣城市人民政府办公室政府信息公开工作有关统计数据编制而成
    r"|结合(?:\d{4}年度?)?([\u4e00-\u9fff]{2,30}?)(?:政府信息公开|政务公开|信息公开)工作[\u4e00-\u9fff]{0,12}?编制"
    # 在认真总结2020年帽儿山镇政府信息公开工作的基础上，编制了此报告
    r"|总结(?:\d{4}年度?)?([\u4e00-\u9fff]{2,30}?)(?:政府信息公开|政务公开|信息公开)工作的?基础上[，,]?编制"
)
# 本年度报告根据《条例》要求，由广汉市人民政府办公室编制: the report says who made it
_MADE_BY = re.compile(
    # (由杭州高新区(滨江)财政局编制: an area's other name in brackets; 由徐水区人民政府综合全区各部门…数据
    # 编制而成: what it compiled from between)
    r"本(?:年度)?(?:报告|年报)[^。；;]{0,120}?[，,]?由((?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,8}[）)]){2,30}?)"
    r"(?:负责|汇总)?(?:(?:综合|汇总)[^。；;]{0,60}?)?(?:编制|编写|制作)(?!的)"
    # 根据…要求，由福州市大数据发展管理委员会办公室编制完成本报告
    r"|(?:^|[，,。；;])由([\u4e00-\u9fff]{2,30}?)(?:负责|汇总)?(?:编制|编写|制作)(?:完成|形成|了)?(?:本|此)(?:年度)?(?:报告|年报)"
)
# 北京市重大项目建设指挥部办公室依据《条例》第五十条规定，编制本报告: the sentence's subject makes it
# (本年度报告由X根据…要求编制本年度报告: X)
_LEADS = re.compile(
    r"(?:^|[。；;])(?:本(?:年度)?(?:报告|年报))?由?([\u4e00-\u9fff]{2,30}?)(?:依据|根据|按照)[^。；;]{0,150}?[，,]?"
    r"编制(?:了|完成)?(?:本|此)(?:年度)?(?:报告|年报)"
)
# the full name of a title's unit in the sentence that publishes the report: the title says
# 市人民政府办公室…, the first sentence 现公开天门市人民政府办公室2025年…年度报告
_PUBLISHES = re.compile(
    rf"(?:现公开|现公布|现将|现发布)([\u4e00-\u9fff]{{2,40}}?)\d{{4}}年度?{_REPORT}"
)
# 现公布通榆县人民政府办公室政府信息公开工作年度报告: the report named without its year
_PUBLISHES_UNDATED = re.compile(
    r"(?:现公开|现公布|现发布)([\u4e00-\u9fff]{2,40}?)(?:政府信息公开|政务公开)工作年度报告"
)


def read_author(head: str, unit: str = "") -> str:
    """The report's author as its opening names it, or a fuller name of ``unit``; "" if none."""
    text = squeeze(head)
    if unit:
        for m in _PUBLISHES.finditer(text):
            full = _clean_unit(m.group(1))
            if full != unit and full.endswith(unit):
                return full
        return ""
    for m in (
        _AUTHOR.search(text),
        _MADE_BY.search(text),
        _LEADS.search(text),
        # 为切实做好…年度报告编制工作，…现公布贵阳市大数据发展管理局2020年…
        _PUBLISHES.search(text),
        _PUBLISHES_UNDATED.search(text),
    ):
        name = next((g for g in m.groups() if g), "") if m else ""
        if name and is_body_name(name) and not _NOT_A_UNIT.match(name):
            return name
    return ""


def read_quoted_title(head: str) -> tuple[str, str, int | None]:
    """The report's own title quoted in its opening (…编制了《田黄镇2020年政府信息公开工作年度报告》),
    when it has no heading: title, unit and year; a cited notice (《关于做好…》) is not one."""
    for m in _QUOTED_TITLE.finditer(squeeze(head)):
        title = m.group(1) or m.group(2)
        if re.search(r"关于|通知|格式|要点|办法|规定", title):
            continue
        return read_title(title)
    return "", "", None


def read_year(text: str) -> int | None:
    """The year a report covers, from its statistics period or first dated sentence."""
    # line breaks kept: a dated sentence opens a line after a heading (（二）依申请公开 / 2022年度我镇…)
    lines = "\n".join(squeeze(line) for line in text[:3000].splitlines())
    for pattern in _YEAR_HINTS:
        m = re.search(pattern, lines, re.M)
        if m:
            return int(m.group(1))
    return None


_OVERALL_END = re.compile(
    r"(?:人民政府|[^办公室]政府|^[\u4e00-\u9fff]{1,12}(?:省|自治区|市|州|盟|县|旗|区))$"
)
_DEPARTMENT_END = re.compile(
    r"(?:局|委|委员会|办|办公室|办公厅|厅|中心|署|院|所|(?<!网)站|队|会|室|处|管委会|管理委员会|公司|社|馆|团|部|机构)$"
)
# (新港街: a 街道 by its short name)
_TOWNSHIP = re.compile(r"(?:乡|镇|街|街道|街道办事处|办事处|苏木)(?:人民政府|政府)?$")
# (本机关不掌握 is a row of table 三, not the report speaking of itself)
_SELF_WORDS = re.compile(
    # (本地区本部门: the template's "each area and department", not a self-reference)
    r"(?<!本地区)(?:我|本)(?:局|分局|办|委|厅|中心|室|所|院|单位|部门|机关(?!不掌握)|站|馆)(?![^，,。；;]{0,3}(?:各|所属))"
)
# a dated sentence may first say under whose lead: 2023年，在区委、区政府的坚强领导下，官洲街道办事处…
_UNDER = r"(?:在[^，,。；;]{2,30}?下[，,])?"
_VERBS = r"通过|按照|认真|坚持|在|以|深入|严格|紧紧|持续|积极|进一步|全面|扎实|高度重视|主动|共受理|共收到|收到|受理"
_TOWNSHIP_WORDS = re.compile(
    # the first sentence's subject: 2024年以来，长通街道通过…
    # (not 全区各镇 / 所属乡镇: those speak of the townships of an area)
    rf"\d{{4}}\s*年(?:以来|度)?[，,]?{_UNDER}(?:(?![各全所])[\u4e00-\u9fff]){{2,8}}?(?:街道|镇|乡)(?:人民政府|办事处)?"
    r"(?:通过|按照|认真|坚持|在|以|深入|严格|紧紧|持续|积极|进一步|全面|扎实)"
)
# a township speaking of itself: 我镇持续强化…, 本乡, 我街 (not 自我, not 我县各乡镇, not 本乡村振兴)
_TOWNSHIP_SELF = re.compile(r"(?<!自)(?:我|本)(?:镇|乡(?!村)|街道?)(?![^，,。；;]{0,3}(?:各|所属))")
# the subject of a dated sentence: 2021年，保山市卫生健康委员会以…; 2023年区政府办主动公开…;
# or of the sentence after 按照…要求，: 按照区委、区政府有关要求，区政府政务服务办进一步…
_SUBJECT = re.compile(
    rf"(?:\d{{4}}\s*年(?:以来|度)?[，,]?{_UNDER}|要求[，,])((?:(?![各全所我本年])[\u4e00-\u9fff]){{2,20}}?)"
    # an adverb may come before the verb: 2025年，区政府办公室继续坚持…
    rf"(?=(?:继续|始终|一直|不断|仍然|依然)?(?:{_VERBS}))"
)
_AREA_WORDS = re.compile(
    # (参加全市政府信息公开培训: a department taking part in the area's work)
    r"(?<!参加)(?<!参与)全(?:省|市|县|区|州|旗)(?:各级|共|行政机关|政府信息|受理|收到)|(?:我|本)(?:省|市|县|区|州|旗)(?:各级|共计?|全年)"
    # an area as the subject of a dated sentence: 2024年，我区深入贯彻…
    rf"|\d{{4}}\s*年(?:以来|度)?[，,]?{_UNDER}(?:我|本)(?:省|市|县|区|州|旗)(?={_VERBS})"
    # the report made on the area's work: 结合本市2024年政府信息公开工作实际情况编制
    r"|结合(?:我|本)(?:省|市|县|区|州|旗)(?:\d{4}年度?)?(?:政府信息公开|政务公开|信息公开)?工作实际(?:情况)?[，,]?编制"
)
# an area's name alone: 武汉市, 保康县, 黄埔区 (not 全市, not a body)
_AREA_NAME = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:省|自治区|市|州|盟|县|旗|区)$")
# the leading group names the body: 主要领导任组长，副局长为副组长
_LED_BY = re.compile(r"副?(?:局|厅)长(?:任|为|担任)副?组长")


def report_kind(unit: str, text: str) -> tuple[str | None, str]:
    """Whose report it is, and why: a government's overall report on its area, a department's (or
    other body's) report on its own work, a township's; None when neither title nor text tells."""
    # a joint name (某某区人民政府 某某开发区管委会): the first body's kind; an area's other name in
    # brackets (高新区(新市区)) is left out
    unit = squeeze(unit.split()[0]) if unit.strip() else ""
    unit = re.sub(r"[（(][^（）()]{1,20}[）)]$", "", unit)
    head = squeeze(text[:4000])
    if unit and f"{unit}汇总编制" in head and _AREA_WORDS.search(head):
        # 由某某区人民政府办公室汇总编制, 全区共收到…: the office compiles the area's report
        return "overall", f"“{unit}”汇总编制，正文讲“{_AREA_WORDS.search(head).group(0)}”"
    first = _SUBJECT.search(head)
    if (
        first
        and re.search(r"人民政府$", first.group(1))
        and re.search(r"人民政府(?:办公室|办公厅)$", unit)
        and re.sub(r"(?:办公室|办公厅)$", "", unit).endswith(first.group(1))
    ):
        # 由上海市长宁区人民政府办公室编制 … 2024年，长宁区人民政府以…: the office makes the
        # government's report
        return "overall", f"“{unit}”编制，正文以“{first.group(1)}”为主语"
    if unit:
        if "机关" in unit[-4:]:
            return None, f"单位名称“{unit}”（政府机关本身的报告还是本级政府年度报告，无法判断）"
        if _TOWNSHIP.search(unit):
            return "township", f"单位名称“{unit}”是乡镇（街道）"
        if _DEPARTMENT_END.search(unit):
            return "department", f"单位名称“{unit}”是部门（单位）"
        if _OVERALL_END.search(unit):
            return "overall", f"单位名称“{unit}”是一级政府或行政区域"
    self_words, area_words = _SELF_WORDS.search(head), _AREA_WORDS.search(head)
    township = _TOWNSHIP_WORDS.search(head) or _TOWNSHIP_SELF.search(head)
    first = _SUBJECT.search(head)
    if (
        first
        and _DEPARTMENT_END.search(first.group(1))
        and not township
        and not (self_words and area_words)
        and not (area_words and area_words.start() < first.start())
    ):
        # the first body a dated sentence is about is a department: its own report, even when it
        # later speaks of 全市各级行政机关 (a government office guiding the others); an area's
        # report that first speaks of 全县各级行政机关 and then of one bureau's work is not
        return "department", f"正文以“{first.group(1)}”为主语"
    if township and not self_words and not area_words:
        return "township", f"正文以“{township.group(0)}”自称或为主语"
    if self_words and not area_words:
        return "department", f"正文以“{self_words.group(0)}”自称"
    if area_words and not self_words:
        return "overall", f"正文讲“{area_words.group(0)}”"
    if (
        first
        and (re.search(r"(?:人民)?政府$", first.group(1)) or _AREA_NAME.match(first.group(1)))
        and not _TOWNSHIP.search(first.group(1))
        and not township
        and not self_words
    ):
        # 2024年，城中区人民政府深入贯彻…: a government as the subject, not one of its offices
        # (2020年，武汉市坚持…: the area itself)
        return "overall", f"正文以“{first.group(1)}”为主语"
    led = _LED_BY.search(head)
    if led and not township and not area_words:
        return "department", f"正文讲“{led.group(0)}”"
    return None, "标题和正文都不能说明是本级政府年度报告还是部门年度报告"


def _joint_name(unit: str, text: str) -> str:
    """Two bodies reporting together keep the space between their names as the text prints it
    (广州市黄埔区人民政府 广州开发区管委会); any other space (淮 安 市 of a PDF's text) is dropped."""
    if not unit:
        return unit
    m = re.search(r"\s*".join(map(re.escape, unit)), text)
    parts = m.group(0).split() if m else []
    if len(parts) == 2 and all(len(p) >= 5 and is_body_name(p) for p in parts):
        return " ".join(parts)
    return unit


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
    heads, typos = find_sections(lines)
    first = min(heads.values(), default=min(len(lines), 12))
    opening = "".join(lines[: max(first, 1)]) + "".join(lines[max(first, 1) : max(first, 1) + 3])
    report.title, report.unit, report.year = read_title(opening, title_hint)
    if report.unit and not is_body_name(report.unit):
        quoted, unit, year = read_quoted_title(opening)
        if is_body_name(unit):  # 现公布《和平县教育局2019年…》，涵盖…一年来的…工作情况
            report.title, report.unit, report.year = quoted, unit, year
    report.unit = read_author(opening, report.unit) or report.unit
    if not report.unit:
        report.unit = read_author(opening)
    if not report.unit:
        quoted, unit, year = read_quoted_title(opening)
        if unit:  # the statistics period, not a slip in the quoted title, says the year
            report.title, report.unit = report.title or quoted, unit
            report.year = report.year or read_year(report.text) or year
    if report.year is None:
        report.year = read_year(report.text)
    report.unit = _joint_name(report.unit, opening)
    report.report_kind, report.kind_reason = report_kind(report.unit, report.text)
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
            cut = _problems_start(prose) if n == 4 and 5 not in spans else len(prose)
            report.sections[n] = Section(n, lines[a - 1], "\n".join(prose[:cut]), typos.get(n, ""))
            if cut < len(prose):
                report.sections[5] = Section(5, "", "\n".join(prose[cut:]), implied=True)
        t2 = [g for g, k in zip(grids, kinds, strict=True) if k == "2"]
        t3 = [g for g, k in zip(grids, kinds, strict=True) if k == "3"]
        t4 = [g for g, k in zip(grids, kinds, strict=True) if k == "4"]
        report.table2 = [r for g in t2 for r in table2_from_grid(g)]
        if t3:
            report.table3 = build_table3([r for g in t3 for r in grid_rows(g)], problems)
        if t4:
            report.table4 = table4_from_grid(t4[0])
    else:
        _text_tables(report, lines, spans, typos)
    report.format = detect_format(report)
    return report


_PROBLEMS = re.compile(
    r"^(?:[（(][一二][)）])?.{0,12}(?:存在的?(?:主要)?问题|主要问题|问题及改进|改进情况|改进措施)"
)


def _problems_start(lines: Sequence[str]) -> int:
    """Where the problems and improvements begin in the lines after table 四 when section 五 has
    no heading of its own (（一）主要问题 …); len(lines) when they are not there."""
    for i, line in enumerate(lines):
        text = squeeze(line)
        if len(text) <= 30 and _PROBLEMS.match(text) and not text.endswith("。"):
            return i
    return len(lines)


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


def _text_tables(
    report: AnnualReport, lines: list[str], spans: dict[int, tuple[int, int]], typos: dict[int, str]
) -> None:
    markers = {2: ("第二十条",), 3: ("申请人情况", "本列数据", "本年新收")}
    for n, (a, b) in spans.items():
        body = lines[a:b]
        if n == 4:
            cut = _cut(body, ("行政复议", "结果维持", "结果"), starts=True)
        else:
            cut = _cut(body, markers.get(n, ()))
        report.sections[n] = Section(n, lines[a - 1], "\n".join(body[:cut]), typos.get(n, ""))
        if n == 2:
            report.table2 = table2_from_lines(body[cut:])
        elif n == 3:
            report.table3 = build_table3(token_rows(body[cut:]), report.problems)
        elif n == 4:
            table = body[cut:]
            end = _problems_start(table) if 5 not in spans else len(table)
            report.table4 = build_table4([v for _l, v in token_rows(table[:end], 1)])
            if end < len(table):
                report.sections[5] = Section(5, "", "\n".join(table[end:]), implied=True)
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
