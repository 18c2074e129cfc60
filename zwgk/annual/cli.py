"""``zwgk report check``: check 政府信息公开工作年度报告 files and print findings.

The lead registers the group in ``zwgk/cli.py``: ``from zwgk.annual.cli import report`` and
``main.add_command(report)``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import click

from zwgk.inspect.model import SEVERITY_ZH, Finding, Severity

from .checks import Options, check_reports
from .model import FORMAT_ZH, SECTION_TITLES, AnnualReport, ReadError
from .parse import squeeze
from .readers import load_report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def report() -> None:
    """政府信息公开工作年度报告：自动检查。"""


@report.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--previous", "previous", multiple=True, type=click.Path(dir_okay=False),
              help="上一年度的报告（核对结转数、检查与往年雷同）；多个单位时按单位名称对应")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式：text 中文摘要，json 检查发现列表")  # fmt: skip
@click.option("--similarity", type=click.FloatRange(0.05, 1.0), default=0.5, show_default=True,
              help="雷同阈值：正文相同部分所占比例")  # fmt: skip
def check(files: tuple[str, ...], previous: tuple[str, ...], fmt: str, similarity: float) -> None:
    """检查年度报告：六个部分、表格数据勾稽关系、正文与表格是否一致、结转数、发布时间和雷同。

    FILE 可以是网页（.html）、PDF、从 PDF 提取的文字（.txt）或 Word（.docx）。
    退出码：0 没有扣分项；1 有扣分项；2 有文件无法读取。
    """
    unreadable = 0
    reports: list[AnnualReport] = []
    for path in files:
        try:
            reports.append(load_report(path))
        except ReadError as exc:
            unreadable += 1
            click.echo(f"错误：{exc}", err=True)
    before: list[AnnualReport] = []
    for path in previous:
        try:
            before.append(load_report(path))
        except ReadError as exc:
            unreadable += 1
            click.echo(f"错误：上一年度报告{exc}", err=True)
    pairs = _pair(reports, before)
    findings = check_reports(reports, pairs, Options(similarity=similarity))
    if fmt == "json":
        flat = [f.to_json() for r in reports for f in findings[r.source]]
        click.echo(json.dumps(flat, ensure_ascii=False, indent=2, default=str))
    else:
        for r in reports:
            click.echo(summary(r, findings[r.source], pairs.get(r.source)))
    if unreadable:
        sys.exit(2)
    weighty = (Severity.VETO, Severity.DEDUCTION)
    sys.exit(1 if any(f.severity in weighty for fs in findings.values() for f in fs) else 0)


def _pair(reports: list[AnnualReport], before: list[AnnualReport]) -> dict[str, AnnualReport]:
    if len(reports) == 1 and len(before) == 1:
        return {reports[0].source: before[0]}
    pairs = {}
    for prev in before:
        # a joint name keeps a space between its bodies in one year's text and not in another's
        match = [r for r in reports if r.unit and squeeze(r.unit) == squeeze(prev.unit)]
        if match:
            pairs[match[0].source] = prev
        else:
            click.echo(
                f"提示：上一年度报告 {prev.source}（{prev.unit or '单位不明'}）没有对应的本年报告，未使用",
                err=True,
            )
    return pairs


def summary(r: AnnualReport, findings: list[Finding], previous: AnnualReport | None) -> str:
    """A readable Chinese summary of one report and its findings."""
    lines = [f"== {r.name}（{r.source}）"]
    if r.text.strip():
        missing = "、".join(SECTION_TITLES[k] for k in SECTION_TITLES if k not in r.sections)
        rows = len(r.table3.rows) if r.table3 else 0
        cells = len(r.table4.cells) if r.table4 else 0
        lines.append(
            f"   格式：{FORMAT_ZH.get(r.format or '', '未识别')}；部分 {len(r.sections)}/6{f'（缺：{missing}）' if missing else ''}；"
            f"表二 {len(r.table2)} 行；表三 {rows} 行；表四 {cells} 个数据"
            + (f"；发布日期 {r.published.isoformat()}" if r.published else "")
        )
    if previous is not None:
        lines.append(f"   对照上一年度：{previous.name}（{previous.source}）")
    if not findings:
        lines.append("   未发现问题。")
        return "\n".join(lines) + "\n"
    counts = Counter(f.severity for f in findings)
    lines.append(
        "   发现 "
        + "，".join(f"{SEVERITY_ZH[s]} {counts[s]} 项" for s in Severity if counts[s])
        + "："
    )
    for f in findings:
        lines.append(f"   [{SEVERITY_ZH[f.severity]}] {f.location}：{f.message}")
        if f.evidence:
            lines.append(f"          {f.evidence[:200]}")
    return "\n".join(lines) + "\n"
