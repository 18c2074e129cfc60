"""Sign-in (throttled by django-axes), sign-out, one's own password, the home page; and the
office's account work: unit accounts in bulk, members, password resets, sign-in unlocks."""

from __future__ import annotations

import io

from axes.utils import reset as reset_attempts
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from openpyxl import Workbook

from zwgk.web.access import ADMIN, UNIT, access, rounds_for
from zwgk.web.accounts.forms import MemberForm, UnlockForm
from zwgk.web.accounts.middleware import SESSION_KEY
from zwgk.web.accounts.services import (
    create_member,
    create_unit_accounts,
    issued_workbook,
    must_change,
    password_changed,
    reset_password,
)
from zwgk.web.accounts.throttle import current_locks, unlock, username_of
from zwgk.web.downloads import XLSX, download
from zwgk.web.rounds.models import Membership, Round


def login(request: HttpRequest) -> HttpResponse:
    error = ""
    username = ""
    status = 200
    if request.method == "POST":
        username = request.POST.get("username", "").strip()[:150]
        password = request.POST.get("password", "")[:4096]
        user = auth.authenticate(request, username=username, password=password)
        if user is not None:
            auth.login(request, user)
            reset_attempts(username=username_of(request, {"username": username}))
            if must_change(user):
                request.session[SESSION_KEY] = True
                messages.warning(request, "这是考核办发给您的初始密码，请先设置自己的密码。")
                return redirect("password")
            nxt = request.GET.get("next", "")
            if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}):
                return redirect(nxt)
            return redirect("home")
        error = "用户名或密码不正确。"
        status = 401  # a locked account or address gets axes' answer instead (throttle.locked_out)
    return render(
        request, "accounts/login.html", {"error": error, "username": username}, status=status
    )


@require_http_methods(["GET", "POST"])
def logout(request: HttpRequest) -> HttpResponse:
    """Sign out (退出登录). The header's 退出 link posts here by htmx with the token from the CSRF
    cookie, so pages without a form of their own mint no CSRF token; without script the link
    opens a page that asks to confirm (GET never signs out)."""
    if request.method == "GET":
        if not request.user.is_authenticated:
            return redirect("login")
        return render(request, "accounts/logout.html")
    auth.logout(request)  # deletes the session from the database: refused by every worker
    if request.headers.get("HX-Request"):
        response = HttpResponse()
        response["HX-Redirect"] = reverse("login")
        return response
    return redirect("login")


