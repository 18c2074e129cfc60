"""links — 链接可用性: dead links (HTTP ≥ 400, no answer, too many redirects, soft 404), one finding
per dead target with its referring pages; homepage links apart from the rest, internal apart from
external, resources apart from links. Older rules (2015) deducted 1 point per dead link on the
homepage, 0.1 elsewhere (``points_per_link`` in the catalogue).

Links are every way a page sends a reader somewhere: ``<a href>``, ``<area href>``, ``<iframe
src>``, ``onclick`` ``window.open(…)``/``location.href=…``, and attachments linked from
``<embed>``/``<object>``. Images and other embedded resources (``<img src>``, ``<embed>``,
``<object>`` that are not attachments, ``<script src>``, ``<link rel="stylesheet">`` and icons) are
``links-dead-resource`` (warning). URLs the crawler derived from a page's script (further list
pages, a column's data feed) are never reported here: only what a page actually links to."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.checks.catalogue import info
from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import SiteCrawl
from zwgk.inspect.model import Finding

CHECK_IDS = ("links-dead-homepage", "links-dead", "links-dead-external", "links-dead-resource")


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    out = []
    now = dt.datetime.now().replace(microsecond=0)
    for url, dead in sorted(crawl.dead.items()):
        refs = crawl.referrers.get(url, [])
        if not refs:
            continue  # the homepage itself (availability's business) or a URL no page links to
        on_home = url in crawl.from_homepage
        resource = url in crawl.resources
        if resource:
            check, where = "links-dead-resource", "首页" if on_home else "页面"
        elif on_home:
            check, where = "links-dead-homepage", "首页"
        elif dead.external:
            check, where = "links-dead-external", "外部"
        else:
            check, where = "links-dead", "站内"
        kind = "资源" if resource else "外部链接" if dead.external else "站内链接"
        referrer = crawl.homepage_url if on_home else refs[0]
        out.append(
            Finding(
                check=check,
                severity=info(check).severity,
                url=url,
                message=f"{where}不可用{'资源' if resource else '链接'}（{kind}）：{dead.reason}",
                evidence=f"{dead.reason}；引用页面 {crawl.ref_count[url]} 处，如 {referrer}",
                site=ctx.site,
                unit=ctx.unit,
                referrer=referrer,
                detected_at=now,
                data={
                    "status": dead.status,
                    "external": dead.external,
                    "resource": resource,
                    "soft404": dead.reason.startswith("软404"),
                    "referrers": refs,
                    "referrer_count": crawl.ref_count[url],
                },
            )
        )
    return out
