"""Likely duplicates of the persons being registered, split by what the user may see.

A match in a household the user is not involved with is only counted, except
a closed household (no open episode): that one is offered by reference and
team alone, so a return can still be linked to the earlier history instead of
starting a duplicate. Registering on it makes the user its registrant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from schakel.cases import queries
from schakel.cases.models import Episode
from schakel.people.models import Household, HouseholdMember, Person
from schakel.people.services import PersonInput, find_duplicates


@dataclass
class Match:
    household: Household
    persons: list[Person]
    open_episode: Episode | None


@dataclass
class Duplicates:
    matches: list[Match] = field(default_factory=list)
    hidden_count: int = 0  # matched persons in households the user may not see
    archived: list[Household] = field(default_factory=list)  # closed, not visible

    @property
    def any(self) -> bool:
        return bool(self.matches) or self.hidden_count > 0 or bool(self.archived)


def archived_households(persons: list[Person], municipality_id: int,
                        visible: QuerySet[Household]) -> list[Household]:
    """Matched, invisible households of the municipality with no open episode."""
    return list(
        Household.objects.filter(members__person__in=persons, merged_into__isnull=True,
                                 team__municipality_id=municipality_id, episodes__isnull=False)
        .exclude(episodes__closed_at__isnull=True)
        .exclude(pk__in=visible.values("pk"))
        .select_related("team").distinct().order_by("reference")
    )


def find(inputs: list[PersonInput], visible: QuerySet[Household],
         municipality_id: int | None = None) -> Duplicates:
    persons: dict[int, Person] = {}
    for data in inputs:
        for match in find_duplicates(data):
            persons[match.person.pk] = match.person
    if not persons:
        return Duplicates()
    households = list(queries.households_of(list(persons.values()), visible))
    archived = (archived_households(list(persons.values()), municipality_id, visible)
                if municipality_id is not None else [])
    open_episodes = {
        e.household_id: e
        for e in Episode.objects.filter(household__in=households, closed_at__isnull=True)
        .select_related("household")
    }
    seen: set[int] = set()
    matches = []
    for household in households:
        in_it = [m.person for m in household.members.all() if m.person_id in persons]
        matches.append(Match(household, in_it, open_episodes.get(household.pk)))
        seen |= {p.pk for p in in_it}
    archived_persons = set(HouseholdMember.objects.filter(
        household__in=archived, person_id__in=persons).values_list("person_id", flat=True))
    return Duplicates(matches, len(set(persons) - seen - archived_persons), archived)


def new_members(inputs: list[PersonInput], household: Household) -> list[PersonInput]:
    """The persons typed in who are not already members of ``household``."""
    member_ids = set(household.members.values_list("person_id", flat=True))
    result = []
    for data in inputs:
        if not any(m.person.pk in member_ids for m in find_duplicates(data)):
            result.append(data)
    return result
