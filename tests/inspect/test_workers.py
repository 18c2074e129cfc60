"""The inspector's worker processes: calls answered in order, errors raised in the caller, a dead
worker failing its calls (the crawl then does the work itself), no process left behind."""

import asyncio
import datetime as dt
import os

import pytest

from zwgk.inspect import run as run_mod
from zwgk.inspect import workers as workers_mod
from zwgk.inspect.checks.catalogue import page_modules
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.crawl import Fetched, read_page
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


def _fetched(html: str, role=None) -> Fetched:
    return Fetched(
        url="https://www.example.gov.cn/a/1.html",
        base="https://www.example.gov.cn/a/1.html",
        html=html,
        status=200,
        ok=True,
        content_type="text/html",
        referrer="https://www.example.gov.cn/",
        depth=1,
        role=role,
        detail=False,
        today=dt.date(2024, 6, 1),
        fetched_at=dt.datetime(2024, 6, 1, 8, 0),
        encoding="utf-8",
    )


ARTICLE = (
    "<html><head><title>关于公示的通知</title><meta name='PubDate' content='2024-05-06'></head>"
    "<body><a href='/b/2.html'>下一篇</a><p>申请人张三，身份证号码 110101199003074514。</p></body></html>"
)


def test_a_page_is_parsed_and_checked_in_a_worker_as_it_would_be_here():
    ctx = CheckContext("XX区", "XX区政府办", "https://www.example.gov.cn/", dt.date(2024, 6, 1))
    errors: dict[str, int] = {}
    here = read_page(_fetched(ARTICLE), run_mod._page_runner(ctx, page_modules(), errors))
    soft = _fetched("<html><head><title>404 Not Found</title></head><body>页面不存在</body></html>")

    async def go():
        pool = await run_mod.start_workers(1, ctx)
        _check, read = run_mod._pooled_runner(ctx, pool, errors)
        try:
            answers = [await read(_fetched(ARTICLE)), await read(soft)]
        finally:
            await pool.close()
        return [*answers, await read(_fetched(ARTICLE))]  # the worker is gone: read here

    there, soft404, after = asyncio.run(go())
    parsed, is_soft, role, found = there
    assert there == here == after and not errors
    assert role == PageRole.ARTICLE and not is_soft and parsed.text == ""
    assert parsed.links == [("https://www.example.gov.cn/b/2.html", "下一篇")]
    assert {f.check for f in found} >= {"privacy-idcard"}
    assert soft404[1] is True and soft404[3] == [] and soft404[2] == PageRole.OTHER
