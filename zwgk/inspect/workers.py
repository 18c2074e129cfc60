"""Worker processes for the inspector's costliest work per page: the page checks (the typo model)
and attachment text (pdf/docx/xlsx parsing; a hostile attachment then cannot exhaust the
crawler's own memory).

Each worker is a forked process joined to the crawler by a socket pair, read by the crawler's
event loop itself: no executor threads, no per-call locks or wake-up pipes. Calls are framed
pickles (``fn``, args), sent in one write per turn of the loop and answered in order (the worker
answers, in one write, every call that arrived together); a call's context (the site's
``CheckContext``) reaches the workers once, when they are forked (``initializer``). A worker
that dies (e.g. out of memory) fails its pending calls and every later one with
``BrokenWorkers`` (a ``BrokenExecutor``): the caller then does the work itself, as it would with
a broken process pool. Where there is no ``fork`` (Windows), a ``ProcessPoolExecutor`` does the
same work behind the same ``call``.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import pickle
import socket
from collections import deque
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor
from typing import Any

_HEADER = 4  # bytes of a frame's length (little-endian)
_FORK = "fork" in multiprocessing.get_all_start_methods() and hasattr(socket, "AF_UNIX")


class BrokenWorkers(BrokenExecutor):
    """A worker process died: its pending calls and every later call fail with this."""


def _frame(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "little") + data


def _frames(buf: bytearray) -> tuple[list[Any], int]:
    """The complete frames at the start of ``buf`` (unpickled) and the bytes they took."""
    out, pos, size = [], 0, len(buf)
    with memoryview(buf) as view:
        while size - pos >= _HEADER:
            n = int.from_bytes(view[pos : pos + _HEADER], "little")
            if size - pos - _HEADER < n:
                break
            out.append(pickle.loads(view[pos + _HEADER : pos + _HEADER + n]))
            pos += _HEADER + n
    return out, pos


def _answer(fn: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, fn(*args)
    except Exception as exc:  # sent back to the caller, raised there
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return False, exc


def _serve(sock: socket.socket, others: list[socket.socket], initializer, initargs) -> None:
    """A worker's life: answer the calls that arrive, in order, until the crawler hangs up."""
    for s in others:  # the crawler's ends of the pairs: the crawler alone holds them
        s.close()
    if initializer is not None:
        initializer(*initargs)
    buf = bytearray()
    while True:
        try:
            chunk = sock.recv(1 << 20)
        except (ConnectionError, OSError):
            return
        if not chunk:
            return  # the crawler is gone
        buf += chunk
        calls, used = _frames(buf)
        del buf[:used]
        if calls:
            answers = b"".join(_frame(_answer(fn, args)) for fn, args in calls)
            try:
                sock.sendall(answers)
            except (ConnectionError, OSError):
                return


class _Channel(asyncio.Protocol):
    """The crawler's end of one worker's socket pair."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.pending: deque[asyncio.Future] = deque()
        self.out: list[bytes] = []
        self.buf = bytearray()
        self.broken = False

    def connection_made(self, transport) -> None:  # type: ignore[override]
        self.transport = transport

    def send(self, frame: bytes, fut: asyncio.Future) -> None:
        if not self.out:
            fut.get_loop().call_soon(self.flush)
        self.out.append(frame)
        self.pending.append(fut)

    def flush(self) -> None:
        if self.out and self.transport is not None and not self.broken:
            self.transport.write(b"".join(self.out))
        self.out.clear()

    def data_received(self, data: bytes) -> None:
        self.buf += data
        answers, used = _frames(self.buf)
        del self.buf[:used]
        for ok, value in answers:
            fut = self.pending.popleft()
            if fut.done():
                continue
            if ok:
                fut.set_result(value)
            else:
                fut.set_exception(value)

    def connection_lost(self, exc: Exception | None) -> None:
        self.broken = True
        while self.pending:
            fut = self.pending.popleft()
            if not fut.done():
                fut.set_exception(BrokenWorkers("工作进程异常退出"))


class Workers:
    """``n`` worker processes answering ``await call(fn, *args)`` (``fn`` a module-level function);
    ``initializer(*initargs)`` runs in each worker first. Start them (``await start()``) before
    the crawl starts any thread of its own; ``await close()`` ends them."""

    def __init__(self, n: int, initializer: Callable[..., Any] | None = None, initargs=()) -> None:
        self.n = max(1, n)
        self.initializer, self.initargs = initializer, initargs
        self.channels: list[_Channel] = []
        self.procs: list[Any] = []
        self.pool: ProcessPoolExecutor | None = None

    async def start(self) -> Workers:
        if not _FORK:
            self.pool = ProcessPoolExecutor(
                self.n, initializer=self.initializer, initargs=self.initargs
            )
            return self
        ctx = multiprocessing.get_context("fork")
        pairs = [socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(self.n)]
        mine = [a for a, _ in pairs]
        for _, theirs in pairs:
            proc = ctx.Process(
                target=_serve,
                args=(theirs, mine, self.initializer, self.initargs),
                daemon=True,
                name="zwgk-inspect-worker",
            )
            proc.start()
            theirs.close()
            self.procs.append(proc)
        loop = asyncio.get_running_loop()
        for sock in mine:
            sock.setblocking(False)
            _, channel = await loop.create_unix_connection(_Channel, sock=sock)
            self.channels.append(channel)
        return self

    def call(self, fn: Callable[..., Any], *args: Any) -> asyncio.Future:
        """``fn(*args)`` in the least busy worker; raises ``BrokenWorkers`` if it died."""
        loop = asyncio.get_running_loop()
        if self.pool is not None:
            return loop.run_in_executor(self.pool, fn, *args)
        live = [c for c in self.channels if not c.broken]
        if not live:
            raise BrokenWorkers("工作进程异常退出")
        channel = min(live, key=lambda c: len(c.pending)) if len(live) > 1 else live[0]
        fut = loop.create_future()
        channel.send(_frame((fn, args)), fut)
        return fut

    async def close(self) -> None:
        """End the workers: each sees the crawler hang up and exits (killed after 5 s)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            return
        for channel in self.channels:
            channel.flush()
            if channel.transport is not None:
                channel.transport.close()
        for _ in range(500):
            await asyncio.sleep(0.01)  # the loop closes the sockets; the workers exit
            if not any(proc.is_alive() for proc in self.procs):
                break
        for proc in self.procs:
            if proc.is_alive():
                with contextlib.suppress(OSError):
                    os.kill(proc.pid, 9)
            proc.join(1)
