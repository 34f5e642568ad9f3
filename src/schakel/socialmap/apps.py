from django.apps import AppConfig


class SocialmapConfig(AppConfig):
    name = "schakel.socialmap"
    label = "socialmap"
