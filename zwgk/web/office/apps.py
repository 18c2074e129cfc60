from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "zwgk.web.office"
    label = "office"
