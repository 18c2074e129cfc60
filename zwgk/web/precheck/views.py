"""发布前检查: paste or upload a draft, see every problem marked in place; the office keeps the
round's protected words and wrong → right pairs."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zwgk.text.check import TextFinding, check_text
from zwgk.text.document import DocumentError, read_text
from zwgk.web.access import ADMIN, ANY, ASSESSOR, access
from zwgk.web.audit.models import record
from zwgk.web.precheck.forms import MAX_CHARS, CheckForm, WordForm
from zwgk.web.precheck.models import OfficeWord, options_for
from zwgk.web.uploads import refused_upload, sniff, uploaded_path

TEXT_SUFFIXES = (".txt", ".text", ".htm", ".html")
KIND_CLASS = {
    "wording-serious": "pc-serious",
    "wording-typo": "pc-typo",
    "wording-suspect": "pc-suspect",
}
LEGEND = (
    ("pc-privacy", "隐私信息"),
    ("pc-serious", "严重表述错误"),
    ("pc-typo", "错别字"),
    ("pc-suspect", "请核对"),
)


@dataclass(frozen=True)
class Segment:
    """A piece of the draft: plain, or marked with the finding it is (numbered from 1)."""

    text: str
    finding: TextFinding | None = None
    number: int = 0
    css: str = ""


def segments(text: str, findings: list[TextFinding]) -> list[Segment]:
    """The draft cut at the findings' offsets (an overlapping later finding is listed, not
    marked twice)."""
    out, at = [], 0
    for n, f in enumerate(findings, start=1):
        if f.start < at:
            continue
        if f.start > at:
            out.append(Segment(text[at : f.start]))
        css = KIND_CLASS.get(f.check, "pc-privacy")
        out.append(Segment(text[f.start : f.end], f, n, css))
        at = f.end
    out.append(Segment(text[at:]))
    return out


def _read_upload(upload) -> str:
    """The text of an uploaded draft, sniffed like evidence (pdf, docx) or a plain text file."""
    with uploaded_path(upload) as path:
        kind = sniff(path, upload.name)
        if kind not in ("pdf", "docx") and not upload.name.lower().endswith(TEXT_SUFFIXES):
            raise DocumentError(f"{upload.name}：只能检查 docx、pdf、txt、html 文稿")
        return read_text(path.read_bytes(), upload.name)


@login_required
def precheck(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, ANY)
    form, text, found = CheckForm(), "", None
    if request.method == "POST":
        refused = refused_upload(request)
        form = CheckForm(request.POST, request.FILES)
        if refused:
            messages.error(request, refused)
        elif form.is_valid():
            upload = form.cleaned_data.get("file")
            try:
                text = _read_upload(upload) if upload else form.cleaned_data["text"]
            except DocumentError as exc:
                form.add_error("file", str(exc))
            else:
                if len(text) > MAX_CHARS:
                    form.add_error(None, "文稿超过 10 万字，请分段检查。")
                else:
                    found = check_text(text, options_for(acc.round))
    counts: dict[str, int] = {}
    for f in found or []:
        css = KIND_CLASS.get(f.check, "pc-privacy")
        counts[css] = counts.get(css, 0) + 1
    return render(
        request,
        "precheck/precheck.html",
        {
            "acc": acc,
            "form": form,
            "word_form": WordForm(),
            "words": OfficeWord.objects.filter(round=acc.round),
            "checked": found is not None,
            "findings": found or [],
            "segments": segments(text, found) if found else [],
            "legend": [(css, label, counts[css]) for css, label in LEGEND if css in counts],
            "rows": [(n, f, f.action) for n, f in enumerate(found or [], start=1)],
        },
    )


@login_required
@require_POST
def word_add(request: HttpRequest, round_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN, ASSESSOR))
    form = WordForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, "；".join(error))
        return redirect("precheck", acc.round.pk)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            word = OfficeWord.objects.create(
                round=acc.round,
                kind=data["kind"],
                wrong=data["wrong"],
                right=data["right"],
                added_by=request.user,
            )
            record(
                "precheck.word.add",
                f"发布前检查添加{word.get_kind_display()}“{word}”",
                actor=request.user,
                round=acc.round,
                obj=word,
                after={"kind": word.kind, "wrong": word.wrong, "right": word.right},
            )
    except IntegrityError:
        messages.error(request, f"“{data['wrong']}”已经在列表里。")
        return redirect("precheck", acc.round.pk)
    messages.success(request, f"已添加{word.get_kind_display()}“{word}”。")
    return redirect("precheck", acc.round.pk)


@login_required
@require_POST
def word_delete(request: HttpRequest, round_id: int, word_id: int) -> HttpResponse:
    acc = access(request, round_id, (ADMIN, ASSESSOR))
    word = get_object_or_404(OfficeWord, pk=word_id, round=acc.round)
    with transaction.atomic():
        record(
            "precheck.word.delete",
            f"发布前检查删除{word.get_kind_display()}“{word}”",
            actor=request.user,
            round=acc.round,
            obj=word,
            before={"kind": word.kind, "wrong": word.wrong, "right": word.right},
        )
        word.delete()
    messages.success(request, f"已删除“{word}”。")
    return redirect("precheck", acc.round.pk)
