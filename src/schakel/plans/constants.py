"""The vocabulary of support plans and the network map. Values are stored: never change them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CURRENT = "current", _("Current (agreed and signed)")
    SUPERSEDED = "superseded", _("Replaced by a newer version")


class Resource(models.TextChoices):
    """Who carries an action: as light as possible, as heavy as necessary (in that order)."""

    OWN_STRENGTH = "own_strength", _("Own strength")
    OWN_NETWORK = "own_network", _("Own network")
    VOLUNTEER = "volunteer", _("Volunteer")
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood network")
    TEAM = "team", _("Neighbourhood team")
    SPECIALIST = "specialist", _("Specialist care")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


class AgreementMethod(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    WRITTEN = "written", _("In writing (signed)")
    DIGITAL = "digital", _("Digitally")


class NetworkKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class Influence(models.TextChoices):
    """How a person or organisation around the household affects it."""

    SUPPORTS = "supports", _("Supports")
    BURDENS = "burdens", _("Burdens")
    BOTH = "both", _("Supports and burdens")
    NEUTRAL = "neutral", _("Neither / not known")


class CareKind(models.TextChoices):
    YOUTH = "youth", _("Specialist youth care")
    WMO = "wmo", _("Wmo tailored service")
    MENTAL_HEALTH = "mental_health", _("Mental health care (GGZ)")
    ADDICTION = "addiction", _("Addiction care")
    OTHER = "other", _("Other specialist care")
