"""Norms and deadlines as versioned data per municipality, and closing days.

A norm version applies from ``valid_from``; an obligation is judged by the
version in force on the day its start event happened. The shipped defaults
(``defaults.json``) are the versions in force when a municipality has none.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.norms.constants import LengthUnit, NormKind
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Municipality, StaffProfile


class Norm(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="norms")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=NormKind.choices)
    start_event = models.CharField(_("start event"), max_length=40, blank=True)
    end_event = models.CharField(_("end event"), max_length=40, blank=True)
    length = models.PositiveIntegerField(_("length"))
    unit = models.CharField(_("unit"), max_length=14, choices=LengthUnit.choices)
    applies_to_unit = models.CharField(
        _("applies to unit"), max_length=12, choices=UnitKind.choices, blank=True
    )
    applies_to_urgency = models.CharField(_("applies to urgency"), max_length=8, blank=True)
    extension_length = models.PositiveIntegerField(_("extension length"), default=0)
    extension_unit = models.CharField(
        _("extension unit"), max_length=14, choices=LengthUnit.choices, blank=True
    )
    roll_to_working_day = models.BooleanField(
        _("a deadline on a non-working day moves to the next working day"), default=False
    )
    valid_from = models.DateField(_("in force from"))
    recorded_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    note = models.CharField(_("reason for the change"), max_length=300, blank=True)

    class Meta:
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code", "valid_from"], name="norm_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} from {self.valid_from}"


class ClosingDay(models.Model):
    """A day the municipality's teams are closed; not a working day."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="closing_days"
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "date"], name="closing_day_unique")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"
