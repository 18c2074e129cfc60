"""The audit trail reads as sentences with people's names, filters, and exports to .xlsx."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.web.base import BaseTestCase


class AuditTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.assessor.first_name = "王主任"
        self.assessor.save()
        self.f = self.fact(status="pending")
        self.login(self.assessor)
        self.client.post(self.url("fact_status", fact_id=self.f.pk), {"status": "confirmed"})
        self.round.status = "assessing"
        self.round.save()
        self.login(self.leader)
        self.client.post(self.url("round_transition", action="approve"))

    def test_it_writes_sentences_with_names_and_labels(self):
        self.login(self.admin)
        page = self.client.get(self.url("audit")).content.decode()
        self.assertIn("王主任 将 甲镇 S2.1 的扣分记录 由 待确认 改为 已确认", page)
        self.assertIn("审定结果（锁定）", page)
        self.assertIn("领导组已审定（锁定）", page)  # the status by its label
        for python in ("{'", "None", "'status'", "approved", "confirmed"):
            self.assertNotIn(python, page)

    def test_it_filters_by_unit_person_kind_and_date(self):
        self.login(self.admin)
        by_unit = self.client.get(self.url("audit"), {"unit": self.yi.pk})
        self.assertEqual(by_unit.context["page"].paginator.count, 0)
        mine = self.client.get(self.url("audit"), {"person": self.assessor.pk})
        self.assertEqual(mine.context["page"].paginator.count, 1)
        kind = self.client.get(self.url("audit"), {"kind": "轮次与状态"})
        self.assertEqual(kind.context["page"].paginator.count, 1)
        later = self.client.get(self.url("audit"), {"since": "2999-01-01"})
        self.assertEqual(later.context["page"].paginator.count, 0)
        bad = self.client.get(self.url("audit"), {"since": "0001-13-45", "unit": "x"})
        self.assertEqual(bad.status_code, 200)

    def test_it_exports_what_the_filter_shows(self):
        self.login(self.admin)
        r = self.client.get(self.url("audit_xlsx"), {"person": self.assessor.pk})
        rows = list(load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("时间", "操作人", "账号"))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][1], "王主任")
        self.assertIn("状态：待确认 → 已确认", rows[1][5])
