from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "schakel.security"
    label = "security"

    def ready(self) -> None:
        from schakel.security import signals  # noqa: F401  (connects the login receiver)
