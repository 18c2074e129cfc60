"""A strict Content-Security-Policy (every script, style and font comes from this server), the
refusal of NUL characters in input, and CSRF strings drawn from the OS in one call."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware import csrf
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


def new_csrf_string() -> str:
    """Django's CSRF secret and per-page mask (``get_random_string(CSRF_SECRET_LENGTH,
    CSRF_ALLOWED_CHARS)``: 32 letters and digits, each uniform), with its randomness read from
    the OS in one call instead of one call per character. Each call releases the interpreter
    lock: on a threaded server (runserver, gthread workers) the 33 calls behind every page's
    token handed the lock to another thread 33 times, a tenth of the page's CPU. Same source
    (``secrets``), alphabet, length and distribution: bytes at or above the largest multiple of
    the alphabet's size are dropped and more are drawn."""
    chars, length = csrf.CSRF_ALLOWED_CHARS, csrf.CSRF_SECRET_LENGTH
    limit = 256 - 256 % len(chars)
    drawn: list[str] = []
    while len(drawn) < length:
        drawn += [chars[b % len(chars)] for b in secrets.token_bytes(2 * length) if b < limit]
    return "".join(drawn[:length])


# django.middleware.csrf draws both the cookie's secret and every page's mask through this one
# function (the CSRF checks themselves are untouched); tests/web/test_perf.py checks it is ours.
csrf._get_new_csrf_string = new_csrf_string
