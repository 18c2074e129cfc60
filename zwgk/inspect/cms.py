"""Lists that government CMSs build with scripts (脚本生成的栏目列表), read the way their own scripts
read them, without a browser.

- **Script-built pagination** (TRS WCM and look-alikes): ``createPageHTML(12, 0, "index", "html")``
  and ``createPageHTML('page_div', 12, 1, 'list', 'shtml', 235)``; the classic ``var countPage = 12``
  with ``"index_" + nextPage + ".html"``; page addresses written as literals in a script
  (``location='Index_2.aspx'``). Only addresses the page's own script states are returned: the
  count comes from the script, the numbering (``_1`` or ``_2`` for the second page) from the
  current page's index in the same call, the name and extension from the call — nothing guessed.
- **Hanweb (大汉) columns**: records inside ``<script type="text/xml"><datastore>…<record><![CDATA[…]]>``
  (or a ``var InitData… = ['…']`` array), further records from ``/module/web/jpage/dataproxy.jsp``
  with ``startrecord``/``endrecord``/``perpage`` and the page's ``ajaxParam`` (POST, as the jpage
  script does) — the ``<nextgroup>`` address and its query where ``jpage({…})`` names no
  ``proxyUrl`` but its ``perPage`` —, or ``?page=N`` (GET) where the page only gives a ``<nextgroup>``
  link.
- **JSON-fed columns** (开普云-style and TRS JSON lists): the endpoint from a ``$.ajax``/``$.getJSON``/
  ``$.get``/``$.post``/``fetch``/``axios`` call in the page's scripts (or from the site's
  configuration), paged by its page parameter; records (title, link, date) read from the largest
  array of objects in the answer. A call that declares no JSON answer counts only when it names JSON
  or carries a page number (a statistics beacon does neither).

Real shapes these follow: TRS list pages and the crawlers written against them (``createPageHTML``
with and without the element id; ``_1`` and ``_2`` numbering); Hanweb jpage pages (``jpage({…
totalRecord:1418, proxyUrl:'/module/jslib/jquery/jpage/dataproxy.jsp', perPage:25, ajaxParam:{col:1,
webid:60, columnid:30067, unitid:'49468', …}})`` and the POST form ``col, appid, webid, path,
columnid, sourceContentType, unitid, webname, permissiontype``); JSON lists keyed ``DOCTITLE``/
``DOCPUBURL``/``DOCRELTIME``, ``title``/``url``/``publishTime`` and the like.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from zwgk.inspect.extract import Record, find_dates, resolve
from zwgk.inspect.urls import normalise


@dataclass(frozen=True)
class Feed:
    """A further source of a column's records, fetched as the page's own script fetches it.

    ``kind`` is ``dataproxy`` (Hanweb XML) or ``json``. ``data`` is the form (POST) or query (GET)
    fields; ``page_key`` the field that numbers the pages (``startrecord`` for Hanweb, ``pageNo`` …
    for JSON), ``first`` its value for this request, ``step`` how much it grows per request."""

    kind: str
    url: str
    method: str = "GET"
    data: tuple[tuple[str, str], ...] = ()
    page_key: str | None = None
    first: int = 1
    step: int = 1
    size_key: str | None = None
    total: int | None = None  # records (Hanweb) or pages (JSON) the page announced, if any
    per: int = 20  # records per request (Hanweb: perpage × groupSize)
    page_size: int = 20  # Hanweb's perpage

    def request(self, n: int) -> tuple[str, tuple[tuple[str, str], ...]]:
        """(url, fields) of the ``n``-th request (0 = the first one after the page's own)."""
        value = self.first + n * self.step
        if self.kind == "dataproxy" and self.page_key == "startrecord":
            query = urlencode(
                {"startrecord": value, "endrecord": value + self.per - 1, "perpage": self.page_size}
            )
            return _with_query(self.url, query), self.data
        fields = tuple((k, str(value) if k == self.page_key else v) for k, v in self.data)
        if self.page_key and self.page_key not in dict(fields):
            fields += ((self.page_key, str(value)),)
        if self.method == "GET":
            return _with_query(self.url, urlencode(fields)), ()
        return self.url, fields

    def key(self, n: int) -> str:
        url, fields = self.request(n)
        return url + ("#" + urlencode(fields) if fields else "")


@dataclass
class ScriptLists:
    """What a list page's scripts say about its column's records."""

    pages: list[str] = field(default_factory=list)  # further list pages, in order
    records: list[Record] = field(default_factory=list)  # records held in the page's scripts
    feeds: list[Feed] = field(default_factory=list)
    builds_list: bool = False  # a script fills the list in a way none of the above reads


def _with_query(url: str, query: str) -> str:
    if not query:
        return url
    return url + ("&" if "?" in url else "?") + query


# -- script-built pagination (TRS WCM and look-alikes) -------------------------------------------

_CREATE_PAGE = re.compile(
    r"createPageHTML\s*\(\s*(?:(['\"])[^'\"]*\1\s*,\s*)?(\d+)\s*,\s*(\d+)\s*,\s*"
    r"(['\"])([\w.\-]+)\4\s*,\s*(['\"])(\w+)\6"
)
_COUNT_PAGE = re.compile(r"\bcountPage\s*=\s*(\d+)")
_CURRENT_PAGE = re.compile(r"\bcurrentPage\s*=\s*(\d+)")
# "index_" + nextPage + ".html"  /  "index" + "_" + n + "." + "html"
_WRITTEN_NAME = re.compile(
    r"""["']?(?:href=\\?["'])?([\w\-]+)(?:_["']|["']\s*\+\s*["']_["'])\s*\+\s*\w+\s*\+\s*["']\.(?:["']\s*\+\s*["'])?(\w+)\\?["']"""
)
_LITERAL_PAGE = re.compile(r"""(['"])((?:\./)?([\w\-]+)_(\d{1,4})\.(s?html?|aspx|jsp|php))\1""")
_PAGE_NAMES = ("index", "list", "default", "more", "page")


def script_pages(page_url: str, scripts: list[str], limit: int) -> list[str]:
    """Further pages of the list at ``page_url`` that its scripts state, at most ``limit``."""
    out: list[str] = []
    for text in scripts:
        m = _CREATE_PAGE.search(text)
        if m:
            count, current, name, ext = int(m.group(2)), int(m.group(3)), m.group(5), m.group(7)
            out += _numbered(page_url, count, current, name, ext, limit)
            continue
        count_m = _COUNT_PAGE.search(text)
        if count_m:
            name_m = _WRITTEN_NAME.search(text)
            if name_m:
                cur = _CURRENT_PAGE.search(text)
                current = int(cur.group(1)) if cur else 0
                out += _numbered(
                    page_url,
                    int(count_m.group(1)),
                    current,
                    name_m.group(1),
                    name_m.group(2),
                    limit,
                )
                continue
        stem = _stem(page_url)
        for lit in _LITERAL_PAGE.finditer(text):
            name = lit.group(3)
            if name.lower() in _PAGE_NAMES or name == stem:
                out.append(resolve(page_url, lit.group(2)))
    seen: set[str] = set()
    unique = []
    for u in out:
        if u not in seen and u != page_url:
            seen.add(u)
            unique.append(u)
    return unique[:limit]


def _stem(url: str) -> str:
    last = urlsplit(url).path.rsplit("/", 1)[-1]
    return last.split(".", 1)[0] if last else "index"


def _numbered(page_url: str, count: int, current: int, name: str, ext: str, limit: int):
    """Pages of a ``createPageHTML``-style pager seen from its first page: the first page is
    ``name.ext`` (index ``current``: 0 or 1), the others ``name_i.ext`` for the next ``count-1``
    indices."""
    base = min(current, 1)
    return [
        resolve(page_url, f"{name}_{i}.{ext}")
        for i in range(base + 1, base + min(count, limit + 1))
    ]


# -- Hanweb (大汉) datastore and jpage -----------------------------------------------------------

_DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.S | re.I)
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_TOTAL_RECORD = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
_NEXT_GROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.S | re.I)
_INIT_DATA = re.compile(r"var\s+(\w*InitData\w*)\s*=\s*\[(.*?)\]\s*;", re.S)
_JS_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", re.S)
_JPAGE = re.compile(r"\.jpage\s*\(\s*\{", re.S)
# the address in either quote style: Hanweb writes ``path='/'`` inside a double-quoted href
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]+)"|'([^']+)')""", re.I)


