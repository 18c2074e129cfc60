"""Form fields with the ranges an office's data can have, and their errors in Chinese.

Dates and times outside 2000–2100 are refused by the form (a date of year 1 cannot even be
turned into local time), integers beyond what the database holds, numbers that are not finite.
Every form of the web app builds on these, so no such value reaches a model or the core.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_INT = 2_147_483_647  # the smallest integer column of the databases we run on


def _check_year(value, label: str = "日期") -> None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(f"{label}应在 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间")


class DateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})
    default_error_messages = {"invalid": "日期格式应为 2024-03-31"}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "input_formats",
            ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y-%m-%d %H:%M:%S"],
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except (OverflowError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        _check_year(value)


class DateTimeField(forms.DateTimeField):
    default_error_messages = {"invalid": "时间格式应为 2024-03-31 17:30"}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        # Check the year before Django makes the value aware: year 1 has no local time.
        if isinstance(value, str):
            head = value.strip()[:5]
            if head[:4].isdigit() and not (len(head) == 4 or head[4] in "-/年."):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            if head[:4].isdigit() and not FIRST_YEAR <= int(head[:4]) <= LAST_YEAR:
                raise ValidationError(f"时间应在 {FIRST_YEAR} 年至 {LAST_YEAR} 年之间")
        try:
            return super().to_python(value)
        except (OverflowError, ValueError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        _check_year(value, "时间")


class IntegerField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_value", MAX_INT)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)


def model_field(field, **kwargs):
    """ModelForm fields with these date ranges (``formfield_callback``); integers are held to the
    database's range by the model's own validators."""
    kind = field.get_internal_type()
    if kind == "DateField":
        return field.formfield(form_class=DateField, **kwargs)
    if kind == "DateTimeField":
        return field.formfield(form_class=DateTimeField, **kwargs)
    return field.formfield(**kwargs)
