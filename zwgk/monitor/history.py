"""The shapes of monitoring history the checks read (监测历史), and small date helpers.

Times are timezone-aware; a probe's day is its calendar day in the office's time zone
(``Asia/Shanghai`` unless the caller says otherwise).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class ProbeRecord:
    """One timed visit of a homepage (可用性探测): did it open, and how long did it take."""

    at: dt.datetime
    ok: bool  # an HTTP 2xx answer with its body read
    elapsed: float  # seconds until the answer was complete (or the attempt gave up)
    status: int = 0
    error: str | None = None


@dataclass(frozen=True)
class ColumnHistory:
    """What the daily freshness passes saw of one column (or of the homepage) over time.

    ``dates`` are all item dates ever seen on its list page (first page); ``coverage`` the merged
    date intervals that first page spanned at some pass (from its oldest item to the day of the
    pass), so a quarter inside the coverage with no date in ``dates`` really had no item.
    """

    url: str
    name: str
    type: str = "other"
    watched_since: dt.date | None = None  # first pass that read the page
    last_read: dt.date | None = None  # last pass that read the page
    dates: tuple[dt.date, ...] = ()
    coverage: tuple[tuple[dt.date, dt.date], ...] = ()
    first_level: bool = True


@dataclass(frozen=True)
class Site:
    """The monitored site the findings belong to."""

    name: str
    unit: str
    homepage: str


@dataclass(frozen=True)
class Quarter:
    year: int
    q: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.q - 2, 1)

    @property
    def end(self) -> dt.date:
        nxt = Quarter(self.year + (self.q == 4), self.q % 4 + 1)
        return nxt.start - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.q - 1]}季度"

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.q}"

    @staticmethod
    def of(day: dt.date) -> Quarter:
        return Quarter(day.year, (day.month - 1) // 3 + 1)


def quarters_between(start: dt.date, end: dt.date) -> list[Quarter]:
    """The calendar quarters that lie entirely within [start, end]."""
    out = []
    q = Quarter.of(start)
    if q.start < start:
        q = Quarter(q.year + (q.q == 4), q.q % 4 + 1)
    while q.end <= end:
        out.append(q)
        q = Quarter(q.year + (q.q == 4), q.q % 4 + 1)
    return out


def merge_intervals(
    intervals: list[tuple[dt.date, dt.date]] | tuple[tuple[dt.date, dt.date], ...],
) -> tuple[tuple[dt.date, dt.date], ...]:
    """Merge date intervals that overlap or touch (adjacent days)."""
    out: list[tuple[dt.date, dt.date]] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1] + dt.timedelta(days=1):
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def covered(coverage: tuple[tuple[dt.date, dt.date], ...], start: dt.date, end: dt.date) -> bool:
    return any(lo <= start and end <= hi for lo, hi in coverage)


@dataclass
class ColumnTracker:
    """Accumulates a column's history pass by pass (the web app keeps one per column)."""

    dates: set[dt.date] = field(default_factory=set)
    coverage: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    def add_pass(self, day: dt.date, item_dates: list[dt.date], max_dates: int = 400) -> None:
        seen = [d for d in item_dates if d <= day]
        self.dates.update(seen)
        if len(self.dates) > max_dates:
            self.dates = set(sorted(self.dates)[-max_dates:])
        self.coverage = list(merge_intervals([*self.coverage, (coverage_start(seen, day), day)]))


def coverage_start(item_dates: list[dt.date], day: dt.date) -> dt.date:
    """How far back one list page reliably reaches: its oldest dates, less the oldest tenth of
    them (an item pinned to the top from years ago must not make the page look complete)."""
    if not item_dates:
        return day
    ordered = sorted(item_dates)
    drop = -(-len(ordered) // 10) if len(ordered) >= 5 else 0
    return ordered[drop]
