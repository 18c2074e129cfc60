"""The main path in a real browser (Playwright driving Debian's Chromium, no downloaded browser).

A unit uploads evidence before the deadline, the office starts the assessment, an assessor records
a finding on the desk (htmx: the live score changes without a page reload), the leader approves
(the round locks), the office publishes, and the unit sees its published score and the finding's
explanation on its 评分表. Throughout: no Content-Security-Policy violation in the console and no
request leaves 127.0.0.1 (every other request is recorded and aborted, as with the cable pulled).

Skipped, with the reason printed (pytest -ra), when /usr/bin/chromium is absent: install it with
``apt-get install chromium`` (``make test`` does so when it runs as root).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

from tests.web.base import PDF
from zwgk.rubric import fmt
from zwgk.web.desk.scoring import round_result
from zwgk.web.rounds.models import Membership, Round
from zwgk.web.rounds.services import core_unit

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "zwgk-demo-2023"

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="浏览器测试已跳过：没有 /usr/bin/chromium（以 root 运行 apt-get install -y chromium 后重试）",
    ),
    pytest.mark.django_db(transaction=True),
]


class Browser:
    """One Chromium for the test; a fresh context (cookie jar) per person; every request and
    console error recorded; anything not addressed to the live server is aborted."""

    def __init__(self, pw, base: str):
        self.base = base
        self.host = urlsplit(base).netloc
        self.browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.csp: list[str] = []

    def page_as(self, username: str):
        context = self.browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        context.route("**/*", self._route)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", self._console)
        page.on("dialog", lambda d: d.accept())  # data-confirm buttons
        page.goto(self.base + "/login/")
        page.fill("#username", username)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert "/login/" not in page.url, f"{username} could not sign in"
        return page

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or (
            parts.scheme == "http" and parts.netloc == self.host
        ):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text:
                self.csp.append(msg.text)

    def close(self) -> None:
        self.browser.close()


@pytest.fixture
def browser(live_server):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls made here between
    # browser steps are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    base = live_server.url.replace("localhost", "127.0.0.1")
    with sync_playwright() as pw:
        b = Browser(pw, base)
        try:
            yield b
        finally:
            b.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def demo_round_open() -> Round:
    """The demo round, put back before the evidence deadline (self-assessment still open)."""
    call_command("demo", quiet=True)
    rnd = Round.objects.get()
    rnd.status = Round.Status.OPEN
    rnd.evidence_deadline = timezone.now() + dt.timedelta(days=7)
    rnd.save()
    rnd.bump()
    return rnd


def pick_indicator(rnd: Round, unit):
    """A leaf of the unit's table with a fixed-amount fault that can still cost points."""
    index = rnd.scheme.index()
    ur = round_result(rnd)[0].unit(unit.name)
    earned = {n.id: n.earned for n in ur.nodes()}
    cu = core_unit(unit)
    for leaf in index.leaves[index.table_for(cu).id]:
        if not index.applies(leaf.id, cu):
            continue
        for fault in leaf.faults:
            if fault.amount and not fault.elements and earned.get(leaf.id, 0) >= fault.amount:
                return leaf, fault
    raise AssertionError("no indicator with a fixed deduction left")


def press(browser: Browser, username: str, r: str, button: str, status: str) -> None:
    """``username`` presses a status button on the round page (confirming) and sees ``status``."""
    page = browser.page_as(username)
    page.goto(browser.base + r + "/")
    page.click(f"button:has-text('{button}')")
    page.wait_for_load_state()
    assert status in page.inner_text("main")
    page.context.close()


def score_text(page) -> str:
    return page.locator("#score .score-big").inner_text().strip()


