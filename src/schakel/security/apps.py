from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "schakel.security"
    label = "security"
