from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "zwgk.web.registers"
    label = "registers"
