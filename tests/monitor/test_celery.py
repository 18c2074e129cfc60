"""The monitor on real Celery workers through the real Redis on 127.0.0.1 (db 1, keys and queues
prefixed per test): beat dispatches, workers inspect and store; a worker killed in the middle of
a crawl loses nothing, its run is delivered again and stored once; a site that hangs does not
hold up a worker's other sites. Skipped, with the reason, when Redis cannot be reached."""

from __future__ import annotations

import json

import pytest

from tests.monitor.cluster import Cluster, amqp_reason, migrated, redis_reason, register
from tests.monitor.servers import SwitchSite, TinySite

BROKER = "redis://127.0.0.1:6379/1"
RABBIT = "amqp://guest:guest@127.0.0.1:5672//"
_reason = redis_reason(BROKER)
_rabbit = amqp_reason(RABBIT)
pytestmark = pytest.mark.skipif(_reason is not None, reason=_reason or "")

FAST = {"rate": 0, "robots": False, "concurrency": 4}
ONLY_ON_DEMAND = {"probe_minutes": 0, "crawl_days": 0, "freshness_daily": False}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return migrated(tmp_path_factory.mktemp("template"))


@pytest.mark.parametrize(
    "broker",
    [
        BROKER,
        pytest.param(RABBIT, marks=pytest.mark.skipif(_rabbit is not None, reason=_rabbit or "")),
    ],
    ids=["redis", "rabbitmq"],
)
def test_it_runs_beat_and_a_worker_through_the_broker_and_stores_the_results(
    tmp_path, template, broker
):
    # RabbitMQ: only this test's two queues (no remote-control exchanges), removed afterwards;
    # the host limiter still goes through Redis.
    extra = {"CELERY_REMOTE_CONTROL": "false", "MONITOR_LIMITER_URL": BROKER}
    with (
        TinySite() as tiny,
        Cluster(tmp_path, broker, template, MONITOR_TICK_SECONDS="1", **extra) as c,
    ):
        fields = {"probe_minutes": 1, "crawl_days": 1, "options": FAST}
        [(site_id, _)] = register(c, [(tiny.base, fields, False)])
        c.worker("w1", concurrency=2)
        c.beat()  # nothing is enqueued by hand: beat ticks the dispatcher

        def finished():
            runs = c.sql(
                "SELECT kind, state, worker, summary FROM monitor_run WHERE site_id = ?", site_id
            )
            probes = c.sql("SELECT count(*) FROM monitor_probe WHERE site_id = ?", site_id)[0][0]
            return (
                probes and len(runs) == 2 and all(r[1] == "done" for r in runs) and (runs, probes)
            )

        runs, probes = c.wait_for(finished, timeout=180)
        findings = c.sql("SELECT count(*) FROM monitor_finding WHERE site_id = ?", site_id)[0][0]
    assert probes >= 1 and findings >= 2  # the stale column, the dead link
    assert {r[0] for r in runs} == {"freshness", "crawl"}
    assert all(r[2] for r in runs)  # claimed by a worker (host:pid:thread)
    pages = {r[0]: json.loads(r[3])["pages"] for r in runs}
    assert pages == {"crawl": 6, "freshness": 3}  # the freshness pass reads list pages only


def test_it_retries_a_crawl_whose_worker_was_killed_and_stores_its_results_once(tmp_path, template):
    quick = {
        "MONITOR_STALE_SECONDS": "4",
        "MONITOR_HEARTBEAT_SECONDS": "1",
        "CELERY_VISIBILITY_TIMEOUT": "5",
        "CELERY_RESTORE_INTERVAL": "1",
    }
    slow = {**ONLY_ON_DEMAND, "options": {"rate": 0, "robots": False, "concurrency": 1}}
    with (
        TinySite(latency=1.5) as tiny,
        TinySite(latency=1.5) as twin,
        Cluster(tmp_path, BROKER, template, **quick) as c,
    ):
        home = tiny.base
        [(site_id, run_id)] = register(c, [(home, slow, True)])
        first = c.worker("doomed")
        state = c.wait_for(lambda: (s := c.run_state(run_id))["done"] >= 2 and s, timeout=120)
        assert state["state"] == "running" and state["attempts"] == 1
        Cluster.kill(first)  # the worker and its child, mid-crawl, nothing acknowledged
        c.worker("rescuer")
        state = c.wait_for(lambda: (s := c.run_state(run_id))["state"] == "done" and s, timeout=180)
        assert state["attempts"] == 2 and state["worker"] != ""
        # The same site crawled once without interruption, for comparison.
        [(control_id, control)] = register(c, [(twin.base, slow, True)])
        c.wait_for(lambda: c.run_state(control)["state"] == "done", timeout=180)

        def bases(site):
            rows = c.sql(
                "SELECT base FROM monitor_finding WHERE site_id = ? AND source = 'crawl'", site
            )
            return sorted(r[0].replace(twin.base, home) for r in rows)

        crawl, reference = bases(site_id), bases(control_id)
        verdicts = c.sql(
            "SELECT status, count(*) FROM monitor_runfinding WHERE run_id = ? GROUP BY status",
            run_id,
        )
        stored = c.sql("SELECT count(*) FROM monitor_finding WHERE site_id = ?", site_id)[0][0]
    assert crawl and crawl == reference  # nothing lost
    assert verdicts == [("new", stored)]  # nothing stored twice


def test_it_keeps_a_hanging_site_from_holding_up_the_workers_other_sites(tmp_path, template):
    with (
        SwitchSite() as hang,
        TinySite() as a,
        TinySite() as b,
        TinySite() as d,
        Cluster(tmp_path, BROKER, template) as c,
    ):
        good = [a, b, d]
        hang.mode = "hang"
        c.worker("w1", concurrency=2)
        hanging = {**ONLY_ON_DEMAND, "options": {**FAST, "timeout": 60}}
        ids = register(
            c,
            [(hang.base, hanging, True)]
            + [(s.base, {**ONLY_ON_DEMAND, "options": FAST}, True) for s in good],
        )
        hang_run, runs = ids[0][1], [r for _, r in ids[1:]]
        c.wait_for(lambda: all(c.run_state(r)["state"] == "done" for r in runs), timeout=120)
        stuck = c.run_state(hang_run)
        # The three others were inspected while the worker still waits on the hanging site.
        assert stuck["state"] == "running", stuck
        end = c.wait_for(lambda: (s := c.run_state(hang_run))["state"] == "done" and s, timeout=120)
        assert end["attempts"] == 1  # bounded by the request timeout, not retried forever
        assert hang.hits >= 1
