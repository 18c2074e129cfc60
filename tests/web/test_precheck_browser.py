"""发布前检查 in a real browser: a unit pastes a draft and sees its problems marked in place; the
office adds a protected word and the mark goes. No CSP violation, nothing leaves 127.0.0.1."""

from __future__ import annotations

import os

import pytest

from tests.web.test_browser import CHROMIUM, browser, demo_round_open  # noqa: F401

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="浏览器测试已跳过：没有 /usr/bin/chromium（以 root 运行 apt-get install -y chromium 后重试）",
    ),
    pytest.mark.django_db(transaction=True),
]

DRAFT = (
    "关于做好防讯工作的通知\n"
    "各镇：\n"
    "请联系人（手机13812345678）于本周内报送。当前工作仍在不足，这是程序正档原则的要求。"
)


def test_a_unit_sees_each_problem_of_its_draft_marked_in_place(browser):  # noqa: F811
    rnd = demo_round_open()
    r = f"/r/{rnd.pk}"

    page = browser.page_as("unit01")
    page.click("nav.tabs a:has-text('发布前检查')")
    page.wait_for_load_state()
    assert page.url.endswith(f"{r}/precheck/")
    page.fill("#precheck-form textarea", DRAFT)
    page.click("#precheck-form button[type=submit]")
    page.wait_for_load_state()
    marks = page.locator("#precheck-text mark")
    assert marks.evaluate_all("ms => ms.map(m => m.firstChild.textContent)") == [
        "防讯",
        "13812345678",
        "仍在不足",
        "档",
    ]
    assert "疑似错别字：“防讯”应为“防汛”" in page.locator("#f1").get_attribute("title")
    assert (
        page.locator("#precheck-text").evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"
    )  # the draft's lines kept, styled by precheck.css
    if os.environ.get("ZWGK_SCREENSHOTS"):
        page.screenshot(path=os.environ["ZWGK_SCREENSHOTS"] + "/precheck.png", full_page=True)
    page.context.close()

    # The office protects 正档 (a local name, say); the unit's next check leaves it alone.
    page = browser.page_as("kaohe")
    page.goto(browser.base + f"{r}/precheck/")
    page.select_option("#precheck-words select[name=kind]", "protected")
    page.fill("#precheck-words input[name=wrong]", "正档")
    page.click("#precheck-words button:has-text('添加')")
    page.wait_for_load_state()
    assert "已添加受保护词“正档”" in page.inner_text(".messages")
    page.context.close()

    page = browser.page_as("unit01")
    page.goto(browser.base + f"{r}/precheck/")
    page.fill("#precheck-form textarea", DRAFT)
    page.click("#precheck-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#precheck-text mark").count() == 3
    page.context.close()

    assert browser.csp == [] and browser.console_errors == []
    assert browser.outside == []
