"""Municipalities, districts, teams with their units, organisations and staff."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.tenancy.constants import (
    DistrictLevel,
    OrganisationKind,
    Registration,
    Role,
    UnitKind,
)


class Municipality(models.Model):
    """The tenant: a gemeente running access under the Wmo 2015 and the Jeugdwet."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True, help_text="GM0606")
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A wijk or buurt, identified by its CBS code (WK060601, BU06060101)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    level = models.CharField(max_length=8, choices=DistrictLevel.choices)
    cbs_code = models.CharField(_("CBS code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=120)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    external_id = models.CharField(max_length=80, unique=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.cbs_code})"


class Organisation(models.Model):
    """A parent organisation (employer of team members) or a partner."""

    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL
    )
    external_id = models.CharField(max_length=80, unique=True)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A sociaal wijkteam serving one district; it has a youth and an adults unit."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.SET_NULL)
    rayon = models.CharField(_("rayon"), max_length=80, blank=True)
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="team_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(_("unit"), max_length=12, choices=UnitKind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "kind"], name="unit_per_team")]

    def __str__(self) -> str:
        return f"{self.team.name} – {self.get_kind_display()}"


class StaffProfile(models.Model):
    """A person who works with Schakel: team member, leader, partner, policy, admin."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    display_name = models.CharField(_("name"), max_length=160)
    roles = models.JSONField(_("roles"), default=list, help_text="Role values")
    specialisms = models.JSONField(_("specialisms"), default=list, blank=True)
    fte = models.DecimalField(_("fte"), max_digits=4, decimal_places=2, default=1)
    registration_kind = models.CharField(
        _("professional register"), max_length=3, choices=Registration.choices, blank=True
    )
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    registration_expires = models.DateField(_("registration expires"), null=True, blank=True)
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name

    def has_role(self, role: Role | str) -> bool:
        return str(role) in self.roles or self.memberships.filter(role=str(role)).exists()

    def registration_valid_on(self, day: dt.date) -> bool:
        """Youth work requires a valid SKJ or BIG registration."""
        return bool(
            self.registration_kind
            and self.registration_number
            and (self.registration_expires is None or self.registration_expires >= day)
        )


class Membership(models.Model):
    """A staff member's place in a team: role, and the unit it applies to.

    A team leader's authority is per unit: a leader with a membership on the
    adults unit may not sign youth plans; a deputy membership on the youth unit
    grants that.
    """

    staff = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    deputy = models.BooleanField(_("deputy (plaatsvervanger)"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "team", "unit", "role"], name="membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.staff} – {self.team} ({self.role})"
