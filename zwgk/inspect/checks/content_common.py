"""What the page-level content checks (页面内容检查) share: their catalogue entries, finding
keys, dismissals, severity overrides and masked excerpts.

Every content check module declares ``CHECK_ID`` (or ``CHECK_IDS``) and exposes
``check_page(page, role, ctx) -> list[Finding]``; its title, thresholds, severity and reason live
in ``catalogue.yaml`` (one entry per check), read once by ``zwgk.inspect.checks.catalogue``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from zwgk.inspect.checks.catalogue import CATALOGUE as CATALOGUE  # re-exported: one reader
from zwgk.inspect.checks.catalogue import CheckInfo as CheckInfo
from zwgk.inspect.checks.catalogue import catalogue as catalogue
from zwgk.inspect.checks.catalogue import info
from zwgk.inspect.context import CheckContext
from zwgk.inspect.model import Finding, Page, Severity

DATA = Path(__file__).resolve().parents[1] / "data"


def family_options(ctx: CheckContext, check_id: str) -> dict[str, Any]:
    """Site options for a check: ``options[family]`` overlaid with ``options[check_id]``."""
    family = check_id.split("-", 1)[0]
    out: dict[str, Any] = {}
    for name in (family, check_id):
        value = ctx.options.get(name)
        if isinstance(value, dict):
            out.update(value)
    return out


def severity(ctx: CheckContext, check_id: str) -> Severity:
    """The catalogue's severity unless the site sets ``options[check_id]["severity"]``."""
    own = ctx.options.get(check_id)
    override = own.get("severity") if isinstance(own, dict) else None
    return Severity(override) if override else info(check_id).severity


def site_key(ctx: CheckContext) -> str:
    return ctx.site_id or ctx.site


def dismissed(ctx: CheckContext, *keys: str) -> bool:
    return any(k in ctx.dismissals for k in keys)


def finding(
    ctx: CheckContext,
    page: Page,
    check_id: str,
    message: str,
    evidence: str,
    key: str,
    **extra: Any,
) -> Finding:
    return Finding(
        check=check_id,
        severity=severity(ctx, check_id),
        url=page.url,
        message=message,
        evidence=evidence,
        site=ctx.site,
        unit=ctx.unit,
        referrer=page.referrer,
        title=page.title or None,
        published=page.published,
        key=key,
        **extra,
    )


_LONG_DIGITS = re.compile(r"[0-9０-９]{7,}")


def mask_number(digits: str, keep_head: int = 4, keep_tail: int = 4) -> str:
    """``420104199001011234`` → ``4201**********1234``: never re-publish a personal number."""
    if len(digits) <= keep_head + keep_tail:
        return "*" * len(digits)
    return digits[:keep_head] + "*" * (len(digits) - keep_head - keep_tail) + digits[-keep_tail:]


def masked_context(text: str, start: int, end: int, masked: str, width: int = 20) -> str:
    """``width`` characters either side of ``text[start:end]``, shown as ``masked``; any other
    long number in the excerpt is masked too."""
    left = _LONG_DIGITS.sub(lambda m: mask_number(m.group()), text[max(0, start - width) : start])
    right = _LONG_DIGITS.sub(lambda m: mask_number(m.group()), text[end : end + width])
    return _squash(left) + "【" + masked + "】" + _squash(right)


def context(text: str, start: int, end: int, width: int = 30) -> str:
    """``width`` characters either side of ``text[start:end]``, the hit in 【】."""
    return (
        _squash(text[max(0, start - width) : start])
        + "【"
        + text[start:end]
        + "】"
        + _squash(text[end : end + width])
    )


_SPACES = re.compile(r"\s+")


def _squash(s: str) -> str:
    return _SPACES.sub(" ", s)


_RUN = re.compile(r"[0-9０-９][0-9０-９ \-]{9,}[0-9０-９XxＸｘ]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")
_last_windows: tuple[str, list[tuple[int, str]]] = ("", [])


def number_windows(text: str) -> list[tuple[int, str]]:
    """(offset, window) around every run of 11 or more digits (spaces and hyphens allowed inside):
    the run and one character either side, full-width digits made ASCII. The privacy checks scan
    these small windows instead of the whole page; one scan serves all three (cached)."""
    global _last_windows
    last_text, last = _last_windows
    if len(last_text) == len(text) and last_text == text:
        return last
    out = []
    for m in _RUN.finditer(text):
        lo = max(0, m.start() - 1)
        out.append((lo, text[lo : m.end() + 1].translate(_FULLWIDTH)))
    _last_windows = (text, out)
    return out
