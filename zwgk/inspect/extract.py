"""Decoding and parsing: charset detection (GBK/GB18030/UTF-8, charset-normalizer when unsure),
HTML → text, title, every kind of link (``<a>``, ``<area>``, ``<iframe>``/``<frame>``, ``onclick``
``window.open``/``location.href`` or a page address handed to a pager function, attachments in
``<embed>``/``<object>``/``<img>`` or written by a script's ``<a href>`` string), resources
(images and embeds), navigation links, meta tags, list records and dates; soft-404 detection;
attachment text (pdf via pypdf, docx via python-docx, xlsx via openpyxl; doc/wps/xls best effort)."""

from __future__ import annotations

import datetime as dt
import functools
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from zwgk.inspect.urls import canonical, is_attachment, normalise

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def decode(body: bytes, content_type: str = "", hint: str | None = None) -> tuple[str, str]:
    """Decode a page. Declared charset first (GBK/GB2312 read as GB18030), then UTF-8, then the
    ``hint`` (what charset-normalizer found on the site's earlier undeclared pages), then
    charset-normalizer; never raises (undecodable bytes become U+FFFD)."""
    if not body:
        return "", "utf-8"
    candidates = []
    m = _HEADER_CHARSET.search(content_type or "")
    if m:
        candidates.append(_codec(m.group(1)))
    m = _META_CHARSET.search(body[:4096])
    if m:
        candidates.append(_codec(m.group(1).decode("ascii", "ignore")))
    candidates.append("utf-8")
    candidates.append(hint)
    for enc in candidates:
        if not enc:
            continue
        try:
            return body.decode(enc), enc
        except UnicodeDecodeError:
            continue
    best = from_bytes(body[:200_000]).best()
    enc = _codec(best.encoding) if best else None
    enc = enc or "gb18030"
    return body.decode(enc, "replace"), enc


