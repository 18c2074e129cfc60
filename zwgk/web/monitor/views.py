"""网站监测 pages: the sites and their schedules, each site's history (Lighthouse-like page with
charts and the run in progress), the review of findings, the bindings to indicators and the
政务新媒体 register. Every view asks ``zwgk.web.access`` who may do what."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.inspect.checks.freshness import TYPE_ZH
from zwgk.inspect.model import Severity
from zwgk.monitor import catalogue
from zwgk.monitor.availability_week import Rule
from zwgk.web.access import ADMIN, ANY, ASSESSOR, STAFF, UNIT, Access, access
from zwgk.web.audit.models import record
from zwgk.web.monitor import charts, dispatch, newmedia, services
from zwgk.web.monitor.forms import (
    AccountForm,
    BindingForm,
    DismissForm,
    ImportForm,
    RequestForm,
    SiteForm,
    UpdatesForm,
)
from zwgk.web.monitor.models import (
    Binding,
    Column,
    Finding,
    MonitoredSite,
    NewMediaAccount,
    NewMediaUpdate,
    Probe,
    Run,
    RunFinding,
    Snapshot,
)
from zwgk.web.uploads import path_of, refused_upload, uploaded_path

RECORDERS = (ADMIN, ASSESSOR)
FAMILIES = {
    "availability": "可用性",
    "freshness": "更新",
    "links": "链接",
    "privacy": "隐私",
    "wording": "表述",
    "elements": "要素",
    "annual": "年报",
    "newmedia": "政务新媒体",
}
SEVERITY_CLASS = {"veto": "bad", "deduction": "pending", "warning": ""}


def family_of(check_id: str) -> str:
    return check_id.split("-", 1)[0]


def _site(acc: Access, site_id: int) -> MonitoredSite:
    site = get_object_or_404(
        MonitoredSite.objects.select_related("unit", "round"), pk=site_id, round=acc.round
    )
    acc.unit_or_404(site.unit_id)
    return site


def _finding(acc: Access, finding_id: int) -> Finding:
    f = get_object_or_404(
        Finding.objects.select_related("unit", "site", "account", "round", "fact", "snapshot"),
        pk=finding_id,
        round=acc.round,
    )
    acc.unit_or_404(f.unit_id)
    return f


def _account(acc: Access, account_id: int) -> NewMediaAccount:
    a = get_object_or_404(
        NewMediaAccount.objects.select_related("unit", "round"), pk=account_id, round=acc.round
    )
    acc.unit_or_404(a.unit_id)
    return a


def _own(acc: Access, qs):
    return qs.filter(unit=acc.unit) if acc.role == UNIT else qs


def _week_figures(sites: list[MonitoredSite], now: dt.datetime) -> dict[int, tuple[int, int]]:
    rule = Rule.from_catalogue()
    since = now - dt.timedelta(days=7)
    failed = Q(ok=False) | Q(elapsed__gte=rule.fail_seconds)
    rows = (
        Probe.objects.filter(site__in=sites, at__gte=since)
        .values("site_id")
        .annotate(n=Count("id"), f=Count("id", filter=failed))
    )
    return {r["site_id"]: (r["n"], r["f"]) for r in rows}


@login_required
def home(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    sites = list(_own(acc, MonitoredSite.objects.filter(round=acc.round)).select_related("unit"))
    now = timezone.now()
    week = _week_figures(sites, now)
    open_counts: dict[int, Counter] = defaultdict(Counter)
    for row in (
        Finding.objects.filter(site__in=sites, present=True)
        .exclude(review=Finding.Review.DISMISSED)
        .values("site_id", "severity")
        .annotate(n=Count("id"))
    ):
        open_counts[row["site_id"]][row["severity"]] = row["n"]
    latest: dict[int, Run] = {}
    newest = Run.objects.filter(site=OuterRef("site")).order_by("-slot", "-id").values("pk")[:1]
    for run in Run.objects.filter(site__in=sites, pk=Subquery(newest)):
        latest[run.site_id] = run
    vetoed = set(
        Finding.objects.filter(
            site__in=sites, check_id="availability-week", present=True
        ).values_list("site_id", flat=True)
    )
    rows = []
    for s in sites:
        n, f = week.get(s.pk, (0, 0))
        rows.append(
            {
                "site": s,
                "probes": n,
                "availability": round(100 * (n - f) / n, 2) if n else None,
                "veto": s.pk in vetoed,
                "open": open_counts[s.pk],
                "run": latest.get(s.pk),
            }
        )
    pending = (
        _own(acc, Finding.objects.filter(round=acc.round, review=Finding.Review.NEW))
        .exclude(severity=Severity.WARNING)
        .count()
    )
    accounts = _own(acc, NewMediaAccount.objects.filter(round=acc.round)).count()
    return render(
        request,
        "monitor/home.html",
        {"acc": acc, "rows": rows, "pending": pending, "accounts": accounts},
    )


@login_required
def site_new(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    form = SiteForm(request.POST or None, round=acc.round)
    if request.method == "POST" and form.is_valid():
        site = form.apply(MonitoredSite(round=acc.round, created_by=request.user))
        with transaction.atomic():
            site.save()
            record(
                "monitor.site",
                f"登记监测网站：{site.unit.name} {site.name} {site.homepage}",
                actor=request.user,
                round=acc.round,
                unit=site.unit,
                obj=site,
                after=form.initial_for(site) | {"unit": site.unit.name},
            )
        dispatch.run_now(site, Run.Kind.CRAWL, request.user)  # the first look, at once
        messages.success(request, f"已登记 {site.name}，首次全面检查已开始，之后按计划监测。")
        return redirect("monitor_site", acc.round.pk, site.pk)
    return render(request, "monitor/site_form.html", {"acc": acc, "form": form, "site": None})


@login_required
def site_edit(request: HttpRequest, round_id: int, site_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    site = _site(acc, site_id)
    before = SiteForm.initial_for(site)
    form = SiteForm(
        request.POST or None, round=acc.round, site=site, initial=None if request.POST else before
    )
    if request.method == "POST" and form.is_valid():
        form.apply(site)
        with transaction.atomic():
            site.save()
            record(
                "monitor.site",
                f"修改监测网站：{site.name}",
                actor=request.user,
                round=acc.round,
                unit=site.unit,
                obj=site,
                before={k: str(v) for k, v in before.items()},
                after={k: str(v) for k, v in SiteForm.initial_for(site).items()},
            )
        messages.success(request, "已保存。")
        return redirect("monitor_site", acc.round.pk, site.pk)
    return render(request, "monitor/site_form.html", {"acc": acc, "form": form, "site": site})


def _daily(site: MonitoredSite, days: int, now: dt.datetime) -> list[tuple[dt.date, int, int]]:
    rule = Rule.from_catalogue()
    today = timezone.localdate(now)
    start = today - dt.timedelta(days=days - 1)
    counts: dict[dt.date, list[int]] = {start + dt.timedelta(days=i): [0, 0] for i in range(days)}
    since = timezone.make_aware(dt.datetime.combine(start, dt.time()))
    for p in services.probe_records(site, since):
        day = timezone.localtime(p.at).date()
        if day in counts:
            counts[day][0] += 1
            counts[day][1] += rule.failed(p)
    return [(d, n, f) for d, (n, f) in counts.items()]


def _share(days: list[tuple[dt.date, int, int]]) -> float | None:
    n = sum(d[1] for d in days)
    f = sum(d[2] for d in days)
    return round(100 * (n - f) / n, 2) if n else None


def run_counts(run: Run) -> dict[str, int]:
    """New, still present and gone findings of a run (its own and the freshness evaluation's)."""
    s = run.summary or {}
    return {k: s.get(k, 0) + s.get(f"fresh_{k}", 0) for k in ("new", "still", "gone")}


def _live_context(acc: Access, site: MonitoredSite) -> dict:
    active = list(
        site.runs.filter(state__in=(Run.State.QUEUED, Run.State.RUNNING)).order_by("slot")[:5]
    )
    last = site.runs.filter(state__in=(Run.State.DONE, Run.State.FAILED)).first()
    waiting = [
        r for r in active
        if r.state == Run.State.QUEUED and timezone.now() - r.queued_at > dt.timedelta(minutes=2)
    ]  # fmt: skip
    return {
        "acc": acc,
        "site": site,
        "active": active,
        "last": last,
        "stuck": bool(waiting) and not dispatch.broker(),
        "can_run": acc.role in RECORDERS and not acc.round.locked,
    }


@login_required
def site_page(request: HttpRequest, round_id: int, site_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    site = _site(acc, site_id)
    now = timezone.now()
    rule = Rule.from_catalogue()
    days30 = _daily(site, 30, now)
    days7 = days30[-8:-1]  # the last complete week
    columns = list(site.watched.all())
    today = timezone.localdate(now)
    ruled = [c for c in columns if c.rule and not c.is_homepage and c.last_read]
    stale = [
        c
        for c in ruled
        if c.rule.isdigit() and (c.latest is None or (today - c.latest).days > int(c.rule))
    ]
    fresh_share = round(100 * (len(ruled) - len(stale)) / len(ruled), 1) if ruled else None
    home = next((c for c in columns if c.is_homepage), None)
    series: dict[str, list] = {}
    shown = [
        c for c in columns if c.is_homepage or c.type in ("dynamic", "notice", "policy", "key_area")
    ][:12]
    for ch in Column.objects.filter(pk__in=[c.pk for c in shown]).prefetch_related("changes"):
        series[ch.name] = [(timezone.localtime(x.at), x.latest) for x in ch.changes.all()]
        if ch.last_read:
            series[ch.name].append((timezone.localtime(now), ch.latest))
    runs = list(site.runs.all()[:20])
    run_rows = [(r, run_counts(r)) for r in runs]
    chart_runs = [
        (timezone.localtime(r.slot).strftime("%m-%d %H:%M"), v["new"], v["still"], v["gone"])
        for r, v in reversed(run_rows)
        if r.state == Run.State.DONE
    ]
    findings = list(
        site.findings.filter(
            Q(present=True) | Q(last_seen__gte=now - dt.timedelta(days=30))
        ).order_by("-present", "severity", "check_id", "-last_seen")[:300]
    )
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[family_of(f.check_id)].append(f)
    counts = Counter(
        f.severity for f in findings if f.present and f.review != Finding.Review.DISMISSED
    )
    week_veto = site.findings.filter(check_id="availability-week", present=True).first()
    down = site.findings.filter(check_id="availability-down", present=True).first()
    return render(
        request,
        "monitor/site.html",
        {
            **_live_context(acc, site),
            "a7": _share(days7),
            "a30": _share(days30[:-1]),
            "probes7": sum(d[1] for d in days7),
            "short_days": [d for d in days7 if d[1] < rule.min_probes_per_day],
            "rule": rule,
            "home": home,
            "home_days": (today - home.latest).days if home and home.latest else None,
            "columns": [
                (c, TYPE_ZH.get(c.type, c.type), (today - c.latest).days if c.latest else None)
                for c in columns
            ],
            "stale": {c.pk for c in stale},
            "today": today,
            "run_rows": run_rows,
            "groups": [(FAMILIES.get(k, k), v) for k, v in sorted(groups.items())],
            "counts": counts,
            "week_veto": week_veto,
            "down": down,
            "charts": {
                "gauge_a": charts.gauge(
                    "近7日可用率", _share(days7), 100 * (1 - float(rule.veto_rate)), 99
                ),
                "gauge_f": charts.gauge("栏目按时更新", fresh_share, 60, 90),
                "availability": charts.availability(days30, float(rule.veto_rate)),
                "columns": charts.column_dates(series),
                "runs": charts.runs(chart_runs),
            },
        },
    )


@login_required
def site_live(request: HttpRequest, round_id: int, site_id: int) -> HttpResponse:
    """The run in progress (htmx polls this while a run is queued or running)."""
    acc = access(request, round_id, ANY)
    site = _site(acc, site_id)
    return render(request, "monitor/_live.html", _live_context(acc, site))


@login_required
@require_POST
def site_run(request: HttpRequest, round_id: int, site_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    site = _site(acc, site_id)
    kind = request.POST.get("kind", "")
    if acc.round.locked:
        messages.error(request, "考核结果已审定锁定，不再检查。")
    elif kind not in Run.Kind.values:
        messages.error(request, "请选择检查类型。")
    elif site.runs.filter(kind=kind, state__in=(Run.State.QUEUED, Run.State.RUNNING)).exists():
        messages.warning(request, "该网站已有同类检查在进行中。")
    elif dispatch.run_now(site, kind, request.user) is None:
        messages.warning(request, "刚刚已经开始过一次，请稍候。")
    if request.headers.get("HX-Request"):
        return render(request, "monitor/_live.html", _live_context(acc, site))
    return redirect("monitor_site", acc.round.pk, site.pk)


@login_required
def run_page(request: HttpRequest, round_id: int, run_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    run = get_object_or_404(
        Run.objects.select_related("site", "site__unit"), pk=run_id, site__round=acc.round
    )
    acc.unit_or_404(run.site.unit_id)
    verdicts = defaultdict(list)
    for v in run.verdicts.select_related("finding").order_by(
        "finding__severity", "finding__check_id"
    ):
        verdicts[v.status].append(v.finding)
    return render(
        request,
        "monitor/run.html",
        {
            "acc": acc,
            "run": run,
            "site": run.site,
            "counts": run_counts(run),
            "sections": [(RunFinding.Status(s).label, verdicts[s]) for s in ("new", "gone")],
        },
    )


def _review_row(acc: Access, f: Finding) -> dict:
    bound = services.bound_target(f) if f.review == Finding.Review.NEW else None
    return {
        "f": f,
        "bound": bound,
        "targets": services.targets(f)
        if acc.role in RECORDERS and f.review == Finding.Review.NEW
        else [],
        "dismiss": DismissForm(prefix=f"d{f.pk}"),
    }


@login_required
def review(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    qs = Finding.objects.filter(round=acc.round).select_related(
        "unit", "site", "account", "fact", "snapshot"
    )
    state = request.GET.get("state", "new")
    if state == "requested":
        qs = qs.exclude(unit_request="").filter(review=Finding.Review.NEW)
    elif state in Finding.Review.values:
        qs = qs.filter(review=state)
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        qs = qs.filter(unit_id=int(unit))
    family = request.GET.get("family", "")
    if family in FAMILIES:
        qs = qs.filter(check_id__startswith=family)
    severity = request.GET.get("severity", "" if state != "new" else "counted")
    if severity == "counted":
        qs = qs.exclude(severity=Severity.WARNING)
    elif severity in Severity.__members__.values():
        qs = qs.filter(severity=severity)
    qs = qs.order_by("-present", "unit__unit_class", "unit_id", "severity", "-last_seen")
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "monitor/review.html",
        {
            "acc": acc,
            "rows": [_review_row(acc, f) for f in page],
            "page": page,
            "state": state,
            "unit": unit,
            "family": family,
            "severity": severity,
            "units": acc.round.units.all(),
            "families": FAMILIES,
            "query": request.GET.urlencode(),
        },
    )


def _safe_next(request: HttpRequest, acc: Access) -> str:
    nxt = request.POST.get("next", "")
    return nxt if nxt.startswith(f"/r/{acc.round.pk}/monitor/") else ""


@login_required
@require_POST
def finding_confirm(request: HttpRequest, round_id: int, finding_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    f = _finding(acc, finding_id)
    try:
        target = (
            services.Target.parse(request.POST["target"]) if request.POST.get("target") else None
        )
        fact = services.confirm(f, request.user, target)
    except services.ReviewError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"已计入 {fact.indicator_id or fact.item_id}（待确认记录#{fact.pk}），请在考核评分中确认计分。",
        )
        if fact.evidence_id is None:  # the page could not be read now: no copy, say so
            messages.warning(
                request,
                f"待确认记录#{fact.pk}没有页面副本：确认时未能读取该页面（原因已写入记录说明），"
                "请另行核实页面并留存证据后再确认计分。",
            )
    return _back(request, acc, f)


@login_required
@require_POST
def finding_dismiss(request: HttpRequest, round_id: int, finding_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    f = _finding(acc, finding_id)
    form = DismissForm(request.POST, prefix=f"d{f.pk}")
    if not form.is_valid():
        messages.error(request, "排除须写明理由。")
    else:
        try:
            services.dismiss(f, request.user, form.cleaned_data["reason"])
        except services.ReviewError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "已排除，同一问题今后不再报告。")
    return _back(request, acc, f)


@login_required
@require_POST
def finding_request(request: HttpRequest, round_id: int, finding_id: int) -> HttpResponse:
    acc = access(request, round_id, (UNIT,))
    f = _finding(acc, finding_id)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请写明申请复核的理由（不超过 3000 字）。")
    else:
        try:
            services.request_review(f, request.user, form.cleaned_data["statement"])
        except services.ReviewError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "已提交复核申请，考核小组审核后会处理。")
    return redirect("monitor_finding", acc.round.pk, f.pk)


def _back(request: HttpRequest, acc: Access, f: Finding) -> HttpResponse:
    if request.headers.get("HX-Request"):
        row = _review_row(acc, _finding(acc, f.pk))
        notes = list(messages.get_messages(request))  # shown in the row, not on the next page
        return render(request, "monitor/_review_row.html", {"acc": acc, "row": row, "notes": notes})
    nxt = _safe_next(request, acc)
    return redirect(nxt) if nxt else redirect("monitor_finding", acc.round.pk, f.pk)


@login_required
def finding_page(request: HttpRequest, round_id: int, finding_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    f = _finding(acc, finding_id)
    history = f.verdicts.select_related("run").order_by("-run__slot")[:30]
    return render(
        request,
        "monitor/finding.html",
        {
            "acc": acc,
            "row": _review_row(acc, f),
            "f": f,
            "history": history,
            "request_form": RequestForm(),
            "title": catalogue.title(f.check_id),
        },
    )


@login_required
def snapshot_file(request: HttpRequest, round_id: int, snapshot_id: int) -> FileResponse:
    acc = access(request, round_id, ANY)
    snap = get_object_or_404(Snapshot, pk=snapshot_id)
    f = Finding.objects.filter(snapshot=snap, round=acc.round).first()
    if f is None:
        raise Http404
    acc.unit_or_404(f.unit_id)
    try:
        fh = open(path_of(snap.stored_name), "rb")  # noqa: SIM115 — FileResponse closes it
    except (OSError, ValueError):
        raise Http404 from None
    return FileResponse(fh, as_attachment=True, filename=snap.name)


def _check_choices() -> list[tuple[str, str]]:
    """The checks a binding can name: families first, then every check of the catalogue that
    can produce a monitor finding."""
    entries = [e for e in catalogue.ids() if e not in services.FROM_HISTORY]
    fams = sorted({family_of(e) for e in entries})
    return [(f, f"{FAMILIES.get(f, f)}（整类）") for f in fams] + [
        (e, f"{e} {catalogue.title(e)}") for e in entries
    ]


@login_required
def bindings(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    targets = [("", "请选择")] + [
        (t.value, label) for t, label in services.round_targets(acc.round)
    ]
    form = BindingForm(request.POST or None, checks=_check_choices(), targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            t = services.Target.parse(form.cleaned_data["target"])
        except services.ReviewError as exc:
            form.add_error("target", str(exc))
        else:
            with transaction.atomic():
                b = Binding.objects.create(
                    round=acc.round,
                    check_id=form.cleaned_data["check_id"],
                    severity=form.cleaned_data["severity"],
                    indicator_id=t.indicator,
                    fault_id=t.item if t.section == "findings" else "",
                    veto_id=t.item if t.section == "vetoes" else "",
                    position=Binding.objects.filter(round=acc.round).count(),
                )
                record(
                    "monitor.binding",
                    f"检查项 {b.check_id} 计入 {t.indicator or t.item}",
                    actor=request.user,
                    round=acc.round,
                    obj=b,
                )
            messages.success(request, "已添加。")
            return redirect("monitor_bindings", acc.round.pk)
    labels = dict(targets)
    rows = [
        (
            b,
            labels.get(
                f"{'vetoes' if b.veto_id else 'findings'}|{b.indicator_id}|{b.veto_id or b.fault_id}",
                "（方案中已没有这个指标）",
            ),
        )
        for b in Binding.objects.filter(round=acc.round)
    ]
    return render(request, "monitor/bindings.html", {"acc": acc, "form": form, "rows": rows})


@login_required
@require_POST
def binding_delete(request: HttpRequest, round_id: int, binding_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    b = get_object_or_404(Binding, pk=binding_id, round=acc.round)
    with transaction.atomic():
        record(
            "monitor.binding",
            f"删除检查项对应：{b.check_id}",
            actor=request.user,
            round=acc.round,
            before={"check": b.check_id, "indicator": b.indicator_id},
        )
        b.delete()
    messages.success(request, "已删除。")
    return redirect("monitor_bindings", acc.round.pk)


# -- 政务新媒体 ------------------------------------------------------------------------------------


@login_required
def newmedia_home(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    can = acc.role in RECORDERS and not acc.round.locked
    form = AccountForm(request.POST or None, round=acc.round) if can else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            with transaction.atomic():
                a = form.save()
                record(
                    "newmedia.account",
                    f"登记政务新媒体：{a.unit.name} {a}",
                    actor=request.user,
                    round=acc.round,
                    unit=a.unit,
                    obj=a,
                )
            newmedia.evaluate(a)
            messages.success(request, f"已登记 {a}。")
            return redirect("monitor_account", acc.round.pk, a.pk)
    accounts = list(
        _own(acc, NewMediaAccount.objects.filter(round=acc.round))
        .select_related("unit")
        .annotate(n=Count("updates"))
    )
    last = dict(
        NewMediaUpdate.objects.filter(account__in=accounts)
        .values("account_id")
        .annotate(m=Count("id"))
        .values_list("account_id", "m")
    )
    latest = {}
    for u in NewMediaUpdate.objects.filter(account__in=accounts).order_by("account_id", "-date"):
        latest.setdefault(u.account_id, u.date)
    open_counts = Counter(
        Finding.objects.filter(account__in=accounts, present=True)
        .exclude(review=Finding.Review.DISMISSED)
        .values_list("account_id", flat=True)
    )
    rows = [
        {"a": a, "latest": latest.get(a.pk), "open": open_counts[a.pk], "n": last.get(a.pk, 0)}
        for a in accounts
    ]
    return render(
        request,
        "monitor/newmedia.html",
        {"acc": acc, "rows": rows, "form": form, "import_form": ImportForm() if can else None},
    )


@login_required
@require_POST
def newmedia_import(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    if acc.round.locked:
        messages.error(request, "考核结果已审定锁定。")
        return redirect("monitor_newmedia", acc.round.pk)
    refused = refused_upload(request)
    form = ImportForm(request.POST, request.FILES)
    if refused or not form.is_valid():
        messages.error(
            request, refused or "；".join(e for errs in form.errors.values() for e in errs)
        )
        return redirect("monitor_newmedia", acc.round.pk)
    upload = form.cleaned_data["file"]
    name = Path(upload.name).name
    with uploaded_path(upload) as path:
        try:
            got = newmedia.import_sheet(
                acc.round, path, name, form.cleaned_data["month"], request.user
            )
        except newmedia.SheetError as exc:
            for p in exc.problems[:30]:
                messages.error(request, f"{name} {p}")
            messages.error(request, "文件未导入，已有记录没有任何改动。")
            return redirect("monitor_newmedia", acc.round.pk)
    messages.success(
        request,
        f"已从 {name} 导入 {len(got.accounts)} 个账号（新登记 {got.accounts_new} 个）的 {got.dates} 个更新日期。",
    )
    return redirect("monitor_newmedia", acc.round.pk)


@login_required
def newmedia_account(request: HttpRequest, round_id: int, account_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    a = _account(acc, account_id)
    can = acc.role in RECORDERS and not acc.round.locked
    form = UpdatesForm(request.POST or None) if can else None
    edit = (
        AccountForm(request.POST or None, instance=a, round=acc.round, prefix="e") if can else None
    )
    if request.method == "POST":
        if not can:
            raise Http404
        if "dates" in request.POST and form.is_valid():
            n = newmedia.add_updates(a, form.cleaned_data["dates"], "手工登记")
            newmedia.evaluate(a)
            messages.success(request, f"已登记 {n} 个更新日期。")
            return redirect("monitor_account", acc.round.pk, a.pk)
        if "remove" in request.POST:
            NewMediaUpdate.objects.filter(account=a, pk=request.POST.get("remove") or 0).delete()
            newmedia.evaluate(a)
            return redirect("monitor_account", acc.round.pk, a.pk)
        if "e-name" in request.POST and edit.is_valid():
            edit.save()
            newmedia.evaluate(a)
            messages.success(request, "已保存。")
            return redirect("monitor_account", acc.round.pk, a.pk)
    return render(
        request,
        "monitor/account.html",
        {
            "acc": acc,
            "a": a,
            "updates": a.updates.all(),
            "findings": a.findings.order_by("-present", "-last_seen")[:100],
            "form": form,
            "edit": edit,
        },
    )
