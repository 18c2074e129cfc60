from django.apps import AppConfig


class PrecheckConfig(AppConfig):
    name = "zwgk.web.precheck"
    label = "precheck"
    verbose_name = "发布前检查"
