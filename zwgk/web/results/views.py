"""Results: ranking by class with grades and ties, the per-unit 评分表, exports, charts."""

from __future__ import annotations

import io
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from zwgk.report.bulletin import main_problems, write_bulletin
from zwgk.report.explain import explain_unit
from zwgk.report.results import write_xlsx
from zwgk.rubric import fmt, node_max
from zwgk.web.access import ANY, STAFF, UNIT, Access, access
from zwgk.web.audit.models import record
from zwgk.web.desk.models import Fact, Objection
from zwgk.web.desk.scoring import class_averages, derived, round_result
from zwgk.web.downloads import DOCX, XLSX, download
from zwgk.web.memo import Memo
from zwgk.web.portal.models import Evidence
from zwgk.web.uploads import UploadRefused, refused_upload

_navs: Memo[str] = Memo(1000)


def _roundnav(acc: Access) -> str:
    """The round's tab bar (_roundnav.html), rendered once per process for each round, role, unit
    and results visibility: it holds nothing else (only links), and its dozen URL reversals were
    a tenth of these pages' time."""
    rnd = acc.round
    key = (
        get_script_prefix(),
        rnd.pk,
        acc.role,
        acc.unit and acc.unit.pk,
        rnd.results_visible_to_units,
    )
    return _navs.get(key, lambda: render_to_string("_roundnav.html", {"acc": acc}))


def _f(value: Decimal) -> float:
    return float(value)


def _grade_chart(result, grade_names: list[str]) -> dict:
    classes = [name for cid, name in result.classes if result.in_class(cid)]
    series = []
    for g in grade_names:
        series.append(
            {
                "name": g,
                "type": "bar",
                "stack": "g",
                "label": {"show": True},
                "data": [
                    sum(1 for u in result.in_class(cid) if u.grade == g)
                    for cid, _ in result.classes
                    if result.in_class(cid)
                ],
            }
        )
    return {
        "title": {"text": "等次分布", "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"bottom": 0},
        "color": ["#1b7f3b", "#1f5fbf", "#b26a00", "#b3241b", "#888"],
        "xAxis": {"type": "category", "data": classes},
        "yAxis": {"type": "value", "name": "单位数", "minInterval": 1},
        "series": series,
    }


def _section_chart(result, index, class_id: str, class_name: str) -> dict:
    table = index.table_of_class[class_id]
    avgs = class_averages(result, class_id)
    names = [s.name for s in table.sections]
    return {
        "title": {
            "text": f"{class_name}：各部分平均得分率",
            "left": "center",
            "textStyle": {"fontSize": 14},
        },
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 140, "right": 30},
        "xAxis": {"type": "value", "max": 100, "name": "%"},
        "yAxis": {"type": "category", "data": names, "inverse": True},
        "series": [
            {
                "type": "bar",
                "color": "#b3241b",
                "label": {"show": True, "position": "right"},
                "data": [
                    round(_f(avgs.get(s.id, Decimal(0)) / node_max(s) * 100), 1)
                    if node_max(s)
                    else 0
                    for s in table.sections
                ],
            }
        ],
    }


