"""``python -m zwgk.web restore FILE --yes``: replace the database and files with a backup's."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zwgk.web.office.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "用备份文件恢复数据库和全部上传文件（会替换现有数据，先逐一核对校验值）"

    def add_arguments(self, parser):
        parser.add_argument("file", help="backup 命令生成的 .tar.gz 文件")
        parser.add_argument("--yes", action="store_true", help="确认替换现有数据")

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError("恢复会替换现有的全部数据。确认无误后加 --yes 再运行。")
        try:
            manifest = restore_backup(Path(options["file"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"已从 {options['file']} 恢复（备份时间 {manifest['created_at']}，"
            f"文件 {len(manifest['files'])} 个）。所有人需要重新登录。"
        )
