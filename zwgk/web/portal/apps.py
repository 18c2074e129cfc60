from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "zwgk.web.portal"
    label = "portal"
