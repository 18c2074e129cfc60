"""newmedia-update — 政务新媒体更新不及时: fewer updates than required in a two-week period.

钟山区: "政务新媒体每2周更新少于1次的，发现一次扣2分"; 永济市: "政务新媒体不能及时更新，每一次扣
2分". The period is cut into consecutive ``period_days`` windows from its first day (the later of
the assessment year's first day, the account's opening and the first day its dates are known);
every complete window that ends by the last known day and has fewer than ``min_updates`` updates
is one breach (发现一次), with its own key, so each window can be confirmed or dismissed.
"""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.model import Finding
from zwgk.monitor import catalogue
from zwgk.monitor.newmedia import Account

CHECK_ID = "newmedia-update"


def windows(account: Account, since: dt.date, until: dt.date, days: int) -> list[tuple]:
    """(start, end, updates in it) for every complete window between ``since`` and ``until``."""
    start = max(d for d in (since, account.opened, account.known_since) if d is not None)
    last = min(d for d in (until, account.closed, account.known_until) if d is not None)
    out = []
    while start + dt.timedelta(days=days - 1) <= last:
        end = start + dt.timedelta(days=days - 1)
        n = sum(1 for u in account.updates if start <= u <= end)
        out.append((start, end, n))
        start = end + dt.timedelta(days=1)
    return out


def check(
    account: Account, since: dt.date, today: dt.date, now: dt.datetime | None = None
) -> list[Finding]:
    t = catalogue.thresholds(CHECK_ID)
    days, need = int(t.get("period_days", 14)), int(t.get("min_updates", 1))
    out = []
    for start, end, n in windows(account, since, today - dt.timedelta(days=1), days):
        if n >= need:
            continue
        before = [u for u in account.updates if u < start]
        out.append(
            Finding(
                check=CHECK_ID,
                severity=catalogue.severity(CHECK_ID),
                url=f"newmedia:{account.key}",
                message=(
                    f"政务新媒体{account.label}{start.isoformat()} 至 {end.isoformat()} "
                    f"{days // 7 if days % 7 == 0 else days}{'周' if days % 7 == 0 else '天'}内更新 {n} 次"
                    f"（要求至少 {need} 次）"
                ),
                evidence=f"此前最近一次更新：{max(before).isoformat() if before else '无记录'}",
                site=account.name,
                unit=account.unit,
                title=account.name,
                detected_at=now,
                data={
                    "account": account.key,
                    "platform": account.platform,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "updates": n,
                },
                key=f"{CHECK_ID}|{account.key}|{start.isoformat()}",
            )
        )
    return out
