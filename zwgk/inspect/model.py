"""Shared shapes of the website inspector and the annual-report checker.

``Finding`` — 检查发现: one problem a check found, in the stable JSON shape of ``findings.json``
(documented in ``docs/inspect.md``). ``Page`` — one fetched page or attachment, as the checks see
it. Checks never fetch anything themselves: the crawler hands them pages, they return findings.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    """How much a finding weighs: 单项否决 / 扣分 / 提示."""

    VETO = "veto"
    DEDUCTION = "deduction"
    WARNING = "warning"


SEVERITY_ZH = {Severity.VETO: "单项否决", Severity.DEDUCTION: "扣分", Severity.WARNING: "提示"}


@dataclass(frozen=True)
class Finding:
    """Finding — 检查发现: what one check found at one place.

    ``check`` is the check's id, starting with its family (``availability…``, ``freshness…``,
    ``links…``, ``privacy…``, ``wording…``, ``elements…``, ``annual-report…``). ``url`` is the place
    the problem is (for ``links…`` the dead target, for ``freshness…`` the column's list page, for
    ``annual-report…`` the report file or page). ``evidence`` is a short excerpt or figures that
    let a person see the problem without opening the page. ``key`` identifies the same problem
    across runs (used for per-site dismissals); when empty it is derived from check, url and the
    evidence.
    """

    check: str
    severity: Severity
    url: str
    message: str
    evidence: str = ""
    site: str = ""
    unit: str = ""
    referrer: str | None = None
    wrong: str | None = None
    suggested: str | None = None
    title: str | None = None
    published: dt.date | None = None
    detected_at: dt.datetime | None = None
    location: str | None = None  # e.g. "表三 第(三)行 第3列" or "第二部分"
    data: dict[str, Any] = field(default_factory=dict)
    key: str = ""

    def identity(self) -> str:
        return self.key or f"{self.check}|{self.url}|{self.wrong or ''}|{self.location or ''}"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["severity"] = self.severity.value
        out["published"] = self.published.isoformat() if self.published else None
        out["detected_at"] = (
            self.detected_at.isoformat(timespec="seconds") if self.detected_at else None
        )
        out["key"] = self.identity()
        return out


@dataclass(frozen=True)
class Page:
    """Page — 页面: one fetched resource, decoded, as the checks see it.

    ``text`` is the visible text (for an attachment, its extracted text); ``html`` is the decoded
    markup (empty for attachments); ``links`` are absolute URLs with their anchor text.
    """

    url: str
    status: int
    content_type: str = ""
    html: str = ""
    text: str = ""
    title: str = ""
    links: tuple[tuple[str, str], ...] = ()
    referrer: str | None = None
    depth: int = 0
    is_attachment: bool = False
    published: dt.date | None = None
    fetched_at: dt.datetime | None = None
    encoding: str | None = None
