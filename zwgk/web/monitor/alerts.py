"""告警: when a site goes down, comes back, or a veto threshold is crossed, tell people at once —
by e-mail (Django's mail settings) to the site's and the office's addresses, by a JSON POST to
``MONITOR_WEBHOOK_URL`` (the office's own messaging: 政务微信, 钉钉 robots, an SMS gateway), and
to ``MONITOR_ALERT_HOOK`` (a dotted path to a Python callable) if set. Each finding raises one
alert and clears one, however often its runs are retried (``Alert`` is unique per finding and
kind)."""

from __future__ import annotations

import json
import logging
import re
import urllib.request
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from zwgk.inspect.model import Severity
from zwgk.monitor import availability_down
from zwgk.monitor.identity import Outcome
from zwgk.web.monitor.models import Alert, Finding

log = logging.getLogger(__name__)
RAISED, CLEARED = "raised", "cleared"


def recipients(finding: Finding) -> list[str]:
    own = finding.site.alert_emails if finding.site_id else ""
    found = [a for a in re.split(r"[\s,;，；、]+", own) if "@" in a]
    return list(dict.fromkeys(found + list(settings.MONITOR_ALERT_EMAILS)))


def payload(finding: Finding, kind: str) -> dict:
    return {
        "event": "monitor.alert",
        "kind": kind,
        "check": finding.check_id,
        "severity": finding.severity,
        "unit": finding.unit.name,
        "site": finding.site.name if finding.site_id else str(finding.account),
        "url": finding.url,
        "message": finding.message,
        "first_seen": finding.first_seen.isoformat(),
        "at": timezone.now().isoformat(),
    }


def alerts_due(outcome: Outcome) -> list[tuple[str, str]]:
    """(finding key, kind) for the alerts an outcome calls for."""
    out = [
        (key, RAISED)
        for key, f in outcome.new
        if f.check == availability_down.CHECK_ID or f.severity == Severity.VETO
    ]
    out += [(key, CLEARED) for key in outcome.gone if key.startswith(availability_down.CHECK_ID)]
    return out


def after(scope: str, outcome: Outcome) -> None:
    """Send the outcome's alerts once the transaction that stored it has committed."""
    due = alerts_due(outcome)
    if due:
        transaction.on_commit(lambda: send(scope, due))


def send(scope: str, due: Iterable[tuple[str, str]]) -> None:
    for key, kind in due:
        finding = (
            Finding.objects.select_related("site", "unit", "account")
            .filter(scope=scope, key_hash=Finding.hash_of(key))
            .first()
        )
        if finding is None:
            continue
        try:
            with transaction.atomic():
                alert = Alert.objects.create(finding=finding, kind=kind)
        except IntegrityError:
            continue  # sent already (a retried run)
        alert.recipients = ",".join(recipients(finding))[:500]
        alert.outcome = deliver(
            finding, kind, alert.recipients.split(",") if alert.recipients else []
        )[:300]
        alert.save(update_fields=["recipients", "outcome"])


def deliver(finding: Finding, kind: str, to: list[str]) -> str:
    """Send one alert every configured way; returns what happened, for the record."""
    done = []
    body = payload(finding, kind)
    title = ("【网站监测告警】" if kind == RAISED else "【网站监测恢复】") + (
        f"{body['unit']} {body['site']}：{finding.message}"
        if kind == RAISED
        else f"{body['unit']} {body['site']} 已恢复访问"
    )
    if to:
        try:
            send_mail(
                title[:150],
                f"{title}\n\n网址：{finding.url}\n检查项：{finding.check_id}（{finding.severity}）\n"
                f"首次发现：{timezone.localtime(finding.first_seen):%Y-%m-%d %H:%M}\n\n{finding.evidence}\n",
                settings.DEFAULT_FROM_EMAIL,
                to,
            )
            done.append(f"邮件 {len(to)} 人")
        except Exception as exc:  # mail server down: record it, keep monitoring
            log.warning("monitor alert mail failed: %s", exc)
            done.append(f"邮件失败：{type(exc).__name__}")
    if settings.MONITOR_WEBHOOK_URL:
        try:
            req = urllib.request.Request(
                settings.MONITOR_WEBHOOK_URL,
                data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                headers={"Content-Type": "application/json; charset=utf-8"},
                method="POST",
            )
            with urllib.request.urlopen(req, timeout=5) as resp:
                done.append(f"webhook {resp.status}")
        except Exception as exc:
            log.warning("monitor alert webhook failed: %s", exc)
            done.append(f"webhook 失败：{type(exc).__name__}")
    if settings.MONITOR_ALERT_HOOK:
        try:
            import_string(settings.MONITOR_ALERT_HOOK)(body)
            done.append("hook")
        except Exception as exc:
            log.warning("monitor alert hook failed: %s", exc)
            done.append(f"hook 失败：{type(exc).__name__}")
    return "；".join(done) or "未配置告警方式"
