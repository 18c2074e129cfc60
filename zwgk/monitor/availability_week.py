"""availability-week — 站点无法访问（监测一周）: the week-long availability veto, from the probes.

国办秘函〔2019〕19号: "监测1周，每天间隔性访问20次以上，超过（含）15秒网站仍打不开的次数累计占比
超过（含）5%，即单项否决". A probe fails when the homepage did not open (no 2xx answer) or took
``fail_seconds`` or more; a week is judged only when every one of its 7 days has at least
``min_probes_per_day`` probes; the share of failed probes is compared with ``veto_rate`` exactly
(as fractions, ``inclusive``: at the threshold counts). Every complete day is the last day of
one week; consecutive vetoed weeks are one finding (its key carries nothing of the day, the
episode is kept by ``identity``), reporting the latest complete week.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from zwgk.inspect.model import Finding
from zwgk.monitor import catalogue
from zwgk.monitor.history import CHINA, ProbeRecord, Site

CHECK_ID = "availability-week"


@dataclass(frozen=True)
class Rule:
    window_days: int = 7
    min_probes_per_day: int = 20
    fail_seconds: float = 15.0
    veto_rate: Fraction = Fraction(1, 20)
    inclusive: bool = True

    @classmethod
    def from_catalogue(cls) -> Rule:
        t = catalogue.thresholds(CHECK_ID)
        return cls(
            window_days=int(t.get("window_days", 7)),
            min_probes_per_day=int(t.get("min_probes_per_day", 20)),
            fail_seconds=float(t.get("fail_seconds", 15)),
            veto_rate=catalogue.exact(t.get("veto_rate", "0.05")),
            inclusive=bool(t.get("inclusive", True)),
        )

    def failed(self, p: ProbeRecord) -> bool:
        slow = p.elapsed >= self.fail_seconds if self.inclusive else p.elapsed > self.fail_seconds
        return not p.ok or slow

    def over(self, failed: int, total: int) -> bool:
        if total == 0:
            return False
        rate = Fraction(failed, total)
        return rate >= self.veto_rate if self.inclusive else rate > self.veto_rate

    @property
    def rate_text(self) -> str:
        pct = self.veto_rate * 100
        return f"{float(pct):g}%"


@dataclass(frozen=True)
class Day:
    day: dt.date
    probes: int
    failed: int


@dataclass(frozen=True)
class Week:
    """One 7-day window ending on ``end`` (inclusive)."""

    end: dt.date
    days: tuple[Day, ...]
    rule: Rule

    @property
    def start(self) -> dt.date:
        return self.days[0].day

    @property
    def probes(self) -> int:
        return sum(d.probes for d in self.days)

    @property
    def failed(self) -> int:
        return sum(d.failed for d in self.days)

    @property
    def rate(self) -> Fraction:
        return Fraction(self.failed, self.probes) if self.probes else Fraction(0)

    @property
    def short_days(self) -> list[Day]:
        return [d for d in self.days if d.probes < self.rule.min_probes_per_day]

    @property
    def complete(self) -> bool:
        """Monitored as the rule requires: every day has enough probes."""
        return not self.short_days

    @property
    def veto(self) -> bool:
        return self.complete and self.rule.over(self.failed, self.probes)

    def as_data(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "probes": self.probes,
            "failed": self.failed,
            "rate": float(round(self.rate, 6)),
            "complete": self.complete,
            "days": [[d.day.isoformat(), d.probes, d.failed] for d in self.days],
        }


def daily_counts(
    probes: list[ProbeRecord], rule: Rule, tz: dt.tzinfo = CHINA
) -> dict[dt.date, tuple[int, int]]:
    total: Counter[dt.date] = Counter()
    failed: Counter[dt.date] = Counter()
    for p in probes:
        day = p.at.astimezone(tz).date()
        total[day] += 1
        if rule.failed(p):
            failed[day] += 1
    return {d: (total[d], failed[d]) for d in total}


def week_ending(counts: dict[dt.date, tuple[int, int]], end: dt.date, rule: Rule) -> Week:
    days = []
    for i in range(rule.window_days - 1, -1, -1):
        d = end - dt.timedelta(days=i)
        n, f = counts.get(d, (0, 0))
        days.append(Day(d, n, f))
    return Week(end, tuple(days), rule)


def weeks(
    probes: list[ProbeRecord], today: dt.date, rule: Rule, tz: dt.tzinfo = CHINA, span: int = 30
) -> list[Week]:
    """The weeks ending on each complete day of the last ``span`` days (today is not complete)."""
    counts = daily_counts(probes, rule, tz)
    return [week_ending(counts, today - dt.timedelta(days=i), rule) for i in range(span, 0, -1)]


def check(
    probes: list[ProbeRecord],
    site: Site,
    today: dt.date,
    rule: Rule | None = None,
    tz: dt.tzinfo = CHINA,
    now: dt.datetime | None = None,
) -> list[Finding]:
    """A veto finding while the latest complete week is over the threshold, else none."""
    rule = rule or Rule.from_catalogue()
    counts = daily_counts(probes, rule, tz)
    latest = week_ending(counts, today - dt.timedelta(days=1), rule)
    if not latest.veto:
        return []
    pct = f"{float(latest.rate * 100):.2f}%"
    return [
        Finding(
            check=CHECK_ID,
            severity=catalogue.severity(CHECK_ID),
            url=site.homepage,
            message=(
                f"站点无法访问：{latest.start.isoformat()} 至 {latest.end.isoformat()} 监测 "
                f"{latest.probes} 次，{latest.failed} 次超过（含）{rule.fail_seconds:g} 秒仍打不开，"
                f"占 {pct}（{'达到' if rule.inclusive else '超过'} {rule.rate_text} 即单项否决）"
            ),
            evidence="；".join(
                f"{d.day.month}月{d.day.day}日 {d.probes} 次/失败 {d.failed} 次"
                for d in latest.days
            ),
            site=site.name,
            unit=site.unit,
            detected_at=now,
            data=latest.as_data(),
            key=f"{CHECK_ID}|{site.homepage}",
        )
    ]
