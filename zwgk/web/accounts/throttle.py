"""Sign-in throttling on django-axes: per account and per address, counted in the database.

Every worker and machine reads the same counts, so a refusal holds across processes. An account
is locked after ``LOGIN_FAILURES_ALLOWED`` failures (from any address); an address after
``LOGIN_FAILURES_PER_ADDRESS`` failures (for any accounts: one password tried across many accounts
is slowed too); both for ``LOGIN_LOCKOUT_SECONDS`` (the cool-off), or until the office unlocks.
Locking and unlocking are written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zwgk.web.audit.models import record


def username_of(request: HttpRequest, credentials: dict | None) -> str:
    """The account a sign-in is for, as the throttle counts it (case and spaces do not matter)."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).strip().lower()[:150]


def lockout_minutes() -> int:
    return max(1, round(settings.LOGIN_LOCKOUT_SECONDS / 60))


class SignInHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per account and a (higher) limit per address.

    Axes compares one count with one limit; this handler hands it the account's failures, or the
    address's failures scaled to the account limit, whichever is nearer its own limit.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        per_account = settings.LOGIN_FAILURES_ALLOWED
        per_address = settings.LOGIN_FAILURES_PER_ADDRESS
        by_account, by_address = (
            qs.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for qs in self.get_user_attempts(request, credentials)
        )
        return max(by_account, by_address * per_account // per_address)


def locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """The sign-in page saying why it refuses (HTTP 429), whatever the password was."""
    return render(
        request,
        "accounts/login.html",
        {
            "error": f"登录失败次数过多，该账号或本机地址已被暂时锁定，请 {lockout_minutes()} 分钟后再试，"
            "或请考核办解锁。",
            "username": username_of(request, credentials),
        },
        status=429,
    )


@receiver(user_locked_out)
def _audit_lockout(sender, request=None, username=None, ip_address=None, **kwargs) -> None:
    # Axes also sends this signal for every attempt refused while locked; only the attempt that
    # reached the limit has counted a failure (axes_failures_since_start).
    if request is None or getattr(request, "axes_failures_since_start", None) is None:
        return
    record(
        "signin.lockout",
        f"锁定账号“{username or '—'}”或地址 {ip_address}：登录失败次数达到上限，暂停登录 "
        f"{lockout_minutes()} 分钟",
        after={"username": username, "address": ip_address},
    )


@dataclass(frozen=True)
class Lock:
    """A locked account (``kind`` username) or address (``kind`` ip_address)."""

    kind: str
    value: str
    failures: int
    last: object

    @property
    def kind_name(self) -> str:
        return "账号" if self.kind == "username" else "地址"


def current_locks() -> list[Lock]:
    """Accounts and addresses locked now (within the cool-off)."""
    since = timezone.now() - get_cool_off()
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    out: list[Lock] = []
    for kind, limit in (
        ("username", settings.LOGIN_FAILURES_ALLOWED),
        ("ip_address", settings.LOGIN_FAILURES_PER_ADDRESS),
    ):
        rows = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(n=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(n__gte=limit)
            .order_by("-last")
        )
        out += [Lock(kind, r[kind], r["n"], r["last"]) for r in rows]
    return out


def unlock(kind: str, value: str, actor) -> int:
    """Clear the failures of an account or address; the audit trail says who did it."""
    n = reset(username=value) if kind == "username" else reset(ip=value)
    record(
        "signin.unlock",
        f"解除{'账号' if kind == 'username' else '地址'}“{value}”的登录锁定",
        actor=actor,
        after={kind: value, "at": timezone.now().isoformat()},
    )
    return n
