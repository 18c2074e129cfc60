"""The unit portal: indicators that apply, self-assessment, evidence, N/A requests."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zwgk.scoring.codec import parse_decimal as to_decimal
from zwgk.web.access import ANY, UNIT, Access, access
from zwgk.web.audit.models import record
from zwgk.web.portal.models import Evidence, NARequest, SelfAssessment
from zwgk.web.rounds.services import core_unit
from zwgk.web.rounds.tree import rows_for
from zwgk.web.uploads import ALLOWED_TEXT, UploadRefused, limit_text, path_of, refused_upload


def _unit_acc(request: HttpRequest, round_id: int) -> Access:
    acc = access(request, round_id, (UNIT,))
    return acc


@login_required
def portal(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = _unit_acc(request, round_id)
    rnd, unit = acc.round, acc.unit
    index = rnd.scheme.index()
    rows = rows_for(index, core_unit(unit))
    selfs = {s.indicator_id: s for s in SelfAssessment.objects.filter(unit=unit)}
    counts: dict[str, int] = {}
    for ind in Evidence.objects.filter(unit=unit).values_list("indicator_id", flat=True):
        counts[ind] = counts.get(ind, 0) + 1
    nas = {n.indicator_id: n for n in NARequest.objects.filter(unit=unit)}
    return render(
        request,
        "portal/portal.html",
        {
            "acc": acc,
            "rows": rows,
            "selfs": selfs,
            "counts": counts,
            "nas": nas,
            "open": rnd.evidence_open(),
            "leaf_count": sum(1 for r in rows if r.leaf),
            "done_count": sum(
                1 for r in rows if r.leaf and (r.node.id in selfs or r.node.id in counts)
            ),
        },
    )


def _node_or_404(acc: Access, indicator_id: str):
    index = acc.round.scheme.index()
    node = index.nodes.get(indicator_id)
    if node is None or not node.is_leaf or not index.applies(indicator_id, core_unit(acc.unit)):
        raise Http404
    return index, node


@login_required
def indicator(request: HttpRequest, round_id: int, indicator_id: str) -> HttpResponse:
    acc = _unit_acc(request, round_id)
    index, node = _node_or_404(acc, indicator_id)
    rnd, unit = acc.round, acc.unit
    sa = SelfAssessment.objects.filter(unit=unit, indicator_id=node.id).first()
    if request.method == "POST":
        if not rnd.evidence_open():
            messages.error(request, _closed_message(rnd))
            return redirect("indicator", rnd.pk, node.id)
        error = _save_self(request, acc, node, sa)
        if error:
            messages.error(request, error)
        else:
            messages.success(request, "自评已保存。")
        return redirect("indicator", rnd.pk, node.id)
    return render(
        request,
        "portal/indicator.html",
        {
            "acc": acc,
            "node": node,
            "path": index.path_names(node.id),
            "sa": sa,
            "evidence": Evidence.objects.filter(unit=unit, indicator_id=node.id),
            "na": NARequest.objects.filter(unit=unit, indicator_id=node.id).first(),
            "open": rnd.evidence_open(),
            "closed_message": _closed_message(rnd),
            "allowed": ALLOWED_TEXT,
            "limit": limit_text(),
        },
    )


def _closed_message(rnd) -> str:
    if rnd.status == rnd.Status.DRAFT:
        return "考核通知尚未发出，暂不能提交。"
    if rnd.evidence_deadline and timezone.now() > rnd.evidence_deadline:
        when = timezone.localtime(rnd.evidence_deadline).strftime("%Y年%m月%d日 %H:%M")
        return f"自评和印证材料已于 {when} 截止，不再接收。如有特殊情况请联系考核办。"
    return "当前阶段不接收自评和印证材料。"


def _save_self(request: HttpRequest, acc: Access, node, sa: SelfAssessment | None) -> str | None:
    raw = request.POST.get("score", "").strip()
    score = None
    if raw:
        try:
            score = to_decimal(raw)  # the core's reading: full-width digits, finite only
        except ValueError:
            return f"自评分“{raw}”不是数字。"
        low = node.range[0] if node.range is not None else Decimal(0)
        high = (
            node.range[1]
            if node.range is not None
            else node.points
            + sum((b.cap or Decimal(0) for b in node.bonuses), Decimal(0))
            + (node.bonus_cap or Decimal(0))
        )
        if score < low or (high and score > max(high, node.points)):
            return f"自评分应在 {low} 至 {max(high, node.points)} 之间。"
    statement = request.POST.get("statement", "").strip()[:5000]
    before = {
        "score": str(sa.score) if sa and sa.score is not None else None,
        "statement": sa.statement if sa else "",
    }
    with transaction.atomic():
        sa, _ = SelfAssessment.objects.update_or_create(
            unit=acc.unit,
            indicator_id=node.id,
            defaults={
                "round": acc.round,
                "score": score,
                "statement": statement,
                "updated_by": request.user,
                "updated_at": timezone.now(),
            },
        )
        record(
            "self.save",
            f"保存 {acc.unit.name} {node.id} {node.name} 的自评（{raw or '未打分'}）",
            actor=request.user,
            round=acc.round,
            unit=acc.unit,
            obj=sa,
            before=before,
            after={"score": raw or None, "statement": statement},
        )
    return None


@login_required
@require_POST
def upload(request: HttpRequest, round_id: int, indicator_id: str) -> HttpResponse:
    acc = _unit_acc(request, round_id)
    _, node = _node_or_404(acc, indicator_id)
    rnd = acc.round
    refused = refused_upload(request)
    if refused:
        messages.error(request, refused)
        return redirect("indicator", rnd.pk, node.id)
    if not rnd.evidence_open():
        messages.error(request, _closed_message(rnd))
        record(
            "evidence.refused",
            f"在截止后为 {acc.unit.name} {node.id} 上传材料，被拒绝",
            actor=request.user,
            round=rnd,
            unit=acc.unit,
            after={"files": [f.name for f in request.FILES.getlist("files")]},
        )
        return redirect("indicator", rnd.pk, node.id)
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, "请选择要上传的文件。")
    for f in files[:20]:
        try:
            ev = Evidence.receive(
                f, round=rnd, unit=acc.unit, user=request.user, indicator_id=node.id
            )
        except UploadRefused as exc:
            messages.error(request, str(exc))
            continue
        record(
            "evidence.upload",
            f"为 {acc.unit.name} {node.id} 上传材料 {f.name}（{ev.size // 1024 + 1} KB）",
            actor=request.user,
            round=rnd,
            unit=acc.unit,
            obj=ev,
            after={"name": f.name, "sha256": ev.sha256, "at": ev.uploaded_at.isoformat()},
        )
        messages.success(
            request, f"已收到 {f.name}（{timezone.localtime(ev.uploaded_at):%Y-%m-%d %H:%M}）。"
        )
    return redirect("indicator", rnd.pk, node.id)


@login_required
def evidence_file(request: HttpRequest, round_id: int, evidence_id: int) -> FileResponse:
    """Serve an evidence file to its own unit and to the office side of the round, nobody else."""
    acc = access(request, round_id, ANY)
    ev = get_object_or_404(Evidence, pk=evidence_id, round=acc.round)
    if acc.role == UNIT and ev.unit_id != acc.unit.pk:
        raise Http404
    try:
        fh = open(path_of(ev.stored_name), "rb")  # noqa: SIM115 — FileResponse closes it
    except (OSError, ValueError):
        raise Http404 from None
    return FileResponse(fh, as_attachment=True, filename=ev.original_name)


@login_required
@require_POST
def na_request(request: HttpRequest, round_id: int, indicator_id: str) -> HttpResponse:
    acc = _unit_acc(request, round_id)
    _, node = _node_or_404(acc, indicator_id)
    reason = request.POST.get("reason", "").strip()[:3000]
    if not reason:
        messages.error(request, "请写明不适用的理由。")
    elif acc.round.locked:
        messages.error(request, "考核已锁定。")
    else:
        na, _ = NARequest.objects.update_or_create(
            unit=acc.unit,
            indicator_id=node.id,
            defaults={
                "round": acc.round,
                "reason": reason,
                "status": NARequest.Status.PENDING,
                "created_by": request.user,
                "created_at": timezone.now(),
            },
        )
        record(
            "na.request",
            f"申请 {acc.unit.name} {node.id} {node.name} 不适用",
            actor=request.user,
            round=acc.round,
            unit=acc.unit,
            obj=na,
            after={"reason": reason},
        )
        messages.success(request, "不适用申请已提交，等待考核办审核。")
    return redirect("indicator", acc.round.pk, node.id)
