"""The CMS readers on real government page markup (``tests/data/cms_real``), tuning part only: the
readers' output equals the hand labels (pager pages, records with dates, newest date, Hanweb dataproxy
parameters, JSON endpoints, article links by kind and publication date). The held-out part is scored
by ``bench/cms_real_accuracy.py --heldout`` and never here."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from aiohttp import web

from zwgk.inspect.config import Settings, Site
from zwgk.inspect.extract import parse_html
from zwgk.inspect.run import inspect_site

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "cms_real_accuracy", ROOT / "bench" / "cms_real_accuracy.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # its dataclasses look their module up
_spec.loader.exec_module(bench)

LABELS = bench.load()
TODAY = dt.date.fromisoformat(LABELS["today"])
HELD, TUNING = bench.split(LABELS)


def test_the_split_holds_the_second_part_out_and_the_data_is_all_labelled():
    files = sorted(p.name for p in bench.DATA.iterdir() if p.suffix in (".html", ".xml"))
    assert files == sorted(LABELS["files"])
    assert len(HELD) >= 8 and not set(HELD) & set(TUNING) and sorted(HELD + TUNING) == files
    # the first held-out part was run once and is tuning data now
    assert set(LABELS["heldout_1_spent"]) <= set(TUNING)


@pytest.mark.parametrize("name", TUNING)
def test_the_readers_read_the_real_page_as_labelled(name):
    label = LABELS["files"][name]
    tally = bench.Tally()
    bench.score_file(name, label, bench.read(name, label, TODAY), tally)
    assert tally.misses == []


def test_an_attachment_only_a_script_writes_is_read():
    # the saved TRS article also holds what its script wrote; the page as fetched does not
    name = "sh_tax_sbzsl_article.html"
    label = LABELS["files"][name]
    html = (bench.DATA / name).read_text(encoding="utf-8")
    fetched = re.sub(r"附件：\s*<br>\s*<p>.*?</p>", "", html, flags=re.S)
    assert fetched != html
    links = {u for u, _ in parse_html(label["url"], fetched, TODAY, detail=False).links}
    assert set(label["links"]["script"]) <= links


def test_the_general_causes_found_on_real_pages():
    col = "http://x.gov.cn/col/col1/index.html"
    # a nextgroup href holding single quotes (path='/') keeps all its fields
    store = (
        '<datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=6'
        "&path='/'&columnid=7&unitid=8\"></a>]]></nextgroup><recordset></recordset></datastore>"
    )
    _records, feed = bench.hanweb(col, [store], TODAY)
    assert feed is not None and {("columnid", "7"), ("unitid", "8")} <= set(feed.data)
    # a beacon without a declared JSON answer or a page number is not a list feed
    beacon = "$.ajax({type:'POST',url:'/cms/pub/stat.jsp',data:{code:'A1'},success:function(d){}});"
    assert bench.json_feeds(col, [beacon]) == []
    # a pager passing page addresses to its own function; templates are left alone
    html = (
        "<a onclick=\"queryArticleByCondition(this,'/col/d8-2.html')\">下一页</a>"
        "<input type=button onclick=\"jumpTo(this,'3','1','/col/d8-%1.html')\">"
    )
    links = {u for u, _ in parse_html(col, html, TODAY).links}
    assert links == {"http://x.gov.cn/col/d8-2.html"}


def test_rows_that_are_not_list_items_give_dated_records():
    col = "http://x.gov.cn/xwzx/index.html"
    html = (
        '<div id="right"><div><a href="/show-1.html">一</a><p>2017-10-13</p></div>'
        '<div><a href="/show-2.html">二</a><p>2017-10-12</p></div></div>'
        '<dl><dt><a href="d1.html">甲</a></dt><dd>[2024-05-06]</dd></dl>'
        '<dl><dt><a href="d2.html">乙</a></dt><dd>[2024-05-05]</dd></dl>'
        '<section><a href="s1.html">丙</a><span>2023/09/20</span>'
        '<a href="s2.html">丁</a><span>2023/09/07</span></section>'
    )
    recs = {r.url: r.date for r in parse_html(col, html, TODAY).records}
    assert recs == {
        "http://x.gov.cn/show-1.html": dt.date(2017, 10, 13),
        "http://x.gov.cn/show-2.html": dt.date(2017, 10, 12),
        "http://x.gov.cn/xwzx/d1.html": dt.date(2024, 5, 6),
        "http://x.gov.cn/xwzx/d2.html": dt.date(2024, 5, 5),
        "http://x.gov.cn/xwzx/s1.html": dt.date(2023, 9, 20),
        "http://x.gov.cn/xwzx/s2.html": dt.date(2023, 9, 7),
    }
    # one dated link beside some text is not a list; a long sentence is not a date cell
    lone = '<div><a href="x.html">说明</a><p>2017-10-13</p></div><div><a href="y.html">y</a></div>'
    prose = "".join(
        f'<div><a href="p{i}.html">文</a><span>本文于2024年5月{i}日发布，请各单位认真学习贯彻落实。</span></div>'
        for i in (1, 2)
    )
    assert parse_html(col, lone + prose, TODAY).records == []


def test_a_page_jump_select_names_the_lists_pages_and_nothing_is_built():
    col = "http://x.gov.cn/news-list-yw.html"
    html = (
        '<select onchange="location=this.value">'
        + "".join(f'<option value="/news-list-yw-{i}.html">{i}</option>' for i in range(1, 5))
        + '</select><select><option value="http://other.gov.cn/">外站</option>'
        '<option value="/dept/a.html">部门</option></select>'
        '<select><option value="1">1</option><option value="2">2</option></select>'
    )
    p = parse_html(col, html, TODAY)
    assert p.pager_pages == [f"http://x.gov.cn/news-list-yw-{i}.html" for i in range(1, 5)]
    assert not {u for u, _ in p.links} & set(p.pager_pages)  # not links: bounded as list pages


def test_a_jpage_per_page_is_carried_when_the_proxy_address_comes_from_nextgroup():
    col = "http://x.gov.cn/col/col7/index.html"
    script = (
        '<datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=2'
        '&columnid=7&unitid=8"></a>]]></nextgroup><recordset><record><![CDATA[<li><a href="/art/1.html">'
        "一</a><span>2026-06-01</span></li>]]></record></recordset></datastore>"
        "$('#8').jpage({totalRecord:95,perPage:19});"
    )
    records, feed = bench.hanweb(col, [script], TODAY)
    assert len(records) == 1 and feed is not None
    assert (feed.method, feed.page_key, feed.page_size, feed.total) == (
        "POST",
        "startrecord",
        19,
        95,
    )
    assert {("columnid", "7"), ("unitid", "8"), ("webid", "2")} <= set(feed.data)
    url, fields = feed.request(0)
    assert (
        url.endswith("dataproxy.jsp?startrecord=2&endrecord=58&perpage=19") and fields == feed.data
    )


def _page(body: str) -> web.Response:
    return web.Response(text=f"<html><body>{body}</body></html>", content_type="text/html")


def test_the_crawler_follows_a_select_pager_within_max_list_pages():
    seen: list[str] = []

    async def home(request):
        return _page('<nav><a href="/yw/list.html">要闻</a></nav>')

    async def first(request):
        rows = '<div><a href="a1.html">一</a><p>2026-06-10</p></div>'
        rows += '<div><a href="a2.html">二</a><p>2026-06-09</p></div>'
        options = "".join(f'<option value="list-{i}.html">{i}</option>' for i in range(1, 9))
        return _page(rows + f"<select>{options}</select>")

    async def other(request):
        seen.append(request.path)
        return _page('<div><a href="b.html">三</a><p>2026-05-01</p></div>')

    async def article(request):
        return _page("<p>发布日期：2026-06-10</p>")

    async def go():
        app = web.Application()
        app.router.add_get("/", home)
        app.router.add_get("/yw/list.html", first)
        app.router.add_get(r"/yw/list-{n:\d+}.html", other)
        app.router.add_get(r"/yw/{name:[ab]\d*}.html", article)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", 0)
        await tcp.start()
        port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        settings = Settings(
            rate=0, attachment_workers=0, availability_probes=1, robots=False, max_list_pages=3
        )
        site = Site(name="s", unit="u", homepage=f"http://127.0.0.1:{port}/", settings=settings)
        try:
            return await inspect_site(site, TODAY)
        finally:
            await runner.cleanup()

    result = asyncio.run(go())
    assert sorted(seen) == ["/yw/list-1.html", "/yw/list-2.html", "/yw/list-3.html"]
    st = next(s for u, s in result.crawl.columns.items() if u.endswith("/yw/list.html"))
    assert "pages" in st.sources and st.latest == dt.date(2026, 6, 10)
