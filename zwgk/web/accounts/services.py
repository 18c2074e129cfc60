"""Accounts the office issues: unit accounts in bulk, members, password resets — each with a
one-time password that is shown once and must be changed at the first sign-in."""

from __future__ import annotations

import io
import secrets
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from zwgk.web.accounts.hashers import OneTimePasswordHasher
from zwgk.web.accounts.models import Account
from zwgk.web.audit.models import record
from zwgk.web.rounds.models import Membership, Round

User = get_user_model()
ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I


def one_time_password() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(12))


def _hashed(password: str) -> str:
    return make_password(password, hasher=OneTimePasswordHasher.algorithm)


@dataclass(frozen=True)
class Issued:
    """A one-time password as handed to the office (never stored in clear)."""

    username: str
    password: str
    name: str  # the person's or unit's name
    role: str  # 被考核单位 / 考核小组 / 领导组

    def as_dict(self) -> dict:
        return asdict(self)


def create_unit_accounts(rnd: Round, by) -> list[Issued]:
    """An account for every unit of the round that has none, in a few queries."""
    have = set(
        Membership.objects.filter(round=rnd, role=Membership.Role.UNIT).values_list(
            "unit_id", flat=True
        )
    )
    units = list(rnd.units.exclude(pk__in=have).order_by("id"))
    taken = set(
        User.objects.filter(username__in=[f"r{rnd.pk}u{u.pk}" for u in units]).values_list(
            "username", flat=True
        )
    )
    now = timezone.now()
    issued: list[Issued] = []
    users = []
    for unit in units:
        username = f"r{rnd.pk}u{unit.pk}"
        if username in taken:  # an account left from a unit deleted and re-imported
            username = f"r{rnd.pk}u{unit.pk}-{secrets.token_hex(2)}"
        password = one_time_password()
        users.append(
            User(username=username, password=_hashed(password), first_name=unit.name[:150])
        )
        issued.append(Issued(username, password, unit.name, "被考核单位"))
    with transaction.atomic():
        User.objects.bulk_create(users)
        users = list(User.objects.filter(username__in=[u.username for u in users]))
        by_name = {u.username: u for u in users}
        Membership.objects.bulk_create(
            Membership(round=rnd, user=by_name[i.username], role=Membership.Role.UNIT, unit=unit)
            for i, unit in zip(issued, units, strict=True)
        )
        Account.objects.bulk_create(
            Account(
                user=u, must_change_password=True, password_issued_at=now, password_issued_by=by
            )
            for u in users
        )
        record(
            "accounts.create",
            f"为 {len(issued)} 个单位建立账号（初始密码须在首次登录时修改）",
            actor=by,
            round=rnd,
            after={"units": [i.name for i in issued]},
        )
    return issued


def create_member(rnd: Round, username: str, full_name: str, role: str, by) -> Issued | None:
    """Add an assessor or leader; a new user gets a one-time password (returned), an existing
    user keeps theirs (None)."""
    user = User.objects.filter(username=username).first()
    issued = None
    with transaction.atomic():
        if user is None:
            password = one_time_password()
            user = User.objects.create(
                username=username, password=_hashed(password), first_name=full_name
            )
            Account.objects.create(
                user=user,
                must_change_password=True,
                password_issued_at=timezone.now(),
                password_issued_by=by,
            )
            issued = Issued(username, password, full_name or username, Membership.Role(role).label)
        Membership.objects.create(round=rnd, user=user, role=role)
        record(
            "member.add",
            f"添加 {full_name or username}（{username}）为{Membership.Role(role).label}成员",
            actor=by,
            round=rnd,
            obj=user,
            after={"role": role},
        )
    return issued


def reset_password(rnd: Round, member: Membership, by) -> Issued:
    """A new one-time password for a member; every session of theirs ends (the password hash
    is part of the session's proof)."""
    password = one_time_password()
    user = member.user
    with transaction.atomic():
        user.password = _hashed(password)
        user.save(update_fields=["password"])
        Account.objects.update_or_create(
            user=user,
            defaults={
                "must_change_password": True,
                "password_issued_at": timezone.now(),
                "password_issued_by": by,
            },
        )
        who = member.unit.name if member.unit else (user.first_name or user.username)
        record(
            "accounts.reset",
            f"重置 {who}（{user.username}）的密码，须在下次登录时修改",
            actor=by,
            round=rnd,
            unit=member.unit,
            obj=user,
        )
    return Issued(user.username, password, who, member.get_role_display())


def issued_workbook(title: str, issued: list[dict]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "账号与初始密码"
    ws.append([title])
    ws.append(["名称", "角色", "用户名", "初始密码（首次登录后须修改）"])
    for c in ws[2]:
        c.font = Font(bold=True)
    for i in issued:
        ws.append([i["name"], i["role"], i["username"], i["password"]])
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 30
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def password_changed(user) -> None:
    Account.objects.update_or_create(
        user=user, defaults={"must_change_password": False, "changed_at": timezone.now()}
    )


def must_change(user) -> bool:
    return Account.objects.filter(user=user, must_change_password=True).exists()
