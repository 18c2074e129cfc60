"""政务新媒体 accounts as the checks see them (the register lives in the web app)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Account:
    """Account — 政务新媒体账号: one unit's account on one platform, with its update dates.

    ``known_until`` is the last day the update dates are known for (the end of the month of the
    latest imported sheet, or yesterday for dates entered by hand): later days are not judged.
    """

    key: str  # stable id of the account (the register's id)
    platform: str  # 微信公众号, 微博, 抖音, 头条号 …
    name: str
    unit: str
    updates: tuple[dt.date, ...] = ()
    opened: dt.date | None = None
    closed: dt.date | None = None
    approved: bool | None = None  # 开设经批准 (None: not recorded)
    approval_ref: str = ""
    known_since: dt.date | None = None
    known_until: dt.date | None = None

    @property
    def label(self) -> str:
        return f"“{self.name}”（{self.platform}）"