@login_required
def ranking(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    rnd = acc.round
    index = rnd.scheme.index()
    result, problems = round_result(rnd, fresh=True)

    def compute():
        charts = {"grades": _grade_chart(result, [g.name for g in index.scheme.grades])}
        classes = []
        for cid, cname in result.classes:
            members = result.in_class(cid)
            if not members:
                continue
            charts[f"sections-{cid}"] = _section_chart(result, index, cid, cname)
            classes.append(
                {
                    "id": cid,
                    "name": cname,
                    "units": members,
                    "problems": main_problems(result, cid, 5),
                }
            )
        return charts, classes, dict(rnd.units.values_list("name", "id"))

    charts, classes, unit_ids = derived(rnd, "ranking", compute)
    return render(
        request,
        "results/ranking.html",
        {
            "acc": acc,
            "roundnav": _roundnav(acc),
            "result": result,
            "classes": classes,
            "charts": charts,
            "unit_ids": unit_ids,
            "problems": problems,
        },
    )


def _sheet_access(request: HttpRequest, round_id: int, unit_id: int) -> tuple[Access, object]:
    acc = access(request, round_id, ANY)
    unit = acc.unit_or_404(unit_id)
    if acc.role == UNIT and not acc.round.results_visible_to_units:
        raise PermissionDenied("本单位的评分表在考核办公示初步结果后才能查看。")
    return acc, unit


@login_required
def sheet(request: HttpRequest, round_id: int, unit_id: int) -> HttpResponse:
    """A unit's 评分表: every indicator, its score, and every point lost or gained with its reason."""
    acc, unit = _sheet_access(request, round_id, unit_id)
    rnd = acc.round
    index = rnd.scheme.index()
    result, _ = round_result(rnd, fresh=True)
    ur = result.unit(unit.name)

    def compute():
        rows = []

        def walk(nodes, depth):
            for n in nodes:
                if n.status.value == "out_of_scope":
                    continue
                rows.append((n, depth))
                walk(n.children, depth + 1)

        walk(ur.sections, 0)
        avgs = derived(rnd, f"avg:{ur.unit_class}", lambda: class_averages(result, ur.unit_class))
        chart = {
            "title": {
                "text": "各部分得分与同类平均",
                "left": "center",
                "textStyle": {"fontSize": 14},
            },
            "tooltip": {"trigger": "axis"},
            "legend": {"bottom": 0},
            "grid": {"left": 140, "right": 30},
            "xAxis": {"type": "value"},
            "yAxis": {"type": "category", "data": [s.name for s in ur.sections], "inverse": True},
            "series": [
                {
                    "name": unit.name,
                    "type": "bar",
                    "color": "#b3241b",
                    "data": [_f(s.earned + s.bonus) for s in ur.sections],
                },
                {
                    "name": "同类平均",
                    "type": "bar",
                    "color": "#9aa4b1",
                    "data": [round(_f(avgs.get(s.id, Decimal(0))), 2) for s in ur.sections],
                },
            ],
        }
        # the facts behind the lines, by the ref the core was given (desk.scoring.fact_row)
        fact_ids = {
            ln.ref: int(ln.ref.removeprefix("记录#"))
            for n in ur.nodes()
            for ln in n.lines
            if ln.ref and ln.ref.startswith("记录#") and ln.ref[3:].isdigit()
        }
        peers = len(result.in_class(ur.unit_class))
        return rows, chart, explain_unit(result, ur), peers, fact_ids

    rows, chart, explanation, peers, fact_ids = derived(rnd, f"sheet:{unit.pk}", compute)
    objection_list = derived(  # every objection saved moves the round's revision
        rnd,
        f"objections:{unit.pk}",
        lambda: list(
            Objection.objects.filter(unit=unit).select_related("fact").order_by("created_at")
        ),
    )
    my_objections = {o.fact_id: o for o in objection_list}
    return render(
        request,
        "results/sheet.html",
        {
            "acc": acc,
            "roundnav": _roundnav(acc),
            "unit": unit,
            "ur": ur,
            "rows": rows,
            "peers": peers,
            "chart": chart,
            "explain": explanation,
            "fact_ids": fact_ids,
            "objections": my_objections,
            "objection_list": objection_list,
            "can_object": acc.role == UNIT and rnd.objections_open(),
            "class_name": dict(result.classes).get(ur.unit_class, ur.unit_class),
            "scheme": index.scheme,
        },
    )


@login_required
@require_POST
def objection_new(request: HttpRequest, round_id: int, fact_id: int) -> HttpResponse:
    acc = access(request, round_id, (UNIT,))
    fact = get_object_or_404(Fact, pk=fact_id, unit=acc.unit)
    rnd = acc.round
    if not rnd.objections_open():
        messages.error(request, "现在不在异议期内，不能提出异议。")
        return redirect("sheet", rnd.pk, acc.unit.pk)
    statement = request.POST.get("statement", "").strip()[:5000]
    if not statement:
        messages.error(request, "请写明异议理由。")
        return redirect("sheet", rnd.pk, acc.unit.pk)
    refused = refused_upload(request)
    if refused:
        messages.error(request, refused)
        return redirect("sheet", rnd.pk, acc.unit.pk)
    evidence = None
    upload = request.FILES.get("file")
    with transaction.atomic():
        if upload is not None:
            try:
                evidence = Evidence.receive(
                    upload,
                    round=rnd,
                    unit=acc.unit,
                    user=request.user,
                    indicator_id=fact.indicator_id,
                    purpose="objection",
                )
            except UploadRefused as exc:
                messages.error(request, str(exc))
                return redirect("sheet", rnd.pk, acc.unit.pk)
        obj = Objection.objects.create(
            round=rnd,
            unit=acc.unit,
            fact=fact,
            statement=statement,
            evidence=evidence,
            created_by=request.user,
        )
        record(
            "objection.new",
            f"对 {acc.unit.name} {fact.indicator_id} 的{fact.get_section_display()}记录提出异议",
            actor=request.user,
            round=rnd,
            unit=acc.unit,
            obj=obj,
            after={"statement": statement, "fact": fact.pk},
        )
    messages.success(request, "异议已提交，考核小组答复后会在此显示。")
    return redirect("sheet", rnd.pk, acc.unit.pk)


@login_required
def ranking_xlsx(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    result, _ = round_result(acc.round)
    buf = io.BytesIO()
    write_xlsx(result, buf)
    return download(buf.getvalue(), f"{acc.round.name}-考核结果.xlsx", XLSX)


@login_required
def bulletin_docx(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    rnd = acc.round
    result, _ = round_result(rnd)
    grades = [g.name for g in rnd.scheme.index().scheme.grades]
    buf = io.BytesIO()
    status = "" if rnd.status == rnd.Status.PUBLISHED else "（征求意见稿）"
    write_bulletin(result, buf, f"关于{rnd.year}年度政务公开工作考核结果的通报{status}", grades)
    return download(buf.getvalue(), f"{rnd.name}-通报.docx", DOCX)


@login_required
def sheet_xlsx(request: HttpRequest, round_id: int, unit_id: int) -> HttpResponse:
    acc, unit = _sheet_access(request, round_id, unit_id)
    result, _ = round_result(acc.round)
    ur = result.unit(unit.name)
    wb = Workbook()
    ws = wb.active
    ws.title = "评分表"
    ws.append([f"{unit.name} {acc.round.name} 评分表"])
    ws.append([f"总分 {fmt(ur.total)}　等次 {ur.grade or '—'}　类内第 {ur.rank} 名"])
    ws.append(["编号", "指标", "分值", "得分", "加分", "得失分说明"])
    for c in ws[3]:
        c.font = Font(bold=True)

    def walk(nodes, depth):
        for n in nodes:
            if n.status.value == "out_of_scope":
                continue
            why = "\n".join(
                f"{'+' if ln.amount > 0 else ''}{fmt(ln.amount)} {ln.text}"
                for ln in n.lines
                if ln.amount
            )
            ws.append(
                [
                    n.id,
                    "　" * depth + n.name,
                    float(n.max),
                    float(n.earned),
                    float(n.bonus) or None,
                    why,
                ]
            )
            walk(n.children, depth + 1)

    walk(ur.sections, 0)
    for row in ws.iter_rows(min_row=4):
        row[5].alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["B"].width = 36
    ws.column_dimensions["F"].width = 80
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    buf = io.BytesIO()
    wb.save(buf)
    return download(buf.getvalue(), f"{unit.name}-评分表.xlsx", XLSX)
