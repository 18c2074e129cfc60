"""Output writers: ``findings.json`` (the stable array, see ``docs/inspect.md``), ``report.html``
(one section per site, like a Lighthouse report: summary, vetoes first, every problem with its
evidence and a link; inline CSS, nothing from a CDN) and ``findings.xlsx`` (the columns of a
vendor's 错敏词 export)."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwgk.inspect.checks.catalogue import catalogue, title_of
from zwgk.inspect.model import SEVERITY_ZH, Finding, Severity

if TYPE_CHECKING:
    from zwgk.inspect.crawl import SiteCrawl
    from zwgk.inspect.run import SiteResult

XLSX_COLUMNS = (
    "错敏词",
    "推荐修改",
    "所在上下文",
    "所在文章链接",
    "所在文章标题",
    "网站名称",
    "网站标识码",
    "发布时间",
    "问题类型",
    "问题级别",
    "父页面地址",
)


def findings_json(results: list[SiteResult]) -> list[dict[str, Any]]:
    return [f.to_json() for r in results for f in r.findings]


def write_json(results: list[SiteResult], path: Path) -> None:
    path.write_text(
        json.dumps(findings_json(results), ensure_ascii=False, indent=1), encoding="utf-8"
    )


def write_xlsx(results: list[SiteResult], path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "检查结果"
    ws.append(XLSX_COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in results:
        for f in r.findings:
            ws.append(
                [
                    f.wrong or "",
                    f.suggested or "",
                    f.evidence,
                    f.url,
                    f.title or "",
                    f.site,
                    r.site.site_id or "",
                    f.published.isoformat() if f.published else "",
                    title_of(f.check),
                    SEVERITY_ZH[f.severity],
                    f.referrer or "",
                ]
            )
    for col, width in zip("ABCDEFGHIJK", (14, 14, 60, 50, 30, 20, 14, 12, 18, 10, 50), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#202124}
header{background:#1a4b8c;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85;font-size:13px}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
section.site{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);margin:20px 0;padding:20px 28px}
h2{margin:0 0 4px;font-size:20px}h3{font-size:16px;margin:22px 0 8px;border-bottom:1px solid #e0e0e0;padding-bottom:4px}
.meta{color:#5f6368;font-size:13px}
.gauges{display:flex;gap:18px;margin:16px 0}
.gauge{flex:1;text-align:center;border-radius:8px;padding:12px;border:1px solid #e0e0e0}
.gauge b{display:block;font-size:30px}
.veto b{color:#c5221f}.deduction b{color:#e37400}.warning b{color:#5f6368}.pass b{color:#188038}
.verdict{font-size:15px;font-weight:bold;padding:8px 12px;border-radius:6px;display:inline-block}
.verdict.bad{background:#fce8e6;color:#c5221f}.verdict.good{background:#e6f4ea;color:#188038}
details{border-left:4px solid #dadce0;margin:6px 0;padding:6px 12px;background:#fafafa}
details.veto{border-color:#c5221f}details.deduction{border-color:#e37400}
summary{cursor:pointer;font-weight:bold}summary .n{color:#5f6368;font-weight:normal}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:6px}
td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top;word-break:break-all}
th{background:#f1f3f4}.ev{color:#3c4043}.why{color:#5f6368;font-size:12px;margin:4px 0}
.stats td{border:none;padding:2px 12px 2px 0}
"""


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _link(url: str | None) -> str:
    if not url:
        return ""
    return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(url)}</a>'


def _script_lists(c: SiteCrawl) -> str:
    """What was read beyond plain HTML lists (script pagers, data feeds, rendering)."""
    parts = []
    if c.script_pages:
        parts.append(f"脚本翻页列表页 {c.script_pages} 个")
    if c.feed_requests:
        failed = f"（失败 {c.feed_failures} 次）" if c.feed_failures else ""
        parts.append(f"数据代理/数据接口请求 {c.feed_requests} 次{failed}")
    if c.rendered:
        parts.append(f"浏览器渲染 {c.rendered} 页，每页 {c.render_seconds / c.rendered:.1f} 秒")
    if c.render_error:
        parts.append(f"浏览器渲染未完成：{c.render_error}")
    if not parts:
        return ""
    return f"<tr><td>脚本生成的列表</td><td>{_e('；'.join(parts))}</td></tr>"


