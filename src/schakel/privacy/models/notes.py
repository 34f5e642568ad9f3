"""The data category of what an event records (its note or signal text)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.cases.models import Event
from schakel.privacy.constants import DataCategory


class EventCategory(models.Model):
    """Marks an event's free text as sensitive (health, justice, safety) or other."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="privacy_category")
    category = models.CharField(_("data category"), max_length=12,
                                choices=DataCategory.choices)


    class Meta:
        verbose_name = _("data category of a step")
        verbose_name_plural = _("data categories of steps")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.category}"