def test_it_walks_a_round_from_evidence_to_published_score_in_chromium(browser):
    rnd = demo_round_open()
    member = Membership.objects.select_related("unit").get(user__username="unit01")
    unit = member.unit
    leaf, fault = pick_indicator(rnd, unit)
    r = f"/r/{rnd.pk}"

    # 1. The unit uploads a small PDF to the indicator before the deadline.
    page = browser.page_as("unit01")
    assert page.url.endswith(f"{r}/portal/")
    page.click(f"a[href='{r}/portal/{leaf.id}/']")
    page.set_input_files(
        "input[name=files]",
        files=[{"name": "浏览器测试印证材料.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.click("form[enctype='multipart/form-data'] button")
    page.wait_for_load_state()
    assert "已收到 浏览器测试印证材料.pdf" in page.inner_text(".messages")
    assert page.locator("a", has_text="浏览器测试印证材料.pdf").count() == 1
    page.context.close()

    # 2. The office ends self-assessment and starts the assessment.
    press(browser, "kaohe", r, "结束自评，开始评分", "考核评分中")

    # 3. An assessor records a finding on the desk; the score panel updates in place (htmx).
    page = browser.page_as("pingfen")
    page.goto(browser.base + f"{r}/desk/")
    page.click(f"a[href='{r}/desk/unit/{unit.pk}/']")
    page.wait_for_load_state()
    page.evaluate("window.__sameDocument = true")
    before = score_text(page)
    card = page.locator(f"#leaf-{slugify(leaf.id)}")
    assert card.locator("a", has_text="浏览器测试印证材料.pdf").count() == 1  # the unit's evidence
    card.locator("summary", has_text="记录").click()
    card.locator("select[name=pick]").select_option(f"findings|{fault.id}")
    card.locator("input[name=note]").fill("浏览器测试：栏目内容未及时更新")
    card.locator("button", has_text="保存记录").click()
    page.wait_for_function(
        "b => document.querySelector('#score .score-big').textContent.trim() !== b", arg=before
    )
    rnd.refresh_from_db()
    expected = fmt(round_result(rnd)[0].unit(unit.name).total)
    assert score_text(page) == expected
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    assert (
        "浏览器测试：栏目内容未及时更新" in page.locator(f"#leaf-{slugify(leaf.id)}").inner_text()
    )
    page.context.close()

    # 4. The leader approves: the round locks. 5. The office publishes.
    press(browser, "lingdao", r, "审定结果（锁定）", "领导组已审定（锁定）")
    rnd.refresh_from_db()
    assert rnd.locked
    press(browser, "kaohe", r, "公布结果", "已公布")

    # 6. The unit sees its published score and the explanation on its 评分表, charts drawn.
    page = browser.page_as("unit01")
    page.goto(browser.base + r + "/")
    page.click("a:has-text('我的评分表')")
    page.wait_for_selector("[data-chart][data-drawn] svg")
    assert page.locator(".score-big").inner_text().strip() == expected
    sheet = page.inner_text("main")
    assert "浏览器测试：栏目内容未及时更新" in sheet
    assert f"-{fmt(fault.amount)}" in sheet
    page.context.close()

    assert browser.csp == [], browser.csp
    assert browser.console_errors == [], browser.console_errors
    assert browser.outside == [], f"requests left 127.0.0.1: {browser.outside}"
    assert any(u.endswith(".js") and "echarts" in u for u in browser.requests)


def test_an_assessor_confirms_a_pending_finding_from_the_registers_in_chromium(browser):
    """A year of demo daily records produced pending findings; one confirmed moves the score."""
    from zwgk.web.desk.models import Fact

    call_command("demo", quiet=True)
    rnd = Round.objects.get()
    result = round_result(rnd)[0]
    fact = None
    for f in Fact.objects.filter(
        round=rnd, origin__startswith="台账:", status="pending"
    ).select_related("unit"):
        node = result.unit(f.unit.name).node(f.indicator_id)
        if node.earned > 0:
            fact = f
            break
    assert fact is not None, "the demo has no pending ledger finding that could cost points"
    r = f"/r/{rnd.pk}"
    page = browser.page_as("pingfen")
    page.goto(browser.base + f"{r}/desk/unit/{fact.unit.pk}/")
    page.evaluate("window.__sameDocument = true")
    before = score_text(page)
    card = page.locator(f"#leaf-{slugify(fact.indicator_id)}")
    assert "超期" in card.inner_text()  # the breach description from the register
    row = card.locator("tr", has_text=f"#{fact.pk}")
    row.locator("button", has_text="确认").click()
    page.wait_for_function(
        "b => document.querySelector('#score .score-big').textContent.trim() !== b", arg=before
    )
    fact.refresh_from_db()
    assert fact.status == "confirmed"
    rnd.refresh_from_db()
    assert score_text(page) == fmt(round_result(rnd)[0].unit(fact.unit.name).total)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    page.context.close()
    assert browser.csp == [], browser.csp
    assert browser.console_errors == [], browser.console_errors
