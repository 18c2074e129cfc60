"""Small HTTP servers for the monitor's tests, on 127.0.0.1 in a thread: a site whose answer can
be switched (up, down with 503, hanging without an answer) between requests."""

from __future__ import annotations

import asyncio
import datetime as dt
import http.server
import json
import math
import random
import threading

from aiohttp import web

from zwgk.devtools import demo_server as _server
from zwgk.devtools.demo_site import DemoSite

HOME = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/gzdt/">工作动态</a></nav>
<ul>{items}</ul></body></html>"""


class SwitchSite:
    """``mode``: "up" (200), "down" (503) or "hang" (never answers); ``hits`` counts requests."""

    def __init__(self, title: str = "测试网站", dates: tuple[str, ...] = ("2024-05-01",)):
        self.mode = "up"
        self.hits = 0
        self.title = title
        self.dates = dates
        self.base = ""
        self._ready = threading.Event()
        self._release = None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.hits += 1
        if self.mode == "down":
            return web.Response(status=503, text="维护中")
        if self.mode == "hang":
            await self._release.wait()
            return web.Response(status=503, text="released")
        items = "".join(
            f'<li><a href="/gzdt/{i}.html">第{i}条信息</a><span>{d}</span></li>'
            for i, d in enumerate(self.dates, 1)
        )
        return web.Response(
            text=HOME.format(title=self.title, items=items),
            content_type="text/html",
            charset="utf-8",
        )

    def __enter__(self) -> SwitchSite:
        self.loop = asyncio.new_event_loop()

        async def start() -> None:
            self._release = asyncio.Event()
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", self.handle)
            self.runner = web.AppRunner(app)
            await self.runner.setup()
            site = web.TCPSite(self.runner, "127.0.0.1", 0)
            await site.start()
            port = site._server.sockets[0].getsockname()[1]
            self.base = f"http://127.0.0.1:{port}/"

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            self.loop.run_until_complete(start())
            self._ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            self._release.set()
            await self.runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


class _SlowHTTP(_server._HTTP):
    """The demo site's lean server, each answer delayed like a real government server's."""

    def __init__(self, site, latency: float, rng: random.Random):
        super().__init__(site)
        self.latency, self.rng = latency, rng

    def _send(self, status, ctype, body, method, close=False, etag="") -> None:
        transport = self.transport
        if close:
            self.transport = None  # the parser loop stops; the delayed send closes it
        delay = self.rng.lognormvariate(math.log(self.latency), 0.5) if self.latency else 0

        def later() -> None:
            if transport is None or transport.is_closing():
                return
            self.transport = transport
            super(_SlowHTTP, self)._send(status, ctype, body, method, close, etag)
            if close:
                self.transport = None

        asyncio.get_running_loop().call_later(delay, later)


async def start_slow(site, latency: float, seed: int, port: int = 0):
    """Serve ``site`` (a DemoSite) with a median ``latency`` seconds per answer."""
    loop = asyncio.get_running_loop()
    rng = random.Random(seed)
    server = await loop.create_server(
        lambda: _SlowHTTP(site, latency, rng), "127.0.0.1", port, backlog=1024
    )
    site.base = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    return server


class SlowSites(_server.Background):
    """``n`` generated sites of ``pages`` pages each, with latency, in a thread of this process."""

    ready_timeout = 60.0

    def __init__(
        self, n: int = 1, pages: int = 150, latency: float = 0.1, today: dt.date | None = None
    ):
        self.n, self.pages, self.latency, self.today = n, pages, latency, today
        self.sites: list = []

    async def start(self) -> list:
        servers = []
        for i in range(self.n):
            site = DemoSite(self.pages, seed=i + 1, today=self.today)
            servers.append(await start_slow(site, self.latency, i))
            self.sites.append(site)
        return servers

    def __enter__(self) -> list:
        self.open()
        return self.sites


TINY_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}_甲镇人民政府</title>
<meta name="SiteName" content="甲镇人民政府"><meta name="SiteIDCode" content="4301000009"></head><body>
<nav class="nav"><a href="/">首页</a> <a href="/gzdt/">工作动态</a> <a href="/tzgg/">通知公告</a></nav>
<div class="main"><h1>{title}</h1>{body}</div>
<div class="footer">主办单位：甲镇人民政府 网站标识码：4301000009 ICP备案编号：湘ICP备00000000号</div>
</body></html>"""


class TinySite(SwitchSite):
    """A five-page site of known defects: 工作动态 last updated ``stale_days`` ago (a stale
    dynamic column), a dead link on an article; the homepage and 通知公告 are up to date."""

    def __init__(self, stale_days: int = 40, latency: float = 0.0):
        super().__init__()
        self.stale_days, self.latency = stale_days, latency

    def _list(self, items: list[tuple[str, str, dt.date]]) -> str:
        return (
            "<ul class='list'>"
            + "".join(
                f'<li><a href="{u}">{t}</a><span>{d.isoformat()}</span></li>' for u, t, d in items
            )
            + "</ul>"
        )

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.hits += 1
        if self.mode != "up":
            return await super().handle(request)
        if self.latency:
            await asyncio.sleep(self.latency)
        today = dt.date.today()
        old = today - dt.timedelta(days=self.stale_days)
        pages = {
            "/": ("首页", self._list([("/tzgg/1.html", "关于开展春季防火工作的通知", today - dt.timedelta(days=1)),
                                     ("/gzdt/1.html", "镇政府召开安全生产工作会议", old)])),
            "/gzdt/": ("工作动态", self._list([("/gzdt/1.html", "镇政府召开安全生产工作会议", old),
                                              ("/gzdt/2.html", "镇政府开展环境整治", old - dt.timedelta(days=3))])),
            "/tzgg/": ("通知公告", self._list([("/tzgg/1.html", "关于开展春季防火工作的通知", today - dt.timedelta(days=1))])),
            "/gzdt/1.html": ("镇政府召开安全生产工作会议", '<p>会议强调要坚持以人民为中心的发展思想。</p><a href="/gone.html">会议材料</a>'),
            "/gzdt/2.html": ("镇政府开展环境整治", "<p>各村要高度重视，切实加强组织领导。</p>"),
            "/tzgg/1.html": ("关于开展春季防火工作的通知", "<p>请各村于规定时间内报送材料。</p>"),
        }  # fmt: skip
        if request.path not in pages:
            return web.Response(status=404, text="not found")
        title, body = pages[request.path]
        return web.Response(
            text=TINY_PAGE.format(title=title, body=body), content_type="text/html", charset="utf-8"
        )


class Webhook:
    """Collects the JSON bodies POSTed to it (the office's messaging gateway, in a test)."""

    def __init__(self):
        self.received: list[dict] = []
        hook = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                hook.received.append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Webhook:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
