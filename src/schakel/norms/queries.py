"""Loading norms, calendars and obligations from the database."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from schakel.cases.constants import OPEN_STATES, EventKind, State
from schakel.cases.models import Episode, Event
from schakel.norms.calendar import WorkingCalendar
from schakel.norms.constants import ObligationStatus
from schakel.norms.models import ClosingDay, Norm
from schakel.norms.rules import (
    NORM_FIELDS,
    EventFact,
    NormBook,
    NormVersion,
    Obligation,
    obligations,
)
from schakel.tenancy.models import StaffProfile, Team

SIGNAL_STATUSES = (ObligationStatus.OVERDUE, ObligationStatus.DUE_SOON)


def norm_book(municipality_id: int) -> NormBook:
    rows = Norm.objects.filter(municipality_id=municipality_id).values(*NORM_FIELDS)
    return NormBook(NormVersion(**row) for row in rows)


def working_calendar(municipality_id: int) -> WorkingCalendar:
    days = ClosingDay.objects.filter(municipality_id=municipality_id).values_list("date", flat=True)
    return WorkingCalendar(days)


def event_facts(episode_ids: Iterable[int]) -> dict[int, list[EventFact]]:
    """Events per episode, in the form the norm rules read; one query per 2,000 episodes."""
    ids = list(episode_ids)
    facts: dict[int, list[EventFact]] = defaultdict(list)
    for i in range(0, len(ids), 2000):
        rows = (
            Event.objects.filter(episode_id__in=ids[i : i + 2000])
            .exclude(kind__in=[EventKind.INVOLVEMENT_ADDED, EventKind.INVOLVEMENT_ENDED])
            .values_list("episode_id", "kind", "occurred_at", "data")
            .order_by("episode_id", "seq")
        )
        for episode_id, kind, occurred_at, data in rows:
            facts[episode_id].append(EventFact(kind, occurred_at, data or {}))
    return facts


@dataclass(frozen=True)
class EpisodeObligation:
    episode: Episode
    obligation: Obligation
    status: ObligationStatus


def obligations_for_episodes(
    episodes: Iterable[Episode], *, at: dt.datetime | None = None
) -> list[EpisodeObligation]:
    at = at or timezone.now()
    episodes = list(episodes)
    facts = event_facts(e.pk for e in episodes)
    books: dict[int, NormBook] = {}
    calendars: dict[int, WorkingCalendar] = {}
    result = []
    for episode in episodes:
        mid = episode.team.municipality_id
        if mid not in books:
            books[mid], calendars[mid] = norm_book(mid), working_calendar(mid)
        for ob in obligations(facts[episode.pk], unit=episode.unit, urgency=episode.urgency,
                              book=books[mid], calendar=calendars[mid]):
            result.append(EpisodeObligation(episode, ob, ob.status(at)))
    return result


def _signals(episodes: Iterable[Episode], at: dt.datetime | None) -> list[EpisodeObligation]:
    found = [o for o in obligations_for_episodes(episodes, at=at) if o.status in SIGNAL_STATUSES]
    return sorted(found, key=lambda o: o.obligation.due_at)


def my_signals(staff: StaffProfile, *, at: dt.datetime | None = None) -> list[EpisodeObligation]:
    """Overdue and due-soon obligations of the households this person directs."""
    episodes = Episode.objects.filter(director=staff, state__in=OPEN_STATES).select_related(
        "household", "team"
    )
    return _signals(episodes, at)


def team_signals(team: Team, *, at: dt.datetime | None = None) -> list[EpisodeObligation]:
    """Every overdue and due-soon obligation of the team's open episodes (for the leader)."""
    states = (*OPEN_STATES, State.AFTERCARE)
    episodes = Episode.objects.filter(team=team, state__in=states).select_related(
        "household", "team", "director"
    )
    return _signals(episodes, at)

