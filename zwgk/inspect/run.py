"""Orchestration: crawl each site, run every content check on every page and the site-level
checks on the crawl, de-duplicate findings, drop dismissed ones."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from zwgk.inspect.checks.catalogue import page_modules, site_modules
from zwgk.inspect.config import Config, Site
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.crawl import Crawler, Fetched, Read, SiteCrawl, read_page
from zwgk.inspect.fetch import Cache, Fetcher
from zwgk.inspect.model import Finding, Page, Severity
from zwgk.inspect.render import Renderer
from zwgk.inspect.workers import Workers

try:  # a faster event loop where installed (Linux, macOS); asyncio's own elsewhere
    import uvloop
except ImportError:  # pragma: no cover - depends on the platform
    uvloop = None

log = logging.getLogger(__name__)

# The check modules come from the catalogue (zwgk/inspect/checks/catalogue.yaml): one registry.
T = TypeVar("T")
SEVERITY_ORDER = {Severity.VETO: 0, Severity.DEDUCTION: 1, Severity.WARNING: 2}


@dataclass
class SiteResult:
    site: Site
    crawl: SiteCrawl
    findings: list[Finding] = field(default_factory=list)
    dismissed: int = 0
    check_errors: dict[str, int] = field(default_factory=dict)


async def start_workers(n: int, ctx: CheckContext) -> Workers | None:
    """Processes that parse the pages and run the page checks (the typo model) and extract
    attachment text (pdf/docx/xlsx parsing; a hostile attachment then cannot exhaust the
    crawler's own memory), each with the site's context. ``n`` -1: one per spare CPU (at most 4;
    one on two cores: a second loads the typo model again and costs more CPU than it saves);
    0: none (all in this process)."""
    if n < 0:
        n = min(4, max(1, (os.cpu_count() or 2) - 1))
    if n == 0:
        return None
    return await Workers(n, _adopt, (ctx,)).start()


def context_for(site: Site, today: dt.date) -> CheckContext:
    return CheckContext(
        site=site.name,
        unit=site.unit,
        homepage=site.homepage,
        today=today,
        site_id=site.site_id,
        dismissals=site.dismissals,
        options=site.options,
    )


def _page_runner(
    ctx: CheckContext, modules: tuple[ModuleType, ...], errors: dict[str, int]
) -> Callable[[Page, PageRole], list[Finding]]:
    checks = [(m.__name__, m.check_page) for m in modules if hasattr(m, "check_page")]

    def run(page: Page, role: PageRole) -> list[Finding]:
        out: list[Finding] = []
        for name, fn in checks:
            try:
                out.extend(fn(page, role, ctx))
            except Exception:  # a check's bug must not stop the inspection
                errors[name] = errors.get(name, 0) + 1
                if errors[name] == 1:
                    log.exception("check %s failed on %s", name, page.url)
        return out

    return run


def page_checks(
    ctx: CheckContext, page: Page, role: PageRole
) -> tuple[list[Finding], dict[str, int]]:
    """Every page check on one page: findings and check errors."""
    errors: dict[str, int] = {}
    return _page_runner(ctx, page_modules(), errors)(page, role), errors


_worker_checks: Callable[[Page, PageRole], list[Finding]] | None = None
_worker_errors: dict[str, int] = {}


def _adopt(ctx: CheckContext) -> None:
    """A worker process's page checks, for the site it was forked for (``worker_checks``)."""
    global _worker_checks
    _worker_checks = _page_runner(ctx, page_modules(), _worker_errors)


def _drain_errors() -> dict[str, int]:
    """The check errors a worker met since it last answered."""
    if not _worker_errors:
        return {}
    errors = dict(_worker_errors)
    _worker_errors.clear()
    return errors


def worker_checks(page: Page, role: PageRole) -> tuple[list[Finding], dict[str, int]]:
    """Every page check on one page (an attachment's text), in a worker process: findings and the
    check errors met."""
    assert _worker_checks is not None
    return _worker_checks(page, role), _drain_errors()


def worker_read(fetched: Fetched) -> tuple[Read, dict[str, int]]:
    """An HTML page parsed and checked in a worker process (``read_page``): what the crawl needs
    of it, and the check errors met. The page's markup and text stay in the worker."""
    assert _worker_checks is not None
    return read_page(fetched, _worker_checks), _drain_errors()


def _merge(errors: dict[str, int], errs: dict[str, int]) -> None:
    for name, n in errs.items():
        errors[name] = errors.get(name, 0) + n


def _pooled_runner(
    ctx: CheckContext, workers: Workers, errors: dict[str, int]
) -> tuple[
    Callable[[Page, PageRole], Awaitable[list[Finding]]], Callable[[Fetched], Awaitable[Read]]
]:
    """The page checks in the worker processes, for attachments' text and for HTML pages, which
    are parsed there too (``read_page``): the typo model is the costliest work per page, parsing
    the next, and the crawl goes on meanwhile. A worker that died: the work is done here."""
    local = _page_runner(ctx, page_modules(), errors)

    async def check(page: Page, role: PageRole) -> list[Finding]:
        try:
            found, errs = await workers.call(worker_checks, page, role)
        except BrokenExecutor:  # a worker died (e.g. out of memory): check here instead
            return local(page, role)
        _merge(errors, errs)
        return found

    async def read(fetched: Fetched) -> Read:
        try:
            answer, errs = await workers.call(worker_read, fetched)
        except BrokenExecutor:
            return read_page(fetched, local)
        _merge(errors, errs)
        return answer

    return check, read


def finalise(findings: list[Finding], site: Site, dismissals: frozenset[str]) -> tuple[list, int]:
    """Fill site/unit, drop dismissed keys, de-duplicate, sort vetoes first."""
    seen: dict[str, Finding] = {}
    dropped = 0
    for f in findings:
        if not f.site or not f.unit:
            f = replace(f, site=f.site or site.name, unit=f.unit or site.unit)
        if f.identity() in dismissals:
            dropped += 1
            continue
        # One finding per check, place and wrong text; the key (which may be site-wide, e.g. a
        # dismissed wrong word) only decides dismissals.
        seen.setdefault(f"{f.check}|{f.url}|{f.wrong or ''}|{f.location or ''}", f)
    out = sorted(seen.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.check, f.url))
    return out, dropped


