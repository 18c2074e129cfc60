"""URL normalisation and trap avoidance for the crawler."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

ATTACHMENT_EXTS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd"}
SKIP_EXTS = {
    ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".svg", ".ico", ".css", ".js", ".zip",
    ".rar", ".7z", ".gz", ".tar", ".mp4", ".mp3", ".avi", ".wmv", ".flv", ".swf", ".exe", ".apk",
    ".iso", ".dmg", ".ppt", ".pptx", ".txt", ".xml", ".json", ".woff", ".woff2", ".ttf",
}  # fmt: skip
_SESSION_PARAMS = re.compile(
    r"^(jsessionid|phpsessid|sid|sessionid|utm_\w+|spm|from|timestamp|_)$", re.I
)
_DIGITS = re.compile(r"\d+")


# Already canonical: lower-case http(s) host, perhaps a port (not the scheme's default, no leading
# zero), a path of plain characters with no dot segment, no query, no fragment (most links on a
# page): returned as they are.
_CANONICAL = re.compile(
    r"(https?)://[a-z0-9.\-]+(?::([1-9][0-9]{0,4}))?(?:/(?!\.\.?(?:/|$))[A-Za-z0-9_\-~.]+)*/?"
)
_DEFAULT_PORT = {"http": "80", "https": "443"}


def normalise(url: str) -> str:
    """Canonical form: lower-case scheme/host, no default port, no fragment, dot segments
    resolved, session parameters dropped, ``;jsessionid=`` dropped, query kept in order."""
    return canonical(url) or normalise_parsed(url)


def canonical(url: str) -> str | None:
    """``normalise(url)`` when ``url`` is already canonical but for a missing ``/`` after the
    host (the fast path: no parsing), else None."""
    m = _CANONICAL.fullmatch(url)
    if m is not None:
        port = m.group(2)
        if port is None or (port != _DEFAULT_PORT[m.group(1)] and int(port) <= 65535):
            return url if url.count("/") > 2 else url + "/"
    return None


def normalise_parsed(url: str) -> str:
    """``normalise`` by parsing every part (what the fast path must agree with)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    path = parts.path or "/"
    path = re.sub(r";jsessionid=[^/?#]*", "", path, flags=re.I)
    if "." in path:
        trailing = path.endswith("/")
        path = posixpath.normpath(path)
        if trailing and not path.endswith("/"):
            path += "/"
        if path.startswith("//"):
            path = "/" + path.lstrip("/")
    path = quote(unquote(path), safe="/%:@!$&'()*+,;=-._~")
    query = parts.query
    if query:
        pairs = [
            (k, v)
            for k, v in parse_qsl(query, keep_blank_values=True)
            if not _SESSION_PARAMS.match(k)
        ]
        query = urlencode(pairs, doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def host_key(url: str) -> str:
    """The host (netloc) of an absolute URL, lower-case, without parsing the whole URL."""
    rest = url.split("://", 1)[-1]
    end = len(rest)
    for sep in "/?#":
        i = rest.find(sep)
        if 0 <= i < end:
            end = i
    return rest[:end].lower()


def extension(url: str) -> str:
    """``.pdf`` of ``http://h/a/b.PDF?x=1`` (lower case); ``""`` when the path has none."""
    scheme = url.find("://")
    start = url.find("/", scheme + 3) if scheme >= 0 else 0
    if start < 0:
        return ""
    end = len(url)
    for sep in "?#":
        i = url.find(sep, start)
        if 0 <= i < end:
            end = i
    dot = url.rfind(".", start, end)
    if dot < 0 or url.find("/", dot, end) >= 0:
        return ""
    return url[dot:end].lower()


def is_attachment(url: str) -> bool:
    return extension(url) in ATTACHMENT_EXTS


def is_skipped(url: str) -> bool:
    return extension(url) in SKIP_EXTS


def pattern(url: str) -> str:
    """The URL's shape with digit runs replaced, for per-pattern caps (calendar traps)."""
    parts = urlsplit(url)
    return parts.netloc + _DIGITS.sub("#", parts.path) + ("?" if parts.query else "")


def looks_like_trap(url: str, max_length: int) -> str | None:
    if len(url) > max_length:
        return "网址过长"
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if len(segments) > 12:
        return "路径层级过深"
    counts: dict[str, int] = {}
    for s in segments:
        counts[s] = counts.get(s, 0) + 1
        if counts[s] >= 3:
            return "路径重复"
    return None
