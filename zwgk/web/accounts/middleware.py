"""Someone signed in with a one-time password may only change it (or sign out) until they do."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "must_change_password"


class PasswordChangeRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(SESSION_KEY) and request.user.is_authenticated:
            allowed = (reverse("password"), reverse("logout"))
            if request.path not in allowed and not request.path.startswith("/static/"):
                return redirect("password")
        return self.get_response(request)
