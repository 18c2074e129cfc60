from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "zwgk.web.desk"
    label = "desk"
