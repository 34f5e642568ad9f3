"""The figures treat a transfer as a continuation, never a closure plus a new case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from schakel.cases.constants import Channel, EventKind, Source
from schakel.cases.services import RegistrationInput, assign, record, register, start_help
from schakel.handovers import services
from schakel.insight.filters import Scope
from schakel.insight.handovers import handover_figures
from schakel.insight.times import waiting_times
from schakel.insight.waiting import waiting_on
from schakel.norms.queries import obligations_for_episodes
from schakel.tenancy.constants import UnitKind
from tests.conftest import family_members

pytestmark = pytest.mark.django_db
LATER = "Recorded afterwards from the file"


def ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


@pytest.fixture
def moved(team, other_team, worker, west_leader, west_coach):
    """Registered 30 days ago in Oost, moved to West and accepted; help started in West."""
    episode = register(worker, RegistrationInput(
        team=team, unit=UnitKind.YOUTH, source=Source.GP, channel=Channel.PHONE,
        occurred_at=ago(30), backdate_reason=LATER), household_name="Bakker",
        members=family_members())
    assign(episode, worker, by=worker, occurred_at=ago(28), backdate_reason=LATER)
    services.request_transfer(episode, other_team, by=worker, reason="Verhuisd",
                              occurred_at=ago(20), backdate_reason=LATER)
    services.accept_transfer(episode, by=west_leader, worker=west_coach)
    start_help(episode, by=west_coach)
    record(episode, EventKind.SCALED_UP, by=west_coach)
    episode.refresh_from_db()
    return episode


def test_waiting_counts_a_moved_household_once_from_its_first_registration(
        moved, municipality, other_team):
    before_help = timezone.localdate(ago(10))
    figure = waiting_on(before_help, Scope(municipality.pk))
    assert figure["total"] == 1
    assert figure["assigned_not_started"] == 1
    assert figure["by_team"] == {"Team West": {"werkvoorraad": 0, "assigned_not_started": 1,
                                               "total": 1}}
    assert figure["days_waited_so_far"]["max"] >= 20


def test_waiting_time_to_help_runs_from_the_first_registration_across_the_move(
        moved, municipality):
    today = timezone.localdate()
    figure = waiting_times(today - dt.timedelta(days=40), today, Scope(municipality.pk))
    assert figure["cohort"] == 1
    started = figure["milestones"][EventKind.HELP_STARTED]
    assert started["reached"] == 1 and started["closed_before_reaching"] == 0
    assert started["median"] >= 29.9


def test_the_duration_guideline_is_not_restarted_by_a_transfer(moved):
    durations = [o for o in obligations_for_episodes([moved])
                 if o.obligation.norm.code == "duration_youth"]
    assert len(durations) == 1
    assert durations[0].obligation.started_at == moved.help_started_at
    assert moved.closed_at is None and moved.household.episodes.count() == 1


def test_the_time_from_transfer_request_to_acceptance_is_reported(moved, municipality):
    today = timezone.localdate()
    figure = handover_figures(today - dt.timedelta(days=40), today, Scope(municipality.pk))
    transfers = figure["transfers"]
    assert (transfers["requested"], transfers["accepted"], transfers["refused"]) == (1, 1, 0)
    assert transfers["days_request_to_acceptance"]["median"] == pytest.approx(20, abs=0.01)
    assert figure["households_without_director"] == 0


def test_the_handover_report_command_prints_the_figures(moved, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    today = timezone.localdate()
    call_command("handover_report", "--from", (today - dt.timedelta(days=40)).isoformat(),
                 "--to", today.isoformat())
    printed = capsys.readouterr().out
    assert '"accepted": 1' in printed and '"households_without_director": 0' in printed
    with pytest.raises(CommandError, match="--from: 'gisteren' is not a date"):
        call_command("handover_report", "--from", "gisteren", "--to", today.isoformat())
