"""elements-org — 机构职能要素: the fields 第二十条 requires on a 机构职能 page.

Looks at the visible text of a page the crawler identified as 机构职能: 机构名称 (a label, or the
unit's own name), 机关职能, 机构设置, 负责人姓名, 办公地址, 办公时间 and 联系电话 (with a
number). One finding per missing field, listing all that are missing. A site that spreads these
over several pages (领导信息, 内设机构) gets a finding per page: dismiss them per page.
"""

from __future__ import annotations

import re

from zwgk.inspect.checks.elements_labels import PHONE, Element, missing, report
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "elements-org"

NAME = Element("机构名称", ("机构名称", "单位名称", "部门名称"))
ELEMENTS = (
    Element("机关职能", ("主要职能", "主要职责", "职能", "职责")),
    Element("机构设置", ("机构设置", "内设机构", "内设科室", "科室", "下设", "直属单位", "所属单位")),
    Element(
        "负责人姓名",
        ("负责人", "领导", "局长", "主任", "书记", "部长", "厅长", "处长", "县长", "区长",
         "市长", "镇长", "乡长", "院长", "站长", "馆长", "主席", "所长", "队长"),
    ),
    Element("办公地址", ("办公地址", "地址", "办公地点")),
    Element("办公时间", ("办公时间", "工作时间", "受理时间", "接待时间")),
    Element("联系电话", ("联系电话", "联系方式", "办公电话", "咨询电话", "电话"), PHONE),
)  # fmt: skip


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if role is not PageRole.ORG_FUNCTIONS or not page.text:
        return []
    gaps = missing(page.text, ELEMENTS)
    unit = re.sub(r"\s+", "", ctx.unit)
    has_name = unit and (unit in page.text or unit in page.title)
    if not has_name and NAME.status(page.text) is not None:
        gaps.insert(0, (NAME, "缺少"))
    return report(page, ctx, CHECK_ID, gaps, "机构职能页面")
