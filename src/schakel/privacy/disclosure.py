"""What a disclosure shows of a person, given the categories a basis covers.

Flags are honoured here as everywhere: a secret address is never disclosed,
and when a child's help is kept from the parents, a parent's disclosure holds
nothing about that household's case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schakel.cases.models import Episode, Event
from schakel.people.constants import HouseholdRole
from schakel.people.models import HouseholdMember, Person
from schakel.privacy.constants import SENSITIVE_CATEGORIES, DataCategory, FlagKind
from schakel.privacy.models import EventCategory, SensitiveFlag


@dataclass
class Disclosed:
    person: Person
    categories: frozenset[str]
    address_secret: bool = False
    withheld_case: bool = False
    episodes: list[Episode] = field(default_factory=list)
    notes: list[tuple[Event, str]] = field(default_factory=list)
    household_roles: list[str] = field(default_factory=list)

    def shows(self, category: str) -> bool:
        return category in self.categories


def disclosed(person: Person, categories: frozenset[str]) -> Disclosed:
    memberships = list(HouseholdMember.objects.filter(person=person).select_related("household"))
    household_ids = [m.household_id for m in memberships]
    flags = list(SensitiveFlag.objects.filter(household_id__in=household_ids,
                                              ended_at__isnull=True))
    secret = any(f.kind == FlagKind.SECRET_ADDRESS and f.person_id in (None, person.pk)
                 for f in flags)
    parent_in = {m.household_id for m in memberships if m.role == HouseholdRole.PARENT}
    kept_from_parents = {f.household_id for f in flags
                         if f.kind == FlagKind.DO_NOT_CONTACT_PARENTS} & parent_in
    shared = [h for h in household_ids if h not in kept_from_parents]
    view = Disclosed(person, categories, address_secret=secret,
                     withheld_case=bool(kept_from_parents))
    if DataCategory.HOUSEHOLD in categories:
        view.household_roles = [m.get_role_display() for m in memberships]
    if DataCategory.CASE in categories:
        view.episodes = list(Episode.objects.filter(household_id__in=shared)
                             .select_related("team", "director").order_by("-registered_at"))
    wanted = categories & SENSITIVE_CATEGORIES
    if wanted:
        for item in EventCategory.objects.filter(
            category__in=wanted, event__episode__household_id__in=shared
        ).select_related("event").order_by("-event__occurred_at"):
            view.notes.append((item.event, str(DataCategory(item.category).label)))
    return view
