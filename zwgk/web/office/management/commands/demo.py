"""``python -m zwgk.web demo``: the seed 000 round (XX区2023) with accounts and a year of facts."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from zwgk.demo import DEMO_SCHEME, DEMO_UNITS, generate_fact_dicts
from zwgk.rubric import load_scheme_text
from zwgk.scoring.units import load_units
from zwgk.web.audit.models import record
from zwgk.web.desk.models import Fact
from zwgk.web.monitor import demo as monitor_demo
from zwgk.web.monitor.models import MonitoredSite
from zwgk.web.portal.models import Evidence, SelfAssessment
from zwgk.web.registers.demo import make_demo_ledgers
from zwgk.web.rounds.models import Membership, Round, SchemeVersion, Unit
from zwgk.web.uploads import copy_into

DEMO_PASSWORD = "zwgk-demo-2023"
ROUND_NAME = "XX区2023年度政务公开工作考核"
STAFF = [
    ("kaohe", "考核办 王主任", "admin"),
    ("pingfen", "考核小组 李科长", Membership.Role.ASSESSOR),
    ("pingfen2", "考核小组 赵干事", Membership.Role.ASSESSOR),
    ("lingdao", "领导组 陈副区长", Membership.Role.LEADER),
]
NOTICE = (
    "各乡镇人民政府、街道办事处，区直各单位：\n"
    "根据《XX区2023年度政务公开工作考核细则》，现开展2023年度政务公开工作考核。请各单位对照评分表逐项自评，"
    "在本系统中填写自评得分和情况说明，并上传印证材料，于截止时间前完成。逾期不再接收。\n"
    "联系人：区政务公开办 王主任，电话 0000-12345678。"
)


def _pdf(text: str) -> bytes:
    """A small valid one-page PDF (ASCII text only) as demo evidence."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


