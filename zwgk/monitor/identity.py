"""Finding identity across runs (发现的延续): new, still present, gone; dismissals are sticky.

A finding's base key is ``Finding.identity()`` (check, place, wrong text). Most problems are the
same problem whenever they are seen (a typo on a page, a leaked number, a dead link), so the base
key is the key. Conditions that come and go (a stale column, an unreachable site) are *episodes*:
while the condition is seen again within ``grace`` of its last sighting it is the same finding;
seen again later it is a new one, keyed ``base@day-first-seen``. So a dismissal (排除) holds for
the finding it was made on, for good, but a column that is updated and later goes stale again is
reported again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zwgk.inspect.model import Finding

# Checks whose findings are episodes (conditions that end when the site is fixed).
EPISODIC = frozenset(
    {
        "availability-homepage",
        "availability-week",
        "availability-down",
        "freshness-homepage",
        "freshness-homepage-monitored",
        "freshness-column-stale",
        "freshness-column-blank",
        "freshness-stale-columns-veto",
        "freshness-blank-columns-veto",
    }
)
GRACE = dt.timedelta(days=3)


@dataclass(frozen=True)
class Known:
    """A finding already stored for the site (from the same source of runs)."""

    key: str
    base: str
    last_seen: dt.datetime
    present: bool  # found by the latest run of its source
    dismissed: bool = False


@dataclass
class Outcome:
    new: list[tuple[str, Finding]] = field(default_factory=list)
    still: list[tuple[str, Finding]] = field(default_factory=list)
    suppressed: list[tuple[str, Finding]] = field(default_factory=list)  # dismissed before
    gone: list[str] = field(default_factory=list)

    @property
    def seen(self) -> list[tuple[str, Finding]]:
        return self.new + self.still + self.suppressed


def episode_key(base: str, day: dt.date) -> str:
    return f"{base}@{day.isoformat()}"


def reconcile(
    found: list[Finding],
    known: list[Known],
    now: dt.datetime,
    grace: dt.timedelta = GRACE,
    episodic: frozenset[str] = EPISODIC,
) -> Outcome:
    """Sort this run's findings against the stored ones of the same source."""
    by_key = {k.key: k for k in known}
    latest_of_base: dict[str, Known] = {}
    for k in known:
        cur = latest_of_base.get(k.base)
        if cur is None or k.last_seen > cur.last_seen:
            latest_of_base[k.base] = k
    out = Outcome()
    keys: set[str] = set()
    for f in found:
        base = f.identity()
        if f.check in episodic:
            prev = latest_of_base.get(base)
            if prev is not None and now - prev.last_seen <= grace:
                key = prev.key
            else:
                key = episode_key(base, now.date())
        else:
            key = base
        if key in keys:
            continue
        keys.add(key)
        k = by_key.get(key)
        if k is not None and k.dismissed:
            out.suppressed.append((key, f))
        elif k is not None and (k.present or f.check in episodic):
            out.still.append((key, f))
        else:
            out.new.append((key, f))
    out.gone = [k.key for k in known if k.present and k.key not in keys]
    return out