async def inspect_site(
    site: Site,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    cache_dir: str | Path | None = None,
    limiter=None,
) -> SiteResult:
    ctx = context_for(site, today)
    errors: dict[str, int] = {}
    cache_dir = cache_dir or site.settings.cache_dir
    cache = Cache(cache_dir) if cache_dir else None
    if cache_dir:
        ctx = replace(ctx, cache_dir=str(cache_dir))
    pool = await start_workers(site.settings.attachment_workers, ctx)
    # without workers the crawler reads pages itself (``read_page`` with ``on_page``)
    read: Callable[[Fetched], Awaitable[Read]] | None = None
    if pool is not None:
        on_page, read = _pooled_runner(ctx, pool, errors)
    else:
        on_page = _page_runner(ctx, page_modules(), errors)
    try:
        wants_render = site.settings.render or any(c.render for c in site.columns)
        async with (
            Fetcher(site.settings, cache, limiter) as fetcher,
            Renderer(site.settings, wants_render) as renderer,
        ):
            crawler = Crawler(
                site,
                today,
                fetcher,
                on_page,
                progress,
                pool,
                renderer if wants_render else None,
                read,
            )
            crawl = await crawler.run()
        crawl.cache_hits = cache.hits if cache else 0
    finally:
        if cache:
            cache.close()
        if pool is not None:
            await pool.close()
    findings = list(crawl.findings)
    crawl.findings = []
    for mod in site_modules():
        findings.extend(mod.check_site(crawl, ctx))
    final, dropped = finalise(findings, site, site.dismissals)
    return SiteResult(site, crawl, final, dropped, errors)


async def inspect_config(
    config: Config,
    progress_factory: Callable[[Site], Callable[[int, int], None] | None] | None = None,
    cache_dir: str | Path | None = None,
) -> list[SiteResult]:
    today = config.today or dt.date.today()
    results = []
    for site in config.sites:
        progress = progress_factory(site) if progress_factory else None
        results.append(await inspect_site(site, today, progress, cache_dir))
    return results


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run an inspection coroutine on uvloop where it is installed (less CPU per page), else on
    asyncio's loop."""
    if uvloop is not None:
        return uvloop.run(coro)
    return asyncio.run(coro)


def run(config: Config, **kw) -> list[SiteResult]:
    return run_async(inspect_config(config, **kw))
