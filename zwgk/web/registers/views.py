"""The registers: lists with due dates and status, entry by form, import from .xlsx, this week's
due items, and turning breaches into pending findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk import deadlines as dl
from zwgk.rubric.errors import FactsError
from zwgk.scoring.tabular import read_source
from zwgk.web.access import ADMIN, ANY, ASSESSOR, UNIT, Access, access
from zwgk.web.audit.models import record
from zwgk.web.fields import model_field
from zwgk.web.registers.models import MODELS, TITLES, Entry, status_of
from zwgk.web.registers.services import bindings, inspection_metric, sync
from zwgk.web.uploads import readable, refused_upload, uploaded_path

RECORDERS = (ADMIN, ASSESSOR)
STATUS_CLASS = {
    dl.Status.PENDING: "",
    dl.Status.DUE_SOON: "pending",
    dl.Status.OVERDUE: "bad",
    dl.Status.VERY_OVERDUE: "bad",
    dl.Status.DONE_ON_TIME: "good",
    dl.Status.DONE_LATE: "pending",
    dl.Status.PAUSED: "",
}


def _model(name: str) -> type[Entry]:
    if name not in MODELS:
        raise Http404
    return MODELS[name]


HIDDEN = ("id", "round", "unit", "ref", "note", "created_by", "created_at")
# The columns the list shows; every other field is on the entry's own page.
KEY_FIELDS = {
    "application": ["channel", "received", "replied"],
    "message": ["channel", "subject", "received", "replied"],
    "policy": ["title", "published", "interpreted"],
    "opinion": ["summary", "detected_at", "responded_at"],
    "report": ["title", "due", "submitted"],
    "inspection": ["month", "score", "problems", "rectified"],
}


def own_fields(model: type[Entry]) -> list:
    return [f for f in model._meta.fields if f.name not in HIDDEN]


def entry_form(model: type[Entry], acc: Access) -> type[forms.ModelForm]:
    """The entry form of a register: the unit (of this round), the ref, the register's fields;
    dates held to 2000–2100 and numbers to what the database holds (zwgk.web.fields)."""

    class Base(forms.ModelForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["unit"].queryset = acc.round.units.all()
            self.fields["unit"].label = "单位"
            self.fields["unit"].to_field_name = None

    return forms.modelform_factory(
        model,
        form=Base,
        fields=["unit", "ref", *[f.name for f in own_fields(model)], "note"],
        formfield_callback=model_field,
    )


def shown(entry: Entry, field) -> str:
    """A field's value as the office reads it: choices by label, dates as dates, — for none."""
    value = getattr(entry, field.name)
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(getattr(entry, f"get_{field.name}_display")())
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _rows(acc: Access, model: type[Entry], today: dt.date, wanted: str):
    qs = model.objects.filter(round=acc.round).select_related("unit")
    if acc.role == UNIT:
        qs = qs.filter(unit=acc.unit)
    rows = []
    for e in qs:
        deadline, error = status_of(e, today)
        status = deadline.status if deadline else None
        if wanted and (status is None or status.value != wanted):
            continue
        rows.append({"e": e, "d": deadline, "error": error, "cls": STATUS_CLASS.get(status, "")})
    return rows


def _page(
    request: HttpRequest, acc: Access, name: str, form=None, problems: list[str] | None = None
) -> HttpResponse:
    """A register's list (key columns, 50 a page), its entry form and import."""
    model = _model(name)
    today = timezone.localdate()
    wanted = request.GET.get("status", "")
    rows = _rows(acc, model, today, wanted)
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        rows = [r for r in rows if r["e"].unit_id == int(unit_id)]
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    by_name = {f.name: f for f in own_fields(model)}
    columns = [by_name[k] for k in KEY_FIELDS[name]]
    for row in page:
        row["values"] = [shown(row["e"], f) for f in columns]
    index = acc.round.scheme.index()
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registers/register.html",
        {
            "acc": acc,
            "name": name,
            "title": TITLES[name],
            "titles": TITLES,
            "page": page,
            "query": query.urlencode(),
            "form": form or entry_form(model, acc)(),
            "columns": columns,
            "statuses": [s.value for s in dl.Status],
            "wanted": wanted,
            "unit_id": unit_id,
            "units": acc.round.units.all() if acc.role != UNIT else [],
            "today": today,
            "bound": [
                f"{b.indicator} {index.nodes[b.indicator].name}（"
                + next((f.text for f in index.nodes[b.indicator].faults if f.id == b.fault), "")
                + "）"
                for b in bindings(index)
                if b.register == name
            ],
            "rank_leaves": (
                [n for n in index.nodes.values() if n.is_leaf and n.rank is not None]
                if name == "inspection"
                else []
            ),
            "can_record": acc.role in RECORDERS and not acc.round.locked,
            "import_columns": import_columns(model),
            "problems": problems or [],
        },
    )