def datastore_records(page_url: str, xml: str, today: dt.date) -> tuple[list[Record], int | None]:
    """Records of a Hanweb ``<datastore>`` (a page's inline one or a dataproxy answer) and the
    total number of records it announces."""
    records: list[Record] = []
    for m in _RECORD.finditer(xml):
        records += fragment_records(page_url, m.group(1), today)
    total = _TOTAL_RECORD.search(xml)
    return records, int(total.group(1)) if total else None


def fragment_records(page_url: str, fragment: str, today: dt.date) -> list[Record]:
    """Records of an HTML fragment (a datastore record, a JSON answer's HTML): each link with the
    dates in the innermost element around it."""
    if "<a" not in fragment.lower():
        return []
    tree = HTMLParser(fragment)
    out = []
    links = tree.css("a[href]")
    for a in links:
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "JavaScript:")):
            continue
        try:
            url = resolve(page_url, href)
        except ValueError:
            continue
        holder = a.parent if a.parent is not None and a.parent.tag != "body" else a
        dates = find_dates(holder.text(separator=" "), today, short=True)
        if not dates and len(links) == 1:
            # one entry per fragment (a datastore record): its date may sit in a sibling cell,
            # ``<tr><td><a …></td><td>[2017-04-24]</td></tr>``, which the parser unwraps
            dates = find_dates(tree.text(separator=" "), today, short=True)
        title = (a.attributes.get("title") or a.text(strip=True))[:200]
        out.append(Record(url, title, max(dates) if dates else None))
    return out


