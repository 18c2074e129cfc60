"""Sign-in, sessions and the accounts the office issues.

Sessions are in the database, so a logout ends the session for every worker; sign-in failures are
counted in the database per account and per address (django-axes) with a cool-off, and locks and
unlocks are in the audit trail; one-time passwords are shown once (page and .xlsx) and must be
changed at the first sign-in.
"""

from __future__ import annotations

import datetime as dt
import io
from importlib import import_module

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.backends import db
from django.test import Client
from openpyxl import load_workbook

from tests.web.base import BaseTestCase
from zwgk.web.audit.models import Event
from zwgk.web.rounds.models import Membership, Unit


def sign_in(client: Client, username: str, password: str, address: str = "10.0.0.7"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


class SessionTestCase(BaseTestCase):
    def test_it_keeps_sessions_in_the_database_not_in_a_worker(self):
        store = import_module(settings.SESSION_ENGINE).SessionStore
        self.assertTrue(issubclass(store, db.SessionStore))  # db, cached_db or ours (keyed.py)
        if settings.SESSION_ENGINE.endswith("cached_db"):
            self.assertNotIn("locmem", settings.CACHES["default"]["BACKEND"])

    def test_it_refuses_the_old_cookie_after_logout(self):
        first = Client()
        self.assertEqual(sign_in(first, "jia", self.password).status_code, 302)
        cookie = first.cookies[settings.SESSION_COOKIE_NAME].value
        self.assertEqual(first.get(self.url("portal")).status_code, 200)
        first.post("/logout/")
        other = Client()  # another worker: only the cookie is shared
        other.cookies[settings.SESSION_COOKIE_NAME] = cookie
        r = other.get(self.url("portal"))
        self.assertEqual(r.status_code, 302)
        self.assertIn("/login/", r["Location"])

    def checked_browser(self) -> Client:
        """Signed in as jia (sign-in sets the CSRF cookie), then checked for CSRF like a browser."""
        browser = Client()
        self.assertEqual(sign_in(browser, "jia", self.password).status_code, 302)
        browser.handler.enforce_csrf_checks = True
        return browser

    def test_it_signs_out_by_htmx_with_the_cookie_token(self):
        browser = self.checked_browser()
        page = browser.get(self.url("portal"))
        self.assertContains(page, 'hx-post="/logout/"')
        self.assertNotContains(page, "csrfmiddlewaretoken")  # a page without a form mints no token
        token = browser.cookies[settings.CSRF_COOKIE_NAME].value  # what app.js sends
        refused = Client(enforce_csrf_checks=True)
        refused.cookies = browser.cookies
        self.assertEqual(refused.post("/logout/", HTTP_HX_REQUEST="true").status_code, 403)
        r = browser.post("/logout/", HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
        self.assertEqual(r["HX-Redirect"], "/login/")
        self.assertEqual(browser.get(self.url("portal")).status_code, 302)

    def test_it_asks_before_signing_out_without_script(self):
        browser = self.checked_browser()
        page = browser.get("/logout/")  # the link itself: GET never signs out
        self.assertContains(page, "确定退出登录吗")
        self.assertEqual(browser.get(self.url("portal")).status_code, 200)
        token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        r = browser.post("/logout/", {"csrfmiddlewaretoken": token})
        self.assertEqual(r["Location"], "/login/")
        self.assertEqual(browser.get(self.url("portal")).status_code, 302)
        self.assertRedirects(Client().get("/logout/"), "/login/", fetch_redirect_response=False)


class ThrottleTestCase(BaseTestCase):
    def test_it_refuses_an_account_after_the_fifth_wrong_password(self):
        codes = [sign_in(self.client, "jia", f"wrong{i}").status_code for i in range(20)]
        self.assertEqual(codes[:4], [401] * 4)
        self.assertEqual(set(codes[4:]), {429})
        # even the right password, even from another address, until the cool-off ends
        r = sign_in(Client(), "jia", self.password, address="10.0.0.99")
        self.assertContains(r, "登录失败次数过多", status_code=429)
        self.assertEqual(Event.objects.filter(action="signin.lockout").count(), 1)

    def test_it_refuses_an_address_trying_many_accounts(self):
        for i in range(30):
            User.objects.create_user(f"probe{i}", password=self.password)
        codes = [sign_in(self.client, f"probe{i}", "123456").status_code for i in range(30)]
        first_refusal = codes.index(429) + 1
        self.assertLess(first_refusal, 16)
        # the address is refused even for a right password; another address is not
        self.assertEqual(sign_in(self.client, "yi", self.password).status_code, 429)
        self.assertEqual(sign_in(Client(), "yi", self.password, "10.0.0.8").status_code, 302)

    def test_it_unlocks_after_the_cool_off(self):
        for i in range(5):
            sign_in(self.client, "jia", f"wrong{i}")
        self.assertEqual(sign_in(self.client, "jia", self.password).status_code, 429)
        past = dt.timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS + 1)
        for a in AccessAttempt.objects.all():
            AccessAttempt.objects.filter(pk=a.pk).update(attempt_time=a.attempt_time - past)
        self.assertEqual(sign_in(self.client, "jia", self.password).status_code, 302)

    def test_the_office_unlocks_an_account_and_the_audit_trail_says_so(self):
        for i in range(5):
            sign_in(self.client, "JIA ", f"wrong{i}")  # case and spaces count as the same account
        self.assertEqual(sign_in(self.client, "jia", self.password).status_code, 429)
        office = Client()
        office.force_login(self.admin)
        page = office.get("/signin/locks/")
        self.assertContains(page, "jia")
        office.post("/signin/locks/", {"kind": "username", "value": "jia"})
        self.assertEqual(sign_in(Client(), "jia", self.password, "10.0.0.9").status_code, 302)
        unlock = Event.objects.get(action="signin.unlock")
        self.assertEqual(unlock.actor, self.admin)
        self.login(self.admin)
        self.assertContains(self.client.get(self.url("audit")), "解除账号“jia”的登录锁定")

    def test_only_the_office_sees_the_locks(self):
        self.login(self.assessor)
        self.assertEqual(self.client.get("/signin/locks/").status_code, 403)


class IssuedAccountsTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        Membership.objects.filter(role=Membership.Role.UNIT, round=self.round).delete()
        for i in range(42):
            Unit.objects.create(round=self.round, name=f"第{i}单位", unit_class="A")

    def test_it_creates_every_unit_account_and_shows_every_password_once(self):
        self.login(self.admin)
        r = self.client.post(self.url("unit_accounts"))
        self.assertEqual(r.status_code, 200)
        issued = r.context["issued"]
        self.assertEqual(len(issued), 45)
        for i in issued:
            self.assertContains(r, i["password"])
        book = load_workbook(io.BytesIO(self.client.get(self.url("issued_xlsx")).content))
        rows = list(book.active.iter_rows(min_row=3, values_only=True))
        self.assertEqual({row[3] for row in rows}, {i["password"] for i in issued})
        # a second click creates nothing and loses nothing already shown
        again = self.client.post(self.url("unit_accounts"))
        self.assertEqual(len(again.context["new"]), 0)
        self.assertEqual(len(again.context["issued"]), 45)
        self.client.post(self.url("issued_clear"))
        self.assertEqual(self.client.get(self.url("issued_xlsx")).status_code, 404)
        # every one-time password signs in and must be changed first
        one = issued[0]
        unit = Client()
        self.assertEqual(sign_in(unit, one["username"], one["password"])["Location"], "/password/")
        self.assertEqual(unit.get(self.url("portal"))["Location"], "/password/")
        r = unit.post(
            "/password/",
            {
                "old_password": one["password"],
                "new_password1": "a new long passphrase",
                "new_password2": "a new long passphrase",
            },
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(unit.get("/").status_code, 302)  # home sends the unit to its portal
        self.assertEqual(unit.get(self.url("portal")).status_code, 200)


class ResetTestCase(BaseTestCase):
    def test_the_office_resets_a_unit_password(self):
        unit = Client()
        unit.force_login(self.other_unit_user)
        self.login(self.admin)
        r = self.client.post(self.url("password_reset", user_id=self.other_unit_user.pk))
        new = r.context["new"][0].password
        self.assertContains(r, new)
        self.assertEqual(unit.get(self.url("portal")).status_code, 302)  # the old session ended
        self.assertEqual(sign_in(Client(), "yi", self.password).status_code, 401)
        self.assertEqual(sign_in(Client(), "yi", new)["Location"], "/password/")
        self.assertTrue(Event.objects.filter(action="accounts.reset").exists())

    def test_it_adds_a_member_with_a_one_time_password(self):
        self.login(self.admin)
        r = self.client.post(
            self.url("member_add"), {"username": "wang", "full_name": "王主任", "role": "assessor"}
        )
        self.assertContains(r, "王主任")
        bad = self.client.post(
            self.url("member_add"), {"username": "a b/<c>", "role": "nobody"}, follow=True
        )
        self.assertContains(bad, "用户名")
        self.assertFalse(User.objects.filter(username="a b/<c>").exists())
