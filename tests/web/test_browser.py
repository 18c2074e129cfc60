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
import io
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
# A 1×1 PNG: a screenshot as evidence of a finding.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
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
        self.server_errors: list[str] = []

    def page_as(self, username: str):
        context = self.browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        context.route("**/*", self._route)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", self._console)
        page.on("dialog", lambda d: d.accept())  # data-confirm buttons
        page.on("response", self._response)
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

    def _response(self, response) -> None:
        if response.status >= 500:
            self.server_errors.append(f"{response.status} {response.url}")

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
    # 退出: one click posts by htmx with the cookie's token; the session is gone afterwards
    page.locator("header a", has_text="退出").click()
    page.wait_for_url("**/login/")
    page.goto(browser.base + f"{r}/desk/unit/{fact.unit.pk}/")
    assert "/login/" in page.url
    page.context.close()
    assert browser.csp == [], browser.csp
    assert browser.console_errors == [], browser.console_errors


def otp_sign_in(browser: Browser, username: str, one_time: str):
    """Sign in with a one-time password; the first page is the forced change, then home."""
    context = browser.browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    context.route("**/*", browser._route)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", browser._console)
    page.on("dialog", lambda d: d.accept())
    page.on("response", browser._response)
    page.goto(browser.base + "/login/")
    page.fill("#username", username)
    page.fill("#password", one_time)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/password/"), f"{username} was not asked to change the password"
    page.fill("#id_old_password", one_time)
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/password/" not in page.url
    return page


