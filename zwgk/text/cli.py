"""``zwgk text`` — 文稿检查 on the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from zwgk.text.check import check_lines, check_text
from zwgk.text.document import DocumentError, read_text


@click.group()
def text() -> None:
    """文稿检查：发布前查隐私泄露、严重表述错误和错别字。"""


@text.command("check")
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--lines", is_flag=True, help="逐行检查（每行一句或一条），结果带行号")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True
)
def check(file: str, lines: bool, fmt: str) -> None:
    """检查 FILE（txt、docx、pdf、html；- 为标准输入）。

    JSON 输出为数组，每项含 check、severity、message、wrong、suggested、start、end（字符位置），
    --lines 时另有 line（从 1 起）。有需要改的问题（不含“请核对”）时退出码为 1，文件读不了为 2。
    """
    try:
        if file == "-":
            body, name = sys.stdin.buffer.read(), "标准输入"
        else:
            path = Path(file)
            body, name = path.read_bytes(), path.name
        content = read_text(body, name)
    except OSError as exc:
        click.echo(f"错误：读不了 {file}：{exc.strerror or exc}", err=True)
        sys.exit(2)
    except DocumentError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(2)
    found = check_lines(content) if lines else check_text(content)
    if fmt == "json":
        click.echo(json.dumps([f.to_json() for f in found], ensure_ascii=False, indent=1))
    else:
        for f in found:
            where = f"第{f.line}行 " if f.line is not None else ""
            click.echo(f"{where}{f.start}-{f.end} [{f.action}] {f.check}：{f.message}")
        if not found:
            click.echo("未发现问题。")
    sys.exit(1 if any(f.check != "wording-suspect" for f in found) else 0)