# Dates: 2024-05-06, 2024/05/06, 2024.05.06, 2024年5月6日, [05-06]; in list items also a bare
# "05-06" standing alone (``<span class="date">10-20</span>``, as on real county sites).
_FULL_DATE = re.compile(r"(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_SHORT_DATE = re.compile(r"[\[【(（]\s*(\d{1,2})[-/.月](\d{1,2})日?\s*[\]】)）]")
_BARE_SHORT_DATE = re.compile(r"(?:^|\s)([01]\d)-([0-3]\d)(?=\s|$)")


def find_dates(text: str, today: dt.date, short: bool = False) -> list[dt.date]:
    """Dates in ``text``; a month-day without a year is taken in the latest year that puts it no
    later than tomorrow. ``short``: also a bare ``MM-DD`` standing alone (list items)."""
    out = []
    for m in _FULL_DATE.finditer(text):
        try:
            out.append(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            continue
    if not out:
        pattern = _SHORT_DATE.finditer(text)
        if short and "-" in text:
            pattern = [*pattern, *_BARE_SHORT_DATE.finditer(text)]
        for m in pattern:
            try:
                d = dt.date(today.year, int(m.group(1)), int(m.group(2)))
            except ValueError:
                continue
            if d > today + dt.timedelta(days=1):
                d = d.replace(year=today.year - 1)
            out.append(d)
    return out


_NAV_HINT = re.compile(r"nav|menu|lanmu|column|sidebar|channel|\bdh\b", re.I)
_FURNITURE = ("nav", "header", "footer", "script", "style", "noscript")
_ITEM_SELECTORS = "li, tr, dd, p"
_EMPTY_WORDS = (
    "暂无信息",
    "暂无数据",
    "暂无内容",
    "暂无记录",
    "没有记录",
    "无相关信息",
    "暂无相关",
)
_SOFT404_WORDS = (
    "页面不存在",
    "页面未找到",
    "找不到页面",
    "您访问的页面不存在",
    "文件不存在",
    "信息不存在",
    "该页面已删除",
    "页面已删除",
    "无法找到该页",
    "page not found",
    "404 not found",
)


@dataclass(frozen=True)
class Record:
    """Record — 记录: one entry of a column's list wherever it lives (title, link, date)."""

    url: str
    title: str
    date: dt.date | None = None


@dataclass
class Parsed:
    """What the crawler keeps from one HTML page (the page's text goes to the checks).

    ``links`` are where the page sends a reader (pages and attachments); ``resources`` what it
    embeds (images, embeds that are not attachments). With ``detail`` (homepage and column
    pages) also navigation links, list ``records`` (link, title, date — dated or not), the text of
    the page's inline ``scripts``, the further list pages a page-jump ``<select>`` names
    (``pager_pages``: option values only, never built) and the main text's length."""

    title: str = ""
    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    nav_links: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    item_dates: list[dt.date] = field(default_factory=list)  # dates in list items
    items: int = 0  # list items that carry a date and a link
    records: list[Record] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    pager_pages: list[str] = field(default_factory=list)  # further list pages a <select> names
    main_text_len: int = 0
    empty_marker: bool = False
    published: dt.date | None = None


def _is_nav(node: Node) -> bool:
    cur: Node | None = node
    depth = 0
    while cur is not None and depth < 8:
        if cur.tag == "nav":
            return True
        attrs = cur.attributes
        cls = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
        if _NAV_HINT.search(cls):
            return True
        cur = cur.parent
        depth += 1
    return False


_NOT_LINKS = ("#", "javascript:", "mailto:", "tel:", "data:", "JavaScript:")
_PUB = re.compile(r"(发布日期|发布时间|成文日期|日期)\s*[:：]\s*")


@functools.lru_cache(maxsize=100_000)
def _resolve(base: str, href: str) -> str:
    return normalise(urljoin(base, href))


def _bases(url: str) -> tuple[str, str]:
    """(origin + "/", directory) of a page's URL, for resolving its links."""
    scheme = url.find("://")
    if scheme < 0 or "#" in url:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}/"
        return origin, (url[: url.rfind("/") + 1] if not parts.query else url)
    slash = url.find("/", scheme + 3)
    origin = url + "/" if slash < 0 else url[: slash + 1]
    return origin, (url[: url.rfind("/") + 1] if "?" not in url else url)


_RESOLVED: dict[tuple[str, str], str] = {}


def resolve(base: str, href: str, bases: tuple[str, str] | None = None) -> str:
    """Absolute, normalised URL of ``href`` on ``base`` (cached: navigation repeats on every page)."""
    if bases is not None:
        first = href[:2]
        scope = (
            ""
            if first in ("ht", "HT") and href.startswith(("http://", "https://"))
            else bases[0]
            if first[:1] == "/" and first != "//"
            else base
            if first[:1] == "?" or first == "//"
            else bases[1]
        )
        key = (scope, href)
        hit = _RESOLVED.get(key)
        if hit is None:
            if len(_RESOLVED) > 200_000:
                _RESOLVED.clear()
            hit = _RESOLVED[key] = _resolve_new(base, href, bases)
        return hit
    return _resolve_new(base, href, bases)


def _resolve_new(base: str, href: str, bases: tuple[str, str] | None) -> str:
    if href.startswith(("http://", "https://")):
        return _resolve("", href)
    origin, directory = bases or _bases(base)
    # A plain path (no dot segment, query or fragment) on a canonical origin or directory joins
    # by concatenation: what urljoin and normalise would make of it, without their parsing (each
    # new link of a page went through both).
    if href.startswith("/") and not href.startswith("//"):
        return canonical(origin[:-1] + href) or _resolve(origin, href)
    if href.startswith("?") or href.startswith("//"):
        return _resolve(base, href)
    if directory.startswith(origin):
        return canonical(directory + href) or _resolve(directory, href)
    return _resolve(directory, href)


_LINK_NODES = (
    "a[href], area[href], iframe[src], frame[src], embed[src], object[data], img[src], [onclick], "
    "script[src], link[href]"
)
_RESOURCE_LINKS = ("stylesheet", "icon", "shortcut icon")  # <link rel=…> that a page loads
_SCRIPT_URL = re.compile(
    r"""(?:window\.open|(?:window\.|document\.|top\.|parent\.)?location(?:\.href)?\s*=|location\.(?:assign|replace))\s*\(?\s*['"]([^'"]+)['"]"""
)
_SRC_ATTR = {
    "iframe": "src",
    "frame": "src",
    "embed": "src",
    "img": "src",
    "object": "data",
    "script": "src",
    "link": "href",
}


# A page address passed to some other function: ``queryArticleByCondition(this,'/…/d80f41dc-2.html')``
# (a pager that loads its pages by script). Only a quoted site path or absolute URL naming a page;
# templates (``%1``, ``{page}``) and concatenations are left alone.
_CALL_PAGE = re.compile(
    r"""\(\s*(?:this\s*,\s*)?['"]((?:https?://|/|\.\.?/)[^'"\s%{}<>+]*?\.(?:s?html?|jsp|aspx?|php)(?:\?[^'"\s%{}<>+]*)?)['"]"""
)


def _script_target(code: str) -> str | None:
    """The address in ``window.open('…')`` or ``location.href='…'`` (onclick, javascript: URLs), or
    a page address handed to another function as its first argument."""
    m = _SCRIPT_URL.search(code) or _CALL_PAGE.search(code)
    return m.group(1).strip() if m else None


def parse_html(url: str, html: str, today: dt.date, detail: bool = True) -> Parsed:
    """Parse a page. ``detail`` (homepage and column pages) adds navigation links, list records,
    inline scripts and the main text's length; articles do without (the crawl's hot path)."""
    tree = HTMLParser(html)
    p = Parsed()
    head = tree.head
    t = b = None
    if head is not None:  # the head's first title and base, its meta tags: one query
        for node in head.css("title, meta[name], base[href]"):
            tag = node.tag
            if tag == "meta":
                attrs = node.attrs
                name = (attrs.get("name") or "").strip()
                if name:
                    p.meta[name] = (attrs.get("content") or "").strip()
            elif tag == "title":
                if t is None:
                    t = node
            elif b is None:
                b = node
    if t is None:
        t = tree.css_first("title")
    p.title = t.text(strip=True) if t else ""
    base = url
    if b is not None:
        base = urljoin(url, b.attrs.get("href") or "")
    bases = _bases(base)
    seen_res: set[str] = set()
    for node in tree.css(_LINK_NODES):
        tag = node.tag
        attrs = node.attrs
        resource = False
        if tag == "a" or tag == "area":
            href = (attrs.get("href") or "").strip()
            if href.startswith(("javascript:", "JavaScript:")):
                href = _script_target(href) or ""
            if (not href or href[0] == "#") and "onclick" in attrs:
                href = _script_target(attrs.get("onclick") or "") or ""
            if not href or href.startswith(_NOT_LINKS):
                continue
            label = (node.text(strip=True) if tag == "a" else attrs.get("alt") or "")[:100]
        elif tag in _SRC_ATTR:
            if tag == "link" and (attrs.get("rel") or "").lower() not in _RESOURCE_LINKS:
                continue  # canonical, alternate, next…: not something the page loads
            href = (attrs.get(_SRC_ATTR[tag]) or "").strip()
            if not href or href.startswith(_NOT_LINKS):
                continue
            label = (attrs.get("title") or attrs.get("alt") or "")[:100]
            resource = tag not in ("iframe", "frame")
        else:
            href = _script_target(attrs.get("onclick") or "") or ""
            if not href or href.startswith(_NOT_LINKS):
                continue
            label = node.text(strip=True)[:100]
        try:
            absolute = resolve(base, href, bases)
        except ValueError:
            continue
        if not absolute.startswith(("http://", "https://")):
            continue
        if resource and not is_attachment(absolute):
            if absolute not in seen_res:
                seen_res.add(absolute)
                p.resources.append(absolute)
            continue
        p.links.append((absolute, label))
        if detail and tag == "a" and _is_nav(node):
            p.nav_links.append((absolute, label))
    if detail:
        _records(tree, p, base, bases, today)
        if "<option" in html or "<OPTION" in html:
            p.pager_pages = _select_pages(tree, url, base, bases)
    writes_links = "'<a " in html or '"<a ' in html  # an anchor in a script's string: rare
    for n in tree.css("script, style, noscript, template"):
        if n.tag == "script" and (detail or writes_links):
            code = n.text()
            if detail and code.strip():
                p.scripts.append(code)
            if writes_links and ("<a" in code or "<A" in code):
                _script_links(p, code, base, bases)
        n.decompose()
    body = tree.body
    p.text = body.text(separator="\n", strip=True) if body is not None else tree.text()
    if detail:
        for tag in _FURNITURE:
            for n in tree.css(tag):
                n.decompose()
        for n in tree.css("[class], [id]"):
            cls = (n.attributes.get("class") or "") + " " + (n.attributes.get("id") or "")
            if _NAV_HINT.search(cls):
                n.decompose()
        main = tree.body.text(separator=" ", strip=True) if tree.body is not None else ""
        p.main_text_len = len(re.sub(r"\s+", "", main))
        p.empty_marker = any(w in main for w in _EMPTY_WORDS)
    pub = p.meta.get("PubDate") or p.meta.get("pubdate") or ""
    dates = find_dates(pub, today) if pub else []
    if not dates:
        m = _PUB.search(p.text)
        if m:
            dates = find_dates(p.text[m.end() : m.end() + 40], today)
    if dates:
        p.published = dates[0]
    return p


# ``<a href="./P020….pdf">`` inside a script's string: TRS articles write their attachments with
# ``document.write`` (``var att = '<a href="./P0….xlsx">…</a>'``), so the page as fetched has no link.
_WRITTEN_LINK = re.compile(r"""<[aA]\s[^<>]*?href\s*=\s*\\?["']([^"'\\<>\s]+)""")


def _script_links(p: Parsed, code: str, base: str, bases: tuple[str, str]) -> None:
    """Attachment links a script writes into the page (documents only: a script's other markup is
    mostly templates)."""
    for m in _WRITTEN_LINK.finditer(code):
        href = m.group(1)
        if href.startswith(_NOT_LINKS) or not is_attachment(href.split("?", 1)[0]):
            continue
        try:
            absolute = resolve(base, href, bases)
        except ValueError:
            continue
        if absolute.startswith(("http://", "https://")):
            p.links.append((absolute, ""))


def _records(tree: HTMLParser, p: Parsed, base: str, bases: tuple[str, str], today: dt.date):
    """List items (innermost ``li``/``tr``/``dd``/``p`` with a link, outside navigation) as records;
    dated ones also count as ``items``."""
    for item in tree.css(_ITEM_SELECTORS):
        a = item.css_first("a[href]")
        if a is None:
            continue
        if len(item.css("li, tr")) > (1 if item.tag in ("li", "tr") else 0):
            continue  # only innermost items (lexbor's css() includes the node itself)
        dates = find_dates(item.text(separator=" "), today, short=True)
        if dates:
            p.items += 1
            p.item_dates.extend(dates)
        elif _is_nav(item):
            continue
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(_NOT_LINKS):
            continue
        try:
            url = resolve(base, href, bases)
        except ValueError:
            continue
        title = (a.attributes.get("title") or a.text(strip=True))[:200]
        p.records.append(Record(url, title, max(dates) if dates else None))
    _sibling_records(tree, p, base, bases, today)


_ITEM_TAGS = frozenset(("li", "tr", "dd", "p"))
_ROOT_TAGS = frozenset(("body", "html"))
_DATE_TEXT = 40  # a date element is short: "2017-10-13", "[2018-03-07]", "发布时间：2023-01-02"
_DATE_CHARS = re.compile(r"[\d\s\-/.:：年月日\[\]【】()（）]+")


def _sibling_date(node: Node, today: dt.date) -> list[dt.date]:
    """Dates in the short elements or text right after (then right before) ``node``, up to the
    next link: ``<a>…</a><p>2017-10-13</p>``, ``<span>2023/09/20</span><a>…</a>``."""
    for forward in (True, False):
        sib = node.next if forward else node.prev
        steps = 0
        while sib is not None and steps < 3:
            tag = sib.tag
            if tag == "-text":
                text = (sib.text_content or "").strip()
            elif tag in ("script", "style", "-comment"):
                sib = sib.next if forward else sib.prev
                continue
            else:
                if tag == "a" or sib.css_first("a[href]") is not None:
                    break
                text = sib.text(separator=" ", strip=True)
                steps += 1
            if text:
                # a date and at most a short label ("发布时间："), not a sentence holding a date
                if len(text) > _DATE_TEXT or len(_DATE_CHARS.sub("", text)) > 6:
                    break
                dates = find_dates(text, today, short=True)
                if dates:
                    return dates
            sib = sib.next if forward else sib.prev
    return []


def _sibling_records(tree: HTMLParser, p: Parsed, base: str, bases: tuple[str, str], today):
    """Rows that are not ``li``/``tr``/``dd``/``p``: a link with its date in a sibling element of a
    repeated container (``<div><a/><p>date</p></div>``, ``<dt><a/></dt><dd>date</dd>``, links and
    ``<span>`` elements one after the other). Only containers of the same kind holding two or more such
    rows count (a lone dated link beside some text is not a list)."""
    groups: dict[tuple[str, str], list[Record]] = {}
    for a in tree.css("a[href]"):
        cur = a.parent
        for _ in range(6):  # links inside a li/tr/dd/p item were read as that item
            if cur is None or cur.tag in _ITEM_TAGS or cur.tag in _ROOT_TAGS:
                break
            cur = cur.parent
        if cur is not None and cur.tag in _ITEM_TAGS:
            continue
        node = a
        dates = _sibling_date(node, today)
        if not dates:
            # the link's wrapper (``<dt>``, ``<span class="title">``) when it wraps the link alone
            parent = node.parent
            if parent is None or parent.tag in _ROOT_TAGS or _other_elements(parent, node):
                continue
            node = parent
            dates = _sibling_date(node, today)
            if not dates:
                continue
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(_NOT_LINKS) or _is_nav(a):
            continue
        try:
            url = resolve(base, href, bases)
        except ValueError:
            continue
        holder = node.parent
        key = (holder.tag, holder.attributes.get("class") or "") if holder is not None else ("", "")
        title = (a.attributes.get("title") or a.text(strip=True))[:200]
        groups.setdefault(key, []).append(Record(url, title, max(dates)))
    for rows in groups.values():
        if len(rows) < 2:
            continue
        for rec in rows:
            p.records.append(rec)
            p.items += 1
            if rec.date is not None:
                p.item_dates.append(rec.date)


def _other_elements(parent: Node, node: Node) -> bool:
    """``parent`` holds an element besides ``node``."""
    mine = node.mem_id
    return any(child.mem_id != mine for child in parent.iter(include_text=False))


# A page-jump ``<select>``: option values that are addresses of the same list's pages, numbered
# alike (``news-list-x-2.html``, ``news-list-x-3.html``). Other selects (departments, sites) are
# left alone; a select whose script builds the address from the option's text is not read.
_DIGITS = re.compile(r"\d+")
_MAX_OPTIONS = 2000


def _select_pages(tree: HTMLParser, url: str, base: str, bases: tuple[str, str]) -> list[str]:
    host = urlsplit(url).netloc
    out: list[str] = []
    for select in tree.css("select"):
        by_shape: dict[str, list[str]] = {}
        for i, opt in enumerate(select.css("option[value]")):
            if i >= _MAX_OPTIONS:
                break
            value = (opt.attributes.get("value") or "").strip()
            if not value or value.startswith(_NOT_LINKS) or not _DIGITS.search(value):
                continue
            if "/" not in value and "." not in value:
                continue  # a bare number or a key, not an address
            try:
                page = resolve(base, value, bases)
            except ValueError:
                continue
            if not page.startswith(("http://", "https://")) or urlsplit(page).netloc != host:
                continue
            by_shape.setdefault(_DIGITS.sub("#", page), []).append(page)
        for pages in by_shape.values():
            if len(pages) >= 2:
                out += [u for u in pages if u != url and u not in out]
    return out


def is_soft_404(status: int, title: str, text: str) -> bool:
    """A 200 page that says the page does not exist (软404)."""
    if status != 200:
        return False
    if "404" in title and _TITLE_404.search(title):
        return True
    if len(text) >= 3000:
        return False
    head = (title + " " + text[:600]).lower()
    return any(w in head for w in _SOFT404_WORDS)


# "404", "404 Not Found", "404错误", "错误页面-404" — but not "第404期", "〔2024〕404号", "404个".
_TITLE_404 = re.compile(r"(?<![\d第〕\]])404(?![\d期号个项件条名人元万户家所])")


# --- attachments -------------------------------------------------------------------------

NOT_EXTRACTED = "未能提取"
MAX_TEXT = 2_000_000


def extract_attachment(ext: str, body: bytes) -> tuple[str, str | None]:
    """Text of an attachment and a note when the text could not be (fully) extracted."""
    try:
        if ext == ".pdf":
            return _pdf(body), None
        if ext == ".docx":
            return _docx(body), None
        if ext == ".xlsx":
            return _xlsx(body), None
        if ext in (".doc", ".wps", ".xls", ".et"):
            text = _ole_text(body)
            if text.strip():
                return text, "旧版 Office/WPS 格式，文字为尽力提取，可能不全"
            return "", f"{NOT_EXTRACTED}：旧版 Office/WPS 格式无法读取文字，请人工查看"
        return "", f"{NOT_EXTRACTED}：不支持的附件格式 {ext}"
    except Exception as exc:  # a broken attachment must not stop the inspection
        return "", f"{NOT_EXTRACTED}：{type(exc).__name__} {str(exc)[:120]}"


def _pdf(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    parts, size = [], 0
    for i, page in enumerate(reader.pages):
        if i >= 300 or size > MAX_TEXT:
            break
        t = page.extract_text() or ""
        parts.append(t)
        size += len(t)
    return "\n".join(parts)


def _docx(body: bytes) -> str:
    """Body paragraphs, then each table's rows (cells joined by spaces), as python-docx reads them.
    Only the main document part is parsed (python-docx's own classes on it): the package's styles
    and themes, often most of its XML (800 KB in python-docx's own template), hold no text. A
    package that is not a plain Word document is read by python-docx whole (and its errors)."""
    import docx
    from docx.document import Document

    main = _docx_main(body)
    d = Document(main, None) if main is not None else docx.Document(io.BytesIO(body))  # type: ignore[arg-type]
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append(" ".join(c.text for c in row.cells))
    return "\n".join(parts)[:MAX_TEXT]


_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)


def _docx_main(body: bytes):
    """The main document part of a Word package, parsed as python-docx parses it, when the
    package's relationships name one part of python-docx's document content type; else None."""
    from docx.oxml import parse_xml

    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            targets = [
                rel.get("Target") or ""
                for rel in parse_xml(z.read("_rels/.rels"))
                if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External"
            ]
            if len(targets) != 1:
                return None
            name = posixpath.normpath("/" + targets[0].lstrip("/"))
            types = parse_xml(z.read("[Content_Types].xml"))
            by_part = {
                (t.get("PartName") or "").lower(): t.get("ContentType")
                for t in types
                if str(t.tag).endswith("}Override")
            }
            by_ext = {
                (t.get("Extension") or "").lower(): t.get("ContentType")
                for t in types
                if str(t.tag).endswith("}Default")
            }
            kind = by_part.get(name.lower()) or by_ext.get(name.rsplit(".", 1)[-1].lower())
            if kind != _WML_MAIN:
                return None
            return parse_xml(z.read(name[1:]))
    except Exception:  # anything unusual: python-docx reads the whole package instead
        return None


def _xlsx(body: bytes) -> str:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    parts, cells = [], 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            vals = [str(v) for v in row if v is not None]
            cells += len(row)
            if vals:
                parts.append(" ".join(vals))
            if cells > 500_000:
                break
    wb.close()
    return "\n".join(parts)[:MAX_TEXT]


_UTF16_RUN = re.compile(rb"(?:[\x20-\x7e\x00-\xff][\x00]|[\x00-\xff][\x4e-\x9f]){4,}")


def _ole_text(body: bytes) -> str:
    """Best effort for .doc/.wps/.xls: runs of UTF-16LE text (Word stores text this way)."""
    out = []
    for m in _UTF16_RUN.finditer(body[: 20 * 1024 * 1024]):
        chunk = m.group(0)
        if len(chunk) % 2:
            chunk = chunk[:-1]
        text = chunk.decode("utf-16le", "ignore")
        if sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or c.isalnum()) >= len(text) // 2:
            out.append(text)
    return "\n".join(out)[:MAX_TEXT]
