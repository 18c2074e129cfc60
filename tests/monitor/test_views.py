"""The monitor's pages: who may see and do what (owner, member, outsider), forms that refuse bad
input with a Chinese message and never a 500, the 政务新媒体 register and its import."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.monitor.base import MonitorTestCase
from zwgk.inspect.model import Finding as Found
from zwgk.inspect.model import Severity
from zwgk.web.monitor import services, snapshots
from zwgk.web.monitor.models import (
    Finding,
    MonitoredSite,
    NewMediaAccount,
    NewMediaUpdate,
    Run,
)


def xlsx(rows: list[list]) -> SimpleUploadedFile:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("2024年3月政务新媒体检查.xlsx", buf.getvalue())


class AccessTest(MonitorTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.jia_site = self.site("http://www.jia.gov.cn/")
        self.yi_site = self.site("http://www.yi.gov.cn/", unit=self.yi, name="乙镇网站")
        now = timezone.now()
        found = Found(
            "links-dead",
            Severity.DEDUCTION,
            "http://www.jia.gov.cn/x.html",
            "站内不可用链接",
            referrer="http://www.jia.gov.cn/",
        )
        services.record_findings(self.jia_site, Finding.Source.CRAWL, [found], None, now)
        self.finding = Finding.objects.get(site=self.jia_site)

    def test_it_shows_a_unit_only_its_own_sites_and_findings(self):
        self.login(self.unit_user)
        home = self.client.get(self.url("monitor")).content.decode()
        assert "甲镇人民政府网站" in home and "乙镇网站" not in home
        assert (
            self.client.get(self.url("monitor_site", site_id=self.jia_site.pk)).status_code == 200
        )
        assert self.client.get(self.url("monitor_site", site_id=self.yi_site.pk)).status_code == 404
        assert (
            self.client.get(self.url("monitor_finding", finding_id=self.finding.pk)).status_code
            == 200
        )
        self.login(self.other_unit_user)
        assert (
            self.client.get(self.url("monitor_finding", finding_id=self.finding.pk)).status_code
            == 404
        )

    def test_it_hides_the_monitor_from_outsiders_and_strangers(self):
        for user in (self.outsider, self.stranger):
            self.login(user)
            assert self.client.get(self.url("monitor")).status_code == 404
            assert (
                self.client.get(self.url("monitor_site", site_id=self.jia_site.pk)).status_code
                == 404
            )
        self.client.logout()
        assert self.client.get(self.url("monitor")).status_code == 302  # to the login page

    def test_it_lets_only_the_office_register_and_only_recorders_review(self):
        self.login(self.leader)
        assert self.client.get(self.url("monitor_site_new")).status_code == 403
        assert self.client.get(self.url("monitor_review")).status_code == 200
        assert (
            self.client.post(
                self.url("monitor_dismiss", finding_id=self.finding.pk),
                {f"d{self.finding.pk}-reason": "x"},
            ).status_code
            == 403
        )
        self.login(self.unit_user)
        assert self.client.get(self.url("monitor_review")).status_code == 403
        assert (
            self.client.post(self.url("monitor_confirm", finding_id=self.finding.pk)).status_code
            == 403
        )
        assert (
            self.client.post(
                self.url("monitor_site_run", site_id=self.jia_site.pk), {"kind": "crawl"}
            ).status_code
            == 403
        )
        self.login(self.assessor)
        assert self.client.get(self.url("monitor_bindings")).status_code == 403
        resp = self.client.post(
            self.url("monitor_site_run", site_id=self.jia_site.pk), {"kind": "crawl"}
        )
        assert (
            resp.status_code == 302
            and Run.objects.filter(site=self.jia_site, kind="crawl").count() == 1
        )

    def test_it_lets_a_unit_ask_for_review_and_the_assessor_sees_it(self):
        self.login(self.unit_user)
        resp = self.client.post(
            self.url("monitor_request", finding_id=self.finding.pk), {"statement": ""}, follow=True
        )
        assert "请写明申请复核的理由" in resp.content.decode()
        self.client.post(
            self.url("monitor_request", finding_id=self.finding.pk),
            {"statement": "该链接已于3月修复"},
        )
        self.login(self.assessor)
        page = self.client.get(self.url("monitor_review") + "?state=requested").content.decode()
        assert "该链接已于3月修复" in page
        self.login(self.other_unit_user)
        assert (
            self.client.post(
                self.url("monitor_request", finding_id=self.finding.pk), {"statement": "x"}
            ).status_code
            == 404
        )

    def test_it_writes_review_requests_in_the_audit_trail_by_the_checks_title(self):
        self.login(self.unit_user)
        self.client.post(
            self.url("monitor_request", finding_id=self.finding.pk), {"statement": "已修复"}
        )
        self.login(self.admin)
        page = self.client.get(self.url("audit")).content.decode()
        assert "对网上检查发现申请复核（站内不可用链接）" in page
        assert f"发现编号：{self.finding.pk}" in page
        for code in ("links-dead", "finding："):
            assert code not in page

    def test_it_serves_a_saved_copy_only_to_those_who_may_see_the_finding(self):
        snap = snapshots.of_text(self.jia_site, self.finding.url, "记录", "探测记录\n")
        Finding.objects.filter(pk=self.finding.pk).update(snapshot=snap)
        self.login(self.unit_user)
        resp = self.client.get(self.url("monitor_snapshot", snapshot_id=snap.pk))
        assert resp.status_code == 200 and "attachment" in resp["Content-Disposition"]
        self.login(self.other_unit_user)
        assert self.client.get(self.url("monitor_snapshot", snapshot_id=snap.pk)).status_code == 404


class FormsTest(MonitorTestCase):
    def post_site(self, **fields):
        data = {
            "unit": self.jia.pk, "name": "甲镇网站", "homepage": "http://www.jia.gov.cn",
            "probe_minutes": 30, "freshness_daily": "on", "freshness_from": "01:00",
            "freshness_to": "06:00", "crawl_days": 7, "max_pages": 5000, "rate": 2, "robots": "on",
            "active": "on",
        }  # fmt: skip
        data.update(fields)
        return self.client.post(self.url("monitor_site_new"), data)

    def test_it_registers_a_site_with_its_columns_and_schedule(self):
        self.login(self.admin)
        resp = self.post_site(
            columns="工作动态 | http://www.jia.gov.cn/gzdt/ | 动态 | 2周\n重点领域 | http://www.jia.gov.cn/zdly/ | 重点领域"
        )
        site = MonitoredSite.objects.get()
        assert resp.status_code == 302 and site.homepage == "http://www.jia.gov.cn/"
        assert site.columns == [
            {
                "name": "工作动态",
                "url": "http://www.jia.gov.cn/gzdt/",
                "type": "dynamic",
                "update": "2周",
            },
            {"name": "重点领域", "url": "http://www.jia.gov.cn/zdly/", "type": "key_area"},
        ]
        assert site.options == {"max_pages": 5000, "rate": 2.0, "robots": True}
        assert self.client.get(self.url("monitor_site", site_id=site.pk)).status_code == 200
        assert self.client.get(self.url("monitor_site_edit", site_id=site.pk)).status_code == 200

    def test_it_refuses_bad_sites_with_a_reason_and_never_a_server_error(self):
        self.login(self.admin)
        cases = {
            "homepage": ("ftp://www.jia.gov.cn/", "须以 http:// 或 https:// 开头"),
            "columns": ("工作动态 | www.jia.gov.cn/gzdt/", "第 1 行"),
            "site_code": ("43<script>", "只含字母和数字"),
            "probe_minutes": ("99999999999999999999", "1440"),
            "alert_emails": ("ops@", "不是有效的邮箱地址"),
            "freshness_from": ("25:99", "时间"),
            "unit": ("999999", "选择"),
            "rate": ("nan", ""),
        }
        for field, (value, words) in cases.items():
            resp = self.post_site(**{field: value})
            assert resp.status_code == 200, field
            assert words in resp.content.decode(), field
        resp = self.post_site(columns="动态 | http://www.jia.gov.cn/gzdt/ | 新闻联播")
        assert "不认识的栏目类型" in resp.content.decode()
        resp = self.post_site(columns="动态 | http://www.jia.gov.cn/gzdt/ | 动态 | 每隔一阵")
        assert "无法识别的更新要求" in resp.content.decode()
        assert MonitoredSite.objects.count() == 0
        self.post_site()
        resp = self.post_site(name="又一个")
        assert "已经登记过了" in resp.content.decode()

    def test_it_refuses_a_nonsense_run_kind_and_unknown_objects(self):
        site = self.site("http://www.jia.gov.cn/")
        self.login(self.admin)
        resp = self.client.post(
            self.url("monitor_site_run", site_id=site.pk), {"kind": "format-c"}, follow=True
        )
        assert "请选择检查类型" in resp.content.decode()
        assert self.client.get(self.url("monitor_site", site_id=987654)).status_code == 404
        assert self.client.get(self.url("monitor_run", run_id=987654)).status_code == 404
        assert (
            self.client.get(
                self.url("monitor_review") + "?unit=abc&severity=<b>&page=-3"
            ).status_code
            == 200
        )

    def test_it_binds_a_check_to_an_indicator(self):
        self.login(self.admin)
        resp = self.client.post(
            self.url("monitor_bindings"), {"check_id": "links", "target": "findings|S2.1|late"}
        )
        assert resp.status_code == 302
        resp = self.client.post(
            self.url("monitor_bindings"), {"check_id": "links", "target": "findings|NOPE|x"}
        )
        assert resp.status_code == 200 and "选择" in resp.content.decode()
        page = self.client.get(self.url("monitor_bindings")).content.decode()
        assert "S2.1 规范答复 — 迟报" in page


class NewMediaTest(MonitorTestCase):
    def test_it_imports_the_monthly_sheet_and_finds_the_two_week_gaps(self):
        self.login(self.assessor)
        sheet = xlsx([
            ["单位", "平台", "账号名称", "更新日期", "开设审批"],
            ["甲镇", "微信公众号", "甲镇发布", "2024-03-01、2024-03-05", "是"],
            ["甲镇", "微信公众号", "甲镇发布", dt.datetime(2024, 3, 29, 10, 30), ""],
            ["乙镇", "抖音", "乙镇新闻", "", "否"],
        ])  # fmt: skip
        resp = self.client.post(
            self.url("monitor_newmedia_import"), {"file": sheet, "month": "2024-03"}, follow=True
        )
        assert "已从" in resp.content.decode()
        jia = NewMediaAccount.objects.get(name="甲镇发布")
        assert list(jia.updates.values_list("date", flat=True)) == [
            dt.date(2024, 3, d) for d in (1, 5, 29)
        ]
        assert (jia.checked_from, jia.checked_until) == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
        # Windows 1–14, 15–28 March (29–31 is not a whole window): 15–28 has no update.
        gaps = Finding.objects.filter(account=jia, check_id="newmedia-update")
        assert [f.data["start"] for f in gaps] == ["2024-03-15"]
        yi = NewMediaAccount.objects.get(name="乙镇新闻")
        assert Finding.objects.filter(account=yi, check_id="newmedia-unapproved").exists()
        assert Finding.objects.filter(account=yi, check_id="newmedia-update").count() == 2

    def test_it_rejects_a_sheet_with_any_bad_row_and_keeps_what_was_there(self):
        self.login(self.assessor)
        sheet = xlsx([
            ["单位", "平台", "账号名称", "更新日期"],
            ["甲镇", "微信公众号", "甲镇发布", "2024-03-01"],
            ["丁镇", "微博", "丁镇", "2024-03-02"],
            ["甲镇", "微博", "甲镇微博", "0001-01-01"],
            ["甲镇", "微博", "甲镇微博", "三月初"],
        ])  # fmt: skip
        page = self.client.post(
            self.url("monitor_newmedia_import"), {"file": sheet}, follow=True
        ).content.decode()
        assert "第3行：单位名单中没有“丁镇”" in page
        assert "第4行" in page and "第5行" in page and "文件未导入" in page
        assert NewMediaAccount.objects.count() == 0
        garbled = SimpleUploadedFile("坏文件.xlsx", b"PK\x03\x04 not really a workbook")
        page = self.client.post(
            self.url("monitor_newmedia_import"), {"file": garbled}, follow=True
        ).content.decode()
        assert "不是有效的 Excel" in page
        resp = self.client.post(
            self.url("monitor_newmedia_import"),
            {"file": xlsx([["x"]]), "month": "2024-13"},
            follow=True,
        )
        assert "月份应写作" in resp.content.decode()

    def test_it_records_update_dates_by_hand_and_refuses_nonsense(self):
        self.login(self.admin)
        resp = self.client.post(
            self.url("monitor_newmedia"),
            {
                "unit": self.jia.pk,
                "platform": "微博",
                "name": "甲镇微博",
                "checked_from": "2024-01-01",
                "checked_until": "2024-01-31",
            },
        )
        acc = NewMediaAccount.objects.get()
        url = self.url("monitor_account", account_id=acc.pk)
        assert resp.status_code == 302
        page = self.client.post(url, {"dates": "2024-01-03，1月9日"}, follow=True).content.decode()
        assert "不是日期" in page and acc.updates.count() == 0
        self.client.post(url, {"dates": "2024-01-03、2024/1/30"})
        assert acc.updates.count() == 2
        assert [
            f.data["start"] for f in acc.findings.filter(check_id="newmedia-update", present=True)
        ] == ["2024-01-15"]
        self.client.post(url, {"dates": "2024-01-20"})
        assert not acc.findings.filter(check_id="newmedia-update", present=True).exists()
        NewMediaUpdate.objects.filter(account=acc).delete()
        self.login(self.unit_user)
        assert self.client.post(url, {"dates": "2024-01-20"}).status_code == 404
        assert self.client.get(url).status_code == 200
