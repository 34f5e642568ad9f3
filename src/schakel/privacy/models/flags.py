"""Sensitive flags on a household or one of its members."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household, Person
from schakel.privacy.constants import FlagKind
from schakel.tenancy.models import StaffProfile


def new_flag_id() -> str:
    """An external id for a flag set in the application (the exchange format's ``id``)."""
    return f"flag-{uuid.uuid4().hex}"


class SensitiveFlag(models.Model):
    """E.g. "do not contact the parents": a child may get help without their knowledge."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="flags")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=FlagKind.choices)
    note = models.CharField(_("explanation"), max_length=300, blank=True)
    set_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(_("set on"))
    ended_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(_("ended on"), null=True, blank=True)
    external_id = models.CharField(max_length=80, unique=True, default=new_flag_id,
                                   editable=False)

    class Meta:
        verbose_name = _("sensitive flag")
        verbose_name_plural = _("sensitive flags")
        ordering = ["kind", "set_at"]

    def __str__(self) -> str:
        return self.get_kind_display()
