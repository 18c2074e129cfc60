"""Checks of a parsed annual report: sections, tables, arithmetic, text against tables, the
carry-over from last year, the deadline and 雷同. Each returns ``Finding``s (``annual-report…``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from zwgk.inspect.model import Finding, Severity
from zwgk.rubric.numbers import fmt as n

from .claims import QUANTITIES, SUBROW_ZH, Claim, find_claims
from .model import (
    FORMAT_2019,
    FORMAT_2021,
    FORMAT_ZH,
    KIND_DEPARTMENT,
    KIND_OVERALL,
    KIND_TOWNSHIP,
    ROW_LABELS,
    SECTION_TITLES,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_GROUPS,
    TABLE4_PARTS,
    AnnualReport,
    Cell,
    CellKind,
    Table3,
    Table4,
    section_name,
)
from .parse import squeeze
from .similarity import Similarity, compare, fingerprint, similar_pairs

D = Severity.DEDUCTION
W = Severity.WARNING


@dataclass(frozen=True)
class Options:
    similarity: float = 0.5  # share of a report's prose shared with another → 雷同
    deadline: dt.date | None = None  # overrides the statutory deadline
    kind: str | None = None  # KIND_*: overrides the kind read from the report (configuration)


def _finding(r: AnnualReport, check: str, severity: Severity, message: str, location: str,
             evidence: str = "", **extra: object) -> Finding:  # fmt: skip
    return Finding(
        check=check,
        severity=severity,
        url=r.source,
        message=message,
        evidence=evidence,
        unit=r.unit,
        title=r.title or None,
        published=r.published,
        location=location,
        **extra,  # type: ignore[arg-type]
    )


def check_report(
    report: AnnualReport, previous: AnnualReport | None = None, options: Options | None = None
) -> list[Finding]:
    """Every check of one report (and, when given, against last year's report)."""
    options = options or Options()
    r = report
    if not squeeze(r.text):
        what = "PDF 中未能提取出文字（可能是扫描件）" if r.kind == "pdf" else "文件内容为空"
        return [_finding(r, "annual-report-empty", D, f"报告无法检查：{what}", "全文")]
    out: list[Finding] = []
    out += check_sections(r)
    out += _problems(r)
    out += check_format(r)
    out += check_table2(r)
    if r.table3 is not None:
        out += check_table3(r, r.table3)
    if r.table4 is not None:
        out += check_table4(r, r.table4)
    out += check_text_against_tables(r)
    out += check_deadline(r, options)
    if previous is not None:
        if r.year and previous.year and previous.year != r.year - 1:
            out.append(
                _finding(r, "annual-report-previous-year", W,
                         f"作为上一年度对照的报告是{previous.year}年度的，不是{r.year - 1}年度，未核对结转数",
                         "表三 “二、上年结转”行", f"对照报告：{previous.source}")
            )  # fmt: skip
        else:
            out += check_carryover(r, previous)
        sim = compare(fingerprint(r.prose), fingerprint(previous.prose))
        if sim.ratio >= options.similarity:
            out.append(similar_finding(r, previous, sim, last_year=True))
    return out


def check_reports(
    reports: Sequence[AnnualReport],
    previous: dict[str, AnnualReport] | None = None,
    options: Options | None = None,
) -> dict[str, list[Finding]]:
    """Findings per report source, with 雷同 between the reports given (other units' reports)."""
    options = options or Options()
    previous = previous or {}
    out = {r.source: check_report(r, previous.get(r.source), options) for r in reports}
    prints = [fingerprint(r.prose) for r in reports]
    for i, j, sim in similar_pairs(prints, options.similarity):
        out[reports[i].source].append(similar_finding(reports[i], reports[j], sim))
    return out


# --- structure ------------------------------------------------------------------------------


def check_sections(r: AnnualReport) -> list[Finding]:
    """Each of the six parts by its heading, matched loosely with the format's words. A part whose
    heading is missing but whose content is there (its table, or the problems written under
    （一）主要问题) is a warning; a misspelt heading is a typo to confirm, not a missing part."""
    out = []
    has_table = {2: bool(r.table2), 3: r.table3 is not None, 4: r.table4 is not None}
    for number, title in SECTION_TITLES.items():
        section = r.sections.get(number)
        key = {"key": f"section:{number}"}
        if section is not None and section.typo:
            out.append(
                _finding(r, "annual-report-heading-typo", W,
                         f"第{'一二三四五六'[number - 1]}部分标题与格式不符，疑有错字：“{section.heading}”",
                         section_name(number), f"格式规定的标题为“{section.typo}”", data=key)
            )  # fmt: skip
        elif section is not None and section.implied:
            out.append(
                _finding(r, "annual-report-section-heading", W,
                         f"第{'一二三四五六'[number - 1]}部分“{title}”没有标题，内容写在其他部分之后",
                         section_name(number), section.text[:80], data=key)
            )  # fmt: skip
        elif section is None and has_table.get(number):
            out.append(
                _finding(r, "annual-report-section-heading", W,
                         f"第{'一二三四五六'[number - 1]}部分“{title}”没有找到标题，但有其统计表",
                         section_name(number), "六个部分的标题应按格式书写", data=key)
            )  # fmt: skip
        elif section is None:
            out.append(
                _finding(r, "annual-report-section-missing", D,
                         f"报告缺少第{'一二三四五六'[number - 1]}部分“{title}”", section_name(number),
                         "六个部分应为：" + "；".join(f"{k}. {t}" for k, t in SECTION_TITLES.items()),
                         data=key)
            )  # fmt: skip
    tables = (
        ("表二", 2, bool(r.table2)),
        ("表三", 3, r.table3 is not None),
        ("表四", 4, r.table4 is not None),
    )
    for name, number, present in tables:
        if not present:
            out.append(
                _finding(r, "annual-report-table-missing", D,
                         f"未找到{name}（{SECTION_TITLES[number]}）的统计表，无法核对数据",
                         f"{name}（{section_name(number)}）",
                         (r.sections[number].text[:80] if number in r.sections else "本部分缺失")
                         or "本部分没有文字和表格", data={"key": f"table:{number}"})
            )  # fmt: skip
    return out


def table3_unread(r: AnnualReport) -> bool:
    """Table 三 not read whole: rows that match no row of the format, and rows not found."""
    t = r.table3
    return (
        t is not None
        and bool(t.unknown)
        and bool(t.missing(r.format or FORMAT_2021) or t.malformed)
    )


def _problems(r: AnnualReport) -> list[Finding]:
    """What the parser met; on a table 三 not read whole its rows are summed up in one warning
    (``annual-report-table3-unread``) instead of a finding per row."""
    unread = table3_unread(r)
    out = []
    for p in r.problems:
        if unread and p.check == "annual-report-table3-row-unknown":
            continue
        severity = W if unread and p.check.startswith("annual-report-table3") else p.severity
        out.append(_finding(r, p.check, severity, p.message, p.location, p.evidence))
    return out


def check_format(r: AnnualReport) -> list[Finding]:
    if not r.year or not r.format:
        return []
    expected = FORMAT_2019 if r.year <= 2020 else FORMAT_2021
    if r.format == expected:
        return []
    return [
        _finding(r, "annual-report-format", W,
                 f"{r.year}年度报告应使用{FORMAT_ZH[expected]}，本报告的表格为{FORMAT_ZH[r.format]}",
                 "表二、表三", f"报告年度 {r.year}；表格格式 {FORMAT_ZH[r.format]}")
    ]  # fmt: skip


def check_table2(r: AnnualReport) -> list[Finding]:
    out = []
    for row in r.table2:
        for i, cell in enumerate(row.cells):
            header = row.headers[i] if i < len(row.headers) else f"第{i + 1}列"
            where = f"表二 {row.item}“{row.label}”行“{header}”列"
            signed = "增" in header or "减" in header
            if cell.kind is CellKind.TEXT or (
                cell.value is not None and cell.value < 0 and not signed
            ):
                out.append(
                    _finding(r, "annual-report-table2-value", D,
                             f"表二“{row.label}”的“{header}”不是有效数值", where, f"填写为“{cell.raw}”")
                )  # fmt: skip
    return out


# --- table 三 --------------------------------------------------------------------------------


def _col(c: int) -> str:
    return f"“{TABLE3_COLUMNS[c]}”列"


def _table3_values(r: AnnualReport, t: Table3) -> list[Finding]:
    """Blank and invalid cells, and each row's 总计 against its applicant columns."""
    out: list[Finding] = []
    blank_rows = {
        row.label: [
            TABLE3_COLUMNS[c] for c, cell in enumerate(row.cells) if cell.kind is CellKind.BLANK
        ]
        for row in t.rows.values()
    }
    blank_rows = {label: cols for label, cols in blank_rows.items() if cols}
    if blank_rows:
        derived = t.derived_totals()
        first, cols = next(iter(blank_rows.items()))
        where = (f"表三 “{first}”行 " + "、".join(f"“{b}”" for b in cols) + "列"
                 if len(blank_rows) == 1 else f"表三（{len(blank_rows)} 行）")  # fmt: skip
        note = (f"；其中 {len(derived)} 行的“总计”空白，已按六类申请人之和计算"
                if derived else "")  # fmt: skip
        out.append(
            _finding(r, "annual-report-table3-blank", W,
                     f"表三有空白单元格（没有的应填 0）：{len(blank_rows)} 行{note}", where,
                     "；".join(f"{label}：{'、'.join(c)}" for label, c in list(blank_rows.items())[:6]),
                     data={"key": "table3", "rows": list(blank_rows), "derived_totals": derived})
        )  # fmt: skip
    for row in t.rows.values():
        for c, cell in enumerate(row.cells):
            if cell.kind in (CellKind.BLANK, CellKind.NA) or cell.is_count:
                continue
            out.append(
                _finding(r, "annual-report-table3-value", D,
                         f"表三“{row.label}”行{_col(c)}应为非负整数", f"表三 “{row.label}”行 {_col(c)}",
                         f"填写为“{cell.raw}”")
            )  # fmt: skip
    # 总计 column = the six applicant columns, per row
    for row in t.rows.values():
        total = row.cells[6]
        if total.kind is not CellKind.NUMBER or _bad(row.cells[:6]):
            continue
        parts = sum((c.count for c in row.cells[:6]), Decimal(0))
        if parts != total.count:
            terms = " + ".join(f"{TABLE3_COLUMNS[c]} {row.cells[c].show()}" for c in range(6))
            out.append(
                _finding(r, "annual-report-table3-total-column", D,
                         f"表三“{row.label}”行的总计与各类申请人之和不符",
                         f"表三 “{row.label}”行 “总计”列",
                         f"{terms} = {n(parts)}，总计列为 {total.show()}",
                         wrong=total.raw, suggested=n(parts))
            )  # fmt: skip
    return out


def check_table3(r: AnnualReport, t: Table3) -> list[Finding]:
    out = []
    fmt = r.format or FORMAT_2021
    expected = [spec.key for spec in TABLE3_ROWS[fmt]]
    missing = t.missing(fmt)
    # rows left over that match nothing mean the table was not read whole (a PDF's or a converter's
    # text out of order): a row not found is then more likely unread than absent, so the table gets
    # one warning to check it by eye instead of a deduction per row
    if table3_unread(r):
        names = "、".join(ROW_LABELS[k] for k in [*missing, *sorted(t.malformed)][:6])
        out.append(
            _finding(r, "annual-report-table3-unread", W,
                     f"表三未能完整识别（{t.unknown} 行对应不到格式中的行，{len(missing) + len(t.malformed)} 行未读出），"
                     "不据此扣分，请人工核对",
                     "表三", f"未读出：{names}", data={"key": "table3-unread"})
        )  # fmt: skip
        return out + _table3_values(r, t)
    for key in missing:
        out.append(
            _finding(r, "annual-report-table3-row-missing", D,
                     f"表三缺少“{ROW_LABELS[key]}”行", f"表三 “{ROW_LABELS[key]}”行",
                     f"{FORMAT_ZH[fmt]}的表三共 {len(expected)} 行", data={"key": f"row:{key}"})
        )  # fmt: skip
    out += _table3_values(r, t)
    results = [k for k in expected if k.startswith("r") and k != "r7"]
    if "r7" in t.rows and all(k in t.rows for k in results):
        for c in range(7):
            cells = [t.rows[k].cells[c] for k in results]
            if _bad([*cells, t.rows["r7"].cells[c]]):
                continue
            groups = [(g, t.group_sum(g, c)) for g in ("r1", "r2", "r3", "r4", "r5", "r6")]
            parts = sum((v for _, v in groups), Decimal(0))
            total = t.value("r7", c)
            if parts != total:
                terms = " + ".join(f"{_GROUP_ZH[g]} {n(v)}" for g, v in groups)
                out.append(
                    _finding(r, "annual-report-table3-sum", D,
                             f"表三{_col(c)}“（七）总计”不等于（一）至（六）各项之和",
                             f"表三 “（七）总计”行 {_col(c)}",
                             f"{terms} = {n(parts)}，（七）总计为 {n(total)}",
                             wrong=n(total), suggested=n(parts))
                )  # fmt: skip
    # printed on the table: 一 + 二 = 三(七) + 四, for every column
    if all(k in t.rows for k in ("new", "carried_in", "r7", "carry_out")):
        for c in range(7):
            cells = [t.rows[k].cells[c] for k in ("new", "carried_in", "r7", "carry_out")]
            if _bad(cells):
                continue
            left = t.value("new", c) + t.value("carried_in", c)
            right = t.value("r7", c) + t.value("carry_out", c)
            if left != right:
                out.append(
                    _finding(r, "annual-report-table3-balance", D,
                             f"表三{_col(c)}不平衡：本年新收加上年结转应等于办理结果总计加结转下年度",
                             f"表三 {_col(c)}",
                             f"一、本年新收 {cells[0].show()} + 二、上年结转 {cells[1].show()} = {n(left)}；"
                             f"三、（七）总计 {cells[2].show()} + 四、结转下年度 {cells[3].show()} = {n(right)}")
                )  # fmt: skip
    return out


_GROUP_ZH = {"r1": "（一）予以公开", "r2": "（二）部分公开", "r3": "（三）不予公开", "r4": "（四）无法提供",
             "r5": "（五）不予处理", "r6": "（六）其他处理"}  # fmt: skip


def _bad(cells: Sequence[Cell]) -> bool:
    """A cell that is not a number, blank or "/" makes a sum meaningless (reported elsewhere)."""
    return any(c.kind is CellKind.TEXT for c in cells)


# --- table 四 --------------------------------------------------------------------------------


def check_table4(r: AnnualReport, t: Table4) -> list[Finding]:
    if len(t.cells) != 15:
        return [
            _finding(r, "annual-report-table4-columns", D,
                     f"表四应有 15 个数据（行政复议、两类行政诉讼各 5 项），实际识别到 {len(t.cells)} 个",
                     "表四", " ".join(c.show() for c in t.cells))
        ]  # fmt: skip
    out = []
    blanks = [
        f"{group}“{TABLE4_PARTS[p]}”"
        for g, group in enumerate(TABLE4_GROUPS)
        for p, cell in enumerate(t.group(g))
        if cell.kind is CellKind.BLANK
    ]
    if blanks:
        out.append(
            _finding(r, "annual-report-table4-blank", W,
                     f"表四有 {len(blanks)} 个空白单元格（没有的应填 0），按 0 计算",
                     f"表四 {blanks[0]}" if len(blanks) == 1 else "表四", "；".join(blanks[:8]),
                     data={"key": "table4"})
        )  # fmt: skip
    for g, group in enumerate(TABLE4_GROUPS):
        cells = t.group(g)
        for p, cell in enumerate(cells):
            if cell.kind is CellKind.TEXT or (cell.kind is CellKind.NUMBER and not cell.is_count):
                out.append(
                    _finding(r, "annual-report-table4-value", D,
                             f"表四“{group}”的“{TABLE4_PARTS[p]}”应为非负整数",
                             f"表四 “{group}” “{TABLE4_PARTS[p]}”", f"填写为“{cell.raw}”")
                )  # fmt: skip
        if cells[4].kind is not CellKind.NUMBER or _bad(cells):
            continue
        parts = sum((c.count for c in cells[:4]), Decimal(0))
        if parts != cells[4].count:
            terms = " + ".join(f"{TABLE4_PARTS[p]} {cells[p].show()}" for p in range(4))
            out.append(
                _finding(r, "annual-report-table4-sum", D,
                         f"表四“{group}”的总计与各项结果之和不符", f"表四 “{group}” “总计”",
                         f"{terms} = {n(parts)}，总计为 {cells[4].show()}",
                         wrong=cells[4].raw, suggested=n(parts))
            )  # fmt: skip
    return out


# --- text against tables ---------------------------------------------------------------------


def _t3_value(r: AnnualReport, key: str) -> tuple[Decimal, ...] | None:
    """The 总计 of a table 三 row, a group of rows or a sum of groups; None when not all of it was
    read. ``new_or_total`` gives both readings (new; new + carried over)."""
    t = r.table3
    if t is None:
        return None
    fmt = r.format or FORMAT_2021
    template = [spec.key for spec in TABLE3_ROWS[fmt]]

    def group(prefix: str) -> Decimal | None:
        keys = [k for k in template if k == prefix or k.startswith(prefix + "_")]
        if not keys and prefix == "r6_3" and "r6" in template:
            return None  # 2019 format: no "3.其他" row
        if not keys or any(k not in t.rows for k in keys):
            return None
        return sum((t.value(k) for k in keys), Decimal(0))

    if key == "new_or_total":
        new, carried = group("new"), group("carried_in")
        return None if new is None else (new, new + (carried or Decimal(0)))
    parts = [group(k) for k in key.split("+")]
    if any(p is None for p in parts):
        return None
    return (sum(parts, Decimal(0)),)  # type: ignore[arg-type]


_T4_INDEX = {"review": (4,), "litigation": (9, 14)}


def _t4_value(r: AnnualReport, key: str) -> tuple[Decimal, ...] | None:
    t = r.table4
    if t is None or len(t.cells) != 15:
        return None
    kind, _, part = key.partition(":")
    offset = TABLE4_PARTS.index(part) - 4 if part else 0
    return (sum((t.cells[i + offset].count for i in _T4_INDEX[kind]), Decimal(0)),)


def _t2_value(r: AnnualReport, key: str) -> tuple[Decimal, ...] | None:
    want = {"t2_rules_made": ("规章", 0), "t2_norm_made": ("规范性文件", 0),
            "t2_norm_valid": ("规范性文件", 2)}[key]  # fmt: skip
    for row in r.table2:
        if not row.item.endswith("（一）项") or not row.label.endswith(want[0]):
            continue
        if want[0] == "规章" and "规范性" in row.label:
            continue
        column = want[1]
        header = row.headers[column] if column < len(row.headers) else ""
        if column == 2 and "现行有效" not in header:
            return None  # the 2019 format's third column is 对外公开总数量, not 现行有效
        if column >= len(row.cells) or row.cells[column].kind is not CellKind.NUMBER:
            return None
        return (row.cells[column].count,)
    return None


def claim_value(r: AnnualReport, claim: Claim) -> tuple[tuple[Decimal, ...], str, bool] | None:
    """What the tables say for a claim: the accepted values (main first), where, and whether the
    table was read whole (a mismatch against a table read in part is not unambiguous)."""
    key = claim.key
    if key.startswith("t2_"):
        value = _t2_value(r, key)
        return None if value is None else (value, "表二", True)
    if key.split(":")[0] in _T4_INDEX:
        value = _t4_value(r, key)
        where = f"表四“{QUANTITIES.get(key, key)}”"
        return None if value is None else (value, where, True)
    value = _t3_value(r, key)
    if value is None:
        return None
    assert r.table3 is not None
    zh = QUANTITIES.get(key) or SUBROW_ZH.get(key, key)
    return value, f"表三“{zh}”总计", r.table3.clean(r.format)


def check_text_against_tables(r: AnnualReport) -> list[Finding]:
    out = []
    for number, section in r.sections.items():
        for claim in find_claims(section.text, r.year):
            found = claim_value(r, claim)
            if found is None:
                continue
            values, where, whole = found
            if Decimal(claim.value) in values:
                continue
            unambiguous = claim.certain and whole
            what = QUANTITIES.get(claim.key) or SUBROW_ZH.get(claim.key, claim.key)
            note = "" if unambiguous else "（表格识别不完整或说法有两种理解，请核对）"
            out.append(
                _finding(r, "annual-report-text-table", D if unambiguous else W,
                         f"正文所述{what}数与表格不一致：文中为 {claim.value} 件，{where}为 {n(values[0])} 件{note}",
                         f"{section_name(number)}：“{claim.sentence[:40]}”",
                         f"文中“{claim.phrase}”；{where} {n(values[0])}。原句：{claim.sentence[:160]}",
                         wrong=claim.phrase, suggested=n(values[0]), data={"key": claim.key})
            )  # fmt: skip
    return out


# --- across reports, deadline ----------------------------------------------------------------


def check_carryover(r: AnnualReport, previous: AnnualReport) -> list[Finding]:
    now, before = r.table3, previous.table3
    if (
        now is None
        or before is None
        or "carried_in" not in now.rows
        or "carry_out" not in before.rows
    ):
        return []
    out = []
    for c in range(7):
        this, last = now.rows["carried_in"].cells[c], before.rows["carry_out"].cells[c]
        if this.count != last.count:
            year = f"{previous.year}年" if previous.year else "上一年"
            out.append(
                _finding(r, "annual-report-carryover", D,
                         f"表三“二、上年结转”{_col(c)}与{year}报告的“四、结转下年度继续办理”不一致",
                         f"表三 “二、上年结转”行 {_col(c)}",
                         f"本年报告上年结转 {this.show()}；{year}报告结转下年度 {last.show()}（{previous.source}）",
                         wrong=this.raw, suggested=last.raw)
            )  # fmt: skip
    return out


def deadline_for(kind: str | None, year: int) -> dt.date | None:
    """第四十九条: a department's report by 31 January, a government's overall report by 31
    March; a township's by 31 January as provinces usually require (to be confirmed)."""
    if kind == KIND_OVERALL:
        return dt.date(year + 1, 3, 31)
    if kind in (KIND_DEPARTMENT, KIND_TOWNSHIP):
        return dt.date(year + 1, 1, 31)
    return None


def check_deadline(r: AnnualReport, options: Options) -> list[Finding]:
    """Late only when the kind of report is known (from configuration, else from its title and
    text) or when it is late whatever its kind (after 31 March); otherwise a finding to confirm."""
    if r.published is None or not r.year:
        return []
    kind = options.kind or r.report_kind
    deadline = options.deadline or deadline_for(kind, r.year)
    why = "按配置" if options.kind or options.deadline else r.kind_reason
    if deadline is None:
        early, last = dt.date(r.year + 1, 1, 31), dt.date(r.year + 1, 3, 31)
        if r.published <= early:
            return []
        if r.published > last:
            deadline, why = last, f"{r.kind_reason}；无论哪类报告都已超过 3 月 31 日"
        else:
            return [
                _finding(r, "annual-report-late", W,
                         f"发布日期 {r.published.isoformat()} 晚于部门年度报告的截止日期 {early.isoformat()}："
                         "若为部门（单位）年度报告则超期，若为本级政府年度报告则未超期，请确认报告类别",
                         "发布日期", r.kind_reason, data={"key": "late"})
            ]  # fmt: skip
    if r.published <= deadline:
        return []
    late = (r.published - deadline).days
    township = kind == KIND_TOWNSHIP and not options.deadline
    return [
        _finding(r, "annual-report-late", W if township else D,
                 f"年度报告超期发布：应于 {deadline.isoformat()} 前公布，晚了 {late} 天"
                 + ("（乡镇、街道的截止日期以本省规定为准，请确认）" if township else ""),
                 "发布日期", f"发布日期 {r.published.isoformat()}；截止日期 {deadline.isoformat()}（{why}）",
                 data={"key": "late"})
    ]  # fmt: skip


def similar_finding(
    r: AnnualReport, other: AnnualReport, sim: Similarity, last_year: bool = False
) -> Finding:
    whose = "上一年度报告" if last_year else f"另一份报告（{other.name}）"
    shown = "；".join(f"“{p.text[:60]}{'…' if len(p.text) > 60 else ''}”" for p in sim.passages[:3])
    return _finding(
        r,
        "annual-report-similar-previous" if last_year else "annual-report-similar-other",
        D,
        f"报告文字与{whose}雷同：{sim.ratio:.0%} 的正文（不计数字和格式规定的标题）相同，共 {len(sim.passages)} 段",
        "正文",
        f"相同段落：{shown}",
        data={
            "ratio": round(sim.ratio, 4),
            "other": other.source,
            "passages": [
                {"text": p.text, "other": p.other, "length": p.length} for p in sim.passages
            ],
        },
    )
