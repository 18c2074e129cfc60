"""privacy-mobile — 手机号码泄露: personal mobile numbers published in a page or attachment.

Looks at the visible text for 11-digit mainland mobile numbers (1[3-9]x with a prefix an operator
actually issues), optionally written ``138-1234-5678`` or ``138 1234 5678`` or after ``+86``. Not
part of a longer digit run, not the local part of a landline after an area code (``0731-``), not
masked (``138****5678``). Numbers right after a public-service label (咨询电话, 监督电话, 投诉电话,
举报电话, 服务热线…) are an office's published contact, not a leak. One finding per page.
"""

from __future__ import annotations

import re

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.privacy_idcard import report
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "privacy-mobile"

# Prefixes issued to mobile subscribers (号段), data-only 14x and 17x resale included.
_PREFIXES = "13[0-9]|14[5-9]|15[0-35-9]|16[2567]|17[0-8]|18[0-9]|19[0-35-9]"
_MOBILE = re.compile(
    rf"(?<![0-9A-Za-z\-])(?:{_PREFIXES})(?:\d{{8}}|[- ]\d{{4}}[- ]\d{{4}})(?![0-9A-Za-z])"
)
_AREA_CODE_BEFORE = re.compile(r"(?:^|[^0-9])0\d{2,3}[-－ ]?$|\(0\d{2,3}\)$|（0\d{2,3}）$")
_PUBLIC_LABEL = re.compile(
    r"(?:咨询|监督|投诉|举报|服务|值班|办公|受理|报警|救助|求助|联络)(?:电话|热线|号码|手机)|热线"
)


def find_mobiles(text: str, public_labels: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every unmasked personal mobile number in ``text``."""
    out = []
    for offset, window in cc.number_windows(text):
        for m in _MOBILE.finditer(window):
            start = offset + m.start()
            if _AREA_CODE_BEFORE.search(text, max(0, start - 6), start):
                continue
            if public_labels and _PUBLIC_LABEL.search(text, max(0, start - 12), start):
                continue
            out.append((start, offset + m.end(), re.sub(r"\D", "", m.group())))
    return out


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if not page.text:
        return []
    opts = cc.family_options(ctx, CHECK_ID)
    hits = find_mobiles(page.text, public_labels=opts.get("skip_public_contacts", True))
    return report(page, ctx, CHECK_ID, hits, "手机号码", head=3)
