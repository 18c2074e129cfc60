"""availability — 首页可用性 and 附件文字未能提取.

``availability-homepage``: the homepage opens (HTTP 200 within the timeout) on every probe.
国办秘函〔2019〕19号: unreachable when ≥ 5% of probes over a week fail to open within 15 s (veto;
``veto_failure_rate`` in the catalogue). One run probes a few times; the finding records the probes
so monthly runs can be added up.

``availability-attachment-text``: an attachment whose text could not be read (old doc/wps,
encrypted, scanned) is out of reach of the privacy and wording checks; a person should look.
"""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.checks.catalogue import info, thresholds
from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import SiteCrawl
from zwgk.inspect.model import Finding, Severity

CHECK_IDS = ("availability-homepage", "availability-attachment-text")


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    return _homepage(crawl, ctx) + _unreadable(crawl, ctx)


def _homepage(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
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
    veto_rate = float(thresholds("availability-homepage")["veto_failure_rate"])
    return [
        Finding(
            check="availability-homepage",
            severity=(
                info("availability-homepage").severity
                if all_failed and rate >= veto_rate
                else Severity.WARNING
            ),
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


def _unreadable(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    severity = info("availability-attachment-text").severity
    return [
        Finding(
            check="availability-attachment-text",
            severity=severity,
            url=u.url,
            message="附件文字未能提取，隐私和错别字检查未覆盖该附件，请人工查看",
            evidence=u.note,
            site=ctx.site,
            unit=ctx.unit,
            referrer=u.referrer,
            detected_at=u.at,
        )
        for u in crawl.unreadable
    ]
