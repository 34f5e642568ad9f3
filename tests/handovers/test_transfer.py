"""A household moves to another district: the receiving team accepts or refuses."""

from __future__ import annotations

import pytest

from schakel.cases.constants import EventKind, InvolvementKind, State
from schakel.cases.services import CaseError, add_involvement, record
from schakel.handovers import services
from schakel.handovers.queries import incoming_transfers
from schakel.privacy.access import involvement, visible_households
from schakel.tenancy.models import Municipality, Team
from schakel.tenancy.services import create_team

pytestmark = pytest.mark.django_db


def test_the_sending_team_keeps_direction_until_the_receiving_team_accepts(
        active_episode, other_team, worker, west_leader):
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd naar West")
    active_episode.refresh_from_db()
    assert active_episode.team_id != other_team.pk
    assert active_episode.director_id == worker.pk
    assert [i.episode.pk for i in incoming_transfers(west_leader)] == [active_episode.pk]
    assert involvement(west_leader, active_episode.household) is None


def test_an_accepted_transfer_continues_the_same_episode_in_the_new_team(
        active_episode, other_team, worker, west_leader, west_coach):
    record(active_episode, EventKind.PLAN_AGREED, by=worker, note="Plan met doelen")
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd naar West")
    services.accept_transfer(active_episode, by=west_leader, worker=west_coach)
    active_episode.refresh_from_db()
    assert active_episode.team_id == other_team.pk
    assert active_episode.household.team_id == other_team.pk
    assert active_episode.director_id == west_coach.pk
    assert active_episode.state == State.ACTIVE
    assert active_episode.closed_at is None
    assert active_episode.household.episodes.count() == 1
    kinds = list(active_episode.events.values_list("kind", flat=True))
    assert kinds[-3:] == [EventKind.PLAN_AGREED, EventKind.TRANSFER_REQUESTED,
                          EventKind.TRANSFER_ACCEPTED]
    assert incoming_transfers(west_leader) == []
    assert involvement(west_coach, active_episode.household).care


def test_the_receiving_team_names_a_director_when_the_household_has_one(
        active_episode, other_team, worker, west_leader):
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    with pytest.raises(CaseError, match="Name the case director in the receiving team"):
        services.accept_transfer(active_episode, by=west_leader)


def test_the_new_director_must_belong_to_the_receiving_team(
        active_episode, other_team, worker, second_worker, west_leader):
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    with pytest.raises(CaseError, match="is not a member of team Team West"):
        services.accept_transfer(active_episode, by=west_leader, worker=second_worker)


def test_a_refusal_needs_a_reason_and_leaves_the_household_with_the_sender(
        active_episode, other_team, worker, west_leader):
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    with pytest.raises(CaseError, match="Give the reason for refusing"):
        services.refuse_transfer(active_episode, by=west_leader, reason=" ")
    services.refuse_transfer(active_episode, by=west_leader, reason="Adres ligt in Oost")
    active_episode.refresh_from_db()
    assert active_episode.director_id == worker.pk
    assert services.pending_request(active_episode) is None
    with pytest.raises(CaseError, match="No transfer of this household is waiting"):
        services.accept_transfer(active_episode, by=west_leader)


def test_only_a_leader_of_the_receiving_team_answers(
        active_episode, other_team, worker, leader, west_coach):
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    for someone in (leader, west_coach):
        with pytest.raises(CaseError, match="Only a team leader of Team West"):
            services.accept_transfer(active_episode, by=someone, worker=west_coach)


def test_one_transfer_at_a_time_and_no_closing_while_it_waits(
        active_episode, other_team, team, worker):
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    third = create_team(team.municipality, "Team Noord", external_id="team-noord")
    with pytest.raises(CaseError, match="waiting for an answer"):
        services.request_transfer(active_episode, third, by=worker, reason="Toch Noord")


def test_a_team_of_another_municipality_gets_an_export_not_a_transfer(active_episode, worker):
    elsewhere = Municipality.objects.create(name="Elders", cbs_code="GM0001", external_id="gm1")
    far = Team.objects.create(municipality=elsewhere, name="Team Ver", external_id="team-ver")
    with pytest.raises(CaseError, match="another municipality"):
        services.request_transfer(active_episode, far, by=worker, reason="Verhuisd")
    with pytest.raises(CaseError, match="already with this team"):
        services.request_transfer(active_episode, active_episode.team, by=worker, reason="x")


def test_the_sending_team_loses_access_after_acceptance_unless_still_involved(
        active_episode, other_team, worker, second_worker, leader, west_leader, west_coach):
    add_involvement(active_episode, by=worker, kind=InvolvementKind.TEAM, staff=second_worker)
    services.request_transfer(active_episode, other_team, by=worker, reason="Verhuisd")
    services.accept_transfer(active_episode, by=west_leader, worker=west_coach)
    household = active_episode.household
    assert involvement(worker, household) is None
    assert involvement(leader, household) is None
    assert household not in visible_households(worker)
    still = involvement(second_worker, household)
    assert still is not None and still.reasons == ("involved",)
    assert household in visible_households(second_worker)
    assert involvement(west_leader, household) is not None
    assert household in visible_households(west_coach)


def test_an_unassigned_household_moves_to_the_receiving_teams_work_stock(
        episode, other_team, worker, west_leader, west_coach):
    services.request_transfer(episode, other_team, by=worker, reason="Verhuisd")
    with pytest.raises(CaseError, match="accept it without a director"):
        services.accept_transfer(episode, by=west_leader, worker=west_coach)
    services.accept_transfer(episode, by=west_leader)
    episode.refresh_from_db()
    assert (episode.team_id, episode.state, episode.director_id) == (
        other_team.pk, State.REGISTERED, None)
    assert involvement(west_coach, episode.household).reasons == ("werkvoorraad",)
    assert involvement(worker, episode.household) is None
