"""Column discovery (栏目识别): navigation links that look like columns, and list pagination."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from zwgk.inspect.extract import Parsed
from zwgk.inspect.urls import is_attachment, is_skipped

_STOP = {
    "首页",
    "网站首页",
    "返回首页",
    "网站地图",
    "联系我们",
    "更多",
    "更多>>",
    "more",
    "english",
    "无障碍",
    "无障碍浏览",
    "长者模式",
    "登录",
    "注册",
    "上一页",
    "下一页",
    "尾页",
    "末页",
}
_PAGINATION = re.compile(
    r"(index|list|default)([_-]\d+)?\.s?html?$|[?&](page|pageno|pageindex|p)=\d+", re.I
)
_DATEISH = re.compile(r"\d{4}[-/.年]\d{1,2}")


def column_links(
    parsed: Parsed, in_site: Callable[[str], bool], page_url: str
) -> list[tuple[str, str]]:
    """Navigation links of a page that look like columns of the site."""
    out, seen = [], set()
    for url, label in parsed.nav_links:
        label = label.strip()
        if url in seen or url == page_url or not in_site(url):
            continue
        if not (2 <= len(label) <= 20) or label.lower() in _STOP or _DATEISH.search(label):
            continue
        if is_attachment(url) or is_skipped(url):
            continue
        if urlsplit(url).path in ("", "/", "/index.html", "/index.htm"):
            continue
        seen.add(url)
        out.append((url, label))
    return out


def is_pagination(list_url: str, url: str) -> bool:
    """``url`` is another page of the list at ``list_url`` (index_2.html, ?page=2)."""
    a, b = urlsplit(list_url), urlsplit(url)
    if a.netloc != b.netloc:
        return False
    dir_a = a.path.rsplit("/", 1)[0]
    dir_b = b.path.rsplit("/", 1)[0]
    return dir_a == dir_b and bool(_PAGINATION.search(b.path + ("?" + b.query if b.query else "")))
