"""Retention rules per unit, and the record of each erasure."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Municipality


class RetentionRule(models.Model):
    """How long after the last closure a municipality keeps a unit's dossiers."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    unit = models.CharField(_("unit"), max_length=12, choices=UnitKind.choices)
    years = models.PositiveSmallIntegerField(_("years after closure"))
    legal_reference = models.CharField(_("legal reference"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "unit"], name="retention_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.years}"


class Erasure(models.Model):
    """Evidence that a household's personal data was erased; holds none itself."""

    household = models.OneToOneField(
        "people.Household", on_delete=models.DO_NOTHING, db_constraint=False,
        related_name="erasure",
    )
    reference = models.CharField(_("reference"), max_length=20)
    erased_at = models.DateTimeField(_("erased on"))
    erased_by = models.CharField(_("erased by"), max_length=160)
    rule = models.CharField(_("rule"), max_length=200)
    persons = models.PositiveIntegerField(_("persons erased"))
    events = models.PositiveIntegerField(_("events blanked"))

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"{self.reference} {self.erased_at:%Y-%m-%d}"
