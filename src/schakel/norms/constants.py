from django.db import models
from django.utils.translation import gettext_lazy as _


class NormKind(models.TextChoices):
    SERVICE = "service", _("Service norm")
    GUIDELINE = "guideline", _("Guideline (warns, never blocks)")
    STATUTORY = "statutory", _("Statutory deadline")
    CAPACITY = "capacity", _("Capacity norm")


class LengthUnit(models.TextChoices):
    HOURS = "hours", _("hours")
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")
    COUNT = "count", _("count")


class ObligationStatus(models.TextChoices):
    MET_ON_TIME = "met_on_time", _("Met on time")
    MET_LATE = "met_late", _("Met late")
    OPEN = "open", _("Open")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    LAPSED = "lapsed", _("Lapsed (episode closed first)")


DUE_SOON_DAYS = 2
