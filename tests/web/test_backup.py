"""``python -m zwgk.web backup`` / ``restore`` round-trip the database and the uploaded files."""

from __future__ import annotations

import io
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TransactionTestCase

from tests.web.base import PDF, make_round
from zwgk.web.audit.models import Event, record
from zwgk.web.desk.models import Fact
from zwgk.web.portal.models import Evidence
from zwgk.web.rounds.models import Round, Unit


class BackupTestCase(TransactionTestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp())
        self.round = make_round()
        self.unit = Unit.objects.create(round=self.round, name="甲镇", unit_class="A")
        self.ev = Evidence.receive(
            SimpleUploadedFile("会议纪要.pdf", PDF), round=self.round, unit=self.unit, user=None
        )
        Fact.objects.create(
            round=self.round,
            unit=self.unit,
            section="findings",
            indicator_id="S2.1",
            item_id="late",
        )
        record("round.create", "新建考核轮次", round=self.round)

    def snapshot(self) -> dict:
        return {
            "rounds": list(Round.objects.values_list("name", "status")),
            "units": list(Unit.objects.values_list("name", "unit_class")),
            "facts": list(Fact.objects.values_list("indicator_id", "item_id", "status")),
            "events": Event.objects.count(),
            "files": {p.name: p.read_bytes() for p in Path(settings.EVIDENCE_ROOT).iterdir()},
        }

    def test_it_round_trips_the_database_and_the_files(self):
        before = self.snapshot()
        archive = self.tmp / "b.tar.gz"
        call_command("backup", str(archive), verbosity=0)
        # the office goes on working, and a file is lost
        Fact.objects.all().delete()
        Unit.objects.create(round=self.round, name="乙镇", unit_class="A")
        Round.objects.update(status="published")
        (Path(settings.EVIDENCE_ROOT) / self.ev.stored_name).unlink()
        call_command("restore", str(archive), "--yes", verbosity=0)
        self.assertEqual(self.snapshot(), before)

    def test_it_refuses_a_damaged_backup_and_changes_nothing(self):
        archive = self.tmp / "b.tar.gz"
        call_command("backup", str(archive), verbosity=0)
        damaged = self.tmp / "damaged.tar.gz"
        with tarfile.open(archive) as src, tarfile.open(damaged, "w:gz") as dst:
            for member in src.getmembers():
                data = src.extractfile(member).read()
                if member.name.startswith("files/"):
                    data = data[:-1] + b"X"
                member.size = len(data)
                dst.addfile(member, io.BytesIO(data))
        Fact.objects.all().delete()
        with self.assertRaisesMessage(CommandError, "校验值不符"):
            call_command("restore", str(damaged), "--yes", verbosity=0)
        self.assertEqual(Fact.objects.count(), 0)
        with self.assertRaisesMessage(CommandError, "--yes"):
            call_command("restore", str(archive), verbosity=0)
        (self.tmp / "junk.tar.gz").write_bytes(b"not a tar")
        with self.assertRaisesMessage(CommandError, "不是有效的备份文件"):
            call_command("restore", str(self.tmp / "junk.tar.gz"), "--yes", verbosity=0)
