from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "schakel.assessment"
    label = "assessment"
    verbose_name = "Needs analysis and instruments"