def hanweb(page_url: str, scripts: list[str], today: dt.date) -> tuple[list[Record], Feed | None]:
    """Records held in a Hanweb page's scripts, and the dataproxy feed for the rest."""
    records: list[Record] = []
    total: int | None = None
    next_group: str | None = None
    params: dict[str, Any] | None = None
    for text in scripts:
        ds = _DATASTORE.search(text)
        if ds:
            recs, total_here = datastore_records(page_url, ds.group(1), today)
            records += recs
            total = total_here if total_here is not None else total
            ng = _NEXT_GROUP.search(ds.group(1))
            href = _HREF.search(ng.group(1)) if ng else None
            if href:
                next_group = href.group(1) or href.group(2)
        for init in _INIT_DATA.finditer(text):
            for s in _JS_STRING.finditer(init.group(2)):
                raw = s.group(1) if s.group(1) is not None else s.group(2)
                records += fragment_records(page_url, raw.replace("\\'", "'"), today)
        jp = _JPAGE.search(text)
        if jp:
            params = js_object(text, jp.end() - 1)
    return records, _dataproxy_feed(page_url, params, next_group, len(records), total)


def _dataproxy_feed(
    page_url: str,
    params: dict[str, Any] | None,
    next_group: str | None,
    have: int,
    total: int | None,
) -> Feed | None:
    if params and params.get("proxyUrl"):
        total = _int(params.get("totalRecord"), total)
        per_page = _int(params.get("perPage"), 20) or 20
        group = _int(params.get("groupSize"), 3) or 1
        ajax = params.get("ajaxParam")
        data = tuple((str(k), str(v)) for k, v in ajax.items()) if isinstance(ajax, dict) else ()
        if total is not None and have >= total:
            return None
        return Feed(
            kind="dataproxy",
            url=resolve(page_url, str(params["proxyUrl"])),
            method="POST",
            data=data,
            page_key="startrecord",
            first=have + 1,
            step=per_page * group,
            total=total,
            per=per_page * group,
            page_size=per_page,
        )
    if next_group and "dataproxy" in next_group:
        url = resolve(page_url, next_group.replace("&amp;", "&"))
        parts = urlsplit(url)
        fields = tuple(
            (k, v) for k, v in (p.partition("=")[::2] for p in parts.query.split("&") if p)
        )
        start = _int(dict(fields).get("page"), 1) or 1
        base = url.split("?", 1)[0]
        per_page = _int(params.get("perPage"), None) if params else None
        if params and per_page:
            # ``jpage({totalRecord, perPage})`` without a proxyUrl: the jpage script asks the
            # ``<nextgroup>`` address for ``startrecord``/``endrecord``/``perpage``, its query as the form
            total = _int(params.get("totalRecord"), total)
            if total is not None and have >= total:
                return None
            group = _int(params.get("groupSize"), 3) or 1
            return Feed(
                kind="dataproxy",
                url=base,
                method="POST",
                data=tuple((k, v) for k, v in fields if k != "page"),
                page_key="startrecord",
                first=have + 1,
                step=per_page * group,
                total=total,
                per=per_page * group,
                page_size=per_page,
            )
        return Feed(
            kind="dataproxy",
            url=base,
            method="GET",
            data=tuple((k, v) for k, v in fields if k != "page"),
            page_key="page",
            first=start + 1 if have else start,
            step=1,
            total=total,
        )
    return None


