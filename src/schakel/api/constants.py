"""The partner API's vocabulary: scopes, submission kinds, GP criteria, the status a partner sees.

Values are stored in the database and sent over the API; change a label freely, never a value.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import Source
from schakel.tenancy.constants import OrganisationKind


class Scope(models.TextChoices):
    SIGNALS = "signals:write", _("Submit signals")
    REFERRALS = "referrals:write", _("Submit referrals")
    STATUS = "submissions:read", _("Read the status of own submissions")


class SubmissionKind(models.TextChoices):
    SIGNAL = "signal", _("Signal")
    REFERRAL = "referral", _("Referral")


class Topic(models.TextChoices):
    """What a signal is about, as the partner sees it."""

    CONCERN = "concern", _("General concern")
    RENT_ARREARS = "rent_arrears", _("Rent arrears")
    NUISANCE = "nuisance", _("Nuisance or neglected home")
    CONFUSED_BEHAVIOUR = "confused_behaviour", _("Confused behaviour")
    SCHOOL_ABSENCE = "school_absence", _("School absence or worries at school")
    LONELINESS = "loneliness", _("Loneliness or isolation")


class GpCriterion(models.TextChoices):
    """The criteria on which a GP refers to the team (DOMAIN.md §2)."""

    FREQUENT_CARE_USE = "frequent_care_use", _("Frequent care use tied to other life areas")
    SOCIAL_QUESTIONS = "social_questions", _("Social questions (housing, work, income, debt)")
    YOUTH_HELP = "youth_help", _("Youth help")
    ADDICTION = "addiction", _("Addiction")
    OWN_NETWORK = "own_network", _("Help with one's own network")
    SELF_MANAGEMENT = "self_management", _("Self-management of health")


class PartnerStatus(models.TextChoices):
    """All a partner may learn of its submission; the last three only with consent."""

    REGISTERED = "registered", _("Received")
    CONTACTED = "contacted", _("Resident contacted")
    HELP_STARTED = "help_started", _("Help started")
    CLOSED = "closed", _("Closed")


# Partner organisations that may submit, and the source their submissions carry.
SOURCE_OF_KIND: dict[str, str] = {
    OrganisationKind.GP: Source.GP,
    OrganisationKind.POLICE: Source.POLICE,
    OrganisationKind.HOUSING: Source.HOUSING,
    OrganisationKind.SCHOOL: Source.SCHOOL,
    OrganisationKind.WELFARE: Source.WELFARE,
}

MAX_PERSONS = 10
DEFAULT_RATE_PER_MINUTE = 60
