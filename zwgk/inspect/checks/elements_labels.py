"""Tolerant label matching for the required-elements checks (要素标签匹配).

A label matches with spaces between its characters (``索 引 号``), a full-width or half-width
colon or none, and any of its synonyms (发布机构 / 发布单位 / 发文机关…); where an element needs a
value (a telephone number, a date, an index number) the value must follow within a few characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zwgk.inspect.checks import content_common as cc
from zwgk.inspect.context import CheckContext
from zwgk.inspect.model import Finding, Page

PHONE = r"[(（]?0?\d{2,4}[)）]?[-－—\s]?\d{7,8}|1[3-9]\d{9}|\d{3,4}-\d{7,8}|\d{7,8}"
DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2})?"
CODE = r"[0-9A-Za-z][0-9A-Za-z\-/_.]{3,}"
HAN = r"[\u4e00-\u9fff]{2,}"


def spaced(label: str) -> str:
    """``索引号`` → a pattern that also matches ``索 引 号`` (spaces, full-width spaces)."""
    return r"\s*".join(re.escape(c) for c in label)


@dataclass(frozen=True)
class Element:
    """One required element: its Chinese name, its labels (synonyms) and, if needed, the value
    pattern that must follow a label (within ``gap`` characters after an optional colon)."""

    name: str
    labels: tuple[str, ...]
    value: str | None = None
    gap: int = 12
    not_after: str | None = None  # a label preceded by this is another element (成文日期)

    def __post_init__(self) -> None:
        alts = "|".join(spaced(x) for x in sorted(self.labels, key=len, reverse=True))
        before = f"(?<!{self.not_after})" if self.not_after else ""
        object.__setattr__(self, "_label", re.compile(f"{before}(?:{alts})", re.IGNORECASE))
        if self.value:
            object.__setattr__(
                self, "_value", re.compile(rf"\s*[:：]?\s*[^\n]{{0,{self.gap}}}?(?:{self.value})")
            )

    def status(self, text: str) -> str | None:
        """None when present; ``"缺少"`` when no label; ``"内容为空"`` when a label has no value."""
        found = False
        for m in self._label.finditer(text):  # type: ignore[attr-defined]
            if not self.value or self._value.match(text, m.end()):  # type: ignore[attr-defined]
                return None
            found = True
        return "内容为空" if found else "缺少"


def missing(text: str, elements: tuple[Element, ...]) -> list[tuple[Element, str]]:
    return [(e, s) for e in elements if (s := e.status(text)) is not None]


def report(
    page: Page,
    ctx: CheckContext,
    check_id: str,
    gaps: list[tuple[Element, str]],
    what: str,
    per_site: bool = False,
) -> list[Finding]:
    """One finding per missing element; key ``check|site|url|element`` (no URL when per site)."""
    out = []
    names = "、".join(e.name for e, _ in gaps)
    for element, status in gaps:
        where = "" if per_site else f"|{page.url}"
        key = f"{check_id}|{cc.site_key(ctx)}{where}|{element.name}"
        if cc.dismissed(ctx, key):
            continue
        if status == "缺少":
            message = f"{what}缺少“{element.name}”"
        else:
            message = f"{what}“{element.name}”一项没有内容"
        out.append(
            cc.finding(
                ctx,
                page,
                check_id,
                message,
                f"本页缺少或为空的要素：{names}",
                key,
                location=element.name,
                data={"element": element.name, "status": status, "missing": names.split("、")},
            )
        )
    return out
