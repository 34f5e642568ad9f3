"""Likely duplicates of the persons being registered, split by what the user may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from schakel.cases import queries
from schakel.cases.models import Episode
from schakel.people.models import Household, Person
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

    @property
    def any(self) -> bool:
        return bool(self.matches) or self.hidden_count > 0


def find(inputs: list[PersonInput], visible: QuerySet[Household]) -> Duplicates:
    persons: dict[int, Person] = {}
    for data in inputs:
        for match in find_duplicates(data):
            persons[match.person.pk] = match.person
    if not persons:
        return Duplicates()
    households = list(queries.households_of(list(persons.values()), visible))
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
    return Duplicates(matches, len(set(persons) - seen))


def new_members(inputs: list[PersonInput], household: Household) -> list[PersonInput]:
    """The persons typed in who are not already members of ``household``."""
    member_ids = set(household.members.values_list("person_id", flat=True))
    result = []
    for data in inputs:
        if not any(m.person.pk in member_ids for m in find_duplicates(data)):
            result.append(data)
    return result
