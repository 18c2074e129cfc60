"""links — 链接可用性: dead links (HTTP ≥ 400, no answer, too many redirects, soft 404), one finding
per dead target with its referring pages; homepage links apart from the rest, internal apart from
external. Older rules (2015) deducted 1 point per dead link on the homepage, 0.1 elsewhere."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import SiteCrawl
from zwgk.inspect.model import Finding, Severity


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    out = []
    now = dt.datetime.now().replace(microsecond=0)
    for url, dead in sorted(crawl.dead.items()):
        refs = crawl.referrers.get(url, [])
        if not refs:
            continue  # e.g. the homepage itself: availability's business
        on_home = url in crawl.from_homepage
        if on_home:
            check, sev, where = "links-dead-homepage", Severity.DEDUCTION, "首页"
        elif dead.external:
            check, sev, where = "links-dead-external", Severity.WARNING, "外部"
        else:
            check, sev, where = "links-dead", Severity.DEDUCTION, "站内"
        kind = "外部链接" if dead.external else "站内链接"
        referrer = crawl.homepage_url if on_home else refs[0]
        out.append(
            Finding(
                check=check,
                severity=sev,
                url=url,
                message=f"{where}不可用链接（{kind}）：{dead.reason}",
                evidence=f"{dead.reason}；引用页面 {crawl.ref_count[url]} 处，如 {referrer}",
                site=ctx.site,
                unit=ctx.unit,
                referrer=referrer,
                detected_at=now,
                data={
                    "status": dead.status,
                    "external": dead.external,
                    "soft404": dead.reason.startswith("软404"),
                    "referrers": refs,
                    "referrer_count": crawl.ref_count[url],
                },
            )
        )
    return out
