"""Upload limits and content sniffing for evidence files.

A request whose declared body is larger than the evidence limit is not read at all:
:class:`LimitedUploadHandler` short-circuits the multipart parser and marks the request, and the
views (and the CSRF failure view, since the token inside the body is never read) answer with a
clear message. A file that is larger than declared is cut off while streaming to disk.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

ALLOWED = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "ofd", "jpg", "png")
ALLOWED_TEXT = "pdf、doc、docx、xls、xlsx、wps、ofd、jpg、png"


def limit_bytes() -> int:
    return settings.EVIDENCE_MAX_BYTES


def limit_text() -> str:
    return f"{limit_bytes() // (1024 * 1024)} MB"


class LimitedUploadHandler(FileUploadHandler):
    """Refuses oversized request bodies before reading them; cuts off oversized files."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.total = 0
        if content_length and content_length > limit_bytes() + 1024 * 1024:
            self.request.upload_refused = (
                f"文件过大：单个文件不得超过 {limit_text()}，本次未接收任何内容。"
            )
            return QueryDict(), MultiValueDict()
        return None

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > limit_bytes():
            self.request.upload_refused = (
                f"文件过大：单个文件不得超过 {limit_text()}，本次未接收该文件。"
            )
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def _is_zip_with(head: bytes, path: Path, names: tuple[str, ...]) -> bool:

    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            listed = zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    return any(any(n.startswith(prefix) for n in listed) for prefix in names)


def sniff(path: Path, original_name: str) -> str | None:
    """The file's real kind from its bytes (not its name), or None if it is not allowed."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    suffix = Path(original_name).suffix.lower().lstrip(".")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: doc, xls, wps (WPS 文字)
        return suffix if suffix in ("doc", "xls", "wps") else "doc"
    if _is_zip_with(head, path, ("word/",)):
        return "docx"
    if _is_zip_with(head, path, ("xl/",)):
        return "xlsx"
    if _is_zip_with(head, path, ("OFD.xml", "Doc_0/")):
        return "ofd"
    return None


@dataclass(frozen=True)
class Stored:
    stored_name: str
    kind: str
    size: int
    sha256: str


class UploadRefused(Exception):
    """A file that is not stored, with the reason in Chinese."""


def store(uploaded, original_name: str) -> Stored:
    """Copy an uploaded file under a random name in EVIDENCE_ROOT after checking it."""
    root = Path(settings.EVIDENCE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    if uploaded.size > limit_bytes():
        raise UploadRefused(f"{original_name}：文件过大，不得超过 {limit_text()}")
    if uploaded.size == 0:
        raise UploadRefused(f"{original_name}：文件是空的")
    name = secrets.token_hex(16)
    target = root / name
    digest = hashlib.sha256()
    with open(target, "wb") as out:
        for chunk in uploaded.chunks():
            digest.update(chunk)
            out.write(chunk)
    kind = sniff(target, original_name)
    if kind is None:
        target.unlink(missing_ok=True)
        raise UploadRefused(f"{original_name}：文件内容不是允许的格式（{ALLOWED_TEXT}）")
    return Stored(name, kind, target.stat().st_size, digest.hexdigest())


def path_of(stored_name: str) -> Path:
    if not stored_name.isalnum():
        raise ValueError(stored_name)
    return Path(settings.EVIDENCE_ROOT) / stored_name


def copy_into(src: Path, original_name: str) -> Stored:
    """Store a file from disk (demo data, imports)."""
    root = Path(settings.EVIDENCE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    name = secrets.token_hex(16)
    shutil.copyfile(src, root / name)
    kind = sniff(root / name, original_name) or "pdf"
    data = (root / name).read_bytes()
    return Stored(name, kind, len(data), hashlib.sha256(data).hexdigest())


@contextmanager
def uploaded_path(upload) -> Iterator[Path]:
    """The uploaded file streamed to a temporary file that keeps its name (the readers go by the
    suffix and name the file in their errors); removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(upload.name).name
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        yield path


def refused_upload(request) -> str | None:
    """Why the request's upload was refused (parsing the body first, so the handler has run)."""
    _ = request.FILES
    return getattr(request, "upload_refused", None)


def readable(text: str, path: Path) -> str:
    """An error about an uploaded file as the office reads it: the file by its own name, never
    the server's temporary path."""
    return text.replace(str(path), path.name).replace(str(path.parent) + "/", "")
