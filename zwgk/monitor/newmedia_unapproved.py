"""newmedia-unapproved — 政务新媒体未经批准开设: an account registered as opened without approval.

永济市: "政务新媒体未经运城、永济两级政府办公室批准私自开设的，扣5分". Only an account the register
marks as not approved counts; one whose approval is not recorded yet is not a finding.
"""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.model import Finding
from zwgk.monitor import catalogue
from zwgk.monitor.newmedia import Account

CHECK_ID = "newmedia-unapproved"


def check(account: Account, now: dt.datetime | None = None) -> list[Finding]:
    if account.approved is not False:
        return []
    return [
        Finding(
            check=CHECK_ID,
            severity=catalogue.severity(CHECK_ID),
            url=f"newmedia:{account.key}",
            message=f"政务新媒体{account.label}未经批准开设",
            evidence=(
                f"开设日期：{account.opened.isoformat() if account.opened else '未登记'}；"
                f"审批：{account.approval_ref or '无'}"
            ),
            site=account.name,
            unit=account.unit,
            title=account.name,
            detected_at=now,
            data={"account": account.key, "platform": account.platform},
            key=f"{CHECK_ID}|{account.key}",
        )
    ]
