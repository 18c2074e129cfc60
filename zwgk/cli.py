"""The ``zwgk`` command line: check and show schemes, score a round, explain a unit's score."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from zwgk.annual.cli import report as annual_report
from zwgk.demo import run_demo
from zwgk.devtools.cli import demo_site
from zwgk.inspect.cli import inspect
from zwgk.report.explain import explain_unit
from zwgk.report.ranking import render_ranking
from zwgk.report.results import to_csv, to_json, unit_dict, write_xlsx
from zwgk.report.scheme import render_tree
from zwgk.rubric import InputError, fmt, load_scheme
from zwgk.rubric.draft import draft_rule
from zwgk.rubric.exporter import export_scheme
from zwgk.rubric.importer import import_scheme, render_review
from zwgk.rubric.yamlout import dump_scheme
from zwgk.scoring import load_facts, load_units, score
from zwgk.text.cli import text
from zwgk.workdays_cli import workdays


def _fail(exc: InputError) -> None:
    click.echo(f"错误：共 {len(exc.problems)} 处问题，文件未被采用。", err=True)
    for problem in exc.problems:
        click.echo(f"  {problem}", err=True)
    sys.exit(1)


def _out(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"已写入 {out}", err=True)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zwgk")
def main() -> None:
    """zwgk — 政务公开工作考核：考核方案、计分、网上检查与通报。"""


@main.group()
def scheme() -> None:
    """考核方案：检查、显示。"""


@scheme.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def scheme_check(files: tuple[str, ...]) -> None:
    """检查方案文件；有错误的文件整体拒绝，并指出文件、行号和原因。"""
    failed = 0
    for path in files:
        try:
            index = load_scheme(path)
        except InputError as exc:
            failed += 1
            click.echo(f"✗ {path}：{len(exc.problems)} 处问题", err=True)
            for problem in exc.problems:
                click.echo(f"  {problem}", err=True)
            continue
        leaves = sum(len(v) for v in index.leaves.values())
        tables = "；".join(
            f"{t.title}（{'、'.join(t.classes)} 类）{fmt(index.table_total(t))} 分"
            for t in index.scheme.tables
        )
        click.echo(f"✓ {path}：{index.scheme.title}，{leaves} 个末级指标；{tables}")
    if failed:
        sys.exit(1)


@scheme.command("show")
@click.argument("file", type=click.Path(dir_okay=False))
def scheme_show(file: str) -> None:
    """按一级/二级/三级显示指标树和分值。"""
    try:
        index = load_scheme(file)
    except InputError as exc:
        _fail(exc)
    click.echo(render_tree(index), nl=False)


@scheme.command("draft-rule")
@click.option(
    "--json", "as_json", is_flag=True, help="输出一个 JSON 对象（字段见 docs/scheme.md）。"
)
@click.option("--bonus", "bonus_text", default=None, help="加分标准一栏的文字（可选）。")
@click.argument("text")
def scheme_draft_rule(text: str, bonus_text: str | None, as_json: bool) -> None:
    """把一句扣分/加分标准起草成结构化规则；含糊之处标为需人工复核，不作猜测。"""
    rule = draft_rule(text, bonus_text)
    summary = rule.summary()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
        return
    click.echo(render_drafted(rule, summary), nl=False)


def render_drafted(rule, summary: dict) -> str:
    """The drafted rule of one sentence, in Chinese, for a person to read."""
    lines = []
    for fault in rule.faults:
        if fault.amount is None:
            continue
        each = f"每{fault.per or '次'}" if fault.per_occurrence else "一次性"
        cap = f"，上限 {fmt(fault.cap)} 分" if fault.cap is not None else ""
        lines.append(
            f"扣分：{fault.text or '（未写明情形）'} —— {each}扣 {fmt(fault.amount)} 分{cap}"
        )
    for bonus in rule.bonuses:
        each = f"每{bonus.per or '次'}" if bonus.per_occurrence else "一次性"
        cap = f"，上限 {fmt(bonus.cap)} 分" if bonus.cap is not None else ""
        lines.append(
            f"加分：{bonus.text or '（未写明情形）'} —— {each}加 {fmt(bonus.amount)} 分{cap}"
        )
    if rule.zeroes_item:
        lines.append("不得分：出现所述情形时本项得 0 分")
    if rule.deduction_cap is not None:
        lines.append(f"扣分上限：{fmt(rule.deduction_cap)} 分")
    if rule.bonus_cap is not None:
        lines.append(f"加分上限：{fmt(rule.bonus_cap)} 分")
    if rule.range is not None:
        lines.append(f"区间评分：{fmt(rule.range[0])} ～ {fmt(rule.range[1])} 分")
    if not lines:
        lines.append("未识别出扣分、加分或区间规则。")
    if summary["needs_review"]:
        lines.append("需人工复核：" + ("；".join(rule.reasons) or "句中有未能结构化的内容"))
    else:
        lines.append("无需人工复核。")
    return "\n".join(lines) + "\n"


@scheme.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--out", "out", type=click.Path(dir_okay=False), help="方案 YAML 写到此文件（默认输出到屏幕）。"
)
def scheme_import(file: str, out: str | None) -> None:
    """从办公室现有的 Excel/Word 评分表导入方案，并列出需人工复核的指标。"""
    try:
        result = import_scheme(file)
    except InputError as exc:
        _fail(exc)
    text = dump_scheme(result.scheme_dict)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"已写入 {out}", err=True)
    else:
        click.echo(text, nl=False)
    click.echo(render_review(result), err=True, nl=False)


@scheme.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--to", "to", required=True, type=click.Path(dir_okay=False), help="目标文件：.xlsx 或 .docx。"
)
def scheme_export(file: str, to: str) -> None:
    """把方案导出为常见的评分表（.xlsx 或 .docx，A4 横向），附空白的单位评分表。"""
    if Path(to).suffix.lower() not in (".xlsx", ".docx"):
        click.echo(f"错误：{to}：只能导出为 .xlsx 或 .docx。", err=True)
        sys.exit(1)
    try:
        index = load_scheme(file)
    except InputError as exc:
        _fail(exc)
    export_scheme(index, to)
    click.echo(f"已导出 {to}", err=True)


def _load_round(scheme_path: str, units_path: str, facts_paths: tuple[str, ...]):
    try:
        index = load_scheme(scheme_path)
        units = load_units(units_path)
        facts = load_facts(list(facts_paths), index, units)
    except InputError as exc:
        _fail(exc)
    return score(index, units, facts)


def _round_options(f):
    f = click.option(
        "--facts",
        "facts",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="事实文件（YAML 或 CSV），可多次给出；不给则没有任何扣分",
    )(f)
    f = click.option(
        "--units", required=True, type=click.Path(dir_okay=False), help="单位名单（YAML 或 CSV）"
    )(f)
    f = click.option(
        "--scheme",
        "scheme_path",
        required=True,
        type=click.Path(dir_okay=False),
        help="考核方案 YAML",
    )(f)
    return f


@main.command("score")
@_round_options
@click.option(
    "--format",
    "fmt_",
    type=click.Choice(["table", "json", "csv", "xlsx"]),
    default="table",
    show_default=True,
)
@click.option("--out", type=click.Path(dir_okay=False), help="输出文件；xlsx 必须给出")
def score_cmd(
    scheme_path: str, units: str, facts: tuple[str, ...], fmt_: str, out: str | None
) -> None:
    """计算各单位得分、等次和类内排名。"""
    result = _load_round(scheme_path, units, facts)
    if fmt_ == "json":
        _out(to_json(result), out)
    elif fmt_ == "csv":
        _out(to_csv(result), out)
    elif fmt_ == "xlsx":
        if not out:
            raise click.UsageError("--format xlsx 需要 --out 文件名.xlsx")
        write_xlsx(result, out)
        click.echo(f"已写入 {out}", err=True)
    else:
        _out(render_ranking(result), out)


@main.command("explain")
@_round_options
@click.option("--unit", "unit_name", required=True, help="单位名称")
@click.option("--all", "show_all", is_flag=True, help="列出全部指标，包括满分的")
@click.option(
    "--format", "fmt_", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def explain_cmd(
    scheme_path: str, units: str, facts: tuple[str, ...], unit_name: str, show_all: bool, fmt_: str
) -> None:
    """说明一个单位每一分的得失及其依据。"""
    result = _load_round(scheme_path, units, facts)
    try:
        unit = result.unit(unit_name)
    except KeyError:
        names = "、".join(u.unit for u in result.units[:10])
        click.echo(f"错误：单位名单中没有 “{unit_name}”（例如：{names}…）", err=True)
        sys.exit(1)
    if fmt_ == "json":
        click.echo(json.dumps(unit_dict(unit), ensure_ascii=False, indent=2))
    else:
        click.echo(explain_unit(result, unit, show_all), nl=False)


@main.command("demo")
@click.option("--out", default="out/demo", show_default=True, type=click.Path(file_okay=False))
def demo_cmd(out: str) -> None:
    """演示：用种子方案 000（XX区2023）和演示数据计分，输出排名、说明和 Excel。"""
    run_demo(Path(out))


# Command groups that live beside their code.
main.add_command(annual_report, "report")
main.add_command(inspect, "inspect")
main.add_command(demo_site, "demo-site")
main.add_command(workdays, "workdays")
main.add_command(text, "text")

if __name__ == "__main__":  # pragma: no cover
    main()
