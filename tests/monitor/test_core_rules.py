"""The monitor's time rules, evaluated from history (pure core, no Django)."""

from __future__ import annotations

import datetime as dt

from zwgk.inspect.checks.catalogue import catalogue as full_catalogue
from zwgk.inspect.model import Finding, Severity
from zwgk.monitor import (
    availability_down,
    availability_week,
    freshness_homepage,
    freshness_quarter,
    newmedia_unapproved,
    newmedia_update,
)
from zwgk.monitor import catalogue as monitor_catalogue
from zwgk.monitor.history import CHINA, ColumnHistory, ColumnTracker, ProbeRecord, Site
from zwgk.monitor.identity import Known, episode_key, reconcile
from zwgk.monitor.newmedia import Account
from zwgk.monitor.schedule import Every, phase_of

SITE = Site("XX区人民政府网站", "XX区政府办", "http://www.xx.gov.cn/")
TODAY = dt.date(2024, 5, 20)


def probes_for_week(per_day: int, failed: int, slow: float = 0.4, end=TODAY) -> list[ProbeRecord]:
    """``per_day`` probes on each of the 7 complete days before ``end``; the first ``failed``
    probes of the week fail (no answer)."""
    out = []
    n = 0
    for i in range(7, 0, -1):
        day = end - dt.timedelta(days=i)
        for k in range(per_day):
            at = dt.datetime.combine(day, dt.time(0, 30), CHINA) + dt.timedelta(minutes=72 * k)
            ok = n >= failed
            out.append(ProbeRecord(at, ok, slow if ok else 15.0, 200 if ok else 0))
            n += 1
    return out


def test_it_vetoes_availability_exactly_at_five_percent_of_a_week():
    # 20 probes a day for 7 days = 140; 7 failures is exactly 5% (超过（含）5%).
    assert availability_week.check(probes_for_week(20, 7), SITE, TODAY)
    assert not availability_week.check(probes_for_week(20, 6), SITE, TODAY)
    f = availability_week.check(probes_for_week(20, 7), SITE, TODAY)[0]
    assert f.severity == Severity.VETO
    assert f.data["probes"] == 140 and f.data["failed"] == 7
    assert "5.00%" in f.message


def test_it_counts_a_probe_of_exactly_fifteen_seconds_as_not_opened():
    rule = availability_week.Rule.from_catalogue()
    at = dt.datetime(2024, 5, 1, 10, tzinfo=CHINA)
    assert rule.failed(ProbeRecord(at, True, 15.0, 200))
    assert not rule.failed(ProbeRecord(at, True, 14.999, 200))
    # 7 of 140 slow (15 s, yet answered) is the same veto as 7 unanswered.
    probes = [
        ProbeRecord(p.at, True, 15.0 if not p.ok else p.elapsed, 200)
        for p in probes_for_week(20, 7)
    ]
    assert availability_week.check(probes, SITE, TODAY)


def test_it_does_not_judge_a_week_with_a_day_under_twenty_probes():
    probes = probes_for_week(20, 30)
    short_day = TODAY - dt.timedelta(days=3)
    probes = [p for p in probes if not (p.at.date() == short_day and p.at.hour >= 22)]
    assert not availability_week.check(probes, SITE, TODAY)
    week = availability_week.weeks(probes, TODAY, availability_week.Rule.from_catalogue(), span=1)[
        0
    ]
    assert not week.complete and [d.day for d in week.short_days] == [short_day]


def test_it_judges_only_complete_days_in_the_office_time_zone():
    # Failures today (not complete) do not count; a probe at 23:30 UTC belongs to the next day.
    probes = probes_for_week(20, 0)
    probes += [ProbeRecord(dt.datetime.combine(TODAY, dt.time(9), CHINA), False, 15, 0)] * 50
    assert not availability_week.check(probes, SITE, TODAY)
    utc = dt.datetime(2024, 5, 18, 23, 30, tzinfo=dt.UTC)
    counts = availability_week.daily_counts(
        [ProbeRecord(utc, True, 0.1)], availability_week.Rule.from_catalogue()
    )
    assert list(counts) == [dt.date(2024, 5, 19)]


def test_it_says_a_site_is_down_after_consecutive_failures_only():
    at = dt.datetime(2024, 5, 1, 10, tzinfo=CHINA)
    ok = ProbeRecord(at, True, 0.2, 200)
    bad1 = ProbeRecord(at + dt.timedelta(minutes=30), False, 15, 0, "超时（15 秒）")
    bad2 = ProbeRecord(at + dt.timedelta(minutes=60), False, 3, 503)
    assert not availability_down.check([ok, bad1], SITE)
    found = availability_down.check([bad2, ok, bad1], SITE)
    assert found and "HTTP 503" in found[0].evidence
    assert not availability_down.check(
        [bad1, bad2, ProbeRecord(at + dt.timedelta(hours=2), True, 1, 200)], SITE
    )


