"""Context handed to every check: what the page is (``PageRole``) and what site it belongs to
(``CheckContext``). Shared with the page-level content checks; fields are only ever added, with
defaults, never changed.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any


class PageRole(enum.StrEnum):
    """What a fetched page is on its site (页面类型)."""

    HOMEPAGE = "homepage"  # 首页
    COLUMN_LIST = "column_list"  # 栏目列表页
    ARTICLE = "article"  # 文章页
    GUIDE = "guide"  # 政府信息公开指南
    ORG_FUNCTIONS = "org_functions"  # 机构职能
    ANNUAL_REPORT_LIST = "annual_report_list"  # 年报栏目
    ATTACHMENT = "attachment"  # 附件（pdf、doc、docx、xls、xlsx、wps）
    OTHER = "other"


@dataclass(frozen=True)
class CheckContext:
    """The site a page belongs to, the day of the inspection, and the site's dismissals.

    ``dismissals`` holds ``Finding.identity()`` keys an assessor dismissed on an earlier run;
    the orchestrator drops findings with these keys, checks may also consult it. ``options`` holds
    per-check settings from the site configuration (e.g. ``{"wording": {"protected": [...]}}``).
    ``cache_dir`` is the folder of the inspection's cache (conditional requests), when there is
    one: the typo model keeps its results there, so that an unchanged page costs nothing again.
    """

    site: str
    unit: str
    homepage: str
    today: dt.date
    site_id: str | None = None  # 网站标识码, if configured
    dismissals: frozenset[str] = frozenset()
    options: dict[str, Any] = field(default_factory=dict)
    cache_dir: str | None = None  # the inspection's cache folder: checks may keep results there
