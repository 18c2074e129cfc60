"""Registers: due dates in working days, entry and import, breaches → pending findings, digest."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

from tests.web.base import MINI, BaseTestCase
from zwgk.web.audit.models import Event
from zwgk.web.desk.models import Fact
from zwgk.web.desk.scoring import round_result
from zwgk.web.registers.models import Inspection, Message, status_of
from zwgk.web.registers.services import inspection_metric, sync
from zwgk.web.rounds.models import Round, SchemeVersion

BOUND = MINI.replace(
    "- {id: late, text: 迟报, amount: 1, per: 次}",
    "- {id: late, text: 迟报, amount: 1, per: 次, ledger: {name: message, breach: any}}",
)


def xlsx(rows):
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


class RegisterTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        assert BOUND != MINI
        sv = SchemeVersion.objects.create(
            scheme_id="mini",
            title="示例",
            yaml_text=BOUND,
            sha256=SchemeVersion.digest(BOUND),
            source_name="mini.yaml",
        )
        Round.objects.filter(pk=self.round.pk).update(scheme=sv, year=2024)
        self.round.refresh_from_db()

    def message(self, unit=None, received=dt.date(2024, 9, 27), replied=None, ref="XX-1"):
        return Message.objects.create(
            round=self.round,
            unit=unit or self.jia,
            ref=ref,
            received=received,
            limit_days=5,
            replied=replied,
        )

    def test_it_computes_the_due_date_in_working_days_across_national_day(self):
        m = self.message()
        d, error = status_of(m, dt.date(2024, 10, 1))
        # 2024-09-27 (Fri) + 5 working days: 9-29 (Sun, worked), 9-30, 10-8, 10-9, 10-10
        self.assertEqual((d.due, error), (dt.date(2024, 10, 10), ""))
        self.assertEqual(d.status.value, "即将到期")  # 10-8, 10-9, 10-10 left

    def test_a_year_the_calendar_does_not_cover_is_reported_not_guessed(self):
        m = self.message(received=dt.date(2031, 3, 2))
        d, error = status_of(m, dt.date(2031, 3, 20))
        self.assertIsNone(d)
        self.assertIn("2031", error)

    def test_an_assessor_registers_a_record_by_form_and_it_is_audited(self):
        self.login(self.assessor)
        r = self.client.post(
            self.url("register", name="message"),
            {
                "unit": self.jia.pk,
                "ref": "XX-9",
                "channel": "12345",
                "received": "2024-05-06",
                "limit_days": 5,
            },
            follow=True,
        )
        self.assertContains(r, "已登记 XX-9")
        self.assertTrue(Event.objects.filter(action="ledger.add").exists())
        self.assertContains(
            r, "2024-05-11"
        )  # 5 working days after Mon 6 May: Sat 11 May was worked (劳动节调休)

    def test_a_unit_sees_only_its_own_records_and_cannot_add(self):
        self.message(ref="JIA-1")
        self.message(unit=self.yi, ref="YI-1")
        self.login(self.unit_user)
        r = self.client.get(self.url("register", name="message"))
        self.assertContains(r, "JIA-1")
        self.assertNotContains(r, "YI-1")
        self.assertEqual(
            self.client.post(
                self.url("register", name="message"), {"unit": self.jia.pk}
            ).status_code,
            404,
        )

    def test_it_imports_records_from_xlsx_and_rejects_a_bad_file_whole(self):
        self.login(self.assessor)
        good = xlsx(
            [
                ["单位", "编号", "渠道", "收到日", "回复时限（工作日）", "回复日"],
                ["甲镇", "A-1", "市长信箱", "2024-03-01", 5, "2024-03-04"],
                ["乙镇", "A-2", "12345", "2024-03-01", 5, None],
            ]
        )
        self.client.post(
            self.url("register_import", name="message"),
            {"file": SimpleUploadedFile("来信.xlsx", good)},
        )
        self.assertEqual(Message.objects.count(), 2)
        bad = xlsx(
            [
                ["单位", "编号", "收到日"],
                ["甲镇", "B-1", "2024-03-01"],
                ["丁镇", "B-2", "2024-03-01"],
                ["甲镇", "B-3", "三月一日"],
            ]
        )
        r = self.client.post(
            self.url("register_import", name="message"),
            {"file": SimpleUploadedFile("来信.xlsx", bad)},
            follow=True,
        )
        self.assertContains(r, "第3行 单位：单位名单中没有“丁镇”")
        self.assertContains(r, "第4行")
        self.assertEqual(Message.objects.count(), 2)

    def test_breaches_become_pending_findings_that_count_once_confirmed(self):
        self.message(replied=dt.date(2024, 10, 15), ref="LATE")  # due 10-10
        self.message(replied=dt.date(2024, 9, 30), ref="ONTIME")
        before = round_result(self.round)[0].unit("甲镇").total
        rep = sync(self.round, self.assessor, today=dt.date(2024, 12, 1))
        self.assertEqual(rep.created, 1)
        fact = Fact.objects.get()
        self.assertEqual(
            (fact.indicator_id, fact.item_id, fact.status), ("S2.1", "late", "pending")
        )
        # 10-11, 10-12 (a Saturday worked in 2024), 10-14, 10-15
        self.assertIn("超期4个工作日", fact.note)
        self.assertEqual(sync(self.round, self.assessor, today=dt.date(2024, 12, 1)).created, 0)
        self.login(self.assessor)
        self.client.post(self.url("fact_status", fact_id=fact.pk), {"status": "confirmed"})
        self.round.refresh_from_db()
        self.assertEqual(round_result(self.round)[0].unit("甲镇").total, before - 1)

    def test_the_sync_button_reports_what_it_made(self):
        self.message(replied=None, ref="OPEN")
        self.login(self.assessor)
        r = self.client.post(self.url("ledger_sync"), follow=True)
        self.assertContains(r, "生成待确认扣分 1 条")

    def test_the_week_page_lists_what_falls_due_and_what_is_overdue(self):
        self.message(received=dt.date(2024, 1, 2), ref="OLD-OPEN")
        self.login(self.unit_user)
        r = self.client.get(self.url("due_week"))
        self.assertContains(r, "OLD-OPEN")
        self.assertContains(r, "严重超期")

    def test_monthly_inspections_feed_the_rank_indicator(self):
        for month, score in ((1, 90), (2, 100)):
            Inspection.objects.create(
                round=self.round,
                unit=self.jia,
                ref=f"J{month}",
                month=dt.date(2024, month, 1),
                score=score,
            )
            Inspection.objects.create(
                round=self.round,
                unit=self.yi,
                ref=f"Y{month}",
                month=dt.date(2024, month, 1),
                score=80,
            )
        self.assertEqual(inspection_metric(self.round, "S2.2", self.admin), 2)
        self.assertEqual(Fact.objects.get(unit=self.jia, section="metrics").value, Decimal("95.00"))
        self.round.refresh_from_db()
        res = round_result(self.round)[0]
        self.assertGreater(
            res.unit("甲镇").node("S2.2").earned, res.unit("乙镇").node("S2.2").earned
        )

    def test_the_daily_digest_mails_units_their_items(self):
        self.unit_user.email = "jia@example.org"
        self.unit_user.save()
        self.message(received=dt.date(2024, 1, 2), ref="OLD-OPEN")
        call_command("digest", "--date", "2024-03-01", stdout=io.StringIO())
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("OLD-OPEN", mail.outbox[0].body)
