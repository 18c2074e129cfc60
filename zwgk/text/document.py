"""Reading a document's text (读取文稿): txt, docx, pdf or html, told apart by their bytes (the
name's extension only breaks ties), with the inspector's own readers — the same decoding, PDF and
Word extraction and visible-text rules as for a crawled page or attachment."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO

from zwgk.inspect.extract import NOT_EXTRACTED, decode, extract_attachment, parse_html

KINDS = ("txt", "docx", "pdf", "html")
MAX_BYTES = 20 * 1024 * 1024


class DocumentError(ValueError):
    """A document that cannot be read, with a Chinese message saying what and why."""


def kind_of(body: bytes, name: str = "") -> str:
    """``pdf``, ``docx``, ``html`` or ``txt`` from the content; an unknown binary is refused."""
    head = body[:1024].lstrip()
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(body)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise DocumentError(f"{name or '文件'}：不是 Word（docx）文档，无法读取文字")
    if ext in ("doc", "wps", "xls", "xlsx", "et", "ofd") or b"\x00" in head:
        raise DocumentError(
            f"{name or '文件'}：只能检查 txt、docx、pdf、html 文稿；旧版 doc/wps 请另存为 docx"
        )
    lowered = head[:200].lower()
    if ext in ("html", "htm") or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def read_text(body: bytes, name: str = "") -> str:
    """The text of a document; ``DocumentError`` when it cannot be read."""
    if len(body) > MAX_BYTES:
        raise DocumentError(f"{name or '文件'}：超过 {MAX_BYTES // (1024 * 1024)} MB，未检查")
    kind = kind_of(body, name)
    if kind in ("pdf", "docx"):
        text, note = extract_attachment("." + kind, body)
        if note and note.startswith(NOT_EXTRACTED):
            raise DocumentError(f"{name or '文件'}：{note}")
        if not text.strip():
            raise DocumentError(f"{name or '文件'}：没有可读的文字（扫描件？）")
        return text
    text, _encoding = decode(body)
    if kind == "html":
        return parse_html("file:///" + (name or "draft.html"), text, dt.date.today(), False).text
    return text.lstrip("\ufeff")
