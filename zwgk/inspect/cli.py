"""The ``zwgk inspect`` command (registered on ``zwgk`` by ``zwgk.cli``); the test world's
``demo-site`` command lives in ``zwgk.devtools.cli``."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from zwgk.inspect.config import ConfigError, config_for_url, load_config


@click.command("inspect")
@click.argument("config", required=False, type=click.Path(dir_okay=False, exists=True))
@click.option("--url", help="只检查一个网站（默认设置，自动识别栏目），不用配置文件")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="输出目录")
@click.option("--quiet", is_flag=True, help="不显示进度（用于定时任务）")
@click.option("--cache", "cache", type=click.Path(file_okay=False), help="缓存目录（增量检查）")
@click.option("--today", help="检查日期 YYYY-MM-DD（默认今天）")
@click.option("--max-pages", type=int, help="每个网站最多抓取的页面数")
@click.option(
    "--binding",
    type=click.Path(dir_okay=False, exists=True),
    help="检查项与考核指标的对应文件：另写出待确认的考核事实 pending-facts.yaml",
)
def inspect(config, url, out, quiet, cache, today, max_pages, binding) -> None:
    """网上检查：抓取网站，检查栏目更新、链接、隐私、错别字、要素，输出 findings.json、report.html、findings.xlsx。"""
    from dataclasses import replace

    from zwgk.inspect.output import write_all
    from zwgk.inspect.run import inspect_config, run_async

    if bool(config) == bool(url):
        raise click.UsageError("请给出配置文件 CONFIG 或 --url 首页地址（二选一）")
    try:
        cfg = load_config(config) if config else config_for_url(url)
    except ConfigError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(1)
    if today:
        cfg = replace(cfg, today=dt.date.fromisoformat(today))
    if max_pages:
        cfg = replace(
            cfg,
            sites=tuple(
                replace(s, settings=replace(s.settings, max_pages=max_pages)) for s in cfg.sites
            ),
        )
    if cache is None and config:
        cache = str(Path(config).resolve().parent / ".zwgk-cache")
    show = not quiet and sys.stderr.isatty()
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
        )

        def factory(site):
            task = progress.add_task(site.name, total=None)
            return lambda done, total: progress.update(task, completed=done, total=total)

        with progress:
            results = run_async(inspect_config(cfg, factory, cache))
    else:
        results = run_async(inspect_config(cfg, None, cache))
    paths = write_all(results, Path(out), cfg.today)
    if binding:
        from zwgk.inspect.assess import BindingError, load_bindings, write_facts
        from zwgk.inspect.output import findings_json

        try:
            bound = load_bindings(binding)
        except BindingError as exc:
            click.echo(f"错误：{exc}", err=True)
            sys.exit(1)
        facts_path = Path(out) / "pending-facts.yaml"
        n, unbound = write_facts(findings_json(results), bound, facts_path)
        paths.append(facts_path)
        if not quiet:
            click.echo(f"待确认考核事实 {n} 条（未对应指标的发现 {unbound} 条）")
    if not quiet:
        for r in results:
            counts = {
                s: sum(f.severity.value == s for f in r.findings)
                for s in ("veto", "deduction", "warning")
            }
            click.echo(
                f"{r.site.name}：页面 {r.crawl.pages}，附件 {r.crawl.attachments}，"
                f"单项否决 {counts['veto']}，扣分 {counts['deduction']}，提示 {counts['warning']}"
                f"（{r.crawl.elapsed:.1f} 秒）"
            )
        click.echo("已写入 " + "、".join(str(p) for p in paths))
