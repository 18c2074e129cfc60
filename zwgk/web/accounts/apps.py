from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zwgk.web.accounts"
    label = "accounts"
