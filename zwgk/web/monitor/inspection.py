"""The monitor's three inspections, each a call into the inspector (``zwgk/inspect``):

* :func:`probe` — one timed GET of the homepage (可用性探测), no retries, the 15-second rule;
* :func:`freshness_pass` — the homepage and the columns' list pages only (每日更新检查), with
  the inspector's crawler in its ``follow_articles=False`` mode and its freshness check;
* :func:`crawl` — the full inspection with every content check (全面检查), ``run.inspect_site``.

Every request goes through the host limiter shared by all workers (``zwgk.monitor.limiter``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.conf import settings

from zwgk.inspect.checks import freshness as inspect_freshness
from zwgk.inspect.checks.catalogue import page_modules
from zwgk.inspect.config import Site, parse_config
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.crawl import Crawler, SiteCrawl
from zwgk.inspect.fetch import Fetcher
from zwgk.inspect.model import Finding, Page
from zwgk.inspect.run import SiteResult, context_for, inspect_site
from zwgk.monitor.availability_week import Rule
from zwgk.monitor.history import ProbeRecord
from zwgk.monitor.limiter import LocalLimiter, RedisLimiter
from zwgk.web.monitor.models import MonitoredSite

Progress = Callable[[int, int], None]


@functools.cache
def limiter() -> LocalLimiter | RedisLimiter:
    """The process's host limiter: shared through Redis when one is configured."""
    url = settings.MONITOR_LIMITER_URL
    return RedisLimiter(url, settings.MONITOR_LIMITER_PREFIX) if url else LocalLimiter()


def inspector_site(site: MonitoredSite) -> Site:
    """The inspector's ``Site`` for a monitored site (its columns, or discovery, and settings);
    raises ``ConfigError`` with a Chinese message when the stored settings are not valid."""
    raw: dict[str, Any] = {
        "name": site.name,
        "unit": site.unit.name,
        "homepage": site.homepage,
        "columns": list(site.columns or []),
        "settings": dict(site.options or {}),
    }
    if site.site_code:
        raw["site_id"] = site.site_code
    return parse_config({"sites": [raw]}, source=site.name).sites[0]


def probe(site: MonitoredSite) -> ProbeRecord:
    """GET the homepage once (no retry), at most ``fail_seconds`` of waiting."""
    rule = Rule.from_catalogue()
    base = inspector_site(site)
    s = replace(base.settings, timeout=rule.fail_seconds, retries=0, robots=False)

    async def go() -> ProbeRecord:
        async with Fetcher(s, None, limiter()) as f:
            at = dt.datetime.now(dt.UTC)
            resp = await f.fetch(base.homepage, max_bytes=512 * 1024, robots=False)
        return ProbeRecord(at, resp.ok, resp.elapsed, resp.status, resp.error)

    return asyncio.run(go())


def fetch_page(url: str, options: dict | None = None) -> tuple[int, str, bytes, str | None]:
    """One page for a saved copy: (status, content type, body, error)."""
    site = parse_config({"sites": [{"homepage": url, "settings": dict(options or {})}]}).sites[0]
    s = replace(site.settings, retries=1, robots=False)

    async def go():
        async with Fetcher(s, None, limiter()) as f:
            return await f.fetch(url, max_bytes=5 * 1024 * 1024, robots=False)

    resp = asyncio.run(go())
    return resp.status, resp.content_type, resp.body, resp.error


def _no_content_checks(page, role) -> list[Finding]:
    return []


def warm_up() -> int:
    """Run every page check once on a sample page, so that their models and dictionaries are
    loaded now (in a Celery worker's parent, before it forks: its children share them). The
    number of checks run."""
    page = Page(
        url="http://warm-up.invalid/",
        status=200,
        html="<html><body><p>区政府召开常务会议，研究部署近期重点工作。</p></body></html>",
        text="区政府召开常务会议，研究部署近期重点工作。联系电话：0000-1234567。",
        title="预热",
    )
    ctx = CheckContext(site="预热", unit="预热", homepage=page.url, today=dt.date.today())
    n = 0
    for module in page_modules():
        module.check_page(page, PageRole.ARTICLE, ctx)
        n += 1
    return n


def freshness_pass(
    site: MonitoredSite, today: dt.date, progress: Progress | None = None
) -> tuple[SiteCrawl, list[Finding]]:
    """The homepage and the list pages of the columns (configured, or discovered from the
    navigation), read once; with the inspector's point-in-time freshness findings."""
    base = inspector_site(site)
    s = replace(
        base.settings,
        follow_articles=False,
        attachments=False,
        check_external=False,
        availability_probes=1,
        max_depth=min(base.settings.max_depth, 3),
    )
    insp = replace(base, settings=s)

    async def go() -> SiteCrawl:
        async with asyncio.timeout(settings.MONITOR_FRESHNESS_SECONDS):
            async with Fetcher(s, None, limiter()) as f:
                return await Crawler(insp, today, f, _no_content_checks, progress).run()

    crawl = asyncio.run(go())
    return crawl, inspect_freshness.check_site(crawl, context_for(insp, today))


def crawl(site: MonitoredSite, today: dt.date, progress: Progress | None = None) -> SiteResult:
    """The full inspection (every page, every check), bounded by ``MONITOR_CRAWL_SECONDS``."""
    insp = inspector_site(site)
    if settings.MONITOR_ATTACHMENT_WORKERS is not None:
        insp = replace(
            insp,
            settings=replace(insp.settings, attachment_workers=settings.MONITOR_ATTACHMENT_WORKERS),
        )

    async def go() -> SiteResult:
        async with asyncio.timeout(settings.MONITOR_CRAWL_SECONDS):
            return await inspect_site(insp, today, progress, None, limiter())

    return asyncio.run(go())
