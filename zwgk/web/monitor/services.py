"""The monitor's bookkeeping: history in, findings out, and their review.

Every run ends in :func:`record_findings`, which sorts the run's findings against the stored
ones of the same source (new / still present / gone, dismissals sticky; ``zwgk.monitor.identity``)
and writes them in one transaction, so a run that is retried after its worker died stores its
results exactly once. An assessor's confirmation turns a finding into a *pending* fact of the
bound indicator (with a saved copy of the page as evidence); a dismissal needs a reason and holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from zwgk.inspect.assess import Binding as CheckBinding
from zwgk.inspect.crawl import SiteCrawl
from zwgk.inspect.model import Finding as Found
from zwgk.inspect.model import Severity
from zwgk.monitor import availability_down, availability_week, freshness_homepage, freshness_quarter
from zwgk.monitor.history import ColumnHistory, ColumnTracker, ProbeRecord
from zwgk.monitor.history import Site as HistorySite
from zwgk.monitor.identity import Known, Outcome, reconcile
from zwgk.web.audit.models import record
from zwgk.web.desk.models import Fact
from zwgk.web.desk.scoring import check_new_fact
from zwgk.web.monitor import snapshots
from zwgk.web.monitor.models import (
    Binding,
    Column,
    ColumnChange,
    Finding,
    MonitoredSite,
    Probe,
    Run,
    RunFinding,
)
from zwgk.web.rounds.services import core_unit

# Inspector findings the monitor evaluates from its history instead of from one run.
FROM_HISTORY = ("availability-homepage", "freshness-homepage")
POINT_IN_TIME_FRESHNESS = "freshness-"


def history_site(site: MonitoredSite) -> HistorySite:
    return HistorySite(site.name, site.unit.name, site.homepage)


# -- availability -------------------------------------------------------------------------------


def record_probe(site: MonitoredSite, slot: dt.datetime, rec: ProbeRecord) -> Probe:
    """Store one probe; the same slot twice (a retried task) overwrites, never duplicates."""
    probe, _ = Probe.objects.update_or_create(
        site=site,
        slot=slot,
        defaults={
            "at": rec.at,
            "ok": rec.ok,
            "status": rec.status,
            "elapsed": round(rec.elapsed, 3),
            "error": (rec.error or "")[:300],
        },
    )
    return probe


def probe_records(site: MonitoredSite, since: dt.datetime) -> list[ProbeRecord]:
    return [
        ProbeRecord(p.at, p.ok, p.elapsed, p.status, p.error or None)
        for p in Probe.objects.filter(site=site, at__gte=since).order_by("at")
    ]


def evaluate_availability(site: MonitoredSite, now: dt.datetime | None = None) -> Outcome:
    """The week rule and the down alarm, from the stored probes."""
    now = now or timezone.now()
    rule = availability_week.Rule.from_catalogue()
    today = timezone.localdate(now)
    probes = probe_records(site, now - dt.timedelta(days=rule.window_days + 2))
    hs = history_site(site)
    found = availability_week.check(probes, hs, today, rule, timezone.get_current_timezone(), now)
    found += availability_down.check(probes, hs, rule, tz=timezone.get_current_timezone())
    return record_findings(site, Finding.Source.AVAILABILITY, found, None, now)


# -- columns and freshness ----------------------------------------------------------------------


def _rule_of(col) -> str:
    quarterly = freshness_quarter.quarterly_types()
    if col.type in quarterly:
        return "quarter"
    return str(col.rule_days) if col.rule_days else ""


def store_columns(site: MonitoredSite, crawl: SiteCrawl, now: dt.datetime) -> int:
    """Add one pass to every column's history (and the homepage's); a change adds a row."""
    today = timezone.localdate(now)
    existing = {c.url: c for c in Column.objects.filter(site=site)}
    rows: list[tuple[str, str, str, str, bool, bool, bool, int, list, int, bool]] = []
    home_dates = list(crawl.homepage_dates)
    if crawl.homepage_published:
        home_dates.append(crawl.homepage_published)
    home_ok = crawl.homepage_status == 200 and not crawl.homepage_soft404
    rows.append(
        (
            crawl.homepage_url, "首页", "homepage", "14", True, True, home_ok,
            crawl.homepage_status, home_dates, len(crawl.homepage_dates), False,
        )
    )  # fmt: skip
    for url, st in crawl.columns.items():
        ok = st.fetched and st.status == 200 and not st.soft404
        rows.append(
            (
                url, st.column.name[:200], st.column.type, _rule_of(st.column),
                st.column.first_level, False, ok, st.status, list(st.dates), st.items, st.blank,
            )
        )  # fmt: skip
    changed = 0
    for url, name, kind, rule, first, is_home, ok, status, dates, items, blank in rows:
        col = existing.get(url[:700]) or Column(
            site=site, url=url[:700], name=name, type=kind, rule=rule, first_level=first,
            is_homepage=is_home,
        )  # fmt: skip
        if not is_home:
            col.name, col.type, col.rule, col.first_level = name, kind, rule, first
        before = (col.latest, col.items, col.status, col.blank)
        col.status = status
        if ok:
            tracker = ColumnTracker(
                {dt.date.fromisoformat(d) for d in col.dates},
                [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in col.coverage],
            )
            tracker.add_pass(today, dates)
            col.dates = [d.isoformat() for d in sorted(tracker.dates)]
            col.coverage = [[a.isoformat(), b.isoformat()] for a, b in tracker.coverage]
            col.watched_since = col.watched_since or today
            col.last_read = today
            seen = [d for d in dates if d <= today]
            col.latest = max(seen) if seen else None
            col.items, col.blank = items, blank
        col.save()
        if (col.latest, col.items, col.status, col.blank) != before or col.changes.count() == 0:
            ColumnChange.objects.create(
                column=col, at=now, latest=col.latest, items=col.items, status=col.status,
                blank=col.blank,
            )  # fmt: skip
            changed += 1
    return changed


def column_history(col: Column) -> ColumnHistory:
    return ColumnHistory(
        url=col.url,
        name=col.name,
        type=col.type,
        watched_since=col.watched_since,
        last_read=col.last_read,
        dates=tuple(dt.date.fromisoformat(d) for d in col.dates),
        coverage=tuple(
            (dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in col.coverage
        ),
        first_level=col.first_level,
    )


def assessment_period(site: MonitoredSite, today: dt.date) -> tuple[dt.date, dt.date]:
    """The round's year, up to today: quarters and periods are judged inside it."""
    year = site.round.year
    return dt.date(year, 1, 1), min(today, dt.date(year + 1, 1, 1))


