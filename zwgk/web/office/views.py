"""Office side of a round: create it, units and accounts, deadlines, notice, status changes."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.report.scheme import scheme_assumptions
from zwgk.rubric import InputError, load_scheme_text
from zwgk.rubric.errors import FactsError, Problem
from zwgk.rubric.importer import import_scheme, render_review
from zwgk.rubric.yamlout import dump_scheme
from zwgk.scoring.units import check_units, load_units
from zwgk.web.access import ADMIN, ANY, LEADER, UNIT, access
from zwgk.web.accounts.forms import MemberForm
from zwgk.web.audit.models import record
from zwgk.web.blanks import units_blank as units_blank_xlsx
from zwgk.web.desk.models import Fact, Objection
from zwgk.web.desk.scoring import round_result
from zwgk.web.downloads import XLSX, download
from zwgk.web.office.forms import (
    NewRoundForm,
    ReasonForm,
    SettingsForm,
    UnitsImportForm,
)
from zwgk.web.portal.models import Evidence, NARequest
from zwgk.web.rounds.models import Membership, Round, SchemeVersion, Unit
from zwgk.web.rounds.services import with_class_ids
from zwgk.web.uploads import readable, refused_upload, uploaded_path

MAX_SCHEME_BYTES = 20 * 1024 * 1024


def _scheme_from_upload(upload) -> tuple[str, str]:
    """(yaml text, review report) from an uploaded .yaml/.xlsx/.docx; raises InputError."""
    name = Path(upload.name).name
    suffix = Path(name).suffix.lower()
    if upload.size > MAX_SCHEME_BYTES:
        raise InputError([Problem(name, None, "文件过大（方案文件不超过 20 MB）")])
    if suffix in (".yaml", ".yml"):
        raw = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError([Problem(name, None, "不是 UTF-8 编码的 YAML 文件")]) from None
        load_scheme_text(text, name)
        return text, ""
    if suffix in (".xlsx", ".docx"):
        with uploaded_path(upload) as path:
            try:
                result = import_scheme(path)
            except InputError as exc:
                raise InputError(
                    [
                        Problem(name, p.line, readable(p.message, path), p.where)
                        for p in exc.problems
                    ]
                ) from None
        text = dump_scheme(result.scheme_dict)
        load_scheme_text(text, name)
        return text, render_review(result)
    raise InputError([Problem(name, None, "只接受 .yaml、.xlsx 或 .docx 文件")])


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied
    form = NewRoundForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["scheme_file"]
        try:
            text, review = _scheme_from_upload(upload)
        except InputError as exc:
            problems = [str(p) for p in exc.problems]
        else:
            index = load_scheme_text(text, upload.name)
            with transaction.atomic():
                sv = SchemeVersion.objects.create(
                    scheme_id=index.scheme.id,
                    title=index.scheme.title,
                    yaml_text=text,
                    sha256=SchemeVersion.digest(text),
                    source_name=Path(upload.name).name,
                    uploaded_by=request.user,
                )
                rnd = Round.objects.create(
                    year=form.cleaned_data["year"], name=form.cleaned_data["name"], scheme=sv
                )
                record(
                    "round.create",
                    f"新建考核轮次“{rnd.name}”，方案《{sv.title}》",
                    actor=request.user,
                    round=rnd,
                    obj=rnd,
                    after={"scheme": sv.sha256},
                )
            if review:
                messages.warning(request, "方案由评分表导入：" + review)
            messages.success(
                request, "考核轮次已建立。下一步：导入单位名单、设置截止时间、发出通知。"
            )
            return redirect("round", rnd.pk)
    return render(request, "office/new.html", {"form": form, "problems": problems})


@login_required
def round_home(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    rnd = acc.round
    ctx = {"acc": acc, "now": timezone.now()}
    if acc.role == UNIT:
        ctx["notice"] = rnd.notice_issued_at is not None
        return render(request, "office/round_unit.html", ctx)
    units = list(rnd.units.all())
    ctx["units_count"] = len(units)
    ctx["classes"] = rnd.scheme.index().scheme.classes
    ctx["facts_count"] = Fact.objects.filter(round=rnd).count()
    ctx["pending_count"] = Fact.objects.filter(round=rnd, status=Fact.Status.PENDING).count()
    ctx["evidence_count"] = Evidence.objects.filter(round=rnd).count()
    ctx["units_with_evidence"] = (
        Evidence.objects.filter(round=rnd).values("unit").distinct().count()
    )
    ctx["na_pending"] = NARequest.objects.filter(round=rnd, status=NARequest.Status.PENDING).count()
    ctx["objections_open"] = Objection.objects.filter(
        round=rnd, status=Objection.Status.OPEN
    ).count()
    ctx["settings_form"] = SettingsForm(
        initial={
            "evidence_deadline": rnd.evidence_deadline
            and timezone.localtime(rnd.evidence_deadline),
            "objection_deadline": rnd.objection_deadline
            and timezone.localtime(rnd.objection_deadline),
            "notice_title": rnd.notice_title,
            "notice_text": rnd.notice_text,
        }
    )
    ctx["reason_form"] = ReasonForm()
    ctx["assumptions"] = scheme_assumptions(rnd.scheme.index())
    if units:
        result, problems = round_result(rnd)
        grades: dict[str, int] = {}
        for u in result.units:
            grades[u.grade or "—"] = grades.get(u.grade or "—", 0) + 1
        ctx["grades"] = sorted(grades.items(), key=lambda kv: -kv[1])
        ctx["problems"] = problems
    return render(request, "office/round.html", ctx)


def _settings_snapshot(rnd: Round) -> dict:
    """The round's deadlines and notice title, as the audit trail records them."""
    return {
        "evidence_deadline": rnd.evidence_deadline and rnd.evidence_deadline.isoformat(),
        "objection_deadline": rnd.objection_deadline and rnd.objection_deadline.isoformat(),
        "notice_title": rnd.notice_title,
    }


