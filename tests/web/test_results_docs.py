"""The 通报 and the ranking's 主要扣分问题: A4 paper, caps applied, whole problem text."""

from __future__ import annotations

import io
from decimal import Decimal

from docx import Document
from docx.shared import Mm

from tests.web.base import BaseTestCase
from zwgk.report.bulletin import _reason, main_problems
from zwgk.web.desk.scoring import round_result


class BulletinTestCase(BaseTestCase):
    def test_the_bulletin_is_a4(self):
        self.login(self.admin)
        doc = Document(io.BytesIO(self.client.get(self.url("bulletin_docx")).content))
        section = doc.sections[0]
        self.assertEqual(round(section.page_width.mm), 210)
        self.assertEqual(round(section.page_height.mm), 297)
        self.assertGreaterEqual(section.left_margin, Mm(25))

    def test_main_problems_count_points_after_caps(self):
        # 3 × 漏报 at 2 points, capped at 4 by the fault; 4 missing elements at 2, capped at 6
        self.fact(item_id="missed", count=3)
        self.fact(
            indicator_id="S1.2",
            item_id="missing",
            missing=["机关职能", "机构设置", "办公地址", "办公时间"],
            count=4,
        )
        result, _ = round_result(self.round)
        lost = {p.reason: p.points for p in main_problems(result)}
        self.assertEqual(lost["漏报"], Decimal(4))
        self.assertEqual(lost["未公开机构职能要素"], Decimal(6))
        ur = result.unit("甲镇")
        self.assertEqual(sum(lost.values()), sum(s.max - s.earned for s in ur.sections))

    def test_a_problem_keeps_its_whole_text(self):
        line = "未按规定公开（含更新不及时）：缺少A、B（2项 × 1 分），扣 2 分"
        self.assertEqual(_reason(line), "未按规定公开（含更新不及时）")
