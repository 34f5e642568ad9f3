"""The vocabulary of needs analysis: life areas, question kinds, child-safety checks.

Stored values are stable English codes; change a label freely, never a value.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifeArea(models.TextChoices):
    """Rotterdam's eleven life areas (leefgebieden) plus physical health (DOMAIN.md §3)."""

    PARENTING = "parenting", _("Parenting and youth care")
    FINANCES = "finances", _("Finances and debts")
    ACTIVATION = "activation", _("Activation, work and day activities")
    HOUSING = "housing", _("Housing and independent living")
    SOCIAL_NETWORK = "social_network", _("Social network")
    PARTICIPATION = "participation", _("Participation")
    SAFETY = "safety", _("Safety (domestic violence, child abuse)")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    INTELLECTUAL_DISABILITY = "intellectual_disability", _("Intellectual disability")
    AGEING = "ageing", _("Ageing problems")
    ADDICTION = "addiction", _("Addiction")
    PHYSICAL_HEALTH = "physical_health", _("Physical health")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Level on a scale")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Free text")


class SafetyOccasion(models.TextChoices):
    """Why a child-safety check is done: at start, periodically, on change, at the end."""

    START = "start", _("At the start of help")
    PERIODIC = "periodic", _("Periodic check")
    CHANGE = "change", _("Change of situation")
    END = "end", _("Before closing")


class SafetyOutcome(models.TextChoices):
    SAFE = "safe", _("No concerns about safety")
    CONCERNS = "concerns", _("Concerns, addressed in the plan")
    UNSAFE = "unsafe", _("Unsafe: consult Veilig Thuis")


# The shipped instruments: their code and the fixture file they are loaded from.
ZRM = "zrm"
NEEDS_ANALYSIS = "brede_uitvraag"
