"""When each site's inspections are due (检查计划): periodic slots, spread out over the period.

Every kind of inspection (availability probe, daily freshness pass, full crawl) runs at slots
``epoch + offset + k·every``. The offset spreads sites over the period (a site's own phase, from
a hash of its id), optionally inside a window of the day (e.g. the freshness pass between 01:00
and 06:00), so a thousand sites probed every 30 minutes make a steady trickle, not a burst. The
dispatcher asks :func:`due` on every tick; a slot is run once (the database keeps the last slot
dispatched per site and kind); slots missed while the monitor was down are not caught up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from zwgk.monitor.history import CHINA

EPOCH = dt.datetime(2024, 1, 1, tzinfo=CHINA)  # a local midnight: daily slots align to days


def phase_of(key: str) -> float:
    """A stable number in [0, 1) for a site (its place in every period)."""
    h = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64


@dataclass(frozen=True)
class Every:
    """A period with the site's offset in it: ``window`` limits the offset to part of a day."""

    every: dt.timedelta
    phase: float = 0.0
    window: tuple[dt.time, dt.time] | None = None

    @property
    def offset(self) -> dt.timedelta:
        if self.window is None or self.every < dt.timedelta(days=1):
            return self.every * self.phase
        lo, hi = (dt.timedelta(hours=t.hour, minutes=t.minute) for t in self.window)
        if hi <= lo:
            hi += dt.timedelta(days=1)
        days = int(self.every / dt.timedelta(days=1))
        day = int(self.phase * days) if days > 1 else 0
        inner = (self.phase * days) % 1 if days > 1 else self.phase
        return dt.timedelta(days=day) + lo + (hi - lo) * inner

    def latest(self, now: dt.datetime) -> dt.datetime:
        """The latest slot at or before ``now``."""
        start = EPOCH + self.offset
        k = (now - start) // self.every
        return start + self.every * k

    def next_after(self, now: dt.datetime) -> dt.datetime:
        return self.latest(now) + self.every

    def due(self, now: dt.datetime, last: dt.datetime | None) -> dt.datetime | None:
        """The slot to run now, if it has not been run: the latest one at or before ``now``."""
        slot = self.latest(now)
        if last is not None and slot <= last:
            return None
        return slot
