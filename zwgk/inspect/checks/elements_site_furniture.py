"""elements-site-furniture — 网站基本标识: what every government site's homepage must show:
政府网站标识码, ICP 备案编号, 公安机关备案号, 主办单位, and the 党政机关网站标识 (where issued).

Looks at the homepage's visible text (and, for the 党政机关网站标识 badge, which is an image, its
markup: a link to conac.cn or the badge image). 网站标识码 needs its 10-character code, ICP
备案 a number (京ICP备05070218号), 公安备案 a number (京公网安备 11010502030143号), 主办单位 a
name. One finding per missing item; keyed per site, not per URL. The badge is reported as a
warning (options ``{"elements-site-furniture": {"conac": false}}`` turns it off for a site that
has not been issued one).
"""

from __future__ import annotations

import dataclasses
import re

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.elements_labels import HAN, Element, missing, report
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page, Severity

CHECK_ID = "elements-site-furniture"

ELEMENTS = (
    Element("网站标识码", ("网站标识码", "政府网站标识码", "标识码"), r"[0-9A-Za-z]{10}\b", gap=4),
    Element("ICP备案编号", ("ICP备", "ICP证", "ICP 备"), r"\d{5,}", gap=4),
    Element("公安机关备案号", ("公网安备", "公安备案", "公安机关备案"), r"\d{8,}", gap=6),
    Element("主办单位", ("主办单位", "网站主办", "主办", "主管主办"), HAN, gap=3),
)
_CONAC = re.compile(r"conac\.cn|dzjg|党政机关", re.IGNORECASE)


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if role is not PageRole.HOMEPAGE:
        return []
    out = report(page, ctx, CHECK_ID, missing(page.text, ELEMENTS), "网站首页", per_site=True)
    opts = cc.family_options(ctx, CHECK_ID)
    if opts.get("conac", True) and not (_CONAC.search(page.html) or _CONAC.search(page.text)):
        key = f"{CHECK_ID}|{cc.site_key(ctx)}|党政机关网站标识"
        if not cc.dismissed(ctx, key):
            badge = cc.finding(
                ctx,
                page,
                CHECK_ID,
                "网站首页未见“党政机关网站标识”（已颁发标识的网站须在首页展示）",
                "首页源码中未找到指向 conac.cn 的党政机关网站标识",
                key,
                location="党政机关网站标识",
                data={"element": "党政机关网站标识", "status": "缺少"},
            )
            out.append(dataclasses.replace(badge, severity=Severity.WARNING))
    return out