class Command(BaseCommand):
    help = "载入演示数据：XX区2023年度考核（45个单位）、各角色账号和全年的考核记录。"

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="删除已有的演示轮次后重建")
        parser.add_argument("--quiet", action="store_true")
        parser.add_argument(
            "--no-monitor", action="store_true", help="不登记演示网站（网站监测为空）"
        )

    def handle(
        self, *args, reset: bool = False, quiet: bool = False, no_monitor: bool = False, **options
    ):
        existing = Round.objects.filter(name=ROUND_NAME).first()
        if existing and reset:
            existing.delete()
            existing = None
        if existing is None:
            self._build()
        rnd = Round.objects.get(name=ROUND_NAME)
        if not no_monitor and not monitor_demo.present(rnd):
            # 网站监测: unit websites served on 127.0.0.1, 30 days of history (a few seconds).
            monitor_demo.build(rnd, get_user_model().objects.get(username="kaohe"))
        if not quiet:
            self._print_accounts()
            n = MonitoredSite.objects.filter(round=rnd).count()
            if n:
                self.stdout.write(
                    f"网站监测：{n} 个单位网站由本机 127.0.0.1 提供（python -m zwgk.web.serve 运行时持续监测）"
                )

    @transaction.atomic
    def _build(self) -> None:
        User = get_user_model()

        hashed = make_password(DEMO_PASSWORD)  # hashed once: 49 accounts share the demo password

        def new_user(username: str, full: str):
            return User.objects.create(username=username, password=hashed, first_name=full)

        text = DEMO_SCHEME.read_text(encoding="utf-8")
        index = load_scheme_text(text, DEMO_SCHEME.name)
        sv = SchemeVersion.objects.create(
            scheme_id=index.scheme.id,
            title=index.scheme.title,
            yaml_text=text,
            sha256=SchemeVersion.digest(text),
            source_name=DEMO_SCHEME.name,
        )
        now = timezone.now()
        rnd = Round.objects.create(
            year=2023,
            name=ROUND_NAME,
            scheme=sv,
            status=Round.Status.ASSESSING,
            evidence_deadline=now - dt.timedelta(days=3),
            objection_deadline=now + dt.timedelta(days=14),
            notice_title="关于开展2023年度政务公开工作考核的通知",
            notice_text=NOTICE,
            notice_issued_at=now - dt.timedelta(days=30),
        )
        users = {}
        for username, full, role in STAFF:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = new_user(username, full)
            if role == "admin":
                user.is_staff = True
                user.save()
            else:
                Membership.objects.create(round=rnd, user=user, role=role)
            users[username] = user
        core_units = load_units(DEMO_UNITS)
        units = {}
        for i, u in enumerate(core_units, start=1):
            unit = Unit.objects.create(
                round=rnd,
                name=u.name,
                unit_class=u.unit_class,
                tags=sorted(u.tags),
                contact="联络员",
                phone=f"0000-8800{i:04d}",
            )
            units[u.name] = unit
            username = f"unit{i:02d}"
            user = User.objects.filter(username=username).first() or new_user(username, u.name)
            Membership.objects.create(round=rnd, user=user, role=Membership.Role.UNIT, unit=unit)
            users[username] = user
        record(
            "round.create",
            f"新建考核轮次“{rnd.name}”（演示数据）",
            actor=users["kaohe"],
            round=rnd,
            obj=rnd,
        )
        record(
            "round.issue_notice",
            "发出考核通知（演示数据）",
            actor=users["kaohe"],
            round=rnd,
            obj=rnd,
        )
        rng = random.Random(2023)
        # Self-assessment and evidence for most units and indicators.
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "e.pdf"
            for u in core_units:
                unit = units[u.name]
                leaves = [n for n in index.leaves[index.table_for(u).id] if index.applies(n.id, u)]
                for leaf in leaves:
                    if rng.random() < 0.15:
                        continue
                    score = leaf.points if rng.random() < 0.8 else max(Decimal(0), leaf.points - 1)
                    SelfAssessment.objects.create(
                        round=rnd,
                        unit=unit,
                        indicator_id=leaf.id,
                        score=score,
                        statement=f"已按要求完成{leaf.name}相关工作，详见印证材料。",
                    )
                    if rng.random() < 0.5:
                        pdf.write_bytes(_pdf(f"Evidence {leaf.id} {unit.pk}"))
                        stored = copy_into(pdf, f"{leaf.name[:20]}印证材料.pdf")
                        Evidence.objects.create(
                            round=rnd,
                            unit=unit,
                            indicator_id=leaf.id,
                            original_name=f"{leaf.name[:20]}印证材料.pdf",
                            stored_name=stored.stored_name,
                            kind=stored.kind,
                            size=stored.size,
                            sha256=stored.sha256,
                            uploaded_by=users[f"unit{list(units).index(u.name) + 1:02d}"],
                            uploaded_at=now - dt.timedelta(days=rng.randint(4, 25)),
                        )
        # A year of facts.
        data = generate_fact_dicts(index, core_units, findings=220, seed=2023)
        data.pop(
            "metrics", None
        )  # the 排名赋分 data comes from the monthly inspection register below
        facts = []
        assessor = users["pingfen"]
        for section, items in data.items():
            for item in items:
                value = item.get("value", item.get("score"))
                facts.append(
                    Fact(
                        round=rnd,
                        unit=units[item["unit"]],
                        section=section,
                        indicator_id=item.get("indicator", ""),
                        item_id=item.get("fault") or item.get("bonus") or item.get("veto") or "",
                        count=item.get("count", 1)
                        if not item.get("missing")
                        else len(item["missing"]),
                        missing=list(item.get("missing", [])),
                        value=Decimal(str(value)) if value is not None else None,
                        date=dt.date.fromisoformat(item["date"]) if item.get("date") else None,
                        source=item.get("source", ""),
                        note=item.get("note", ""),
                        status=item.get("status", "confirmed"),
                        origin="演示数据",
                        created_by=assessor,
                    )
                )
        Fact.objects.bulk_create(facts)
        record(
            "facts.import",
            f"导入全年考核记录 {len(facts)} 条（演示数据）",
            actor=assessor,
            round=rnd,
            after={"created": len(facts)},
        )
        make_demo_ledgers(rnd, list(units.values()), assessor, rng)

    def _print_accounts(self) -> None:
        rnd = Round.objects.get(name=ROUND_NAME)
        self.stdout.write("")
        self.stdout.write(f"演示数据：{rnd.name}（{rnd.units.count()} 个单位）")
        self.stdout.write(f"所有演示账号的密码：{DEMO_PASSWORD}")
        self.stdout.write("  kaohe     考核办（管理员）")
        self.stdout.write("  pingfen   考核小组（评分）")
        self.stdout.write("  lingdao   领导组（审定）")
        for m in (
            Membership.objects.filter(round=rnd, role=Membership.Role.UNIT)
            .select_related("unit", "user")
            .order_by("user__username")[:3]
        ):
            self.stdout.write(f"  {m.user.username:<9} 被考核单位：{m.unit.name}")
        self.stdout.write("  …… unit01 至 unit45 对应 45 个单位")
