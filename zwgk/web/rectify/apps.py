from django.apps import AppConfig


class RectifyConfig(AppConfig):
    name = "zwgk.web.rectify"
    label = "rectify"
