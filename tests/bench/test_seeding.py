"""The bench seeder writes episodes whose stored columns equal the fold of their events."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from schakel.cases.constants import State
from schakel.cases.models import Episode, Event, Involvement
from schakel.cases.projection import derived_fields
from schakel.people.models import Household, HouseholdMember

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _seeding() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_seeding", BENCH / "seeding.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_seeded_episodes_hold_exactly_what_their_events_fold_to() -> None:
    seeding = _seeding()
    now = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
    _staffing, planner = seeding.seed(60, teams=2, workers_per_team=3, now=now,
                                      chunk_households=20)

    assert Episode.objects.count() == planner.episodes_planned == 60
    assert Event.objects.count() == planner.events_planned
    assert seeding.verify() == {"checked": 60, "mismatches": 0}
    for episode in Episode.objects.prefetch_related("events"):
        events = sorted(episode.events.all(), key=lambda e: e.seq)
        expected = derived_fields(events)
        assert {name: getattr(episode, name) for name in expected} == expected


@pytest.mark.django_db
def test_seeded_history_has_every_state_members_and_involved_professionals() -> None:
    seeding = _seeding()
    now = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
    seeding.seed(400, teams=2, workers_per_team=3, now=now, chunk_households=100)

    states = set(Episode.objects.values_list("state", flat=True))
    assert states == {s.value for s in State}
    assert not Household.objects.exclude(
        pk__in=HouseholdMember.objects.values("household_id")).exists()
    added = Event.objects.filter(kind="involvement_added").count()
    assert added and Involvement.objects.count() == added
    returned = Episode.objects.filter(previous__isnull=False)
    assert all(e.number == 2 and e.previous.closed_at is not None for e in returned)
