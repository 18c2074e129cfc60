"""The ranking page and the 评分表's indicator table are cached per round revision
(templates' {% cache %}): every change that moves a score, and every new objection, shows at once."""

from __future__ import annotations

from django.contrib.auth.models import User

from tests.web.base import BaseTestCase
from zwgk.web.desk.models import Fact
from zwgk.web.rounds.models import Round


class PageCacheTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.round.status = Round.Status.PRELIMINARY
        self.round.save()
        self.round.bump()

    def pages(self, user: User) -> tuple[str, str]:
        self.login(user)
        ranking = self.client.get(self.url("ranking")).content.decode()
        sheet = self.client.get(self.url("sheet", unit_id=self.jia.pk)).content.decode()
        return ranking, sheet

    def test_a_new_finding_shows_on_pages_rendered_before_it(self):
        ranking, sheet = self.pages(self.admin)
        self.assertNotIn("迟报：3次", sheet)
        self.fact(count=3)  # saving a fact moves the round's revision
        ranking2, sheet2 = self.pages(self.admin)
        self.assertIn("迟报：3次", sheet2)
        main = lambda html: html[html.index("<main>") :]  # noqa: E731 - the CSRF mask varies
        self.assertNotEqual(main(ranking), main(ranking2))
        self.assertEqual(main(self.pages(self.admin)[0]), main(ranking2))

    def test_a_new_objection_shows_on_the_office_side_sheet(self):
        fact = self.fact(count=1)
        self.assertNotIn("异议：", self.pages(self.admin)[1])
        self.login(self.unit_user)
        self.client.post(
            self.url("objection_new", fact_id=fact.pk),
            {"statement": "已按时报送"},
        )
        self.assertIn("异议：", self.pages(self.admin)[1])
        self.assertEqual(Fact.objects.count(), 1)

    def test_a_unit_that_may_object_gets_its_own_form_token(self):
        self.fact(count=1)
        self.pages(self.admin)  # the office renders (and caches) the table first
        _, sheet = self.pages(self.unit_user)
        self.assertIn("提出异议", sheet)
        self.assertIn('name="csrfmiddlewaretoken"', sheet)