@login_required
def register(request: HttpRequest, round_id: int, name: str) -> HttpResponse:
    acc = access(request, round_id, ANY)
    model = _model(name)
    if request.method == "POST":
        if acc.role not in RECORDERS:
            raise Http404
        if acc.round.locked:
            messages.error(request, "考核已锁定。")
            return redirect("register", acc.round.pk, name)
        form = entry_form(model, acc)(request.POST)
        if not form.is_valid():
            return _page(request, acc, name, form)  # what was typed stays in the form
        with transaction.atomic():
            e = form.save(commit=False)
            e.round, e.created_by = acc.round, request.user
            e.save()
            record(
                "ledger.add",
                f"在{TITLES[name]}台账登记 {e.unit.name} 的 {e.ref}",
                actor=request.user,
                round=acc.round,
                unit=e.unit,
                obj=e,
                after=form.cleaned_data | {"unit": e.unit.name},
            )
        messages.success(request, f"已登记 {e.ref}。")
        return redirect("register", acc.round.pk, name)
    return _page(request, acc, name)


@login_required
def register_entry(request: HttpRequest, round_id: int, name: str, entry_id: int) -> HttpResponse:
    """One entry with every field, its deadline and status."""
    acc = access(request, round_id, ANY)
    model = _model(name)
    qs = model.objects.filter(round=acc.round).select_related("unit", "created_by")
    if acc.role == UNIT:
        qs = qs.filter(unit=acc.unit)
    e = get_object_or_404(qs, pk=entry_id)
    deadline, error = status_of(e, timezone.localdate())
    fields = [(f.verbose_name, shown(e, f)) for f in own_fields(model)]
    fields.append(("备注", e.note or "—"))
    return render(
        request,
        "registers/entry.html",
        {
            "acc": acc,
            "name": name,
            "title": TITLES[name],
            "e": e,
            "fields": fields,
            "d": deadline,
            "error": error,
            "cls": STATUS_CLASS.get(deadline.status if deadline else None, ""),
        },
    )


def import_columns(model: type[Entry]) -> list[str]:
    return ["单位", "编号", *[str(f.verbose_name) for f in own_fields(model)], "备注"]


