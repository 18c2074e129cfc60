from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "zwgk.web.rounds"
    label = "rounds"
