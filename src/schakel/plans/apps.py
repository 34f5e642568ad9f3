from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "schakel.plans"
    label = "plans"
    verbose_name = "Support plans and network map"
