"""Per-host politeness shared by every worker (礼貌抓取): one request slot per host per interval.

The inspector's ``Fetcher`` spaces requests to a host within one process; when many workers on
many machines inspect sites that share a host (a city's department sites under one domain, or a
site's probe and its crawl at once), the spacing must be global. :class:`RedisLimiter` keeps each
host's next free slot in Redis and hands out slots atomically (one Lua script, Redis's own
clock), so the rate limit holds across processes and machines. :class:`LocalLimiter` does the same
within one process (the embedded mode without a broker). If Redis cannot be reached the Redis
limiter falls back to the local one and says so once in the log.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time

import redis

log = logging.getLogger(__name__)

_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = now
if nxt > now then slot = nxt end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil((slot + interval - now) * 1000) + 1000)
return tostring(slot - now)
"""


class LocalLimiter:
    """Request slots per host within this process (thread-safe)."""

    def __init__(self) -> None:
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def reserve(self, host: str, interval: float) -> float:
        """Seconds to wait before the request may start."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, 0.0))
            self._next[host] = slot + interval
            return slot - now

    async def wait(self, host: str, interval: float) -> None:
        if interval <= 0:
            return
        delay = self.reserve(host, interval)
        if delay > 0:
            await asyncio.sleep(delay)


class RedisLimiter:
    """Request slots per host, shared through Redis by every process that uses the same URL."""

    def __init__(self, url: str, prefix: str = "zwgk:host:") -> None:
        self.url = url
        self.prefix = prefix
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.script = self.client.register_script(_SLOT)
        self.fallback = LocalLimiter()
        self._warned = False

    def reserve(self, host: str, interval: float) -> float:
        try:
            return float(self.script(keys=[self.prefix + host], args=[interval]))
        except Exception as exc:  # Redis down: keep going politely within this process
            if not self._warned:
                log.warning(
                    "host limiter: Redis %s unreachable (%s); limiting per process", self.url, exc
                )
                self._warned = True
            return self.fallback.reserve(host, interval)

    async def wait(self, host: str, interval: float) -> None:
        if interval <= 0:
            return
        delay = self.reserve(host, interval)
        if delay > 0:
            await asyncio.sleep(delay)
