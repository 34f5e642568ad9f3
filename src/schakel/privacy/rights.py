"""Data-subject rights: correction requests and objections, and their handling."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.people.models import Person
from schakel.privacy.access import log_change
from schakel.privacy.constants import Purpose, RequestStatus
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import CorrectionRequest, Objection
from schakel.tenancy.models import StaffProfile

HANDLED = (RequestStatus.GRANTED, RequestStatus.PARTLY_GRANTED, RequestStatus.REFUSED)


@transaction.atomic
def request_correction(person: Person, *, by: StaffProfile, request: str,
                       received_at: dt.datetime | None = None) -> CorrectionRequest:
    if not request.strip():
        raise PrivacyError({"request": _("Describe what should be corrected.")})
    item = CorrectionRequest.objects.create(
        person=person, request=request.strip(), recorded_by=by,
        received_at=received_at or timezone.now(),
    )
    log_change(by, "correction_requested", person=person, fields="correction",
               detail=f"correction={item.pk}")
    return item


@transaction.atomic
def handle_correction(item: CorrectionRequest, *, by: StaffProfile, status: str,
                      response: str) -> CorrectionRequest:
    item = CorrectionRequest.objects.select_for_update().get(pk=item.pk)
    _check_handling(item.status, status, response)
    item.status, item.response, item.handled_by, item.handled_at = (
        status, response.strip(), by, timezone.now())
    item.save()
    log_change(by, "correction_handled", person=item.person, fields="correction",
               detail=f"correction={item.pk} {status}")
    return item


@transaction.atomic
def object_to_processing(person: Person, *, by: StaffProfile, purpose: str, grounds: str,
                         received_at: dt.datetime | None = None) -> Objection:
    errors = {}
    if purpose not in Purpose.values:
        errors["purpose"] = _("Choose the purpose the person objects to.")
    if not grounds.strip():
        errors["grounds"] = _("Write down the grounds the person gives.")
    if errors:
        raise PrivacyError(errors)
    item = Objection.objects.create(person=person, purpose=purpose, grounds=grounds.strip(),
                                    recorded_by=by, received_at=received_at or timezone.now())
    log_change(by, "objection_received", person=person, fields="objection",
               detail=f"objection={item.pk} purpose={purpose}")
    return item


@transaction.atomic
def decide_objection(item: Objection, *, by: StaffProfile, status: str,
                     decision: str) -> Objection:
    """An objection that is granted stops disclosures for its purpose (see bases)."""
    item = Objection.objects.select_for_update().get(pk=item.pk)
    _check_handling(item.status, status, decision)
    item.status, item.decision, item.handled_by, item.handled_at = (
        status, decision.strip(), by, timezone.now())
    item.save()
    log_change(by, "objection_decided", person=item.person, fields="objection",
               detail=f"objection={item.pk} {status}")
    return item


def _check_handling(current: str, status: str, text: str) -> None:
    if current != RequestStatus.RECEIVED:
        raise PrivacyError(_("This has already been handled."))
    errors = {}
    if status not in HANDLED:
        errors["status"] = _("Choose the outcome.")
    if not text.strip():
        errors["response"] = _("Write down what was decided and why.")
    if errors:
        raise PrivacyError(errors)
