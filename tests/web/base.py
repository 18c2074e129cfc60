"""The base test case: a round of the mini scheme with one user of every role, and outsiders."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.test import TestCase
from django.utils import timezone

from tests.helpers import ROOT
from zwgk.web.desk.models import Fact
from zwgk.web.rounds.models import Membership, Round, SchemeVersion, Unit

MINI = (ROOT / "examples" / "mini.yaml").read_text(encoding="utf-8")
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def make_round(name: str = "示例区2024年度考核", status: str = Round.Status.OPEN) -> Round:
    sv = SchemeVersion.objects.create(
        scheme_id="mini",
        title="示例区2024年度政务公开工作考核",
        yaml_text=MINI,
        sha256=SchemeVersion.digest(MINI),
        source_name="mini.yaml",
    )
    return Round.objects.create(
        year=2024,
        name=name,
        scheme=sv,
        status=status,
        evidence_deadline=timezone.now() + dt.timedelta(days=7),
        notice_title="考核通知",
        notice_issued_at=timezone.now(),
    )


class BaseTestCase(TestCase):
    """admin (考核办), assessor, leader, unit (甲镇), other_unit (乙镇), outsider, and a stranger
    who is a unit user in another round."""

    password = "correct horse battery"

    def setUp(self) -> None:
        super().setUp()
        self.round = make_round()
        self.jia = Unit.objects.create(round=self.round, name="甲镇", unit_class="A")
        self.yi = Unit.objects.create(round=self.round, name="乙镇", unit_class="A")
        self.edu = Unit.objects.create(
            round=self.round, name="区教育局", unit_class="B", tags=["具有行政处罚职权的部门"]
        )
        self.admin = self.user("admin", staff=True)
        self.assessor = self.member("assessor", Membership.Role.ASSESSOR)
        self.leader = self.member("leader", Membership.Role.LEADER)
        self.unit_user = self.member("jia", Membership.Role.UNIT, self.jia)
        self.other_unit_user = self.member("yi", Membership.Role.UNIT, self.yi)
        self.outsider = self.user("outsider")
        other = make_round("另一轮考核")
        other_unit = Unit.objects.create(round=other, name="丙镇", unit_class="A")
        self.stranger = self.user("stranger")
        Membership.objects.create(
            round=other, user=self.stranger, role=Membership.Role.UNIT, unit=other_unit
        )

    def user(self, username: str, staff: bool = False) -> User:
        return User.objects.create_user(username, password=self.password, is_staff=staff)

    def member(self, username: str, role: str, unit: Unit | None = None) -> User:
        u = self.user(username)
        Membership.objects.create(round=self.round, user=u, role=role, unit=unit)
        return u

    def login(self, user: User) -> None:
        self.client.force_login(user)

    def fact(self, unit: Unit | None = None, **kw) -> Fact:
        fields = {"section": "findings", "indicator_id": "S2.1", "item_id": "late", "count": 1}
        fields.update(kw)
        return Fact.objects.create(round=self.round, unit=unit or self.jia, **fields)

    def url(self, view: str, /, **kw) -> str:
        from django.urls import reverse

        return reverse(view, kwargs={"round_id": self.round.pk, **kw})
