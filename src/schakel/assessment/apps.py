from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "schakel.assessment"
    label = "assessment"
    verbose_name = "Needs analysis and instruments"

    def ready(self) -> None:
        from schakel.assessment.erasure import erase_assessments
        from schakel.privacy.retention import register_eraser

        register_eraser(erase_assessments)
