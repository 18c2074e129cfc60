"""The registers: lists with due dates and status, entry by form, import from .xlsx, this week's
due items, and turning breaches into pending findings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk import deadlines as dl
from zwgk.rubric.errors import FactsError
from zwgk.scoring.tabular import read_source
from zwgk.web.access import ADMIN, ANY, ASSESSOR, UNIT, Access, access
from zwgk.web.audit.models import record
from zwgk.web.registers.models import MODELS, TITLES, Entry, status_of
from zwgk.web.registers.services import bindings, inspection_metric, sync
from zwgk.web.uploads import refused_upload, uploaded_path

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


def entry_form(model: type[Entry], acc: Access) -> type[forms.ModelForm]:
    """The entry form of a register: the unit (of this round), the ref, the register's fields."""
    own = [
        f
        for f in model._meta.fields
        if f.name not in ("id", "round", "unit", "ref", "note", "created_by", "created_at")
    ]
    widgets = {}
    for f in own:
        if f.get_internal_type() == "DateField":
            widgets[f.name] = forms.DateInput(attrs={"type": "date"})
        elif f.get_internal_type() == "DateTimeField":
            widgets[f.name] = forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )

    class Base(forms.ModelForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["unit"].queryset = acc.round.units.all()
            self.fields["unit"].label = "单位"

    return forms.modelform_factory(
        model, form=Base, fields=["unit", "ref", *[f.name for f in own], "note"], widgets=widgets
    )


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


@login_required
def register(request: HttpRequest, round_id: int, name: str) -> HttpResponse:
    acc = access(request, round_id, ANY)
    model = _model(name)
    today = timezone.localdate()
    Form = entry_form(model, acc)
    form = Form()
    if request.method == "POST":
        if acc.role not in RECORDERS:
            raise Http404
        form = Form(request.POST)
        if form.is_valid():
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
    wanted = request.GET.get("status", "")
    rows = _rows(acc, model, today, wanted)
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    columns = [
        f
        for f in model._meta.fields
        if f.name not in ("id", "round", "unit", "ref", "note", "created_by", "created_at")
    ]
    for row in page:
        row["values"] = [getattr(row["e"], f.name) for f in columns]
    bound = [b for b in bindings(acc.round.scheme.index()) if b.register == name]
    rank_leaves = (
        [n for n in acc.round.scheme.index().nodes.values() if n.is_leaf and n.rank is not None]
        if name == "inspection"
        else []
    )
    return render(
        request,
        "registers/register.html",
        {
            "acc": acc,
            "name": name,
            "title": TITLES[name],
            "titles": TITLES,
            "page": page,
            "form": form,
            "columns": columns,
            "statuses": [s.value for s in dl.Status],
            "wanted": wanted,
            "today": today,
            "bound": bound,
            "rank_leaves": rank_leaves,
            "can_record": acc.role in RECORDERS and not acc.round.locked,
            "import_columns": ["单位", "编号", *[f.verbose_name for f in columns], "备注"],
        },
    )


def _value(field, raw: str):
    raw = raw.strip()
    kind = field.get_internal_type()
    if raw == "":
        if field.null or field.blank or field.has_default():
            return field.get_default() if not field.null else None
        raise ValueError(f"“{field.verbose_name}”不能为空")
    if kind == "DateField":
        return dt.date.fromisoformat(raw[:10])
    if kind == "DateTimeField":
        value = dt.datetime.fromisoformat(raw.replace("T", " "))
        return timezone.make_aware(value) if timezone.is_naive(value) else value
    if kind in ("PositiveSmallIntegerField", "IntegerField"):
        return int(Decimal(raw))
    if kind == "DecimalField":
        return Decimal(raw)
    if field.choices and raw not in {str(c[0]) for c in field.choices}:
        raise ValueError(
            f"“{field.verbose_name}”应为：{'、'.join(str(c[0]) for c in field.choices)}"
        )
    return raw


@login_required
@require_POST
def register_import(request: HttpRequest, round_id: int, name: str) -> HttpResponse:
    """Import a register from the office's .xlsx / .csv; any bad row rejects the whole file."""
    acc = access(request, round_id, RECORDERS)
    model = _model(name)
    refused = refused_upload(request)
    upload = request.FILES.get("file")
    if refused or upload is None:
        messages.error(request, refused or "请选择文件。")
        return redirect("register", acc.round.pk, name)
    fields = {
        f.verbose_name: f
        for f in model._meta.fields
        if f.name not in ("id", "round", "unit", "created_by", "created_at")
    }
    units = {u.name: u for u in acc.round.units.all()}
    fname = Path(upload.name).name
    with uploaded_path(upload) as path:
        try:
            kind, rows = read_source(path)
        except FactsError as exc:
            messages.error(request, str(exc.problems[0]))
            return redirect("register", acc.round.pk, name)
    if kind != "csv" or not rows:
        messages.error(request, f"{fname}：应为 .xlsx 或 .csv 表格，第一行为列名")
        return redirect("register", acc.round.pk, name)
    header = [h.strip() for h in rows[0]]
    unknown = [h for h in header if h and h != "单位" and h not in fields]
    problems = []
    if unknown:
        problems.append(
            f"第1行：不认识的列 {'、'.join(unknown)}（可用：单位、{'、'.join(fields)}）"
        )
    made = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(v.strip() for v in values) or unknown:
            continue
        data = dict(zip(header, values, strict=False))
        unit = units.get(data.get("单位", "").strip())
        if unit is None:
            problems.append(f"第{number}行：单位名单中没有“{data.get('单位', '')}”")
            continue
        obj = model(round=acc.round, unit=unit, created_by=request.user)
        try:
            for label, field in fields.items():
                if label in data:
                    setattr(obj, field.name, _value(field, data[label]))
                elif not (field.null or field.has_default() or field.blank):
                    raise ValueError(f"缺少“{label}”列")
            obj.full_clean(exclude=["round", "unit", "created_by"])
        except (ValueError, InvalidOperation) as exc:
            problems.append(f"第{number}行：{exc}")
            continue
        except Exception as exc:  # ValidationError from full_clean
            problems.append(f"第{number}行：{'；'.join(getattr(exc, 'messages', [str(exc)]))}")
            continue
        made.append(obj)
    if problems:
        for p in problems[:30]:
            messages.error(request, f"{fname} {p}")
        messages.error(request, "文件未导入，已有记录没有任何改动。")
        return redirect("register", acc.round.pk, name)
    with transaction.atomic():
        model.objects.bulk_create(made)
        record(
            "ledger.import",
            f"从 {fname} 向{TITLES[name]}台账导入 {len(made)} 条",
            actor=request.user,
            round=acc.round,
            after={"file": fname, "count": len(made)},
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
