from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "zwgk.web.audit"
    label = "audit"
