"""整改: tasks for weak units or marked deductions; units report; assessors accept or return."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.web.access import ADMIN, ANY, ASSESSOR, UNIT, access
from zwgk.web.audit.models import record
from zwgk.web.desk.scoring import round_result
from zwgk.web.portal.models import Evidence
from zwgk.web.rectify.forms import TaskForm
from zwgk.web.rectify.models import Report, Task
from zwgk.web.uploads import UploadRefused, refused_upload


def fail_grade_of(rnd) -> str | None:
    """The grade that means 不合格: the scheme's ``fail_grade``, else its lowest grade (as the engine)."""
    scheme = rnd.scheme.index().scheme
    return scheme.fail_grade or (scheme.grades[-1].name if scheme.grades else None)


@login_required
def tasks(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    qs = Task.objects.filter(round=acc.round).select_related("unit").prefetch_related("reports")
    if acc.role == UNIT:
        qs = qs.filter(unit=acc.unit)
    fail_grade = fail_grade_of(acc.round)
    return render(
        request,
        "rectify/tasks.html",
        {
            "acc": acc,
            "tasks": qs,
            "fail_grade": fail_grade,
            "today": timezone.localdate(),
            "default_deadline": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        },
    )


@login_required
@require_POST
def tasks_create(request: HttpRequest, round_id: int) -> HttpResponse:
    """Tasks for every unit graded 不合格 (or the fail grade), or for one unit and deduction."""
    acc = access(request, round_id, (ADMIN, ASSESSOR))
    rnd = acc.round
    form = TaskForm(request.POST, units=rnd.units.all())
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{form.fields[field].label}：{'；'.join(errors)}")
        return redirect("tasks", rnd.pk)
    deadline = form.cleaned_data["deadline"]
    unit = form.cleaned_data["unit"]
    made = 0
    with transaction.atomic():
        if unit is not None:
            title = form.cleaned_data["title"].strip() or "扣分事项整改"
            t = Task.objects.create(
                round=rnd,
                unit=unit,
                title=title,
                detail=form.cleaned_data["detail"],
                deadline=deadline,
                created_by=request.user,
            )
            record(
                "task.create",
                f"向 {unit.name} 下达整改任务“{title}”",
                actor=request.user,
                round=rnd,
                unit=unit,
                obj=t,
                after={"deadline": deadline.isoformat()},
            )
            made = 1
        else:
            result, _ = round_result(rnd)
            fail = fail_grade_of(rnd)
            have = set(
                Task.objects.filter(round=rnd, title__startswith="考核等次").values_list(
                    "unit__name", flat=True
                )
            )
            units = {u.name: u for u in rnd.units.all()}
            for ur in result.units:
                if ur.grade == fail and ur.unit not in have:
                    lost = [
                        f"{n.id} {n.name}：{ln.text}"
                        for n in ur.nodes()
                        for ln in n.lines
                        if ln.amount < 0 and not ln.is_bonus and n.is_leaf
                    ]
                    t = Task.objects.create(
                        round=rnd,
                        unit=units[ur.unit],
                        title=f"考核等次为“{fail}”，限期整改",
                        detail="\n".join(lost[:50]),
                        deadline=deadline,
                        created_by=request.user,
                    )
                    record(
                        "task.create",
                        f"向 {ur.unit} 下达整改任务（考核等次为{fail}）",
                        actor=request.user,
                        round=rnd,
                        unit=units[ur.unit],
                        obj=t,
                        after={"deadline": deadline.isoformat()},
                    )
                    made += 1
    messages.success(request, f"已下达 {made} 项整改任务。")
    return redirect("tasks", rnd.pk)


@login_required
@require_POST
def task_report(request: HttpRequest, round_id: int, task_id: int) -> HttpResponse:
    acc = access(request, round_id, (UNIT,))
    task = get_object_or_404(Task, pk=task_id, unit=acc.unit)
    text = request.POST.get("text", "").strip()[:10000]
    refused = refused_upload(request)
    if refused:
        messages.error(request, refused)
        return redirect("tasks", acc.round.pk)
    if not text:
        messages.error(request, "请填写整改情况。")
        return redirect("tasks", acc.round.pk)
    if task.status not in (Task.Status.OPEN, Task.Status.RETURNED):
        messages.error(request, "该任务当前不需要报送。")
        return redirect("tasks", acc.round.pk)
    with transaction.atomic():
        evidence = None
        upload = request.FILES.get("file")
        if upload is not None:
            try:
                evidence = Evidence.receive(
                    upload,
                    round=acc.round,
                    unit=acc.unit,
                    user=request.user,
                    purpose="rectification",
                )
            except UploadRefused as exc:
                messages.error(request, str(exc))
                return redirect("tasks", acc.round.pk)
        rep = Report.objects.create(
            task=task, text=text, evidence=evidence, created_by=request.user
        )
        task.status = Task.Status.REPORTED
        task.save(update_fields=["status"])
        late = "（逾期报送）" if timezone.localdate() > task.deadline else ""
        record(
            "task.report",
            f"报送 {acc.unit.name} 的整改情况{late}",
            actor=request.user,
            round=acc.round,
            unit=acc.unit,
            obj=rep,
            after={"text": text[:500]},
        )
    messages.success(request, "整改情况已报送。")
    return redirect("tasks", acc.round.pk)


@login_required
@require_POST
def task_review(request: HttpRequest, round_id: int, task_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN, ASSESSOR))
    task = get_object_or_404(Task, pk=task_id, round=acc.round)
    accept = request.POST.get("decision") == "accept"
    review = request.POST.get("review", "").strip()[:3000]
    rep = task.reports.order_by("-created_at").first()
    if task.status != Task.Status.REPORTED or rep is None:
        messages.error(request, "该任务没有待审核的整改报告。")
        return redirect("tasks", acc.round.pk)
    if not accept and not review:
        messages.error(request, "退回须写明理由。")
        return redirect("tasks", acc.round.pk)
    with transaction.atomic():
        rep.review, rep.reviewed_by, rep.reviewed_at = review, request.user, timezone.now()
        rep.save()
        task.status = Task.Status.ACCEPTED if accept else Task.Status.RETURNED
        task.save(update_fields=["status"])
        record(
            "task.review",
            f"审核 {task.unit.name} 的整改情况：{'通过' if accept else '退回重改'}",
            actor=request.user,
            round=acc.round,
            unit=task.unit,
            obj=task,
            after={"status": task.status, "review": review},
        )
    messages.success(request, "已审核。")
    return redirect("tasks", acc.round.pk)