def homepage(dates, since, last=TODAY) -> ColumnHistory:
    return ColumnHistory(SITE.homepage, "首页", "homepage", since, last, tuple(dates))


def test_it_vetoes_a_homepage_not_updated_for_two_weeks_of_monitoring():
    since = TODAY - dt.timedelta(days=14)
    # Latest item 14 days ago: still within two weeks. 15 days ago: stale.
    assert not freshness_homepage.check(
        homepage([TODAY - dt.timedelta(days=14)], since), SITE, TODAY
    )
    f = freshness_homepage.check(homepage([TODAY - dt.timedelta(days=15)], since), SITE, TODAY)[0]
    assert f.severity == Severity.VETO and f.data["days"] == 15
    # Watched for 13 days only: a warning that says how long is left.
    short = freshness_homepage.check(
        homepage([TODAY - dt.timedelta(days=40)], since + dt.timedelta(days=1)), SITE, TODAY
    )[0]
    assert short.severity == Severity.WARNING and "满 14 天" in short.message
    # No date at all counts as not updated.
    nodate = freshness_homepage.check(homepage([], since), SITE, TODAY)[0]
    assert nodate.severity == Severity.VETO and "视同未更新" in nodate.message


def test_it_judges_each_quarter_only_where_the_pages_covered_it():
    tracker = ColumnTracker()
    # Daily passes from 1 Jan to 20 May; the column shows items of 2023-11 … and one in April.
    day = dt.date(2024, 1, 1)
    while day < TODAY:
        items = [dt.date(2023, 11, 1) + dt.timedelta(days=3 * i) for i in range(10)]
        if day >= dt.date(2024, 4, 10):
            items.append(dt.date(2024, 4, 10))
        tracker.add_pass(day, items)
        day += dt.timedelta(days=1)
    col = ColumnHistory(
        "http://www.xx.gov.cn/zdly/cz/",
        "财政预决算",
        "key_area",
        dt.date(2024, 1, 1),
        TODAY,
        tuple(sorted(tracker.dates)),
        tuple(tracker.coverage),
    )
    judged = dict(
        (q.code, kept) for q, kept in freshness_quarter.judge(col, dt.date(2024, 1, 1), TODAY)
    )
    assert judged == {"2024Q1": False}  # Q2 is not complete yet
    found = freshness_quarter.check(col, SITE, dt.date(2024, 1, 1), TODAY)
    assert [f.data["quarter"] for f in found] == ["2024Q1"]
    assert "2024年第一季度" in found[0].message
    # Monitoring that began in March cannot judge the first quarter.
    late = ColumnHistory(
        col.url,
        col.name,
        "key_area",
        dt.date(2024, 3, 1),
        TODAY,
        (),
        ((dt.date(2024, 2, 15), TODAY),),
    )
    assert freshness_quarter.judge(late, dt.date(2024, 1, 1), TODAY)[0][1] is None
    # A dynamic column is not a quarterly one.
    assert not freshness_quarter.check(
        ColumnHistory(col.url, "工作动态", "dynamic", col.watched_since, TODAY, (), col.coverage),
        SITE,
        dt.date(2024, 1, 1),
        TODAY,
    )


def test_it_does_not_let_a_pinned_old_item_make_a_list_page_look_complete():
    tracker = ColumnTracker()
    items = [dt.date(2019, 1, 1)] + [dt.date(2024, 5, 1) + dt.timedelta(days=i) for i in range(9)]
    tracker.add_pass(dt.date(2024, 5, 19), items)
    assert tracker.coverage == [(dt.date(2024, 5, 1), dt.date(2024, 5, 19))]


def account(updates, **kw) -> Account:
    return Account("7", "微信公众号", "XX发布", "XX区政府办", tuple(updates), **kw)