def evaluate_freshness(
    site: MonitoredSite, run: Run | None, point_in_time: list[Found], now: dt.datetime
) -> Outcome:
    """Freshness from the columns' history, plus the inspector's point-in-time column rules of
    the pass just made (stale and blank columns as seen today)."""
    today = timezone.localdate(now)
    hs = history_site(site)
    found = [
        f
        for f in point_in_time
        if f.check.startswith(POINT_IN_TIME_FRESHNESS) and f.check not in FROM_HISTORY
    ]
    since, until = assessment_period(site, today)
    for col in Column.objects.filter(site=site):
        h = column_history(col)
        if col.is_homepage:
            found += freshness_homepage.check(h, hs, today, now)
        elif col.rule == "quarter":
            found += freshness_quarter.check(h, hs, since, until, now, frozenset({col.type}))
    return record_findings(site, Finding.Source.FRESHNESS, found, run, now)


def crawl_findings(found: list[Found]) -> list[Found]:
    """A full crawl's findings less the freshness and availability ones (the history decides)."""
    return [
        f
        for f in found
        if not f.check.startswith(POINT_IN_TIME_FRESHNESS) and f.check not in FROM_HISTORY
    ]


# -- findings -----------------------------------------------------------------------------------


def _known(owner, source: str) -> tuple[dict[str, Finding], list[Known]]:
    rows = {f.key: f for f in Finding.objects.filter(scope=owner.scope, source=source)}
    known = [
        Known(r.key, r.base, r.last_seen, r.present, r.review == Finding.Review.DISMISSED)
        for r in rows.values()
    ]
    return rows, known


