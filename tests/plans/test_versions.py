"""One plan per household in versions; a new version copies the last; differences readable."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from schakel.cases.services import CaseError
from schakel.plans import diff, services
from schakel.plans.constants import ActionStatus, Resource, VersionStatus
from schakel.plans.models import PlanVersion, SupportPlan
from schakel.plans.services import ActionInput, GoalInput
from tests.plans.helpers import EVALUATE, agree_and_sign, draft_with_goal

pytestmark = pytest.mark.django_db


def test_a_household_has_one_plan_and_one_draft_at_a_time(active_episode, worker):
    draft_with_goal(active_episode.household, worker)
    with pytest.raises(CaseError, match="There is a draft already"):
        services.new_version(active_episode.household, by=worker)
    assert SupportPlan.objects.count() == 1


def test_a_new_version_copies_the_previous_and_the_difference_is_readable(
    active_episode, worker, youth_leader,
):
    household = active_episode.household
    v1 = agree_and_sign(draft_with_goal(household, worker), worker, youth_leader)
    v2 = services.new_version(household, by=worker)
    assert v2.number == 2 and v2.status == VersionStatus.DRAFT
    goal = v2.goals.get()
    assert goal.key == v1.goals.get().key
    action = goal.actions.get()
    services.update_action(action, ActionInput(
        text=action.text, resource=Resource.OWN_NETWORK, owner="Zus Ans",
        evaluate_on=dt.date(2027, 3, 1), status=ActionStatus.IN_PROGRESS), by=worker)
    new_goal = services.add_goal(v2, GoalInput(life_area="social_network",
                                               text="Vaker contact met familie"), by=worker)
    services.add_action(new_goal, ActionInput(
        text="Zondag bij oma eten", resource=Resource.OWN_STRENGTH, owner="Sanne",
        evaluate_on=EVALUATE), by=worker)

    changes = diff.between(v1, v2)
    summary = [(c.what, c.how, c.title) for c in changes]
    assert ("goal", "added", "Vaker contact met familie") in summary
    assert ("action", "added", "Zondag bij oma eten") in summary
    changed = next(c for c in changes if c.how == "changed")
    assert changed.title == "Aanmelden bij schuldhulpmaatje"
    assert ("Resource", "Volunteer", "Own network") in changed.fields
    assert ("Who does it", "Sanne met vrijwilliger", "Zus Ans") in changed.fields

    services.remove_goal(new_goal, by=worker)
    services.remove_goal(goal, by=worker)
    assert ("goal", "removed", "Schulden op een rij") in [
        (c.what, c.how, c.title) for c in diff.between(v1, v2)]


def test_the_new_version_becomes_current_and_the_old_one_is_superseded(
    active_episode, worker, youth_leader,
):
    household = active_episode.household
    v1 = agree_and_sign(draft_with_goal(household, worker), worker, youth_leader)
    v2 = agree_and_sign(services.new_version(household, by=worker), worker, youth_leader)
    v1.refresh_from_db()
    assert (v1.status, v2.status) == (VersionStatus.SUPERSEDED, VersionStatus.CURRENT)
    assert PlanVersion.objects.filter(status=VersionStatus.CURRENT).count() == 1


def test_the_status_of_an_action_in_the_current_plan_can_be_updated(
    active_episode, worker, youth_leader,
):
    version = agree_and_sign(draft_with_goal(active_episode.household, worker), worker,
                             youth_leader)
    action = version.goals.get().actions.get()
    services.set_action_status(action, ActionStatus.DONE, by=worker)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_the_version_page_shows_what_changed(active_episode, worker, youth_leader, login):
    household = active_episode.household
    agree_and_sign(draft_with_goal(household, worker), worker, youth_leader)
    v2 = services.new_version(household, by=worker)
    services.add_goal(v2, GoalInput(life_area="housing", text="Huurachterstand weg"), by=worker)
    page = login(worker).get(reverse("plans:version", args=[household.reference, 2]))
    text = page.content.decode()
    assert "Wat is er veranderd sinds versie 1" in text
    assert "Doel toegevoegd:" in text and "Huurachterstand weg" in text
