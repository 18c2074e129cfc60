"""The audit log of a round and a unit's history page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zwgk.web.access import ANY, STAFF, UNIT, access
from zwgk.web.audit.models import Event


@login_required
def audit(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    page = Paginator(
        Event.objects.filter(round=acc.round).select_related("actor", "unit"), 100
    ).get_page(request.GET.get("page"))
    return render(request, "audit/audit.html", {"acc": acc, "page": page})


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
    return render(request, "audit/history.html", {"acc": acc, "unit": unit, "events": events})
