"""A hostile server cannot hang the inspector or exhaust its memory."""

from __future__ import annotations

import asyncio
import tracemalloc
from dataclasses import replace

from zwgk.devtools.demo_server import ServedSite
from zwgk.inspect import run as run_mod
from zwgk.inspect.config import Settings, Site
from zwgk.inspect.fetch import Fetcher
from zwgk.inspect.run import inspect_site

from .conftest import TODAY, demo_config

FAST = Settings(
    rate=0,
    concurrency=4,
    timeout=1.0,
    max_body=1024 * 1024,
    max_redirects=5,
    retries=2,
    availability_probes=1,
    check_external=False,
)


def fetch(url: str, settings: Settings = FAST, **kw):
    async def go():
        async with Fetcher(settings) as f:
            return await asyncio.wait_for(f.fetch(url, **kw), 30)

    return asyncio.run(go())


def test_it_gives_up_on_a_slow_response(hostile):
    r = fetch(hostile.base + "/slow")
    assert r.status == 0 and "超时" in r.error and r.elapsed < 5


def test_it_gives_up_on_a_body_that_trickles_forever(hostile):
    r = fetch(hostile.base + "/trickle")
    assert r.status == 0 and "超时" in r.error and r.elapsed < 5


def test_it_stops_following_endless_redirects(hostile):
    r = fetch(hostile.base + "/redirect/0")
    assert r.status == 0 and "重定向次数超过 5 次" in r.error


def test_it_streams_a_5gb_body_and_keeps_only_the_limit(hostile):
    tracemalloc.start()
    try:
        r = fetch(hostile.base + "/huge")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.truncated and len(r.body) == FAST.max_body
    assert peak < 30 * 1024 * 1024
    assert hostile.hits["huge-bytes"] < 1024**3  # the server was cut off long before 5 GB


def test_it_defuses_a_gzip_bomb(hostile):
    tracemalloc.start()
    try:
        r = fetch(hostile.base + "/bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.truncated and len(r.body) == FAST.max_body
    assert peak < 30 * 1024 * 1024  # 200 MB decompressed would be far more


def test_it_retries_after_429_and_gets_the_page(hostile):
    r = fetch(hostile.base + "/flaky", replace(FAST, retries=3))
    assert r.status == 200 and hostile.hits["flaky"] >= 3


def test_a_whole_inspection_of_the_hostile_site_ends(hostile):
    site = Site(name="恶意网站", unit="测试", homepage=hostile.base + "/", settings=FAST)
    result = asyncio.run(asyncio.wait_for(inspect_site(site, TODAY), 60))
    crawl = result.crawl
    # calendars: the query variants of one path and the depth are capped
    assert hostile.hits["calendar"] <= FAST.max_query_variants
    # day offsets reachable in max_depth steps of -1/+1/+7 days: [-10, 70]
    assert hostile.hits["cal_path"] <= 81
    assert any("日历" in k for k in crawl.skipped)
    # robots.txt respected by default
    assert hostile.hits["/private/secret.html"] == 0
    # invalid and undeclared encodings still yield their links and text
    assert crawl.pages >= 4
    dead = {f.url.rsplit("/", 1)[-1]: f for f in result.findings if f.check.startswith("links")}
    assert {"slow", "trickle", "0"} <= set(dead)


def test_robots_can_be_switched_off(hostile):
    site = Site(
        name="恶意网站",
        unit="测试",
        homepage=hostile.base + "/ok.html",
        settings=replace(FAST, robots=False),
    )
    r = fetch(hostile.base + "/private/secret.html", replace(FAST, robots=False))
    assert r.status == 200
    before = hostile.hits["/private/secret.html"]
    r = fetch(hostile.base + "/private/secret.html")
    assert r.error and "robots" in r.error and hostile.hits["/private/secret.html"] == before
    assert site.settings.robots is False


def test_it_reads_retry_after_as_seconds_or_a_date():
    from zwgk.inspect.fetch import _retry_after

    assert _retry_after("7") == 7.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _retry_after("soon") is None and _retry_after(None) is None


def test_the_demo_sites_endless_calendar_is_cut_short():
    with ServedSite(pages=150, seed=5, today=TODAY, traps=True) as site:
        m = site.manifest()
        cfg = demo_config(m)
        result = asyncio.run(asyncio.wait_for(run_mod.inspect_config(cfg), 60))[0]
    assert result.crawl.skipped["同一路径的查询参数过多（疑似日历陷阱）"] > 0
    # the site, at most 50 calendar days, and each list's index.html twin
    assert result.crawl.pages <= m["pages"] + 50 + len(m["columns"])
