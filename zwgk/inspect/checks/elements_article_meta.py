"""elements-article-meta — 文章页元数据: 索引号, 发布机构, 发布日期 on an article page, and for
a policy document also 文号, 成文日期, 主题分类, 有效性.

Looks at the visible text of an article page. 索引号 needs a code after it, 发布机构 a name
(synonyms 发布单位, 发文机关, 信息来源…), 发布日期 a date (发布时间, 日期… but not 成文日期). A
page counts as a policy document (政策文件) when its title or first lines carry a 文号
(``X政发〔2024〕3号``) or a 文号 label. One finding per missing item, listing all that are missing.
"""

from __future__ import annotations

import re

from zwgk.inspect.checks.elements_labels import CODE, DATE, HAN, Element, missing, report
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "elements-article-meta"

ELEMENTS = (
    Element("索引号", ("索引号", "索取号", "信息索引"), CODE),
    Element(
        "发布机构",
        ("发布机构", "发布单位", "发布部门", "发布主体", "发文机关", "发文单位", "发文机构",
         "制发机关", "公开主体", "信息来源", "来源"),
        HAN,
        gap=4,
    ),
    Element(
        "发布日期",
        ("发布日期", "发布时间", "公开日期", "公开时间", "发文日期", "日期", "时间", "发布于"),
        DATE,
        gap=4,
        not_after="成文",
    ),
)  # fmt: skip
POLICY = (
    Element("文号", ("文号", "发文字号", "发文文号"), r"\S"),
    Element("成文日期", ("成文日期", "成文时间", "印发日期"), DATE, gap=4),
    Element("主题分类", ("主题分类", "主题词", "分类")),
    Element("有效性", ("有效性", "时效性", "是否有效", "效力状态")),
)
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号")
_DOC_LABEL = re.compile(r"文\s*号\s*[:：]")


def is_policy(page: Page) -> bool:
    head = page.text[:600]
    return bool(
        _DOC_NUMBER.search(page.title) or _DOC_NUMBER.search(head) or _DOC_LABEL.search(head)
    )


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if role is not PageRole.ARTICLE or not page.text:
        return []
    elements = ELEMENTS + POLICY if is_policy(page) else ELEMENTS
    return report(page, ctx, CHECK_ID, missing(page.text, elements), "文章页")
