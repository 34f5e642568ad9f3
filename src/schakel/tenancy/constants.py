"""Choices for the tenancy app: units, roles, organisation kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    YOUTH = "jeugd", _("Youth and family")
    ADULTS = "volwassenen", _("Adults")


class DistrictLevel(models.TextChoices):
    WIJK = "wijk", _("District (wijk)")
    BUURT = "buurt", _("Neighbourhood (buurt)")


class OrganisationKind(models.TextChoices):
    PARENT = "parent", _("Parent organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    GP = "gp", _("GP practice")
    POLICE = "police", _("Police")
    HOUSING = "housing", _("Housing corporation")
    SCHOOL = "school", _("School")
    WELFARE = "welfare", _("Welfare organisation")
    CARE = "care", _("Care provider")
    FRONT_DOOR = "front_door", _("Front door")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    """What a staff account may do. Team roles are held per team (and unit)."""

    TEAM_MEMBER = "team_member", _("Team member")
    TEAM_LEADER = "team_leader", _("Team leader")
    BEHAVIOURAL_SCIENTIST = "behavioural_scientist", _("Behavioural scientist")
    FRONT_DOOR = "front_door", _("Front-door worker")
    PARTNER = "partner", _("Partner user")
    POLICY = "policy", _("Policy (aggregates only)")
    RAYON_MANAGER = "rayon_manager", _("Rayon manager (aggregates of the rayon's teams)")
    ADMIN = "admin", _("Functional administrator")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")


TEAM_ROLES = {
    Role.TEAM_MEMBER,
    Role.TEAM_LEADER,
    Role.BEHAVIOURAL_SCIENTIST,
    Role.FRONT_DOOR,
}


class Registration(models.TextChoices):
    NONE = "", _("None")
    SKJ = "skj", _("SKJ")
    BIG = "big", _("BIG")
