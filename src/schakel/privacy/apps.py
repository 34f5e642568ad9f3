from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "schakel.privacy"
    label = "privacy"
