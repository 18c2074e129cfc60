"""Forms of the accounts pages."""

from __future__ import annotations

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator

from zwgk.web.rounds.models import Membership


class MemberForm(forms.Form):
    username = forms.CharField(
        label="用户名", max_length=150, validators=[UnicodeUsernameValidator()]
    )
    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    role = forms.ChoiceField(
        label="角色",
        choices=[(Membership.Role.ASSESSOR, "考核小组"), (Membership.Role.LEADER, "领导组")],
    )


class UnlockForm(forms.Form):
    kind = forms.ChoiceField(choices=[("username", "账号"), ("ip_address", "地址")])
    value = forms.CharField(max_length=255)
