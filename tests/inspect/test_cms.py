"""Script-built lists read as real CMS pages build them (TRS pagers, Hanweb datastores and jpage,
JSON feeds), and every kind of link."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from aiohttp import web

from zwgk.inspect.cms import (
    builds_list,
    configured_feed,
    hanweb,
    js_object,
    json_feeds,
    json_records,
    parse_json,
    script_pages,
)
from zwgk.inspect.config import ConfigError, Settings, Site, parse_config
from zwgk.inspect.extract import find_dates, parse_html
from zwgk.inspect.render import Renderer
from zwgk.inspect.run import inspect_site

TODAY = dt.date(2026, 6, 15)
COL = "http://x.gov.cn/zwgk/tzgg/"


def test_it_lists_the_pages_a_trs_pager_states_and_no_others():
    assert script_pages(COL, ['createPageHTML(4, 0, "index", "html");'], 100) == [
        COL + "index_1.html",
        COL + "index_2.html",
        COL + "index_3.html",
    ]
    # the newer call with the element id, numbered from 1 (page 2 is list_2.shtml)
    two = script_pages(
        COL + "list.shtml", ["createPageHTML('page_div',3, 1,'list','shtml',57);"], 9
    )
    assert two == [COL + "list_2.shtml", COL + "list_3.shtml"]
    assert script_pages(COL, ['createPageHTML(1, 0, "index", "html");'], 100) == []
    assert len(script_pages(COL, ['createPageHTML(900, 0, "index", "htm");'], 50)) == 50
    # a page without a pager call gets nothing guessed
    assert script_pages(COL, ["var a = 1; document.write('x');"], 100) == []


def test_it_reads_the_classic_countpage_pager_and_literal_page_addresses():
    classic = """var currentPage = 0;//所在页从0开始
    var countPage = 3//共多少页
    document.write("<a href=\\"index_" + nextPage + ".html\\">下一页</a>");"""
    assert script_pages(COL, [classic], 100) == [COL + "index_1.html", COL + "index_2.html"]
    power_easy = "switch(i){case 1: break; case 2: location='Index_2.aspx';break; case 3: location='Index_3.aspx';break;}"
    assert script_pages(COL + "Index.aspx", [power_easy], 100) == [
        COL + "Index_2.aspx",
        COL + "Index_3.aspx",
    ]


HANWEB = """<div id="423656"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=3&path=/&columnid=282&unitid=423656&permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[<li><a href="/art/2026/6/12/art_282_101.html" title="关于开展安全检查的通知">关于开展安全检查的通知</a><span>2026-06-12</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2026/6/1/art_282_100.html" title="第二条">第二条</a><span>2026-06-01</span></li>]]></record>
</recordset></datastore></script>
<script>$(function(){$('#423656').jpage({themeName:'default',showMode:'full',totalRecord:95,openCookies:false,dataBefore:'<ul>',dataStore:dataStore,dataAfter:'</ul>',groupSize:3,proxyUrl:'/module/web/jpage/dataproxy.jsp',perPage:15,barPosition:'bottom',ajaxParam:{col:1,appid:'1',webid:3,path:'/',columnid:282,sourceContentType:1,unitid:'423656',webname:'某某县人民政府',permissiontype:0}});});</script></div>"""


def test_it_reads_a_hanweb_datastore_and_posts_to_dataproxy_for_the_rest():
    page = parse_html("http://x.gov.cn/col/col282/index.html", HANWEB, TODAY)
    assert page.records == []  # invisible to the HTML parser
    records, feed = hanweb("http://x.gov.cn/col/col282/index.html", page.scripts, TODAY)
    assert [r.url for r in records] == [
        "http://x.gov.cn/art/2026/6/12/art_282_101.html",
        "http://x.gov.cn/art/2026/6/1/art_282_100.html",
    ]
    assert records[0].date == dt.date(2026, 6, 12) and records[0].title == "关于开展安全检查的通知"
    assert feed is not None and feed.method == "POST" and feed.total == 95
    url, form = feed.request(0)
    assert (
        url
        == "http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=3&endrecord=47&perpage=15"
    )
    assert dict(form)["columnid"] == "282" and dict(form)["unitid"] == "423656"
    assert dict(form)["webname"] == "某某县人民政府"
    assert feed.request(1)[0].endswith("startrecord=48&endrecord=92&perpage=15")


def test_it_reads_an_older_hanweb_initdata_array_and_a_get_nextgroup():
    old = (
        "var InitData49468 = ['<li><a href=\"/art/1.html\">通知一</a>[2026-05-21]</li>',"
        "'<li><a href=\"/art/2.html\">通知二</a>[2026-05-20]</li>'];"
    )
    records, feed = hanweb(COL, [old], TODAY)
    assert [r.date for r in records] == [dt.date(2026, 5, 21), dt.date(2026, 5, 20)]
    assert feed is None
    only_next = HANWEB.split("<script>$(function")[0]
    page = parse_html(COL, only_next + "</div>", TODAY)
    records, feed = hanweb(COL, page.scripts, TODAY)
    assert feed is not None and feed.method == "GET"
    assert "page=2" in feed.request(0)[0] and "columnid=282" in feed.request(0)[0]


def test_it_finds_a_json_feed_in_the_pages_scripts():
    script = """$.ajax({ url: '/api/column/list', type: 'post', dataType: 'json',
        data: {channelId: 'tzgg', pageNo: 1, pageSize: 15},
        success: function (res) { $('#list').html(render(res.data)); } });"""
    (feed,) = json_feeds(COL, [script])
    assert feed.url == "http://x.gov.cn/api/column/list" and feed.method == "POST"
    assert feed.page_key == "pageNo" and dict(feed.request(1)[1])["pageNo"] == "2"
    get = json_feeds(COL, ["$.getJSON('list.json?page=1&size=20', function(d){})"])
    assert get[0].request(2)[0] == COL + "list.json?page=3&size=20"
    assert json_feeds(COL, ["$.ajax({url:'http://other.example.com/api', dataType:'json'})"]) == []
    configured = configured_feed(COL, {"url": "/api/x", "method": "GET", "data": {"curPage": 1}})
    assert configured.page_key == "curPage"


def test_it_reads_records_from_json_in_the_shapes_real_lists_use():
    trs = parse_json(
        '{"data":[{"DOCTITLE":"关于印发方案的通知","DOCPUBURL":"http://x.gov.cn/a/t20260610_1.html",'
        '"DOCRELTIME":"2026-06-10 11:49:37"}],"total":31}'
    )
    records, pages, total = json_records(COL, trs, TODAY)
    assert records[0].title == "关于印发方案的通知" and records[0].date == dt.date(2026, 6, 10)
    assert total == 31 and pages is None
    camel = parse_json(
        'cb({"result":{"list":[{"title":"t","url":"/b/2.html","publishTime":1780000000000}],'
        '"totalPage":4}})'
    )
    records, pages, _ = json_records(COL, camel, TODAY)
    assert records[0].url == "http://x.gov.cn/b/2.html" and records[0].date is not None
    assert pages == 4
    assert parse_json("<html>not json</html>") is None


def test_js_object_reads_nested_literals_and_skips_expressions():
    text = "{a:1, b:'x,y', c:{d:\"e\"}, f: foo(1,2), g: true}"
    assert js_object(text, 0) == {"a": 1, "b": "x,y", "c": {"d": "e"}, "g": "true"}


def test_every_kind_of_link_is_found_and_images_are_resources():
    html = """<html><body>
    <a href="javascript:void(0)" onclick="window.open('/att/a.pdf')">附件</a>
    <span onclick="location.href='/xxgk/b.html'">详情</span>
    <a href="javascript:window.open('/c.html')">c</a>
    <map><area href="/d.html" alt="地图"></map>
    <iframe src="/e.html"></iframe><embed src="/f.pdf"><object data="/g.swf"></object>
    <img src="/h.png"><script src="/i.js"></script><link rel="stylesheet" href="/j.css">
    <link rel="canonical" href="/k.html"></body></html>"""
    p = parse_html("http://x.gov.cn/", html, TODAY, detail=False)
    links = {u for u, _ in p.links}
    assert links == {
        "http://x.gov.cn/att/a.pdf",
        "http://x.gov.cn/xxgk/b.html",
        "http://x.gov.cn/c.html",
        "http://x.gov.cn/d.html",
        "http://x.gov.cn/e.html",
        "http://x.gov.cn/f.pdf",
    }
    assert set(p.resources) == {
        "http://x.gov.cn/g.swf",
        "http://x.gov.cn/h.png",
        "http://x.gov.cn/i.js",
        "http://x.gov.cn/j.css",
    }


def test_list_items_give_records_dated_or_not_and_bare_month_days():
    html = """<ul class="list"><li><span class="date">06-12</span><a href="/1.html">一</a></li>
    <li><a href="/2.html" title="二">二</a></li></ul><ul class="nav"><li><a href="/n/">导航</a></li></ul>"""
    p = parse_html("http://x.gov.cn/col/", html, TODAY)
    assert [(r.url.rsplit("/", 1)[1], r.date) for r in p.records] == [
        ("1.html", dt.date(2026, 6, 12)),
        ("2.html", None),
    ]
    assert find_dates("3-5岁儿童 06-12", TODAY) == []  # bare month-day only in list items
    assert builds_list(["$('#list').html(items.join(''))"]) and not builds_list(["var a=1"])


def _html(body: str) -> web.Response:
    return web.Response(text=f"<html><body>{body}</body></html>", content_type="text/html")


async def _home(request):
    return _html('<nav><a href="/tzgg/">通知公告</a></nav>')


async def _first(request):
    return _html(
        '<ul class="list"><li><a href="a1.html">通知一</a><span>2026-06-10</span></li></ul>'
        '<script>createPageHTML(3, 0, "index", "html");</script>'
    )


async def _second(request):
    return _html('<ul><li><a href="a2.html">通知二</a><span>2026-05-10</span></li></ul>')


async def _article(request):
    return _html("<p>发布日期：2026-06-10</p>")


def test_a_page_a_script_pager_states_but_the_site_lacks_is_never_reported_dead():
    """TRS pager says 3 pages, index_2.html does not exist: crawled, not a dead link."""

    async def go():
        app = web.Application()
        app.router.add_get("/", _home)
        app.router.add_get("/tzgg/", _first)
        app.router.add_get("/tzgg/index_1.html", _second)
        app.router.add_get(r"/tzgg/a{n:\d+}.html", _article)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", 0)
        await tcp.start()
        port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        settings = Settings(rate=0, attachment_workers=0, availability_probes=1, robots=False)
        site = Site(name="s", unit="u", homepage=f"http://127.0.0.1:{port}/", settings=settings)
        try:
            return await inspect_site(site, TODAY), port
        finally:
            await runner.cleanup()

    result, port = asyncio.run(go())
    base = f"http://127.0.0.1:{port}/tzgg/"
    crawl = result.crawl
    assert crawl.script_pages == 2 and base + "index_2.html" in crawl.dead
    assert not [f for f in result.findings if f.check.startswith("links")]
    assert base + "a2.html" not in crawl.dead  # the article only page 2 lists was crawled
    st = crawl.columns[base]
    assert st.sources == {"html", "pages"} and st.latest == dt.date(2026, 6, 10)


def test_rendering_without_chromium_says_why_and_renders_nothing():
    async def go():
        async with Renderer(Settings(chromium="/nonexistent/chromium")) as r:
            return await r.render("http://127.0.0.1:9/")

    html, seconds, error = asyncio.run(go())
    assert html == "" and seconds == 0.0 and "未找到 Chromium" in error


def test_a_column_configured_with_a_json_api_must_give_its_url():
    with pytest.raises(ConfigError, match="json_api"):
        parse_config(
            {
                "sites": [
                    {
                        "homepage": "http://x/",
                        "columns": [{"url": "http://x/a/", "json_api": {"method": "GET"}}],
                    }
                ]
            }
        )
    cfg = parse_config(
        {
            "sites": [
                {"homepage": "http://x/", "columns": [{"url": "http://x/a/", "json_api": "/api/a"}]}
            ]
        }
    )
    assert cfg.sites[0].columns[0].json_api == {"url": "/api/a", "method": "GET"}
    assert cfg.sites[0].discover is False
