"""Saved copies of what a finding was seen on (页面副本), stored like evidence files: under random
names in ``EVIDENCE_ROOT``, served only as downloads. A confirmed finding's copy becomes an
``Evidence`` of the unit, attached to the fact."""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from zwgk.web.monitor import inspection
from zwgk.web.monitor.models import Finding, MonitoredSite, Snapshot
from zwgk.web.portal.models import Evidence
from zwgk.web.uploads import path_of

_UNSAFE = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff._-]+")


def _write(data: bytes) -> tuple[str, str]:
    root = Path(settings.EVIDENCE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16)
    (root / name).write_bytes(data)
    return name, hashlib.sha256(data).hexdigest()


def _label(url: str) -> str:
    return _UNSAFE.sub("_", url.split("://", 1)[-1])[:80].strip("_") or "page"


def of_text(site: MonitoredSite | None, url: str, title: str, text: str) -> Snapshot:
    """A text record (the probe log of a week, an account's update dates)."""
    data = text.encode("utf-8-sig")
    stored, digest = _write(data)
    now = timezone.localtime()
    return Snapshot.objects.create(
        site=site,
        url=url,
        fetched_at=now,
        status=0,
        kind="txt",
        name=f"{title}_{now:%Y%m%d-%H%M}.txt",
        stored_name=stored,
        size=len(data),
        sha256=digest,
    )


def of_page(site: MonitoredSite | None, url: str) -> tuple[Snapshot | None, str]:
    """Fetch ``url`` now and keep a copy; (None, reason) when nothing could be read."""
    try:
        status, ctype, body, error = inspection.fetch_page(url, (site.options if site else None))
    except Exception as exc:  # the page's server, not ours: say why and carry on
        return None, f"未能保存页面副本：{type(exc).__name__}"
    if not body:
        return None, f"未能保存页面副本：{error or f'HTTP {status}'}"
    stored, digest = _write(body)
    now = timezone.localtime()
    kind = "html" if "html" in ctype or not ctype else ctype.split("/")[-1].split(";")[0][:10]
    snap = Snapshot.objects.create(
        site=site,
        url=url,
        fetched_at=now,
        status=status,
        kind=kind,
        name=f"页面副本_{_label(url)}_{now:%Y%m%d-%H%M}.{kind}",
        stored_name=stored,
        size=len(body),
        sha256=digest,
    )
    return snap, ""


def page_of(finding) -> str:
    """The page a finding (stored or just found) is seen on: the referring page of a dead
    link, else its own URL."""
    check = getattr(finding, "check_id", None) or finding.check
    if check.startswith("links-") and finding.referrer:
        return finding.referrer
    return finding.url


def to_evidence(snap: Snapshot, finding: Finding, indicator_id: str, user) -> Evidence:
    """A copy of the snapshot as the unit's evidence for the indicator (purpose ``finding``)."""
    root = Path(settings.EVIDENCE_ROOT)
    name = secrets.token_hex(16)
    shutil.copyfile(path_of(snap.stored_name), root / name)
    return Evidence.objects.create(
        round=finding.round,
        unit=finding.unit,
        indicator_id=indicator_id,
        original_name=snap.name[:255],
        stored_name=name,
        kind=snap.kind,
        size=snap.size,
        sha256=snap.sha256,
        uploaded_by=user,
        purpose="finding",
    )
