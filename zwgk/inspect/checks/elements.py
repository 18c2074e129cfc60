"""Elements family (要素检查): required elements of the 指南, 机构职能, article pages and the
homepage. ``check_page`` runs every one (each acts only on its own page role); each also runs
alone from its own module.
"""

from __future__ import annotations

from zwgk.inspect.checks import (
    elements_article_meta,
    elements_guide,
    elements_org,
    elements_site_furniture,
)
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECKS = (elements_guide, elements_org, elements_article_meta, elements_site_furniture)


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for check in CHECKS:
        out += check.check_page(page, role, ctx)
    return out
