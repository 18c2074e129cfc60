"""Builders for the content-check tests: a page, a context, the shared data's paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from zwgk.inspect.checks.catalogue import page_modules
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DATA = SHARED / "data"
TODAY = dt.date(2025, 6, 1)


def page(text: str, url: str = "https://www.example.gov.cn/a/1.html", **kw: Any) -> Page:
    return Page(url=url, status=200, text=text, **kw)


def ctx(dismissals: frozenset[str] = frozenset(), **options: Any) -> CheckContext:
    return CheckContext(
        site="XX区人民政府",
        unit="XX区人民政府办公室",
        homepage="https://www.example.gov.cn/",
        today=TODAY,
        site_id="1101050001",
        dismissals=dismissals,
        options=options,
    )


def run_family(family: str, page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    """Every page check of a family (``privacy``, ``elements``…) as the inspector runs them."""
    out: list[Finding] = []
    for module in page_modules():
        if module.__name__.rsplit(".", 1)[1].startswith(family + "_"):
            out += module.check_page(page, role, ctx)
    return out
