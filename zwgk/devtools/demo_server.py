"""Serving the test world: a minimal HTTP/1.1 server on 127.0.0.1 (asyncio), a background-thread
wrapper for tests (``ServedSite``) and ``serve_forever`` for the ``demo-site`` command."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import threading
from urllib.parse import unquote

from zwgk.devtools.demo_site import DemoSite

try:  # the fixture should cost the benchmarks as little as possible
    import uvloop
except ImportError:  # pragma: no cover - depends on the platform
    uvloop = None


def _new_loop() -> asyncio.AbstractEventLoop:
    return uvloop.new_event_loop() if uvloop is not None else asyncio.new_event_loop()


_REASONS = {
    200: "OK",
    304: "Not Modified",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
}


class _HTTP(asyncio.Protocol):
    """A minimal HTTP/1.1 server (GET/HEAD, keep-alive, ETag/If-None-Match) so that the fixture
    costs the benchmarks as little as possible: the tools are measured, not the server."""

    def __init__(self, site: DemoSite):
        self.site = site
        self.buf = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while self.transport is not None:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buf) > 65536:
                    self.transport.close()
                return
            head = self.buf[:end].decode("latin-1")
            lines = head.split("\r\n")
            try:
                method, target, version = lines[0].split(" ", 2)
            except ValueError:
                self._send(400, "text/plain", b"bad request", "GET", close=True)
                return
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            try:
                length = max(0, int(headers.get("content-length") or 0))
            except ValueError:
                length = 0
            if len(self.buf) < end + 4 + length:
                if length > 1 << 20:
                    self.transport.close()
                return  # wait for the rest of the body
            request_body = self.buf[end + 4 : end + 4 + length]
            self.buf = self.buf[end + 4 + length :]
            if "://" in target:
                target = "/" + target.split("://", 1)[1].partition("/")[2]
            path, _, query = target.partition("?")
            status, ctype, body = self.site.render(unquote(path), query, method, request_body)
            etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            if status == 200 and headers.get("if-none-match") == etag:
                status, body = 304, b""
            close = headers.get("connection", "").lower() == "close" or version == "HTTP/1.0"
            self._send(status, ctype, body, method, close=close, etag=etag)
            if close:
                return

    def _send(self, status, ctype, body, method, close=False, etag="") -> None:
        assert self.transport is not None
        head = (
            f"HTTP/1.1 {status} {_REASONS.get(status, 'OK')}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\nETag: {etag}\r\nLinkChecker: yes\r\n"
            f"Connection: {'close' if close else 'keep-alive'}\r\n\r\n"
        )
        self.transport.write(head.encode("latin-1") + (b"" if method == "HEAD" else body))
        if close:
            self.transport.close()
            self.transport = None


async def start_server(site: DemoSite, host: str = "127.0.0.1", port: int = 0):
    """Serve ``site``; returns the asyncio server (``site.base`` is set to its address)."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _HTTP(site), host, port, backlog=1024)
    site.base = f"http://{host}:{server.sockets[0].getsockname()[1]}"
    return server


class Background:
    """asyncio servers that ``start()`` opens, answered by an event loop in a thread of its own
    while a ``with`` block runs (tests, the demo's unit sites). A subclass's ``__enter__`` calls
    ``open()``; a failure to start (a port taken meanwhile) is raised in the caller's thread."""

    ready_timeout = 30.0
    new_loop = staticmethod(asyncio.new_event_loop)

    async def start(self) -> list:
        """Open the servers (in the background loop) and return them."""
        raise NotImplementedError

    def open(self) -> None:
        ready = threading.Event()
        self.loop = self.new_loop()
        self.servers: list = []
        self.error: BaseException | None = None

        def run() -> None:
            asyncio.set_event_loop(self.loop)
            try:
                self.servers = self.loop.run_until_complete(self.start())
            except BaseException as exc:
                self.error = exc
                self.loop.close()
                ready.set()
                return
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True, name=type(self).__name__)
        self.thread.start()
        ready.wait(self.ready_timeout)
        if self.error is not None:
            raise self.error

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            for s in self.servers:
                s.close()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


class ServedSite(Background):
    """Serve a DemoSite on 127.0.0.1 in a background thread (for tests): ``with ServedSite(...)``."""

    new_loop = staticmethod(_new_loop)

    def __init__(self, pages: int = 300, seed: int = 1, today: dt.date | None = None, traps=False):
        self.pages, self.seed, self.today, self.traps = pages, seed, today, traps
        self.site: DemoSite | None = None

    async def start(self) -> list:
        self.site = DemoSite(self.pages, self.seed, self.today, traps=self.traps)
        return [await start_server(self.site)]

    def __enter__(self) -> DemoSite:
        self.open()
        assert self.site is not None
        return self.site


def serve_forever(site: DemoSite, port: int) -> None:
    site.prerender()

    async def main() -> None:
        server = await start_server(site, port=port)
        async with server:
            await server.serve_forever()

    if uvloop is not None:
        uvloop.run(main())
    else:
        asyncio.run(main())
