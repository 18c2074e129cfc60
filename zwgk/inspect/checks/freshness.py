"""freshness — 更新及时性: homepage freshness, per-column freshness (the newest date of a column's
records against its rule), stale-column and blank-column counts against the veto thresholds.

A column's newest date comes from its records wherever they live: the list page and its
script-built further pages, a Hanweb datastore and its dataproxy pages, a JSON feed, a rendered
list, and — when the list shows no date at all — the publication dates of the articles it lists.
A column where none of these gives a date is not stale by default: it gets
``freshness-column-undated`` (a warning to confirm, saying why), never a stale-column deduction,
and it does not count towards the veto.

Defaults (国办秘函〔2019〕19号, thresholds in the catalogue): homepage not updated for 2 weeks →
veto (a homepage with no visible date counts as not updated); 动态/要闻 2 weeks, 通知公告/政策文件
6 months (180 days); 重点领域 one item a quarter (92 days, local rule); ≥ 5 stale columns (动态 +
first-level 通知公告/政策文件), or ≥ 10 stale columns of any kind, → veto; ≥ 5 blank columns →
veto. Vendors warn earlier (local): homepage 10 days, more than 2 blank columns."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.checks.catalogue import info, thresholds
from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import ColumnState, SiteCrawl
from zwgk.inspect.model import Finding, Severity

CHECK_IDS = (
    "freshness-homepage",
    "freshness-column-stale",
    "freshness-column-undated",
    "freshness-column-blank",
    "freshness-stale-columns-veto",
    "freshness-blank-columns-veto",
)
TYPE_ZH = {
    "dynamic": "动态要闻类",
    "notice": "通知公告类",
    "policy": "政策文件类",
    "key_area": "重点领域",
    "guide": "信息公开指南",
    "org_functions": "机构职能",
    "annual_report": "年报",
    "other": "其他",
}


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def hubs(crawl: SiteCrawl) -> set[str]:
    """Columns whose page only leads to sub-columns (重点领域 → 财政预决算 …)."""
    return {st.column.parent for st in crawl.columns.values() if st.column.parent}


def _ruled(crawl: SiteCrawl) -> list[ColumnState]:
    """Columns with a freshness rule whose page opened (neither blank nor a hub)."""
    parents = hubs(crawl)
    return [
        st
        for st in crawl.columns.values()
        if st.column.rule_days is not None
        and st.fetched
        and st.status == 200
        and not st.soft404
        and not st.blank
        and st.column.url not in parents
    ]


def stale_columns(crawl: SiteCrawl) -> list[ColumnState]:
    """Columns whose newest record is older than their rule (a column with no date is not one)."""
    return [
        st
        for st in _ruled(crawl)
        if st.newest is not None and (crawl.today - st.newest).days > st.column.rule_days
    ]


def undated_columns(crawl: SiteCrawl) -> list[ColumnState]:
    """Columns with content but no date anywhere in their records: to be confirmed by a person."""
    return [st for st in _ruled(crawl) if st.newest is None and st.main_text_len > 0]


def why_undated(st: ColumnState) -> str:
    if not st.records and st.scripted:
        return (
            "栏目列表由页面脚本生成，未能读出条目；请打开栏目确认，"
            "或在配置中为该栏目开启浏览器渲染（render）或指定数据接口（json_api）"
        )
    if not st.records:
        return "栏目页面上没有识别出列表条目；请打开栏目确认"
    read = "，".join(SOURCE_ZH.get(s, s) for s in sorted(st.sources)) or "列表页"
    articles = (
        f"所列文章 {st.articles_read} 篇也没有发布日期"
        if st.articles_read
        else "所列文章未能抓取（页面上限或无法打开）"
    )
    return f"从{read}读到记录 {st.records} 条，均无可识别的日期，{articles}；请打开栏目确认"


SOURCE_ZH = {
    "html": "列表页",
    "pages": "脚本翻页",
    "datastore": "数据仓库记录",
    "dataproxy": "数据代理翻页",
    "json": "数据接口",
    "render": "浏览器渲染",
}


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    now = _now()
    base = {"site": ctx.site, "unit": ctx.unit, "detected_at": now}
    home_t = thresholds("freshness-homepage")
    veto_days, warn_days = int(home_t["veto_days"]), int(home_t["warn_days"])
    # Homepage
    if crawl.homepage_status == 200 and not crawl.homepage_soft404:
        dates = [d for d in crawl.homepage_dates if d <= ctx.today]
        if crawl.homepage_published and crawl.homepage_published <= ctx.today:
            dates.append(crawl.homepage_published)
        latest = max(dates) if dates else None
        days = (ctx.today - latest).days if latest else None
        if latest is None or days >= warn_days:  # type: ignore[operator]
            veto = latest is None or days > veto_days  # type: ignore[operator]
            out.append(
                Finding(
                    check="freshness-homepage",
                    severity=info("freshness-homepage").severity if veto else Severity.WARNING,
                    url=crawl.homepage_url,
                    message=(
                        "首页没有可见的发布日期（视同未更新）"
                        if latest is None
                        else f"首页 {days} 天未更新（超过 {veto_days} 天为单项否决）"
                        if veto
                        else f"首页 {days} 天未更新，接近 {veto_days} 天否决线"
                    ),
                    evidence=f"首页最新日期：{latest.isoformat() if latest else '无'}",
                    data={"latest": latest.isoformat() if latest else None, "days": days},
                    **base,
                )
            )
    # Columns
    stale = stale_columns(crawl)
    for st in stale:
        c = st.column
        latest = st.newest
        assert latest is not None
        days = (ctx.today - latest).days
        read = "、".join(SOURCE_ZH.get(s, s) for s in sorted(st.sources)) or "列表页"
        out.append(
            Finding(
                check="freshness-column-stale",
                severity=info("freshness-column-stale").severity,
                url=c.url,
                message=f"栏目“{c.name}”{days} 天未更新（要求 {c.rule_days} 天内有更新）",
                evidence=(
                    f"栏目类型：{TYPE_ZH.get(c.type, c.type)}；最新日期：{latest.isoformat()}"
                    f"{'（文章页发布日期）' if st.latest is None else ''}；"
                    f"记录 {st.records} 条（{read}）"
                ),
                title=c.name,
                data={
                    "column": c.name,
                    "type": c.type,
                    "rule_days": c.rule_days,
                    "latest": latest.isoformat(),
                    "days": days,
                    "first_level": c.first_level,
                    "records": st.records,
                    "sources": sorted(st.sources),
                },
                **base,
            )
        )
    for st in undated_columns(crawl):
        c = st.column
        why = why_undated(st)
        out.append(
            Finding(
                check="freshness-column-undated",
                severity=info("freshness-column-undated").severity,
                url=c.url,
                message=f"栏目“{c.name}”未找到发布日期，是否按时更新待人工确认（不计为栏目不更新）",
                evidence=f"栏目类型：{TYPE_ZH.get(c.type, c.type)}；{why}",
                title=c.name,
                data={
                    "column": c.name,
                    "type": c.type,
                    "rule_days": c.rule_days,
                    "records": st.records,
                    "sources": sorted(st.sources),
                    "scripted": st.scripted,
                    "why": why,
                    "first_level": c.first_level,
                },
                **base,
            )
        )
    parents = hubs(crawl)
    blank = [
        st
        for st in crawl.columns.values()
        if st.fetched and st.blank and st.column.url not in parents
    ]
    for st in blank:
        c = st.column
        out.append(
            Finding(
                check="freshness-column-blank",
                severity=info("freshness-column-blank").severity,
                url=c.url,
                message=f"空白栏目：“{c.name}”没有任何内容",
                evidence=f"栏目页面无列表条目，正文 {st.main_text_len} 字",
                title=c.name,
                data={"column": c.name, "type": c.type},
                **base,
            )
        )
    key = [
        st
        for st in stale
        if st.column.type == "dynamic"
        or (st.column.type in ("notice", "policy") and st.column.first_level)
    ]
    stale_t = thresholds("freshness-stale-columns-veto")
    key_veto, any_veto = int(stale_t["key_stale_columns"]), int(stale_t["any_stale_columns"])
    if len(key) >= key_veto or len(stale) >= any_veto:
        out.append(
            Finding(
                check="freshness-stale-columns-veto",
                severity=info("freshness-stale-columns-veto").severity,
                url=crawl.homepage_url,
                message=(
                    f"栏目不更新：动态要闻类及通知公告、政策文件类栏目 {len(key)} 个未按时更新，"
                    f"未更新栏目共 {len(stale)} 个（{key_veto} 个或共 {any_veto} 个为单项否决）"
                ),
                evidence="、".join(st.column.name for st in stale[:30]),
                data={"key_stale": len(key), "stale": len(stale)},
                **base,
            )
        )
    blank_t = thresholds("freshness-blank-columns-veto")
    blank_veto, blank_warn = int(blank_t["veto"]), int(blank_t["warn"])
    if len(blank) >= blank_warn:
        veto = len(blank) >= blank_veto
        out.append(
            Finding(
                check="freshness-blank-columns-veto",
                severity=(
                    info("freshness-blank-columns-veto").severity if veto else Severity.WARNING
                ),
                url=crawl.homepage_url,
                message=f"空白栏目 {len(blank)} 个（{blank_veto} 个及以上为单项否决）",
                evidence="、".join(st.column.name for st in blank[:30]),
                data={"blank": len(blank)},
                **base,
            )
        )
    return out
