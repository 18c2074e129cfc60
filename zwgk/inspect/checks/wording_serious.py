"""wording-serious — 严重表述错误: leaders' names and titles, the Party, the state, meetings,
laws and places written wrong.

Looks at the page's title and visible text with the serious-error dictionary
(``data/wording_serious.txt``, seeded from the errors named in official inspection notices,
plus the miswritings generated from the canonical names in ``data/wording_terms.txt``) and a site's
additions (``options["wording"]["serious"]``: ``{wrong: right}``). Protected words
(``data/wording_protected.txt``, every right form, ``options["wording"]["protected"]``) silence a
wrong form they cover. One finding per page and wrong form, keyed per site and wrong form so that a
dismissal holds on every page and across runs.
"""

from __future__ import annotations

from typing import Any

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.wording_dict import Hit, matcher
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "wording-serious"


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, dict):
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    return ()


def site_settings(
    ctx: CheckContext, check_id: str
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """A site's (protected words, serious additions, typo additions) from its options."""
    opts = cc.family_options(ctx, check_id)
    protected = tuple(sorted(str(p) for p in opts.get("protected", ()) or ()))
    return protected, _pairs(opts.get("serious")), _pairs(opts.get("typos"))


def page_text(page: Page) -> str:
    """The text the wording checks read: the title too when the body does not repeat it."""
    if page.title and page.title not in page.text:
        return page.title + "\n" + page.text
    return page.text


def report(
    page: Page, ctx: CheckContext, check_id: str, text: str, hits: list[Hit], what: str
) -> list[Finding]:
    """One finding per wrong form on the page; key ``check|site|wrong`` (not the URL)."""
    by_wrong: dict[str, list[Hit]] = {}
    for h in hits:
        by_wrong.setdefault(h.entry.wrong, []).append(h)
    out = []
    for wrong, group in by_wrong.items():
        key = f"{check_id}|{cc.site_key(ctx)}|{wrong}"
        if cc.dismissed(ctx, key, f"{key}|{page.url}"):
            continue
        entry = group[0].entry
        shown = [cc.context(text, h.start, h.end) for h in group[:10]]
        evidence = shown[0] + (f"（本页共{len(group)}处）" if len(group) > 1 else "")
        out.append(
            cc.finding(
                ctx,
                page,
                check_id,
                f"疑似{what}：“{wrong}”应为“{entry.right}”",
                evidence,
                key,
                wrong=wrong,
                suggested=entry.right,
                data={
                    "count": len(group),
                    "category": entry.category,
                    "source": entry.source,
                    "contexts": shown,
                    "offsets": [h.start for h in group[:10]],
                },
            )
        )
    return out


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    text = page_text(page)
    if not text:
        return []
    hits = [
        h for h in matcher(*site_settings(ctx, "wording")).find(text) if h.entry.kind == CHECK_ID
    ]
    return report(page, ctx, CHECK_ID, text, hits, "严重表述错误")
