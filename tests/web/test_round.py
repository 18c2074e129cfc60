"""A round from notice to rectification: deadline, live scoring, lock, audit, imports, objections."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from tests.helpers import ROOT
from tests.web.base import MINI, PDF, BaseTestCase
from zwgk.web.audit.models import Event
from zwgk.web.desk.models import Fact, Objection
from zwgk.web.desk.scoring import round_result
from zwgk.web.portal.models import Evidence, NARequest
from zwgk.web.rectify.models import Task
from zwgk.web.rounds.models import Round, SchemeVersion, Unit


def xlsx(rows: list[list]) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def total(rnd: Round, unit: str) -> Decimal:
    rnd.refresh_from_db()
    return round_result(rnd)[0].unit(unit).total


class EvidenceTestCase(BaseTestCase):
    def upload(self, content: bytes, name: str = "会议纪要.pdf"):
        self.login(self.unit_user)
        return self.client.post(
            self.url("upload", indicator_id="S1.1"),
            {"files": SimpleUploadedFile(name, content)},
            follow=True,
        )

    def test_it_stores_evidence_under_a_random_name_and_serves_it_back(self):
        r = self.upload(PDF)
        self.assertContains(r, "已收到 会议纪要.pdf")
        ev = Evidence.objects.get()
        self.assertNotIn("会议", ev.stored_name)
        self.assertEqual((ev.kind, ev.size), ("pdf", len(PDF)))
        got = self.client.get(self.url("evidence_file", evidence_id=ev.pk))
        self.assertEqual(b"".join(got.streaming_content), PDF)
        self.assertTrue(Event.objects.filter(action="evidence.upload", unit=self.jia).exists())

    def test_it_refuses_a_file_whose_content_is_not_an_allowed_format(self):
        r = self.upload(b"MZ\x90\x00 this is a windows program", "材料.pdf")
        self.assertContains(r, "文件内容不是允许的格式")
        self.assertFalse(Evidence.objects.exists())

    def test_it_refuses_uploads_after_the_deadline_and_records_the_attempt(self):
        Round.objects.filter(pk=self.round.pk).update(
            evidence_deadline=timezone.now() - dt.timedelta(minutes=1)
        )
        r = self.upload(PDF)
        self.assertContains(r, "已于")
        self.assertContains(r, "截止，不再接收")
        self.assertFalse(Evidence.objects.exists())
        self.assertTrue(Event.objects.filter(action="evidence.refused", unit=self.jia).exists())

    def test_it_refuses_a_self_assessment_after_the_deadline(self):
        Round.objects.filter(pk=self.round.pk).update(
            evidence_deadline=timezone.now() - dt.timedelta(minutes=1)
        )
        self.login(self.unit_user)
        r = self.client.post(
            self.url("indicator", indicator_id="S1.1"), {"score": "4"}, follow=True
        )
        self.assertContains(r, "截止")
        self.assertFalse(self.jia.selfassessment_set.exists())

    def test_it_refuses_an_oversized_request_without_reading_it(self):
        with self.settings(EVIDENCE_MAX_BYTES=1000):
            r = self.upload(b"%PDF-" + b"0" * (1024 * 1024 + 5000))
        self.assertContains(r, "本次未接收任何内容")
        self.assertFalse(Evidence.objects.exists())

    def test_an_oversized_form_post_gets_a_clear_413_not_a_csrf_error(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(self.unit_user)
        with self.settings(EVIDENCE_MAX_BYTES=1000):
            r = client.post(
                self.url("upload", indicator_id="S1.1"),
                {"files": SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 5000))},
            )
        self.assertContains(r, "文件过大", status_code=413)
        self.assertFalse(Evidence.objects.exists())

    def test_it_cuts_off_a_file_larger_than_the_limit(self):
        with self.settings(EVIDENCE_MAX_BYTES=1000):
            r = self.upload(b"%PDF-" + b"0" * 5000)
        self.assertContains(r, "文件过大")
        self.assertFalse(Evidence.objects.exists())

    def test_a_unit_saves_its_self_assessment_and_the_change_is_audited(self):
        self.login(self.unit_user)
        self.client.post(
            self.url("indicator", indicator_id="S1.1"), {"score": "4", "statement": "已研究部署"}
        )
        sa = self.jia.selfassessment_set.get()
        self.assertEqual((sa.score, sa.statement), (Decimal(4), "已研究部署"))
        ev = Event.objects.get(action="self.save")
        self.assertEqual(ev.after["score"], "4")

    def test_a_self_assessment_that_is_not_a_number_gets_a_clear_message(self):
        self.login(self.unit_user)
        for raw in ("abc", "NaN", "Infinity"):
            r = self.client.post(
                self.url("indicator", indicator_id="S1.1"), {"score": raw}, follow=True
            )
            self.assertContains(r, "不是数字")
        self.assertFalse(self.jia.selfassessment_set.exists())

    def test_a_unit_cannot_see_an_indicator_that_does_not_exist(self):
        self.login(self.unit_user)
        self.assertEqual(self.client.get(self.url("indicator", indicator_id="S9")).status_code, 404)


class DeskTestCase(BaseTestCase):
    def add(self, **data):
        self.login(self.assessor)
        data.setdefault("indicator", "S2.1")
        return self.client.post(
            self.url("fact_add", unit_id=self.jia.pk), data, HTTP_HX_REQUEST="true"
        )

    def test_a_finding_updates_the_score_live_and_is_audited(self):
        before = total(self.round, "甲镇")
        r = self.add(pick="findings|missed", count="2", note="月度检查")
        self.assertEqual(r["HX-Trigger"], "facts-changed")
        self.assertContains(r, "漏报：2次 × 2 分，扣 4 分")
        self.assertEqual(total(self.round, "甲镇"), before - 4)
        ev = Event.objects.get(action="fact.add")
        self.assertEqual(
            (ev.actor, ev.after["item"], ev.after["count"]), (self.assessor, "missed", 2)
        )
        score = self.client.get(self.url("desk_score", unit_id=self.jia.pk))
        self.assertContains(score, str(before - 4))

    def test_a_pending_finding_does_not_count_until_confirmed(self):
        before = total(self.round, "甲镇")
        self.add(pick="findings|late", status="pending")
        self.assertEqual(total(self.round, "甲镇"), before)
        fact = Fact.objects.get()
        self.client.post(self.url("fact_status", fact_id=fact.pk), {"status": "confirmed"})
        self.assertEqual(total(self.round, "甲镇"), before - 1)

    def test_dismissing_a_confirmed_finding_needs_a_reason(self):
        fact = self.fact()
        self.login(self.assessor)
        self.client.post(self.url("fact_status", fact_id=fact.pk), {"status": "dismissed"})
        fact.refresh_from_db()
        self.assertEqual(fact.status, "confirmed")
        self.client.post(
            self.url("fact_status", fact_id=fact.pk),
            {"status": "dismissed", "reason": "复核后属实已整改"},
        )
        fact.refresh_from_db()
        self.assertEqual(fact.status, "dismissed")
        ev = Event.objects.get(action="fact.status")
        self.assertEqual(
            (ev.before["status"], ev.after["status"], ev.reason),
            ("confirmed", "dismissed", "复核后属实已整改"),
        )

    def test_the_core_rejects_a_fact_the_scheme_does_not_allow(self):
        r = self.add(pick="findings|no-such-fault")
        self.assertContains(r, "没有扣分情形")
        self.assertFalse(Fact.objects.exists())

    def test_bulk_entry_records_one_fault_for_many_units(self):
        self.login(self.assessor)
        self.client.post(
            self.url("bulk"),
            {
                "rule": "findings|S2.1|late",
                "units": [self.jia.pk, self.yi.pk],
                "count": "1",
                "note": "3月通报",
            },
        )
        self.assertEqual(
            sorted(Fact.objects.values_list("unit__name", flat=True)), ["乙镇", "甲镇"]
        )
        self.assertEqual(Event.objects.filter(action="fact.add").count(), 2)

    def test_it_imports_imported_scores_and_third_party_deductions_from_xlsx(self):
        self.login(self.assessor)
        data = xlsx(
            [
                ["类型", "单位", "指标", "情形", "次数", "数值", "说明"],
                ["扣分", "甲镇", "S2.1", "late", 2, None, "3月通报"],
                ["排名数据", "乙镇", "S2.2", None, None, 3, ""],
                ["排名数据", "甲镇", "S2.2", None, None, 5, ""],
            ]
        )
        before = total(self.round, "甲镇")
        r = self.client.post(
            self.url("facts_import"), {"file": SimpleUploadedFile("导入.xlsx", data)}, follow=True
        )
        self.assertContains(r, "导入 3 条记录")
        self.assertEqual(total(self.round, "甲镇"), before - 2)
        self.assertEqual(Fact.objects.get(section="findings").origin, "导入:导入.xlsx")

    def test_a_broken_import_is_rejected_whole_with_the_row_and_reason(self):
        self.fact()
        self.login(self.assessor)
        data = xlsx(
            [
                ["类型", "单位", "指标", "情形"],
                ["扣分", "甲镇", "S2.1", "late"],
                ["扣分", "不存在的单位", "S2.1", "late"],
            ]
        )
        r = self.client.post(
            self.url("facts_import"), {"file": SimpleUploadedFile("导入.xlsx", data)}, follow=True
        )
        self.assertContains(r, "不存在的单位")
        self.assertContains(r, "文件未导入")
        self.assertEqual(Fact.objects.count(), 1)

    def test_a_garbled_xlsx_gets_a_clear_error(self):
        self.login(self.assessor)
        r = self.client.post(
            self.url("facts_import"),
            {"file": SimpleUploadedFile("导入.xlsx", b"PK\x03\x04garbage")},
            follow=True,
        )
        self.assertContains(r, "不是有效的 Excel")

    def test_an_approved_na_request_takes_the_indicator_out(self):
        self.login(self.unit_user)
        self.client.post(self.url("na_request", indicator_id="S1.1"), {"reason": "本镇无此项工作"})
        na = NARequest.objects.get()
        self.login(self.assessor)
        self.client.post(
            self.url("na_decide", na_id=na.pk), {"decision": "approve", "answer": "同意"}
        )
        na.refresh_from_db()
        self.assertEqual(na.status, "approved")
        node = round_result(Round.objects.get(pk=self.round.pk))[0].unit("甲镇").node("S1.1")
        self.assertTrue(node.status.value.startswith("na"))


class LockTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.ASSESSING)

    def test_only_a_leader_approves_and_the_round_locks(self):
        self.login(self.admin)
        self.client.post(self.url("round_transition", action="approve"))
        self.assertEqual(Round.objects.get(pk=self.round.pk).status, "assessing")
        self.login(self.leader)
        self.client.post(self.url("round_transition", action="approve"))
        rnd = Round.objects.get(pk=self.round.pk)
        self.assertEqual((rnd.status, rnd.approved_by), ("approved", self.leader))
        self.login(self.assessor)
        self.client.post(
            self.url("fact_add", unit_id=self.jia.pk),
            {"indicator": "S2.1", "pick": "findings|late"},
        )
        self.assertFalse(Fact.objects.exists())

    def test_a_locked_round_reopens_only_with_a_reason(self):
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.APPROVED)
        self.login(self.leader)
        self.client.post(self.url("round_transition", action="reopen"), {"reason": ""})
        self.assertEqual(Round.objects.get(pk=self.round.pk).status, "approved")
        self.client.post(
            self.url("round_transition", action="reopen"), {"reason": "区财政局异议经核实成立"}
        )
        self.assertEqual(Round.objects.get(pk=self.round.pk).status, "assessing")
        ev = Event.objects.get(action="round.reopen")
        self.assertEqual(
            (ev.before, ev.after, ev.reason),
            ({"status": "approved"}, {"status": "assessing"}, "区财政局异议经核实成立"),
        )

    def test_a_locked_fact_cannot_change_status(self):
        fact = self.fact(status="pending")
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.PUBLISHED)
        self.login(self.assessor)
        self.client.post(self.url("fact_status", fact_id=fact.pk), {"status": "confirmed"})
        fact.refresh_from_db()
        self.assertEqual(fact.status, "pending")


class ObjectionAndRectificationTestCase(BaseTestCase):
    def test_an_upheld_objection_removes_the_deduction(self):
        fact = self.fact(item_id="missed", count=2)
        Round.objects.filter(pk=self.round.pk).update(
            status=Round.Status.PRELIMINARY,
            objection_deadline=timezone.now() + dt.timedelta(days=3),
        )
        before = total(self.round, "甲镇")
        self.login(self.unit_user)
        sheet = self.client.get(self.url("sheet", unit_id=self.jia.pk))
        self.assertContains(sheet, "提出异议")
        self.client.post(
            self.url("objection_new", fact_id=fact.pk), {"statement": "已按时报送，附回执"}
        )
        obj = Objection.objects.get()
        self.login(self.assessor)
        self.client.post(
            self.url("objection_answer", objection_id=obj.pk),
            {"decision": "upheld", "answer": "核实属实"},
        )
        self.assertEqual(total(self.round, "甲镇"), before + 4)
        self.login(self.unit_user)
        self.assertContains(self.client.get(self.url("sheet", unit_id=self.jia.pk)), "核实属实")

    def test_objections_are_refused_outside_the_window(self):
        fact = self.fact()
        Round.objects.filter(pk=self.round.pk).update(
            status=Round.Status.PRELIMINARY,
            objection_deadline=timezone.now() - dt.timedelta(days=1),
        )
        self.login(self.unit_user)
        r = self.client.post(
            self.url("objection_new", fact_id=fact.pk), {"statement": "x"}, follow=True
        )
        self.assertContains(r, "不在异议期内")
        self.assertFalse(Objection.objects.exists())

    def test_a_failed_unit_gets_a_rectification_task_and_reports(self):
        self.fact(section="vetoes", indicator_id="", item_id="fake")
        self.login(self.admin)
        self.client.post(self.url("tasks_create"), {"deadline": "2025-03-31"})
        # the mini scheme has 20 points and grade bands for 100: every unit is 不合格
        self.assertEqual(Task.objects.count(), 3)
        task = Task.objects.get(unit=self.jia)
        self.client.post(self.url("tasks_create"), {"deadline": "2025-03-31"})
        self.assertEqual(Task.objects.count(), 3)
        self.login(self.unit_user)
        self.client.post(self.url("task_report", task_id=task.pk), {"text": "已完成整改"})
        self.login(self.assessor)
        self.client.post(self.url("task_review", task_id=task.pk), {"decision": "accept"})
        task.refresh_from_db()
        self.assertEqual(task.status, "accepted")
        self.login(self.other_unit_user)
        self.assertNotContains(self.client.get(self.url("tasks")), "已完成整改")


class SetupTestCase(BaseTestCase):
    def test_it_creates_a_round_from_a_scheme_yaml(self):
        self.login(self.admin)
        f = SimpleUploadedFile("mini.yaml", (ROOT / "examples" / "mini.yaml").read_bytes())
        r = self.client.post(
            "/rounds/new/", {"year": 2025, "name": "2025年度考核", "scheme_file": f}, follow=True
        )
        self.assertContains(r, "考核轮次已建立")
        self.assertTrue(Round.objects.filter(name="2025年度考核").exists())

    def test_it_rejects_a_broken_scheme_whole_with_the_line(self):
        self.login(self.admin)
        text = (
            (ROOT / "examples" / "mini.yaml")
            .read_text(encoding="utf-8")
            .replace("points: 6\n", "points: 7\n", 1)
        )
        f = SimpleUploadedFile("mini.yaml", text.encode())
        r = self.client.post("/rounds/new/", {"year": 2025, "name": "坏方案", "scheme_file": f})
        self.assertContains(r, "方案文件未被采用")
        self.assertContains(r, "mini.yaml:")
        self.assertFalse(Round.objects.filter(name="坏方案").exists())

    def test_it_creates_a_round_from_an_office_xlsx_table(self):
        self.login(self.admin)
        f = SimpleUploadedFile(
            "评分表.xlsx", (ROOT / "tests" / "fixtures" / "seed_yongji2023.xlsx").read_bytes()
        )
        r = self.client.post(
            "/rounds/new/", {"year": 2023, "name": "永济", "scheme_file": f}, follow=True
        )
        self.assertContains(r, "需人工复核")
        self.assertTrue(Round.objects.filter(name="永济").exists())

    def test_it_imports_units_and_rejects_a_bad_list_whole(self):
        self.login(self.admin)
        good = xlsx(
            [
                ["单位名称", "类别", "标签"],
                ["丁镇", "A", ""],
                ["区财政局", "B", "具有行政处罚职权的部门"],
            ]
        )
        self.client.post(self.url("units_import"), {"file": SimpleUploadedFile("名单.xlsx", good)})
        self.assertTrue(
            Unit.objects.filter(round=self.round, name="区财政局", unit_class="B").exists()
        )
        bad = xlsx([["单位名称", "类别"], ["戊镇", "A"], ["己局", "Z"]])
        r = self.client.post(
            self.url("units_import"), {"file": SimpleUploadedFile("名单.xlsx", bad)}, follow=True
        )
        self.assertContains(r, "单位名单未导入")
        self.assertFalse(Unit.objects.filter(name="戊镇").exists())

    def test_it_creates_unit_accounts_shown_once(self):
        self.login(self.admin)
        r = self.client.post(self.url("unit_accounts"), follow=True)
        self.assertContains(r, "初始密码只在这里显示")
        self.assertContains(r, f"r{self.round.pk}u{self.edu.pk}")
        password = r.context["issued"][0]["password"]
        again = self.client.get(self.url("units"))
        self.assertNotContains(again, password)

    def test_the_notice_is_issued_only_with_units_and_a_title(self):
        rnd = Round.objects.get(pk=self.round.pk)
        rnd.status, rnd.notice_issued_at = Round.Status.DRAFT, None
        rnd.save()
        self.login(self.admin)
        self.client.post(self.url("round_transition", action="issue_notice"))
        rnd.refresh_from_db()
        self.assertEqual(rnd.status, "open")
        self.assertIsNotNone(rnd.notice_issued_at)
        self.login(self.unit_user)
        self.assertContains(self.client.get(self.url("round")), "考核通知")


class SecurityTestCase(BaseTestCase):
    def test_login_is_throttled_after_repeated_failures(self):
        for _ in range(5):
            self.client.post("/login/", {"username": "jia", "password": "wrong"})
        r = self.client.post("/login/", {"username": "jia", "password": self.password})
        self.assertEqual(r.status_code, 429)
        self.assertContains(r, "登录失败次数过多", status_code=429)

    def test_pages_carry_a_strict_csp_and_no_inline_script(self):
        self.login(self.admin)
        r = self.client.get(self.url("ranking"))
        csp = r["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe", csp)
        html = r.content.decode()
        import re

        for tag in re.findall(r"<script[^>]*>", html):
            self.assertTrue("src=" in tag or 'type="application/json"' in tag, tag)
        self.assertNotIn(" onclick=", html)

    def test_exports_are_real_office_files(self):
        self.fact()
        self.login(self.admin)
        from docx import Document
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(self.client.get(self.url("ranking_xlsx")).content))
        self.assertIn("评分明细", wb.sheetnames)
        doc = Document(io.BytesIO(self.client.get(self.url("bulletin_docx")).content))
        text = "\n".join(p.text for p in doc.paragraphs)
        self.assertIn("考核结果的通报", text)
        self.assertIn("迟报", text)


class PasswordTestCase(BaseTestCase):
    def test_it_rejects_a_weak_password_and_accepts_a_strong_one(self):
        self.login(self.unit_user)
        r = self.client.post(
            "/password/",
            {
                "old_password": self.password,
                "new_password1": "12345678",
                "new_password2": "12345678",
            },
        )
        self.assertEqual(r.status_code, 200)
        self.unit_user.refresh_from_db()
        self.assertTrue(self.unit_user.check_password(self.password))
        self.client.post(
            "/password/",
            {
                "old_password": self.password,
                "new_password1": "甲镇政务公开2024!",
                "new_password2": "甲镇政务公开2024!",
            },
        )
        self.unit_user.refresh_from_db()
        self.assertTrue(self.unit_user.check_password("甲镇政务公开2024!"))


class InspectionFindingsTestCase(BaseTestCase):
    def test_website_findings_load_as_pending_facts_and_count_once_confirmed(self):
        from zwgk.inspect.assess import Binding, Bindings, to_facts

        findings = [
            {
                "check": "links-dead",
                "severity": "deduction",
                "url": "http://jia.example/x.html",
                "message": "链接不可用",
                "evidence": "HTTP 404",
                "site": "甲镇网站",
                "referrer": "http://jia.example/",
            },
            {
                "check": "wording-typo",
                "severity": "warning",
                "url": "http://jia.example/y.html",
                "message": "错别字",
                "site": "甲镇网站",
            },
        ]
        facts, unbound = to_facts(
            findings, Bindings((Binding("links", "S2.1", "late"),), {"甲镇网站": "甲镇"})
        )
        self.assertEqual(unbound, 1)
        import yaml

        data = yaml.safe_dump(facts, allow_unicode=True).encode()
        before = total(self.round, "甲镇")
        self.login(self.assessor)
        r = self.client.post(
            self.url("facts_import"),
            {"file": SimpleUploadedFile("pending-facts.yaml", data)},
            follow=True,
        )
        self.assertContains(r, "导入 1 条记录")
        fact = Fact.objects.get()
        self.assertEqual((fact.status, fact.source), ("pending", "网上检查"))
        self.assertIn("http://jia.example/x.html", fact.note)
        self.assertEqual(total(self.round, "甲镇"), before)
        self.client.post(self.url("fact_status", fact_id=fact.pk), {"status": "confirmed"})
        self.assertEqual(total(self.round, "甲镇"), before - 1)


class AssumptionsTestCase(BaseTestCase):
    def test_the_office_confirms_the_schemes_assumptions_before_the_notice(self):
        text = MINI + (
            "assumptions:\n"
            "  - {id: rank-points, about: S2.2, says: 原文未规定名次赋分, "
            "chosen: 每名扣0.5分, why: 与上年做法一致}\n"
        )
        sv = self.round.scheme
        sv.yaml_text, sv.sha256 = text, SchemeVersion.digest(text)
        sv.save()
        Round.objects.filter(pk=self.round.pk).update(status=Round.Status.DRAFT)
        self.login(self.admin)
        page = self.client.get(self.url("round"))
        self.assertContains(page, "原文未规定名次赋分")
        self.assertContains(page, "S2.2 排名")
        r = self.client.post(self.url("round_transition", action="issue_notice"), follow=True)
        self.assertContains(r, "请先阅读并确认方案的编写假设")
        self.client.post(self.url("round_transition", action="confirm_assumptions"))
        self.client.post(self.url("round_transition", action="issue_notice"))
        self.round.refresh_from_db()
        self.assertEqual(self.round.status, Round.Status.OPEN)
        self.assertEqual(self.round.assumptions_confirmed_by, self.admin)
