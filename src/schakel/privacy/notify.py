"""Alerts by e-mail. They name a household by reference only and never carry
personal data or the reason given (which may hold some), so a mail can never
disclose a secret address or anything about a child flagged "do not contact
the parents"."""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from schakel.privacy.models import EmergencyAccess

log = logging.getLogger(__name__)


def emergency_granted(grant: EmergencyAccess) -> int:
    """Tell the household's team leaders and the privacy officers; returns mails sent."""
    from schakel.privacy.glass import reviewers

    recipients = sorted({s.user.email for s in reviewers(grant.household) if s.user.email})
    if not recipients:
        return 0
    with translation.override("nl"):
        subject = _("Emergency access to household %(ref)s") % {
            "ref": grant.household.reference}
        body = _(
            "%(name)s used emergency access (break-the-glass) to household %(ref)s on "
            "%(when)s, valid until %(until)s.\n\n"
            "Read the reason and judge this access in the review queue: %(path)s"
        ) % {
            "name": grant.staff.display_name, "ref": grant.household.reference,
            "when": timezone.localtime(grant.granted_at).strftime("%d-%m-%Y %H:%M"),
            "until": timezone.localtime(grant.expires_at).strftime("%H:%M"),
            "path": reverse("privacy:emergency_queue"),
        }
    try:
        return send_mail(subject, body, None, recipients)
    except OSError:  # no mail server: the review queue still shows the grant
        log.exception("could not mail the emergency-access alert for grant %s", grant.pk)
        return 0
