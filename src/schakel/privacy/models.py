"""The audit log of reads of personal data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household
from schakel.tenancy.models import StaffProfile


class AccessLog(models.Model):
    """Who read which household's personal data, when, and why."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=40)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.staff_id} {self.action}"
