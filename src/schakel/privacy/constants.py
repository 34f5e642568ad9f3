"""The privacy vocabulary: data categories, purposes, bases, flags, verdicts.

Values are stored in the database; change a label freely, never a value.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataCategory(models.TextChoices):
    """Kinds of personal data; a basis names the categories it covers."""

    IDENTITY = "identity", _("Identity (name, birth date, BSN)")
    CONTACT = "contact", _("Address and contact details")
    HOUSEHOLD = "household", _("Household composition")
    CASE = "case", _("Case progress (steps, case director)")
    FINANCES = "finances", _("Finances and debts")
    HEALTH = "health", _("Health (physical and mental)")
    JUSTICE = "justice", _("Justice (police, convictions)")
    SAFETY = "safety", _("Safety (domestic violence, child abuse)")


SENSITIVE_CATEGORIES = frozenset(
    {DataCategory.HEALTH.value, DataCategory.JUSTICE.value, DataCategory.SAFETY.value}
)
ORDINARY_CATEGORIES = frozenset(DataCategory.values) - SENSITIVE_CATEGORIES


class Purpose(models.TextChoices):
    """Why personal data is processed or shared."""

    SUPPORT = "support", _("Support and coordination of help")
    REFERRAL = "referral", _("Referral to another provider")
    CASE_TABLE = "case_table", _("Multi-agency case table")
    WMO_INVESTIGATION = "wmo_investigation", _("Wmo investigation")
    YOUTH_HELP = "youth_help", _("Youth help (Jeugdwet)")
    YOUTH_PROTECTION = "youth_protection", _("Youth protection")
    SAFETY = "safety", _("Safety and nuisance approach")


class BasisKind(models.TextChoices):
    CONSENT = "consent", _("Consent")
    COVENANT = "covenant", _("Covenant")
    LEGAL_TASK = "legal_task", _("Legal task")


class ConsentMethod(models.TextChoices):
    VERBAL = "verbal", _("Verbally, recorded by the professional")
    WRITTEN = "written", _("Signed form")
    DIGITAL = "digital", _("Digitally")
    REPRESENTATIVE = "representative", _("By a parent, guardian or representative")


class FlagKind(models.TextChoices):
    """Sensitive flags: shown and honoured on every page, export and notification."""

    DO_NOT_CONTACT_PARENTS = "do_not_contact_parents", _("Do not contact the parents")
    SECRET_ADDRESS = "secret_address", _("Secret address")
    DANGER_HOME_VISIT = "danger_home_visit", _("Danger to staff on home visits")


class Verdict(models.TextChoices):
    """A reviewer's judgement of a break-the-glass access."""

    PENDING = "", _("Not yet reviewed")
    JUSTIFIED = "justified", _("Justified")
    NOT_JUSTIFIED = "not_justified", _("Not justified")


class RequestStatus(models.TextChoices):
    """The handling of a correction request or an objection."""

    RECEIVED = "received", _("Received, not yet handled")
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REFUSED = "refused", _("Refused")


class AccessReason(models.TextChoices):
    """Why a staff member may see a household: the kind of involvement."""

    DIRECTOR = "director", _("Case director")
    INVOLVED = "involved", _("Involved team member")
    EMERGENCY = "emergency", _("Emergency access (break-the-glass)")
    TEAM_LEADER = "team_leader", _("Team leader of the handling team")
    RECORDED = "recorded", _("Recorded a step in the current episode")
    WERKVOORRAAD = "werkvoorraad", _("Team member: household in the work stock")


# Reasons that take part in the help and so may see sensitive categories.
CARE_REASONS = frozenset(
    {AccessReason.DIRECTOR.value, AccessReason.INVOLVED.value, AccessReason.EMERGENCY.value}
)

EMERGENCY_DURATION = dt.timedelta(hours=4)
EMERGENCY_REASON_MIN_LENGTH = 20

# Retention after the last closure when a municipality has set no rule of its own.
# Jeugdwet art. 7.3.8 (as amended): youth dossiers 20 years.
DEFAULT_RETENTION_YEARS = {"jeugd": 20, "volwassenen": 15}
ERASED = "—"