@login_required
def password(request: HttpRequest) -> HttpResponse:
    """Change one's own password (required after a one-time password)."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        auth.update_session_auth_hash(request, user)
        password_changed(user)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, "密码已修改。")
        return redirect("home")
    return render(
        request,
        "accounts/password.html",
        {"form": form, "forced": bool(request.session.get(SESSION_KEY))},
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    rounds = rounds_for(request.user)
    if len(rounds) == 1 and rounds[0][1] == UNIT:
        rnd = rounds[0][0]
        if rnd.status == Round.Status.PUBLISHED:
            unit_id = Membership.objects.get(round=rnd, user=request.user).unit_id
            return redirect("sheet", rnd.pk, unit_id)
        return redirect("portal", rnd.pk)
    return render(request, "accounts/home.html", {"rounds": rounds})


def _issued_key(round_id: int) -> str:
    return f"issued-{round_id}"


def _show_issued(request: HttpRequest, acc, issued: list, what: str) -> HttpResponse:
    """The page that shows one-time passwords; they stay in this session (in the database) for the
    .xlsx until the office clears them or signs out."""
    kept = request.session.get(_issued_key(acc.round.pk), []) + [i.as_dict() for i in issued]
    request.session[_issued_key(acc.round.pk)] = kept
    return render(
        request, "accounts/issued.html", {"acc": acc, "issued": kept, "what": what, "new": issued}
    )


@login_required
@require_POST
def unit_accounts(request: HttpRequest, round_id: int) -> HttpResponse:
    """Create an account for every unit that has none; the passwords are shown on the answer."""
    acc = access(request, round_id, (ADMIN,))
    issued = create_unit_accounts(acc.round, request.user)
    return _show_issued(request, acc, issued, f"已为 {len(issued)} 个单位建立账号")


@login_required
@require_POST
def member_add(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    rnd = acc.round
    form = MemberForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}：{'；'.join(errors)}")
        return redirect("units", rnd.pk)
    username = form.cleaned_data["username"].strip()
    existing = auth.get_user_model().objects.filter(username=username).first()
    if existing is not None and (
        existing.is_staff or Membership.objects.filter(round=rnd, user=existing).exists()
    ):
        messages.error(request, f"用户 {username} 已在本轮考核中有角色。")
        return redirect("units", rnd.pk)
    issued = create_member(
        rnd, username, form.cleaned_data["full_name"], form.cleaned_data["role"], request.user
    )
    if issued is None:
        messages.success(request, f"已添加 {username}（沿用其原有密码）。")
        return redirect("units", rnd.pk)
    return _show_issued(request, acc, [issued], f"已建立账号 {username}")


@login_required
@require_POST
def password_reset(request: HttpRequest, round_id: int, user_id: int) -> HttpResponse:
    """The office gives a member of the round a new one-time password."""
    acc = access(request, round_id, (ADMIN,))
    member = get_object_or_404(
        Membership.objects.select_related("user", "unit"), round=acc.round, user_id=user_id
    )
    if member.user.is_staff:
        raise PermissionDenied
    issued = reset_password(acc.round, member, request.user)
    return _show_issued(request, acc, [issued], f"已重置 {issued.name} 的密码")


@login_required
def issued_xlsx(request: HttpRequest, round_id: int) -> HttpResponse:
    """The one-time passwords shown in this session, as .xlsx."""
    acc = access(request, round_id, (ADMIN,))
    issued = request.session.get(_issued_key(acc.round.pk))
    if not issued:
        raise Http404
    data = issued_workbook(f"{acc.round.name} 账号与初始密码", issued)
    return download(data, f"{acc.round.name}-账号与初始密码.xlsx", XLSX)


@login_required
@require_POST
def issued_clear(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN,))
    request.session.pop(_issued_key(acc.round.pk), None)
    messages.success(request, "初始密码已从本页清除。")
    return redirect("units", acc.round.pk)


@login_required
def accounts_xlsx(request: HttpRequest, round_id: int) -> HttpResponse:
    """The unit accounts as .xlsx (without passwords, which are only shown once)."""
    acc = access(request, round_id, (ADMIN,))
    wb = Workbook()
    ws = wb.active
    ws.title = "单位账号"
    ws.append(["单位名称", "类别", "用户名", "联系人", "联系电话"])
    classes = {c.id: c.name for c in acc.round.scheme.index().scheme.classes}
    for m in Membership.objects.filter(round=acc.round, role=UNIT).select_related("unit", "user"):
        ws.append(
            [
                m.unit.name,
                classes.get(m.unit.unit_class, m.unit.unit_class),
                m.user.username,
                m.unit.contact,
                m.unit.phone,
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return download(buf.getvalue(), f"{acc.round.name}-单位账号.xlsx", XLSX)


@login_required
def signin_locks(request: HttpRequest) -> HttpResponse:
    """登录锁定: accounts and addresses locked now, for the office to unlock."""
    if not request.user.is_staff:
        raise PermissionDenied
    if request.method == "POST":
        form = UnlockForm(request.POST)
        if form.is_valid():
            unlock(form.cleaned_data["kind"], form.cleaned_data["value"], request.user)
            messages.success(request, f"已解除“{form.cleaned_data['value']}”的登录锁定。")
        else:
            messages.error(request, "请选择要解锁的账号或地址。")
        return redirect("signin_locks")
    return render(request, "accounts/locks.html", {"locks": current_locks()})
