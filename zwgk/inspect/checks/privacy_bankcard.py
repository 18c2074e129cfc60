"""privacy-bankcard — 银行卡号泄露: bank card numbers published in a page or attachment.

Looks at the visible text for 16–19 digit numbers (also in groups of four) that pass the Luhn
check and start with an issuer prefix (BIN) of cards issued in China: 银联 62, domestic debit
60 and 95, Visa 4, Mastercard 51–55 and 2221–2720, JCB 35. A number that is a valid 身份证号码
is left to privacy-idcard; a number right after 编号/流水号/索引号/订单号… is not a card. One
finding per page, masked.
"""

from __future__ import annotations

import re

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.checks.privacy_idcard import is_id18, report
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "privacy-bankcard"

_CARD = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{4}(?: \d{4}){3}(?: \d{1,3})?|\d{4}(?:-\d{4}){3}(?:-\d{1,3})?|\d{16,19})"
    r"(?![0-9A-Za-z])"
)
_BIN = re.compile(r"62|60|95|4|5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|35")
_NOT_A_CARD = re.compile(
    r"(?:编号|流水号|索引号|订单号|单号|条码|批号|登记号|证书号|许可证号|文号|代码|识别号|身份证号?码?)[:：\s]*$"
)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def find_cards(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every unmasked bank card number in ``text``."""
    out = []
    for offset, window in cc.number_windows(text):
        for m in _CARD.finditer(window):
            digits = m.group().replace(" ", "").replace("-", "")
            if not 16 <= len(digits) <= 19 or not _BIN.match(digits) or not luhn_ok(digits):
                continue
            if len(digits) == 18 and is_id18(digits):
                continue
            start = offset + m.start()
            if _NOT_A_CARD.search(text, max(0, start - 12), start):
                continue
            out.append((start, offset + m.end(), digits))
    return out


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if not page.text:
        return []
    return report(page, ctx, CHECK_ID, find_cards(page.text), "银行卡号")
