"""``python -m zwgk.web monitor_tick``: dispatch what is due once (for cron, or to test)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from zwgk.web.monitor import dispatch


class Command(BaseCommand):
    help = "网站监测：把到期的检查发送到消息队列一次"

    def handle(self, *args, **opts) -> None:
        if not settings.CELERY_BROKER_URL:
            raise CommandError("未配置 CELERY_BROKER_URL：没有消息队列时请运行 monitor_local")
        sent = dispatch.tick()
        self.stdout.write(
            f"探测 {sent['probe']} 个，更新检查 {sent['freshness']} 个，全面检查 {sent['crawl']} 个，"
            f"重发 {sent['again']} 个"
        )
