"""Checks of a parsed annual report: sections, tables, arithmetic, text against tables, the
carry-over from last year, the deadline and 雷同. Each returns ``Finding``s (``annual-report…``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from zwgk.inspect.model import Finding, Severity

from .model import (
    FORMAT_2019,
    FORMAT_2021,
    FORMAT_ZH,
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


def n(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"


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
    out += [_finding(r, p.check, p.severity, p.message, p.location, p.evidence) for p in r.problems]
    out += check_format(r)
    out += check_table2(r)
    if r.table3 is not None:
        out += check_table3(r, r.table3)
    if r.table4 is not None:
        out += check_table4(r, r.table4)
    out += check_text_against_tables(r)
    out += check_deadline(r, options.deadline)
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
    out = []
    for number, title in SECTION_TITLES.items():
        if number not in r.sections:
            out.append(
                _finding(r, "annual-report-section-missing", D,
                         f"报告缺少第{'一二三四五六'[number - 1]}部分“{title}”", section_name(number),
                         "六个部分应为：" + "；".join(f"{k}. {t}" for k, t in SECTION_TITLES.items()))
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
                         or "本部分没有文字和表格")
            )  # fmt: skip
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


def check_table3(r: AnnualReport, t: Table3) -> list[Finding]:
    out = []
    fmt = r.format or FORMAT_2021
    expected = [spec.key for spec in TABLE3_ROWS[fmt]]
    for key in expected:
        if key not in t.rows and key not in t.malformed:
            out.append(
                _finding(r, "annual-report-table3-row-missing", D,
                         f"表三缺少“{ROW_LABELS[key]}”行", f"表三 “{ROW_LABELS[key]}”行",
                         f"{FORMAT_ZH[fmt]}的表三共 {len(expected)} 行")
            )  # fmt: skip
    for row in t.rows.values():
        blanks = [
            TABLE3_COLUMNS[c] for c, cell in enumerate(row.cells) if cell.kind is CellKind.BLANK
        ]
        if blanks:
            out.append(
                _finding(r, "annual-report-table3-blank", W,
                         f"表三“{row.label}”行有空白单元格（没有的应填 0）",
                         f"表三 “{row.label}”行 " + "、".join(f"“{b}”" for b in blanks) + "列",
                         " ".join(c.show() for c in row.cells))
            )  # fmt: skip
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
            left = cells[0].count + cells[1].count
            right = cells[2].count + cells[3].count
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
    for g, group in enumerate(TABLE4_GROUPS):
        cells = t.group(g)
        for p, cell in enumerate(cells):
            if cell.kind is CellKind.BLANK:
                out.append(
                    _finding(r, "annual-report-table4-blank", W, f"表四“{group}”的“{TABLE4_PARTS[p]}”为空白",
                             f"表四 “{group}” “{TABLE4_PARTS[p]}”", "没有的应填 0")
                )  # fmt: skip
            elif cell.kind is CellKind.TEXT or (cell.kind is CellKind.NUMBER and not cell.is_count):
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

_N = r"(\d+)"
_U = r"(?:件|起|宗)"
_G = r"[^。；;，,、\d]{0,12}?"
Lookup = Callable[[AnnualReport], tuple[Decimal, ...] | None]  # accepted values, main first


def _t3(prefix: str, also: str = "") -> Lookup:
    """The 总计 column of a row, or of all the sub-rows of a group; None when not readable.
    With ``also``, the sum with that row is accepted as well (returned second)."""

    def get(r: AnnualReport) -> tuple[Decimal, ...] | None:
        t = r.table3
        if t is None:
            return None
        values = []
        for p in (prefix, also) if also else (prefix,):
            keys = [k for k in (*t.rows, *t.malformed) if k == p or k.startswith(p + "_")]
            if not keys or any(k in t.malformed for k in keys):
                return None
            values.append(t.group_sum(p))
        return (values[0], sum(values, Decimal(0))) if also else (values[0],)

    return get


def _t4(*indexes: int) -> Lookup:
    def get(r: AnnualReport) -> tuple[Decimal, ...] | None:
        t = r.table4
        if t is None or len(t.cells) != 15:
            return None
        return (sum((t.cells[i].count for i in indexes), Decimal(0)),)

    return get


# (what the number is, where it is in the tables, pattern, lookup)
# a result named as a whole, not a reason inside it ("因涉及国家秘密不予公开2件" is one sub-row)
_B = r"(?:^|(?<=[，,、；;：:（(])|(?<=其中)|(?<=共有)|(?<=共))"
_QUOTES: tuple[tuple[str, str, str, Lookup], ...] = (
    ("本年新收申请", "表三“一、本年新收”总计", rf"(?:新收|收到|受理|接收){_G}申请(?:共|合计|总计)?{_N}{_U}", _t3("new", "carried_in")),
    ("上年结转申请", "表三“二、上年结转”总计", rf"上一?年度?结转{_G}{_N}{_U}", _t3("carried_in")),
    ("结转下年度", "表三“四、结转下年度继续办理”总计", rf"{_N}{_U}{_G}(?:结转|顺延|转入)(?:到|至)?下一?年度?", _t3("carry_out")),
    ("结转下年度", "表三“四、结转下年度继续办理”总计", rf"(?:结转|顺延|转入)(?:到|至)?下一?年度?{_G}{_N}{_U}", _t3("carry_out")),
    ("办结（答复）", "表三“（七）总计”总计", rf"(?<!延期)(?<!逾期)(?:答复|办结|办理完毕|处理完毕)(?:申请)?(?:共|合计)?{_N}{_U}", _t3("r7")),
    ("予以公开", "表三“（一）予以公开”总计", rf"{_B}予以公开(?:的|申请)?{_N}{_U}", _t3("r1")),
    ("部分公开", "表三“（二）部分公开”总计", rf"{_B}部分公开(?:的|申请)?{_N}{_U}", _t3("r2")),
    ("不予公开", "表三“（三）不予公开”各项总计之和", rf"{_B}不予公开(?:的|申请)?{_N}{_U}", _t3("r3")),
    ("无法提供", "表三“（四）无法提供”各项总计之和", rf"{_B}无法提供(?:的|申请)?{_N}{_U}", _t3("r4")),
    ("不予处理", "表三“（五）不予处理”各项总计之和", rf"{_B}不予处理(?:的|申请)?{_N}{_U}", _t3("r5")),
    ("其他处理", "表三“（六）其他处理”各项总计之和", rf"{_B}其他处理(?:的|申请)?{_N}{_U}", _t3("r6")),
)  # fmt: skip
_T4_TOTAL = {"行政复议": (4,), "行政诉讼": (9, 14)}
_T4_PARTS = (("结果维持", r"(?:结果)?维持"), ("结果纠正", r"(?:结果)?纠正"),
             ("其他结果", r"其他结果"), ("尚未审结", r"尚?未审结"))  # fmt: skip
_NONE = re.compile(
    r"(?:未发生|没有发生|未产生|未有|没有)[^。；;，,\d]{0,15}?(行政复议(?:[、和及与]行政诉讼)?|行政诉讼)"
)


def _sentences(text: str) -> list[str]:
    joined = squeeze(text)
    return [s for s in re.split(r"(?<=[。；;！？])", joined) if s]


def check_text_against_tables(r: AnnualReport) -> list[Finding]:
    out = []

    def quote(number: int, sentence: str, phrase: str, what: str, where: str,
              values: tuple[Decimal, ...], stated: int) -> None:  # fmt: skip
        if Decimal(stated) in values:
            return
        value = values[0]
        out.append(
            _finding(r, "annual-report-text-table", D,
                     f"正文所述{what}数与表格不一致：文中为 {stated} 件，{where}为 {n(value)} 件",
                     f"{section_name(number)}：“{sentence[:40]}”",
                     f"文中“{phrase}”；{where} {n(value)}。原句：{sentence[:160]}",
                     wrong=phrase, suggested=n(value))
        )  # fmt: skip

    for number, section in r.sections.items():
        for sentence in _sentences(section.text):
            for what, where, pattern, lookup in _QUOTES:
                value = lookup(r)
                if value is None:
                    continue
                for m in re.finditer(pattern, sentence):
                    quote(number, sentence, m.group(0), what, where, value, int(m.group(1)))
            for kind, idx in _T4_TOTAL.items():
                value = _t4(*idx)(r)
                if value is None:
                    continue
                for m in re.finditer(rf"{kind}(?:案件|申请)?(?:共|合计)?{_N}{_U}", sentence):
                    quote(
                        number,
                        sentence,
                        m.group(0),
                        kind,
                        f"表四“{kind}”总计",
                        value,
                        int(m.group(1)),
                    )
                    scope = re.split(r"[；;。]|行政复议|行政诉讼", sentence[m.end() :])[0]
                    for p, (part, pat) in enumerate(_T4_PARTS):
                        part_value = _t4(*(i - 4 + p for i in idx))(r)
                        pm = re.search(rf"{pat}{_N}{_U}", scope)
                        if pm and part_value is not None:
                            quote(number, sentence, pm.group(0), f"{kind}{part}",
                                  f"表四“{kind}”“{part}”", part_value, int(pm.group(1)))  # fmt: skip
            for m in _NONE.finditer(sentence):
                for kind, idx in _T4_TOTAL.items():
                    value = _t4(*idx)(r)
                    if kind in m.group(1) and value and value[0]:
                        quote(number, sentence, m.group(0), kind, f"表四“{kind}”总计", value, 0)
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


def deadline_for(r: AnnualReport) -> dt.date | None:
    """第四十九条: departments by 31 January; a government's overall report by 31 March."""
    if not r.year:
        return None
    overall = r.unit.endswith("人民政府") and not re.search(
        r"(?:乡|镇|街道|办事处)人民政府$", r.unit
    )
    return dt.date(r.year + 1, 3, 31) if overall else dt.date(r.year + 1, 1, 31)


def check_deadline(r: AnnualReport, deadline: dt.date | None = None) -> list[Finding]:
    deadline = deadline or deadline_for(r)
    if r.published is None or deadline is None or r.published <= deadline:
        return []
    late = (r.published - deadline).days
    return [
        _finding(r, "annual-report-late", D, f"年度报告超期发布：应于 {deadline.isoformat()} 前公布，晚了 {late} 天",
                 "发布日期", f"发布日期 {r.published.isoformat()}；截止日期 {deadline.isoformat()}")
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
