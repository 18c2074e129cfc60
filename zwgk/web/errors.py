"""Error pages in Chinese, with no server detail; the CSRF failure page explains an upload that
was too large."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

from zwgk.web.uploads import refused_upload


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(
        request,
        "error.html",
        {"title": "页面不存在", "text": "没有这个页面，或您无权查看。"},
        status=404,
    )


def forbidden(request: HttpRequest, exception=None) -> HttpResponse:
    """403; a view may say why in Chinese (``PermissionDenied("…")``), otherwise the role is the reason."""
    reason = str(exception) if exception is not None else ""
    return render(
        request,
        "error.html",
        {"title": "无权操作", "text": reason or "您的角色不能进行这项操作。"},
        status=403,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    try:
        refused = refused_upload(request)
    except Exception:  # a malformed body: the CSRF answer stands
        refused = None
    if refused:
        return render(request, "error.html", {"title": "文件过大", "text": refused}, status=413)
    return render(
        request,
        "error.html",
        {"title": "页面已过期", "text": "请返回上一页，刷新后重新提交。"},
        status=403,
    )


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return render(
        request,
        "error.html",
        {"title": "请求有误", "text": "提交的内容无法处理，请返回上一页检查后重试。"},
        status=400,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: a page of its own that needs neither the database nor the session (either
    may be what failed), with no path or traceback (those go to the server's log)."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)
