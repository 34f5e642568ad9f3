"""The read side of handovers: incoming transfers, the 18th-birthday signal, consents to renew."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from schakel.cases.constants import OPEN_STATES, EventKind
from schakel.cases.models import Episode, Event
from schakel.handovers.services import eighteenth_birthday, pending_request
from schakel.norms.calendar import add_months
from schakel.norms.queries import norm_book
from schakel.people.models import Household, Person
from schakel.privacy.constants import ConsentMethod
from schakel.privacy.models import Consent
from schakel.tenancy.models import StaffProfile

# The norm (defaults.json, adjustable per municipality) whose length says how many
# months before the 18th birthday the director is signalled.
TRANSITION_NORM = "transition_18"
DEFAULT_MONTHS_AHEAD = 6


@dataclass(frozen=True)
class Incoming:
    episode: Episode
    request: Event


def incoming_transfers(staff: StaffProfile) -> list[Incoming]:
    """Transfers waiting for an answer from a team this person leads."""
    led = list(staff.memberships.filter(role="team_leader").values_list(
        "team__external_id", flat=True))
    requested = Event.objects.filter(
        kind=EventKind.TRANSFER_REQUESTED, data__to_team__in=led,
        episode__state__in=OPEN_STATES,
    ).select_related("episode__household", "episode__team", "recorded_by")
    found = []
    for event in requested.order_by("occurred_at"):
        pending = pending_request(event.episode)
        if pending is not None and pending.pk == event.pk:
            found.append(Incoming(event.episode, event))
    return found


def months_ahead(municipality_id: int, day: dt.date) -> int:
    norm = norm_book(municipality_id).in_force(TRANSITION_NORM, day)
    return norm.length if norm is not None else DEFAULT_MONTHS_AHEAD


@dataclass(frozen=True)
class ComingOfAge:
    """A household member nearing 18 in an episode this person directs."""

    episode: Episode
    person: Person
    turns_18_on: dt.date
    consents_to_renew: int


def planned_transitions(episode: Episode) -> set[str]:
    return {str(d.get("person")) for d in episode.events.filter(
        kind=EventKind.ADULT_TRANSITION_PLANNED).values_list("data", flat=True)}


def representative_consents(person: Person, at: dt.datetime) -> list[Consent]:
    """Consents still in force that a parent or representative gave for ``person``."""
    rows = Consent.objects.filter(person=person, method=ConsentMethod.REPRESENTATIVE,
                                  withdrawn_at__isnull=True)
    return [c for c in rows if c.valid_at(at)]


def coming_of_age(staff: StaffProfile, *, at: dt.datetime | None = None) -> list[ComingOfAge]:
    """Members turning 18 within the configured months, no transition step planned yet."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    horizon = add_months(today, months_ahead(staff.municipality_id, today))
    episodes = Episode.objects.filter(director=staff, state__in=OPEN_STATES).select_related(
        "household", "team")
    found = []
    for episode in episodes:
        planned = planned_transitions(episode)
        for person in Person.objects.filter(memberships__household=episode.household,
                                            birth_date__isnull=False):
            assert person.birth_date is not None
            turns = eighteenth_birthday(person.birth_date)
            if today <= turns <= horizon and person.external_id not in planned:
                found.append(ComingOfAge(episode, person, turns,
                                         len(representative_consents(person, at))))
    return sorted(found, key=lambda c: c.turns_18_on)


@dataclass(frozen=True)
class Renewal:
    consent: Consent
    turns_18_on: dt.date


def consents_to_renew(household: Household, *, at: dt.datetime | None = None,
                      months: int | None = None) -> list[Renewal]:
    """Consents a parent gave for a member who is 18 or turns 18 within the signal window:
    from 18 the young adult decides, so the consent is asked again from them."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    if months is None:
        months = months_ahead(household.team.municipality_id, today)
    horizon = add_months(today, months)
    found = []
    persons: QuerySet[Person] = Person.objects.filter(memberships__household=household,
                                                      birth_date__isnull=False)
    for person in persons:
        assert person.birth_date is not None
        turns = eighteenth_birthday(person.birth_date)
        if turns <= horizon:
            found += [Renewal(c, turns) for c in representative_consents(person, at)]
    return found