@login_required
@require_POST
def round_settings(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    rnd = acc.round
    form = SettingsForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "设置有误：" + "；".join(e for errs in form.errors.values() for e in errs)
        )
        return redirect("round", rnd.pk)
    before = _settings_snapshot(rnd)
    for key, value in form.cleaned_data.items():
        setattr(rnd, key, value if value is not None else (None if "deadline" in key else ""))
    rnd.save()
    after = _settings_snapshot(rnd)
    record(
        "round.settings",
        "修改截止时间与通知",
        actor=request.user,
        round=rnd,
        obj=rnd,
        before=before,
        after=after,
    )
    messages.success(request, "已保存。")
    return redirect("round", rnd.pk)


TRANSITIONS = {
    # action: (allowed roles, from statuses, to status, audit summary)
    "confirm_assumptions": (
        (ADMIN,),
        (Round.Status.DRAFT,),
        Round.Status.DRAFT,
        "确认方案的编写假设",
    ),
    "issue_notice": ((ADMIN,), (Round.Status.DRAFT,), Round.Status.OPEN, "发出考核通知"),
    "start_assessing": (
        (ADMIN,),
        (Round.Status.OPEN,),
        Round.Status.ASSESSING,
        "结束自评，开始考核评分",
    ),
    "preliminary": (
        (ADMIN,),
        (Round.Status.ASSESSING,),
        Round.Status.PRELIMINARY,
        "公示初步结果，开放异议",
    ),
    "back_to_assessing": (
        (ADMIN,),
        (Round.Status.PRELIMINARY,),
        Round.Status.ASSESSING,
        "结束公示，回到评分",
    ),
    "approve": (
        (LEADER,),
        (Round.Status.ASSESSING, Round.Status.PRELIMINARY),
        Round.Status.APPROVED,
        "审定结果（锁定）",
    ),
    "publish": ((ADMIN,), (Round.Status.APPROVED,), Round.Status.PUBLISHED, "公布考核结果"),
    "reopen": (
        (LEADER,),
        (Round.Status.APPROVED, Round.Status.PUBLISHED),
        Round.Status.ASSESSING,
        "重新打开已锁定的考核",
    ),
}