@login_required
@require_POST
def register_import(request: HttpRequest, round_id: int, name: str) -> HttpResponse:
    """Import a register from the office's .xlsx / .csv: every row goes through the entry form;
    any bad row rejects the whole file, with one list of rows, columns and reasons."""
    acc = access(request, round_id, RECORDERS)
    model = _model(name)
    if acc.round.locked:
        messages.error(request, "考核已锁定。")
        return redirect("register", acc.round.pk, name)
    refused = refused_upload(request)
    upload = request.FILES.get("file")
    if refused or upload is None:
        return _page(request, acc, name, problems=[refused or "请选择文件。"])
    Form = entry_form(model, acc)
    label_to_field = {"单位": "unit", "编号": "ref", "备注": "note"} | {
        str(f.verbose_name): f.name for f in own_fields(model)
    }
    units = {u.name: u.pk for u in acc.round.units.all()}
    fname = Path(upload.name).name
    with uploaded_path(upload) as path:
        try:
            kind, rows = read_source(path)
        except FactsError as exc:
            return _page(
                request, acc, name, problems=[readable(str(p), path) for p in exc.problems]
            )
    if kind != "csv" or not rows:
        return _page(
            request, acc, name, problems=[f"{fname}：应为 .xlsx 或 .csv 表格，第一行为列名"]
        )
    header = [str(h).strip() for h in rows[0]]
    unknown = [h for h in header if h and h not in label_to_field]
    if unknown:
        return _page(
            request,
            acc,
            name,
            problems=[
                f"第1行：不认识的列 {'、'.join(unknown)}（可用：{'、'.join(import_columns(model))}）"
            ],
        )
    problems: list[str] = []
    made = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(str(v).strip() for v in values):
            continue
        data = {
            label_to_field[h]: str(v).strip()
            for h, v in zip(header, values, strict=False)
            if h and str(v).strip()
        }
        unit_name = data.get("unit", "")
        if unit_name not in units:
            problems.append(f"第{number}行 单位：单位名单中没有“{unit_name}”")
            continue
        data["unit"] = str(units[unit_name])
        for f in own_fields(model):  # a column left out takes the register's default
            if f.name not in data and f.has_default():
                data[f.name] = str(f.get_default())
        form = Form(data)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                problems.append(f"第{number}行 {label}：{'；'.join(errors)}")
            continue
        e = form.save(commit=False)
        e.round, e.created_by = acc.round, request.user
        made.append(e)
    if problems:
        return _page(request, acc, name, problems=problems)
    with transaction.atomic():
        model.objects.bulk_create(made)
        record(
            "ledger.import",
            f"从 {fname} 向{TITLES[name]}台账导入 {len(made)} 条",
            actor=request.user,
            round=acc.round,
            after={"file": fname, "created": len(made)},
        )
    messages.success(request, f"已从 {fname} 导入 {len(made)} 条。")
    return redirect("register", acc.round.pk, name)


@login_required
def due_week(request: HttpRequest, round_id: int) -> HttpResponse:
    """What falls due this week (and what is overdue), per unit."""
    acc = access(request, round_id, ANY)
    today = timezone.localdate()
    end = today + dt.timedelta(days=7)
    items = []
    errors = set()
    for name, model in MODELS.items():
        for row in _rows(acc, model, today, ""):
            d = row["d"]
            if row["error"]:
                errors.add(row["error"])
            if d is None or d.done is not None or d.due is None:
                continue
            due = d.due.date() if isinstance(d.due, dt.datetime) else d.due
            if due <= end:
                items.append({"register": TITLES[name], "name": name, **row, "due": due})
    items.sort(key=lambda r: (r["due"], r["e"].unit.name))
    by_unit: dict[str, list] = {}
    for it in items:
        by_unit.setdefault(it["e"].unit.name, []).append(it)
    return render(
        request,
        "registers/due.html",
        {
            "acc": acc,
            "by_unit": sorted(by_unit.items()),
            "today": today,
            "end": end,
            "errors": sorted(errors),
            "titles": TITLES,
        },
    )


@login_required
@require_POST
def ledger_sync(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    if acc.round.locked:
        messages.error(request, "考核已锁定。")
        return redirect("due_week", acc.round.pk)
    rep = sync(acc.round, request.user)
    messages.success(
        request,
        f"由日常工作记录生成待确认扣分 {rep.created} 条（已有 {rep.existing} 条不重复生成）。请在“考核评分”中逐条确认或排除。",
    )
    for name, n in (rep.unbound or {}).items():
        messages.warning(
            request,
            f"{TITLES[name]}有 {n} 条超期记录，但方案中没有绑定该台账的扣分情形（ledger），未生成扣分。",
        )
    for e in rep.errors or []:
        messages.error(request, e)
    return redirect("due_week", acc.round.pk)


@login_required
@require_POST
def inspection_to_metric(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    try:
        n = inspection_metric(acc.round, request.POST.get("indicator", ""), request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已按月度检查平均得分更新 {n} 个单位的排名数据。")
    return redirect("register", acc.round.pk, "inspection")
