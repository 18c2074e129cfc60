"""The audit page's filters."""

from __future__ import annotations

from django import forms

from zwgk.web.audit.describe import kind_choices


class DateInput(forms.DateInput):
    input_type = "date"


class AuditFilter(forms.Form):
    unit = forms.TypedChoiceField(label="单位", required=False, coerce=int, empty_value=None)
    person = forms.TypedChoiceField(label="操作人", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="类别", required=False)
    since = forms.DateField(label="从", required=False, widget=DateInput())
    until = forms.DateField(label="到", required=False, widget=DateInput())

    def __init__(self, data, *, units, people):
        super().__init__(data)
        self.fields["unit"].choices = [("", "全部单位"), *units]
        self.fields["person"].choices = [("", "所有人"), *people]
        self.fields["kind"].choices = [("", "全部类别"), *kind_choices()]
