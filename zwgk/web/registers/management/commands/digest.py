"""``python -m zwgk.web digest``: the daily e-mail of what falls due (for cron).

Each unit user with an e-mail address gets the unit's items due within 3 days and overdue; each
office admin and assessor with an address gets the summary of every unit of their rounds.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import timezone

from zwgk import deadlines as dl
from zwgk.web.registers.models import MODELS, TITLES, status_of
from zwgk.web.rounds.models import Membership, Round

OPEN = {dl.Status.DUE_SOON, dl.Status.OVERDUE, dl.Status.VERY_OVERDUE}


def due_lines(rnd: Round, today: dt.date, unit_id: int | None = None) -> list[str]:
    lines = []
    for name, model in MODELS.items():
        qs = model.objects.filter(round=rnd).select_related("unit")
        if unit_id is not None:
            qs = qs.filter(unit_id=unit_id)
        for e in qs:
            d, _ = status_of(e, today)
            if d is not None and d.status in OPEN:
                due = d.due.date() if isinstance(d.due, dt.datetime) else d.due
                lines.append(
                    f"{e.unit.name}  {TITLES[name]} {e.ref}  期限 {due:%Y-%m-%d}  {d.status}"
                )
    return sorted(lines)


class Command(BaseCommand):
    help = (
        "发送每日到期提醒邮件（各单位：本单位即将到期和已超期事项；考核办和考核小组：全部单位）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按此日期计算（YYYY-MM-DD，默认今天）")

    def handle(self, *args, date: str | None = None, **options):
        today = dt.date.fromisoformat(date) if date else timezone.localdate()
        sent = 0
        open_rounds = Round.objects.exclude(
            status__in=[Round.Status.APPROVED, Round.Status.PUBLISHED]
        )
        User = get_user_model()
        for rnd in open_rounds:
            summary = due_lines(rnd, today)
            staff = list(User.objects.filter(is_staff=True).exclude(email=""))
            staff += [
                m.user
                for m in Membership.objects.filter(round=rnd, role=Membership.Role.ASSESSOR)
                .select_related("user")
                .exclude(user__email="")
            ]
            if summary:
                for user in staff:
                    send_mail(
                        f"【{rnd.name}】到期提醒（{today:%m月%d日}）：{len(summary)} 项",
                        "\n".join(summary),
                        settings.DEFAULT_FROM_EMAIL,
                        [user.email],
                    )
                    sent += 1
            for m in (
                Membership.objects.filter(round=rnd, role=Membership.Role.UNIT)
                .select_related("user", "unit")
                .exclude(user__email="")
            ):
                mine = due_lines(rnd, today, m.unit_id)
                if mine:
                    send_mail(
                        f"【{rnd.name}】{m.unit.name} 到期提醒：{len(mine)} 项",
                        "\n".join(mine),
                        settings.DEFAULT_FROM_EMAIL,
                        [m.user.email],
                    )
                    sent += 1
        self.stdout.write(f"已发送 {sent} 封提醒邮件。")