def snapshot_pages(site: MonitoredSite, found: list[Found], now: dt.datetime, limit: int) -> dict:
    """Saved copies of the pages of the findings that will be new (most severe first), fetched
    before the results are stored (outside any transaction: this is network work)."""
    _, known = _known(site, Finding.Source.CRAWL)
    outcome = reconcile(found, known, now)
    pages: dict[str, object] = {}
    for _, f in sorted(outcome.new, key=lambda kf: _SEVERITY_RANK.get(kf[1].severity, 3)):
        page = snapshots.page_of(f)
        if page not in pages and len(pages) < limit:
            pages[page], _ = snapshots.of_page(site, page)
    return pages


def record_findings(
    owner,
    source: str,
    found: list[Found],
    run: Run | None,
    now: dt.datetime,
    pages: dict | None = None,
) -> Outcome:
    """Sort ``found`` against the stored findings of ``owner`` (a site or an account) from the
    same source and store the result in one transaction (see the module docstring); ``pages``
    holds saved copies for new findings, by page."""
    site = owner if isinstance(owner, MonitoredSite) else None
    account = None if site else owner
    with transaction.atomic():
        type(owner).objects.select_for_update().filter(pk=owner.pk).first()  # one writer per owner
        rows, known = _known(owner, source)
        outcome = reconcile(found, known, now)
        verdicts: list[tuple[Finding, str]] = []
        groups = (("new", outcome.new), ("still", outcome.still), ("", outcome.suppressed))
        for status, pairs in groups:
            for key, f in pairs:
                row = rows.get(key)
                if row is None:
                    row = Finding(
                        round_id=owner.round_id,
                        unit_id=owner.unit_id,
                        site=site,
                        account=account,
                        scope=owner.scope,
                        key=key,
                        key_hash=Finding.hash_of(key),
                        base=f.identity(),
                        source=source,
                        first_seen=now,
                    )
                _fill(row, f, now)
                if status == "new" and row.snapshot_id is None and pages:
                    row.snapshot = pages.get(snapshots.page_of(f))
                row.save()
                if status == "new":
                    verdicts.append((row, status))
        gone = [rows[k] for k in outcome.gone]
        Finding.objects.filter(pk__in=[r.pk for r in gone]).update(present=False)
        verdicts += [(r, "gone") for r in gone]
        # New and gone are kept per run; "still present" only as the run's count (run.summary):
        # a row per finding per run would be most of the database (see docs/monitor.md).
        if run is not None:
            RunFinding.objects.bulk_create(
                [RunFinding(run=run, finding=r, status=s) for r, s in verdicts],
                ignore_conflicts=True,
            )
    return outcome


_SEVERITY_RANK = {Severity.VETO: 0, Severity.DEDUCTION: 1, Severity.WARNING: 2}


def _fill(row: Finding, f: Found, now: dt.datetime) -> None:
    row.check_id = f.check[:60]
    row.severity = f.severity.value
    row.url = f.url[:1000]
    row.referrer = (f.referrer or "")[:1000]
    row.title = (f.title or "")[:300]
    row.message = f.message
    row.evidence = f.evidence
    row.data = _jsonable(f.data)
    row.last_seen = now
    row.present = True


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


# -- review -------------------------------------------------------------------------------------


class ReviewError(ValueError):
    """Why a review action cannot be done, in Chinese."""


@dataclass(frozen=True)
class Target:
    """Where a confirmed finding counts: an indicator's fault, or a veto."""

    section: str
    indicator: str
    item: str

    @property
    def value(self) -> str:
        return f"{self.section}|{self.indicator}|{self.item}"

    @staticmethod
    def parse(value: str) -> Target:
        parts = value.split("|")
        if len(parts) != 3 or parts[0] not in (Fact.Section.FINDINGS, Fact.Section.VETOES):
            raise ReviewError("请选择计入的考核指标")
        return Target(*parts)


