from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "schakel.tenancy"
    label = "tenancy"
