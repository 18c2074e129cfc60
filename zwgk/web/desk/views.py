"""The assessor desk: the unit's statement and evidence beside the rule; facts recorded live."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.rubric.errors import FactsError
from zwgk.scoring.codec import decode_row, decode_rows, read_fact_rows
from zwgk.scoring.facts import SECTIONS, SOURCES
from zwgk.web.access import ADMIN, ASSESSOR, STAFF, Access, access
from zwgk.web.audit.models import record
from zwgk.web.blanks import facts_blank as facts_blank_xlsx
from zwgk.web.desk.models import EVENTS, ITEM_KEY, VALUE_KEY, Fact, Objection
from zwgk.web.desk.scoring import check_new_fact, round_result
from zwgk.web.downloads import XLSX, download
from zwgk.web.portal.models import Evidence, NARequest, SelfAssessment
from zwgk.web.rounds.models import Unit
from zwgk.web.rounds.services import class_names, core_unit, core_units
from zwgk.web.rounds.tree import rows_for
from zwgk.web.uploads import UploadRefused, readable, refused_upload, uploaded_path

RECORDERS = (ADMIN, ASSESSOR)


def _editable(request: HttpRequest, acc: Access) -> bool:
    if acc.round.locked:
        messages.error(
            request, "考核结果已审定锁定，不能修改。如需更正，须由领导组填写理由重新打开。"
        )
        return False
    return True


def item_text(index, f: Fact) -> str:
    """The fault, bonus or veto of a fact by its text in the scheme, not its id."""
    if not f.item_id:
        return ""
    if f.section == Fact.Section.VETOES:
        veto = index.vetoes.get(f.item_id)
        return veto.name if veto is not None else f.item_id
    node = index.nodes.get(f.indicator_id)
    items = (node.faults if f.section == Fact.Section.FINDINGS else node.bonuses) if node else ()
    return next((i.text for i in items if i.id == f.item_id), f.item_id)


def fact_phrase(f: Fact) -> str:
    """“区教育局 C1.1.2 的扣分记录”, as the audit trail names a fact."""
    where = f" {f.indicator_id or f.item_id}" if (f.indicator_id or f.item_id) else ""
    return f"{f.unit.name}{where} 的{f.get_section_display()}记录"


def fact_snapshot(f: Fact) -> dict:
    return {
        "section": f.section,
        "indicator": f.indicator_id,
        "item": f.item_id,
        "count": f.count,
        "missing": f.missing,
        "amount": str(f.amount) if f.amount is not None else None,
        "value": str(f.value) if f.value is not None else None,
        "status": f.status,
        "note": f.note,
        "source": f.source,
        "date": f.date.isoformat() if f.date else None,
    }


def _count_by_unit(qs) -> dict[int, int]:
    """Rows per unit, counted by the database."""
    return dict(qs.order_by().values_list("unit_id").annotate(n=Count("id")))


@login_required
def desk(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    rnd = acc.round
    result, problems = round_result(rnd)
    by_name = {u.unit: u for u in result.units}
    pending = _count_by_unit(Fact.objects.filter(round=rnd, status=Fact.Status.PENDING))
    evidence = _count_by_unit(Evidence.objects.filter(round=rnd))
    classes = dict((c.id, c.name) for c in rnd.scheme.index().scheme.classes)
    groups: dict[str, list] = {}
    for u in rnd.units.all():
        groups.setdefault(u.unit_class, []).append(
            {
                "unit": u,
                "result": by_name.get(u.name),
                "pending": pending.get(u.pk, 0),
                "evidence": evidence.get(u.pk, 0),
            }
        )
    na_pending = NARequest.objects.filter(
        round=rnd, status=NARequest.Status.PENDING
    ).select_related("unit")
    return render(
        request,
        "desk/desk.html",
        {
            "acc": acc,
            "groups": [(k, classes.get(k, k), v) for k, v in groups.items()],
            "problems": problems,
            "na_pending": na_pending,
        },
    )


def _unit_context(acc: Access, unit: Unit, only: str | None = None) -> dict:
    rnd = acc.round
    index = rnd.scheme.index()
    result, problems = round_result(rnd)
    ur = result.unit(unit.name)
    rows = rows_for(index, core_unit(unit))
    fact_qs = Fact.objects.filter(unit=unit).select_related("evidence", "created_by")
    evidence_qs = Evidence.objects.filter(unit=unit)
    selfs_qs = SelfAssessment.objects.filter(unit=unit)
    if only:  # one indicator's card (htmx): read only what it shows
        rows = [r for r in rows if r.node.id == only]
        fact_qs = fact_qs.filter(indicator_id=only)
        evidence_qs = evidence_qs.filter(indicator_id=only)
        selfs_qs = selfs_qs.filter(indicator_id=only)
    facts: dict[str, list[Fact]] = {}
    unit_facts: list[Fact] = []
    for f in fact_qs:
        f.item_text = item_text(index, f)
        if f.indicator_id:
            facts.setdefault(f.indicator_id, []).append(f)
        else:
            unit_facts.append(f)
    evidence: dict[str, list[Evidence]] = {}
    for e in evidence_qs:
        evidence.setdefault(e.indicator_id, []).append(e)
    return {
        "acc": acc,
        "unit": unit,
        "index": index,
        "rows": rows,
        "ur": ur,
        "nodes": {n.id: n for n in ur.nodes()},
        "facts": facts,
        "unit_facts": unit_facts,
        "evidence": evidence,
        "selfs": {s.indicator_id: s for s in selfs_qs},
        "sources": SOURCES,
        "today": timezone.localdate().isoformat(),
        "vetoes": index.scheme.vetoes,
        "can_record": acc.can_record and not rnd.locked,
        "class_names": class_names(index),
        "problems": [p for p in problems if unit.name in str(p)],
    }


@login_required
def desk_unit(request: HttpRequest, round_id: int, unit_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    unit = acc.unit_or_404(unit_id)
    return render(request, "desk/unit.html", _unit_context(acc, unit))


@login_required
def desk_score(request: HttpRequest, round_id: int, unit_id: int) -> HttpResponse:
    """The live score panel (htmx)."""
    acc = access(request, round_id, STAFF)
    unit = acc.unit_or_404(unit_id)
    result, _ = round_result(acc.round)
    return render(
        request,
        "desk/_score.html",
        {"acc": acc, "unit": unit, "ur": result.unit(unit.name), "result": result},
    )


# The codec's field names as the desk form labels them (for its messages).
FIELD_LABELS = {
    "indicator": "指标",
    "fault": "扣分情形",
    "bonus": "加分情形",
    "veto": "否决情形",
    "part": "分项",
    "count": "次数",
    "missing": "缺项",
    "amount": "分值",
    "value": "数值",
    "score": "分数",
    "date": "日期",
    "status": "状态",
    "source": "来源",
    "note": "说明",
}
# What the database columns hold (Fact.amount: 8 digits, 2 places; Fact.value: 12, 4).
LIMITS = {"amount": Decimal(10**6), "value": Decimal(10**8)}


def _fact_from_post(
    request: HttpRequest, acc: Access, unit: Unit, rule: tuple[str, str, str] | None = None
) -> Fact:
    """A fact from the desk form, read by the core's codec; ``rule`` (section, indicator, item)
    overrides the form's. Raises ValueError with every problem, each naming its field."""
    p = request.POST
    section, item = p.get("section", ""), p.get("item", "")
    indicator_id = p.get("indicator", "").strip()
    if p.get("pick"):
        section, _, item = p["pick"].partition("|")
    if rule is not None:
        section, indicator_id, item = rule
    if section not in Fact.Section.values:
        raise ValueError("请选择记录类型")
    fields: dict[str, object] = {"unit": unit.name}
    if indicator_id:
        fields["indicator"] = indicator_id
    if item.strip() and section in ITEM_KEY:
        fields[ITEM_KEY[section]] = item.strip()
    missing = [m for m in p.getlist("missing") if m.strip()]
    if section in EVENTS:
        if missing and section == Fact.Section.FINDINGS:
            fields["missing"] = missing
        elif p.get("count", "").strip():
            fields["count"] = p["count"]
        if p.get("status", "").strip():
            fields["status"] = p["status"]
    if section in VALUE_KEY and p.get("value", "").strip():
        fields[VALUE_KEY[section]] = p["value"]
    for key in ("amount", "date", "source", "note"):
        if p.get(key, "").strip():
            fields[key] = p[key].strip()
    evidence = None
    if p.get("evidence"):
        if not p["evidence"].isdigit() or len(p["evidence"]) > 18:
            raise ValueError("请从本单位的材料中选择印证材料")
        evidence = Evidence.objects.filter(pk=p["evidence"], unit=unit).first()
    index = acc.round.scheme.index()
    try:
        core = decode_row(index, [core_unit(unit)], section, fields, ref="表单")
    except FactsError as exc:
        raise ValueError(
            "；".join(
                f"{FIELD_LABELS.get(x.column, x.column)}：{x.message}" if x.column else x.message
                for x in exc.problems
            )
        ) from None
    fact = Fact.from_core(
        core, round=acc.round, unit=unit, origin="手工录入", user=request.user, evidence=evidence
    )
    for key, limit in LIMITS.items():
        value = getattr(fact, key)
        if value is not None and not -limit < value < limit:
            raise ValueError(f"{FIELD_LABELS[key]}：{value} 超出范围（应在 ±{limit:,} 以内）")
    return fact


