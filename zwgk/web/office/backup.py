"""Backups (备份): the whole database and every uploaded file in one .tar.gz, and back.

The archive holds ``data.json`` (Django's ``dumpdata`` of every app: portable between SQLite and
PostgreSQL), ``files/<stored name>`` for each file under ``EVIDENCE_ROOT`` (evidence, saved copies
of web pages), and ``manifest.json`` (when, which version, counts, and the SHA-256 of every file
and of data.json). Restoring checks every checksum before it changes anything, then replaces the
database's content and copies the files back, in one transaction.

Sessions, sign-in failures (axes) and content types are not backed up: they are rebuilt or
expire on their own, and a restored server starts with everybody signed out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

FORMAT = 1
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes"]


class BackupError(Exception):
    """A backup that cannot be made or restored, with the reason in Chinese."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_backup(target: Path) -> dict:
    """Write the archive to ``target``; return its manifest."""
    root = Path(settings.EVIDENCE_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        with transaction.atomic():  # one consistent snapshot of every table
            call_command(
                "dumpdata",
                exclude=EXCLUDE,
                natural_foreign=True,
                output=str(data),
                verbosity=0,
            )
        files = sorted(p for p in root.iterdir() if p.is_file()) if root.is_dir() else []
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "database": connection.vendor,
            "data_sha256": _sha256(data),
            "files": {p.name: _sha256(p) for p in files},
        }
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            blob = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(blob)
            tar.addfile(info, io.BytesIO(blob))
            tar.add(data, "data.json")
            for p in files:
                tar.add(p, f"files/{p.name}")
        partial.replace(target)  # never a half-written archive under the real name
    return manifest


def restore_backup(source: Path) -> dict:
    """Replace the database's content and the uploaded files with the archive's."""
    if not source.is_file():
        raise BackupError(f"找不到备份文件 {source.name}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        try:
            with tarfile.open(source, "r:gz") as tar:
                tar.extractall(out, filter="data")
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise BackupError(f"{source.name} 不是有效的备份文件（{exc}）") from None
        try:
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise BackupError(f"{source.name} 缺少有效的 manifest.json") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"备份格式 {manifest.get('format')} 不是本版本能读的格式 {FORMAT}")
        data = out / "data.json"
        if not data.is_file() or _sha256(data) != manifest["data_sha256"]:
            raise BackupError("备份中的数据文件缺失或已损坏（校验值不符），未作任何改动")
        for name, digest in manifest["files"].items():
            f = out / "files" / name
            if not f.is_file() or _sha256(f) != digest:
                raise BackupError(f"备份中的文件 {name} 缺失或已损坏（校验值不符），未作任何改动")
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(data), verbosity=0)
        root = Path(settings.EVIDENCE_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        for name in manifest["files"]:
            shutil.copyfile(out / "files" / name, root / name)
    return manifest
