"""freshness-column-quarter — 栏目未按季度更新: a column that must have an item every quarter.

Each complete calendar quarter from ``since`` (the assessment year's first day, or later) is
judged on its own: it is kept when some item on the column's list page is dated in it; it is a
breach when the passes' coverage of the list page spans the whole quarter and no item is dated
in it; otherwise it is left unjudged (the monitoring began after the quarter left the first
page). One finding per column and quarter: it never becomes "gone", a quarter once missed stays
missed.
"""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.model import Finding
from zwgk.monitor import catalogue
from zwgk.monitor.history import ColumnHistory, Quarter, Site, covered, quarters_between

CHECK_ID = "freshness-column-quarter"


def quarterly_types() -> frozenset[str]:
    return frozenset(catalogue.thresholds(CHECK_ID).get("types") or ("key_area",))


def judge(col: ColumnHistory, since: dt.date, today: dt.date) -> list[tuple[Quarter, bool | None]]:
    """(quarter, kept) for each complete quarter: True kept, False missed, None not judgeable."""
    out: list[tuple[Quarter, bool | None]] = []
    for q in quarters_between(since, today - dt.timedelta(days=1)):
        if any(q.start <= d <= q.end for d in col.dates):
            out.append((q, True))
        elif covered(col.coverage, q.start, q.end):
            out.append((q, False))
        else:
            out.append((q, None))
    return out


def check(
    col: ColumnHistory,
    site: Site,
    since: dt.date,
    today: dt.date,
    now: dt.datetime | None = None,
    quarterly: frozenset[str] | None = None,
) -> list[Finding]:
    if col.type not in (quarterly or quarterly_types()):
        return []
    out = []
    for q, kept in judge(col, since, today):
        if kept is not False:
            continue
        out.append(
            Finding(
                check=CHECK_ID,
                severity=catalogue.severity(CHECK_ID),
                url=col.url,
                message=f"栏目“{col.name}”{q.label}（{q.start:%m月%d日}至{q.end:%m月%d日}）没有更新",
                evidence=(
                    f"该季度内的每日检查均未见该季度日期的条目；栏目出现过的最新日期："
                    f"{max(col.dates).isoformat() if col.dates else '无'}"
                ),
                title=col.name,
                site=site.name,
                unit=site.unit,
                detected_at=now,
                data={"column": col.name, "type": col.type, "quarter": q.code},
                key=f"{CHECK_ID}|{col.url}|{q.code}",
            )
        )
    return out