@login_required
@require_POST
def fact_add(request: HttpRequest, round_id: int, unit_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    unit = acc.unit_or_404(unit_id)
    indicator_id = request.POST.get("indicator", "")
    errors: list[str] = []
    if acc.round.locked:
        errors.append("考核结果已审定锁定，不能修改。")
    else:
        try:
            fact = _fact_from_post(request, acc, unit)
        except ValueError as exc:
            errors.append(str(exc))
        else:
            refused = refused_upload(request)
            if refused:
                errors.append(refused)
            upload = request.FILES.get("file")
            if not errors:
                with transaction.atomic():
                    if upload is not None:
                        try:
                            fact.evidence = Evidence.receive(
                                upload,
                                round=acc.round,
                                unit=unit,
                                user=request.user,
                                indicator_id=fact.indicator_id,
                                purpose="finding",
                            )
                        except UploadRefused as exc:
                            errors.append(str(exc))
                            return _after_change(request, acc, unit, indicator_id, errors)
                    fact.save()
                    record(
                        "fact.add",
                        f"新增 {fact_phrase(fact)}",
                        actor=request.user,
                        round=acc.round,
                        unit=unit,
                        obj=fact,
                        after=fact_snapshot(fact),
                    )
    return _after_change(request, acc, unit, indicator_id, errors)


def _after_change(
    request: HttpRequest, acc: Access, unit: Unit, indicator_id: str, errors: list[str]
) -> HttpResponse:
    if request.headers.get("HX-Request"):
        ctx = _unit_context(acc, unit, only=indicator_id or None)
        ctx["errors"] = errors
        template = "desk/_leaf.html" if indicator_id else "desk/_unitfacts.html"
        if indicator_id:
            ctx["row"] = ctx["rows"][0] if ctx["rows"] else None
        response = render(request, template, ctx)
        response["HX-Trigger"] = "facts-changed"
        return response
    for e in errors:
        messages.error(request, e)
    return redirect("desk_unit", acc.round.pk, unit.pk)


@login_required
@require_POST
def fact_status(request: HttpRequest, round_id: int, fact_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    fact = get_object_or_404(Fact, pk=fact_id, round=acc.round)
    errors: list[str] = []
    new = request.POST.get("status", "")
    reason = request.POST.get("reason", "").strip()
    if acc.round.locked:
        errors.append("考核结果已审定锁定，不能修改。")
    elif new not in Fact.Status.values:
        errors.append("状态不正确")
    elif new == Fact.Status.DISMISSED and not reason and fact.status == Fact.Status.CONFIRMED:
        errors.append("排除已确认的记录须写明理由")
    else:
        before = fact_snapshot(fact)
        with transaction.atomic():
            fact.status = new
            fact.save(update_fields=["status"])
            record(
                "fact.status",
                f"将 {fact_phrase(fact)} 由 {Fact.Status(before['status']).label} 改为 {Fact.Status(new).label}",
                actor=request.user,
                round=acc.round,
                unit=fact.unit,
                obj=fact,
                before=before,
                after=fact_snapshot(fact),
                reason=reason,
            )
    return _after_change(request, acc, fact.unit, fact.indicator_id, errors)


@login_required
def bulk(request: HttpRequest, round_id: int) -> HttpResponse:
    """One fault (or bonus) across many units at once, e.g. from a monthly inspection 通报."""
    acc = access(request, round_id, RECORDERS)
    rnd = acc.round
    index = rnd.scheme.index()
    choices = []
    for table in index.scheme.tables:
        for leaf in index.leaves[table.id]:
            for f in leaf.faults:
                choices.append(
                    (
                        f"findings|{leaf.id}|{f.id}",
                        f"{leaf.id} {leaf.name} — 扣分：{f.text}",
                        table.title,
                    )
                )
            for b in leaf.bonuses:
                choices.append(
                    (
                        f"bonuses|{leaf.id}|{b.id}",
                        f"{leaf.id} {leaf.name} — 加分：{b.text}",
                        table.title,
                    )
                )
    units = list(rnd.units.all())
    problems: list[str] = []
    typed = request.POST if request.method == "POST" else {}
    if request.method == "POST" and _editable(request, acc):
        key = request.POST.get("rule", "")
        chosen = set(request.POST.getlist("units"))
        try:
            section, indicator_id, item_id = key.split("|")
        except ValueError:
            problems.append("请选择扣分或加分情形。")
            section = indicator_id = item_id = ""
        made = []
        if not problems and not chosen:
            problems.append("请勾选至少一个单位。")
        for u in units if not problems else []:
            if str(u.pk) not in chosen:
                continue
            try:
                fact = _fact_from_post(request, acc, u, (section, indicator_id, item_id))
            except ValueError as exc:
                problems.append(f"{u.name}：{exc}")
                continue
            fact.origin = "批量录入"
            made.append(fact)
        if not problems:
            with transaction.atomic():
                for fact in made:
                    fact.save()
                    record(
                        "fact.add",
                        f"批量录入 {fact_phrase(fact)}",
                        actor=request.user,
                        round=rnd,
                        unit=fact.unit,
                        obj=fact,
                        after=fact_snapshot(fact),
                    )
            messages.success(request, f"已为 {len(made)} 个单位记录。")
            return redirect("desk", rnd.pk)
    return render(
        request,
        "desk/bulk.html",
        {
            "acc": acc,
            "choices": choices,
            "units": units,
            "class_names": class_names(index),
            "sources": SOURCES,
            "today": timezone.localdate().isoformat(),
            # what was typed stays in the form when something is wrong
            "typed": typed,
            "chosen": set(typed.getlist("units")) if typed else set(),
            "problems": problems,
            "problems_title": "本次未保存任何记录",
        },
    )


@login_required
def facts_import(request: HttpRequest, round_id: int) -> HttpResponse:
    """Import facts from .xlsx / .csv (imported scores, third-party deductions, findings…)."""
    acc = access(request, round_id, RECORDERS)
    rnd = acc.round
    problems: list[str] = []
    if request.method == "POST" and _editable(request, acc):
        refused = refused_upload(request)
        upload = request.FILES.get("file")
        if refused or upload is None:
            problems = [refused or "请选择文件。"]
        else:
            name = Path(upload.name).name
            index = rnd.scheme.index()
            units_by_name = {u.name: u for u in rnd.units.all()}
            with uploaded_path(upload) as path:
                try:
                    facts = decode_rows(index, core_units(rnd), read_fact_rows(path))
                    made = [
                        Fact.from_core(
                            f,
                            round=rnd,
                            unit=units_by_name[f.unit],
                            origin=f"导入:{name}",
                            user=request.user,
                        )
                        for section in SECTIONS
                        for f in getattr(facts, section)
                    ]
                except FactsError as exc:
                    problems = [readable(str(p), path) for p in exc.problems]
                except ValueError as exc:  # a section this page does not record
                    problems = [str(exc)]
            if not problems:
                with transaction.atomic():
                    Fact.objects.bulk_create(made)
                    rnd.bump()
                    record(
                        "facts.import",
                        f"从 {name} 导入 {len(made)} 条评分记录",
                        actor=request.user,
                        round=rnd,
                        after={"file": name, "created": len(made)},
                    )
                messages.success(request, f"已从 {name} 导入 {len(made)} 条记录。")
                return redirect("desk", rnd.pk)
    return render(
        request,
        "desk/import.html",
        {"acc": acc, "problems": problems},
    )


@login_required
def facts_blank(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    names = list(acc.round.units.values_list("name", flat=True))
    data = facts_blank_xlsx(acc.round.scheme.index(), names)
    return download(data, f"{acc.round.name}-考核记录导入模板.xlsx", XLSX)


@login_required
@require_POST
def na_decide(request: HttpRequest, round_id: int, na_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    na = get_object_or_404(NARequest, pk=na_id, round=acc.round)
    if not _editable(request, acc):
        return redirect("desk", acc.round.pk)
    approve = request.POST.get("decision") == "approve"
    answer = request.POST.get("answer", "").strip()[:2000]
    with transaction.atomic():
        before = {"status": na.status}
        na.status = NARequest.Status.APPROVED if approve else NARequest.Status.REJECTED
        na.answer, na.decided_by, na.decided_at = answer, request.user, timezone.now()
        na.save()
        if approve:
            fact = Fact(
                round=acc.round,
                unit=na.unit,
                section=Fact.Section.NA,
                indicator_id=na.indicator_id,
                note=f"不适用申请已同意：{na.reason[:200]}",
                origin="不适用申请",
                created_by=request.user,
            )
            errs = check_new_fact(acc.round.scheme.index(), acc.round, fact)
            if errs:
                transaction.set_rollback(True)
                messages.error(request, "；".join(errs))
                return redirect("desk", acc.round.pk)
            fact.save()
        record(
            "na.decide",
            f"{'同意' if approve else '不同意'} {na.unit.name} 对 {na.indicator_id} 的不适用申请",
            actor=request.user,
            round=acc.round,
            unit=na.unit,
            obj=na,
            before=before,
            after={"status": na.status, "answer": answer},
        )
    messages.success(request, "已处理不适用申请。")
    return redirect("desk", acc.round.pk)


@login_required
def objections(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, STAFF)
    items = (
        Objection.objects.filter(round=acc.round)
        .select_related("unit", "fact", "evidence")
        .order_by("status", "-created_at")
    )
    index = acc.round.scheme.index()
    items = list(items)
    for o in items:
        o.fact.item_text = item_text(index, o.fact)
    return render(request, "desk/objections.html", {"acc": acc, "items": items})


@login_required
@require_POST
def objection_answer(request: HttpRequest, round_id: int, objection_id: int) -> HttpResponse:
    acc = access(request, round_id, RECORDERS)
    obj = get_object_or_404(Objection, pk=objection_id, round=acc.round)
    if not _editable(request, acc):
        return redirect("objections", acc.round.pk)
    decision = request.POST.get("decision")
    upheld = decision == "upheld"
    answer = request.POST.get("answer", "").strip()[:3000]
    if decision not in ("upheld", "rejected"):
        messages.error(request, "请选择“异议成立”或“维持原结论”。")
        return redirect("objections", acc.round.pk)
    if not answer:
        messages.error(request, "请填写答复意见。")
        return redirect("objections", acc.round.pk)
    with transaction.atomic():
        obj = Objection.objects.select_for_update().get(pk=obj.pk)
        if obj.status != Objection.Status.OPEN:  # answered once, by whoever was first
            when = timezone.localtime(obj.answered_at) if obj.answered_at else None
            messages.error(
                request,
                f"该异议已于 {when:%Y-%m-%d %H:%M} 答复（{obj.get_status_display()}），不能再次答复。"
                if when
                else "该异议已答复，不能再次答复。",
            )
            return redirect("objections", acc.round.pk)
        before = {"status": obj.status}
        obj.status = Objection.Status.UPHELD if upheld else Objection.Status.REJECTED
        obj.answer, obj.answered_by, obj.answered_at = answer, request.user, timezone.now()
        obj.save()
        if upheld:
            fbefore = fact_snapshot(obj.fact)
            obj.fact.status = Fact.Status.DISMISSED
            obj.fact.save(update_fields=["status"])
            record(
                "fact.status",
                f"因异议成立，将 {fact_phrase(obj.fact)} 改为 已排除",
                actor=request.user,
                round=acc.round,
                unit=obj.unit,
                obj=obj.fact,
                before=fbefore,
                after=fact_snapshot(obj.fact),
                reason=answer,
            )
        record(
            "objection.answer",
            f"答复 {obj.unit.name} 对 {obj.fact.indicator_id} 的异议：{'异议成立' if upheld else '维持原结论'}",
            actor=request.user,
            round=acc.round,
            unit=obj.unit,
            obj=obj,
            before=before,
            after={"status": obj.status, "answer": answer},
        )
    messages.success(request, "已答复。")
    return redirect("objections", acc.round.pk)
