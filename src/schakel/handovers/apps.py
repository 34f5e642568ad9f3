from django.apps import AppConfig


class HandoversConfig(AppConfig):
    name = "schakel.handovers"
    label = "handovers"
