from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "schakel.insight"
    label = "insight"
