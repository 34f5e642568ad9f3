from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "schakel.plans"
    label = "plans"
    verbose_name = "Support plans and network map"

    def ready(self) -> None:
        from schakel.plans.erasure import erase_plans
        from schakel.privacy.retention import register_eraser

        register_eraser(erase_plans)
