"""The monitor as an office runs it, in a real browser: ``python -m zwgk.web.serve`` with no
broker (so with its embedded runner, as ``make run``) on a database file with the demo round;
the office registers a unit's site with a shortened schedule (probes every minute), watches the
first inspection's progress, sees the history and a finding; an assessor confirms the finding on
the review page and, on the desk, the pending fact it became; the unit's live score moves.

Skipped, with the reason, without /usr/bin/chromium (``make test`` installs it when root)."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.utils.text import slugify

from tests.monitor.cluster import PY, ROOT, Cluster, die_with_parent
from tests.monitor.servers import TinySite
from zwgk.demo import DEMO_SCHEME
from zwgk.rubric import load_scheme_text
from zwgk.scoring import Unit as CoreUnit

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "zwgk-demo-2023"
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="浏览器测试已跳过：没有 /usr/bin/chromium（以 root 运行 apt-get install -y chromium 后重试）",
)


def listening_socket() -> socket.socket:
    """A socket already listening on a free port of 127.0.0.1, for the server to take over
    (gunicorn's ``--bind fd://N``). Choosing a free port and letting the server bind it later
    races with any other test run at the same time (another clone's ``make test``): both saw
    the same port free, the second server could not bind it, and that run's browser drove the
    first run's server, registering its site there (each run then failing on the other's data)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


def wait_until_serving(server: subprocess.Popen, base: str, log: Path) -> None:
    """The server answers a page (the socket accepts before its workers do), or the test fails
    with the server's log."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(
                f"zwgk.web.serve exited: {log.read_text(errors='replace')[-3000:]}"
            )
        try:
            with urllib.request.urlopen(base + "/login/", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"zwgk.web.serve not answering: {log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def stack(tmp_path):
    """The demo round served by zwgk.web.serve (embedded runner, no broker) on a free port."""
    c = Cluster(
        tmp_path, broker="", CELERY_BROKER_URL="", MONITOR_TICK_SECONDS="1", MONITOR_EMBEDDED="true"
    )
    c.manage("migrate", "--noinput", "-v0")
    c.manage("demo", "--no-monitor")  # this test registers its own site
    sock = listening_socket()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115
    with sock:
        server = subprocess.Popen(
            [PY, "-m", "zwgk.web.serve", "--bind", f"fd://{sock.fileno()}", "--workers", "2"],
            env=c.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=die_with_parent, pass_fds=(sock.fileno(),),
        )  # fmt: skip
    try:
        wait_until_serving(server, base, tmp_path / "serve.log")
        yield c, base
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server stops its runner
        server.wait(30)
        log.close()


CONSOLE: list[str] = []


def sign_in(browser, base: str, username: str):
    page = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN").new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda m: CONSOLE.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: d.accept())
    page.goto(base + "/login/")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/login/" not in page.url
    return page


def untouched_leaf(c: Cluster, unit_id: int, unit_name: str, unit_class: str, tags: str):
    """A leaf of the unit's table with a fixed-amount fault and no fact yet (full points)."""
    index = load_scheme_text(DEMO_SCHEME.read_text(encoding="utf-8"), DEMO_SCHEME.name)
    cu = CoreUnit(unit_name, unit_class, frozenset(json.loads(tags or "[]")))
    used = {r[0] for r in c.sql("SELECT indicator_id FROM desk_fact WHERE unit_id = ?", unit_id)}
    for leaf in index.leaves[index.table_for(cu).id]:
        if leaf.id in used or not index.applies(leaf.id, cu):
            continue
        for fault in leaf.faults:
            if fault.amount and not fault.elements and fault.amount <= leaf.points:
                return leaf, fault
    raise AssertionError("no untouched leaf")


def score(page) -> float:
    return float(page.locator("#score .score-big").inner_text().strip())


def test_it_monitors_a_site_and_a_confirmed_finding_moves_the_units_score(stack):
    from playwright.sync_api import sync_playwright

    c, base = stack
    [(rid,)] = c.sql("SELECT id FROM rounds_round")
    [(unit_id, unit_name, unit_class, tags)] = c.sql(
        "SELECT u.id, u.name, u.unit_class, u.tags FROM rounds_unit u JOIN rounds_membership m ON m.unit_id = u.id "
        "JOIN auth_user a ON a.id = m.user_id WHERE a.username = 'unit01'"
    )
    leaf, fault = untouched_leaf(c, unit_id, unit_name, unit_class, tags)
    r = f"{base}/r/{rid}"
    with TinySite() as tiny, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        # 1. The office registers the unit's site, probes every minute.
        page = sign_in(browser, base, "kaohe")
        page.goto(r + "/monitor/")
        page.click("text=登记网站")
        page.select_option("select[name=unit]", str(unit_id))
        page.fill("input[name=name]", f"{unit_name}门户网站")
        page.fill("input[name=homepage]", tiny.base)
        page.fill("input[name=site_code]", "4301000001")
        page.fill("input[name=probe_minutes]", "1")
        page.fill("input[name=crawl_days]", "1")
        page.fill("input[name=rate]", "50")
        page.click("button:has-text('保存')")
        page.wait_for_url(re.compile(r"/monitor/sites/\d+/$"))
        site_url = page.url
        # 2. The first inspection runs; its progress bar updates in place (htmx).
        page.wait_for_selector("#live progress", timeout=30_000)
        page.wait_for_selector("#live :text('最近一次')", timeout=180_000)
        # 3. The history: probes, the columns' dates, the run's findings, charts drawn.
        page.wait_for_timeout(2500)  # a probe of the 1-minute schedule
        page.goto(site_url)
        page.wait_for_selector("[data-chart='chart-availability'][data-drawn] svg")
        text = page.inner_text("main")
        assert "工作动态" in text and "未按时更新" in text
        assert c.sql("SELECT count(*) FROM monitor_probe")[0][0] >= 1
        assert c.sql("SELECT count(*) FROM monitor_run WHERE state = 'done'")[0][0] >= 1
        # 4. The office binds stale columns to an indicator of the unit's table.
        page.goto(r + "/monitor/bindings/")
        page.select_option("select[name=check_id]", "freshness-column-stale")
        page.select_option("select[name=target]", f"findings|{leaf.id}|{fault.id}")
        page.click("button:has-text('添加')")
        page.context.close()

        # 5. An assessor confirms one stale column on the review page.
        page = sign_in(browser, base, "pingfen")
        page.goto(r + f"/monitor/review/?family=freshness&unit={unit_id}")
        row = page.locator(".review-row", has_text="天未更新").first
        row.locator("button", has_text="确认").click()
        page.wait_for_selector(".review-row :text('已计入')")
        [(fact_id, status)] = c.sql("SELECT id, status FROM desk_fact WHERE origin LIKE '监测:%'")
        assert status == "pending"
        assert c.sql(
            "SELECT purpose FROM portal_evidence WHERE id = (SELECT evidence_id FROM desk_fact WHERE id = ?)",
            fact_id,
        ) == [("finding",)], c.sql("SELECT note FROM desk_fact WHERE id = ?", fact_id)
        # 6. On the desk the pending fact is confirmed: the live score moves by the fault.
        page.goto(r + f"/desk/unit/{unit_id}/")
        page.evaluate("window.__sameDocument = true")
        shown = page.locator("#score .score-big").inner_text().strip()
        before = float(shown)
        card = page.locator(f"#leaf-{slugify(leaf.id)}")
        card.locator("tr", has_text=f"#{fact_id}").locator("button", has_text="确认").click()
        page.wait_for_function(
            "b => document.querySelector('#score .score-big').textContent.trim() !== b", arg=shown
        )
        assert round(before - score(page), 2) == float(fault.amount)
        assert page.evaluate("window.__sameDocument === true")
        page.context.close()

        # 7. The unit sees its site's finding and asks for review.
        page = sign_in(browser, base, "unit01")
        page.goto(site_url)
        page.locator("a", has_text="天未更新").first.click()
        page.fill("textarea[name=statement]", "该栏目已于本周更新，请复核")
        page.click("button:has-text('提交复核申请')")
        assert "已提交复核申请" in page.inner_text(".messages")
        browser.close()
    assert not [
        m for m in CONSOLE if "Content Security Policy" in m or "Content-Security-Policy" in m
    ]
    assert not [m for m in CONSOLE if "500" in m], CONSOLE
