"""wording-typo — 错别字: common typos in the page's title and visible text.

Looks for the wrong forms of a high-precision typo dictionary: hand-kept common typos
(``data/wording_typos.txt``) and typo → correction pairs derived from real official-document
errors (``data/wording_typos_ecspell.txt``), plus a site's additions
(``options["wording"]["typos"]``). Not every same-pinyin swap: only forms that do not occur in
correct text. A protected word covering or straddling a wrong form silences it; a serious error
is reported once, by wording-serious, not again here. One finding per page and wrong form, keyed
per site and wrong form.
"""

from __future__ import annotations

from zwgk.inspect.checks.wording_dict import matcher
from zwgk.inspect.checks.wording_serious import page_text, report, site_settings
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "wording-typo"


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    text = page_text(page)
    if not text:
        return []
    hits = [
        h for h in matcher(*site_settings(ctx, "wording")).find(text) if h.entry.kind == CHECK_ID
    ]
    return report(page, ctx, CHECK_ID, text, hits, "错别字")