@login_required
@require_POST
def round_transition(request: HttpRequest, round_id: int, action: str) -> HttpResponse:
    if action not in TRANSITIONS:
        raise PermissionDenied
    roles, sources, target, summary = TRANSITIONS[action]
    acc = access(request, round_id, roles)
    with transaction.atomic():
        rnd = Round.objects.select_for_update().get(pk=acc.round.pk)
        if rnd.status not in sources:
            messages.error(request, f"当前状态为“{rnd.get_status_display()}”，不能{summary}。")
            return redirect("round", rnd.pk)
        reason = request.POST.get("reason", "").strip()
        if action == "reopen" and not reason:
            messages.error(request, "重新打开已锁定的考核必须填写理由。")
            return redirect("round", rnd.pk)
        if action == "confirm_assumptions":
            rnd.assumptions_confirmed_at = timezone.now()
            rnd.assumptions_confirmed_by = request.user
        if action == "issue_notice":
            if scheme_assumptions(rnd.scheme.index()) and rnd.assumptions_confirmed_at is None:
                messages.error(request, "发出通知前请先阅读并确认方案的编写假设。")
                return redirect("round", rnd.pk)
            if not rnd.units.exists() or not rnd.notice_title:
                messages.error(request, "发出通知前请先导入单位名单并填写通知标题。")
                return redirect("round", rnd.pk)
            rnd.notice_issued_at = timezone.now()
        if action == "approve":
            rnd.approved_by, rnd.approved_at = request.user, timezone.now()
        if action == "publish":
            rnd.published_at = timezone.now()
        before = rnd.status
        rnd.status = target
        rnd.save()
        rnd.bump()
        record(
            f"round.{action}",
            summary,
            actor=request.user,
            round=rnd,
            obj=rnd,
            before={"status": before},
            after={"status": target},
            reason=reason,
        )
    messages.success(request, f"已{summary}。")
    return redirect("round", rnd.pk)


def _units_page(request: HttpRequest, acc, problems: list[str] | None = None) -> HttpResponse:
    rnd = acc.round
    members = (
        Membership.objects.filter(round=rnd)
        .select_related("user", "unit")
        .order_by("role", "unit__id")
    )
    classes = {c.id: c.name for c in rnd.scheme.index().scheme.classes}
    return render(
        request,
        "office/units.html",
        {
            "acc": acc,
            "units": [(u, classes.get(u.unit_class, u.unit_class)) for u in rnd.units.all()],
            "form": UnitsImportForm(),
            "member_form": MemberForm(),
            "members": members,
            "issued": bool(request.session.get(f"issued-{rnd.pk}")),
            "problems": problems or [],
            "problems_title": "单位名单未导入",
        },
    )


@login_required
def units(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    return _units_page(request, acc)


@login_required
@require_POST
def units_import(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    rnd = acc.round
    if rnd.locked:
        messages.error(request, "考核已锁定，不能修改单位名单。")
        return redirect("units", rnd.pk)
    refused = refused_upload(request)
    form = UnitsImportForm(request.POST, request.FILES)
    if refused or not form.is_valid():
        return _units_page(request, acc, [refused or "请选择文件。"])
    upload = form.cleaned_data["file"]
    name = Path(upload.name).name
    index = rnd.scheme.index()
    with uploaded_path(upload) as path:
        try:
            loaded = with_class_ids(index, load_units(path), name)
            check_units(index, loaded, name)
        except FactsError as exc:
            return _units_page(request, acc, [readable(str(p), path) for p in exc.problems])
    existing = set(rnd.units.values_list("name", flat=True))
    added = 0
    with transaction.atomic():
        for u in loaded:
            if u.name in existing:
                Unit.objects.filter(round=rnd, name=u.name).update(
                    unit_class=u.unit_class,
                    tags=sorted(u.tags),
                    contact=u.contact or "",
                    phone=u.phone or "",
                )
                continue
            Unit.objects.create(
                round=rnd,
                name=u.name,
                unit_class=u.unit_class,
                tags=sorted(u.tags),
                contact=u.contact or "",
                phone=u.phone or "",
            )
            added += 1
        rnd.bump()
        record(
            "units.import",
            f"导入单位名单 {name}：新增 {added} 个单位，更新 {len(loaded) - added} 个",
            actor=request.user,
            round=rnd,
            after={"file": name, "units": [u.name for u in loaded]},
        )
    messages.success(request, f"已导入 {len(loaded)} 个单位（新增 {added} 个）。")
    return redirect("units", rnd.pk)


@login_required
def units_blank(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    data = units_blank_xlsx(acc.round.scheme.index())
    return download(data, f"{acc.round.name}-单位名单模板.xlsx", XLSX)
