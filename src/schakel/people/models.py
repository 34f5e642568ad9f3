"""Persons and households. A household holds youth and adults together."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.bsn import validate_bsn
from schakel.people.constants import ADULT_AGE, HouseholdRole
from schakel.tenancy.models import Team


class Person(models.Model):
    given_name = models.CharField(_("given name"), max_length=80)
    family_name_prefix = models.CharField(_("prefix"), max_length=20, blank=True)
    family_name = models.CharField(_("family name"), max_length=120)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    bsn = models.CharField(
        _("BSN"), max_length=9, blank=True, db_index=True, validators=[validate_bsn]
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    street = models.CharField(_("street"), max_length=120, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, db_index=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    external_id = models.CharField(max_length=80, unique=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["family_name", "birth_date"], name="person_name_dob")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        parts = [self.given_name, self.family_name_prefix, self.family_name]
        return " ".join(p for p in parts if p)

    def age_on(self, day: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    def is_youth_on(self, day: dt.date) -> bool:
        age = self.age_on(day)
        return age is not None and age < ADULT_AGE


class Household(models.Model):
    """The unit of casework: one plan, one case director, youth and adults together."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="households")
    name = models.CharField(_("household name"), max_length=160, help_text=_("e.g. family name"))
    external_id = models.CharField(max_length=80, unique=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("relation"), max_length=10, choices=HouseholdRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["household", "person"], name="member_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role})"
