from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "schakel.decisions"
    label = "decisions"
    verbose_name = "Referrals, decisions, objections and complaints"

    def ready(self) -> None:
        from schakel.decisions.erasure import erase_decisions
        from schakel.privacy.retention import register_eraser

        register_eraser(erase_decisions)
