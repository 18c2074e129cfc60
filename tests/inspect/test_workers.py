"""The inspector's worker processes: calls answered in order, errors raised in the caller, a dead
worker failing its calls (the crawl then does the work itself), no process left behind."""

import asyncio
import os

import pytest

from zwgk.inspect import workers as workers_mod
from zwgk.inspect.workers import BrokenWorkers, Workers

_STATE: dict[str, str] = {}


def _remember(value: str) -> None:
    _STATE["value"] = value


def _echo(x: object) -> tuple[object, str | None, int]:
    return x, _STATE.get("value"), os.getpid()


def _fail(message: str) -> None:
    raise ValueError(message)


def _die() -> None:
    os._exit(3)


def test_it_answers_calls_in_order_in_forked_workers_with_their_context():
    async def go():
        pool = await Workers(2, _remember, ("站点",)).start()
        try:
            answers = await asyncio.gather(*(pool.call(_echo, i) for i in range(50)))
            big = await pool.call(_echo, b"x" * 3_000_000)  # larger than a socket buffer
        finally:
            await pool.close()
        return answers, big, pool

    answers, big, pool = asyncio.run(go())
    assert [a[0] for a in answers] == list(range(50))
    assert {a[1] for a in answers} == {"站点"}
    assert {a[2] for a in answers} <= {p.pid for p in pool.procs} and os.getpid() not in {
        a[2] for a in answers
    }
    assert big[0] == b"x" * 3_000_000
    assert not any(p.is_alive() for p in pool.procs)


def test_an_error_in_a_call_is_raised_in_the_caller_and_the_worker_goes_on():
    async def go():
        pool = await Workers(1).start()
        try:
            with pytest.raises(ValueError, match="坏页面"):
                await pool.call(_fail, "坏页面")
            return await pool.call(_echo, 1)
        finally:
            await pool.close()

    assert asyncio.run(go())[0] == 1


def test_a_dead_worker_fails_its_calls_and_every_later_one():
    async def go():
        pool = await Workers(1).start()
        try:
            assert (await pool.call(_echo, 1))[0] == 1
            batch = [pool.call(_echo, 2), pool.call(_die), pool.call(_echo, 3)]
            for call in batch:  # sent together: none is answered
                with pytest.raises(BrokenWorkers):
                    await call
            with pytest.raises(BrokenWorkers):
                await pool.call(_echo, 2)
        finally:
            await pool.close()

    asyncio.run(go())


def test_without_fork_a_process_pool_does_the_same_work(monkeypatch):
    monkeypatch.setattr(workers_mod, "_FORK", False)

    async def go():
        pool = await Workers(1, _remember, ("站点",)).start()
        try:
            return await pool.call(_echo, 7)
        finally:
            await pool.close()

    assert asyncio.run(go())[:2] == (7, "站点")
