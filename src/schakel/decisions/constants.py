"""Choices of the decisions app. Values are stored: change labels freely, never values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Law(models.TextChoices):
    YOUTH = "youth", _("Jeugdwet (youth care)")
    WMO = "wmo", _("Wmo 2015 (social support)")


class Category(models.TextChoices):
    YOUTH_PARENTING = "youth_parenting", _("Youth and parenting help")
    YOUTH_DISABILITY = "youth_disability", _("Youth with a disability")
    YOUTH_MENTAL_HEALTH = "youth_mental_health", _("Youth mental health (jeugd-GGZ)")
    YOUTH_PROTECTION = "youth_protection", _("Youth protection")
    YOUTH_PGB = "youth_pgb", _("Youth personal budget (PGB)")
    WMO_HOUSEHOLD = "wmo_household", _("Household help")
    WMO_SUPPORT = "wmo_support", _("Individual support and day activities")
    WMO_AIDS = "wmo_aids", _("Aids, adaptations and transport")
    WMO_SHELTER = "wmo_shelter", _("Sheltered and supported living")
    WMO_PGB = "wmo_pgb", _("Wmo personal budget (PGB)")


class TariffUnit(models.TextChoices):
    HOUR = "hour", _("hour")
    DAY = "day", _("day part / day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    PIECE = "piece", _("piece")


class ReferralStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DECIDED = "decided", _("Decided")
    WAITING = "waiting", _("Waiting at provider")
    STARTED = "started", _("Started")
    ENDED = "ended", _("Ended")
    REFUSED = "refused", _("Refused")


REFERRAL_ORDER: list[str] = [
    ReferralStatus.REQUESTED, ReferralStatus.DECIDED, ReferralStatus.WAITING,
    ReferralStatus.STARTED, ReferralStatus.ENDED]


class DecisionStage(models.TextChoices):
    MELDING = "melding", _("Melding received, investigation running")
    INVESTIGATED = "investigated", _("Investigation completed")
    AANVRAAG = "aanvraag", _("Request received, decision pending")
    DECIDED = "decided", _("Decided")


class DecisionOutcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY = "partly", _("Partly granted")
    REFUSED = "refused", _("Refused")


GRANTING = (DecisionOutcome.GRANTED, DecisionOutcome.PARTLY)


class SystemPart(models.TextChoices):
    """The part of the system an objection or complaint is about."""

    TEAM = "team", _("Neighbourhood team")
    WMO_ADVISER = "wmo_adviser", _("Wmo adviser")
    GP = "gp", _("GP")
    FRONT_DOOR = "front_door", _("Front door")
    PROVIDER = "provider", _("Care provider")
    OTHER = "other", _("Other")


DECIDERS = [SystemPart.TEAM, SystemPart.WMO_ADVISER, SystemPart.GP, SystemPart.FRONT_DOOR]


class ObjectionOutcome(models.TextChoices):
    FOUNDED = "founded", _("Founded")
    PARTLY = "partly", _("Partly founded")
    UNFOUNDED = "unfounded", _("Unfounded")
    INADMISSIBLE = "inadmissible", _("Inadmissible")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ComplaintOutcome(models.TextChoices):
    FOUNDED = "founded", _("Founded")
    UNFOUNDED = "unfounded", _("Unfounded")
    RESOLVED = "resolved", _("Resolved by mediation")
    WITHDRAWN = "withdrawn", _("Withdrawn")


MEDIATION_WORKING_DAYS = 10  # Schiedam: mediation within 2 weeks (10 working days)
