"""Every view, every role: who gets the page, who gets 403, who must not learn the round exists."""

from __future__ import annotations

from tests.web.base import PDF, BaseTestCase
from zwgk.web.portal.models import Evidence
from zwgk.web.rounds.models import Round

OK, FORBIDDEN, MISSING, REDIRECT = 200, 403, 404, 302
ROLES = ("admin", "assessor", "leader", "unit", "other_unit", "outsider", "stranger")

# view name, extra url kwargs (by placeholder), expected status per role in ROLES order
GET_VIEWS = [
    ("round", {}, (OK, OK, OK, OK, OK, MISSING, MISSING)),
    ("units", {}, (OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("accounts_xlsx", {}, (OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    # one-time passwords are only in the session of the office that issued them
    ("issued_xlsx", {}, (MISSING, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("portal", {}, (FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, MISSING, MISSING)),
    (
        "indicator",
        {"indicator_id": "S1.1"},
        (FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, MISSING, MISSING),
    ),
    ("desk", {}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("desk_unit", {"unit_id": "jia"}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("desk_score", {"unit_id": "jia"}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("bulk", {}, (OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("facts_import", {}, (OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("objections", {}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("ranking", {}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("ranking_xlsx", {}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("bulletin_docx", {}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    # results are not shown to units before the preliminary results are published
    # (the unit is told why; another unit's sheet does not exist for it)
    ("sheet", {"unit_id": "jia"}, (OK, OK, OK, FORBIDDEN, MISSING, MISSING, MISSING)),
    ("sheet_xlsx", {"unit_id": "jia"}, (OK, OK, OK, FORBIDDEN, MISSING, MISSING, MISSING)),
    ("tasks", {}, (OK, OK, OK, OK, OK, MISSING, MISSING)),
    ("audit", {}, (OK, OK, OK, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("history", {"unit_id": "jia"}, (OK, OK, OK, OK, MISSING, MISSING, MISSING)),
    ("evidence_file", {"evidence_id": "ev"}, (OK, OK, OK, OK, MISSING, MISSING, MISSING)),
    ("due_week", {}, (OK, OK, OK, OK, OK, MISSING, MISSING)),
    ("register", {"name": "message"}, (OK, OK, OK, OK, OK, MISSING, MISSING)),
    (
        "register",
        {"name": "no-such-register"},
        (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING),
    ),
]

POST_VIEWS = [
    (
        "round_settings",
        {},
        (REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
    ("units_import", {}, (OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("unit_accounts", {}, (OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    (
        "password_reset",
        {"user_id": "yi_user"},
        (OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
    ("issued_clear", {}, (REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    ("member_add", {}, (REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    (
        "upload",
        {"indicator_id": "S1.1"},
        (FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT, MISSING, MISSING),
    ),
    (
        "na_request",
        {"indicator_id": "S1.1"},
        (FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT, MISSING, MISSING),
    ),
    (
        "fact_add",
        {"unit_id": "jia"},
        (REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
    (
        "fact_status",
        {"fact_id": "fact"},
        (REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
    (
        "objection_new",
        {"fact_id": "fact"},
        (FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, MISSING, MISSING, MISSING),
    ),
    ("tasks_create", {}, (REDIRECT, REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING)),
    (
        "round_transition",
        {"action": "approve"},
        (FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
    (
        "round_transition",
        {"action": "publish"},
        (REDIRECT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
    (
        "round_transition",
        {"action": "reopen"},
        (FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN, MISSING, MISSING),
    ),
]


class AccessTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.ev = Evidence.objects.create(
            round=self.round,
            unit=self.jia,
            indicator_id="S1.1",
            original_name="会议纪要.pdf",
            stored_name="0" * 32,
            kind="pdf",
            size=len(PDF),
            sha256="x",
        )
        from django.conf import settings

        settings.EVIDENCE_ROOT.mkdir(parents=True, exist_ok=True)
        (settings.EVIDENCE_ROOT / ("0" * 32)).write_bytes(PDF)
        self.f = self.fact()
        from zwgk.web.desk.models import Objection
        from zwgk.web.portal.models import NARequest
        from zwgk.web.rectify.models import Task

        self.na = NARequest.objects.create(
            round=self.round, unit=self.jia, indicator_id="S1.1", reason="无此项工作"
        )
        self.obj = Objection.objects.create(
            round=self.round, unit=self.jia, fact=self.f, statement="异议"
        )
        self.task = Task.objects.create(
            round=self.round, unit=self.jia, title="整改", deadline="2025-01-31"
        )
        self.users = {
            "admin": self.admin,
            "assessor": self.assessor,
            "leader": self.leader,
            "unit": self.unit_user,
            "other_unit": self.other_unit_user,
            "outsider": self.outsider,
            "stranger": self.stranger,
        }

    def _kwargs(self, extra: dict) -> dict:
        values = {
            "jia": self.jia.pk,
            "ev": self.ev.pk,
            "fact": self.f.pk,
            "na": self.na.pk,
            "obj": self.obj.pk,
            "task": self.task.pk,
            "yi_user": self.other_unit_user.pk,
        }
        return {k: values.get(v, v) for k, v in extra.items()}

    def check(self, method: str, views) -> None:
        for name, extra, expected in views:
            for role, status in zip(ROLES, expected, strict=True):
                with self.subTest(view=name, extra=extra, role=role):
                    self.users[role].refresh_from_db()  # a password reset ends old sessions
                    self.client.force_login(self.users[role])
                    url = self.url(name, **self._kwargs(extra))
                    r = self.client.get(url) if method == "get" else self.client.post(url, {})
                    self.assertEqual(r.status_code, status, f"{method.upper()} {url} as {role}")

    def test_it_gives_every_get_view_to_exactly_the_right_roles(self):
        self.check("get", GET_VIEWS)

    def test_it_gives_every_post_view_to_exactly_the_right_roles(self):
        self.check("post", POST_VIEWS)

    def test_it_tells_a_unit_its_sheet_comes_with_the_preliminary_results(self):
        self.login(self.unit_user)
        r = self.client.get(self.url("sheet", unit_id=self.jia.pk))
        self.assertEqual(r.status_code, 403)
        self.assertContains(r, "公示初步结果后才能查看", status_code=403)

    def test_it_shows_a_unit_its_own_sheet_only_once_results_are_shown(self):
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.PRELIMINARY)
        self.login(self.unit_user)
        self.assertEqual(self.client.get(self.url("sheet", unit_id=self.jia.pk)).status_code, 200)
        self.assertEqual(self.client.get(self.url("sheet", unit_id=self.yi.pk)).status_code, 404)

    def test_it_sends_anonymous_users_to_the_login_page(self):
        r = self.client.get(self.url("ranking"))
        self.assertEqual(r.status_code, 302)
        self.assertIn("/login/", r["Location"])

    def test_it_never_serves_evidence_of_another_round(self):
        self.login(self.stranger)
        r = self.client.get(self.url("evidence_file", evidence_id=self.ev.pk))
        self.assertEqual(r.status_code, 404)
