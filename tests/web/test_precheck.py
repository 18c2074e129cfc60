"""发布前检查: paste or upload a draft, problems marked in place, the office's words used."""

from __future__ import annotations

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from tests.web.base import BaseTestCase
from zwgk.web.audit.models import Event
from zwgk.web.precheck.models import OfficeWord

DRAFT = "联系人手机13812345678。做好防讯工作，这是依法行政原责的要求。<script>alert(1)</script>"


class PrecheckTests(BaseTestCase):
    def url(self, suffix: str = "") -> str:
        return f"/r/{self.round.pk}/precheck/{suffix}"

    def test_it_marks_each_problem_in_place_escaped_for_a_unit(self):
        self.login(self.unit_user)
        r = self.client.post(self.url(), {"text": DRAFT})
        self.assertEqual(r.status_code, 200)
        html = r.content.decode()
        self.assertIn('<mark class="pc pc-privacy" id="f1"', html)
        self.assertIn(
            '<mark class="pc pc-typo" id="f2" title="疑似错别字：“防讯”应为“防汛”">防讯', html
        )
        self.assertIn('class="pc pc-typo" id="f3"', html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertNotIn("<script>alert(1)", html)
        self.assertNotIn("style=", html.split('id="precheck-result"')[1])
        self.assertEqual(
            r.context["legend"], [("pc-privacy", "隐私信息", 1), ("pc-typo", "错别字", 2)]
        )
        # A draft is not scored: the list says what to do, never 扣分 or 单项否决.
        self.assertEqual(
            [todo for _n, _f, todo in r.context["rows"]],
            ["请核对能否公开", "错误，请改正", "错误，请改正"],
        )
        result = html.split('id="precheck-result"')[1].split('id="precheck-words"')[0]
        self.assertIn("<th>处理</th>", result)
        for word in ("扣分", "单项否决", "程度"):
            self.assertNotIn(word, result)

    def test_it_reads_an_uploaded_word_draft(self):
        d = docx.Document()
        d.add_paragraph("通过图标图解等形式解读政策。")
        buf = io.BytesIO()
        d.save(buf)
        self.login(self.other_unit_user)
        upload = SimpleUploadedFile("草稿.docx", buf.getvalue())
        r = self.client.post(self.url(), {"file": upload})
        self.assertEqual(
            [(f.check, f.wrong) for f in r.context["findings"]], [("wording-typo", "标")]
        )

    def test_it_refuses_a_draft_it_cannot_read_with_a_chinese_message(self):
        self.login(self.unit_user)
        r = self.client.post(self.url(), {"file": SimpleUploadedFile("表.xlsx", b"PK\x03\x04x")})
        self.assertEqual(r.status_code, 200)
        self.assertIn("只能检查 docx、pdf、txt、html 文稿", r.content.decode())
        r = self.client.post(self.url(), {"text": "  "})
        self.assertIn("请粘贴文字或上传文稿", r.content.decode())
        r = self.client.post(self.url(), {"text": "字" * 100_001})
        self.assertIn("文稿超过 10 万字", r.content.decode())

    @override_settings(EVIDENCE_MAX_BYTES=1024)
    def test_it_refuses_an_upload_over_the_evidence_limit(self):
        self.login(self.unit_user)
        big = SimpleUploadedFile("大.txt", "防讯".encode() * 2000)
        r = self.client.post(self.url(), {"file": big})
        self.assertEqual(r.status_code, 200)
        self.assertIn("文件过大", r.content.decode())
        self.assertFalse(r.context["checked"])

    def test_it_uses_the_offices_protected_words_and_pairs(self):
        self.login(self.admin)
        self.client.post(self.url("words/"), {"kind": "protected", "wrong": "正档", "right": ""})
        self.client.post(self.url("words/"), {"kind": "pair", "wrong": "张三丰", "right": "张三峰"})
        self.assertEqual(
            sorted(str(w) for w in OfficeWord.objects.filter(round=self.round)),
            ["张三丰→张三峰", "正档"],
        )
        self.assertEqual(Event.objects.filter(action="precheck.word.add").count(), 2)
        self.login(self.unit_user)
        r = self.client.post(self.url(), {"text": "程序正档，张三丰出席"})
        self.assertEqual(
            [(f.wrong, f.suggested) for f in r.context["findings"]], [("张三丰", "张三峰")]
        )
        word = OfficeWord.objects.get(wrong="正档")
        self.login(self.assessor)
        self.client.post(self.url(f"words/{word.pk}/delete/"))
        self.assertFalse(OfficeWord.objects.filter(wrong="正档").exists())

    def test_it_refuses_bad_words_with_a_reason(self):
        self.login(self.admin)
        r = self.client.post(
            self.url("words/"), {"kind": "pair", "wrong": "防讯", "right": ""}, follow=True
        )
        self.assertIn("错→对词对要写出", r.content.decode())
        self.client.post(self.url("words/"), {"kind": "protected", "wrong": "甲镇"})
        r = self.client.post(
            self.url("words/"), {"kind": "protected", "wrong": "甲镇"}, follow=True
        )
        self.assertIn("已经在列表里", r.content.decode())
        self.assertEqual(OfficeWord.objects.count(), 1)

    def test_only_the_office_side_keeps_the_words_and_outsiders_see_nothing(self):
        word = OfficeWord.objects.create(round=self.round, kind="protected", wrong="甲镇")
        self.login(self.unit_user)
        self.assertEqual(self.client.get(self.url()).status_code, 200)
        r = self.client.post(self.url("words/"), {"kind": "protected", "wrong": "乙镇"})
        self.assertEqual(r.status_code, 403)
        self.assertEqual(self.client.post(self.url(f"words/{word.pk}/delete/")).status_code, 403)
        self.login(self.leader)
        self.assertEqual(self.client.post(self.url(f"words/{word.pk}/delete/")).status_code, 403)
        for user in (self.outsider, self.stranger):
            self.login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 404)
            self.assertEqual(self.client.post(self.url(), {"text": DRAFT}).status_code, 404)
        self.client.logout()
        self.assertEqual(self.client.get(self.url()).status_code, 302)
        self.assertTrue(OfficeWord.objects.filter(pk=word.pk).exists())

    def test_the_navigation_links_to_it_for_every_role(self):
        for user in (self.admin, self.assessor, self.leader, self.unit_user):
            self.login(user)
            r = self.client.get(f"/r/{self.round.pk}/tasks/")
            self.assertIn(f'href="/r/{self.round.pk}/precheck/"', r.content.decode(), user)
