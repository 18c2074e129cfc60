"""Column list pages of the test world in the shapes real government CMSs serve (see
``zwgk.inspect.cms`` for the real pages these follow):

- ``trs``: the first page lists its items in HTML, the pager is written by
  ``createPageHTML(N, 0, "index", "html")`` (or, numbered from 1, ``createPageHTML('page_div', N,
  1, 'list', 'shtml', total)``): no ``<a>`` leads to page 2.
- ``hanweb``: the first 45 records sit in ``<script type="text/xml"><datastore>`` (invisible to an
  HTML parser), the rest come from ``/module/web/jpage/dataproxy.jsp`` — POST only, with
  ``startrecord``/``endrecord``/``perpage`` and the jpage ``ajaxParam`` form, as the page's script
  does it.
- ``json``: an empty ``<ul>`` filled by ``$.ajax`` from ``/api/col/<id>/list?pageNo=N`` (two key
  styles: TRS ``DOCTITLE``/``DOCPUBURL``/``DOCRELTIME`` and ``title``/``url``/``publishTime`` in
  epoch milliseconds).
- ``render``: a list a script decodes from base64 and builds node by node: only a browser sees it.
- ``onclick`` columns list in plain HTML; their articles link by ``window.open``, ``location.href``,
  ``<iframe>``, ``<area>`` and ``<embed>`` (see ``DemoSite._article``).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

if TYPE_CHECKING:  # the site passes itself in; no import cycle at run time
    from zwgk.devtools.demo_site import Col, DemoSite

HANWEB_PER_PAGE = 15
HANWEB_GROUP = 3
HANWEB_INLINE = HANWEB_PER_PAGE * HANWEB_GROUP
JSON_PER_PAGE = 20
PROXY = "/module/web/jpage/dataproxy.jsp"


def unit_id(c: Col) -> str:
    return str(400000 + sum(map(ord, c.id)) * 7)


def _li(site: DemoSite, c: Col, i: int, fmt: str = "%Y-%m-%d") -> str:
    title = html.escape(site.art_title(c, i))
    return (
        f'<li><a href="{site.art_path(c.id, i)}" title="{title}">{title}</a>'
        f"<span>{site.art_date(c, i).strftime(fmt)}</span></li>"
    )


def trs_pager(c: Col, page: int, pages: int) -> str:
    """The TRS pager script of list page ``page`` (0-based) of ``pages``."""
    if c.pager == "list":
        return (
            f"<div id=\"page_div\"></div><script>createPageHTML('page_div',{pages}, {page + 1},"
            f"'list','shtml',{c.n});</script>"
        )
    return f'<div class="page"><script>createPageHTML({pages}, {page}, "index", "html");</script></div>'


def hanweb_list(site: DemoSite, c: Col) -> str:
    unit = unit_id(c)
    records = "".join(
        f"<record><![CDATA[{_li(site, c, i)}]]></record>" for i in range(min(c.n, HANWEB_INLINE))
    )
    next_group = (
        f'<a href="{PROXY}?page=1&appid=1&webid=1&path=/&columnid={c.id}&unitid={unit}'
        f'&webname=XX&permissiontype=0"></a>'
    )
    params = (
        f"{{themeName:'default',showMode:'full',totalRecord:{c.n},openCookies:false,"
        f"dataBefore:'<ul class=\"list\">',dataStore:dataStore,dataAfter:'</ul>',"
        f"groupSize:{HANWEB_GROUP},proxyUrl:'{PROXY}',perPage:{HANWEB_PER_PAGE},"
        f"barPosition:'bottom',ajaxParam:{{col:1,appid:'1',webid:1,path:'/',"
        f"columnid:'{c.id}',sourceContentType:1,unitid:'{unit}',webname:'XX区人民政府',"
        f"permissiontype:0}}}}"
    )
    return (
        f'<div id="{unit}"><script type="text/xml"><datastore><nextgroup><![CDATA[{next_group}]]>'
        f"</nextgroup><recordset>{records}</recordset></datastore></script>"
        f'<script language="javascript" src="/module/web/jpage/jquery.page.min.js"></script>'
        f"<script>$(function(){{$('#{unit}').jpage({params});}});</script></div>"
    )


def hanweb_proxy(site: DemoSite, query: str, body: bytes) -> tuple[int, str, bytes]:
    """The dataproxy answer for a jpage POST (GET is refused, as a POST-only site does)."""
    q = {k: v[0] for k, v in parse_qs(query).items()}
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    c = site.by_id.get(form.get("columnid", ""))
    if c is None or c.shape != "hanweb" or "startrecord" not in q:
        return 400, "text/plain", b"bad request"
    try:
        start, end = int(q["startrecord"]), int(q.get("endrecord", q["startrecord"]))
    except ValueError:
        return 400, "text/plain", b"bad request"
    records = "".join(
        f"<record><![CDATA[{_li(site, c, i)}]]></record>"
        for i in range(max(0, start - 1), min(c.n, end))
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>{c.n}</totalrecord>'
        f"<recordset>{records}</recordset></datastore>"
    )
    return 200, "text/xml; charset=utf-8", xml.encode("utf-8")


def json_list(c: Col) -> str:
    key = "data.data" if c.json_style == "trs" else "res.result.list"
    return (
        f'<ul class="list" id="list-{c.id}"></ul><div id="pager"></div><script>\n'
        f"$(function () {{ loadList(1); }});\n"
        f"function loadList(p) {{ $.ajax({{ url: '/api/col/{c.id}/list', type: 'get', "
        f"dataType: 'json', data: {{channelId: '{c.id}', pageNo: p, pageSize: {JSON_PER_PAGE}}},\n"
        f"  success: function (res) {{ var data = res; var h = ''; $.each({key}, function (i, d) "
        f"{{ h += '<li><a href=\"' + d.url + '\">' + d.title + '</a></li>'; }});\n"
        f"  $('#list-{c.id}').html(h); }} }}); }}\n</script>"
    )


def json_api(site: DemoSite, cid: str, query: str) -> tuple[int, str, bytes]:
    c = site.by_id.get(cid)
    if c is None or c.shape != "json":
        return site.not_found()
    q = {k: v[0] for k, v in parse_qs(query).items()}
    try:
        page = max(1, int(q.get("pageNo", "1")))
        size = max(1, min(100, int(q.get("pageSize", str(JSON_PER_PAGE)))))
    except ValueError:
        return 400, "application/json", b'{"code":400}'
    rows = range((page - 1) * size, min(c.n, page * size))
    pages = -(-c.n // size)
    if c.json_style == "trs":
        doc = {
            "code": 0,
            "data": [
                {
                    "DOCTITLE": site.art_title(c, i),
                    "DOCPUBURL": site.url(site.art_path(c.id, i)),
                    "DOCRELTIME": f"{site.art_date(c, i).isoformat()} 09:30:00",
                }
                for i in rows
            ],
            "total": c.n,
        }
    else:
        doc = {
            "result": {
                "list": [
                    {
                        "title": site.art_title(c, i),
                        "url": site.art_path(c.id, i),
                        "publishTime": _epoch_ms(site.art_date(c, i)),
                    }
                    for i in rows
                ],
                "totalPage": pages,
            }
        }
    return 200, "application/json; charset=utf-8", json.dumps(doc, ensure_ascii=False).encode()


def _epoch_ms(d: dt.date) -> int:
    return int(dt.datetime(d.year, d.month, d.day, 9, 30, tzinfo=dt.UTC).timestamp() * 1000)


def render_list(site: DemoSite, c: Col) -> str:
    rows = [
        [site.art_path(c.id, i), site.art_title(c, i), site.art_date(c, i).isoformat()]
        for i in range(c.n)
    ]
    blob = base64.b64encode(json.dumps(rows, ensure_ascii=False).encode()).decode()
    return (
        f'<ul class="list" id="zt-{c.id}"></ul><script>\n'
        f'var _d = "{blob}";\n'
        f"(function () {{ var items = JSON.parse(decodeURIComponent(escape(atob(_d))));\n"
        f"  var ul = document.getElementById('zt-{c.id}');\n"
        f"  items.forEach(function (it) {{ var li = document.createElement('li');\n"
        f"    li.innerHTML = '<a href=\"' + it[0] + '\">' + it[1] + '</a><span>' + it[2] + '</span>';\n"
        f"    ul.appendChild(li); }}); }})();\n</script>"
    )
