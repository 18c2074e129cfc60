from __future__ import annotations

from django import forms

from zwgk.web.precheck.models import OfficeWord

MAX_CHARS = 100_000


class CheckForm(forms.Form):
    text = forms.CharField(
        label="粘贴文稿",
        required=False,
        max_length=MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": "把要发布的文字粘贴在这里"}),
        error_messages={"max_length": "文稿超过 10 万字，请分段检查。"},
    )
    file = forms.FileField(label="或上传文稿（docx、pdf、txt、html）", required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError("请粘贴文字或上传文稿。")
        return data


class WordForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=OfficeWord.Kind.choices)
    wrong = forms.CharField(label="词语（或错误写法）", max_length=50)
    right = forms.CharField(label="正确写法", max_length=50, required=False)

    def clean(self):
        data = super().clean()
        wrong = (data.get("wrong") or "").strip()
        right = (data.get("right") or "").strip()
        if len(wrong) < 2:
            raise forms.ValidationError("词语至少两个字。")
        if data.get("kind") == OfficeWord.Kind.PAIR and (not right or right == wrong):
            raise forms.ValidationError("错→对词对要写出与错误写法不同的正确写法。")
        data["wrong"], data["right"] = (
            wrong,
            right if data.get("kind") == OfficeWord.Kind.PAIR else "",
        )
        return data
