"""What the household page shows of privacy: flags, consents, members' details, hidden notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from schakel.people.models import Household, HouseholdMember, Person
from schakel.privacy.access import Access
from schakel.privacy.constants import SENSITIVE_CATEGORIES, DataCategory, FlagKind
from schakel.privacy.flags import active_flags
from schakel.privacy.models import Consent, EventCategory, SensitiveFlag
from schakel.tenancy.models import Organisation, StaffProfile
from schakel.web import timeline


@dataclass
class MemberRow:
    member: HouseholdMember
    age: int | None
    show_address: bool
    flags: list[SensitiveFlag] = field(default_factory=list)

    @property
    def person(self) -> Person:
        return self.member.person


def member_rows(members: QuerySet[HouseholdMember], today: dt.date, access: Access,
                flags: list[SensitiveFlag]) -> list[MemberRow]:
    """A secret address is shown to the case director and the team leader only."""
    household_secret = any(f.kind == FlagKind.SECRET_ADDRESS and f.person_id is None
                           for f in flags)
    rows = []
    for member in members:
        own = [f for f in flags if f.person_id == member.person_id]
        secret = household_secret or any(f.kind == FlagKind.SECRET_ADDRESS for f in own)
        rows.append(MemberRow(member, member.person.age_on(today),
                              access.sees_secret_address or not secret, own))
    return rows


def hide_sensitive(entries: list[timeline.Entry], household: Household, access: Access,
                   staff: StaffProfile) -> list[timeline.Entry]:
    """Notes of a sensitive category are for those who take part in the help (and their author)."""
    categories = dict(EventCategory.objects.filter(
        event__episode__household=household).values_list("event_id", "category"))
    for entry in entries:
        category = categories.get(entry.event.pk)
        if category is None:
            continue
        entry.category = str(DataCategory(category).label)
        if (category in SENSITIVE_CATEGORIES and not access.care
                and entry.event.recorded_by_id != staff.pk):
            entry.details = [(_("Hidden"), _(
                "This step holds %(category)s data; only those who take part in the help "
                "may read it.") % {"category": entry.category.lower()})]
            entry.hidden = True
    return entries


def consents(household: Household) -> list[Consent]:
    return list(Consent.objects.filter(person__memberships__household=household)
                .select_related("person", "recipient", "recorded_by").distinct())


def recipients(staff: StaffProfile) -> QuerySet[Organisation]:
    """Organisations data may be shared with: those of the municipality and without one."""
    return Organisation.objects.filter(
        Q(municipality=staff.municipality) | Q(municipality__isnull=True)
    ).order_by("name")


def flag_context(household: Household) -> dict[str, Any]:
    flags = active_flags(household)
    kinds = {f.kind for f in flags}
    return {
        "flags": flags,
        "no_parents": FlagKind.DO_NOT_CONTACT_PARENTS in kinds,
        "danger": FlagKind.DANGER_HOME_VISIT in kinds,
        "secret_address": FlagKind.SECRET_ADDRESS in kinds,
    }
