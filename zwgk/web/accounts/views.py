"""Sign-in (with throttling), sign-out and the home page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zwgk.web.access import UNIT, rounds_for


def _throttle_key(request: HttpRequest, username: str) -> str:
    ip = request.META.get("REMOTE_ADDR", "")
    return f"login-fail:{username.lower()}:{ip}"


def login(request: HttpRequest) -> HttpResponse:
    error = ""
    username = ""
    status = 200
    if request.method == "POST":
        username = request.POST.get("username", "").strip()[:150]
        password = request.POST.get("password", "")
        key = _throttle_key(request, username)
        failures = cache.get(key, 0)
        if failures >= settings.LOGIN_FAILURES_ALLOWED:
            error = f"登录失败次数过多，请 {settings.LOGIN_LOCKOUT_SECONDS // 60} 分钟后再试。"
            status = 429
        else:
            user = auth.authenticate(request, username=username, password=password)
            if user is not None:
                cache.delete(key)
                auth.login(request, user)
                nxt = request.GET.get("next", "")
                if nxt and url_has_allowed_host_and_scheme(nxt, {request.get_host()}):
                    return redirect(nxt)
                return redirect("home")
            cache.set(key, failures + 1, settings.LOGIN_LOCKOUT_SECONDS)
            error = "用户名或密码不正确。"
            status = 401
    return render(
        request, "accounts/login.html", {"error": error, "username": username}, status=status
    )


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return redirect("login")


@login_required
def password(request: HttpRequest) -> HttpResponse:
    """Change one's own password (the initial ones are generated and shown once)."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        auth.update_session_auth_hash(request, user)
        messages.success(request, "密码已修改。")
        return redirect("home")
    return render(request, "accounts/password.html", {"form": form})


@login_required
def home(request: HttpRequest) -> HttpResponse:
    rounds = rounds_for(request.user)
    if len(rounds) == 1 and rounds[0][1] == UNIT:
        return redirect("portal", rounds[0][0].pk)
    return render(request, "accounts/home.html", {"rounds": rounds})
