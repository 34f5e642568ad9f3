"""The sociale kaart's vocabulary. Needs are the life areas of the needs analysis."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.assessment.constants import LifeArea

Need = LifeArea


class OfferKind(models.TextChoices):
    ACTIVITY = "activity", _("Activity")
    SERVICE = "service", _("Service")


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CHILDREN = "children", _("Children (0–12)")
    YOUTH = "youth", _("Young people (12–23)")
    PARENTS = "parents", _("Parents")
    ADULTS = "adults", _("Adults")
    ELDERLY = "elderly", _("Older people (65+)")
    CARERS = "carers", _("Informal carers")
    NEWCOMERS = "newcomers", _("Newcomers (status holders)")
    DISABILITY = "disability", _("People with a disability")


# An entry not verified for this many days is marked as due for a check.
VERIFY_AFTER_DAYS = 180
