"""elements-guide — 政府信息公开指南要素: the elements 第十二条 requires in a site's 指南.

Looks at the visible text of the page the crawler identified as the 政府信息公开指南. Each of
信息分类, 编排体系, 获取方式, 工作机构名称, 办公地址, 办公时间, 联系电话, 传真号码,
互联网联系方式, 申请方式 and 查阅场所 must be there (any of its synonyms; 电话 and 传真 with a
number). One finding per missing element, listing all that are missing.
"""

from __future__ import annotations

from zwgk.inspect.checks.elements_labels import PHONE, Element, missing, report
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "elements-guide"

ELEMENTS = (
    Element("信息分类", ("分类",)),
    Element("编排体系", ("编排体系", "编排方式", "编排")),
    Element("获取方式", ("获取方式", "获取途径", "获取", "获得方式", "获得途径")),
    Element("工作机构名称", ("工作机构", "机构名称", "受理机构", "受理部门", "办公室")),
    Element("办公地址", ("办公地址", "地址", "办公地点", "受理地点")),
    Element("办公时间", ("办公时间", "工作时间", "受理时间", "接待时间")),
    Element("联系电话", ("联系电话", "咨询电话", "电话"), PHONE),
    Element("传真号码", ("传真号码", "传真"), PHONE),
    Element(
        "互联网联系方式", ("电子邮箱", "电子信箱", "邮箱", "e-mail", "email", "网址", "网站", "@")
    ),
    Element("申请方式", ("依申请", "申请公开", "提出申请", "申请方式", "申请渠道")),
    Element(
        "查阅场所",
        ("查阅场所", "查阅点", "查阅地点", "阅览室", "阅览", "查阅场地", "档案馆", "图书馆"),
    ),
)


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if role is not PageRole.GUIDE or not page.text:
        return []
    return report(page, ctx, CHECK_ID, missing(page.text, ELEMENTS), "政府信息公开指南")