def finding_dict(f: Finding) -> dict:
    return {"check": f.check_id, "severity": f.severity, "data": f.data, "url": f.url}


def targets(finding: Finding) -> list[tuple[Target, str]]:
    """Every fault (and veto) the finding's unit can be charged with, labelled."""
    return round_targets(finding.round, finding.unit)


def round_targets(rnd, unit=None) -> list[tuple[Target, str]]:
    """Every fault and veto of the round's scheme, labelled; with ``unit``, only those of the
    unit's table that apply to it."""
    index = rnd.scheme.index()
    cu = core_unit(unit) if unit is not None else None
    tables = [index.table_for(cu)] if cu is not None else index.scheme.tables
    out = []
    for table in tables:
        for leaf in index.leaves[table.id]:
            if cu is not None and not index.applies(leaf.id, cu):
                continue
            for fault in leaf.faults:
                label = f"{leaf.id} {leaf.name} — {fault.text}"
                out.append((Target(Fact.Section.FINDINGS, leaf.id, fault.id), label))
    for v in index.scheme.vetoes:
        out.append((Target(Fact.Section.VETOES, "", v.id), f"否决/重大扣分：{v.name}"))
    return out


def bound_target(finding: Finding) -> Target | None:
    """The first binding of the round that matches the finding and applies to its unit."""
    index = finding.round.scheme.index()
    cu = core_unit(finding.unit)
    fd = finding_dict(finding)
    for b in Binding.objects.filter(round=finding.round):
        cb = CheckBinding(
            check=b.check_id,
            indicator=b.indicator_id or None,
            fault=b.fault_id or None,
            veto=b.veto_id or None,
            severity=(b.severity,) if b.severity else (),
        )
        if not cb.matches(fd):
            continue
        if b.veto_id:
            return Target(Fact.Section.VETOES, "", b.veto_id)
        if b.indicator_id in index.nodes and index.applies(b.indicator_id, cu):
            node = index.nodes[b.indicator_id]
            fault = b.fault_id or (node.faults[0].id if len(node.faults) == 1 else "")
            return Target(Fact.Section.FINDINGS, b.indicator_id, fault)
    return None


def confirm(finding: Finding, user, target: Target | None = None) -> Fact:
    """确认: the finding becomes a pending fact of its indicator, with a saved copy of the page
    and the time it was seen. Confirming twice returns the fact made the first time."""
    if finding.fact_id:
        return finding.fact
    rnd = finding.round
    if rnd.locked:
        raise ReviewError("考核结果已审定锁定，不能再计入。")
    target = target or bound_target(finding)
    if target is None:
        raise ReviewError(
            f"检查项“{finding.check_id}”还没有对应的考核指标：请考核办在“检查项与指标”中设置，"
            "或在确认时选择计入的指标。"
        )
    snap = finding.snapshot
    note = ""
    if snap is None:
        if finding.check_id.startswith("availability-") and finding.site_id:
            snap = snapshots.of_text(
                finding.site, finding.url, "可用性探测记录", probe_log(finding.site, finding)
            )
        elif finding.account_id:
            snap = snapshots.of_text(None, finding.url, "政务新媒体更新记录", update_log(finding))
        else:
            snap, note = snapshots.of_page(finding.site, snapshots.page_of(finding))
    seen = timezone.localtime(finding.first_seen)
    last = timezone.localtime(finding.last_seen)
    fact = Fact(
        round=rnd,
        unit=finding.unit,
        section=target.section,
        indicator_id=target.indicator,
        item_id=target.item,
        count=1,
        date=seen.date(),
        source="网上检查",
        note=(
            f"[{finding.check_id}] {finding.message}；页面 {snapshots.page_of(finding)}；"
            f"首次发现 {seen:%Y-%m-%d %H:%M}，最近一次 {last:%Y-%m-%d %H:%M}"
            + (f"；{note}" if note else "")
        )[:2000],
        status=Fact.Status.PENDING,
        origin=f"监测:{finding.pk}",
        created_by=user,
    )
    problems = check_new_fact(rnd.scheme.index(), rnd, fact)
    if problems:
        raise ReviewError("；".join(problems))
    with transaction.atomic():
        if snap is not None:
            fact.evidence = snapshots.to_evidence(snap, finding, target.indicator, user)
            finding.snapshot = snap
        fact.save()
        finding.fact = fact
        finding.review = Finding.Review.CONFIRMED
        finding.reviewed_by, finding.reviewed_at = user, timezone.now()
        finding.save()
        record(
            "monitor.confirm",
            f"{finding.unit.name}：网上检查发现计入 {target.indicator or target.item}（待确认）",
            actor=user,
            round=rnd,
            unit=finding.unit,
            obj=fact,
            after={"finding": finding.pk, "check": finding.check_id, "target": target.value},
        )
    return fact


