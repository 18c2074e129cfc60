"""The ``zwgk demo-site`` command: serve the generated test world and write its manifest and the
matching inspection configuration."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import yaml

from zwgk.devtools.demo_server import serve_forever
from zwgk.devtools.demo_site import DemoSite, site_entry


@click.command("demo-site")
@click.option("--pages", default=500, show_default=True, help="页面数（几百到 100000）")
@click.option("--port", default=8000, show_default=True)
@click.option("--seed", default=1, show_default=True)
@click.option("--manifest", type=click.Path(dir_okay=False), help="写出埋设问题清单（JSON）")
@click.option("--config", "config_out", type=click.Path(dir_okay=False), help="写出对应的检查配置")
@click.option("--today", help="网站的“今天” YYYY-MM-DD（默认今天）")
@click.option("--traps", is_flag=True, help="加入无尽日历页面（爬虫陷阱）")
@click.option("--no-serve", is_flag=True, help="只写出清单和配置，不启动服务")
@click.option(
    "--no-render",
    is_flag=True,
    help="配置和清单按不开启浏览器渲染写出（脚本生成的专题栏目无法读取）",
)
def demo_site(pages, port, seed, manifest, config_out, today, traps, no_serve, no_render) -> None:
    """演示网站：按种子生成一个政府网站（含埋设的问题），在 127.0.0.1 上提供服务。"""
    day = dt.date.fromisoformat(today) if today else None
    site = DemoSite(pages, seed, day, base=f"http://127.0.0.1:{port}", traps=traps)
    m = site.manifest(render=not no_render)
    if manifest:
        Path(manifest).write_text(json.dumps(m, ensure_ascii=False, indent=1), encoding="utf-8")
    if config_out:
        Path(config_out).write_text(demo_config(m, render=not no_render), encoding="utf-8")
    click.echo(
        f"演示网站：{site.url('/')}（约 {m['pages']} 个页面，埋设问题 {len(m['defects'])} 处）"
        + ("" if no_serve else "，按 Ctrl+C 停止"),
        err=True,
    )
    if not no_serve:
        serve_forever(site, port)


def demo_config(m: dict, settings: dict | None = None, render: bool = True) -> str:
    """The inspection configuration (YAML) of a served demo site, from its manifest: discovery,
    and rendering for the column only a browser can read (``render``)."""
    doc = {
        "settings": settings or {"rate": 0, "concurrency": 16},
        "sites": [site_entry(m, render)],
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
