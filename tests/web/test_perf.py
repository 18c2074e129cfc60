"""What the ranking and 评分表 pages cost once their caches are warm (bench/web_load.py drives
them): a fixed number of queries (the session, the user, the round or membership), and the
per-process shortcuts behind them (the round's tab bar, the scheme version) give the same page
as the templates do."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.test import Client

from tests.web.base import BaseTestCase
from zwgk.web.rounds.models import Round

TABS = re.compile(r'<nav class="tabs">.*?</nav>', re.S)


class WarmPagesTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.round.status = Round.Status.PUBLISHED
        self.round.save()
        self.round.bump()
        self.fact(count=2)

    def assert_warm_queries(self, user: User, url: str, queries: int) -> None:
        self.login(user)
        self.assertEqual(self.client.get(url).status_code, 200)  # scores and page bodies cached
        with self.assertNumQueries(queries):
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_ranking_reads_three_rows(self):
        # the session, the user, the round (office) or the membership with its round
        self.assert_warm_queries(self.admin, self.url("ranking"), 3)
        self.assert_warm_queries(self.assessor, self.url("ranking"), 3)

    def test_sheet_reads_four_rows_with_its_unit(self):
        sheet = self.url("sheet", unit_id=self.jia.pk)
        self.assert_warm_queries(self.unit_user, sheet, 4)  # and the unit user's own unit
        self.assert_warm_queries(self.leader, sheet, 4)  # the office side reads the unit

    def test_the_tab_bar_is_the_one_every_page_renders(self):
        ranking, sheet = self.url("ranking"), self.url("sheet", unit_id=self.jia.pk)
        for user, url, link in [
            (self.admin, ranking, self.url("units")),
            (self.assessor, sheet, ranking),
            (self.leader, ranking, ranking),
            (self.unit_user, sheet, sheet),
        ]:
            self.login(user)
            cached = TABS.search(self.client.get(url).content.decode()).group()
            rendered = TABS.search(self.client.get(self.url("round")).content.decode()).group()
            self.assertEqual(cached, rendered, user.username)
            self.assertIn(f'href="{link}"', cached)

    def test_a_unit_sees_the_same_sheet_as_the_office(self):
        sheet = self.url("sheet", unit_id=self.jia.pk)
        main = lambda html: html[html.index("<main>") :]  # noqa: E731 - below the user's name
        self.login(self.admin)
        office = main(self.client.get(sheet).content.decode())
        self.login(self.unit_user)
        self.assertEqual(main(self.client.get(sheet).content.decode()), office)


class CsrfTestCase(BaseTestCase):
    """The pages' forms carry Django's CSRF token and a post without it is refused."""

    def test_a_form_needs_the_token_of_its_page(self):
        client = Client(enforce_csrf_checks=True)
        page = client.get("/login/").content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"username": "admin", "password": self.password}
        self.assertEqual(client.post("/login/", form).status_code, 403)
        response = client.post("/login/", {**form, "csrfmiddlewaretoken": token})
        self.assertEqual(response.status_code, 302)
