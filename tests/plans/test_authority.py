"""Goals for a minor need an SKJ/BIG registration; sign-off needs a leader of the unit."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.cases.services import CaseError
from schakel.norms.constants import ObligationStatus
from schakel.norms.queries import obligations_for_episodes
from schakel.plans import services
from schakel.plans.constants import VersionStatus
from schakel.plans.services import GoalInput
from schakel.tenancy.constants import Role, UnitKind
from tests.assessment.fixtures import adults_case, member
from tests.conftest import make_staff
from tests.plans.helpers import agree_and_sign, draft_with_goal

pytestmark = pytest.mark.django_db


def test_a_team_member_without_a_valid_skj_or_big_registration_cannot_set_a_goal_for_a_minor(
    team, worker, unregistered,
):
    household = adults_case(team, unregistered, by=worker).household
    version = services.new_version(household, by=unregistered)
    with pytest.raises(CaseError, match="Mila Bakker is a minor: only staff with a valid SKJ"):
        services.add_goal(version, GoalInput(life_area="parenting", text="Naar school",
                                             person=member(household, "Mila")),
                          by=unregistered)
    assert not version.goals.exists()
    # for the adult parent, and for the household as a whole, they may
    services.add_goal(version, GoalInput(life_area="finances", text="Rekeningen betalen",
                                         person=member(household, "Sanne")), by=unregistered)
    services.add_goal(version, GoalInput(life_area="housing", text="Woning houden"),
                      by=unregistered)
    assert version.goals.count() == 2


def test_a_registered_youth_worker_sets_a_goal_for_a_minor(active_episode, worker):
    household = active_episode.household
    version = services.new_version(household, by=worker)
    goal = services.add_goal(version, GoalInput(life_area="parenting", text="Naar school",
                                                person=member(household, "Mila")), by=worker)
    assert goal.person.given_name == "Mila"


def test_an_expired_registration_does_not_count(municipality, team, worker):
    lapsed = make_staff(municipality, team, "verlopen", registration_kind="skj",
                        registration_number="100099999",
                        registration_expires=dt.date(2020, 1, 1))
    household = adults_case(team, lapsed, by=worker).household
    version = services.new_version(household, by=lapsed)
    with pytest.raises(CaseError, match="minor"):
        services.add_goal(version, GoalInput(life_area="parenting", text="Naar school",
                                             person=member(household, "Mila")), by=lapsed)


def test_a_goal_for_a_minor_cannot_be_changed_by_staff_without_registration(
    team, worker, unregistered,
):
    household = adults_case(team, unregistered, by=worker).household
    version = services.new_version(household, by=worker)
    goal = services.add_goal(version, GoalInput(life_area="parenting", text="Naar school",
                                                person=member(household, "Mila")), by=worker)
    with pytest.raises(CaseError, match="minor"):
        services.update_goal(goal, GoalInput(life_area="parenting", text="Anders"),
                             by=unregistered)
    with pytest.raises(CaseError, match="minor"):
        services.remove_goal(goal, by=unregistered)
    assert version.goals.get().text == "Naar school"


def test_a_leader_of_the_adult_unit_cannot_sign_a_youth_plan(active_episode, worker, leader):
    version = draft_with_goal(active_episode.household, worker)
    with pytest.raises(CaseError, match="Only a team leader of the youth and family unit"):
        services.sign(version, by=leader)
    version.refresh_from_db()
    assert version.signed_at is None and version.status == VersionStatus.DRAFT


def test_a_leader_with_a_deputy_membership_on_the_youth_unit_may_sign(
    active_episode, worker, leader, team,
):
    from schakel.tenancy.models import Membership

    Membership.objects.create(staff=leader, team=team, unit=team.units.get(kind=UnitKind.YOUTH),
                              role=Role.TEAM_LEADER, deputy=True)
    version = draft_with_goal(active_episode.household, worker)
    assert services.sign(version, by=leader).signed_by == leader


def test_a_team_member_cannot_sign(active_episode, worker):
    version = draft_with_goal(active_episode.household, worker)
    with pytest.raises(CaseError, match="Only a team leader"):
        services.sign(version, by=worker)


def test_agreed_and_signed_the_plan_is_current_and_the_plan_norm_is_met(
    active_episode, worker, youth_leader,
):
    version = draft_with_goal(active_episode.household, worker)
    services.sign(version, by=youth_leader)
    assert not Event.objects.filter(kind=EventKind.PLAN_AGREED).exists()  # not agreed yet
    version = services.record_agreement(version, by=worker, agreed_on=dt.date.today(),
                                       how="phone")
    assert version.status == VersionStatus.CURRENT
    event = Event.objects.get(episode=active_episode, kind=EventKind.PLAN_AGREED)
    assert "signed by Leider Jeugd" in event.data["note"]
    plan_norm = next(o for o in obligations_for_episodes([active_episode])
                     if o.obligation.norm.code == "plan")
    assert plan_norm.status == ObligationStatus.MET_ON_TIME


def test_a_plan_is_agreed_only_once_help_has_started(episode, worker, youth_leader):
    version = draft_with_goal(episode.household, worker)
    services.sign(version, by=youth_leader)
    with pytest.raises(CaseError, match="once help has started"):
        services.record_agreement(version, by=worker, agreed_on=dt.date.today(), how="phone")
    version.refresh_from_db()
    assert version.agreed_on is None  # nothing half-written


def test_an_agreed_version_cannot_change(active_episode, worker, youth_leader):
    version = agree_and_sign(draft_with_goal(active_episode.household, worker), worker,
                             youth_leader)
    with pytest.raises(CaseError, match="Start a new version"):
        services.add_goal(version, GoalInput(life_area="housing", text="Woning"), by=worker)
