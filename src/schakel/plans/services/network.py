"""The network map around the household (ecogram)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases.services import CaseError
from schakel.people.models import Household, Person
from schakel.people.services import new_external_id
from schakel.plans.constants import Influence, NetworkKind
from schakel.plans.models import NetworkEntry
from schakel.plans.services.common import check_may_record
from schakel.tenancy.models import StaffProfile


@dataclass
class NetworkInput:
    kind: str
    name: str
    role: str
    influence: str
    related_to: Person | None = None
    contact: str = ""
    note: str = ""


def _check_network(household: Household, data: NetworkInput) -> None:
    errors: dict[str, str] = {}
    if data.kind not in NetworkKind.values:
        errors["kind"] = _("Choose person or organisation.")
    if not data.name.strip():
        errors["name"] = _("Give a name.")
    if not data.role.strip():
        errors["role"] = _("Give the role or relation.")
    if data.influence not in Influence.values:
        errors["influence"] = _("Choose whether they support or burden the household.")
    if data.related_to is not None and not household.members.filter(
        person=data.related_to
    ).exists():
        errors["related_to"] = _("This person is not a member of the household.")
    if errors:
        raise CaseError(errors)


@transaction.atomic
def add_network_entry(household: Household, data: NetworkInput, *,
                      by: StaffProfile) -> NetworkEntry:
    check_may_record(by, household)
    _check_network(household, data)
    return NetworkEntry.objects.create(
        household=household, kind=data.kind, name=data.name.strip(), role=data.role.strip(),
        influence=data.influence, related_to=data.related_to, contact=data.contact.strip(),
        note=data.note.strip(), created_by=by, external_id=new_external_id("network"),
    )


@transaction.atomic
def update_network_entry(entry: NetworkEntry, data: NetworkInput, *,
                         by: StaffProfile) -> NetworkEntry:
    check_may_record(by, entry.household)
    _check_network(entry.household, data)
    entry.kind, entry.name, entry.role = data.kind, data.name.strip(), data.role.strip()
    entry.influence, entry.related_to = data.influence, data.related_to
    entry.contact, entry.note = data.contact.strip(), data.note.strip()
    entry.save()
    return entry


@transaction.atomic
def end_network_entry(entry: NetworkEntry, *, by: StaffProfile) -> NetworkEntry:
    """No longer around: kept (a plan may point to it), shown as ended."""
    check_may_record(by, entry.household)
    if entry.ended_on is not None:
        raise CaseError(_("This entry has ended already."))
    entry.ended_on = timezone.localdate()
    entry.save(update_fields=["ended_on"])
    return entry