def test_it_finds_each_two_week_period_without_a_new_media_update():
    since = dt.date(2024, 1, 1)
    # Windows: 1–14 Jan, 15–28 Jan, 29 Jan–11 Feb, 12–25 Feb (today 27 Feb: the next is open).
    acc = account([dt.date(2024, 1, 3), dt.date(2024, 2, 12)], known_until=dt.date(2024, 2, 29))
    found = newmedia_update.check(acc, since, dt.date(2024, 2, 27))
    assert [f.data["start"] for f in found] == ["2024-01-15", "2024-01-29"]
    assert "2周内更新 0 次" in found[0].message
    assert found[0].key != found[1].key
    # An update on the last day of a window keeps it; dates known only to 20 Jan judge one window.
    assert not newmedia_update.check(account([dt.date(2024, 1, 14)]), since, dt.date(2024, 1, 15))
    partial = account([], known_until=dt.date(2024, 1, 20))
    assert len(newmedia_update.check(partial, since, dt.date(2024, 3, 1))) == 1
    # An account opened on 1 Feb is judged from then on.
    opened = account([], opened=dt.date(2024, 2, 1))
    assert (
        newmedia_update.check(opened, since, dt.date(2024, 2, 16))[0].data["start"] == "2024-02-01"
    )


def test_it_finds_an_account_opened_without_approval_only_when_recorded_so():
    assert newmedia_unapproved.check(account([], approved=False))
    assert not newmedia_unapproved.check(account([], approved=None))
    assert not newmedia_unapproved.check(account([], approved=True))


def f(check: str, url: str = "http://www.xx.gov.cn/a.html", wrong: str | None = None) -> Finding:
    return Finding(check, Severity.DEDUCTION, url, "m", wrong=wrong)


def test_it_sorts_findings_into_new_still_gone_and_keeps_dismissals():
    now = dt.datetime(2024, 5, 20, 10, tzinfo=CHINA)
    typo, link = f("wording-typo", wrong="攻府"), f("links-dead", "http://www.xx.gov.cn/x")
    first = reconcile([typo, link], [], now)
    assert [k for k, _ in first.new] == [typo.identity(), link.identity()]
    known = [
        Known(typo.identity(), typo.identity(), now, True, dismissed=True),
        Known(link.identity(), link.identity(), now, True),
    ]
    later = now + dt.timedelta(days=7)
    second = reconcile([typo], known, later)
    assert [k for k, _ in second.suppressed] == [typo.identity()]  # dismissed stays dismissed
    assert second.new == [] and second.still == []
    assert second.gone == [link.identity()]  # the fixed link is gone


def test_it_makes_a_condition_that_returns_after_the_grace_a_new_finding():
    now = dt.datetime(2024, 5, 1, 3, tzinfo=CHINA)
    stale = f("freshness-column-stale", "http://www.xx.gov.cn/gzdt/")
    first = reconcile([stale], [], now)
    key = first.new[0][0]
    assert key == episode_key(stale.identity(), now.date())
    known = [Known(key, stale.identity(), now, True, dismissed=True)]
    # Seen again the next day: the same (dismissed) finding.
    assert reconcile([stale], known, now + dt.timedelta(days=1)).suppressed[0][0] == key
    # Gone for a week (the column was updated), stale again: a new finding, not dismissed.
    gone = [Known(key, stale.identity(), now + dt.timedelta(days=1), False, dismissed=True)]
    again = reconcile([stale], gone, now + dt.timedelta(days=9))
    assert again.new and again.new[0][0] == episode_key(
        stale.identity(), (now + dt.timedelta(days=9)).date()
    )


def test_it_spreads_sites_over_the_period_and_runs_each_slot_once():
    now = dt.datetime(2024, 5, 20, 10, 7, tzinfo=CHINA)
    every = Every(dt.timedelta(minutes=30), phase_of("site-1"))
    slot = every.due(now, None)
    assert slot is not None and slot <= now < slot + dt.timedelta(minutes=30)
    assert every.due(now, slot) is None
    assert every.due(slot + dt.timedelta(minutes=30), slot) == slot + dt.timedelta(minutes=30)
    offsets = {
        round(Every(dt.timedelta(minutes=30), phase_of(f"site-{i}")).latest(now).minute)
        for i in range(200)
    }
    assert len(offsets) == 30  # every minute of the half hour has some site
    daily = Every(dt.timedelta(days=1), phase_of("site-1"), (dt.time(1), dt.time(6)))
    assert dt.time(1) <= daily.latest(now).timetz().replace(tzinfo=None) < dt.time(6)


def test_it_loads_every_monitor_check_the_catalogue_names():
    named = {e.id for e in full_catalogue().values() if e.module.startswith("zwgk.monitor.")}
    loaded = {i for m in monitor_catalogue.modules() for i in (m.CHECK_ID,)}
    assert (
        named
        == loaded
        == {
            "availability-week",
            "availability-down",
            "freshness-homepage-monitored",
            "freshness-column-quarter",
            "newmedia-update",
            "newmedia-unapproved",
        }
    )
