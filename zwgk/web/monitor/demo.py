"""网站监测 of the demo round (``python -m zwgk.web demo``): five unit websites served on
127.0.0.1 (``zwgk.devtools.demo_units``), registered with schedules, 30 days of history, a
first full inspection, bindings of the checks to the scheme's indicators, and four 政务新媒体
accounts — so that a new user of ``make run`` sees the monitor at work.

The history is made by the monitor's own code against the demo sites as they were on each day
(the sites are a function of the date): a daily freshness pass for each of the past 30 days, a
full inspection in each weekly slot and one now (立即检查). Only the availability probes of the
past 30 days are generated (7,000 timed GETs would take minutes), with one night of outage on
the town's site; from then on the embedded runner probes for real.

The sites must live as long as the app: the demo records their ports in the audit log
(``monitor.demo_sites``), and ``python -m zwgk.web.serve`` starts them beside the web server
when that record exists (``demo_serve``): never in a database the demo did not fill.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction
from django.utils import timezone

from zwgk.devtools.demo_units import (
    FIRST_PORT,
    PROFILES,
    ServedUnits,
    UnitSite,
    free_ports,
    site_spec,
)
from zwgk.web.audit.models import record
from zwgk.web.monitor import dispatch, jobs, newmedia, services
from zwgk.web.monitor.demo_serve import ACTION
from zwgk.web.monitor.forms import parse_columns
from zwgk.web.monitor.models import (
    Binding,
    Finding,
    MonitoredSite,
    NewMediaAccount,
    NewMediaUpdate,
    Probe,
    Run,
)
from zwgk.web.rounds.models import Membership, Round, Unit

HISTORY_DAYS = 30  # the site page charts the last 30 days
# One probe of the homepage in a crawl: the monitor judges availability from its own probes.
OPTIONS = {"rate": 0, "concurrency": 4, "robots": False, "max_pages": 200, "availability_probes": 1}
TYPE_ZH = {
    "dynamic": "动态",
    "notice": "通知公告",
    "policy": "政策文件",
    "key_area": "重点领域",
    "guide": "指南",
    "org_functions": "机构职能",
    "annual_report": "年报",
}
# Check (or family) → indicator and fault of each table (A: towns, B: departments), or a veto.
# The first that matches a finding and applies to its unit counts (see services.bound_target).
BINDINGS = (
    ("wording-serious", "", "", "serious-error"),
    ("freshness", "A2.1.2", "late", ""),
    ("freshness", "B3.1.2", "late", ""),
    ("annual-report", "A2.1.2", "late", ""),
    ("annual-report", "B3.1.2", "late", ""),
    ("elements-org", "A2.1.1", "missing", ""),
    ("elements-org", "B3.1.1", "missing", ""),
    ("elements-guide", "A2.1.2", "error", ""),
    ("elements-guide", "B3.1.2", "missing-item", ""),
    ("links", "A2.1.2", "error", ""),
    ("links", "B3.1.2", "error", ""),
    ("wording", "A2.1.2", "error", ""),
    ("wording", "B3.1.2", "error", ""),
    ("privacy", "A2.1.2", "error", ""),
    ("privacy", "B3.1.2", "error", ""),
)
# 政务新媒体 (the round's year): unit, platform, name, opened, approved, reference, gaps (from, to).
ACCOUNTS = (
    ("区教育局", "微信公众号", "XX教育发布", "2019-03-01", "yes", "XX政办函〔2019〕12号", ()),
    ("区卫体局", "微信公众号", "健康XX", "2018-06-15", "yes", "XX政办函〔2018〕31号",
     (("2023-07-10", "2023-08-12"),)),
    ("XX镇1", "抖音", "XX镇发布", "2022-04-10", "no", "", ()),
    ("区人社局", "微博", "XX人社", "2017-09-01", "yes", "XX政办函〔2017〕8号", ()),
)  # fmt: skip
UNIT_REQUEST = (
    "XX镇1",
    "availability-week",
    "当晚为镇政府机房供电线路检修，已提前三天在网站首页发布停机公告（附公告截图），请予复核。",
)


def present(rnd: Round) -> bool:
    return MonitoredSite.objects.filter(round=rnd).exists()


def build(rnd: Round, office, now: dt.datetime | None = None) -> list[MonitoredSite]:
    """Register the demo sites, bindings and accounts of ``rnd`` and make their history."""
    now = now or timezone.now()
    epoch = timezone.localdate(now)
    units = {u.name: u for u in Unit.objects.filter(round=rnd)}
    servers, served = _serve(epoch)
    try:
        sites = _register_all(rnd, units, served, office, now, epoch)
        _off_the_loop(_histories, served, sites, office, now)
    finally:
        servers.__exit__(None, None, None)
    imported = now - dt.timedelta(minutes=10)  # the month's sheet, imported before the crawls
    for acc in NewMediaAccount.objects.filter(round=rnd).select_related("unit", "round"):
        newmedia.evaluate(acc, imported)
    _unit_request(rnd, units)
    return sites


def _serve(epoch: dt.date) -> tuple[ServedUnits, list[tuple[UnitSite, int]]]:
    """The demo sites, served on free ports (another demo may take the same ports meanwhile:
    then the next ones)."""
    first = FIRST_PORT
    for _ in range(5):
        ports = free_ports(len(PROFILES), first)
        served = [(UnitSite(p, epoch), port) for p, port in zip(PROFILES, ports, strict=True)]
        servers = ServedUnits(served)
        try:
            return servers.__enter__(), served
        except OSError:
            first = max(ports) + 1
    raise RuntimeError("没有空闲端口提供演示网站")


def _register_all(rnd, units, served, office, now, epoch) -> list[MonitoredSite]:
    with transaction.atomic():
        sites = _register(rnd, units, served, office, now)
        _bind(rnd, office)
        _accounts(rnd, units, now)
        record(
            ACTION,
            f"登记演示网站 {len(sites)} 个（演示数据，由本机 127.0.0.1 提供服务）",
            actor=office,
            round=rnd,
            after={
                "sites": [
                    {
                        "key": us.p.key,
                        "port": port,
                        "epoch": epoch.isoformat(),
                        "homepage": s.homepage,
                    }
                    for (us, port), s in zip(served, sites, strict=True)
                ]
            },
        )
    return sites


def _histories(served, sites, office, now) -> None:
    for (us, _), site in zip(served, sites, strict=True):
        _history(site, us, office, now)


def _off_the_loop(fn, *args) -> None:
    """Call ``fn`` here, or in a thread of its own when this thread runs an event loop (the
    demo called from a test driving Playwright's sync API): the inspections run their own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        fn(*args)
        return

    def call() -> None:
        try:
            fn(*args)
        finally:
            connection.close()

    with ThreadPoolExecutor(1, thread_name_prefix="demo-monitor") as pool:
        pool.submit(call).result()


def _register(rnd, units, served, office, now) -> list[MonitoredSite]:
    sites = []
    for us, port in served:
        spec = site_spec(us.p, port)
        lines = "\n".join(
            f"{c['name']} | {c['url']} | {TYPE_ZH[c['type']]} | {c['update']}"
            for c in spec["columns"]
        )
        sites.append(
            MonitoredSite.objects.create(
                round=rnd,
                unit=units[us.p.unit],
                name=spec["name"],
                homepage=spec["homepage"],
                site_code=spec["site_code"],
                columns=parse_columns(lines),
                options=dict(OPTIONS),
                probe_minutes=30,
                freshness_from=dt.time(1, 0),
                freshness_to=dt.time(6, 0),
                crawl_days=7,
                created_by=office,
                created_at=now - dt.timedelta(days=HISTORY_DAYS, hours=1),
            )
        )
    return sites


def _bind(rnd: Round, office) -> None:
    index = rnd.scheme.index()
    rows = []
    for check, indicator, fault, veto in BINDINGS:
        if indicator and indicator not in index.nodes:
            continue  # another scheme: leave it to the office
        rows.append(
            Binding(
                round=rnd,
                check_id=check,
                indicator_id=indicator,
                fault_id=fault,
                veto_id=veto,
                position=len(rows),
            )
        )
    Binding.objects.bulk_create(rows)
    record(
        "monitor.binding",
        f"设置检查项与指标的对应 {len(rows)} 条（演示数据）",
        actor=office,
        round=rnd,
    )


def _accounts(rnd: Round, units: dict, now: dt.datetime) -> None:
    year = rnd.year
    for unit, platform, name, opened, approval, ref, gaps in ACCOUNTS:
        acc = NewMediaAccount.objects.create(
            round=rnd,
            unit=units[unit],
            platform=platform,
            name=name,
            opened=dt.date.fromisoformat(opened),
            approval=approval,
            approval_ref=ref,
            checked_from=dt.date(year, 1, 1),
            checked_until=dt.date(year, 12, 31),
            created_at=now - dt.timedelta(days=HISTORY_DAYS),
        )
        rng = random.Random(name)
        holes = [
            (
                dt.date.fromisoformat(a).replace(year=year),
                dt.date.fromisoformat(b).replace(year=year),
            )
            for a, b in gaps
        ]
        days, d = [], dt.date(year, 1, 3)
        while d.year == year:
            if not any(a <= d <= b for a, b in holes):
                days.append(d)
            d += dt.timedelta(days=rng.choice((2, 3, 4, 5, 7)))
        NewMediaUpdate.objects.bulk_create(
            [
                NewMediaUpdate(account=acc, date=x, source="导入:新媒体月度检查表（演示数据）")
                for x in days
            ]
        )


def _probes(site: MonitoredSite, us: UnitSite, now: dt.datetime) -> None:
    """30 days of 30-minute probes, generated (see the module docstring)."""
    every = dispatch.plans(site)["probe"]
    assert every is not None
    rng = random.Random(site.homepage)
    slot = every.latest(now)
    last = slot
    outage = None
    if "outage" in us.p.defects:  # a night down, four days ago (local time)
        night = timezone.localtime(now).replace(hour=22, minute=0, second=0, microsecond=0)
        start = night - dt.timedelta(days=4)
        outage = (start, start + dt.timedelta(hours=9, minutes=40))
    rows = []
    while slot > now - dt.timedelta(days=HISTORY_DAYS):
        at = slot + dt.timedelta(seconds=rng.uniform(0.2, 2.0))
        elapsed = rng.lognormvariate(-2.2, 0.5)
        ok, status, error = True, 200, ""
        if outage and outage[0] <= slot < outage[1]:
            ok, status, elapsed, error = False, 0, 15.0, "超时：15 秒内无应答"
        elif rng.random() < 0.004:
            elapsed = rng.uniform(15.2, 16.5)  # slow enough to count as failed
            ok, error = True, ""
        rows.append(
            Probe(
                site=site,
                slot=slot,
                at=at,
                ok=ok,
                status=status,
                elapsed=round(elapsed, 3),
                error=error,
            )
        )
        slot -= every.every
    Probe.objects.bulk_create(rows)
    MonitoredSite.objects.filter(pk=site.pk).update(last_probe_slot=last)


def _run(site: MonitoredSite, us: UnitSite, kind: str, at: dt.datetime, user=None) -> None:
    us.today = timezone.localdate(at)
    run = Run.objects.create(
        site=site, kind=kind, slot=at, queued_at=at, worker="演示数据", requested_by=user
    )
    jobs.replay(run, at)


def _history(site: MonitoredSite, us: UnitSite, office, now: dt.datetime) -> None:
    _probes(site, us, now)
    plan = dispatch.plans(site)
    fresh, crawl = plan[Run.Kind.FRESHNESS], plan[Run.Kind.CRAWL]
    assert fresh is not None and crawl is not None
    start = now - dt.timedelta(days=HISTORY_DAYS)
    crawls = [crawl.latest(now) - crawl.every * k for k in range(1, HISTORY_DAYS // 7 + 1)]
    crawls = sorted(c for c in crawls if c > start)
    slots = [fresh.latest(now) - dt.timedelta(days=k) for k in range(HISTORY_DAYS - 1, -1, -1)]
    for slot in slots:
        while crawls and crawls[0] <= slot:  # in time order, as the dispatcher would have
            _run(site, us, Run.Kind.CRAWL, crawls.pop(0))
        _run(site, us, Run.Kind.FRESHNESS, slot)
    # The first inspection of today, asked for by the office when it registered the site.
    _run(site, us, Run.Kind.CRAWL, now.replace(second=0, microsecond=0), office)
    us.today = None
    services.evaluate_availability(site, now)
    MonitoredSite.objects.filter(pk=site.pk).update(
        last_freshness_slot=fresh.latest(now), last_crawl_slot=crawl.latest(now)
    )


def _unit_request(rnd: Round, units: dict) -> None:
    unit_name, check, text = UNIT_REQUEST
    f = Finding.objects.filter(round=rnd, unit=units[unit_name], check_id=check).first()
    m = Membership.objects.filter(
        round=rnd, unit=units[unit_name], role=Membership.Role.UNIT
    ).first()
    if f is not None and m is not None:
        services.request_review(f, m.user, text)
