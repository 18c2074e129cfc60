"""The session, the user and the caller's round read in SQL written once (zwgk/web/keyed.py) give
what the ORM gives, and refuse what Django refuses: an expired session, an inactive user."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.utils import timezone

from tests.web.base import BaseTestCase
from zwgk.web import keyed
from zwgk.web.access import UNIT, access
from zwgk.web.rounds.models import Round, Unit


def fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


class KeyedReadTestCase(BaseTestCase):
    def test_rows_come_back_as_the_orm_reads_them(self):
        self.round.objection_deadline = timezone.now() + dt.timedelta(days=3)
        self.round.save()
        for model, pk in [(Round, self.round.pk), (Unit, self.edu.pk), (Unit, self.jia.pk)]:
            self.assertEqual(fields(keyed.get(model, pk)), fields(model.objects.get(pk=pk)))
        self.assertEqual(keyed.get(Unit, self.edu.pk).tags, ["具有行政处罚职权的部门"])
        self.assertIsNotNone(keyed.get(Round, self.round.pk).objection_deadline.tzinfo)
        self.assertIsNone(keyed.get(Unit, 10**9))
        self.assertIsNone(keyed.get(Unit, 10**20))  # no column holds it: nowhere, not an error

    def test_access_reads_the_role_and_unit_of_the_callers_membership(self):
        request = RequestFactory().get("/")
        request.user = self.unit_user
        acc = access(request, self.round.pk)
        self.assertEqual((acc.role, acc.unit, acc.round), (UNIT, self.jia, self.round))
        self.assertEqual(fields(acc.round), fields(Round.objects.get(pk=self.round.pk)))
        self.assertEqual(fields(acc.unit), fields(self.jia))

    def test_an_expired_session_is_refused(self):
        self.login(self.unit_user)
        portal = self.url("portal")
        self.assertEqual(self.client.get(portal).status_code, 200)
        key = self.client.cookies[settings.SESSION_COOKIE_NAME].value
        Session.objects.filter(pk=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
        r = self.client.get(portal)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/login/", r["Location"])

    def test_a_deactivated_user_is_signed_out(self):
        self.login(self.unit_user)
        portal = self.url("portal")
        self.assertEqual(self.client.get(portal).status_code, 200)
        self.unit_user.is_active = False
        self.unit_user.save()
        r = self.client.get(portal)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/login/", r["Location"])
