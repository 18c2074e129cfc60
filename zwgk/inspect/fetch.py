"""HTTP fetching for the inspector: per-host concurrency and rate limits, backoff on 429/5xx,
robots.txt, timeouts (body included), a streamed body-size limit (never materialising more than
the limit, decompressed bytes included: a gzip bomb stops at the limit), a redirect limit, and
conditional requests against an on-disk cache (ETag / Last-Modified) for incremental re-runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import sqlite3
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import aiohttp
from yarl import URL

from zwgk.inspect.config import Settings
from zwgk.inspect.urls import host_key, normalise

REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Response:
    """One fetched URL after redirects. ``status`` 0 means no HTTP answer (see ``error``)."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    body: bytes = b""
    truncated: bool = False
    error: str | None = None
    redirects: int = 0
    elapsed: float = 0.0
    from_cache: bool = False
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None  # seconds, from a 429/503's Retry-After header

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class Cache:
    """On-disk cache (sqlite) of bodies with their ETag/Last-Modified, for conditional requests."""

    def __init__(self, directory: str | Path):
        Path(directory).mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(Path(directory) / "inspect-cache.sqlite"))
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,"
            " content_type TEXT, final_url TEXT, body BLOB)"
        )
        self.hits = 0
        self._pending = 0

    def get(self, url: str) -> tuple[str | None, str | None, str, str, bytes] | None:
        row = self.db.execute(
            "SELECT etag, last_modified, content_type, final_url, body FROM pages WHERE url=?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return row[0], row[1], row[2], row[3], zlib.decompress(row[4])

    def put(self, resp: Response) -> None:
        if not (resp.etag or resp.last_modified) or resp.truncated:
            return
        self.db.execute(
            "INSERT OR REPLACE INTO pages VALUES (?,?,?,?,?,?)",
            (
                resp.url,
                resp.etag,
                resp.last_modified,
                resp.content_type,
                resp.final_url,
                zlib.compress(resp.body, 3),
            ),
        )
        self._pending += 1
        if self._pending >= 500:
            self.db.commit()
            self._pending = 0

    def close(self) -> None:
        self.db.commit()
        self.db.close()


class _Robots:
    """A host's robots.txt rules for our user agent, checked the way ``RobotFileParser.can_fetch``
    checks them (first matching rule wins) without re-parsing every URL when there is no rule."""

    def __init__(self, text: str, user_agent: str):
        rp = RobotFileParser()
        rp.parse(text.splitlines())
        self.deny_all = rp.disallow_all
        entry = next((e for e in rp.entries if e.applies_to(user_agent)), rp.default_entry)
        self.rules = [] if rp.allow_all or entry is None else list(entry.rulelines)

    def allows(self, url: str) -> bool:
        if self.deny_all:
            return False
        if not self.rules:
            return True
        rest = url.split("://", 1)[-1]
        slash = rest.find("/")
        target = quote(unquote(rest[slash:] if slash >= 0 else "/").split("#", 1)[0]) or "/"
        for line in self.rules:
            if line.applies_to(target):
                return bool(line.allowance)
        return True


@dataclass
class _Host:
    sem: asyncio.Semaphore
    interval: float
    next_slot: float = 0.0
    robots: _Robots | None = None
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    robots_done: bool = False


class Fetcher:
    """Fetches URLs politely; one instance per inspection run."""

    def __init__(self, settings: Settings, cache: Cache | None = None, limiter=None):
        self.s = settings
        self.cache = cache
        # Optional shared limiter (``zwgk.monitor.limiter``): ``await limiter.wait(host,
        # interval)`` spaces requests to a host across processes instead of within this one.
        self.limiter = limiter
        self.hosts: dict[str, _Host] = {}
        self.requests = 0
        self.session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Fetcher:
        connector = aiohttp.TCPConnector(
            limit=max(100, self.s.concurrency * 4),
            limit_per_host=self.s.concurrency,
            ttl_dns_cache=300,
        )
        self.session = aiohttp.ClientSession(
            connector=connector,
            auto_decompress=False,
            headers={"User-Agent": self.s.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=aiohttp.ClientTimeout(total=None, sock_connect=self.s.timeout),
            max_line_size=16384,
            max_field_size=16384,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.session:
            await self.session.close()

    def _host(self, host: str) -> _Host:
        h = self.hosts.get(host)
        if h is None:
            interval = 1.0 / self.s.rate if self.s.rate > 0 else 0.0
            h = self.hosts[host] = _Host(asyncio.Semaphore(self.s.concurrency), interval)
        return h

    async def _wait_slot(self, h: _Host) -> None:
        if h.interval <= 0:
            return
        now = time.monotonic()
        slot = max(now, h.next_slot)
        h.next_slot = slot + h.interval
        if slot > now:
            await asyncio.sleep(slot - now)

    async def allowed(self, url: str) -> bool:
        """robots.txt says we may fetch ``url`` (robots.txt unreadable → allowed)."""
        if not self.s.robots:
            return True
        h = self._host(host_key(url))
        if not h.robots_done:
            async with h.robots_lock:
                if not h.robots_done:
                    parts = urlsplit(url)
                    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
                    resp = await self._get(robots_url, 512 * 1024, conditional=False)
                    if resp.ok and resp.body:
                        text = resp.body.decode("utf-8", "replace")
                        h.robots = _Robots(text, self.s.user_agent)
                    h.robots_done = True
        return h.robots is None or h.robots.allows(url)

    async def fetch(
        self,
        url: str,
        max_bytes: int | None = None,
        method: str = "GET",
        robots: bool = True,
        data: tuple[tuple[str, str], ...] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """GET (or HEAD, or POST with form ``data``, as a list page's script posts to its data
        feed) ``url``, following at most ``max_redirects`` redirects (a redirected POST is
        followed with GET, as browsers do)."""
        max_bytes = self.s.max_body if max_bytes is None else max_bytes
        start = time.monotonic()
        current = url
        seen = {url}
        for hop in range(self.s.max_redirects + 1):
            if robots and self.s.robots:
                h = self.hosts.get(host_key(current))
                known = h is not None and h.robots_done  # then no await is needed
                if not (
                    (h.robots is None or h.robots.allows(current))  # type: ignore[union-attr]
                    if known
                    else await self.allowed(current)
                ):
                    return Response(url, current, 0, error="robots.txt 不允许抓取", redirects=hop)
            resp = await self._get(current, max_bytes, method=method, data=data, headers=headers)
            resp.url, resp.redirects = url, hop
            if resp.status in REDIRECTS and resp.error is None:
                target = resp.final_url
                if not target:
                    break
                if method == "POST":
                    method, data = "GET", None
                if target in seen:
                    resp.error = "重定向循环"
                    resp.elapsed = time.monotonic() - start
                    return resp
                seen.add(target)
                current = target
                continue
            resp.elapsed = time.monotonic() - start
            return resp
        return Response(
            url,
            current,
            0,
            error=f"重定向次数超过 {self.s.max_redirects} 次",
            redirects=self.s.max_redirects,
            elapsed=time.monotonic() - start,
        )

    async def _get(
        self,
        url: str,
        max_bytes: int,
        method: str = "GET",
        conditional: bool = True,
        data: tuple[tuple[str, str], ...] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        h = self._host(host_key(url))
        cached = self.cache.get(url) if (self.cache and conditional and method == "GET") else None
        headers = dict(headers or {})
        if cached:
            if cached[0]:
                headers["If-None-Match"] = cached[0]
            if cached[1]:
                headers["If-Modified-Since"] = cached[1]
        delay = 1.0
        resp = Response(url, url, 0)
        for attempt in range(self.s.retries + 1):
            async with h.sem:
                if self.limiter is not None:
                    await self.limiter.wait(host_key(url), h.interval)
                elif h.interval > 0:
                    await self._wait_slot(h)
                resp = await self._once(url, max_bytes, method, headers, data)
            if resp.status == 304 and cached:
                self.cache.hits += 1  # type: ignore[union-attr]
                return Response(
                    url,
                    cached[3] or url,
                    200,
                    content_type=cached[2],
                    body=cached[4],
                    from_cache=True,
                    etag=cached[0],
                    last_modified=cached[1],
                )
            retry = resp.status in RETRY_STATUSES or (
                resp.status == 0 and resp.error and "超时" not in resp.error
            )
            if not retry or attempt == self.s.retries:
                break
            # Back off: honour Retry-After (capped), and slow the host down for later requests.
            wait = min(resp.retry_after if resp.retry_after is not None else delay, 30.0)
            if resp.status == 429 and h.interval < 2.0:
                h.interval = max(h.interval * 2, 0.25)
            await asyncio.sleep(wait)
            delay *= 2
        if self.cache and resp.status == 200 and method == "GET":
            self.cache.put(resp)
        return resp

    async def _once(
        self,
        url: str,
        max_bytes: int,
        method: str,
        headers: dict[str, str],
        data: tuple[tuple[str, str], ...] | None = None,
    ) -> Response:
        assert self.session is not None
        self.requests += 1
        try:
            async with asyncio.timeout(self.s.timeout):
                async with self.session.request(
                    method,
                    URL(url, encoded=True) if url.isascii() else url,  # normalised already
                    headers=headers,
                    allow_redirects=False,
                    data=list(data) if data is not None else None,
                ) as r:
                    ctype = r.headers.get("Content-Type", "")
                    out = Response(
                        url,
                        url,
                        r.status,
                        content_type=ctype,
                        etag=r.headers.get("ETag"),
                        last_modified=r.headers.get("Last-Modified"),
                    )
                    if r.status in RETRY_STATUSES:
                        out.retry_after = _retry_after(r.headers.get("Retry-After"))
                    if r.status in REDIRECTS:
                        loc = r.headers.get("Location")
                        out.final_url = normalise(urljoin(url, loc)) if loc else ""
                        return out
                    if method == "HEAD" or r.status == 304:
                        return out
                    encoding = r.headers.get("Content-Encoding", "")
                    length = r.content_length
                    if not encoding and length is not None and length <= max_bytes:
                        out.body = await r.read()  # small, plain and of known length
                    else:
                        out.body, out.truncated = await _read_limited(r, max_bytes, encoding)
                    return out
        except TimeoutError:
            return Response(url, url, 0, error=f"超时（{self.s.timeout:g} 秒）")
        except aiohttp.ClientError as exc:
            return Response(url, url, 0, error=f"无法连接：{type(exc).__name__} {exc}"[:300])
        except (OSError, ValueError, zlib.error) as exc:
            return Response(url, url, 0, error=f"读取失败：{type(exc).__name__} {exc}"[:300])


async def _read_limited(
    r: aiohttp.ClientResponse, max_bytes: int, encoding: str
) -> tuple[bytes, bool]:
    """Read at most ``max_bytes`` of the (decompressed) body, streaming; True if cut short."""
    encoding = encoding.strip().lower()
    decomp = None
    if encoding in ("gzip", "x-gzip"):
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decomp = zlib.decompressobj()
    buf = bytearray()
    raw_first = True
    async for chunk in r.content.iter_chunked(65536):
        if decomp is None:
            buf += chunk[: max_bytes - len(buf) + 1]
        else:
            if raw_first and encoding == "deflate" and chunk[:1] and (chunk[0] & 0x0F) != 8:
                decomp = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
            raw_first = False
            data = decomp.decompress(chunk, max_bytes - len(buf) + 1)
            buf += data
            while decomp.unconsumed_tail and len(buf) <= max_bytes:
                buf += decomp.decompress(decomp.unconsumed_tail, max_bytes - len(buf) + 1)
        if len(buf) > max_bytes:
            del buf[max_bytes:]
            with contextlib.suppress(Exception):
                r.close()
            return bytes(buf), True
    return bytes(buf), False


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
