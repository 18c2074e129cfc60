from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "zwgk.web.monitor"
    label = "monitor"
    verbose_name = "网站监测"
