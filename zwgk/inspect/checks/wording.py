"""Wording family (错敏词): serious wording errors and common typos.

``check_page`` runs both checks; each one also runs alone from its own module.
"""

from __future__ import annotations

from zwgk.inspect.checks import wording_serious, wording_typo
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECKS = (wording_serious, wording_typo)


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for check in CHECKS:
        out += check.check_page(page, role, ctx)
    return out
