"""annual-report — 政府信息公开工作年度报告: last year's report is on the site by the deadline.

条例第四十九条: departments publish by 31 January, the government's overall report by 31 March.
The report is found by a link whose text names the year and 年报/年度报告 (in the annual-report
column, or anywhere on the crawled pages)."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.checks.catalogue import info, thresholds
from zwgk.inspect.context import CheckContext
from zwgk.inspect.crawl import SiteCrawl
from zwgk.inspect.model import Finding

CHECK_ID = "annual-report-missing"


def deadline(year: int, unit_kind: str) -> dt.date:
    """The day after which ``year``'s report is late (``MM-DD`` of the next year, from the
    catalogue: ``government_deadline`` for a government, ``department_deadline`` otherwise)."""
    t = thresholds(CHECK_ID)
    key = "government_deadline" if unit_kind == "government" else "department_deadline"
    month, day = (int(x) for x in str(t[key]).split("-"))
    return dt.date(year + 1, month, day)


def check_site(crawl: SiteCrawl, ctx: CheckContext) -> list[Finding]:
    year = ctx.today.year - 1
    due = deadline(year, crawl.site.unit_kind)
    if ctx.today <= due or crawl.homepage_status != 200:
        return []
    if year in crawl.reports:
        return []
    cols = [st for st in crawl.columns.values() if st.column.type == "annual_report"]
    url = cols[0].column.url if cols else crawl.homepage_url
    have = sorted(crawl.reports)
    return [
        Finding(
            check=CHECK_ID,
            severity=info(CHECK_ID).severity,
            url=url,
            message=f"未发现{year}年政府信息公开工作年度报告（应于{due.month}月{due.day}日前发布）",
            evidence=(
                f"年报栏目：{cols[0].column.name if cols else '未找到'}；已发现的年报年份："
                f"{'、'.join(map(str, have)) if have else '无'}"
            ),
            site=ctx.site,
            unit=ctx.unit,
            detected_at=dt.datetime.now().replace(microsecond=0),
            data={"year": year, "deadline": due.isoformat(), "found_years": have},
        )
    ]
