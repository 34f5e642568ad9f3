"""Break-the-glass: time-limited access outside involvement, always reviewed."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household
from schakel.privacy.constants import Verdict
from schakel.tenancy.models import StaffProfile


class EmergencyAccess(models.Model):
    # A grant was for the household as it was; a merge does not move it.
    records_history = True

    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="emergency_accesses"
    )
    reason = models.TextField(_("reason"))
    granted_at = models.DateTimeField(_("granted on"))
    expires_at = models.DateTimeField(_("expires on"))
    verdict = models.CharField(_("verdict"), max_length=16, choices=Verdict.choices,
                               blank=True, default=Verdict.PENDING)
    reviewed_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)

    class Meta:
        verbose_name = _("emergency access")
        verbose_name_plural = _("emergency accesses")
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["staff", "expires_at"], name="glass_staff_expiry")]

    def __str__(self) -> str:
        return f"{self.staff} → {self.household_id} ({self.granted_at:%Y-%m-%d %H:%M})"

    def active_at(self, at: dt.datetime) -> bool:
        return self.granted_at <= at < self.expires_at
