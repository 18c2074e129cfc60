"""Forms of the office's round pages."""

from __future__ import annotations

from django import forms

from zwgk.web.fields import DateTimeField


class NewRoundForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    name = forms.CharField(label="名称", max_length=200)
    scheme_file = forms.FileField(
        label="考核方案（.yaml，或办公室的 .xlsx / .docx 评分表）",
        help_text="Excel/Word 评分表会先自动识别，再列出需要人工复核的指标。",
    )


class SettingsForm(forms.Form):
    evidence_deadline = DateTimeField(label="自评与印证材料截止时间", required=False)
    objection_deadline = DateTimeField(label="异议截止时间", required=False)
    notice_title = forms.CharField(label="通知标题", max_length=200, required=False)
    notice_text = forms.CharField(label="通知正文", widget=forms.Textarea, required=False)


class UnitsImportForm(forms.Form):
    file = forms.FileField(
        label="单位名单（.xlsx 或 .csv：单位名称、类别、标签、联系人、联系电话）"
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea, max_length=2000)
