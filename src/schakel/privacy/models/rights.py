"""Data-subject rights: correction requests and objections to processing."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Person
from schakel.privacy.constants import Purpose, RequestStatus
from schakel.tenancy.models import StaffProfile


class CorrectionRequest(models.Model):
    """A request to correct (rectify) or complete data held about a person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="corrections")
    received_at = models.DateTimeField(_("received on"))
    request = models.TextField(_("what should be corrected"))
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices,
                              default=RequestStatus.RECEIVED)
    response = models.TextField(_("handling"), blank=True)
    handled_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.person_id} {self.received_at:%Y-%m-%d} {self.status}"


class Objection(models.Model):
    """An objection to processing for a purpose; upheld, it stops that processing."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="objections")
    purpose = models.CharField(_("purpose objected to"), max_length=24,
                               choices=Purpose.choices)
    received_at = models.DateTimeField(_("received on"))
    grounds = models.TextField(_("grounds"))
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices,
                              default=RequestStatus.RECEIVED)
    decision = models.TextField(_("decision"), blank=True)
    handled_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.person_id} {self.purpose} {self.status}"

    @property
    def upheld(self) -> bool:
        return self.status in (RequestStatus.GRANTED, RequestStatus.PARTLY_GRANTED)
