"""Bases for processing and sharing: covenants between organisations and consents.

Legal tasks are facts of law and live in code (``schakel.privacy.legal``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household, Person
from schakel.privacy.constants import ConsentMethod, DataCategory, Purpose
from schakel.tenancy.models import Municipality, Organisation, StaffProfile


class Covenant(models.Model):
    """A written data-sharing agreement (convenant) between organisations."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=160)
    parties = models.ManyToManyField(Organisation, related_name="covenants",
                                     verbose_name=_("parties"))
    purposes = models.JSONField(_("purposes"), default=list)
    categories = models.JSONField(_("data categories"), default=list)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document_reference = models.CharField(_("document reference"), max_length=200)
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("covenant")
        verbose_name_plural = _("covenants")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def purpose_labels(self) -> list[str]:
        return [str(Purpose(p).label) for p in self.purposes if p in Purpose.values]

    def category_labels(self) -> list[str]:
        return [str(DataCategory(c).label) for c in self.categories if c in DataCategory.values]


def new_consent_id() -> str:
    """An external id for a consent recorded in the application (the exchange format's ``id``)."""
    return f"consent-{uuid.uuid4().hex}"


class Consent(models.Model):
    """A person's consent to share data for one purpose with one recipient."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    recipient = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="consents",
        verbose_name=_("recipient"),
    )
    categories = models.JSONField(_("data categories"), default=list)
    method = models.CharField(_("how it was given"), max_length=16,
                              choices=ConsentMethod.choices)
    given_at = models.DateTimeField(_("given on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawal_note = models.CharField(_("note on withdrawal"), max_length=300, blank=True)
    external_id = models.CharField(max_length=80, unique=True, default=new_consent_id,
                                   editable=False)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.person} → {self.recipient} ({self.purpose})"

    def valid_at(self, at: dt.datetime) -> bool:
        if self.given_at > at or (self.withdrawn_at is not None and self.withdrawn_at <= at):
            return False
        return self.valid_until is None or at.date() <= self.valid_until

    def category_labels(self) -> list[str]:
        return [str(DataCategory(c).label) for c in self.categories if c in DataCategory.values]
