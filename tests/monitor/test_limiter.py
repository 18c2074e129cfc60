"""Politeness shared by every worker: the Redis host limiter hands out one slot per interval per
host across independent clients (as two workers on two machines would be), and falls back to a
per-process limit when Redis is away."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from tests.monitor.cluster import redis_reason
from zwgk.monitor.limiter import LocalLimiter, RedisLimiter

URL = "redis://127.0.0.1:6379/1"
_reason = redis_reason(URL)


@pytest.mark.skipif(_reason is not None, reason=_reason or "")
def test_it_spaces_requests_to_a_host_across_independent_clients():
    prefix = f"h16t{uuid.uuid4().hex[:8]}:host:"
    workers = [RedisLimiter(URL, prefix) for _ in range(3)]  # three connections, like three workers
    delays: list[float] = []
    lock = threading.Lock()

    def take(limiter: RedisLimiter) -> None:
        for _ in range(2):
            d = limiter.reserve("www.xx.gov.cn", 1.0)
            with lock:
                delays.append(d)

    started = time.monotonic()
    threads = [threading.Thread(target=take, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - started  # the reservations themselves, however slow the machine
    delays.sort()
    # Six requests, one slot a second whoever asks: 0, 1, 2, 3, 4, 5 s from now (less the time
    # the reservations took, since each is measured from its own moment).
    for k, d in enumerate(delays):
        assert k - took - 0.01 <= d <= k + 0.01, (k, delays, took)
    # Another host is not held up by the first one's queue.
    assert workers[0].reserve("www.yy.gov.cn", 1.0) == 0.0


def test_it_limits_within_the_process_when_redis_is_away(caplog):
    limiter = RedisLimiter("redis://127.0.0.1:1/0", "x:")
    first = limiter.reserve("www.xx.gov.cn", 0.2)
    second = limiter.reserve("www.xx.gov.cn", 0.2)
    assert first == 0.0 and 0.15 < second <= 0.2
    assert "unreachable" in caplog.text
    local = LocalLimiter()
    assert local.reserve("a", 1.0) == 0.0 and local.reserve("b", 1.0) == 0.0
