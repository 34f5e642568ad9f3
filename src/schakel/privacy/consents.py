"""Recording bases: consents given and withdrawn, covenants agreed. Each is audit-logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.people.models import Household, Person
from schakel.privacy.access import log_change
from schakel.privacy.constants import ConsentMethod, DataCategory, Purpose
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import Consent, Covenant
from schakel.tenancy.models import Municipality, Organisation, StaffProfile


def _check_choices(purposes: Iterable[str], categories: Iterable[str]) -> None:
    errors: dict[str, str] = {}
    purposes, categories = list(purposes), list(categories)
    if not purposes or any(p not in Purpose.values for p in purposes):
        errors["purpose"] = _("Choose the purpose.")
    if not categories or any(c not in DataCategory.values for c in categories):
        errors["categories"] = _("Choose which data may be shared.")
    if errors:
        raise PrivacyError(errors)


@transaction.atomic
def give_consent(
    *, by: StaffProfile, person: Person, purpose: str, recipient: Organisation,
    categories: list[str], method: str, household: Household | None = None,
    given_at: dt.datetime | None = None, valid_until: dt.date | None = None, note: str = "",
) -> Consent:
    """Record that ``person`` consents to sharing ``categories`` with ``recipient``."""
    _check_choices([purpose], categories)
    if method not in ConsentMethod.values:
        raise PrivacyError({"method": _("Say how the consent was given.")})
    now = timezone.now()
    given_at = given_at or now
    if given_at > now + dt.timedelta(minutes=5):
        raise PrivacyError({"given_at": _("A consent cannot be given in the future.")})
    if valid_until is not None and valid_until < timezone.localdate(given_at):
        raise PrivacyError({"valid_until": _("The end date lies before the consent was given.")})
    consent = Consent.objects.create(
        person=person, household=household, purpose=purpose, recipient=recipient,
        categories=sorted(set(categories)), method=method, given_at=given_at,
        valid_until=valid_until, note=note.strip()[:300], recorded_by=by,
    )
    log_change(by, "consent_given", household=household, person=person,
               fields="consent", detail=f"consent={consent.pk} recipient={recipient.pk} "
               f"purpose={purpose} categories={','.join(consent.categories)}")
    return consent


@transaction.atomic
def withdraw_consent(consent: Consent, *, by: StaffProfile, note: str = "",
                     at: dt.datetime | None = None) -> Consent:
    """From now on the consent no longer counts as a basis for any disclosure."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise PrivacyError(_("This consent has already been withdrawn."))
    consent.withdrawn_at = at or timezone.now()
    consent.withdrawn_by = by
    consent.withdrawal_note = note.strip()[:300]
    consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
    log_change(by, "consent_withdrawn", household=consent.household, person=consent.person,
               fields="consent", detail=f"consent={consent.pk}")
    return consent


@transaction.atomic
def add_covenant(
    municipality: Municipality, *, by: StaffProfile, name: str, parties: list[Organisation],
    purposes: list[str], categories: list[str], valid_from: dt.date,
    valid_until: dt.date | None, document_reference: str,
) -> Covenant:
    """A data-sharing covenant between organisations, with its document reference."""
    _check_choices(purposes, categories)
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Give the covenant a name.")
    if len(parties) < 2:
        errors["parties"] = _("A covenant has at least two parties.")
    if not document_reference.strip():
        errors["document_reference"] = _("Refer to the signed document.")
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = _("The end date lies before the start date.")
    if errors:
        raise PrivacyError(errors)
    covenant = Covenant.objects.create(
        municipality=municipality, name=name.strip(), purposes=sorted(set(purposes)),
        categories=sorted(set(categories)), valid_from=valid_from, valid_until=valid_until,
        document_reference=document_reference.strip(), recorded_by=by,
    )
    covenant.parties.set(parties)
    log_change(by, "covenant_added", fields="covenant", detail=f"covenant={covenant.pk}")
    return covenant
