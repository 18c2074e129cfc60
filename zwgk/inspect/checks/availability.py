"""availability — 首页可用性: the homepage opens (HTTP 200 within the timeout) on every probe.

国办秘函〔2019〕19号: unreachable when ≥ 5% of probes over a week fail to open within 15 s (veto).
One run probes a few times; the finding records the probes so monthly runs can be added up."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import SiteCrawl
from zwgk.inspect.model import Finding, Severity

VETO_RATE = 0.05  # share of failed probes that makes a site 不可用


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    probes = crawl.probes
    if not probes:
        return []
    failed = [p for p in probes if not p.ok]
    if crawl.homepage_soft404 and not failed:
        failed = probes
    if not failed:
        return []
    rate = len(failed) / len(probes)
    detail = "；".join(
        f"第{i}次：" + ("正常" if p.ok else (p.error or f"HTTP {p.status}"))
        for i, p in enumerate(probes, 1)
    )
    all_failed = len(failed) == len(probes)
    return [
        Finding(
            check="availability-homepage",
            severity=Severity.VETO if all_failed and rate >= VETO_RATE else Severity.WARNING,
            url=crawl.homepage_url,
            message=(
                "网站首页无法访问"
                if all_failed
                else f"网站首页访问不稳定：{len(probes)} 次探测中 {len(failed)} 次失败"
            ),
            evidence=detail,
            site=ctx.site,
            unit=ctx.unit,
            detected_at=dt.datetime.now().replace(microsecond=0),
            data={"probes": len(probes), "failed": len(failed), "failure_rate": round(rate, 3)},
        )
    ]