def test_the_office_runs_a_year_with_a_second_scheme_in_chromium(browser, tmp_path):
    """New round from 永济's scheme, units with Chinese 类别, accounts with one-time passwords, a
    unit's upload, a finding with evidence, an objection, approval, publication and exports."""
    from django.contrib.auth.models import User
    from docx import Document
    from openpyxl import Workbook, load_workbook

    from tests.helpers import ROOT
    from zwgk.web.desk.models import Fact, Objection

    User.objects.create_user("kaohe", password=PASSWORD, is_staff=True, first_name="考核办")
    b = browser
    office = b.page_as("kaohe")

    # 1. A new round from the second scheme; its assumptions confirmed before the notice.
    office.goto(b.base + "/rounds/new/")
    office.fill("#id_year", "2023")
    office.fill("#id_name", "永济市2023年度政务公开考核")
    office.set_input_files("#id_scheme_file", str(ROOT / "schemes" / "yongji-2023.yaml"))
    office.click("button:has-text('建立')")
    office.wait_for_load_state()
    rnd = Round.objects.get(name="永济市2023年度政务公开考核")
    r = f"/r/{rnd.pk}"
    assert "编写假设" in office.inner_text("main")
    office.click("button:has-text('确认以上编写假设')")
    office.wait_for_load_state()
    assert "已由" in office.inner_text(".assumptions")

    # 2. Units from the office's own sheet, 类别 in Chinese.
    book = Workbook()
    for row in (
        ["单位名称", "类别", "联系人"],
        ["城东街道", "乡镇、街道", "张三"],
        ["城西街道", "乡镇、街道", "李四"],
        ["市教育局", "市直部门", "王五"],
    ):
        book.active.append(row)
    units_file = tmp_path / "单位名单.xlsx"
    book.save(units_file)
    office.goto(b.base + f"{r}/units/")
    office.set_input_files("form[action$='/units/import/'] input[type=file]", str(units_file))
    office.click("form[action$='/units/import/'] button")
    office.wait_for_load_state()
    assert "已导入 3 个单位" in office.inner_text(".messages")
    assert "市直部门" in office.inner_text("main")

    # 3. Members and unit accounts: every one-time password on the answer page and in the .xlsx.
    def add_member(username: str, name: str, role: str) -> str:
        office.goto(b.base + f"{r}/units/")
        office.fill("#id_username", username)
        office.fill("#id_full_name", name)
        office.select_option("#id_role", role)
        office.click("form[action$='/members/add/'] button")
        office.wait_for_load_state()
        return office.locator("table.issued code.otp").last.inner_text().strip()

    assessor_otp = add_member("wangzr", "王主任", "assessor")
    leader_otp = add_member("lizz", "李组长", "leader")
    office.goto(b.base + f"{r}/units/")
    office.click("button:has-text('为没有账号的单位建立账号')")
    office.wait_for_load_state()
    rows = office.locator("table.issued tbody tr")
    issued = {
        rows.nth(i).locator("td").nth(0).inner_text(): (
            rows.nth(i).locator("td").nth(2).inner_text().strip(),
            rows.nth(i).locator("td").nth(3).inner_text().strip(),
        )
        for i in range(rows.count())
    }
    assert {"城东街道", "城西街道", "市教育局"} <= set(issued)
    with office.expect_download() as got:
        office.click("#issued-xlsx")
    sheet = load_workbook(io.BytesIO(got.value.path().read_bytes())).active
    in_xlsx = {row[3] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert {pw for _, pw in issued.values()} <= in_xlsx

    # 4. Notice out.
    office.goto(b.base + r + "/")
    office.fill("#id_notice_title", "关于开展2023年度政务公开工作考核的通知")
    office.click("form[action$='/settings/'] button")
    office.wait_for_load_state()
    office.click("button:has-text('发出考核通知')")
    office.wait_for_load_state()
    assert "已发通知" in office.inner_text("main")

    # 5. A unit signs in with its one-time password, sets its own, uploads evidence.
    unit = rnd.units.get(name="城东街道")
    leaf, fault = pick_indicator(rnd, unit)
    username, otp = issued["城东街道"]
    page = otp_sign_in(b, username, otp)
    page.goto(b.base + f"{r}/portal/{leaf.id}/")
    page.set_input_files(
        "input[name=files]",
        files=[{"name": "工作台账.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.click("form[enctype='multipart/form-data'] button")
    page.wait_for_load_state()
    assert "已收到 工作台账.pdf" in page.inner_text(".messages")
    page.context.close()
    office.goto(b.base + r + "/")
    office.click("button:has-text('结束自评，开始评分')")
    office.wait_for_load_state()

    # 6. The assessor records a finding with a screenshot as its evidence.
    page = otp_sign_in(b, "wangzr", assessor_otp)
    page.goto(b.base + f"{r}/desk/unit/{unit.pk}/")
    card = page.locator(f"#leaf-{slugify(leaf.id)}")
    card.locator("summary", has_text="记录").click()
    card.locator("select[name=pick]").select_option(f"findings|{fault.id}")
    card.locator("input[name=note]").fill("3月检查：栏目未更新")
    card.locator("input[name=file]").set_input_files(
        files=[{"name": "检查截图.png", "mimeType": "image/png", "buffer": PNG}]
    )
    card.locator("button", has_text="保存记录").click()
    page.wait_for_selector(f"#leaf-{slugify(leaf.id)} a:has-text('检查截图.png')")
    fact = Fact.objects.get(unit=unit, item_id=fault.id)
    assert fact.evidence is not None and fact.evidence.purpose == "finding"
    page.context.close()

    # 7. Preliminary results; the unit objects; the assessor answers (once).
    office.goto(b.base + r + "/")
    office.click("button:has-text('公示初步结果')")
    office.wait_for_load_state()
    page = b.page_as(username)  # its own password now
    page.goto(b.base + f"{r}/sheet/{unit.pk}/")
    page.locator("summary", has_text="提出异议").first.click()
    page.locator("textarea[name=statement]").first.fill("该栏目3月已更新，见附件")
    page.locator("button", has_text="提交异议").first.click()
    page.wait_for_load_state()
    assert "异议已提交" in page.inner_text(".messages")
    page.context.close()
    page = b.page_as("wangzr")
    page.goto(b.base + f"{r}/objections/")
    page.fill("textarea[name=answer]", "经核查，3月15日检查时未更新，维持原结论")
    page.click("button:has-text('维持')")
    page.wait_for_load_state()
    assert Objection.objects.get().status == "rejected"
    assert "维持原结论" in page.inner_text("main")
    page.context.close()

    # 8. The leader approves; the unit sees its sheet marked 未公布; the office publishes; the
    # unit now lands on its sheet.
    page = otp_sign_in(b, "lizz", leader_otp)
    page.goto(b.base + r + "/")
    page.click("button:has-text('审定结果（锁定）')")
    page.wait_for_load_state()
    assert "领导组已审定" in page.inner_text("main")
    page.context.close()
    page = b.page_as(username)
    page.goto(b.base + f"{r}/sheet/{unit.pk}/")
    assert "未公布" in page.inner_text("h1")
    page.context.close()
    office.goto(b.base + r + "/")
    office.click("button:has-text('公布结果')")
    office.wait_for_load_state()
    page = b.page_as(username)
    assert page.url.endswith(f"{r}/sheet/{unit.pk}/")
    assert "未公布" not in page.inner_text("h1")
    assert "3月检查：栏目未更新" in page.inner_text("main")
    page.context.close()

    # 9. Exports: ranking, 通报 on A4, the audit trail in sentences.
    for link, check in (
        (
            f"{r}/ranking.xlsx",
            lambda p: any(
                "城东街道" in str(v)
                for ws in load_workbook(p).worksheets
                for row in ws.iter_rows(values_only=True)
                for v in row
            ),
        ),
        (f"{r}/bulletin.docx", lambda p: round(Document(p).sections[0].page_height.mm) == 297),
        (
            f"{r}/audit.xlsx",
            lambda p: any(
                "王主任" in str(row[1])
                for row in load_workbook(p).active.iter_rows(values_only=True)
            ),
        ),
    ):
        office.goto(b.base + r + "/")
        with office.expect_download() as got:
            office.evaluate(f"location.href = '{link}'")
        assert check(io.BytesIO(got.value.path().read_bytes())), link
    office.goto(b.base + f"{r}/audit/")
    audit = office.inner_text("main")
    assert "李组长 审定结果（锁定）" in audit
    assert "{'" not in audit and "None" not in audit

    assert b.server_errors == [], b.server_errors
    assert b.csp == [], b.csp
    assert b.console_errors == [], b.console_errors
    assert b.outside == [], f"requests left 127.0.0.1: {b.outside}"
