from django.apps import AppConfig


class NormsConfig(AppConfig):
    name = "schakel.norms"
    label = "norms"