def site_section(r: SiteResult) -> str:
    counts = Counter(f.severity for f in r.findings)
    vetoes = counts[Severity.VETO]
    c = r.crawl
    verdict = (
        f'<span class="verdict bad">有 {vetoes} 项单项否决问题</span>'
        if vetoes
        else '<span class="verdict good">未发现单项否决问题</span>'
    )
    gauges = "".join(
        f'<div class="gauge {cls}"><b>{n}</b>{label}</div>'
        for cls, n, label in (
            ("veto", vetoes, "单项否决"),
            ("deduction", counts[Severity.DEDUCTION], "扣分"),
            ("warning", counts[Severity.WARNING], "提示"),
            ("pass", c.pages, "已检查页面"),
        )
    )
    stats = (
        f'<table class="stats"><tr><td>首页</td><td>{_link(c.homepage_url)}</td></tr>'
        f"<tr><td>页面 / 附件</td><td>{c.pages} / {c.attachments}"
        f"（附件未能提取 {c.not_extracted}）</td></tr>"
        f"<tr><td>栏目</td><td>{len(c.columns)} 个</td></tr>"
        f"<tr><td>外部链接检查</td><td>{c.external_checked} 个</td></tr>"
        + _script_lists(c)
        + f"<tr><td>用时</td><td>{c.elapsed:.1f} 秒</td></tr>"
        + (
            "<tr><td>未抓取</td><td>"
            + "；".join(f"{_e(k)} {v}" for k, v in c.skipped.most_common())
            + "</td></tr>"
            if c.skipped
            else ""
        )
        + (
            f"<tr><td>已排除</td><td>{r.dismissed} 条（按排除名单）</td></tr>"
            if r.dismissed
            else ""
        )
        + "</table>"
    )
    parts = [
        f'<section class="site"><h2>{_e(r.site.name)}</h2>'
        f'<div class="meta">单位：{_e(r.site.unit)}'
        + (f"　网站标识码：{_e(r.site.site_id)}" if r.site.site_id else "")
        + f"</div><p>{verdict}</p><div class=gauges>{gauges}</div>{stats}"
    ]
    for sev in (Severity.VETO, Severity.DEDUCTION, Severity.WARNING):
        group = [f for f in r.findings if f.severity == sev]
        if not group:
            continue
        parts.append(f"<h3>{SEVERITY_ZH[sev]}（{len(group)}）</h3>")
        by_check: dict[str, list[Finding]] = {}
        for f in group:
            by_check.setdefault(f.check, []).append(f)
        for check, items in by_check.items():
            entry = catalogue().get(check)
            rows = "".join(
                f"<tr><td>{_e(f.message)}</td><td class=ev>{_e(f.evidence)}"
                + (f"<br>建议：{_e(f.wrong)} → {_e(f.suggested)}" if f.wrong else "")
                + f"</td><td>{_link(f.url)}"
                + (f"<br>引用页面：{_link(f.referrer)}" if f.referrer else "")
                + "</td></tr>"
                for f in items[:500]
            )
            more = (
                f"<p class=meta>另有 {len(items) - 500} 条见 findings.json</p>"
                if len(items) > 500
                else ""
            )
            parts.append(
                f'<details class="{sev.value}"{" open" if sev == Severity.VETO else ""}>'
                f'<summary>{_e(title_of(check))} <span class="n">{_e(check)} · {len(items)} 条</span></summary>'
                + (f'<p class="why">{_e(entry.why)}</p>' if entry and entry.why else "")
                + f"<table><tr><th>问题</th><th>证据</th><th>位置</th></tr>{rows}</table>{more}</details>"
            )
    if not r.findings:
        parts.append("<p>没有发现问题。</p>")
    if r.check_errors:
        parts.append(
            '<p class="meta">检查程序出错（已跳过相应页面）：'
            + "；".join(f"{_e(k)} {v} 次" for k, v in r.check_errors.items())
            + "</p>"
        )
    parts.append("</section>")
    return "".join(parts)


def write_html(results: list[SiteResult], path: Path, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    sites = sorted(results, key=lambda r: -sum(f.severity == Severity.VETO for f in r.findings))
    doc = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>网上检查报告 {today.isoformat()}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>政府网站网上检查报告</h1><p>检查日期：{today.isoformat()}　"
        f"网站 {len(results)} 个　问题 {sum(len(r.findings) for r in results)} 条</p></header>"
        "<main>" + "".join(site_section(r) for r in sites) + "</main></body></html>"
    )
    path.write_text(doc, encoding="utf-8")


def write_all(results: list[SiteResult], out: Path, today: dt.date | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "findings.json", out / "report.html", out / "findings.xlsx"]
    write_json(results, paths[0])
    write_html(results, paths[1], today)
    write_xlsx(results, paths[2])
    return paths
