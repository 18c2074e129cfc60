"""Privacy family (隐私泄露): personal numbers published in pages and attachments.

``check_page`` runs every privacy check; each one also runs alone from its own module.
"""

from __future__ import annotations

from zwgk.inspect.checks import privacy_bankcard, privacy_idcard, privacy_mobile
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECKS = (privacy_idcard, privacy_mobile, privacy_bankcard)


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for check in CHECKS:
        out += check.check_page(page, role, ctx)
    return out
