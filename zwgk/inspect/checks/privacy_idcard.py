"""privacy-idcard — 身份证号码泄露: full 居民身份证号码 published in a page or attachment.

Looks at the page's visible text (an attachment's extracted text). An 18-character number is a
居民身份证号码 when its check character is right (GB 11643-1999), its birth date is a real date
not after the inspection day and its first two digits are a province code. A 15-digit old number
(no check character) counts only with a 身份证 label just before it. Masked numbers
(``3604**********0071``, ``×``, ``x``) are compliant and never match; a 统一社会信用代码
(GB 32100-2015) is an organisation's public code and is never reported. One finding per page,
the numbers masked in the evidence.
"""

from __future__ import annotations

import datetime as dt
import re

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.context import CheckContext, PageRole
from zwgk.inspect.model import Finding, Page

CHECK_ID = "privacy-idcard"

# GB/T 2260 province-level codes (省级行政区划代码); 83 is used for 台湾居民居住证.
PROVINCES = {
    "11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
    "21": "辽宁", "22": "吉林", "23": "黑龙江",
    "31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东",
    "41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
    "50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
    "61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
    "71": "台湾", "81": "香港", "82": "澳门", "83": "台湾",
}  # fmt: skip

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# GB 32100-2015 统一社会信用代码: 31 code characters (no I, O, S, V, Z) and weights 3^i mod 31.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_LABEL = re.compile(r"信用代码|社会信用|组织机构代码|纳税人识别号|税号|注册号|登记证号")

_ID18 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{14}(?![0-9A-Za-z])")
_ID_LABEL = re.compile(r"身份证|证件号|公民身份号码|身份号码")


def id_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return _CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _date(y: int, m: int, d: int, today: dt.date) -> bool:
    try:
        born = dt.date(y, m, d)
    except ValueError:
        return False
    return dt.date(1800, 1, 1) <= born <= today


def is_id18(number: str, today: dt.date | None = None) -> bool:
    """A real 18-character 居民身份证号码: province, birth date, check character."""
    today = today or dt.date.today()
    if len(number) != 18 or not number[:17].isdigit() or number[:2] not in PROVINCES:
        return False
    if not _date(int(number[6:10]), int(number[10:12]), int(number[12:14]), today):
        return False
    return id_check_char(number[:17]) == number[17].upper()


def is_id15(number: str, today: dt.date | None = None) -> bool:
    """A plausible 15-digit old number: province and a 19YY birth date (no check character)."""
    today = today or dt.date.today()
    if len(number) != 15 or not number.isdigit() or number[:2] not in PROVINCES:
        return False
    return _date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]), today)


def uscc_check_char(first17: str) -> str | None:
    """The GB 32100 check character of a 统一社会信用代码's first 17 characters."""
    try:
        total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    except ValueError:
        return None
    return _USCC_CHARS[(31 - total % 31) % 31]


def is_uscc(code: str) -> bool:
    code = code.upper()
    return len(code) == 18 and uscc_check_char(code[:17]) == code[17]


def find_ids(text: str, today: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, number) for every unmasked 身份证号码 in ``text``."""
    out = []
    for offset, window in cc.number_windows(text):
        for m in _ID18.finditer(window):
            start, number = offset + m.start(), m.group()
            if not is_id18(number, today):
                continue
            # An all-digit 统一社会信用代码 can pass the ID test too: its label decides.
            if is_uscc(number) and _USCC_LABEL.search(text, max(0, start - 40), start):
                continue
            out.append((start, start + 18, number))
        for m in _ID15.finditer(window):
            start = offset + m.start()
            if is_id15(m.group(), today) and _ID_LABEL.search(text, max(0, start - 20), start):
                out.append((start, start + 15, m.group()))
    out.sort()
    return out


def report(
    page: Page,
    ctx: CheckContext,
    check_id: str,
    hits: list[tuple[int, int, str]],
    what: str,
    head: int = 4,
) -> list[Finding]:
    """One finding for a page's hits of one kind of personal number, masked."""
    if not hits:
        return []
    key = f"{check_id}|{cc.site_key(ctx)}|{page.url}"
    if cc.dismissed(ctx, key):
        return []
    shown = []
    for start, end, number in hits[:20]:
        masked = cc.mask_number(number, head, 4)
        shown.append((start, masked, cc.masked_context(page.text, start, end, masked)))
    evidence = "；".join(c for _, _, c in shown[:3])
    if len(hits) > 3:
        evidence += f"；等共{len(hits)}处"
    return [
        cc.finding(
            ctx,
            page,
            check_id,
            f"页面公开了{len(hits)}个未遮挡的{what}",
            evidence,
            key,
            data={
                "count": len(hits),
                "occurrences": [{"offset": s, "masked": m, "context": c} for s, m, c in shown],
            },
        )
    ]


def check_page(page: Page, role: PageRole, ctx: CheckContext) -> list[Finding]:
    if not page.text:
        return []
    return report(page, ctx, CHECK_ID, find_ids(page.text, ctx.today), "身份证号码")
