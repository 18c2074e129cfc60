"""Fixtures of the inspector's tests: a small demo site, the inspection of it (run once), and a
hostile server. Everything listens on 127.0.0.1 on a free port; nothing touches the internet."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from zwgk.devtools.demo_server import ServedSite
from zwgk.devtools.demo_site import DemoSite, site_entry
from zwgk.inspect.config import parse_config
from zwgk.inspect.run import SiteResult, inspect_config

TODAY = dt.date(2026, 6, 15)


@dataclass
class Demo:
    site: DemoSite
    manifest: dict
    result: SiteResult
    findings: list[dict] = field(default_factory=list)


def demo_config(m: dict, **settings) -> object:
    return parse_config(
        {
            "settings": {"rate": 0, "concurrency": 8, "availability_probes": 1, **settings},
            "sites": [site_entry(m, m.get("render", True))],
            "today": m["today"],
        }
    )


@pytest.fixture(scope="session")
def served() -> Iterator[DemoSite]:
    with ServedSite(pages=300, seed=3, today=TODAY) as site:
        yield site


@pytest.fixture(scope="session")
def demo(served: DemoSite) -> Demo:
    m = served.manifest()
    result = asyncio.run(inspect_config(demo_config(m)))[0]
    return Demo(served, m, result, [f.to_json() for f in result.findings])


# -- a hostile server --------------------------------------------------------------------------


class Hostile:
    """Slow responses, endless redirects, a 5 GB body, a gzip bomb, invalid encodings, endless
    calendars, a 429-then-OK page; ``hits`` counts requests per path."""

    GB5 = 5 * 1024**3

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.base = ""
        # 200 MB of zeros, gzip-compressed once (about 200 KB on the wire).
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b"\0" * (1 << 20)
        self.bomb = b"".join(c.compress(block) for _ in range(200)) + c.flush()

    def app(self) -> web.Application:
        app = web.Application()
        r = app.router
        r.add_get("/", self.home)
        r.add_get("/robots.txt", self.robots)
        r.add_get("/slow", self.slow)
        r.add_get("/trickle", self.trickle)
        r.add_get("/redirect/{n}", self.redirect)
        r.add_get("/huge", self.huge)
        r.add_get("/bomb", self.bomb_page)
        r.add_get("/badenc", self.badenc)
        r.add_get("/nocharset", self.nocharset)
        r.add_get("/calendar", self.calendar)
        r.add_get("/cal/{y}/{m}/{d}/", self.cal_path)
        r.add_get("/flaky", self.flaky)
        r.add_get("/private/secret.html", self.page)
        r.add_get("/ok.html", self.page)
        return app

    def html(self, body: str, charset: str = "utf-8") -> web.Response:
        return web.Response(
            body=f"<html><head><meta charset='{charset}'><title>t</title></head><body>{body}</body></html>".encode(
                charset, "replace"
            ),
            content_type="text/html",
            charset=charset,
        )

    async def home(self, request):
        self.hits["/"] += 1
        links = " ".join(
            f'<a href="{u}">{u}</a>'
            for u in (
                "/slow", "/trickle", "/redirect/0", "/huge", "/bomb", "/badenc", "/nocharset",
                "/calendar?date=2026-06-15", "/cal/2026/06/15/", "/flaky", "/private/secret.html",
                "/ok.html",
            )
        )  # fmt: skip
        return self.html(f"<ul><li>{links}<span>2026-06-14</span></li></ul>")

    async def robots(self, request):
        return web.Response(text="User-agent: *\nDisallow: /private/\n")

    async def page(self, request):
        self.hits[request.path] += 1
        return self.html("<p>正常页面 2026-06-01</p>")

    async def slow(self, request):
        await asyncio.sleep(60)
        return self.html("late")

    async def trickle(self, request):
        resp = web.StreamResponse(headers={"Content-Type": "text/html"})
        await resp.prepare(request)
        for _ in range(600):
            await resp.write(b"<p>x</p>")
            await asyncio.sleep(0.1)
        return resp

    async def redirect(self, request):
        n = int(request.match_info["n"])
        self.hits["redirect"] += 1
        raise web.HTTPFound(f"/redirect/{n + 1}")

    async def huge(self, request):
        resp = web.StreamResponse(
            headers={"Content-Type": "text/html", "Content-Length": str(self.GB5)}
        )
        await resp.prepare(request)
        chunk = b"<p>" + b"a" * 65530 + b"</p>"
        sent = 0
        try:
            while sent < self.GB5:
                await resp.write(chunk)
                sent += len(chunk)
                self.hits["huge-bytes"] = sent
        except Exception:  # the inspector hung up, as it should
            pass
        return resp

    async def bomb_page(self, request):
        return web.Response(
            body=self.bomb,
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
        )

    async def badenc(self, request):
        body = (
            "<html><head><meta charset='utf-8'><title>乱码</title></head><body>".encode()
            + "政府信息公开".encode("gbk")
            + b"\xff\xfe\x80"
            + '<a href="/ok.html">链接</a></body></html>'.encode()
        )
        return web.Response(body=body, headers={"Content-Type": "text/html; charset=x-nonsense"})

    async def nocharset(self, request):
        text = "<html><head><title>通知公告</title></head><body><p>关于做好政府信息公开工作的通知，各单位要认真落实。</p><a href='/ok.html'>更多</a></body></html>"
        return web.Response(body=text.encode("gb18030"), headers={"Content-Type": "text/html"})

    async def calendar(self, request):
        self.hits["calendar"] += 1
        day = dt.date.fromisoformat(request.query.get("date", "2026-06-15"))
        links = " ".join(
            f'<a href="/calendar?date={day + dt.timedelta(days=k)}">{k}</a>' for k in range(-5, 6)
        )
        return self.html(f"<p>{day}</p>{links}")

    async def cal_path(self, request):
        self.hits["cal_path"] += 1
        y, m, d = (int(request.match_info[k]) for k in "ymd")
        day = dt.date(y, m, d)
        nxt = [day + dt.timedelta(days=k) for k in (-1, 1, 7)]
        links = " ".join(f'<a href="/cal/{n.year}/{n.month:02d}/{n.day:02d}/">{n}</a>' for n in nxt)
        return self.html(f"<p>{day}</p>{links}")

    async def flaky(self, request):
        self.hits["flaky"] += 1
        if self.hits["flaky"] <= 2:
            return web.Response(status=429, headers={"Retry-After": "0"})
        return self.html("<p>终于好了</p>")


@pytest.fixture(scope="session")
def hostile() -> Iterator[Hostile]:
    h = Hostile()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    state: dict = {}

    async def start() -> None:
        runner = web.AppRunner(h.app(), access_log=None, shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        state["runner"] = runner
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        h.base = f"http://127.0.0.1:{port}"

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        ready.set()
        loop.run_forever()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    ready.wait(10)
    yield h
    asyncio.run_coroutine_threadsafe(state["runner"].cleanup(), loop).result(10)

    async def cancel_rest() -> None:
        for task in asyncio.all_tasks():
            if task is not asyncio.current_task():
                task.cancel()

    asyncio.run_coroutine_threadsafe(cancel_rest(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    t.join(10)
