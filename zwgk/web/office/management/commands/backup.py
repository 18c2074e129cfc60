"""``python -m zwgk.web backup [FILE]``: the database and every uploaded file in one .tar.gz."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from zwgk.web.office.backup import make_backup


class Command(BaseCommand):
    help = "备份数据库和全部上传文件（印证材料、网页存证）到一个 .tar.gz 文件"

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", help="备份文件（默认 var/backups/zwgk-年月日-时分秒.tar.gz）"
        )

    def handle(self, *args, **options):
        name = f"zwgk-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
        target = Path(options["file"] or Path(settings.VAR_DIR) / "backups" / name)
        manifest = make_backup(target)
        self.stdout.write(
            f"已备份到 {target}（数据库 {manifest['database']}，文件 {len(manifest['files'])} 个）"
        )
