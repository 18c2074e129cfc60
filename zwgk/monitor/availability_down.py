"""availability-down — 网站当前无法访问: the last few probes in a row all failed.

Not a rule of any scheme: it raises the alarm (e-mail, webhook) while there is still time to
bring the site back before the week's failures reach the veto of ``availability-week``.
"""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.model import Finding
from zwgk.monitor import catalogue
from zwgk.monitor.availability_week import Rule as WeekRule
from zwgk.monitor.history import CHINA, ProbeRecord, Site

CHECK_ID = "availability-down"


def consecutive_failures() -> int:
    return int(catalogue.thresholds(CHECK_ID).get("consecutive_failures", 2))


def check(
    probes: list[ProbeRecord],
    site: Site,
    week_rule: WeekRule | None = None,
    needed: int | None = None,
    tz: dt.tzinfo = CHINA,
) -> list[Finding]:
    """``probes`` in any order; a finding when the newest ``needed`` all failed."""
    week_rule = week_rule or WeekRule.from_catalogue()
    needed = needed or consecutive_failures()
    recent = sorted(probes, key=lambda p: p.at)[-needed:]
    if len(recent) < needed or not all(week_rule.failed(p) for p in recent):
        return []
    first = recent[0].at.astimezone(tz)
    last = recent[-1]
    reason = last.error or (f"HTTP {last.status}" if not last.ok else f"用时 {last.elapsed:.1f} 秒")
    return [
        Finding(
            check=CHECK_ID,
            severity=catalogue.severity(CHECK_ID),
            url=site.homepage,
            message=f"网站首页连续 {needed} 次探测打不开（自 {first:%m月%d日 %H:%M} 起）",
            evidence=f"最近一次：{reason}",
            site=site.name,
            unit=site.unit,
            detected_at=last.at,
            data={"since": first.isoformat(timespec="minutes"), "last_error": reason},
            key=f"{CHECK_ID}|{site.homepage}",
        )
    ]
