from django.db import models
from django.utils.translation import gettext_lazy as _


class HouseholdRole(models.TextChoices):
    """A member's relation within the household."""

    PARENT = "parent", _("Parent")
    CHILD = "child", _("Child")
    PARTNER = "partner", _("Partner")
    OTHER = "other", _("Other")


ADULT_AGE = 18
