"""What the security app keeps: when each user last ended all their sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionCutoff(models.Model):
    """Sessions of this user that began before ``not_before`` are no longer valid.

    "Log out everywhere" moves the moment forward; the session guard compares
    it with the moment each session was verified.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="session_cutoff")
    not_before = models.DateTimeField(_("sessions valid from"))

    def __str__(self) -> str:
        return f"{self.user_id} from {self.not_before:%Y-%m-%d %H:%M}"
