"""freshness-homepage-monitored — 首页不更新（监测两周）: from the daily freshness passes.

国办秘函〔2019〕19号: "监测2周，首页无信息更新的，即单项否决"（未注明信息发布时间的视为不更新）.
The homepage is stale when the newest item date ever seen on it is more than ``veto_days`` days
before today (or no date was ever seen). It is a veto once the homepage has been watched for
``monitor_days`` days; before that the same finding is a warning that says how long is left.
"""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.model import Finding, Severity
from zwgk.monitor import catalogue
from zwgk.monitor.history import ColumnHistory, Site

CHECK_ID = "freshness-homepage-monitored"


def check(
    home: ColumnHistory, site: Site, today: dt.date, now: dt.datetime | None = None
) -> list[Finding]:
    t = catalogue.thresholds(CHECK_ID)
    monitor_days, veto_days = int(t.get("monitor_days", 14)), int(t.get("veto_days", 14))
    if home.watched_since is None or home.last_read is None:
        return []
    dates = [d for d in home.dates if d <= today]
    latest = max(dates) if dates else None
    days = (today - latest).days if latest else None
    if days is not None and days <= veto_days:
        return []
    watched = (today - home.watched_since).days
    full = watched >= monitor_days
    if latest is None:
        what = "首页没有可见的发布日期（视同未更新）"
    else:
        what = f"首页最新信息为 {latest.isoformat()}，已 {days} 天无更新"
    message = (
        f"{what}；已监测 {watched} 天（监测 2 周无更新即单项否决）"
        if full
        else f"{what}；已监测 {watched} 天，满 {monitor_days} 天仍无更新即为单项否决"
    )
    return [
        Finding(
            check=CHECK_ID,
            severity=catalogue.severity(CHECK_ID) if full else Severity.WARNING,
            url=home.url,
            message=message,
            evidence=(
                f"监测自 {home.watched_since.isoformat()} 起，最近一次读取 "
                f"{home.last_read.isoformat()}；首页出现过的最新日期："
                f"{latest.isoformat() if latest else '无'}"
            ),
            site=site.name,
            unit=site.unit,
            detected_at=now,
            data={
                "latest": latest.isoformat() if latest else None,
                "days": days,
                "watched_days": watched,
                "monitored": full,
            },
            key=f"{CHECK_ID}|{home.url}",
        )
    ]
