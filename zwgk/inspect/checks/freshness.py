"""freshness — 更新及时性: homepage freshness, per-column freshness (the latest date on a column's
list page against its rule), stale-column and blank-column counts against the veto thresholds.

Defaults (国办秘函〔2019〕19号): homepage not updated for 2 weeks → veto (a homepage with no visible
date counts as not updated); 动态/要闻 2 weeks, 通知公告/政策文件 6 months (180 days); 重点领域 one
item a quarter (92 days, local rule); ≥ 5 stale columns (动态 + first-level 通知公告/政策文件), or
≥ 10 stale columns of any kind, → veto; ≥ 5 blank columns → veto. Vendors warn earlier (local):
homepage 10 days, more than 2 blank columns."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import ColumnState, SiteCrawl
from zwgk.inspect.model import Finding, Severity

HOMEPAGE_VETO_DAYS = 14
HOMEPAGE_WARN_DAYS = 10
STALE_VETO = 5  # 动态/要闻 + first-level 通知公告/政策文件
STALE_ANY_VETO = 10
BLANK_VETO = 5
BLANK_WARN = 3  # vendors warn at more than 2
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


def stale_columns(crawl: SiteCrawl) -> list[ColumnState]:
    out = []
    parents = hubs(crawl)
    for st in crawl.columns.values():
        c = st.column
        if c.rule_days is None or not st.fetched or st.status != 200 or st.soft404 or st.blank:
            continue
        if st.latest is None:
            if st.main_text_len > 0 and c.url not in parents:
                out.append(st)
            continue
        if (crawl.today - st.latest).days > c.rule_days:
            out.append(st)
    return out


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    now = _now()
    base = {"site": ctx.site, "unit": ctx.unit, "detected_at": now}
    # Homepage
    if crawl.homepage_status == 200 and not crawl.homepage_soft404:
        dates = [d for d in crawl.homepage_dates if d <= ctx.today]
        if crawl.homepage_published and crawl.homepage_published <= ctx.today:
            dates.append(crawl.homepage_published)
        latest = max(dates) if dates else None
        days = (ctx.today - latest).days if latest else None
        if latest is None or days >= HOMEPAGE_WARN_DAYS:  # type: ignore[operator]
            veto = latest is None or days > HOMEPAGE_VETO_DAYS  # type: ignore[operator]
            out.append(
                Finding(
                    check="freshness-homepage",
                    severity=Severity.VETO if veto else Severity.WARNING,
                    url=crawl.homepage_url,
                    message=(
                        "首页没有可见的发布日期（视同未更新）"
                        if latest is None
                        else f"首页 {days} 天未更新（超过 {HOMEPAGE_VETO_DAYS} 天为单项否决）"
                        if veto
                        else f"首页 {days} 天未更新，接近 {HOMEPAGE_VETO_DAYS} 天否决线"
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
        days = (ctx.today - st.latest).days if st.latest else None
        out.append(
            Finding(
                check="freshness-column-stale",
                severity=Severity.DEDUCTION,
                url=c.url,
                message=(
                    f"栏目“{c.name}”{days} 天未更新（要求 {c.rule_days} 天内有更新）"
                    if days is not None
                    else f"栏目“{c.name}”页面上没有可识别的发布日期（视同未更新）"
                ),
                evidence=(
                    f"栏目类型：{TYPE_ZH.get(c.type, c.type)}；最新日期："
                    f"{st.latest.isoformat() if st.latest else '无'}；列表条目 {st.items} 条"
                ),
                title=c.name,
                data={
                    "column": c.name,
                    "type": c.type,
                    "rule_days": c.rule_days,
                    "latest": st.latest.isoformat() if st.latest else None,
                    "days": days,
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
                severity=Severity.DEDUCTION,
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
    if len(key) >= STALE_VETO or len(stale) >= STALE_ANY_VETO:
        out.append(
            Finding(
                check="freshness-stale-columns-veto",
                severity=Severity.VETO,
                url=crawl.homepage_url,
                message=(
                    f"栏目不更新：动态要闻类及通知公告、政策文件类栏目 {len(key)} 个未按时更新，"
                    f"未更新栏目共 {len(stale)} 个（{STALE_VETO} 个或共 {STALE_ANY_VETO} 个为单项否决）"
                ),
                evidence="、".join(st.column.name for st in stale[:30]),
                data={"key_stale": len(key), "stale": len(stale)},
                **base,
            )
        )
    if len(blank) >= BLANK_WARN:
        veto = len(blank) >= BLANK_VETO
        out.append(
            Finding(
                check="freshness-blank-columns-veto",
                severity=Severity.VETO if veto else Severity.WARNING,
                url=crawl.homepage_url,
                message=f"空白栏目 {len(blank)} 个（{BLANK_VETO} 个及以上为单项否决）",
                evidence="、".join(st.column.name for st in blank[:30]),
                data={"blank": len(blank)},
                **base,
            )
        )
    return out
