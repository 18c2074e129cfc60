"""The form that sets rectification tasks."""

from __future__ import annotations

from django import forms

from zwgk.web.fields import DateField


class TaskForm(forms.Form):
    deadline = DateField(label="整改期限")
    unit = forms.ModelChoiceField(label="单位", queryset=None, required=False)
    title = forms.CharField(label="任务", max_length=200, required=False)
    detail = forms.CharField(label="具体要求", max_length=5000, required=False)

    def __init__(self, data, *, units):
        super().__init__(data)
        self.fields["unit"].queryset = units
        self.fields["unit"].error_messages["invalid_choice"] = "请从单位名单中选择单位"
