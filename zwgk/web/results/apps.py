from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "zwgk.web.results"
    label = "results"
