"""The audit trail of a round (sentences, filters, .xlsx) and a unit's history page."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from zwgk.web.access import ANY, STAFF, UNIT, Access, access
from zwgk.web.audit.describe import changes, changes_text, person, prefixes_of, sentence
from zwgk.web.audit.forms import AuditFilter
from zwgk.web.audit.models import Event
from zwgk.web.downloads import XLSX, download


def _filtered(request: HttpRequest, acc: Access) -> tuple[AuditFilter, object]:
    """The round's events (and the sign-in events, which belong to no round), filtered."""
    rnd = acc.round
    events = Event.objects.filter(Q(round=rnd) | Q(round__isnull=True)).select_related(
        "actor", "unit"
    )
    actor_ids = Event.objects.filter(round=rnd).values("actor_id").distinct()
    people = sorted(
        (
            (u.pk, f"{person(u)}（{u.username}）")
            for u in get_user_model().objects.filter(pk__in=actor_ids)
        ),
        key=lambda p: p[1],
    )
    form = AuditFilter(
        request.GET or None,
        units=list(rnd.units.values_list("pk", "name")),
        people=people,
    )
    if form.is_valid():
        c = form.cleaned_data
        if c["unit"]:
            events = events.filter(unit_id=c["unit"])
        if c["person"]:
            events = events.filter(actor_id=c["person"])
        if c["kind"]:
            q = Q()
            for prefix in prefixes_of(c["kind"]):
                q |= Q(action__startswith=prefix + ".")
            events = events.filter(q)
        tz = timezone.get_current_timezone()
        if c["since"]:
            events = events.filter(at__gte=dt.datetime.combine(c["since"], dt.time(), tz))
        if c["until"]:
            end = dt.datetime.combine(c["until"] + dt.timedelta(days=1), dt.time(), tz)
            events = events.filter(at__lt=end)
    return form, events


@login_required
def audit(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    form, events = _filtered(request, acc)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    rows = [{"e": e, "sentence": sentence(e), "changes": changes(e)} for e in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/audit.html",
        {"acc": acc, "page": page, "rows": rows, "form": form, "query": query.urlencode()},
    )


@login_required
def audit_xlsx(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    _, events = _filtered(request, acc)
    wb = Workbook()
    ws = wb.active
    ws.title = "审计记录"
    ws.append(["时间", "操作人", "账号", "单位", "事项", "改动", "理由"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for e in events.iterator(chunk_size=500):
        ws.append(
            [
                timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
                person(e.actor),
                e.actor.username if e.actor else "",
                e.unit.name if e.unit else "",
                sentence(e),
                changes_text(e),
                e.reason,
            ]
        )
    for col, width in zip("ABCDEFG", (20, 14, 14, 20, 60, 50, 30), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row[4:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return download(buf.getvalue(), f"{acc.round.name}-审计记录.xlsx", XLSX)


@login_required
def history(request: HttpRequest, round_id: int, unit_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    unit = acc.unit_or_404(unit_id)
    events = (
        Event.objects.filter(round=acc.round, unit=unit)
        .select_related("actor")
        .order_by("at", "id")
    )
    if acc.role == UNIT and not acc.round.results_visible_to_units:
        # Before results are shown to units, the assessors' working records stay internal.
        events = events.exclude(action__startswith="fact.").exclude(action__startswith="facts.")
    rows = [{"e": e, "sentence": sentence(e), "changes": changes(e)} for e in events]
    return render(request, "audit/history.html", {"acc": acc, "unit": unit, "rows": rows})