def _int(value: Any, default: int | None) -> int | None:
    try:
        return int(str(value).strip().strip("'\""))
    except (TypeError, ValueError):
        return default


# -- tiny JS object-literal reader ---------------------------------------------------------------

_JS_PAIR = re.compile(
    r"""['"]?([\w$]+)['"]?\s*:\s*("""
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|\{|[\w$.]+)""",
    re.S,
)


def js_object(text: str, start: int) -> dict[str, Any]:
    """The flat or nested object literal starting at ``text[start] == '{'`` as a dict of strings,
    numbers and dicts (expressions are kept as their text)."""
    out: dict[str, Any] = {}
    i = start + 1
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "}":
            break
        m = _JS_PAIR.match(text, i)
        if not m:
            i = _skip_expression(text, i)
            continue
        key, value = m.group(1), m.group(2)
        after = text[m.end() : m.end() + 64].lstrip(" \t\r\n")
        if value[:1] not in "'\"{" and after[:1] not in (",", "}", ""):
            i = _skip_expression(text, m.end())  # a call, arithmetic: not read
            continue
        if value == "{":
            inner_start = m.end() - 1
            out[key] = js_object(text, inner_start)
            i = _matching_brace(text, inner_start) + 1
            continue
        if value[:1] in "'\"":
            out[key] = value[1:-1].replace("\\'", "'").replace('\\"', '"')
        elif re.fullmatch(r"-?\d+", value):
            out[key] = int(value)
        else:
            out[key] = value
        i = m.end()
    return out


def _skip_expression(text: str, i: int) -> int:
    """Index of the comma or closing brace that ends the expression at ``text[i:]``."""
    depth = 0
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            break
        i += 1
    return i


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    quote = ""
    i = start
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text) - 1


# -- JSON-fed columns ----------------------------------------------------------------------------

_CALLS = re.compile(
    r"(\$\.ajax|jQuery\.ajax|\$\.getJSON|\$\.get|\$\.post|fetch|axios(?:\.get|\.post)?)\s*\(",
)
_STATIC = (".js", ".css", ".png", ".jpg", ".gif", ".svg", ".ico", ".woff", ".htm", ".html")
PAGE_KEYS = ("pageno", "pagenum", "pagenumber", "pageindex", "currentpage", "curpage", "page", "p")
SIZE_KEYS = ("pagesize", "size", "rows", "perpage", "limit", "pagecount")


def json_feeds(page_url: str, scripts: list[str]) -> list[Feed]:
    """JSON endpoints the page's scripts call to fill its list (same site only, at most 3)."""
    host = urlsplit(page_url).netloc
    out: list[Feed] = []
    for text in scripts:
        for m in _CALLS.finditer(text):
            feed = _call_feed(page_url, text, m)
            if feed and urlsplit(feed.url).netloc == host and feed not in out:
                out.append(feed)
    return out[:3]


def _call_feed(page_url: str, text: str, m: re.Match[str]) -> Feed | None:
    fn = m.group(1)
    i = m.end()
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    if i >= len(text):
        return None
    method = "POST" if fn.endswith("post") else "GET"
    data: dict[str, Any] = {}
    declared_json = fn == "$.getJSON"
    if text[i] == "{":  # $.ajax({url: …, type: …, data: {…}})
        opts = js_object(text, i)
        url = opts.get("url")
        kind = str(opts.get("type") or opts.get("method") or "GET").upper()
        method = "POST" if kind == "POST" else "GET"
        raw = opts.get("data")
        data = raw if isinstance(raw, dict) else {}
        data_type = str(opts.get("dataType", "")).lower()
        if data_type and data_type not in ("json", "jsonp"):
            return None
        declared_json = declared_json or bool(data_type)
    else:
        s = _JS_STRING.match(text, i)
        if not s:
            return None
        url = s.group(1) if s.group(1) is not None else s.group(2)
        rest = text[s.end() : s.end() + 400].lstrip(" \t\r\n,")
        if rest.startswith("{"):
            opts = js_object(rest, 0)
            inner = opts.get("params") or opts.get("data")
            data = inner if isinstance(inner, dict) else opts
            if "method" in opts and str(opts["method"]).upper() == "POST":
                method = "POST"
    if not isinstance(url, str) or not url or url.split("?", 1)[0].lower().endswith(_STATIC):
        return None
    if not declared_json and not _pages_or_json(url, data):
        return None  # a beacon or a form post: no JSON declared and nothing to page through
    try:
        full = resolve(page_url, url)
    except ValueError:
        return None
    fields = {str(k): str(v) for k, v in data.items() if not isinstance(v, dict)}
    query = dict(p.partition("=")[::2] for p in urlsplit(full).query.split("&") if p)
    page_key = _pick(fields, PAGE_KEYS) or _pick(query, PAGE_KEYS)
    size_key = _pick(fields, SIZE_KEYS) or _pick(query, SIZE_KEYS)
    if page_key and page_key in query:
        base = full.split("?", 1)[0]
        fields = {**query, **fields}
        full = base
    first = _int(fields.get(page_key or ""), 1) if page_key else 1
    return Feed(
        kind="json",
        url=normalise(full),
        method=method,
        data=tuple(fields.items()),
        page_key=page_key,
        first=first if first is not None else 1,
        step=1,
        size_key=size_key,
    )


def _pages_or_json(url: str, data: dict[str, Any]) -> bool:
    """A call without a declared JSON answer is taken for a list feed only when it names JSON or
    carries a page number (in its data or its query)."""
    if "json" in url.lower():
        return True
    query = dict(p.partition("=")[::2] for p in urlsplit(url).query.split("&") if p)
    return bool(_pick(data, PAGE_KEYS) or _pick(query, PAGE_KEYS))


def _pick(fields: dict[str, Any], names: tuple[str, ...]) -> str | None:
    lower = {k.lower(): k for k in fields}
    for n in names:
        if n in lower:
            return lower[n]
    return None


def configured_feed(page_url: str, spec: dict[str, Any]) -> Feed:
    """A JSON feed from a column's ``json_api`` setting: ``{url, method, data, page_param}``."""
    data = {str(k): str(v) for k, v in (spec.get("data") or {}).items()}
    page_key = spec.get("page_param") or _pick(data, PAGE_KEYS)
    first = int(spec.get("first_page", data.get(page_key or "", 1) or 1))
    return Feed(
        kind="json",
        url=resolve(page_url, str(spec["url"])),
        method=str(spec.get("method", "GET")).upper(),
        data=tuple(data.items()),
        page_key=page_key,
        first=first,
        size_key=_pick(data, SIZE_KEYS),
    )


TITLE_KEYS = ("title", "doctitle", "docTitle", "articletitle", "name", "bt", "xxbt", "subject")
URL_KEYS = ("url", "docpuburl", "link", "href", "articleurl", "staticurl", "statichtmlurl", "path")
DATE_KEYS = (
    "publishtime",
    "pubdate",
    "docreltime",
    "docpubtime",
    "publishdate",
    "releasetime",
    "pubtime",
    "fbrq",
    "date",
    "createtime",
    "crtime",
    "time",
)
TOTAL_PAGE_KEYS = ("totalpage", "totalpages", "pages", "pagecount", "pagetotal")
TOTAL_KEYS = ("total", "totalcount", "totalelements", "totalrecord", "recordcount", "count")


def json_records(
    page_url: str, answer: Any, today: dt.date
) -> tuple[list[Record], int | None, int | None]:
    """(records, total pages, total records) of a JSON list answer."""
    items = _largest_list(answer)
    out = []
    for item in items:
        rec = _json_record(page_url, item, today)
        if rec:
            out.append(rec)
    if not out and isinstance(answer, dict):  # {"data": {"html": "<li>…</li>"}} style
        html = _find_key(answer, ("html", "content", "result"))
        if isinstance(html, str) and "<a" in html:
            if "<datastore" in html.lower():
                out, _ = datastore_records(page_url, html, today)
            else:
                out = fragment_records(page_url, html, today)
    return out, _find_int(answer, TOTAL_PAGE_KEYS), _find_int(answer, TOTAL_KEYS)


def parse_json(text: str) -> Any:
    """A JSON answer, JSONP-wrapped (``cb({...})``) or not; None when it is not JSON."""
    text = text.strip().lstrip("\ufeff")
    if text[:1] not in "[{":
        m = re.match(r"^[\w$.]+\s*\((.*)\)\s*;?\s*$", text, re.S)
        if not m:
            return None
        text = m.group(1)
    try:
        return json.loads(text)
    except ValueError:
        return None


def _largest_list(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    best: list[dict[str, Any]] = []
    if depth > 4:
        return best
    if isinstance(value, list):
        dicts = [v for v in value if isinstance(v, dict)]
        if len(dicts) > len(best):
            best = dicts
        for v in value[:5]:
            inner = _largest_list(v, depth + 1)
            if len(inner) > len(best):
                best = inner
    elif isinstance(value, dict):
        for v in value.values():
            inner = _largest_list(v, depth + 1)
            if len(inner) > len(best):
                best = inner
    return best


def _lower_items(item: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in item.items()}


def _json_record(page_url: str, item: dict[str, Any], today: dt.date) -> Record | None:
    low = _lower_items(item)
    url = next((low[k] for k in URL_KEYS if isinstance(low.get(k), str) and low[k]), None)
    if url is None:
        url = next(
            (
                v
                for v in low.values()
                if isinstance(v, str) and re.search(r"\.(s?html?|pdf|docx?|xlsx?)$", v)
            ),
            None,
        )
    if not url:
        return None
    try:
        full = resolve(page_url, url.strip())
    except ValueError:
        return None
    title = next((str(low[k]) for k in TITLE_KEYS if low.get(k)), "")
    date = None
    for k in DATE_KEYS:
        date = _json_date(low.get(k), today)
        if date:
            break
    return Record(full, title[:200], date)


def _json_date(value: Any, today: dt.date) -> dt.date | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value
        if 0 < seconds < 10**10:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
        return None
    if isinstance(value, str):
        dates = find_dates(value, today)
        return dates[0] if dates else None
    return None


def _find_key(value: Any, names: tuple[str, ...], depth: int = 0) -> Any:
    if depth > 3 or not isinstance(value, dict):
        return None
    low = _lower_items(value)
    for n in names:
        if n in low:
            return low[n]
    for v in value.values():
        found = _find_key(v, names, depth + 1)
        if found is not None:
            return found
    return None


def _find_int(value: Any, names: tuple[str, ...]) -> int | None:
    found = _find_key(value, names)
    return _int(found, None) if found is not None and not isinstance(found, (dict, list)) else None


# -- a list some script fills that none of the above reads ---------------------------------------

_FILLS_LIST = re.compile(
    r"\.(?:html|append|innerHTML)\b|document\.write\s*\(|template\s*\(|v-for=|\{\{\s*\w+",
)


def builds_list(scripts: list[str]) -> bool:
    """A script writes markup into the page (a list the crawler may not see)."""
    return any(_FILLS_LIST.search(t) for t in scripts)
