"""A strict Content-Security-Policy (every script, style and font comes from this server), the
refusal of NUL characters in input, and the CSRF cookie's name for the page's script."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class RejectNullCharactersMiddleware:
    """A NUL character in a query or form value is refused (400) before any view reads it: no
    office types one, and PostgreSQL refuses it in text, which would otherwise be a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for data in (request.GET, request.POST):
            for key, values in data.lists():
                if "\x00" in key or any("\x00" in v for v in values):
                    return render(
                        request,
                        "error.html",
                        {
                            "title": "输入有误",
                            "text": "输入中含有不允许的字符（空字符），请删除后重试。",
                        },
                        status=400,
                    )
        return self.get_response(request)


def csrf_cookie(request: HttpRequest) -> dict[str, str]:
    """Context processor: the CSRF cookie's name. htmx requests send the cookie's token in a
    header (app.js), so a page renders a masked token only when it has a form of its own; masking
    one costs 32 calls of os.urandom, each a hand-over of the interpreter lock between threads."""
    return {"csrf_cookie_name": settings.CSRF_COOKIE_NAME}
