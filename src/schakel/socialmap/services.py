"""Changes to the sociale kaart: entries kept current, residents linked to activities."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases import queries as case_queries
from schakel.people.models import Household, Person
from schakel.privacy.access import log_change
from schakel.socialmap.constants import Need, TargetGroup
from schakel.socialmap.models import ActivityLink, ContactPerson, MapOrganisation, Offer
from schakel.tenancy.models import StaffProfile


@transaction.atomic
def save_organisation(entry: MapOrganisation, *, by: StaffProfile) -> MapOrganisation:
    """Save a map entry; the editor verified it today and keeps it current unless named."""
    entry.municipality_id = by.municipality_id
    entry.last_verified = timezone.localdate()
    if entry.keeper_id is None:
        entry.keeper = by
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def save_offer(offer: Offer, *, by: StaffProfile) -> Offer:
    errors: dict[str, str] = {}
    if not offer.needs or any(n not in Need.values for n in offer.needs):
        errors["needs"] = _("Choose at least one need it helps with.")
    if not offer.target_groups or any(t not in TargetGroup.values for t in offer.target_groups):
        errors["target_groups"] = _("Choose for whom it is.")
    if offer.provider.municipality_id != by.municipality_id:
        errors["provider"] = _("Choose an organisation of your municipality.")
    if errors:
        raise ValidationError(errors)
    offer.last_verified = timezone.localdate()
    if offer.keeper_id is None:
        offer.keeper = by
    offer.full_clean()
    offer.save()
    return offer


@transaction.atomic
def save_contact(contact: ContactPerson, *, by: StaffProfile) -> ContactPerson:
    if contact.provider.municipality_id != by.municipality_id:
        raise ValidationError(_("Choose an organisation of your municipality."))
    contact.full_clean()
    contact.save()
    MapOrganisation.objects.filter(pk=contact.provider_id).update(
        last_verified=timezone.localdate())
    return contact


@transaction.atomic
def link_activity(household: Household, offer: Offer, *, by: StaffProfile,
                  person: Person | None = None, note: str = "") -> ActivityLink:
    """Record that the team linked the household (or one member) to ``offer``."""
    if not offer.active or offer.provider.municipality_id != household.team.municipality_id:
        raise ValidationError({"offer": _("Choose an active offer of the sociale kaart.")})
    if person is not None and not household.members.filter(person=person).exists():
        raise ValidationError({"person": _("Choose a member of this household.")})
    link = ActivityLink.objects.create(
        household=household, person=person, episode=case_queries.current_episode(household),
        offer=offer, note=note.strip()[:300], linked_by=by, linked_at=timezone.now())
    log_change(by, "activity_linked", household=household, person=person,
               fields="activity link", detail=f"offer={offer.pk}")
    return link