def dismiss(finding: Finding, user, reason: str) -> None:
    """排除: with a reason; the same finding is not reported again (sticky)."""
    reason = reason.strip()
    if not reason:
        raise ReviewError("排除须写明理由。")
    if finding.round.locked:
        raise ReviewError("考核结果已审定锁定，不能修改。")
    with transaction.atomic():
        before = finding.review
        finding.review = Finding.Review.DISMISSED
        finding.reason = reason[:2000]
        finding.reviewed_by, finding.reviewed_at = user, timezone.now()
        finding.save()
        if finding.fact_id and finding.fact.status == Fact.Status.PENDING:
            finding.fact.status = Fact.Status.DISMISSED
            finding.fact.save(update_fields=["status"])
        record(
            "monitor.dismiss",
            f"{finding.unit.name}：排除网上检查发现（{finding.check_title}）",
            actor=user,
            round=finding.round,
            unit=finding.unit,
            before={"review": before},
            after={"finding": finding.pk, "review": finding.review},
            reason=reason,
        )


def request_review(finding: Finding, user, statement: str) -> None:
    """申请复核: the unit says why the finding is wrong; assessors see it on the review page."""
    statement = statement.strip()
    if not statement:
        raise ReviewError("请写明申请复核的理由。")
    if finding.review == Finding.Review.DISMISSED:
        raise ReviewError("该发现已排除，无需复核。")
    with transaction.atomic():
        finding.unit_request = statement[:3000]
        finding.unit_requested_at = timezone.now()
        finding.save(update_fields=["unit_request", "unit_requested_at"])
        record(
            "monitor.request",
            f"{finding.unit.name}：对网上检查发现申请复核（{finding.check_title}）",
            actor=user,
            round=finding.round,
            unit=finding.unit,
            after={"finding": finding.pk},
            reason=statement[:2000],
        )


def probe_log(site: MonitoredSite, finding: Finding) -> str:
    """The probes behind an availability finding, one per line (its saved evidence)."""
    start = finding.data.get("start")
    since = (
        dt.datetime.combine(
            dt.date.fromisoformat(start), dt.time(), timezone.get_current_timezone()
        )
        if start
        else finding.first_seen - dt.timedelta(days=1)
    )
    rule = availability_week.Rule.from_catalogue()
    lines = [
        f"{site.name} {site.homepage} 可用性探测记录"
        f"（超过（含）{rule.fail_seconds:g} 秒仍打不开记为失败）",
        "时间\t结果\tHTTP状态\t用时（秒）\t说明",
    ]
    for p in probe_records(site, since):
        if p.at > finding.last_seen:
            break
        at = timezone.localtime(p.at)
        lines.append(
            f"{at:%Y-%m-%d %H:%M:%S}\t{'失败' if rule.failed(p) else '正常'}\t"
            f"{p.status}\t{p.elapsed:.2f}\t{p.error or ''}"
        )
    return "\n".join(lines) + "\n"


def update_log(finding: Finding) -> str:
    acc = finding.account
    lines = [f"{acc} 更新记录（{acc.unit.name}）", "日期\t来源"]
    lines += [f"{u.date.isoformat()}\t{u.source}" for u in acc.updates.all()]
    return "\n".join(lines) + "\n"
