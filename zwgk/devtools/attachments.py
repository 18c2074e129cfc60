"""Attachment writers of the test world: small real pdf, docx and xlsx files whose text the
inspector's extractors read back (the PDF needs no library: ASCII lines in Helvetica)."""

from __future__ import annotations

import io

import docx
import openpyxl


def make_attachment(ext: str, lines: list[str]) -> bytes:
    if ext == ".pdf":
        return minimal_pdf(lines)
    if ext == ".docx":
        doc = docx.Document()
        for line in ["XX区政务公开附件", *lines]:
            doc.add_paragraph(line)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in ["XX区政务公开附件", *lines]:
        ws.append(line.split(" ", 1) if " " in line else [line])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ASCII text lines (Helvetica), readable by pypdf."""
    content = "BT /F1 12 Tf 50 750 Td 16 TL " + " ".join(
        "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for s in lines
    )
    content += " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
